//! A bot that rejects an offer says in the log which term it could not accept, and the line
//! names no card the player has not seen.

use crate::tui_common::{Witness, app, leaked_card, press, render, session};
use crate::tui_tutorial::let_bot_move;
use crossterm::event::KeyCode::{self, Char};
use symmetric_alliance::ai::BotKind;
use symmetric_alliance::cli::Player;
use symmetric_alliance::engine::{Action, Phase, Side};
use symmetric_alliance::tui::app::App;
use symmetric_alliance::tui::deal_table::{DealRow, TERM_LETTERS};

/// The player's keys in a game where it asks for everything it can: a deal at every action, a
/// bundle of every ask the editor allows, and a rejected counter.
fn demanding_keys(a: &App) -> Vec<KeyCode> {
    let s = a.session().expect("a game");
    match s.game().phase() {
        Phase::Deal(d) if d.sent => vec![Char('r')],
        Phase::Deal(d) => {
            let rows = s.deal_table();
            let ask = |r: &DealRow| {
                matches!(
                    r,
                    DealRow::Term {
                        ask: true,
                        action: Some(Action::Ask(_)),
                        ..
                    }
                )
            };
            match rows.iter().position(ask) {
                Some(i) if d.asks.iter().count() < 3 => vec![Char(TERM_LETTERS[i])],
                _ => vec![Char('s')],
            }
        }
        Phase::Actions { .. } if s.game().legal_actions().contains(&Action::OpenDeal) => {
            vec![Char('d')]
        }
        _ => vec![Char('1'), Char('1')],
    }
}

/// The text with the revealed shocks' titles taken out: a shock may bear a card's title inside
/// its own («The New Cold War Hardens»), which is no card shown.
fn without_shocks(game: &symmetric_alliance::engine::Game, text: &str) -> String {
    let content = game.content();
    let titles = game
        .board()
        .shocks_seen
        .iter()
        .map(|s| &content.shock(*s).title);
    titles.fold(text.to_owned(), |t, title| t.replace(title.as_str(), ""))
}

/// When the bot rejects an offer, the log says in one line which term it could not accept,
/// and no line of the log or the screen names a card the player has not seen.
#[test]
fn a_bot_that_rejects_an_offer_says_why_and_names_no_secret() {
    let mut reasons = Vec::new();
    for seed in 1..=6 {
        let mut a = app(false);
        a.has_menu = false;
        a.pace = std::time::Duration::ZERO;
        a.start_game(seed, [Player::Human, Player::Bot(BotKind::Greedy)]);
        let mut witness = Witness::default();
        for _ in 0..400 {
            let_bot_move(&mut a);
            let s = session(&mut a);
            if s.game().is_over() {
                break;
            }
            let game = s.game().clone();
            let view = game.view(Side::Washington);
            witness.observe(&game, Some(&view));
            let log: Vec<String> = s.log.entries.iter().map(|e| e.text.clone()).collect();
            let log = without_shocks(&game, &log.join("\n"));
            assert_eq!(
                leaked_card(&log, &game, Some(&view), &witness),
                None,
                "{log}"
            );
            let frame = without_shocks(&game, &render(&mut a, 80, 24));
            assert_eq!(
                leaked_card(&frame, &game, Some(&view), &witness),
                None,
                "{frame}"
            );
            for k in demanding_keys(&a) {
                press(&mut a, k);
            }
        }
        let s = session(&mut a);
        reasons.extend(
            s.log
                .entries
                .iter()
                .filter(|e| e.text.starts_with("Seoul rejects:"))
                .map(|e| e.text.clone()),
        );
    }
    assert!(reasons.len() >= 3, "too few reasons: {reasons:?}");
    for r in &reasons {
        assert!(!r.contains('\n'), "{r}");
        let terms = r.contains('«') || r.contains("as a whole");
        assert!(terms, "no term named: {r}");
    }
}
