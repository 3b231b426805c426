//! Snapshots of every screen, from fixed seeds, at 80×24 and 120×40.

use crate::tui_common::*;
use crossterm::event::KeyCode::{Char, Down, Enter};
use insta::assert_snapshot;
use symmetric_alliance::engine::{Action, Phase, Term};

#[test]
fn menu() {
    let mut a = app(false);
    assert_snapshot!("menu_80x24", render(&mut a, 80, 24));
    press(&mut a, Down);
    assert_snapshot!("menu_120x40", render(&mut a, 120, 40));
}

#[test]
fn too_small() {
    let mut a = app(false);
    assert_snapshot!("too_small_79x23", render(&mut a, 79, 23));
    assert_snapshot!("too_small_30x6", render(&mut a, 30, 6));
}

#[test]
fn handoff_then_board() {
    let mut a = hot_seat(7);
    assert_snapshot!("handoff_80x24", render(&mut a, 80, 24));
    press(&mut a, Enter);
    assert_snapshot!("board_headline_80x24", render(&mut a, 80, 24));
    assert_snapshot!("board_headline_120x40", render(&mut a, 120, 40));
    // Washington headlines; Seoul takes the keyboard and headlines; Washington's first action.
    keys(&mut a, &[Enter, Enter, Enter, Enter, Enter, Enter]);
    assert_snapshot!("board_actions_120x40", render(&mut a, 120, 40));
    assert_snapshot!("board_actions_80x24", render(&mut a, 80, 24));
    press(&mut a, Enter);
    assert_snapshot!("chooser_80x24", render(&mut a, 80, 24));
    assert_snapshot!("chooser_120x40", render(&mut a, 120, 40));
}

#[test]
fn help() {
    let mut a = hot_seat(7);
    keys(&mut a, &[Enter, Char('?')]);
    assert_snapshot!("help_80x24", render(&mut a, 80, 24));
    assert_snapshot!("help_120x40", render(&mut a, 120, 40));
}

/// Plays both headlines so the action phase begins, with the keyboard at Washington's seat.
fn to_actions(a: &mut symmetric_alliance::tui::app::App) {
    keys(a, &[Enter, Enter, Enter, Enter, Enter, Enter, Enter]);
    assert!(matches!(session(a).game().phase(), Phase::Actions { .. }));
}

#[test]
fn deal_editor() {
    let mut a = hot_seat(7);
    to_actions(&mut a);
    session(&mut a).act(Action::OpenDeal);
    let s = session(&mut a);
    let legal = s.game().legal_actions();
    let give = legal
        .iter()
        .find(|x| matches!(x, Action::Give(Term::Vocab(_))))
        .copied();
    let ask = legal
        .iter()
        .find(|x| matches!(x, Action::Ask(Term::Vocab(_))))
        .copied();
    s.act(give.expect("a term to give"));
    s.act(ask.expect("a term to ask"));
    assert_snapshot!("deal_editor_80x24", render(&mut a, 80, 24));
    assert_snapshot!("deal_editor_120x40", render(&mut a, 120, 40));
    press(&mut a, Char('s'));
    assert_snapshot!("deal_handoff_80x24", render(&mut a, 80, 24));
    press(&mut a, Enter);
    assert_snapshot!("deal_answer_80x24", render(&mut a, 80, 24));
    assert_snapshot!("deal_answer_120x40", render(&mut a, 120, 40));
    // The counter opens on the offer's mirror, with the offer beside it.
    press(&mut a, Char('c'));
    assert_snapshot!("deal_counter_80x24", render(&mut a, 80, 24));
    assert_snapshot!("deal_counter_120x40", render(&mut a, 120, 40));
    press(&mut a, Char('w'));
    assert_snapshot!("deal_withdraw_80x24", render(&mut a, 80, 24));
    assert_snapshot!("deal_withdraw_120x40", render(&mut a, 120, 40));
}

#[test]
fn deal_editor_with_a_full_slot() {
    let mut a = hot_seat(7);
    to_actions(&mut a);
    keys(&mut a, &[Char('d'), Char('a'), Char('b'), Char('c')]);
    assert_snapshot!("deal_full_80x24", render(&mut a, 80, 24));
    assert_snapshot!("deal_full_120x40", render(&mut a, 120, 40));
}

#[test]
fn end_screen() {
    let mut a = hot_seat(11);
    let s = session(&mut a);
    // The first legal action each time: a fixed, quick way to the end.
    while !s.game().is_over() {
        let first = s.game().legal_actions()[0];
        s.act(first);
    }
    assert_snapshot!("end_80x24", render(&mut a, 80, 24));
    assert_snapshot!("end_120x40", render(&mut a, 120, 40));
}

#[test]
fn encyclopedia_and_rulebook() {
    let mut a = app(false);
    // Past the four kinds of game, Scenarios, Load and Rules.
    keys(
        &mut a,
        &[Down, Down, Down, Down, Down, Down, Down, Enter, Down, Down],
    );
    assert_snapshot!("cards_80x24", render(&mut a, 80, 24));
    let mut a = app(false);
    keys(&mut a, &[Down, Down, Down, Down, Down, Down, Enter]);
    // The rulebook is still being written, so this checks it is shown rather than freezing it.
    let screen = render(&mut a, 80, 24);
    let first = symmetric_alliance::tui::screens::rulebook::RULEBOOK
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    // The first line is a heading: it shows as its words, without the Markdown's `#`.
    let head: String = first
        .trim_start_matches('#')
        .trim()
        .chars()
        .take(40)
        .collect();
    assert!(
        screen.contains(&head) && !screen.contains(&format!("# {head}")),
        "the rulebook's first line is missing or shows its markup:\n{screen}"
    );
    assert!(screen.contains("Rulebook"));
}

#[test]
fn monochrome_board() {
    let mut a = app(true);
    a.start_game(3, [symmetric_alliance::cli::Player::Human; 2]);
    press(&mut a, Enter);
    assert_snapshot!("mono_board_80x24", render(&mut a, 80, 24));
    // The text alone cannot tell the themes apart: the mono board has no colour in any cell,
    // and the same board in colour has plenty, so the check itself can see colour.
    let mono = render_cells(&mut a, 80, 24);
    assert_eq!(coloured_cells(&mono), 0, "the mono board has colour");
    assert!(
        (0..mono.area.height)
            .any(|y| (0..mono.area.width).any(|x| !mono[(x, y)].modifier.is_empty())),
        "the mono board has no bold or reversed text to stand in for colour"
    );
    a.theme = symmetric_alliance::tui::theme::Theme::color();
    let colour = render_cells(&mut a, 80, 24);
    assert!(
        coloured_cells(&colour) > 100,
        "the colour board has no colour"
    );
}
