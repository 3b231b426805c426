//! `alliance validate`: checks the rules, decks and scenario files, and prints a summary of good
//! data or every error with its file, line and column.

use super::output::{Outcome, print, say};
use super::{Context, data_errors, fail};
use crate::engine::{CardSide, Concept, Content, Domain, Duration as ShockDuration, Kind, Meter};
use std::process::ExitCode;

/// The rules and decks loaded before this runs; the scenario files are checked here.
pub(super) fn run(ctx: &Context) -> Outcome {
    print(&summary(&ctx.content))?;
    for d in crate::analyze::dominated(&ctx.content) {
        say(d.warning());
    }
    match crate::classroom::validate_scenarios(ctx.content.clone(), ctx.data_dir()) {
        Ok(s) => {
            print(&s)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => fail(data_errors(&errors, "scenario files")),
    }
}

/// What `alliance validate` prints for good data.
pub fn summary(content: &Content) -> String {
    let mut s = format!(
        "The data is valid: {} cards, {} order shocks.\n\nCards by side and kind:\n",
        content.cards.len(),
        content.shocks.len()
    );
    s += &format!("  {:<11}", "");
    for k in Kind::ALL {
        s += &format!("{:>9}", k.name());
    }
    s += "    total\n";
    for side in CardSide::ALL {
        s += &format!("  {:<11}", side.name());
        let of_side = content.cards.iter().filter(|c| c.side == side);
        for k in Kind::ALL {
            s += &format!("{:>9}", of_side.clone().filter(|c| c.kind == k).count());
        }
        s += &format!("{:>9}\n", of_side.count());
    }
    s += "\nShocks by domain:\n";
    for d in Domain::ALL {
        let of = content.shocks.iter().filter(|x| x.domain == d);
        let lasting = |dur| of.clone().filter(|x| x.duration == dur).count();
        s += &format!(
            "  {:<11}{:>3}  ({} instant, {} round, {} structural)\n",
            d.name(),
            of.clone().count(),
            lasting(ShockDuration::Instant),
            lasting(ShockDuration::Round),
            lasting(ShockDuration::Structural)
        );
    }
    s += "\nTracks and items:\n";
    for m in Meter::ALL {
        let t = content.rules.track(m);
        let band = t
            .band
            .map(|(lo, hi)| format!(", symmetric band {lo}-{hi}"))
            .unwrap_or_default();
        s += &format!(
            "  {:<16} {}..={}, starts at {}{band}\n",
            m.id(),
            t.min,
            t.max,
            t.start
        );
    }
    s += "\nConcepts carried by cards:\n";
    for c in Concept::ALL {
        let n = content.cards.iter().filter(|x| x.concept == *c).count();
        let mark = if n == 0 { "  MISSING" } else { "" };
        s += &format!("  {:<20}{:>3}  {}{mark}\n", c.id(), n, c.name());
    }
    s
}
