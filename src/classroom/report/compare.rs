//! Several tables' games of the same scenario and seed, side by side. They met the same shocks,
//! so a class can see where their choices made the games diverge.

use super::model::Report;
use crate::engine::Side;
use serde::Serialize;
use std::fmt::Write;
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum CompareError {
    #[error("--compare needs at least two records")]
    TooFew,
    #[error(
        "{first} and {other} were not played with the same scenario, seed and data ({a} against {b}), so they did not meet the same shocks; compare only games of one scenario and seed"
    )]
    Different {
        first: String,
        other: String,
        a: String,
        b: String,
    },
}

fn key(r: &Report) -> String {
    format!(
        "scenario {}, seed {}, data {}",
        r.game.scenario.as_deref().unwrap_or("none"),
        r.game.seed,
        r.game.fingerprint
    )
}

/// Checks that the games can be compared: at least two, all of one scenario, seed and data.
pub fn check(reports: &[Report]) -> Result<(), CompareError> {
    let first = reports.first().ok_or(CompareError::TooFew)?;
    if reports.len() < 2 {
        return Err(CompareError::TooFew);
    }
    for r in &reports[1..] {
        if key(r) != key(first) {
            return Err(CompareError::Different {
                first: first.game.file.clone(),
                other: r.game.file.clone(),
                a: key(first),
                b: key(r),
            });
        }
    }
    Ok(())
}

pub fn compare_markdown(reports: &[Report]) -> Result<String, CompareError> {
    check(reports)?;
    let g = &reports[0].game;
    let mut s = format!("# Comparison: {}, seed {}\n\n", g.scenario_name, g.seed);
    let _ = writeln!(
        s,
        "{} games of the same scenario and seed. They met the same shocks in the same rounds, so the differences below come from the players' choices.\n",
        reports.len()
    );
    outcomes(&mut s, reports);
    rounds(&mut s, reports);
    divergence(&mut s, reports);
    let _ = writeln!(s, "## Final tracks\n");
    let _ = writeln!(s, "| Track | {} |", names(reports).join(" | "));
    let _ = writeln!(s, "| --- |{}", " ---: |".repeat(reports.len()));
    for meter in ["responsibility", "role_balance", "cohesion", "uncertainty"] {
        let cells: Vec<String> = reports
            .iter()
            .map(|r| {
                let last = r.rounds.last().and_then(|x| x.tracks.get(meter));
                last.map_or("-".into(), i8::to_string)
            })
            .collect();
        let _ = writeln!(s, "| {meter} | {} |", cells.join(" | "));
    }
    Ok(s)
}

fn names(reports: &[Report]) -> Vec<String> {
    reports
        .iter()
        .map(|r| format!("`{}`", r.game.file))
        .collect()
}

fn outcomes(s: &mut String, reports: &[Report]) {
    let _ = writeln!(s, "## Outcomes\n");
    let _ = writeln!(
        s,
        "| Game | Players | Outcome | Symmetric at summits | Deals accepted | Offers timed out |"
    );
    let _ = writeln!(s, "| --- | --- | --- | --- | ---: | ---: |");
    for r in reports {
        let stat = |f: fn(&super::model::NegotiationStats) -> u32| -> u32 {
            Side::BOTH
                .iter()
                .filter_map(|x| r.negotiation.get(x.id()))
                .map(f)
                .sum()
        };
        let sym = super::outcome::list(&r.outcome.symmetric_rounds);
        let _ = writeln!(
            s,
            "| `{}` | {} v {} | {} | {sym} | {} | {} |",
            r.game.file,
            r.game.players[0],
            r.game.players[1],
            r.outcome.summary,
            stat(|n| n.accepted),
            stat(|n| n.timeouts)
        );
    }
    s.push('\n');
}

fn rounds(s: &mut String, reports: &[Report]) {
    let _ = writeln!(s, "## Round by round (scores Washington–Seoul, cohesion)\n");
    let _ = writeln!(s, "| Round | Shock | {} |", names(reports).join(" | "));
    let _ = writeln!(s, "| ---: | --- |{}", " --- |".repeat(reports.len()));
    let most = reports.iter().map(|r| r.rounds.len()).max().unwrap_or(0);
    for i in 0..most {
        let shock = reports
            .iter()
            .find_map(|r| r.rounds.get(i).and_then(|x| x.shock.as_ref()))
            .map_or("-".into(), |x| x.title.clone());
        let cells: Vec<String> = reports
            .iter()
            .map(|r| match r.rounds.get(i) {
                None => "(over)".into(),
                Some(x) => {
                    let c = x.tracks.get("cohesion").map_or(0, |c| *c);
                    let sym = if x.symmetric { ", symmetric" } else { "" };
                    format!("{}–{}, cohesion {c}{sym}", x.scores[0], x.scores[1])
                }
            })
            .collect();
        let _ = writeln!(s, "| {} | {shock} | {} |", i + 1, cells.join(" | "));
    }
    s.push('\n');
}

/// The first round whose end differs between the games, and what each table played in it.
fn divergence(s: &mut String, reports: &[Report]) {
    let _ = writeln!(s, "## Where the games diverged\n");
    let most = reports.iter().map(|r| r.rounds.len()).max().unwrap_or(0);
    let differs = |i: usize| {
        let ends: Vec<_> = reports
            .iter()
            .map(|r| r.rounds.get(i).map(|x| (&x.tracks, x.scores)))
            .collect();
        ends.windows(2).any(|w| w[0] != w[1])
    };
    let Some(i) = (0..most).find(|&i| differs(i)) else {
        let _ = writeln!(s, "The games ended every round in the same state.\n");
        return;
    };
    let _ = writeln!(
        s,
        "The games first ended a round differently in round {}. What each table played then:\n",
        i + 1
    );
    for r in reports {
        let plays: Vec<String> = r
            .rounds
            .get(i)
            .map(|x| {
                x.plays
                    .iter()
                    .map(|p| format!("{}: {} ({})", p.side, p.title, p.used_for))
                    .collect()
            })
            .unwrap_or_default();
        let _ = writeln!(s, "- `{}`: {}", r.game.file, plays.join("; "));
    }
    s.push('\n');
}

#[derive(Serialize)]
struct Comparison<'a> {
    scenario: Option<&'a str>,
    seed: u64,
    games: &'a [Report],
}

pub(crate) fn compare_json(reports: &[Report]) -> Result<String, CompareError> {
    check(reports)?;
    let c = Comparison {
        scenario: reports[0].game.scenario.as_deref(),
        seed: reports[0].game.seed,
        games: reports,
    };
    Ok(serde_json::to_string_pretty(&c).unwrap_or_default() + "\n")
}

pub fn compare_csv(reports: &[Report]) -> Result<String, CompareError> {
    check(reports)?;
    Ok(super::csv::render(reports))
}
