//! `alliance analyze` on real games: the same figures for any thread count, the tally agreeing
//! with the engine's own account of every summit, and the command's outputs.

use crate::common;

use symmetric_alliance::ai::{BotKind, Budget};
use symmetric_alliance::analyze::{self, GameTally};
use symmetric_alliance::engine::{Meter, Priority, Side};
use symmetric_alliance::sim::SimConfig;

const W: Side = Side::Washington;

fn analysis(threads: usize, swap: bool) -> serde_json::Value {
    let cfg = SimConfig {
        games: 12,
        seed: 5,
        bots: [BotKind::Greedy, BotKind::Random],
        budget: Budget::Iterations(16),
        second_budget: None,
        threads,
        swap,
        progress: false,
    };
    let mut v = serde_json::to_value(analyze::run(&common::shipped(), &cfg, None)).expect("json");
    let run = v["run"].as_object_mut().expect("the run");
    run.remove("seconds");
    run.remove("threads");
    v
}

#[test]
fn figures_are_the_same_for_any_thread_count() {
    let one = analysis(1, true);
    assert_eq!(one, analysis(3, true));
    assert_eq!(one["games"], 24);
    // Games were really watched: cards were played and every game was counted once per seat.
    assert!(one["play_mix"]["plays"].as_u64().expect("plays") > 0);
    let wins = |i: usize| one["sides"][i]["wins"].as_u64().expect("wins");
    assert_eq!(
        wins(0) + wins(1),
        one["decisive"].as_u64().expect("decisive")
    );
    // The first bot (greedy) outplays the second (random) over both seats.
    let bot = |i: usize| one["bots"][i]["success_rate"].as_f64().expect("rate");
    assert!(bot(0) > bot(1), "{} {}", bot(0), bot(1));
}

#[test]
fn real_games_agree_with_the_engines_own_summits() {
    use rand::RngExt;
    use symmetric_alliance::engine::{Game, rng};
    let c = common::shipped();
    let mut summits_seen = 0;
    for seed in 0..30 {
        let (mut game, start) = Game::start(c.clone(), seed);
        let mut t = GameTally::new(&c);
        t.events(&c, &start);
        let mut chooser = rng::stream(seed, 7);
        let (mut legal, mut ev) = (Vec::new(), Vec::new());
        while let Some(side) = game.to_move() {
            game.legal_actions_into(&mut legal);
            let a = legal[chooser.random_range(0..legal.len())];
            ev.clear();
            game.apply_into(a, &mut ev).expect("a legal action applies");
            t.decision(side, a);
            t.events(&c, &ev);
        }
        let all = t.decisions[0] + t.decisions[1] + t.deal_decisions[0] + t.deal_decisions[1];
        assert_eq!(all as usize, game.record().len());
        let history = &game.board().history[1..];
        assert_eq!(history.len(), t.summits.len(), "seed {seed}");
        for (snap, line) in history.iter().zip(&t.summits) {
            summits_seen += 1;
            assert_eq!((snap.round, snap.scores), (line.round, line.scores));
            let under = |p| c.rules.aim_total(W, &snap.meters, p, snap.on_table);
            let differs = under(Priority::Deal) != under(Priority::Strategy);
            assert_eq!(line.priority_mattered, differs, "seed {seed}");
            // The summit paid each side its aims under the priority and agenda in force, the
            // bands it is paid for that held, and the same symmetry bonus.
            let aims = Side::BOTH.map(|s| {
                c.rules
                    .aim_total(s, &snap.meters, snap.priority, snap.on_table)
            });
            let bands = Side::BOTH.map(|s| {
                let held = Meter::ALL.iter().filter(|m| {
                    let t = c.rules.track(**m);
                    let v = snap.meters[m.index()];
                    t.band_pays == Some(s) && t.band.is_some_and(|(lo, hi)| (lo..=hi).contains(&v))
                });
                held.count() as i16 * i16::from(c.rules.band_bonus)
            });
            let bonus =
                Side::BOTH.map(|s| line.paid[s.index()] - aims[s.index()] - bands[s.index()]);
            assert!(
                bonus[0] == bonus[1] && bonus[0] >= 0,
                "seed {seed}: {bonus:?}"
            );
        }
    }
    assert!(summits_seen > 30, "too few summits to test: {summits_seen}");
}

#[test]
fn the_command_prints_json_writes_markdown_and_validate_warns() {
    use std::process::Command;
    let dir = tempfile::tempdir().expect("a temp dir");
    let md = dir.path().join("report.md");
    let out = Command::new(env!("CARGO_BIN_EXE_alliance"))
        .args([
            "analyze",
            "--games",
            "3",
            "--seed",
            "2",
            "--json",
            "--markdown",
        ])
        .arg(&md)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["games"], 3);
    assert!(v["shape"]["lead_changes_per_game"].is_number());
    let text = std::fs::read_to_string(&md).expect("the Markdown file");
    let flagged = text.find("### Flagged cards").expect("flagged cards");
    assert!(
        flagged < text.find("### Sides").expect("sides"),
        "flagged cards come first"
    );
    assert!(text.contains("| us-ncg |"));
    let bad = Command::new(env!("CARGO_BIN_EXE_alliance"))
        .args(["analyze", "--washington", "clever"])
        .output()
        .expect("the binary runs");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("[possible values: random, greedy, hard]")
    );
    // The shipped deck has no dominated card (rules v2); a copy with a weaker twin of the
    // regional missile shield must draw the warning, and still validate.
    let data = dir.path().join("data");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["rules", "decks"] {
        copy_dir(&root.join(folder), &data.join(folder));
    }
    let weaker = r#"
[[card]]
id = "us-weaker-shield"
title = "A Smaller Missile Shield"
side = "washington"
kind = "role"
ops = 1
concept = "role"
text = "Hypothetical: a test card, the shield with less in it."
effects = [{ op = "move", meter = "us_role", by = 1 }, { op = "move", meter = "uncertainty", by = 1 }]
"#;
    let deck = data.join("decks/washington.toml");
    let text = std::fs::read_to_string(&deck).expect("the deck");
    std::fs::write(&deck, format!("{text}{weaker}")).expect("write the deck");
    let validate = |dir: Option<&std::path::Path>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_alliance"));
        cmd.arg("validate");
        if let Some(d) = dir {
            cmd.arg("--data").arg(d);
        }
        let out = cmd.output().expect("the binary runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let warnings = validate(Some(&data));
    assert!(
        warnings.contains(
            "`us-weaker-shield` has no more ops and no better event than `us-missile-network`"
        ),
        "{warnings}"
    );
    let shipped = validate(None);
    assert!(!shipped.contains("no better event"), "{shipped}");
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read the folder") {
        let entry = entry.expect("an entry");
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy");
        }
    }
}
