//! Every action in few keys, with lists that never surprise: the keys from a turn's first frame
//! to the action applied are counted through the real key handler, for every card and option;
//! lists open on their first sensible row; the deal editor's rows stay put and Esc never
//! withdraws; a counter starts from the offer it answers.

use crate::tui_common::*;
use crossterm::event::KeyCode::{self, Char, Down, Enter, Esc, Up};
use symmetric_alliance::engine::{Action, Phase, Term};
use symmetric_alliance::tui::app::App;
use symmetric_alliance::tui::deal_table::{DealRow, TERM_LETTERS, TermState, first_sensible};
use symmetric_alliance::tui::keys;
use symmetric_alliance::tui::mode::Mode;
use symmetric_alliance::tui::session::Row;

/// A hot-seat game from seed 7 at Washington's first action, on the turn's first frame.
fn first_action_frame() -> App {
    let mut a = hot_seat(7);
    keys(&mut a, &[Enter; 7]);
    assert!(matches!(
        session(&mut a).game().phase(),
        Phase::Actions { .. }
    ));
    render(&mut a, 80, 24);
    a
}

/// Presses `code` as the player would, checking first that the key bar offers it now, and
/// counts it.
fn press_counted(a: &mut App, code: KeyCode, count: &mut usize) {
    let offered = keys::bindings(a).iter().any(|b| b.keys.contains(&code));
    assert!(offered, "{code:?} is not on the key bar in {:?}", a.mode());
    press(a, code);
    render(a, 80, 24);
    *count += 1;
}

/// The keys that take row `target` of a list whose cursor is at `cursor`: its own key (a number
/// or a letter) if it has one, else arrows and Enter.
fn keys_for_row(target: usize, cursor: usize, own: &[char]) -> Vec<KeyCode> {
    if let Some(c) = own.get(target) {
        return vec![Char(*c)];
    }
    let arrow = if target > cursor { Down } else { Up };
    let mut v = vec![arrow; target.abs_diff(cursor)];
    v.push(Enter);
    v
}

const DIGITS: [char; 9] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/// The most keys any card played for any of its options takes, from the turn's first frame.
#[test]
fn a_card_for_ops_takes_at_most_three_keys() {
    let a = first_action_frame();
    let s = match &a.screen {
        symmetric_alliance::tui::app::Screen::Game(s) => s,
        _ => panic!("no game"),
    };
    let rows = s.rows();
    let legal = s.game().legal_actions();
    let mut worst = 0;
    let mut tried = 0;
    for (i, row) in rows.iter().enumerate() {
        let Row::Card(card) = row else { continue };
        let options: Vec<Action> = legal
            .iter()
            .filter(|x| symmetric_alliance::tui::describe::action_card(**x) == Some(*card))
            .copied()
            .collect();
        for (j, target) in options.iter().enumerate() {
            let mut a = first_action_frame();
            let mut n = 0;
            for k in keys_for_row(i, session(&mut a).cursor, &DIGITS) {
                press_counted(&mut a, k, &mut n);
            }
            assert_eq!(
                a.mode(),
                Mode::Chooser,
                "card row {i} did not open its chooser"
            );
            for k in keys_for_row(j, 0, &DIGITS) {
                press_counted(&mut a, k, &mut n);
            }
            let last = session(&mut a).game().record().last().map(|r| r.action);
            assert_eq!(last, Some(*target), "row {i} option {j}");
            if matches!(target, Action::Ops { .. }) {
                worst = worst.max(n);
                tried += 1;
            }
        }
    }
    assert!(tried > 5, "too few ops plays tried: {tried}");
    println!("KEYS card for ops (worst of {tried}): {worst}");
    assert!(worst <= 3, "a card for ops took {worst} keys");
}

