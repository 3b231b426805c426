//! The outcome and its reasons: which balance was in band when, the path of cohesion, and where
//! each side's points came from.

use super::build::Walk;
use super::model::OutcomeReport;
use crate::engine::{Content, Lens, Meter, Side};

pub(super) fn report(walk: &Walk, content: &Content) -> OutcomeReport {
    let rules = &content.rules;
    let summits: Vec<_> = walk.rounds.iter().filter(|r| r.summit).collect();
    let rounds_where = |f: &dyn Fn(&super::model::RoundReport) -> bool| -> Vec<u8> {
        summits.iter().filter(|r| f(r)).map(|r| r.round).collect()
    };
    let symmetric_rounds = rounds_where(&|r| r.symmetric);
    let resp_rounds = rounds_where(&|r| r.responsibility_in_band);
    let role_rounds = rounds_where(&|r| r.role_in_band);
    let mut reasons = Vec::new();
    reasons.push(lens_reason(content));
    if walk.outcome.is_some_and(|o| o.is_rupture())
        && let Some(cause) = &walk.last_cohesion_drop
    {
        reasons.push(format!("Cohesion reached 0 through {cause}."));
    }
    reasons.push(band_reason(
        walk,
        content,
        Meter::Responsibility,
        &resp_rounds,
        (
            "asymmetric: Seoul carries too little",
            "decoupling: Washington drifts away",
        ),
    ));
    reasons.push(band_reason(
        walk,
        content,
        Meter::RoleBalance,
        &role_rounds,
        ("the free-riding charge", "entrapment in regional fights"),
    ));
    reasons.push(cohesion_reason(walk, content));
    reasons.push(if symmetric_rounds.is_empty() {
        "The alliance was never symmetric at a summit, so neither side earned the symmetry bonus."
            .to_owned()
    } else {
        format!(
            "The alliance was symmetric at the summit of round{} {}, worth {} point(s) to each side each time (doubled at the final summit).",
            plural(symmetric_rounds.len()),
            list(&symmetric_rounds),
            rules.symmetry_bonus
        )
    });
    for side in Side::BOTH {
        let b = &walk.breakdown[side.index()];
        reasons.push(format!(
            "{side} scored {} from its aims, {} from the symmetry bonus and {} from card effects.",
            b.aims, b.symmetry, b.effects
        ));
    }
    OutcomeReport {
        summary: walk
            .outcome
            .map_or_else(|| "The game is not finished.".into(), |o| o.summary()),
        outcome: walk.outcome,
        reasons,
        cohesion_path: walk.cohesion_path.clone(),
        symmetric_rounds,
        responsibility_band_rounds: resp_rounds,
        role_band_rounds: role_rounds,
        breakdown: Side::BOTH
            .iter()
            .map(|s| (s.id().to_owned(), walk.breakdown[s.index()].clone()))
            .collect(),
    }
}

fn lens_reason(content: &Content) -> String {
    let [w, s] = content.rules.targets;
    match content.rules.lens {
        Lens::Relative => {
            "The relative (realist) lens: the higher final score wins, and a tie is a draw.".into()
        }
        Lens::Absolute => format!(
            "The absolute (liberal) lens: each side succeeds if it reaches its target (Washington {w}, Seoul {s}); both can succeed."
        ),
    }
}

fn band_reason(
    walk: &Walk,
    content: &Content,
    meter: Meter,
    rounds: &[u8],
    (below, above): (&str, &str),
) -> String {
    let Some((lo, hi)) = content.rules.track(meter).band else {
        return format!("{} has no band in these rules.", meter.name());
    };
    let end = walk.meter(meter);
    let side_of_band = if end < lo {
        format!(" (below the band: {below})")
    } else if end > hi {
        format!(" (above the band: {above})")
    } else {
        String::new()
    };
    let when = if rounds.is_empty() {
        "was never in its band at a summit".to_owned()
    } else {
        format!(
            "was in its band at the summit of round{} {}",
            plural(rounds.len()),
            list(rounds)
        )
    };
    format!(
        "{} {when}; it ended at {end}, band {lo}-{hi}{side_of_band}.",
        meter.name()
    )
}

fn cohesion_reason(walk: &Walk, content: &Content) -> String {
    let path: Vec<String> = walk.cohesion_path.iter().map(i8::to_string).collect();
    let floor = content.rules.cohesion_floor;
    let low = walk.cohesion_path.iter().min().copied().unwrap_or(0);
    let below: Vec<String> = walk
        .rounds
        .iter()
        .filter(|r| r.tracks.get("cohesion").is_some_and(|c| *c < floor))
        .map(|r| r.round.to_string())
        .collect();
    let under = if below.is_empty() {
        "it never ended a round below its floor".to_owned()
    } else {
        format!("it ended round(s) {} below its floor", below.join(", "))
    };
    format!(
        "Cohesion went {} (floor {floor}, lowest {low}); {under}.",
        path.join(" → ")
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub(super) fn list(rounds: &[u8]) -> String {
    let items: Vec<String> = rounds.iter().map(u8::to_string).collect();
    match items.len() {
        0 => "none".into(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}
