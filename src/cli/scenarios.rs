//! `alliance scenarios`: every scenario with its rounds, lens, seed and description; a scenario
//! file with errors is named with them, and the listing then fails.

use super::output::{Outcome, print, say};
use super::{Context, fail};
use crate::classroom::{Library, ScenarioSummary};
use std::process::ExitCode;

pub(super) fn run(ctx: &Context) -> Outcome {
    let lib = match Library::new(ctx.content.clone(), ctx.data_dir()) {
        Ok(lib) => lib,
        Err(e) => return fail(e),
    };
    let mut bad = 0;
    for summary in lib.summaries() {
        match summary {
            Ok(s) => print(&entry(&s))?,
            Err(e) => {
                bad += 1;
                say(e);
            }
        }
    }
    if lib.scenario_files().0.is_empty() {
        print("No scenario files: a data folder keeps its own in rules/scenarios/*.toml.\n")?;
    } else {
        print("Start one with `alliance play --scenario ID`.\n")?;
    }
    if bad > 0 {
        return fail(format!("{bad} scenario file(s) have errors."));
    }
    Ok(ExitCode::SUCCESS)
}

/// One scenario's lines, and the blank line after them.
fn entry(s: &ScenarioSummary) -> String {
    let seed = s.info.seed.map_or("random".into(), |x| x.to_string());
    let tag = if s.info.hypothetical {
        "  [HYPOTHETICAL]"
    } else {
        ""
    };
    let mut out = format!("{:<16} {}{tag}\n", s.info.id, s.info.name);
    out += &format!(
        "{:<16} {} rounds x {} actions, {:?} lens, seed {seed}, {} inject(s)\n",
        "", s.rounds, s.actions_per_round, s.lens, s.injects
    );
    for line in s.info.description.lines() {
        out += &format!("{:<16} {}\n", "", line.trim());
    }
    out + "\n"
}
