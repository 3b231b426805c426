//! `alliance play`: straight into a game on the screen, new, of a scenario, or resumed.

use super::choices::PlayerChoice;
use super::{Context, exit};
use crate::ai::Budget;
use crate::classroom::{GameStart, PlayOptions, Resume, SeedChoice};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args, Debug, Clone)]
pub struct PlayArgs {
    /// Who plays Washington: human, or a bot.
    #[arg(long, value_enum, default_value_t = PlayerChoice::Human)]
    pub washington: PlayerChoice,
    /// Who plays Seoul: human, or a bot.
    #[arg(long, value_enum, default_value_t = PlayerChoice::Human)]
    pub seoul: PlayerChoice,
    /// The game seed (the scenario's fixed seed, or a random one, if not given).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Milliseconds between bot moves, so a person can follow (0 is instant).
    #[arg(long, default_value_t = 600)]
    pub pace_ms: u64,
    /// Play this scenario (see `alliance scenarios`).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Continue a saved game (the latest autosave if no file is given).
    #[arg(long, num_args = 0..=1, value_name = "FILE")]
    pub resume: Option<Option<PathBuf>>,
    /// Negotiation drill: seconds to answer each deal offer before it counts as rejected.
    #[arg(long, value_name = "SECONDS")]
    pub drill: Option<u64>,
    /// A fixed search budget per bot decision, instead of the time budget.
    #[arg(long)]
    pub iterations: Option<u64>,
}

impl PlayArgs {
    /// The game these arguments ask for, in the classroom's terms.
    pub fn options(&self) -> PlayOptions {
        let start = GameStart {
            seats: [self.washington.into(), self.seoul.into()],
            seed: SeedChoice::from_given(self.seed),
            scenario: self.scenario.clone(),
            resume: self
                .resume
                .clone()
                .map(|file| file.map_or(Resume::Latest, Resume::File)),
            drill: self.drill.map(Duration::from_secs),
        };
        PlayOptions {
            start,
            pace: Duration::from_millis(self.pace_ms),
            budget: self.iterations.map_or(Budget::DEFAULT, Budget::Iterations),
        }
    }
}

pub(super) fn run(ctx: &Context, args: &PlayArgs) -> ExitCode {
    exit(crate::tui::play(
        ctx.content.clone(),
        ctx.data_dir(),
        &args.options(),
        ctx.color.into(),
    ))
}
