//! The board at a large terminal: at 200x60 the hand, the card text and the log take the extra
//! room (more lines than at 120x40); a bot's hints keep to one line and never crowd the log; a
//! move that ends at a track's end says so in the log.

use crate::tui_common::*;
use crossterm::event::KeyCode::Enter;
use insta::assert_snapshot;
use symmetric_alliance::tui::app::App;

/// A hot-seat game some actions in, at a player's turn, so the log has many lines to show.
fn board_in_play() -> App {
    let mut a = hot_seat(7);
    keys(&mut a, &[Enter, Enter, Enter, Enter, Enter, Enter, Enter]);
    let s = session(&mut a);
    for _ in 0..6 {
        let first = s.game().legal_actions()[0];
        s.act(first);
    }
    if a.mode() == symmetric_alliance::tui::mode::Mode::Handoff {
        press(&mut a, Enter);
    }
    a
}

/// The log panel's lines on a screen: those under its title.
fn log_lines(screen: &str) -> usize {
    let rows: Vec<&str> = screen.lines().collect();
    let Some(top) = rows.iter().position(|l| l.contains(" Log ─")) else {
        return 0;
    };
    let byte = rows[top].find(" Log ─").unwrap_or(0);
    let col = rows[top][..byte].chars().count();
    rows[top + 1..rows.len() - 1]
        .iter()
        .filter(|l| {
            let right: String = l.chars().skip(col).collect();
            !right.trim_matches(['"', ' ']).is_empty()
        })
        .count()
}

fn rows_with(screen: &str, what: &str) -> usize {
    screen.lines().filter(|l| l.contains(what)).count()
}

#[test]
fn the_board_at_200x60_gives_the_room_to_the_hand_card_and_log() {
    let mut a = board_in_play();
    let big = render(&mut a, 200, 60);
    assert_snapshot!("board_actions_200x60", big);
    let mid = render(&mut a, 120, 40);
    // Every card of the hand shows, with the whole card text beside it.
    let s = session(&mut a);
    let view = s.game().view(symmetric_alliance::engine::Side::Washington);
    let content = s.game().content().clone();
    for c in view.hand {
        assert!(big.contains(content.card(*c).title.as_str()), "{big}");
    }
    let width = |screen: &str| {
        screen
            .lines()
            .map(|l| l.trim_end_matches(['"', ' ']).chars().count())
            .max()
            .unwrap_or(0)
    };
    assert!(
        width(&big) > 150,
        "the board does not use the width:\n{big}"
    );
    assert!(
        rows_with(&big, "") > rows_with(&mid, ""),
        "the board does not use the height"
    );
    assert!(
        log_lines(&big) > log_lines(&mid),
        "the log shows no more at 200x60 ({}) than at 120x40 ({})",
        log_lines(&big),
        log_lines(&mid)
    );
}

#[test]
fn a_move_that_reaches_a_tracks_end_says_so() {
    use symmetric_alliance::engine::{Cause, Event, Meter, Viewer};
    use symmetric_alliance::tui::log::Log;
    let content = content();
    let top = content.rules.track(Meter::Status).max;
    let bottom = content.rules.track(Meter::Cohesion).min;
    let moves = [
        Event::Moved {
            meter: Meter::Status,
            from: top - 1,
            to: top,
            cause: Cause::Summit,
        },
        Event::Moved {
            meter: Meter::Cohesion,
            from: bottom + 2,
            to: bottom,
            cause: Cause::Summit,
        },
        Event::Moved {
            meter: Meter::Status,
            from: top - 2,
            to: top - 1,
            cause: Cause::Summit,
        },
    ];
    let mut log = Log::default();
    log.push_events(&content, Viewer::Public, &moves, 0);
    let texts: Vec<&str> = log.entries.iter().map(|e| e.text.as_str()).collect();
    assert!(texts[0].contains("; now at its top)"), "{texts:?}");
    assert!(texts[1].contains("at its bottom"), "{texts:?}");
    assert!(!texts[2].contains("at its"), "{texts:?}");
}

