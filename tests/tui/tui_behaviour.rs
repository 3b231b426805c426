//! How the screen behaves: secrecy in hot-seat play, undo, the mouse, and that every legal action
//! is reachable from the keys.

use crossterm::event::KeyCode::{Char, Down, Enter, Esc, PageUp};
use std::collections::HashSet;
use symmetric_alliance::engine::{Action, Game, Phase, Side, Viewer};

use crate::tui_common::*;
use symmetric_alliance::tui::describe::action_card;
use symmetric_alliance::tui::keys;
use symmetric_alliance::tui::msg::Msg;
use symmetric_alliance::tui::session::Row;

fn titles(a: &mut symmetric_alliance::tui::app::App, side: Side) -> Vec<String> {
    let s = session(a);
    let content = s.game().content().clone();
    s.game()
        .view(side)
        .hand
        .iter()
        .map(|c| content.card(*c).title.clone())
        .collect()
}

#[test]
fn hand_is_hidden_at_the_handoff_and_while_the_other_side_moves() {
    let mut a = hot_seat(7);
    let (w, s) = (
        titles(&mut a, Side::Washington),
        titles(&mut a, Side::Seoul),
    );
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("Pass to Washington"));
    assert!(
        w.iter().chain(&s).all(|t| !screen.contains(t.as_str())),
        "a hand shows at the hand-off"
    );
    press(&mut a, Enter);
    let screen = render(&mut a, 120, 40);
    assert!(
        w.iter().any(|t| screen.contains(t.as_str())),
        "Washington's hand is not shown to Washington"
    );
    let only_seoul: Vec<_> = s.iter().filter(|t| !w.contains(t)).collect();
    assert!(
        only_seoul.iter().all(|t| !screen.contains(t.as_str())),
        "Seoul's hand shows to Washington"
    );
}

#[test]
fn a_headline_pick_stays_secret_until_both_are_made() {
    let mut a = hot_seat(7);
    keys(&mut a, &[Enter, Enter]);
    let picked = match session(&mut a).chooser.as_ref().map(|c| c.card) {
        Some(c) => session(&mut a).game().content().card(c).title.clone(),
        None => panic!("no chooser"),
    };
    keys(&mut a, &[Enter, Enter]);
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("Seoul's hand"));
    let in_seoul_hand = titles(&mut a, Side::Seoul).contains(&picked);
    assert!(
        in_seoul_hand || !screen.contains(picked.as_str()),
        "Washington's pick shows to Seoul"
    );
}

#[test]
fn undo_takes_back_an_action_before_the_handoff() {
    let mut a = hot_seat(7);
    keys(&mut a, &[Enter, Enter, Enter, Enter, Enter, Enter, Enter]);
    assert!(matches!(
        session(&mut a).game().phase(),
        Phase::Actions { .. }
    ));
    session(&mut a).act(Action::OpenDeal);
    let before = session(&mut a).game().record().len();
    let log_before = session(&mut a).log.entries.len();
    let give = session(&mut a).game().legal_actions()[0];
    session(&mut a).act(give);
    press(&mut a, Char('u'));
    let s = session(&mut a);
    assert_eq!(s.game().record().len(), before);
    assert_eq!(
        s.log.entries.len(),
        log_before,
        "the taken-back action's log lines stay"
    );
}

#[test]
fn the_mouse_selects_then_confirms() {
    let mut a = hot_seat(7);
    press(&mut a, Enter);
    render(&mut a, 120, 40);
    let second = a
        .hits
        .iter()
        .find(|(_, m)| *m == Msg::Click(1))
        .map(|(r, _)| *r);
    assert!(second.is_some(), "no clickable second card");
    send(&mut a, Msg::Click(1));
    assert_eq!(session(&mut a).cursor, 1);
    send(&mut a, Msg::Click(1));
    assert!(
        session(&mut a).chooser.is_some(),
        "a second click does not open the card"
    );
    render(&mut a, 120, 40);
    assert!(
        a.hits.iter().any(|(_, m)| *m == Msg::Click(0)),
        "the chooser's rows are not clickable"
    );
    let bar_keys: Vec<Msg> = a.hits.iter().map(|(_, m)| *m).collect();
    assert!(
        bar_keys.contains(&Msg::Back),
        "the key bar's Esc is not a button"
    );
    press(&mut a, Esc);
    assert!(session(&mut a).chooser.is_none());
}

