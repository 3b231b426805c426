//! The classroom work behind `report`, `record` and the scenario part of `validate`. Each returns
//! a value or a typed error whose message names the file and the fix; the command line prints
//! them and picks the exit code.

use super::library::Library;
use super::record::{GameRecord, RecordError};
use super::report::{self, CompareError, Format, Report};
use super::seats::{Player, SeedChoice};
use super::session::Session;
use crate::ai::{self, BotKind, Budget};
use crate::content::DataErrors;
use crate::engine::{Content, Outcome, RuleError, Side, rng};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use thiserror::Error;

/// Why a classroom command failed. Every message is a sentence to show as it is.
#[derive(Debug, Error)]
pub enum CommandError {
    /// The scenario files (or a scenario asked for) have errors.
    #[error("{0}")]
    Data(#[from] DataErrors),
    #[error("{0}")]
    Record(#[from] RecordError),
    #[error("{0}")]
    Compare(#[from] CompareError),
    /// `--out` names a file that is not a record; it is never overwritten.
    #[error("{0} Choose another --out file.")]
    OutNotARecord(RecordError),
    /// A resumed record has a person on one side, so it cannot go on without one.
    #[error(
        "{side} is played by `{name}`, not a bot; continue this game with `alliance play --resume FILE`"
    )]
    NotABot { side: Side, name: String },
    #[error("the {side} bot chose an illegal action: {error}")]
    IllegalAction { side: Side, error: RuleError },
    /// The autosave failed; the message says where and why.
    #[error("{0}")]
    Save(String),
}

/// The scenario part of `alliance validate`: every scenario file builds, or every error.
pub(crate) fn validate_scenarios(
    content: Arc<Content>,
    data_dir: Option<&Path>,
) -> Result<String, DataErrors> {
    let lib = Library::new(content, data_dir)?;
    let mut errors = Vec::new();
    let mut ids = Vec::new();
    for s in lib.summaries() {
        match s {
            Ok(s) => ids.push(s.info.id),
            Err(e) => errors.extend(e.0),
        }
    }
    if ids.is_empty() && errors.is_empty() {
        Ok("\nNo scenario files (rules/scenarios/*.toml).\n".into())
    } else if errors.is_empty() {
        Ok(format!("\nScenarios ({}): {}\n", ids.len(), ids.join(", ")))
    } else {
        Err(DataErrors(errors))
    }
}

/// `alliance report FILE... [--format md|json|csv] [--compare]`: the text to print.
pub fn report(
    lib: &Library,
    files: &[PathBuf],
    format: Format,
    compare: bool,
) -> Result<String, CommandError> {
    let reports = files
        .iter()
        .map(|file| Report::open(lib, file))
        .collect::<Result<Vec<_>, _>>()?;
    if !compare {
        return Ok(several(&reports, format));
    }
    let text = match format {
        Format::Markdown => report::compare_markdown(&reports),
        Format::Json => report::compare_json(&reports),
        Format::Csv => report::compare_csv(&reports),
    };
    Ok(text?)
}

/// Several reports without `--compare`: one after another (CSV as one table).
fn several(reports: &[Report], format: Format) -> String {
    match (format, reports) {
        (_, [one]) => one.render(format),
        (Format::Csv, _) => report::csv_table(reports),
        (Format::Json, _) => serde_json::to_string_pretty(reports).unwrap_or_default() + "\n",
        (Format::Markdown, _) => {
            let parts: Vec<String> = reports.iter().map(|r| r.render(format)).collect();
            parts.join("\n---\n\n")
        }
    }
}

/// Which bot game `alliance record` plays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordGame {
    /// A new game, written to `out` (replaced if it is an old record).
    New {
        bots: [BotKind; 2],
        seed: SeedChoice,
        scenario: Option<String>,
        out: PathBuf,
    },
    /// The bot game saved in this file, continued in the same file.
    Resume(PathBuf),
}