/// Opens a deal from the turn's first frame and sends three terms (the ones at `picks`, rows of
/// the editor), counting every key.
fn send_three(picks: [usize; 3]) -> (App, usize) {
    let mut a = first_action_frame();
    let mut n = 0;
    press_counted(&mut a, Char('d'), &mut n);
    for p in picks {
        let cursor = session(&mut a).cursor;
        for k in keys_for_row(p, cursor, &TERM_LETTERS) {
            press_counted(&mut a, k, &mut n);
        }
    }
    press_counted(&mut a, Char('s'), &mut n);
    (a, n)
}

/// Three terms of a deal, any three, sent in at most ten keys.
#[test]
fn a_three_term_deal_is_sent_in_at_most_ten_keys() {
    let mut a = first_action_frame();
    press(&mut a, Char('d'));
    let table = session(&mut a).deal_table();
    let terms: Vec<(usize, bool)> = table
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match r {
            DealRow::Term { ask, .. } => Some((i, *ask)),
            _ => None,
        })
        .collect();
    let gives: Vec<usize> = terms.iter().filter(|t| !t.1).map(|t| t.0).collect();
    let asks: Vec<usize> = terms.iter().filter(|t| t.1).map(|t| t.0).collect();
    let mut worst = 0;
    // Three gives from every part of the list, and two gives with an ask.
    let mut cases: Vec<[usize; 3]> = gives.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    cases.extend(asks.iter().map(|x| [gives[0], gives[gives.len() - 1], *x]));
    for picks in &cases {
        let (mut a, n) = send_three(*picks);
        match session(&mut a).game().phase() {
            Phase::Deal(d) if d.sent => {
                assert_eq!(
                    d.gives.iter().count() + d.asks.iter().count(),
                    3,
                    "picks {picks:?}"
                )
            }
            p => panic!("the deal was not sent: {p:?}"),
        }
        worst = worst.max(n);
    }
    println!(
        "KEYS three-term deal sent (worst of {}): {worst}",
        cases.len()
    );
    assert!(worst <= 10, "a three-term deal took {worst} keys");
}

/// Accept, counter or reject: one key from the frame that shows the offer.
#[test]
fn an_offer_is_answered_in_at_most_two_keys() {
    let mut worst = 0;
    for key in [Char('a'), Char('c'), Char('r')] {
        let (mut a, _) = send_three([0, 1, 2]);
        // The hand-off to the receiver; the offer shows on the next frame.
        press(&mut a, Enter);
        render(&mut a, 80, 24);
        assert_eq!(a.mode(), Mode::Answer);
        let before = session(&mut a).game().record().len();
        let mut n = 0;
        press_counted(&mut a, key, &mut n);
        assert!(
            session(&mut a).game().record().len() > before,
            "{key:?} did nothing"
        );
        worst = worst.max(n);
    }
    println!("KEYS answering an offer: {worst}");
    assert!(worst <= 2);
}

/// A list never opens on the row the last one left: a deal opened from hand row 5 opens on the
/// first term it can add, and the answer opens on Accept.
#[test]
fn new_lists_open_on_their_first_sensible_row() {
    let mut a = first_action_frame();
    keys(&mut a, &[Down, Down, Down, Down]);
    assert_eq!(session(&mut a).cursor, 4);
    press(&mut a, Char('d'));
    let s = session(&mut a);
    let table = s.deal_table();
    assert_eq!(s.cursor, first_sensible(&table));
    assert!(matches!(
        table[s.cursor],
        DealRow::Term {
            state: TermState::Addable,
            ..
        }
    ));
    keys(&mut a, &[Char('a'), Char('b'), Char('s'), Enter]);
    assert_eq!(a.mode(), Mode::Answer);
    let s = session(&mut a);
    let row = s.deal_table()[s.cursor];
    assert_eq!(
        row.action(),
        Some(Action::Accept),
        "the answer opens on {row:?}"
    );
    // Rejected: Washington's next turn opens on its first card again.
    press(&mut a, Char('r'));
    press(&mut a, Enter);
    let s = session(&mut a);
    assert!(matches!(s.game().phase(), Phase::Actions { .. }));
    assert_eq!(s.cursor, 0);
}