/// Every legal action is on a row or in a card's chooser, through a whole game of first choices.
#[test]
fn every_legal_action_is_reachable_by_keys() {
    let mut a = hot_seat(21);
    let mut steps = 0;
    while !session(&mut a).game().is_over() && steps < 2000 {
        steps += 1;
        if session(&mut a).needs_handoff() {
            session(&mut a).take_seat();
        }
        let s = session(&mut a);
        let legal: HashSet<Action> = s.game().legal_actions().into_iter().collect();
        let mut offered = HashSet::new();
        if matches!(s.game().phase(), Phase::Deal(_)) {
            offered.extend(s.deal_rows());
        } else {
            for row in s.rows() {
                match row {
                    Row::Action(x) => {
                        offered.insert(x);
                    }
                    Row::Card(c) => {
                        offered.extend(legal.iter().filter(|x| action_card(**x) == Some(c)))
                    }
                }
            }
        }
        assert_eq!(offered, legal, "in {:?}", s.game().phase());
        let last = *s.game().legal_actions().last().expect("a move");
        s.act(last);
    }
    assert!(session(&mut a).game().is_over());
}

/// Each key the bar offers changes what is on screen (or quits) when pressed, in a few states
/// of a game: the hand-off, the headline choice, an action, a card's chooser, and the help. A
/// key that moves a cursor or the log may stand at the end of its range; it must then act after
/// one press of the opposite key. Each key is tried on a fresh copy of the state, reached by
/// the same keys from the same seed, so one key's effect never hides another's.
#[test]
fn every_key_in_the_bar_does_something_now() {
    let to_action: &[crossterm::event::KeyCode] = &[Enter; 7];
    let states: [Vec<crossterm::event::KeyCode>; 5] = [
        vec![],
        vec![Enter, Down],
        [to_action, &[Down]].concat(),
        [to_action, &[Enter]].concat(),
        vec![Enter, Char('?')],
    ];
    for path in &states {
        let mut a = hot_seat(7);
        keys(&mut a, path);
        let bar = keys::bindings(&a);
        assert!(!bar.is_empty(), "no keys after {path:?}");
        for b in bar {
            for code in b.keys {
                assert!(
                    acts(path, &[], *code)
                        || opposite(*code).is_some_and(|o| acts(path, &[o], *code)),
                    "after {path:?}, {code:?} ({}) changes nothing",
                    b.what
                );
            }
        }
    }
}

/// Whether pressing `key` after `path` and then `first` changes the screen or quits.
fn acts(
    path: &[crossterm::event::KeyCode],
    first: &[crossterm::event::KeyCode],
    key: crossterm::event::KeyCode,
) -> bool {
    let mut a = hot_seat(7);
    keys(&mut a, path);
    keys(&mut a, first);
    let before = render_cells(&mut a, 80, 24);
    press(&mut a, key);
    a.quit || render_cells(&mut a, 80, 24) != before
}

/// The key that moves the other way, for keys that move within a range.
fn opposite(key: crossterm::event::KeyCode) -> Option<crossterm::event::KeyCode> {
    use crossterm::event::KeyCode::{PageDown, Up};
    Some(match key {
        Up => Down,
        Down => Up,
        Char('k') => Char('j'),
        Char('j') => Char('k'),
        PageUp => PageDown,
        PageDown => PageUp,
        Char('[') => Char(']'),
        Char(']') => Char('['),
        _ => return None,
    })
}

/// Korean text takes two cells a character: rows with it must still fill exactly the screen's
/// width, with the columns after it in place.
#[test]
fn korean_titles_are_laid_out_at_true_width() {
    let mut content = (*content()).clone();
    let korean = "한미동맹 현대화와 전시작전통제권 전환, 그리고 대칭동맹";
    for c in &mut content.cards {
        c.title = korean.to_string();
        c.text = format!("{korean} {korean}");
    }
    let mut a = symmetric_alliance::tui::app::App::new(
        std::sync::Arc::new(content),
        symmetric_alliance::tui::theme::Theme::color(),
    );
    a.start_game(7, [symmetric_alliance::cli::Player::Human; 2]);
    press(&mut a, Enter);
    for (w, h) in [(80, 24), (120, 40), (97, 31)] {
        let screen = render(&mut a, w, h);
        assert!(screen.contains("한미동맹"), "no Korean on screen");
        for line in screen.lines() {
            // The test backend notes the cells a wide character covers after the closing quote.
            let end = line
                .find("\" Hidden by")
                .unwrap_or(line.len().saturating_sub(1));
            let inner = line.get(1..end).unwrap_or_default();
            assert_eq!(
                unicode_width::UnicodeWidthStr::width(inner),
                usize::from(w),
                "{inner}"
            );
        }
    }
}

