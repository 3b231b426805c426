//! The game record: seed, scenario, data fingerprint and every decision, with the negotiation
//! drill's answer times. A save file is a record of an unfinished game, so one format serves
//! autosave, resume, replay and the after-action report.

mod header;
pub mod steering;

use crate::content::read::{self, ReadError};
use crate::engine::{Action, Content, Event, Game, RuleError, Side};
use header::{Header, Scalar};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// What the `format` field of every record says, so another program's JSON is recognised.
pub(crate) const RECORD_FORMAT: &str = "symmetric-alliance-record";
/// The record format this build writes; it reads this version and older.
pub(crate) const RECORD_VERSION: u32 = 1;
/// The largest save or record file read.
pub use crate::content::read::RECORD_LIMIT;

/// One decision, with how long an offer waited for it when the drill was on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub side: Side,
    pub action: Action,
    /// Milliseconds from the offer to this answer (set on accept, reject and counter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_ms: Option<u64>,
    /// The drill's clock ran out, and this rejection was made for the side.
    #[serde(default, skip_serializing_if = "is_false")]
    pub timed_out: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A whole game as saved on disk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GameRecord {
    pub format: String,
    pub version: u32,
    /// The scenario id, or `None` for the plain rules.
    pub scenario: Option<String>,
    pub seed: u64,
    /// The data fingerprint in hex: JSON readers lose precision on large integers.
    pub fingerprint: String,
    /// Who played each side ("human", or a bot's name), for the report.
    pub players: [String; 2],
    /// The negotiation drill's time to answer an offer, if it was on.
    #[serde(default)]
    pub drill_seconds: Option<u64>,
    pub steps: Vec<Step>,
    /// A facilitator's steps at a served table (none in a game played anywhere else).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steering: Vec<steering::Steered>,
}

/// Why a record could not be used. Each message names the file and what to do.
#[derive(Debug, Error)]
pub enum RecordError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} is damaged and cannot be loaded ({detail}). The file was left exactly as it was; other saves are not affected."
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} is not a Symmetric Alliance save or record; it was left as it was.")]
    Foreign { path: PathBuf },
    #[error(
        "{path} was written by a newer version of alliance (record format {found}; this build reads up to {RECORD_VERSION}). Update alliance to load it; the file was left as it was."
    )]
    Newer { path: PathBuf, found: String },
    #[error("{path} is {what}, not a save or record file, so it was not read.")]
    NotAFile { path: PathBuf, what: &'static str },
    #[error(
        "{path} is {} or more, larger than any save or record (this build reads up to {} MB), so it was not read; the file was left as it was.",
        megabytes(size),
        RECORD_LIMIT / (1024 * 1024)
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "{path} was recorded with other game data (fingerprint {recorded}; the data loaded now is {current}), so it cannot be replayed faithfully. Load the rules, decks and scenario it was played with (see --data)."
    )]
    OtherData {
        path: PathBuf,
        recorded: String,
        current: String,
    },
    #[error("{path} was played with the scenario `{scenario}`, which is not available: {detail}")]
    Scenario {
        path: PathBuf,
        scenario: String,
        detail: String,
    },
}

impl GameRecord {
    /// An empty record for a new game.
    pub(crate) fn new(content: &Content, seed: u64, players: [String; 2]) -> GameRecord {
        GameRecord {
            format: RECORD_FORMAT.into(),
            version: RECORD_VERSION,
            scenario: content.scenario.as_ref().map(|s| s.id.clone()),
            seed,
            fingerprint: fingerprint_hex(content.fingerprint),
            players,
            drill_seconds: None,
            steps: Vec::new(),
            steering: Vec::new(),
        }
    }

    pub fn actions(&self) -> Vec<Action> {
        self.steps.iter().map(|s| s.action).collect()
    }