/// Esc looks at the board and comes back; w asks first, and only y withdraws.
#[test]
fn esc_never_withdraws_and_withdrawing_asks_first() {
    let mut a = first_action_frame();
    press(&mut a, Char('d'));
    press(&mut a, Char('a'));
    let rec = session(&mut a).game().record().len();
    press(&mut a, Esc);
    assert_eq!(a.mode(), Mode::DealPeek);
    let board = render(&mut a, 80, 24);
    assert!(
        !board.contains("Deal editor"),
        "Esc left the editor on screen"
    );
    press(&mut a, Esc);
    assert_eq!(a.mode(), Mode::Deal);
    assert_eq!(
        session(&mut a).game().record().len(),
        rec,
        "Esc changed the game"
    );
    press(&mut a, Char('w'));
    assert_eq!(a.mode(), Mode::ConfirmWithdraw);
    assert!(render(&mut a, 80, 24).contains("Withdraw this deal?"));
    press(&mut a, Char('n'));
    assert_eq!(a.mode(), Mode::Deal);
    assert_eq!(session(&mut a).game().record().len(), rec);
    press(&mut a, Char('w'));
    press(&mut a, Char('y'));
    assert!(matches!(
        session(&mut a).game().phase(),
        Phase::Actions { .. }
    ));
}

/// At the limit no row moves: the rows keep their terms and letters, and a give that no longer
/// fits says the slot is full.
#[test]
fn rows_stay_put_when_a_slot_is_full() {
    let mut a = first_action_frame();
    press(&mut a, Char('d'));
    let terms_of = |t: &[DealRow]| -> Vec<(bool, Term)> {
        t.iter()
            .filter_map(|r| match r {
                DealRow::Term { ask, term, .. } => Some((*ask, *term)),
                _ => None,
            })
            .collect()
    };
    let before = session(&mut a).deal_table();
    keys(&mut a, &[Char('a'), Char('b'), Char('c')]);
    let after = session(&mut a).deal_table();
    assert_eq!(before.len(), after.len());
    assert_eq!(terms_of(&before), terms_of(&after));
    let full = after.iter().position(|r| {
        matches!(
            r,
            DealRow::Term {
                state: TermState::Full,
                ask: false,
                ..
            }
        )
    });
    let full = full.expect("a give shown as full");
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("full 3/3"), "{screen}");
    // Its letter does nothing to the game but says why.
    let rec = session(&mut a).game().record().len();
    press(&mut a, Char(TERM_LETTERS[full]));
    let s = session(&mut a);
    assert_eq!(s.game().record().len(), rec);
    assert!(s.notice.as_deref().is_some_and(|n| n.contains("full")));
}

/// A counter starts as the mirror of the offer it answers, and that offer stays on screen.
#[test]
fn a_counter_starts_from_the_offer_it_answers() {
    let mut a = first_action_frame();
    press(&mut a, Char('d'));
    let table = session(&mut a).deal_table();
    let ask = table
        .iter()
        .position(|r| matches!(r, DealRow::Term { ask: true, .. }))
        .expect("an ask row");
    keys(
        &mut a,
        &[Char('a'), Char(TERM_LETTERS[ask]), Char('s'), Enter],
    );
    let offer = match session(&mut a).game().phase() {
        Phase::Deal(d) => *d,
        p => panic!("no offer: {p:?}"),
    };
    press(&mut a, Char('c'));
    assert_eq!(a.mode(), Mode::Deal);
    let s = session(&mut a);
    let Phase::Deal(counter) = *s.game().phase() else {
        panic!("no counter")
    };
    assert_eq!(counter.gives.to_vec(), offer.asks.to_vec());
    let vocab_gives: Vec<Term> = offer
        .gives
        .iter()
        .filter(|t| matches!(t, Term::Vocab(_)))
        .collect();
    assert_eq!(counter.asks.to_vec(), vocab_gives);
    let screen = render(&mut a, 80, 24);
    assert!(screen.contains("Answering Washington's offer"), "{screen}");
}

