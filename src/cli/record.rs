//! `alliance record`: a bot-against-bot game written to a record file, autosaved after every
//! decision. It makes example records for reports, and drives the save-and-kill tests.

use super::choices::BotChoice;
use super::output::{Outcome, print};
use super::{Context, fail};
use crate::ai::Budget;
use crate::classroom::{self, Library, RecordGame, RecordOptions, RecordedGame, SeedChoice};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args, Debug, Clone)]
pub struct RecordArgs {
    /// Washington's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Random)]
    pub washington: BotChoice,
    /// Seoul's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Random)]
    pub seoul: BotChoice,
    /// The game seed (the scenario's fixed seed, or a random one, if not given).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Play this scenario (see `alliance scenarios`), or a scenario file's path.
    #[arg(long)]
    pub scenario: Option<String>,
    /// The record file to write (an old record there is replaced; any other file is refused).
    #[arg(long, value_name = "FILE", required_unless_present = "resume")]
    pub out: Option<PathBuf>,
    /// Continue the bot game saved in this file, writing to the same file.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["out", "scenario", "seed"])]
    pub resume: Option<PathBuf>,
    /// Milliseconds to wait after each decision.
    #[arg(long, default_value_t = 0)]
    pub pace_ms: u64,
    /// Stop once the record holds this many decisions, leaving the game unfinished.
    #[arg(long)]
    pub stop_after: Option<usize>,
    /// Seed the bots' choices apart from the game seed, so two tables of one seed play differently.
    #[arg(long)]
    pub bot_seed: Option<u64>,
    /// Search budget per bot decision (iterations), so records are reproducible.
    #[arg(long, default_value_t = 200)]
    pub iterations: u64,
}

impl RecordArgs {
    /// The bot game these arguments ask for; `None` when neither `--out` nor `--resume` is given
    /// (clap refuses that first).
    pub fn options(&self) -> Option<RecordOptions> {
        let game = match (&self.resume, &self.out) {
            (Some(path), _) => RecordGame::Resume(path.clone()),
            (None, Some(out)) => RecordGame::New {
                bots: [self.washington.into(), self.seoul.into()],
                seed: SeedChoice::from_given(self.seed),
                scenario: self.scenario.clone(),
                out: out.clone(),
            },
            (None, None) => return None,
        };
        Some(RecordOptions {
            game,
            pace: Duration::from_millis(self.pace_ms),
            stop_after: self.stop_after,
            bot_seed: self.bot_seed,
            budget: Budget::Iterations(self.iterations),
        })
    }
}

pub(super) fn run(ctx: &Context, args: &RecordArgs) -> Outcome {
    let lib = match Library::new(ctx.content.clone(), ctx.data_dir()) {
        Ok(lib) => lib,
        Err(e) => return fail(e),
    };
    let Some(options) = args.options() else {
        return fail("--out FILE is required");
    };
    match classroom::record(&lib, &options) {
        Ok(done) => {
            print(&(recorded(&done) + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => fail(e),
    }
}

/// "Recorded N decisions to FILE: how the game ended".
fn recorded(done: &RecordedGame) -> String {
    let path = done
        .path
        .as_ref()
        .map_or_else(String::new, |p| p.display().to_string());
    let status = done
        .outcome
        .map_or_else(|| "unfinished".into(), |o| o.summary());
    format!("Recorded {} decisions to {path}: {status}", done.decisions)
}
