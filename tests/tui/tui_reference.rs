//! The rulebook and the encyclopedia as a reader uses them: formatted Markdown, Home/End, a
//! search with n/N and the position; the encyclopedia's filters, legend and side letters.

use crate::tui_common::*;
use crossterm::event::KeyCode::{self, Backspace, Char, Down, End, Enter, Esc, Home};
use insta::assert_snapshot;
use symmetric_alliance::tui::app::App;
use symmetric_alliance::tui::markdown;
use symmetric_alliance::tui::screens::rulebook::RULEBOOK;
use symmetric_alliance::tui::theme::Theme;

const SAMPLE: &str = include_str!("fixtures/rulebook_sample.md");

fn plain(md: &str, width: usize) -> String {
    let lines = markdown::render(md, width, &Theme::mono());
    let rows: Vec<String> = lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .map(|r| r.trim_end().to_owned())
        .collect();
    rows.join("\n")
}

/// The menu's Rules entry (past the four kinds of game, Scenarios and Load).
fn rules() -> App {
    let mut a = app(false);
    keys(&mut a, &[Down, Down, Down, Down, Down, Down, Enter]);
    a
}

fn type_text(a: &mut App, s: &str) {
    for c in s.chars() {
        press(a, Char(c));
    }
}

#[test]
fn markdown_is_formatted_not_shown_raw() {
    assert_snapshot!("markdown_sample_80", plain(SAMPLE, 80));
    assert_snapshot!("markdown_sample_120", plain(SAMPLE, 120));
    assert_snapshot!("markdown_sample_40", plain(SAMPLE, 40));
}

#[test]
fn the_shipped_rulebook_shows_no_markup_and_fits_the_screen() {
    for width in [80, 120] {
        let text = plain(RULEBOOK, width);
        for mark in ["**", "`", "| ---", "|---", "## "] {
            assert!(
                !text.contains(mark),
                "{width}: «{mark}» is left in the rulebook"
            );
        }
        for row in text.lines() {
            assert!(
                row.chars().count() <= width,
                "{width}: a row runs over:\n{row}"
            );
        }
        // A table's columns are separated, never run together.
        assert!(
            text.contains(" │ "),
            "{width}: no table laid out in columns"
        );
    }
}

#[test]
fn home_end_and_the_position() {
    let mut a = rules();
    let top = render(&mut a, 80, 24);
    assert!(top.contains("Rulebook · lines 1-22 of "), "{top}");
    press(&mut a, End);
    let bottom = render(&mut a, 80, 24);
    assert!(bottom.contains("(100%)"), "{bottom}");
    press(&mut a, Home);
    assert_eq!(render(&mut a, 80, 24), top);
}

#[test]
fn search_finds_the_next_and_previous_line_and_esc_cancels() {
    let mut a = rules();
    press(&mut a, Char('/'));
    type_text(&mut a, "opconx");
    press(&mut a, Backspace);
    let typing = render(&mut a, 80, 24);
    assert!(typing.contains("search: opcon"), "{typing}");
    press(&mut a, Enter);
    let first = a.text_scroll;
    assert!(first > 0, "the search did not move");
    let rows = symmetric_alliance::tui::screens::rulebook::plain(80, &a.theme);
    assert!(rows[usize::from(first)].to_lowercase().contains("opcon"));
    press(&mut a, Char('n'));
    let second = a.text_scroll;
    assert!(second > first && rows[usize::from(second)].to_lowercase().contains("opcon"));
    press(&mut a, KeyCode::Char('N'));
    assert_eq!(a.text_scroll, first, "N goes back to the match before");
    let found = render(&mut a, 80, 24);
    assert!(found.contains("«opcon»"), "{found}");
    // Esc on the search line closes it and leaves the screen where it was.
    press(&mut a, Char('/'));
    type_text(&mut a, "q");
    press(&mut a, Esc);
    assert_eq!(a.text_scroll, first);
    assert!(matches!(
        a.screen,
        symmetric_alliance::tui::app::Screen::Rules
    ));
}

/// The menu's Cards entry.
fn cards(mono: bool) -> App {
    let mut a = app(mono);
    keys(&mut a, &[Down, Down, Down, Down, Down, Down, Down, Enter]);
    a
}

#[test]
fn the_encyclopedia_filters_by_side_kind_era_and_text() {
    let mut a = cards(false);
    let all = a.content.cards.len();
    press(&mut a, Char('s'));
    let screen = render(&mut a, 80, 24);
    let washington = a
        .content
        .cards
        .iter()
        .filter(|c| c.side.name() == "Washington");
    assert!(
        screen.contains(&format!("of {all}: Washington")),
        "{screen}"
    );
    let first = washington
        .clone()
        .next()
        .map(|c| c.title.clone())
        .unwrap_or_default();
    assert!(screen.contains(&first), "{screen}");
    press(&mut a, Char('t'));
    let n = a
        .content
        .cards
        .iter()
        .filter(|c| c.side.name() == "Washington" && c.kind.name() == "cost")
        .count();
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.contains(&format!("/{n} of {all}: Washington · cost")),
        "{screen}"
    );
    press(&mut a, Char('x'));
    press(&mut a, Char('e'));
    let early = a
        .content
        .cards
        .iter()
        .filter(|c| c.era == Default::default())
        .count();
    assert!(render(&mut a, 80, 24).contains(&format!("/{early} of {all}: early era")));
    press(&mut a, Char('x'));
    press(&mut a, Char('/'));
    type_text(&mut a, "opcon");
    press(&mut a, Enter);
    let screen = render(&mut a, 80, 24);
    assert!(screen.contains("«opcon»"), "{screen}");
    let want = a
        .content
        .cards
        .iter()
        .filter(|c| {
            c.title.to_lowercase().contains("opcon") || c.text.to_lowercase().contains("opcon")
        })
        .count();
    assert!(screen.contains(&format!("/{want} of {all}")), "{screen}");
    assert_snapshot!("cards_filtered_80x24", screen);
    assert_snapshot!("cards_filtered_120x40", render(&mut a, 120, 40));
}

#[test]
fn the_encyclopedia_has_a_legend_and_names_the_side_without_colour() {
    let mut a = cards(true);
    let screen = render(&mut a, 80, 24);
    for key in [
        "$ cost",
        "▲ mission",
        "◆ role",
        "± leverage",
        "W Washington",
        "S Seoul",
    ] {
        assert!(screen.contains(key), "no «{key}»:\n{screen}");
    }
    let card = &a.content.cards[0];
    let letter = &card.side.name()[..1];
    assert!(
        screen.contains(&format!("{} {letter} {}", card.ops, card.title)),
        "{screen}"
    );
    assert_snapshot!("cards_mono_80x24", screen);
    assert_snapshot!("cards_mono_120x40", render(&mut a, 120, 40));
}
