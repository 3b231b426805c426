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
    /// Washington's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Random)]
    pub washington: BotChoice,
    /// Seoul's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Random)]
    pub seoul: BotChoice,
    #[command(flatten)]
    pub run: RunArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// What `alliance sim` and `alliance analyze` share: which games to play and how. Only the bots
/// differ (their defaults do), so each command keeps its own.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// How many games to play (with --swap, each is played twice, so twice as many).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    pub games: u64,
    /// The master seed; game i uses a seed derived from (seed, i).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Worker threads: at most one per game and four per core (results do not depend on it).
    #[arg(long, default_value_t = 1, value_parser = parse_threads)]
    pub threads: usize,
    /// A fixed search budget per decision, for reproducible runs.
    #[arg(long)]
    pub iterations: Option<u64>,
    /// The second bot's fixed budget (Seoul's, before --swap), when it should differ from
    /// --iterations: to measure whether a bigger budget plays better.
    #[arg(long, requires = "iterations")]
    pub second_iterations: Option<u64>,
    /// Play each seed twice, swapping the bots' seats (for strength comparisons).
    #[arg(long)]
    pub swap: bool,
    /// Judge the games under this lens instead of the rules' own (the bots play to it too).
    #[arg(long, value_enum)]
    pub lens: Option<LensChoice>,
    /// Play this scenario (see `alliance scenarios`), or a scenario file's path. Its fixed seed is
    /// not used: game seeds still come from `--seed`.
    #[arg(long)]
    pub scenario: Option<String>,
}

impl RunArgs {
    /// The content to play: the scenario's, if one is named, judged under `--lens`.
    pub(super) fn content(&self, ctx: &Context) -> Result<Arc<Content>, DataErrors> {
        let content = scenario_content(&ctx.content, ctx.data_dir(), self.scenario.as_deref())?;
        Ok(with_lens(content, self.lens))
    }

    /// The simulator's settings for these games, played by `bots`.
    pub(super) fn config(&self, bots: [BotChoice; 2], progress: bool) -> SimConfig {
        SimConfig {
            games: self.games,
            seed: self.seed,
            bots: bots.map(Into::into),
            budget: self.iterations.map_or(Budget::DEFAULT, Budget::Iterations),
            second_budget: self.second_iterations.map(Budget::Iterations),
            threads: worker_threads(self.threads, self.games),
            swap: self.swap,
            progress,
        }
    }
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
    let content = match args.run.content(ctx) {
        Ok(content) => content,
        Err(errors) => return fail(errors),
    };
    let cfg = args.run.config([args.washington, args.seoul], !args.json);
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
fn scenario_content(
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
fn with_lens(content: Arc<Content>, lens: Option<LensChoice>) -> Arc<Content> {
    let Some(lens) = lens else {
        return content;
    };
    let mut c = Content::clone(&content);
    c.rules.lens = lens.into();
    Arc::new(c)
}
