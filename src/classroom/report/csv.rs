//! The report as CSV: one row per game and round, one column per value, so a spreadsheet or
//! `pandas.read_csv` loads it as it is. Several games stack into one table, told apart by `game`.

use super::model::{Report, RoundReport};
use crate::engine::{Meter, Side};

const FIXED: [&str; 19] = [
    "game",
    "scenario",
    "seed",
    "round",
    "shock_id",
    "shock_title",
    "shock_domain",
    "shock_size",
    "shock_absorbed",
    "shock_injected",
    "injects",
    "washington_cards",
    "seoul_cards",
    "deals",
    "offers",
    "counters",
    "accepted",
    "rejected",
    "timeouts",
];

const TAIL: [&str; 7] = [
    "priority",
    "washington_score",
    "seoul_score",
    "washington_gained",
    "seoul_gained",
    "symmetric",
    "summit",
];

/// The CSV of one or more reports.
pub(super) fn render(reports: &[Report]) -> String {
    // Only strings go into a buffer in memory, so writing cannot fail; and every row has the
    // header's columns (the report goldens check that), which is all the writer could refuse.
    write(reports).unwrap_or_default()
}

fn write(reports: &[Report]) -> Result<String, csv::Error> {
    // The writer quotes a cell only when it holds a comma, a quote or a line break (RFC 4180),
    // and ends rows with a bare `\n`, as the reports always have.
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(header())?;
    for r in reports {
        for round in &r.rounds {
            out.write_record(row(r, round))?;
        }
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn header() -> Vec<&'static str> {
    let mut header = FIXED.to_vec();
    header.extend(Meter::ALL.iter().map(|m| m.id()));
    header.extend(TAIL);
    header
}

fn row(r: &Report, round: &RoundReport) -> Vec<String> {
    let shock = round.shock.as_ref();
    let cards = |side: Side| {
        let list: Vec<String> = round
            .plays
            .iter()
            .filter(|p| p.side == side)
            .map(|p| format!("{} ({})", p.card, p.used_for))
            .collect();
        list.join("; ")
    };
    let offers = round.deals.iter().flat_map(|d| &d.offers);
    let count = |reply: &str| offers.clone().filter(|o| o.reply == reply).count();
    let mut cells = vec![
        r.game.file.clone(),
        r.game.scenario.clone().unwrap_or_default(),
        r.game.seed.to_string(),
        round.round.to_string(),
        shock.map_or(String::new(), |s| s.id.clone()),
        shock.map_or(String::new(), |s| s.title.clone()),
        shock.map_or(String::new(), |s| s.domain.clone()),
        shock.map_or(String::new(), |s| s.size.to_string()),
        shock.map_or(String::new(), |s| s.absorbed.to_string()),
        shock.is_some_and(|s| s.injected).to_string(),
        round
            .injects
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        cards(Side::Washington),
        cards(Side::Seoul),
        round.deals.len().to_string(),
        offers
            .clone()
            .filter(|o| o.counter == 0)
            .count()
            .to_string(),
        offers.clone().filter(|o| o.counter > 0).count().to_string(),
        count("accepted").to_string(),
        (count("rejected") + count("timed out")).to_string(),
        count("timed out").to_string(),
    ];
    cells.extend(Meter::ALL.iter().map(|m| {
        round
            .tracks
            .get(m.id())
            .map_or(String::new(), i8::to_string)
    }));
    cells.extend([
        round.priority.clone(),
        round.scores[0].to_string(),
        round.scores[1].to_string(),
        round.gained[0].to_string(),
        round.gained[1].to_string(),
        round.symmetric.to_string(),
        round.summit.to_string(),
    ]);
    cells
}
