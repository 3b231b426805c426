//! The report as Markdown: headings and small tables that read well on screen and on paper.

use super::model::*;
use crate::engine::{Meter, Side};
use std::fmt::Write;

pub(super) fn render(r: &Report) -> String {
    let mut s = String::new();
    header(&mut s, r);
    outcome(&mut s, r);
    glance(&mut s, r);
    for round in &r.rounds {
        round_section(&mut s, round, r.outcome.outcome.is_some());
    }
    turning_points(&mut s, r);
    negotiation(&mut s, r);
    steering(&mut s, r);
    debrief(&mut s, r);
    s
}

/// The facilitator's steps at a served table (the section is left out when there were none).
fn steering(s: &mut String, r: &Report) {
    if r.steering.is_empty() {
        return;
    }
    let _ = writeln!(s, "## The facilitator's steps\n");
    let _ = writeln!(s, "| After decision | Step | Reason |");
    let _ = writeln!(s, "| ---: | --- | --- |");
    for step in &r.steering {
        let cell = |t: &str| t.replace('|', "\\|");
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            step.after,
            cell(&step.what),
            cell(&step.reason)
        );
    }
    s.push('\n');
}

fn header(s: &mut String, r: &Report) {
    let g = &r.game;
    let _ = writeln!(s, "# After-action report: {}\n", g.scenario_name);
    if g.hypothetical {
        let _ = writeln!(
            s,
            "> **Hypothetical scenario.** Its injects are exercise assumptions, not facts or forecasts.\n"
        );
    }
    if !g.scenario_description.is_empty() {
        let _ = writeln!(s, "{}\n", g.scenario_description.replace('\n', " "));
    }
    let scenario = g.scenario.as_deref().unwrap_or("none (the plain rules)");
    let lens = match g.lens.as_str() {
        "absolute" => format!(
            "absolute; targets Washington {}, Seoul {}",
            g.targets[0], g.targets[1]
        ),
        other => other.to_owned(),
    };
    let drill = g
        .drill_seconds
        .map_or_else(|| "off".into(), |d| format!("{d} s to answer an offer"));
    let _ = writeln!(s, "| | |\n| --- | --- |");
    let rows = [
        ("Scenario", format!("`{scenario}`")),
        ("Seed", g.seed.to_string()),
        (
            "Players",
            format!("Washington: {} · Seoul: {}", g.players[0], g.players[1]),
        ),
        ("Lens", lens),
        ("Rounds planned", g.rounds_planned.to_string()),
        ("Decisions", g.decisions.to_string()),
        ("Negotiation drill", drill),
        ("Record", format!("`{}` (data {})", g.file, g.fingerprint)),
    ];
    for (k, v) in rows {
        let _ = writeln!(s, "| {k} | {v} |");
    }
    s.push('\n');
}

fn outcome(s: &mut String, r: &Report) {
    let _ = writeln!(s, "## Outcome\n\n**{}**\n", r.outcome.summary);
    for reason in &r.outcome.reasons {
        let _ = writeln!(s, "- {reason}");
    }
    s.push('\n');
}

fn glance(s: &mut String, r: &Report) {
    let _ = writeln!(s, "## Rounds at a glance\n");
    let _ = writeln!(
        s,
        "| Round | Shock | Resp. | Role | Cohesion | Uncert. | Priority | Washington | Seoul | Symmetric |"
    );
    let _ = writeln!(
        s,
        "| ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |"
    );
    for round in &r.rounds {
        let t = |m: &str| round.tracks.get(m).map_or("-".into(), i8::to_string);
        let shock = round.shock.as_ref().map_or("-".into(), |x| {
            let mark = if x.injected { " (inject)" } else { "" };
            format!("{}{mark}", x.title)
        });
        let sym = match (round.summit, round.symmetric) {
            (false, _) => "no summit",
            (true, true) => "yes",
            (true, false) => "no",
        };
        let _ = writeln!(
            s,
            "| {} | {shock} | {} | {} | {} | {} | {} | {} | {} | {sym} |",
            round.round,
            t("responsibility"),
            t("role_balance"),
            t("cohesion"),
            t("uncertainty"),
            round.priority,
            round.scores[0],
            round.scores[1],
        );
    }
    s.push('\n');
}