/// A small seeded key stream for the whole-game checks: mostly Enter, some moves in the lists,
/// and now and then Esc, undo, send or withdraw.
fn next_key(state: &mut u64) -> crossterm::event::KeyCode {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    match (*state >> 33) % 20 {
        0..=10 => Enter,
        11..=14 => Down,
        15 => crossterm::event::KeyCode::Up,
        16 => Esc,
        17 => Char('u'),
        18 => Char('s'),
        _ => Char('w'),
    }
}

/// Lets a bot make its move, if one is to move: returns once a human may act, the game has
/// ended, or the bot has moved (so a watched game is checked after every move).
fn let_bots_move(a: &mut symmetric_alliance::tui::app::App) {
    let before = session(a).game().record().len();
    for _ in 0..200_000 {
        let s = session(a);
        let waiting = s.human_to_move().is_some() || s.needs_handoff();
        if s.game().is_over() || waiting || s.game().record().len() != before {
            return;
        }
        // As the loop does: the bot's answer if it has come, then a tick and its commands.
        a.tick();
        std::thread::sleep(std::time::Duration::from_micros(200));
    }
    panic!("the bot never moved");
}

/// Plays `a`'s game to its end by keys and checks every frame at 80×24, and the whole log, for
/// a card the person at the keyboard has never seen. Who that is, the test follows itself: the
/// human in solo play; in hot-seat, whoever was called at the last hand-off the Enter key
/// answered (no one before the first, or after another key at a hand-off). Returns how many frames were checked.
fn play_checking_secrets(a: &mut symmetric_alliance::tui::app::App, seed: u64) -> usize {
    // One witness per side, and one for the public (hand-off screens, the hot-seat log).
    let mut witness: [Witness; 3] = Default::default();
    let s = session(a);
    let mut person = match [s.is_human(Side::Washington), s.is_human(Side::Seoul)] {
        [true, false] => Some(Side::Washington),
        [false, true] => Some(Side::Seoul),
        _ => None,
    };
    let (mut keys_state, mut frames) = (seed, 0);
    while !session(a).game().is_over() {
        assert!(frames < 20_000, "the game did not end by keys");
        let_bots_move(a);
        let s = session(a);
        let game = s.game().clone();
        for side in Side::BOTH {
            witness[side.index()].observe(&game, Some(&game.view(side)));
        }
        witness[2].observe(&game, None);
        check_log(s, &game, &witness);
        let view = person.map(|p| game.view(p));
        let w = witness[person.map_or(2, Side::index)].clone();
        let frame = render(a, 80, 24);
        frames += 1;
        if let Some(t) = leaked_card(&frame, &game, view.as_ref(), &w) {
            panic!("«{t}» shows to {person:?}:\n{frame}");
        }
        let s = session(a);
        if s.human_to_move().is_none() && !s.needs_handoff() {
            continue;
        }
        let key = next_key(&mut keys_state);
        // At a hand-off the keyboard may already have been passed on, so a key other than the
        // Enter that seats the called player is pressed by no one in particular.
        if session(a).needs_handoff() {
            person = if key == Enter { game.to_move() } else { None };
        }
        press(a, key);
    }
    frames
}

/// The whole log, not only the lines on screen, names nothing its reader has not seen.
fn check_log(s: &symmetric_alliance::tui::session::Session, game: &Game, witness: &[Witness; 3]) {
    let reader = match s.log_viewer() {
        Viewer::Side(side) => side.index(),
        Viewer::Public => 2,
    };
    let view = match s.log_viewer() {
        Viewer::Side(side) => Some(game.view(side)),
        Viewer::Public => None,
    };
    let log: Vec<&str> = s.log.entries.iter().map(|e| e.text.as_str()).collect();
    let leak = leaked_card(&log.join("\n"), game, view.as_ref(), &witness[reader]);
    assert_eq!(leak, None, "the log names a secret card");
}

#[test]
fn no_frame_of_a_hot_seat_game_shows_a_secret() {
    for seed in [4, 7] {
        let mut a = hot_seat(seed);
        let frames = play_checking_secrets(&mut a, seed);
        assert!(frames > 100, "only {frames} frames");
    }
}

#[test]
fn no_frame_of_a_solo_or_watched_game_shows_a_secret() {
    use symmetric_alliance::ai::BotKind;
    use symmetric_alliance::cli::Player;
    for (seed, players) in [
        (3, [Player::Bot(BotKind::Greedy), Player::Human]),
        (5, [Player::Human, Player::Bot(BotKind::Random)]),
        (
            6,
            [Player::Bot(BotKind::Random), Player::Bot(BotKind::Greedy)],
        ),
    ] {
        let mut a = app(false);
        a.has_menu = false;
        a.pace = std::time::Duration::ZERO;
        a.start_game(seed, players);
        let frames = play_checking_secrets(&mut a, seed);
        assert!(frames > 50, "only {frames} frames");
    }
}
