//! `alliance sim`: many bot-against-bot games, summarised as a table or as JSON.

use super::choices::BotChoice;
use super::output::{Outcome, print};
use super::{Context, fail, parse_threads, worker_threads};
use crate::ai::Budget;
use crate::content::DataErrors;
use crate::engine::{Content, Lens};
use crate::sim::{self as simulator, SimConfig};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(clap::Args, Debug)]
pub struct SimArgs {
    /// How many games to play (with --swap, each is played twice, so twice as many).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    pub games: u64,
    /// The master seed; game i uses a seed derived from (seed, i).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Washington's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Random)]
    pub washington: BotChoice,
    /// Seoul's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Random)]
    pub seoul: BotChoice,
    /// Worker threads: at most one per game and four per core (results do not depend on it).
    #[arg(long, default_value_t = 1, value_parser = parse_threads)]
    pub threads: usize,
    /// A fixed search budget per decision, for reproducible runs.
    #[arg(long)]
    pub iterations: Option<u64>,
    /// Play each seed twice, swapping the bots' seats (for strength comparisons).
    #[arg(long)]
    pub swap: bool,
    /// Judge the games under this lens instead of the rules' own.
    #[arg(long, value_enum)]
    pub lens: Option<LensChoice>,
    /// Play this scenario (see `alliance scenarios`), or a scenario file's path. Its fixed seed is
    /// not used: game seeds still come from `--seed`.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LensChoice {
    Relative,
    Absolute,
}

impl From<LensChoice> for Lens {
    fn from(choice: LensChoice) -> Lens {
        match choice {
            LensChoice::Relative => Lens::Relative,
            LensChoice::Absolute => Lens::Absolute,
        }
    }
}

pub(super) fn run(ctx: &Context, args: &SimArgs) -> Outcome {
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
    let report = simulator::run(&content, &cfg);
    if !args.json {
        print(&report.to_text())?;
        return Ok(ExitCode::SUCCESS);
    }
    match serde_json::to_string_pretty(&report) {
        Ok(s) => {
            print(&(s + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => fail(format!("cannot write the report as JSON: {e}")),
    }
}

/// The content for a scenario name or file, or the plain rules without one.
pub(super) fn scenario_content(
    content: &Arc<Content>,
    data: Option<&Path>,
    scenario: Option<&str>,
) -> Result<Arc<Content>, DataErrors> {
    match scenario {
        None => Ok(content.clone()),
        Some(name) => crate::classroom::Library::new(content.clone(), data)?.content(Some(name)),
    }
}

/// The content judged under `lens` instead of its rules' own.
pub(super) fn with_lens(content: Arc<Content>, lens: Option<LensChoice>) -> Arc<Content> {
    let Some(lens) = lens else {
        return content;
    };
    let mut c = Content::clone(&content);
    c.rules.lens = lens.into();
    Arc::new(c)
}