/// A hot-seat game from `seed` at Washington's first action, and the hand row of its first card
/// that `wanted` picks.
fn card_row_where(
    seed: u64,
    wanted: impl Fn(&symmetric_alliance::engine::Game, symmetric_alliance::engine::CardId) -> bool,
) -> Option<(App, usize)> {
    let mut a = hot_seat(seed);
    keys(&mut a, &[Enter; 7]);
    let s = session(&mut a);
    if !matches!(s.game().phase(), Phase::Actions { .. }) {
        return None;
    }
    let rows = s.rows();
    let row = rows.iter().take(9).position(|r| match r {
        Row::Card(c) => wanted(s.game(), *c),
        Row::Action(_) => false,
    })?;
    Some((a, row))
}

/// A card whose event cannot fire shows the event greyed with the engine's reason, and the
/// options that differ only in event order say which is which, uncut at 80 columns.
#[test]
fn the_chooser_says_why_an_event_cannot_fire_and_which_fires_first() {
    use symmetric_alliance::engine::{CardSide, Side};
    let blocked = (1..60).find_map(|seed| card_row_where(seed, |g, c| g.event_bar(c).is_some()));
    let (mut a, row) = blocked.expect("a seed with a blocked event in hand");
    press(&mut a, Char(DIGITS[row]));
    let s = session(&mut a);
    let card = s.chooser.as_ref().expect("the chooser").card;
    let bar = s.game().event_bar(card).expect("blocked");
    let why = symmetric_alliance::tui::describe::event_bar(s.game().content(), &bar);
    let screen = render(&mut a, 120, 40).replace(['│', '"', '\n'], " ");
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words(&screen).contains(&words(&why)),
        "{why} not in:\n{screen}"
    );

    let theirs = |g: &symmetric_alliance::engine::Game, c| {
        g.content().card(c).side == CardSide::Seoul && g.event_bar(c).is_none()
    };
    let (mut a, row) = (1..60)
        .find_map(|seed| card_row_where(seed, theirs))
        .expect("a seed with a Seoul card in Washington's hand");
    assert_eq!(session(&mut a).game().to_move(), Some(Side::Washington));
    press(&mut a, Char(DIGITS[row]));
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.contains("event first") && screen.contains("event after"),
        "{screen}"
    );
    let popup: Vec<&str> = screen.lines().filter(|l| l.contains("Ops ")).collect();
    assert!(
        popup.iter().all(|l| !l.contains('…')),
        "an option is cut:\n{screen}"
    );
}

/// The card panel scrolls with `[` and `]` when its text is longer than the panel, down to its
/// last line and no further, and says where it stands.
#[test]
fn the_card_panel_scrolls_to_the_end_of_a_long_text() {
    let mut a = first_action_frame();
    let rows = session(&mut a).rows().len();
    let long = (0..rows).find(|i| {
        session(&mut a).cursor = *i;
        render(&mut a, 80, 24).contains("[ ] scroll")
    });
    let i = long.expect("a card longer than the panel at 80×24");
    session(&mut a).cursor = i;
    let top = render(&mut a, 80, 24);
    assert!(
        keys::bindings(&a)
            .iter()
            .any(|b| b.keys.contains(&Char(']')))
    );
    press(&mut a, Char(']'));
    let down = render(&mut a, 80, 24);
    assert_ne!(top, down, "] did not scroll the card text");
    for _ in 0..40 {
        press(&mut a, Char(']'));
    }
    let end = render(&mut a, 80, 24);
    let at = |screen: &str| -> (u32, u32) {
        let line = screen
            .lines()
            .find(|l| l.contains("[ ] scroll"))
            .expect("the title");
        let after = &line[line.find(" Card ").expect("Card") + 6..];
        let (shown, rest) = after.split_once('/').expect("n/m");
        let total: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (shown.trim().parse().expect("n"), total.parse().expect("m"))
    };
    let (shown, total) = at(&end);
    assert_eq!(shown, total, "the end of the text is not reachable");
    press(&mut a, Char('['));
    assert!(at(&render(&mut a, 80, 24)).0 < total);
}
