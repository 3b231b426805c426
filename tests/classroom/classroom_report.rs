//! The after-action report of a seeded, recorded game, pinned as `insta` snapshots (Markdown,
//! JSON, CSV, and a two-game comparison). After a deliberate change, review the new reports with
//! `cargo insta test --review` (or `INSTA_UPDATE=always cargo test --test classroom
//! classroom_report`) and read the diff.

use crate::classroom_support::{fixture_dir, library};
use symmetric_alliance::classroom::report::{compare_csv, compare_markdown};
use symmetric_alliance::classroom::{Format, Report};

/// Pins `actual` as the `insta` snapshot `name` (in `tests/classroom/snapshots/`).
fn expect(name: &str, actual: &str) {
    insta::assert_snapshot!(name, actual);
}

fn report(name: &str) -> Report {
    Report::open(&library(), &fixture_dir().join(name)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_report_of_a_seeded_game_is_pinned() {
    let r = report("game-b.json");
    expect("game-b.md", &r.render(Format::Markdown));
    expect("game-b.json", &r.render(Format::Json));
    expect("game-b.csv", &r.render(Format::Csv));
}

#[test]
fn the_report_covers_what_a_debrief_needs() {
    let r = report("game-b.json");
    assert_eq!(r.rounds.len(), 3);
    let round2 = &r.rounds[1];
    let shock = round2.shock.as_ref().expect("a shock");
    assert!(shock.injected && shock.id == "shock-taiwan-strait-crisis");
    assert_eq!(r.rounds[2].injects[0].title, "A summit communiqué");
    assert!(r.rounds.iter().all(|x| x.summit && x.tracks.len() == 16));
    let deals: usize = r.rounds.iter().map(|x| x.deals.len()).sum();
    assert!(deals > 0, "the pinned game has a deal");
    assert_eq!(r.outcome.cohesion_path.len(), 4, "setup and three summits");
    assert!(!r.debrief.is_empty() && r.debrief.iter().all(|q| !q.question.is_empty()));
    let md = r.render(Format::Markdown);
    for heading in [
        "## Outcome",
        "## Round 1",
        "## Turning points",
        "## Negotiation",
        "## Debrief questions",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
}

#[test]
fn json_and_csv_load_as_tables() {
    let r = report("game-a.json");
    let json: serde_json::Value =
        serde_json::from_str(&r.render(Format::Json)).expect("valid JSON");
    assert_eq!(json["rounds"].as_array().map(Vec::len), Some(3));
    assert!(json["rounds"][0]["tracks"]["cohesion"].is_i64());
    let csv = r.render(Format::Csv);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert!(header.contains(&"cohesion") && header.contains(&"washington_score"));
    for line in lines {
        assert_eq!(split_csv(line).len(), header.len(), "{line}");
    }
}

/// A minimal RFC 4180 splitter, enough to check the column count of quoted cells.
fn split_csv(line: &str) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

#[test]
fn two_games_of_one_seed_compare_side_by_side() {
    let games = [report("game-a.json"), report("game-b.json")];
    let md = compare_markdown(&games).expect("comparable");
    expect("compare.md", &md);
    let shocks: Vec<_> = games
        .iter()
        .map(|g| {
            g.rounds
                .iter()
                .map(|r| r.shock.as_ref().map(|s| s.id.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(shocks[0], shocks[1], "the same seed met the same shocks");
    let csv = compare_csv(&games).expect("comparable");
    assert_eq!(csv.lines().count(), 1 + 6);
}
