//! The guided first game: a real game of the tutorial scenario (`rules/scenarios/tutorial.toml`)
//! on the normal screen, with a prompt band that explains each step when the game reaches it
//! and moves on when the player takes it ([`prompts::PROMPTS`]).
//!
//! The tutorial only watches: after every message it reads the model ([`observe`]) and notes
//! which prompts were seen and done; it never changes the game or the keys. Its progress is kept
//! beside the game's save (`SAVE.json.tutorial`), written when the save is, so a tutorial left
//! and resumed from Load continues at the step it had reached.

pub(crate) mod band;
pub(crate) mod prompts;

use super::app::App;
use super::command::Command;
use super::mode::Mode;
use super::session::Session;
use crate::ai::BotKind;
use crate::classroom::Player;
use crate::engine::Side;
use prompts::{Cx, PROMPTS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The tutorial scenario's id.
pub const SCENARIO: &str = "tutorial";
/// The menu's entry.
pub(crate) const MENU_LABEL: &str = "Tutorial: a guided first game, as Washington";

/// How far one prompt has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Unseen,
    /// Shown first when the game's record was this long: steps since then count as taken.
    Seen {
        at: usize,
    },
    Done,
}

/// The tutorial of the game on screen: the player's side and each prompt's progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tutorial {
    me: Side,
    /// Indexed like [`PROMPTS`].
    progress: Vec<Progress>,
    /// Progress changed since it was last written.
    dirty: bool,
}

/// The progress file's contents: prompt ids to their progress, so prompts can be added to the
/// table without breaking old files (a prompt the file does not name starts unseen).
#[derive(Serialize, Deserialize)]
struct Saved {
    prompts: BTreeMap<String, Progress>,
}

impl Tutorial {
    pub fn new(me: Side) -> Tutorial {
        Tutorial {
            me,
            progress: vec![Progress::Unseen; PROMPTS.len()],
            dirty: true,
        }
    }

    /// Each prompt's id and progress, in table order (for tests and the progress file).
    pub fn progress(&self) -> impl Iterator<Item = (&'static str, Progress)> + '_ {
        PROMPTS
            .iter()
            .map(|p| p.id)
            .zip(self.progress.iter().copied())
    }

    fn is_done(&self, id: &str) -> bool {
        PROMPTS
            .iter()
            .position(|p| p.id == id)
            .is_some_and(|i| self.progress[i] == Progress::Done)
    }

    /// The first prompt, in table order, that is not done, may come now, and whose situation
    /// holds: the one on screen.
    fn current_index(&self, s: &Session, mode: Mode) -> Option<usize> {
        let len = s.game().record().len();
        PROMPTS.iter().enumerate().position(|(i, p)| {
            let at = match self.progress[i] {
                Progress::Done => return false,
                Progress::Seen { at } => at.min(len),
                Progress::Unseen => len,
            };
            let ready = p.after.iter().all(|id| self.is_done(id))
                && !p.unless.iter().any(|id| self.is_done(id));
            ready && p.show.holds(&self.cx(s, mode, at))
        })
    }

    fn cx<'a>(&self, s: &'a Session, mode: Mode, at: usize) -> Cx<'a> {
        let record = s.game().record();
        Cx {
            s,
            mode,
            me: self.me,
            since: &record[at.min(record.len())..],
        }
    }

    /// Whether the last prompt is done: the tutorial has been played through, though a prompt
    /// for a situation it never met may still show when the game meets it.
    pub fn finished(&self) -> bool {
        self.progress.last() == Some(&Progress::Done)
    }

    /// The prompt to show now, worded for the player's side.
    pub fn current(&self, s: &Session, mode: Mode) -> Option<String> {
        let i = self.current_index(s, mode)?;
        Some(prompts::text(&PROMPTS[i], self.me))
    }

    /// The id of the prompt to show now.
    pub fn current_id(&self, s: &Session, mode: Mode) -> Option<&'static str> {
        self.current_index(s, mode).map(|i| PROMPTS[i].id)
    }

    /// Notes the steps taken and the prompt shown now; returns whether progress changed.
    fn observe(&mut self, s: &Session, mode: Mode) -> bool {
        let mut changed = false;
        let len = s.game().record().len();
        for (i, p) in PROMPTS.iter().enumerate() {
            let skipped = p.unless.iter().any(|id| self.is_done(id));
            let done = match self.progress[i] {
                Progress::Seen { at } => skipped || p.done.met(&self.cx(s, mode, at)),
                Progress::Unseen => skipped,
                Progress::Done => false,
            };
            if done {
                self.progress[i] = Progress::Done;
                changed = true;
            }
        }
        if let Some(i) = self.current_index(s, mode)
            && self.progress[i] == Progress::Unseen
        {
            self.progress[i] = Progress::Seen { at: len };
            changed = true;
        }
        // An undone action takes back the steps it took: a prompt first seen after the
        // record's end is seen again from there.
        for p in &mut self.progress {
            if let Progress::Seen { at } = p
                && *at > len
            {
                *at = len;
                changed = true;
            }
        }
        self.dirty |= changed;
        changed
    }

    fn to_saved(&self) -> Saved {
        let prompts = self.progress().map(|(id, p)| (id.to_owned(), p)).collect();
        Saved { prompts }
    }

    fn from_saved(me: Side, saved: &Saved) -> Tutorial {
        let progress = PROMPTS
            .iter()
            .map(|p| saved.prompts.get(p.id).copied().unwrap_or(Progress::Unseen))
            .collect();
        Tutorial {
            me,
            progress,
            dirty: false,
        }
    }
}

