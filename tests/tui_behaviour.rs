//! How the screen behaves: secrecy in hot-seat play, undo, the mouse, and that every legal action
//! is reachable from the keys.

mod tui_common;

use crossterm::event::KeyCode::{Char, Down, Enter, Esc};
use std::collections::HashSet;
use symmetric_alliance::engine::{Action, Phase, Side};
use symmetric_alliance::tui::app::{self, Screen};
use symmetric_alliance::tui::describe::action_card;
use symmetric_alliance::tui::keys;
use symmetric_alliance::tui::msg::Msg;
use symmetric_alliance::tui::session::Row;
use tui_common::*;

fn titles(a: &mut symmetric_alliance::tui::app::App, side: Side) -> Vec<String> {
    let s = session(a);
    let content = s.game().content().clone();
    s.game()
        .hand(side)
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
    app::update(&mut a, Msg::Click(1));
    assert_eq!(session(&mut a).cursor, 1);
    app::update(&mut a, Msg::Click(1));
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

#[test]
fn every_key_in_the_bar_does_something_now() {
    let mut a = hot_seat(7);
    for k in [Enter, Enter, Down, Char('?')] {
        render(&mut a, 80, 24);
        for b in keys::bindings(&a) {
            for code in b.keys {
                let ev =
                    crossterm::event::KeyEvent::new(*code, crossterm::event::KeyModifiers::NONE);
                assert_eq!(keys::to_msg(&a, ev), Some(b.msg));
            }
        }
        press(&mut a, k);
    }
    assert!(matches!(a.screen, Screen::Game(_)));
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