    pub fn to_json(&self) -> String {
        // A record holds only plain data, so serialising it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Reads and checks a record file: recognised, not newer, well-formed. Not yet replayed.
    /// Only a regular file of at most [`RECORD_LIMIT`] bytes is read (see [`crate::content::read`]).
    pub fn load(path: &Path) -> Result<GameRecord, RecordError> {
        let bytes = read::read_limited(path, RECORD_LIMIT).map_err(|e| match e {
            ReadError::NotRegular { what } => RecordError::NotAFile {
                path: path.into(),
                what,
            },
            ReadError::TooLarge { size, .. } => RecordError::TooLarge {
                path: path.into(),
                size,
            },
            ReadError::Io(source) => RecordError::Read {
                path: path.into(),
                source,
            },
        })?;
        GameRecord::parse(path, &bytes)
    }

    /// Checks the bytes of a record. The format and version are read first, skipping everything
    /// else, so a newer or foreign file is named as such even when the rest would not parse; the
    /// record is then read straight into its types, with no tree of JSON values in between (that
    /// tree took over 30 times the file's size in memory).
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<GameRecord, RecordError> {
        let corrupt = |detail: String| RecordError::Corrupt {
            path: path.into(),
            detail,
        };
        let header: Header = serde_json::from_slice(bytes).map_err(|e| {
            // Text that is not JSON at all is someone else's file, not a damaged save.
            if e.line() == 1 && e.column() <= 1 && !bytes.starts_with(b"{") {
                RecordError::Foreign { path: path.into() }
            } else {
                corrupt(format!("line {}, column {}: {e}", e.line(), e.column()))
            }
        })?;
        if !header.object || header.format != Some(Scalar::Text(RECORD_FORMAT.into())) {
            return Err(RecordError::Foreign { path: path.into() });
        }
        match header.version {
            Some(Scalar::Int(v)) if v > u64::from(RECORD_VERSION) => {
                return Err(RecordError::Newer {
                    path: path.into(),
                    found: v.to_string(),
                });
            }
            Some(Scalar::Huge(text)) => {
                return Err(RecordError::Newer {
                    path: path.into(),
                    found: text,
                });
            }
            Some(Scalar::Int(1..)) => {}
            _ => return Err(corrupt("it has no valid format version".into())),
        }
        serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))
    }

    /// Refuses a record made with other data than `content`.
    pub fn check_data(&self, path: &Path, content: &Content) -> Result<(), RecordError> {
        let current = fingerprint_hex(content.fingerprint);
        if self.fingerprint != current {
            return Err(RecordError::OtherData {
                path: path.into(),
                recorded: self.fingerprint.clone(),
                current,
            });
        }
        Ok(())
    }

    /// Replays the whole record, keeping the events of setup and of each step.
    pub fn replay(&self, path: &Path, content: Arc<Content>) -> Result<Timeline, RecordError> {
        self.check_data(path, &content)?;
        let (mut game, mut setup) = Game::start(content, self.seed);
        // A facilitator's injects fire where they were released, with the step before them.
        setup.extend(steering::fire_at(&mut game, &self.steering, 0));
        let mut steps = Vec::with_capacity(self.steps.len());
        for (i, step) in self.steps.iter().enumerate() {
            let mut events = apply_step(&mut game, step).map_err(|e| RecordError::Corrupt {
                path: path.into(),
                detail: format!("decision {} ({:?}) is not legal: {e}", i + 1, step.action),
            })?;
            events.extend(steering::fire_at(&mut game, &self.steering, i + 1));
            steps.push(events);
        }
        Ok(Timeline { setup, steps, game })
    }
}

/// Applies one recorded step, checking that the recorded side is the side to move.
pub(crate) fn apply_step(game: &mut Game, step: &Step) -> Result<Vec<Event>, RuleError> {
    if game.to_move() != Some(step.side) {
        return Err(if game.is_over() {
            RuleError::GameOver
        } else {
            RuleError::WrongPhase
        });
    }
    game.apply(step.action)
}

fn megabytes(bytes: &u64) -> String {
    format!("{:.1} MB", *bytes as f64 / (1024.0 * 1024.0))
}

pub(crate) fn fingerprint_hex(fingerprint: u64) -> String {
    format!("{fingerprint:016x}")
}

/// A replayed record: the events of setup, then of each step, and the final game.
#[derive(Clone, Debug)]
pub struct Timeline {
    pub setup: Vec<Event>,
    pub steps: Vec<Vec<Event>>,
    pub game: Game,
}