/// `alliance record`: a bot-against-bot game written to a record file, autosaved after every
/// decision. It makes example records for reports, and drives the save-and-kill tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordOptions {
    pub game: RecordGame,
    /// The wait after each decision.
    pub pace: Duration,
    /// Stop once the record holds this many decisions, leaving the game unfinished.
    pub(crate) stop_after: Option<usize>,
    /// Seeds the bots' choices apart from the game seed, so two tables of one seed differ.
    pub(crate) bot_seed: Option<u64>,
    pub budget: Budget,
}

/// What `alliance record` wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedGame {
    pub decisions: usize,
    pub path: Option<PathBuf>,
    /// `None` when the game stopped unfinished.
    pub outcome: Option<Outcome>,
}

/// `alliance record`: plays the bots' game to its end (or `stop_after`), saving as it goes.
pub fn record(lib: &Library, options: &RecordOptions) -> Result<RecordedGame, CommandError> {
    let (mut session, kinds) = match &options.game {
        RecordGame::Resume(path) => {
            let session = Session::resume(lib, path)?;
            let kinds = bots_of(&session)?;
            (session, kinds)
        }
        RecordGame::New {
            bots,
            seed,
            scenario,
            out,
        } => (
            new_session(lib, *seed, scenario.as_deref(), out, *bots)?,
            *bots,
        ),
    };
    play_out(&mut session, kinds, options)?;
    Ok(RecordedGame {
        decisions: session.record().steps.len(),
        path: session.save_path().map(Path::to_path_buf),
        outcome: session.game().outcome().copied(),
    })
}

/// Lets the bots play until the game ends or `stop_after` decisions are recorded.
fn play_out(
    session: &mut Session,
    kinds: [BotKind; 2],
    options: &RecordOptions,
) -> Result<(), CommandError> {
    // A resumed game's bots draw from a stream derived from the resume point, so resuming at the
    // same decision always continues the same way.
    let seed = options.bot_seed.unwrap_or(session.record().seed);
    let bot_seed = rng::game_seed(seed, session.record().steps.len() as u64);
    let mut bots = Side::BOTH.map(|s| ai::build(kinds[s.index()], s, bot_seed, options.budget));
    while let Some(side) = session.game().to_move() {
        if options
            .stop_after
            .is_some_and(|n| session.record().steps.len() >= n)
        {
            break;
        }
        let legal = session.game().legal_actions();
        let view = session.game().view(side);
        let action = bots[side.index()].choose(&view, &legal);
        if let Err(error) = session.apply(action) {
            return Err(CommandError::IllegalAction { side, error });
        }
        if let Some(e) = session.save_error() {
            return Err(CommandError::Save(e.to_owned()));
        }
        if !options.pace.is_zero() {
            std::thread::sleep(options.pace);
        }
    }
    Ok(())
}

fn new_session(
    lib: &Library,
    seed: SeedChoice,
    scenario: Option<&str>,
    out: &Path,
    bots: [BotKind; 2],
) -> Result<Session, CommandError> {
    let content = lib.content(scenario)?;
    let seed = seed.resolve(&content);
    let names = bots.map(|k| Player::Bot(k).record_name().to_owned());
    // Replace an old record, but never a file that is not one (a damaged save, someone's data).
    if out.exists()
        && let Err(e) = GameRecord::load(out)
    {
        return Err(CommandError::OutNotARecord(e));
    }
    let (session, _) = Session::new(content, seed, names);
    Ok(session.autosave_to(out.to_path_buf()))
}

fn bots_of(session: &Session) -> Result<[BotKind; 2], CommandError> {
    let players = &session.record().players;
    let kind = |side: Side| {
        let name = &players[side.index()];
        Player::bot_of_record(name).ok_or_else(|| CommandError::NotABot {
            side,
            name: name.clone(),
        })
    };
    Ok([kind(Side::Washington)?, kind(Side::Seoul)?])
}