/// The file beside a save that keeps its tutorial's progress (not `.json`, so the Load list
/// does not take it for a save).
pub fn progress_path(save: &Path) -> PathBuf {
    let mut name = save.as_os_str().to_owned();
    name.push(".tutorial");
    PathBuf::from(name)
}

/// Whether a game of this content is the tutorial, and for which side: the one human's.
fn tutorial_side(s: &Session) -> Option<Side> {
    let content = s.game().content();
    let is_tutorial = content.scenario.as_ref().is_some_and(|i| i.id == SCENARIO);
    let humans: Vec<Side> = Side::BOTH.into_iter().filter(|x| s.is_human(*x)).collect();
    match humans[..] {
        [me] if is_tutorial => Some(me),
        _ => None,
    }
}

/// Gives a game just put on screen its tutorial, if it is one: the progress saved beside its
/// save, or a fresh start. A progress file that cannot be read starts the prompts again rather
/// than stopping the game. (File work: the loop calls this, through `App::start_session`.)
pub(crate) fn attach(s: &mut Session) {
    let Some(me) = tutorial_side(s) else { return };
    let saved = s
        .play
        .save_path()
        .and_then(|p| std::fs::read_to_string(progress_path(p)).ok())
        .and_then(|text| serde_json::from_str::<Saved>(&text).ok());
    s.tutorial = Some(match saved {
        Some(saved) => Tutorial::from_saved(me, &saved),
        None => Tutorial::new(me),
    });
}

/// Writes the tutorial's progress beside the game's save, if it changed (the loop's
/// [`Command::Save`]). A failed write is not fatal: the game's own save says where it failed.
pub(crate) fn save(s: &mut Session) {
    let Some(path) = s.play.save_path().map(progress_path) else {
        return;
    };
    let Some(t) = s.tutorial.as_mut().filter(|t| t.dirty) else {
        return;
    };
    if let Ok(text) = serde_json::to_string_pretty(&t.to_saved())
        && crate::classroom::store::write_atomic(&path, text.as_bytes()).is_ok()
    {
        t.dirty = false;
    }
}

/// After each message: notes the tutorial's progress, and asks for a save when it changed.
/// Returns whether the screen changed.
pub(crate) fn observe(app: &mut App) -> bool {
    let mode = app.mode();
    let Some(s) = app.session_mut() else {
        return false;
    };
    let Some(mut t) = s.tutorial.take() else {
        return false;
    };
    let changed = t.observe(s, mode);
    s.tutorial = Some(t);
    if changed {
        s.out.push(Command::Save);
    }
    changed
}

/// The menu's Tutorial: a new game of the tutorial scenario, the player as Washington against
/// the greedy bot, from the scenario's fixed seed.
pub(crate) fn start(app: &mut App) {
    let Some(Ok(content)) = app.library.as_ref().map(|l| l.content(Some(SCENARIO))) else {
        return;
    };
    let seed = content.scenario.as_ref().and_then(|s| s.seed).unwrap_or(1);
    app.new_game(content, seed, [Player::Human, Player::Bot(BotKind::Greedy)]);
}
