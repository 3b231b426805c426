//! `alliance analyze`: the command-line face of the design-health report in `crate::analyze`.

use super::choices::BotChoice;
use super::output::{Outcome, print};
use super::sim::{LensChoice, scenario_content, with_lens};
use super::{Context, fail, parse_threads, worker_threads};
use crate::ai::Budget;
use crate::analyze;
use crate::sim::SimConfig;
use std::path::PathBuf;
use std::process::ExitCode;

/// The options of `alliance analyze` (its help text is on the `Analyze` command).
#[derive(clap::Args, Debug)]
pub struct AnalyzeArgs {
    /// How many seeds to play (each twice with --swap).
    #[arg(long, default_value_t = 1000)]
    pub games: u64,
    /// The master seed; game i uses a seed derived from (seed, i), as in `alliance sim`.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Washington's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Greedy)]
    pub washington: BotChoice,
    /// Seoul's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Greedy)]
    pub seoul: BotChoice,
    /// Worker threads: at most one per game and four per core (the figures do not depend on it).
    #[arg(long, default_value_t = 1, value_parser = parse_threads)]
    pub threads: usize,
    /// A fixed search budget per hard-bot decision, for reproducible runs.
    #[arg(long)]
    pub iterations: Option<u64>,
    /// Play each seed twice, swapping the bots' seats.
    #[arg(long)]
    pub swap: bool,
    /// Judge the games under this lens instead of the rules' own (the bots play to it too).
    #[arg(long, value_enum)]
    pub lens: Option<LensChoice>,
    /// Play this scenario (see `alliance scenarios`), or a scenario file's path. Its fixed seed is
    /// not used: game seeds still come from `--seed`.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Print every figure as JSON instead of the text report.
    #[arg(long)]
    pub json: bool,
    /// Also write the report as Markdown to FILE (for `docs/`).
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
}

/// Runs `alliance analyze`.
pub(super) fn run(ctx: &Context, args: &AnalyzeArgs) -> Outcome {
    let content = match scenario_content(&ctx.content, ctx.data_dir(), args.scenario.as_deref()) {
        Ok(content) => with_lens(content, args.lens),
        Err(errors) => return fail(errors),
    };
    let cfg = SimConfig {
        games: args.games,
        seed: args.seed,
        bots: [args.washington.into(), args.seoul.into()],
        budget: args.iterations.map_or(Budget::DEFAULT, Budget::Iterations),
        threads: worker_threads(args.threads, args.games),
        swap: args.swap,
        progress: !args.json,
    };
    let report = analyze::run(&content, &cfg, args.scenario.clone());
    if let Some(path) = &args.markdown
        && let Err(e) = std::fs::write(path, report.to_markdown())
    {
        return fail(format!(
            "cannot write the Markdown report to {}: {e}",
            path.display()
        ));
    }
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => print(&format!("{s}\n"))?,
            Err(e) => return fail(format!("cannot write the report as JSON: {e}")),
        }
    } else {
        print(&report.to_text())?;
    }
    Ok(ExitCode::SUCCESS)
}
