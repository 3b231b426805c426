//! `alliance play`: straight into a game on the screen, new, of a scenario, or resumed.

use super::choices::PlayerChoice;
use super::output::Outcome;
use super::{Context, exit, fail, terminal_check};
use crate::ai::Budget;
use crate::classroom::play::StartError;
use crate::classroom::{GameStart, Library, PlayOptions, Resume, SeedChoice, store};
use crate::tui::TuiError;
use std::path::PathBuf;
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
    /// Play this scenario (see `alliance scenarios`), or a scenario file's path.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Continue a saved game (the latest autosave if no file is given), with the players, seed
    /// and scenario it was saved with.
    #[arg(
        long,
        num_args = 0..=1,
        value_name = "FILE",
        conflicts_with_all = ["washington", "seoul", "seed", "scenario"]
    )]
    pub resume: Option<Option<PathBuf>>,
    /// Negotiation drill: seconds to answer each deal offer before it counts as rejected.
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
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

pub(super) fn run(ctx: &Context, args: &PlayArgs) -> Outcome {
    let options = args.options();
    if let Err(e) = check_start(ctx, &options.start) {
        return fail(e);
    }
    if let Err(why) = terminal_check("alliance play") {
        return fail(why);
    }
    exit(crate::tui::play(
        ctx.content.clone(),
        ctx.data_dir(),
        &options,
        ctx.color.into(),
    ))
}

/// What is wrong with the game asked for (no such scenario, no save to resume), in the screen's
/// own words, said before the terminal check: a typo in `--scenario` matters more than a missing
/// terminal. Nothing is saved here; the new game's save is made once the screen can start.
fn check_start(ctx: &Context, start: &GameStart) -> Result<(), TuiError> {
    let lib = Library::new(ctx.content.clone(), ctx.data_dir()).map_err(TuiError::Scenarios)?;
    match &start.resume {
        None => drop(
            lib.content(start.scenario.as_deref())
                .map_err(StartError::from)?,
        ),
        Some(Resume::File(file)) => drop(lib.open_record(file).map_err(StartError::from)?),
        Some(Resume::Latest) => {
            let dir = store::save_dir().ok_or(StartError::NoSaveFolder)?;
            store::latest_save(&dir).ok_or(StartError::NoSave(dir))?;
        }
    }
    Ok(())
}