#[test]
fn a_change_that_moves_nothing_is_logged_as_stopped_at_the_end() {
    use symmetric_alliance::engine::{Effect, Event, Game, Meter, Side, Viewer};
    use symmetric_alliance::tui::log::Log;
    let content = content();
    let mut game = Game::new(content.clone(), 1);
    let top = content.rules.track(Meter::Status).max;
    game.stage_meter(Meter::Status, top);
    // An instructor's inject raising status at its top: the engine moves nothing and says so.
    let raise = Effect::Move {
        meter: Meter::Status,
        by: 2,
    };
    let events = game.fire_inject("status test", &[raise], Side::Seoul);
    let unmoved =
        |e: &Event| matches!(e, Event::Unmoved { meter: Meter::Status, at, .. } if *at == top);
    assert!(events.iter().any(unmoved), "{events:?}");
    let mut log = Log::default();
    log.push_events(&content, Viewer::Public, &events, 0);
    let texts: Vec<&str> = log.entries.iter().map(|e| e.text.as_str()).collect();
    let want = format!("stays at {top}: at its top");
    assert!(texts.iter().any(|t| t.contains(&want)), "{texts:?}");
}

#[test]
fn only_the_newest_bot_hint_stays_in_the_log() {
    use symmetric_alliance::engine::Side;
    use symmetric_alliance::tui::log::{Log, Tone};
    let mut log = Log::default();
    log.push_note("saved to a file".into(), 0);
    for i in 0..5 {
        log.push_hint(format!("hint: weighed {i} moves"), Side::Seoul, i);
    }
    let hints: Vec<&str> = log
        .entries
        .iter()
        .filter(|e| e.tone == Tone::Hint && e.side.is_some())
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(hints, ["hint: weighed 4 moves"]);
    assert!(
        log.entries.iter().any(|e| e.text == "saved to a file"),
        "a note was dropped"
    );
}

#[test]
fn a_scenario_cut_in_its_row_has_its_facts_whole_below() {
    use crossterm::event::KeyCode::Down;
    let mut a = with_library(app(false));
    keys(&mut a, &[Down, Down, Down, Down, Enter]);
    for _ in 0..3 {
        let screen = render(&mut a, 80, 24);
        let symmetric_alliance::tui::app::Screen::Scenarios(list) = &a.screen else {
            panic!("not on the scenario list");
        };
        let Some(Ok(sum)) = list.entries.get(list.cursor) else {
            continue;
        };
        let facts = format!(
            "{} rounds × {} actions · {:?} lens",
            sum.rounds, sum.actions_per_round, sum.lens
        );
        assert!(screen.contains(&facts), "no «{facts}» whole:\n{screen}");
        press(&mut a, Down);
    }
    keys(
        &mut a,
        &[crossterm::event::KeyCode::Up, crossterm::event::KeyCode::Up],
    );
    assert_snapshot!("scenarios_80x24", render(&mut a, 80, 24));
    assert_snapshot!("scenarios_120x40", render(&mut a, 120, 40));
}

/// At 80×24 the help's rules summary runs past its box: the title says there is more, and ↓ and
/// PgDn scroll to its last line (the symmetric alliance's bonus, in the test data), not past it.
#[test]
fn the_help_scrolls_to_its_last_line_on_a_small_screen() {
    use crossterm::event::KeyCode::{Char, Down, PageDown, Up};
    let mut a = hot_seat(7);
    keys(&mut a, &[Enter, Char('?')]);
    let first = render(&mut a, 80, 24);
    assert!(first.contains("Help (↓ more below)"), "{first}");
    assert!(first.contains("↓j"), "the bar offers no scroll:\n{first}");
    keys(&mut a, &[PageDown, PageDown, PageDown, Down]);
    let last = render(&mut a, 80, 24);
    assert!(last.contains("Help (↑ more above)"), "{last}");
    // The row above the box's bottom border is the summary's last, unseen before scrolling.
    let rows: Vec<&str> = last.lines().collect();
    let bottom = rows
        .iter()
        .position(|r| r.contains('└'))
        .expect("the box's border");
    let end = rows[bottom - 1].trim_matches(|c| c == '"' || c == '│' || c == ' ');
    assert!(end.ends_with("at the last."), "{last}");
    assert!(
        !first.contains(end),
        "«{end}» was already on the first page:\n{first}"
    );
    // At its end ↓ changes nothing, and as many ↑ as it scrolled bring back the first page.
    keys(&mut a, &[Down]);
    assert_eq!(render(&mut a, 80, 24), last, "it scrolled past the end");
    let scrolled = a.help_scroll;
    keys(&mut a, &vec![Up; usize::from(scrolled)]);
    assert_eq!(render(&mut a, 80, 24), first);
}
