//! How `alliance play` (and the menu's New game and Load) start a session: scenario, seed,
//! resume, drill and autosave, from a [`GameStart`]. The screen only draws it.

use super::drill::SystemClock;
use super::library::Library;
use super::record::RecordError;
use super::seats::{GameStart, Player, Resume, Seats};
use super::session::Session;
use super::store;
use crate::content::DataErrors;
use crate::engine::Event;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a game cannot start. Every message is a sentence to show as it is.
#[derive(Debug, Error)]
pub enum StartError {
    #[error("this system has no data folder to keep saves in")]
    NoSaveFolder,
    #[error("there is no saved game in {}", .0.display())]
    NoSave(PathBuf),
    /// The save does not load, or was made with other data.
    #[error("{0}")]
    Record(#[from] RecordError),
    /// No such scenario, or its file has errors.
    #[error("{0}")]
    Scenario(#[from] DataErrors),
}

/// A session ready to play, with what the screen needs to show first.
pub struct Started {
    pub session: Session,
    /// Who plays each side (for a resumed game, as the record says).
    pub players: Seats,
    /// The events so far: setup for a new game, the whole game for a resumed one.
    pub events: Vec<Event>,
    /// A line for the status bar (where the game autosaves, or why it cannot).
    pub notice: String,
}

/// Starts or resumes the game `start` asks for.
pub fn start(lib: &Library, start: &GameStart) -> Result<Started, StartError> {
    let mut started = match &start.resume {
        Some(Resume::File(file)) => resume(lib, Some(file))?,
        Some(Resume::Latest) => resume(lib, None)?,
        None => new_game(lib, start)?,
    };
    if let Some(answer_time) = start.drill {
        let clock = Box::new(SystemClock::new());
        started.session.set_drill(answer_time, clock);
    }
    Ok(started)
}

/// The menu's "Load" and `--resume [FILE]`: the file given, or the newest save that loads.
pub fn resume(lib: &Library, file: Option<&Path>) -> Result<Started, StartError> {
    let path = match file {
        Some(f) => f.to_path_buf(),
        None => {
            let dir = store::save_dir().ok_or(StartError::NoSaveFolder)?;
            store::latest_save(&dir).ok_or(StartError::NoSave(dir))?
        }
    };
    let (session, events) = Session::resume_with_log(lib, &path)?;
    let players = session
        .record()
        .players
        .clone()
        .map(|p| Player::of_record(&p));
    let notice = format!("Resumed {}; saving after every action.", path.display());
    Ok(Started {
        session,
        players,
        events,
        notice,
    })
}

fn new_game(lib: &Library, start: &GameStart) -> Result<Started, StartError> {
    let content = lib.content(start.scenario.as_deref())?;
    let seed = start.seed.resolve(&content);
    let players = start.seats;
    let (session, events) = Session::new(content, seed, players.map(player_name));
    let (session, notice) = autosave(session, store::save_dir().as_deref());
    Ok(Started {
        session,
        players,
        events,
        notice,
    })
}

/// Starts a new game's autosave in `dir`, with the status line that says where it goes (or why
/// it cannot). The screen calls this for games started from its menu.
pub fn autosave(session: Session, dir: Option<&Path>) -> (Session, String) {
    let Some(dir) = dir else {
        let why = "This system has no data folder: the game is not saved.";
        return (session, why.into());
    };
    let s = session.autosave_in(dir);
    let notice = match (s.save_error(), s.save_path()) {
        (Some(e), _) => e.to_owned(),
        (None, Some(p)) => format!("Saving after every action to {}.", p.display()),
        (None, None) => String::new(),
    };
    (s, notice)
}

/// The name a record keeps for who played a side.
pub(crate) fn player_name(p: Player) -> String {
    p.record_name().to_owned()
}
