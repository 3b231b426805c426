//! The end screen explains the result: every side's points add up to its score, the lead's
//! changes are named as the engine counts them, the chart names every line it draws, and the
//! table's columns never run together.

use crate::tui_common::*;
use symmetric_alliance::engine::{Lens, Side};
use symmetric_alliance::tui::app::App;

/// The shared tracks of the frozen test data, as the chart's key names them.
const SHARED: [&str; 4] = ["Responsibility", "Role balance", "Cohesion", "Uncertainty"];

/// A hot-seat game from `seed` played to its end by a fixed spread of legal actions, so that
/// different seeds end in different ways (ruptures, symmetric ends, changes of lead).
fn finished(seed: u64) -> App {
    let mut a = hot_seat(seed);
    let s = session(&mut a);
    let mut i = seed as usize;
    while !s.game().is_over() {
        let legal = s.game().legal_actions();
        i = i.wrapping_mul(31).wrapping_add(7);
        s.act(legal[i % legal.len()]);
    }
    a
}

#[test]
fn each_sides_points_add_up_to_its_final_score() {
    for seed in 1..8 {
        let mut a = finished(seed);
        let s = session(&mut a);
        let points = s.points.clone().expect("a finished game has its points");
        for side in Side::BOTH {
            let p = &points.0[side.index()];
            assert_eq!(
                p.total(),
                s.game().board().scores[side.index()],
                "seed {seed}, {side}"
            );
            let aims = &s.game().content().rules.aims[side.index()];
            assert_eq!(p.aims.len(), aims.len(), "seed {seed}: every aim is listed");
        }
        let screen = render(&mut a, 120, 40);
        assert!(
            screen.contains("bonus") && screen.contains("pressure"),
            "{screen}"
        );
    }
}

#[test]
fn the_lead_changes_are_named_by_round() {
    let mut seen = 0;
    for seed in 1..40 {
        let mut a = finished(seed);
        let changes = {
            let g = session(&mut a).game();
            g.board().lead_changes(&g.content().rules)
        };
        // The rows of the explanation as one text, since a sentence may wrap.
        let screen: Vec<String> = render(&mut a, 120, 40)
            .lines()
            .map(|l| l.trim_matches(|c| c == '"' || c == ' ').to_owned())
            .collect();
        let screen = screen.join(" ");
        if changes.is_empty() {
            assert!(screen.contains("never changed hands") || screen.contains("No side led"));
            continue;
        }
        seen += 1;
        for (round, side) in changes {
            let named = format!("{side} after round {round}");
            assert!(
                screen.contains(&named),
                "seed {seed}: no «{named}»:\n{screen}"
            );
        }
    }
    assert!(seen > 0, "no game of the sample changed its leader");
}

#[test]
fn the_chart_names_every_line_and_the_table_keeps_columns_apart() {
    let mut a = finished(3);
    // The score rows are the table's last: scroll them into sight on the small screen too.
    for _ in 0..12 {
        press(&mut a, crossterm::event::KeyCode::Down);
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = render(&mut a, w, h);
        for name in SHARED {
            // The chart's key names the line, whatever the table shows.
            assert!(
                screen.contains(name),
                "{w}x{h}: no key for {name}:\n{screen}"
            );
        }
        assert!(screen.contains("band"), "{w}x{h}: the band is not named");
        // Every number of a score row reads back as the score after that summit.
        let history = session(&mut a).game().board().history.clone();
        for (i, label) in ["Washington pts", "Seoul pts"].iter().enumerate() {
            let line = screen
                .lines()
                .find(|l| l.contains(label))
                .unwrap_or_else(|| panic!("{w}x{h}: no {label} row:\n{screen}"));
            let after = &line[line.find(label).unwrap() + label.len()..];
            let read: Vec<i16> = after
                .trim_matches(|c| c == ' ' || c == '"')
                .split_whitespace()
                .map(|n| n.parse().expect("a number"))
                .collect();
            let want: Vec<i16> = history.iter().map(|s| s.scores[i]).collect();
            assert_eq!(read, want, "{w}x{h}: {line}");
        }
    }
}

#[test]
fn under_the_absolute_lens_each_score_stands_beside_its_target() {
    let mut a = finished(5);
    let s = session(&mut a);
    let mut content = (**s.game().content()).clone();
    content.rules.lens = Lens::Absolute;
    let targets = content.rules.targets;
    let mut a = app(false);
    a.has_menu = false;
    a.start_with(
        std::sync::Arc::new(content),
        5,
        [symmetric_alliance::cli::Player::Human; 2],
    );
    let s = session(&mut a);
    while !s.game().is_over() {
        let first = s.game().legal_actions()[0];
        s.act(first);
    }
    let screen = render(&mut a, 80, 24);
    insta::assert_snapshot!("end_absolute_80x24", screen);
    insta::assert_snapshot!("end_absolute_120x40", render(&mut a, 120, 40));
    for side in Side::BOTH {
        let score = session(&mut a).game().board().scores[side.index()];
        let want = format!("{side} {score} (target {})", targets[side.index()]);
        assert!(screen.contains(&want), "no «{want}»:\n{screen}");
    }
}

/// A game that broke in its first rounds has few columns in the table, and the table's panel
/// still shows its whole title at 80x24.
#[test]
fn an_early_rupture_keeps_the_tables_title_whole() {
    let early = (1..200u64).map(finished).find(|a| {
        let game = a.session().expect("a game").game();
        let outcome = game.outcome().expect("over");
        matches!(
            outcome.ending,
            symmetric_alliance::engine::Ending::Rupture { .. }
        ) && outcome.round <= 2
    });
    let mut a = early.expect("some seed breaks the alliance by round 2");
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.contains("Every track by round (↑↓)"),
        "the table's title is cut:\n{screen}"
    );
}
