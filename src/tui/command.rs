//! What `update` asks the loop to do outside the model, as the Elm architecture's commands:
//! the file and thread work of the screen. `update` only decides and returns these; [`run`]
//! does the work. The terminal's loop, the tests' harness and any other front end that drives an
//! [`App`] run them through [`dispatch`] (a message) and [`receive_bot`] (a bot's answer).

use super::app::{self, App, Screen};
use super::lists;
use super::msg::Msg;
use crate::classroom::Player;
use crate::classroom::play;
use crate::engine::Content;
use std::path::PathBuf;
use std::sync::Arc;

/// One piece of work for the loop.
#[derive(Clone, Debug)]
pub enum Command {
    /// Write the game on screen to its autosave file (after an action, an undo or a timeout).
    Save,
    /// Ask the bot worker for the move of the side to move, now that its pace allows.
    AskBot,
    /// Write the after-action report of the game on screen beside its save.
    WriteReport,
    /// Start a new game, claiming its autosave file, and put it on screen.
    NewGame {
        content: Arc<Content>,
        seed: u64,
        players: [Player; 2],
    },
    /// Resume the save at this path (the Load list's choice).
    Resume(PathBuf),
    /// Read the save folder and open the Load list.
    OpenSaves,
}

/// Does one command's work on the model.
pub fn run(app: &mut App, command: Command) {
    match command {
        Command::Save => {
            if let Some(s) = app.session_mut() {
                s.play.save();
                super::tutorial::save(s);
            }
        }
        Command::AskBot => {
            if let Some(s) = app.session_mut() {
                s.ask_bot();
            }
        }
        Command::WriteReport => {
            let dir = app.save_dir.clone();
            if let Some(s) = app.session_mut() {
                s.write_report(dir.as_deref());
            }
        }
        Command::NewGame {
            content,
            seed,
            players,
        } => app.start_with(content, seed, players),
        Command::Resume(path) => resume(app, path),
        Command::OpenSaves => app.screen = lists::open_saves(app),
    }
}

/// Runs every command, in order.
pub fn run_all(app: &mut App, commands: Vec<Command>) {
    for c in commands {
        run(app, c);
    }
}

/// One message as the loop handles it: `update`, then the commands it returned. Returns
/// whether the screen may have changed.
pub fn dispatch(app: &mut App, msg: Msg) -> bool {
    let done = app::update(app, msg);
    run_all(app, done.commands);
    done.redraw
}

/// Plays the bot's answer if it has come, and runs what that asks for. The worker's channel is
/// read here, by the loop, so `update` never touches the thread. Returns whether anything
/// changed on screen.
pub fn receive_bot(app: &mut App) -> bool {
    let Some(s) = app.session_mut() else {
        return false;
    };
    let changed = s.receive_bot();
    let commands = app.take_commands();
    run_all(app, commands);
    changed
}

/// Resumes a save from the Load list; a save that does not load keeps its message on the list.
fn resume(app: &mut App, path: PathBuf) {
    let Some(lib) = app.library.as_ref() else {
        return;
    };
    match play::resume(lib, Some(&path)) {
        Ok(started) => app.start_session(started),
        Err(e) => {
            if let Screen::Load(list) = &mut app.screen {
                list.error = Some(e.to_string());
            }
        }
    }
}
