//! The menu's Load and Scenarios lists: their models, and what a message does to them. Starting
//! and resuming go through the classroom library, so a bad save or scenario is refused with its
//! own sentence and nothing is written to it.

use super::app::{App, MenuItem, Screen, step};
use super::command::Command;
use super::msg::Msg;
use crate::classroom::Player;
use crate::classroom::ScenarioSummary;
use crate::classroom::store::{self, SaveEntry};
use std::path::PathBuf;

/// The saves in the save folder, newest first, each with its record or its load error.
pub struct SaveList {
    pub dir: Option<PathBuf>,
    pub entries: Vec<SaveEntry>,
    pub cursor: usize,
    /// Why the chosen save could not be resumed.
    pub error: Option<String>,
}

/// The scenarios, each built or with the errors in its file, and who is to play.
pub struct ScenarioList {
    pub entries: Vec<Result<ScenarioSummary, String>>,
    pub cursor: usize,
    /// Index into [`MODES`].
    pub mode: usize,
    pub error: Option<String>,
}

/// Who plays a scenario started from the list (←/→ changes it).
pub(crate) const MODES: [MenuItem; 4] = [
    MenuItem::HotSeat,
    MenuItem::SoloWashington,
    MenuItem::SoloSeoul,
    MenuItem::Watch,
];

pub(crate) fn open_saves(app: &App) -> Screen {
    let dir = app.save_dir.clone();
    let entries = dir.as_deref().map(store::list_saves).unwrap_or_default();
    Screen::Load(Box::new(SaveList {
        dir,
        entries,
        cursor: 0,
        error: None,
    }))
}

pub(crate) fn open_scenarios(app: &App) -> Screen {
    let entries = app.library.as_ref().map_or_else(Vec::new, |lib| {
        let all = lib.summaries().into_iter();
        all.map(|s| s.map_err(|e| e.to_string())).collect()
    });
    Screen::Scenarios(Box::new(ScenarioList {
        entries,
        cursor: 0,
        mode: 0,
        error: None,
    }))
}

pub(crate) fn update_saves(app: &mut App, msg: Msg) {
    let Screen::Load(list) = &mut app.screen else {
        return;
    };
    let n = list.entries.len();
    match msg {
        Msg::Up => list.cursor = step(list.cursor, -1, n),
        Msg::Down => list.cursor = step(list.cursor, 1, n),
        Msg::Click(i) => list.cursor = step(i, 0, n),
        Msg::Back => app.leave(),
        Msg::Confirm => resume_chosen(app),
        _ => {}
    }
}

fn resume_chosen(app: &mut App) {
    let Screen::Load(list) = &mut app.screen else {
        return;
    };
    let Some(entry) = list.entries.get(list.cursor) else {
        return;
    };
    // A save that does not load keeps its message on screen and is never opened for writing.
    if let Err(e) = &entry.record {
        list.error = Some(e.clone());
        return;
    }
    let path = entry.path.clone();
    if app.library.is_none() {
        list.error = Some(super::strings::NO_LIBRARY.into());
        return;
    }
    // Reading the save is the loop's work; a save that fails shows its error on this list.
    app.command(Command::Resume(path));
}

pub(crate) fn update_scenarios(app: &mut App, msg: Msg) {
    let Screen::Scenarios(list) = &mut app.screen else {
        return;
    };
    let (n, modes) = (list.entries.len(), MODES.len());
    match msg {
        Msg::Up => list.cursor = step(list.cursor, -1, n),
        Msg::Down => list.cursor = step(list.cursor, 1, n),
        Msg::Click(i) => list.cursor = step(i, 0, n),
        Msg::Left => list.mode = (list.mode + modes - 1) % modes,
        Msg::Right => list.mode = (list.mode + 1) % modes,
        Msg::Back => app.leave(),
        Msg::Confirm => start_chosen(app),
        _ => {}
    }
}

fn start_chosen(app: &mut App) {
    let bot = app.menu_bot_kind();
    let next_seed = app.next_seed;
    let Screen::Scenarios(list) = &mut app.screen else {
        return;
    };
    let mode = MODES.get(list.mode).copied().unwrap_or(MenuItem::HotSeat);
    let chosen = match list.entries.get(list.cursor) {
        Some(Ok(summary)) => summary.info.id.clone(),
        Some(Err(e)) => {
            list.error = Some(e.clone());
            return;
        }
        None => return,
    };
    let built = app.library.as_ref().map(|lib| lib.content(Some(&chosen)));
    match built {
        Some(Ok(content)) => {
            // A scenario's fixed seed makes every table meet the same shocks.
            let fixed = content.scenario.as_ref().and_then(|s| s.seed);
            if fixed.is_none() {
                app.next_seed = next_seed.wrapping_add(1);
            }
            app.new_game(
                content,
                fixed.unwrap_or(next_seed),
                mode.seats(bot).unwrap_or([Player::Human; 2]),
            );
        }
        Some(Err(e)) => list.error = Some(e.to_string()),
        None => list.error = Some(super::strings::NO_LIBRARY.into()),
    }
}