fn round_section(s: &mut String, round: &RoundReport, finished: bool) {
    let _ = writeln!(s, "## Round {}\n", round.round);
    if let Some(x) = &round.shock {
        let inject = if x.injected {
            " *Set by the instructor's inject.*"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "**Shock:** {} ({}, size {}; the {} absorbed {}).{inject}\n",
            x.title,
            x.domain,
            x.size,
            meter_name(&x.layer).to_lowercase(),
            x.absorbed
        );
    }
    for i in &round.injects {
        let _ = writeln!(s, "**Inject:** {}. {}\n", i.title, i.text);
    }
    if !round.plays.is_empty() {
        let _ = writeln!(
            s,
            "| Side | Card | Played for | Event |\n| --- | --- | --- | --- |"
        );
        for p in &round.plays {
            let used = if p.points > 0 {
                format!("{} ({} points)", p.used_for, p.points)
            } else {
                p.used_for.clone()
            };
            let event = if p.event.is_empty() { "-" } else { &p.event };
            let _ = writeln!(s, "| {} | {} | {used} | {event} |", p.side, p.title);
        }
        s.push('\n');
    }
    for d in &round.deals {
        deal(s, d);
    }
    if round.summit {
        let sym = if round.symmetric {
            "symmetric"
        } else {
            "not symmetric"
        };
        let _ = writeln!(
            s,
            "**Summit:** Washington {} (+{}), Seoul {} (+{}); the alliance was {sym}.\n",
            round.scores[0], round.gained[0], round.scores[1], round.gained[1]
        );
    } else {
        let why = if finished {
            "the game ended during this round"
        } else {
            "the record stops here, and the game is not finished"
        };
        let _ = writeln!(s, "**No summit:** {why}.\n");
    }
}

fn deal(s: &mut String, d: &DealLine) {
    let _ = writeln!(s, "**Deal opened by {}**, {}:", d.opener, d.result);
    if d.offers.is_empty() {
        let _ = writeln!(s, "- no offer was sent");
    }
    for o in &d.offers {
        let kind = if o.counter == 0 {
            "offered"
        } else {
            "countered with"
        };
        let time = o.answer_ms.map_or_else(String::new, |ms| {
            format!(" after {:.1} s", ms as f64 / 1000.0)
        });
        let _ = writeln!(
            s,
            "- {} {kind}: gives {}; asks {}. Reply: {}{time}.",
            o.by,
            terms(&o.gives),
            terms(&o.asks),
            o.reply
        );
    }
    s.push('\n');
}

/// The name players see for a meter id (the JSON and CSV keep the ids).
fn meter_name(id: &str) -> &str {
    Meter::ALL
        .iter()
        .find(|m| m.id() == id)
        .map_or(id, |m| m.name())
}

fn terms(t: &[String]) -> String {
    if t.is_empty() {
        "nothing".into()
    } else {
        t.join(", ")
    }
}

fn turning_points(s: &mut String, r: &Report) {
    let _ = writeln!(s, "## Turning points\n");
    if r.turning_points.is_empty() {
        let _ = writeln!(
            s,
            "No single step moved the shared tracks by more than one.\n"
        );
        return;
    }
    for (i, t) in r.turning_points.iter().enumerate() {
        let moves: Vec<String> = t
            .moves
            .iter()
            .map(|m| format!("{} {} → {}", meter_name(&m.meter), m.from, m.to))
            .collect();
        let when = if t.decision == 0 {
            "at setup".to_owned()
        } else {
            format!("after decision {}", t.decision)
        };
        let _ = writeln!(
            s,
            "{}. Round {}, {when}: {} moved {} (swing {}).",
            i + 1,
            t.round,
            t.cause,
            moves.join(", "),
            t.swing
        );
    }
    s.push('\n');
}

fn negotiation(s: &mut String, r: &Report) {
    let _ = writeln!(s, "## Negotiation\n");
    let _ = writeln!(s, "| | Washington | Seoul |\n| --- | ---: | ---: |");
    let side = |x: Side| r.negotiation.get(x.id()).cloned().unwrap_or_default();
    let (w, k) = (side(Side::Washington), side(Side::Seoul));
    let secs = |ms: Option<u64>| ms.map_or("-".into(), |m| format!("{:.1} s", m as f64 / 1000.0));
    let rows: [(&str, String, String); 8] = [
        (
            "Deals opened",
            w.deals_opened.to_string(),
            k.deals_opened.to_string(),
        ),
        ("Offers sent", w.offers.to_string(), k.offers.to_string()),
        (
            "Counter-offers",
            w.counters.to_string(),
            k.counters.to_string(),
        ),
        (
            "Offers accepted",
            w.accepted.to_string(),
            k.accepted.to_string(),
        ),
        (
            "Offers rejected",
            w.rejected.to_string(),
            k.rejected.to_string(),
        ),
        (
            "Of those, timed out",
            w.timeouts.to_string(),
            k.timeouts.to_string(),
        ),
        (
            "Mean time to answer",
            secs(w.mean_answer_ms),
            secs(k.mean_answer_ms),
        ),
        (
            "Longest time to answer",
            secs(w.max_answer_ms),
            secs(k.max_answer_ms),
        ),
    ];
    for (label, a, b) in rows {
        let _ = writeln!(s, "| {label} | {a} | {b} |");
    }
    s.push('\n');
}

fn debrief(s: &mut String, r: &Report) {
    let _ = writeln!(s, "## Debrief questions\n");
    for (i, q) in r.debrief.iter().enumerate() {
        let played = if q.plays > 0 {
            format!(" (cards played: {})", q.plays)
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "{}. **{}**{played}. {}",
            i + 1,
            q.concept_name,
            q.question
        );
    }
}
