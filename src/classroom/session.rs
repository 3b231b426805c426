//! A game in progress as the screen and `alliance record` run it: the engine's game, its record,
//! the autosave after every action, and the negotiation drill.

use super::drill::{AnswerNote, Clock, DrillClock, SystemClock};
use super::library::Library;
use super::record::{GameRecord, RecordError, Step, apply_step};
use super::store;
use crate::engine::{Action, Content, Event, Game, RuleError, Side};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// A game with its record, autosave and drill.
pub struct Session {
    game: Game,
    record: GameRecord,
    save_path: Option<PathBuf>,
    save_error: Option<String>,
    /// Whether the caller writes the autosave itself ([`Session::defer_saves`]).
    deferred: bool,
    drill: Option<DrillClock>,
    clock: Box<dyn Clock>,
}

impl Session {
    /// A new game. `players` names who plays each side ("human" or a bot), for the report.
    pub fn new(content: Arc<Content>, seed: u64, players: [String; 2]) -> (Session, Vec<Event>) {
        let record = GameRecord::new(&content, seed, players);
        let (game, events) = Game::start(content, seed);
        let session = Session {
            game,
            record,
            save_path: None,
            save_error: None,
            deferred: false,
            drill: None,
            clock: Box::new(SystemClock::new()),
        };
        (session, events)
    }

    /// Autosaves to a new file in `dir` after every action (and once now, so even a game killed
    /// before its first action can be resumed).
    pub fn autosave_in(mut self, dir: &Path) -> Session {
        let scenario = self.record.scenario.clone();
        let path = store::new_save_path(dir, scenario.as_deref(), self.record.seed);
        self.save_path = Some(path);
        self.save();
        self
    }

    /// Autosaves to exactly this file (`alliance record --out FILE`). An existing file there is
    /// replaced only at the first save, which is the caller's explicit choice.
    pub fn autosave_to(mut self, path: PathBuf) -> Session {
        self.save_path = Some(path);
        self.save();
        self
    }

    /// Turns the negotiation drill on: `limit` to answer each offer, timed by `clock`.
    pub fn with_drill(mut self, limit: Duration, clock: Box<dyn Clock>) -> Session {
        self.set_drill(limit, clock);
        self
    }

    /// As [`Session::with_drill`], in place (for a resumed game the player asks to drill).
    pub fn set_drill(&mut self, limit: Duration, clock: Box<dyn Clock>) {
        self.record.drill_seconds = Some(limit.as_secs());
        let mut drill = DrillClock::new(limit);
        drill.observe(&self.game, clock.now());
        self.drill = Some(drill);
        self.clock = clock;
    }

    /// Continues a saved game: loads, checks and replays it, then autosaves to the same file.
    /// A file that does not load is never written to.
    pub fn resume(library: &Library, path: &Path) -> Result<Session, RecordError> {
        Self::resume_with_log(library, path).map(|(s, _)| s)
    }

    /// As [`Session::resume`], with every event of the game so far, for the screen's log.
    pub(crate) fn resume_with_log(
        library: &Library,
        path: &Path,
    ) -> Result<(Session, Vec<Event>), RecordError> {
        let (record, content) = library.open_record(path)?;
        let timeline = record.replay(path, content)?;
        let mut log = timeline.setup;
        log.extend(timeline.steps.into_iter().flatten());
        let mut session = Session {
            game: timeline.game,
            record,
            save_path: Some(path.to_path_buf()),
            save_error: None,
            deferred: false,
            drill: None,
            clock: Box::new(SystemClock::new()),
        };
        if let Some(secs) = session.record.drill_seconds {
            session = session.with_drill(Duration::from_secs(secs), Box::new(SystemClock::new()));
        }
        Ok((session, log))
    }

    pub fn game(&self) -> &Game {
        &self.game
    }

    pub fn record(&self) -> &GameRecord {
        &self.record
    }

    pub fn save_path(&self) -> Option<&Path> {
        self.save_path.as_deref()
    }

    /// Why the last autosave failed, if it did; the game goes on, and the screen shows this.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// Applies the side to move's action, notes the drill's answer time, and autosaves.
    pub fn apply(&mut self, action: Action) -> Result<Vec<Event>, RuleError> {
        let now = self.clock.now();
        let note = self
            .drill
            .as_ref()
            .and_then(|d| d.note_for(&self.game, now));
        self.apply_noted(action, note)
    }

    fn apply_noted(
        &mut self,
        action: Action,
        note: Option<AnswerNote>,
    ) -> Result<Vec<Event>, RuleError> {
        let side = self.game.to_move().ok_or(RuleError::GameOver)?;
        let step = Step {
            side,
            action,
            answer_ms: note.map(|n| n.answer_ms),
            timed_out: note.is_some_and(|n| n.timed_out),
        };
        let events = apply_step(&mut self.game, &step)?;
        self.record.steps.push(step);
        if let Some(d) = &mut self.drill {
            d.observe(&self.game, self.clock.now());
        }
        self.autosave();
        Ok(events)
    }

    /// Time left to answer the offer on the table, when the drill is on.
    pub fn drill_remaining(&self) -> Option<Duration> {
        self.drill.as_ref()?.remaining(self.clock.now())
    }

    /// The side that must answer the offer on the table under the drill's countdown.
    pub fn drill_waiting_for(&self) -> Option<Side> {
        self.drill.as_ref()?.waiting().map(|w| w.side)
    }

    /// Call on every tick of the screen: when an offer's time is up, rejects it for the side
    /// that did not answer, logs it in the record, and returns the events.
    pub fn tick(&mut self) -> Option<Vec<Event>> {
        let (_, note) = self.drill.as_ref()?.expired(self.clock.now())?;
        let action = DrillClock::timeout_action(&self.game);
        self.apply_noted(action, Some(note)).ok()
    }

    /// Makes the drill's countdown for each new offer wait for [`Session::drill_seen`] (hot
    /// seat: the receiver must take the keyboard first, and the time is the receiver's).
    pub fn drill_on_sight(&mut self, on: bool) {
        if let Some(d) = &mut self.drill {
            d.start_on_sight(on);
        }
    }

    /// No one has seen the offer waiting (a resumed hot-seat game opens on a hand-off): the
    /// drill's countdown waits for [`Session::drill_seen`].
    pub fn drill_unseen(&mut self) {
        if let Some(d) = &mut self.drill {
            d.unseen();
        }
    }

    /// The receiver sees the offer now: the drill's countdown starts, if it waited.
    pub fn drill_seen(&mut self) {
        if let Some(d) = &mut self.drill {
            d.seen(self.clock.now());
        }
    }

    /// Fires a facilitator's inject now and keeps it in the record (the class server's console).
    pub fn inject(&mut self, steered: super::record::steering::Steered) -> Vec<Event> {
        let at = self.record.steps.len();
        let steered = super::record::steering::Steered {
            after: at,
            ..steered
        };
        let events =
            super::record::steering::fire_at(&mut self.game, std::slice::from_ref(&steered), at);
        self.record.steering.push(steered);
        if let Some(d) = &mut self.drill {
            d.observe(&self.game, self.clock.now());
        }
        self.autosave();
        events
    }

    /// Takes back `side`'s last action if the rules allow it, and saves the shorter record.
    pub fn undo(&mut self, side: Side) -> bool {
        if !self.game.undo(side) {
            return false;
        }
        self.record.steps.pop();
        if let Some(d) = &mut self.drill {
            d.observe(&self.game, self.clock.now());
        }
        self.autosave();
        true
    }

    /// Leaves the save after each action, undo and timeout to the caller's [`Session::save`]:
    /// the screen's update decides that a save is due, and its loop writes the file.
    pub fn defer_saves(&mut self) {
        self.deferred = true;
    }

    fn autosave(&mut self) {
        if !self.deferred {
            self.save();
        }
    }

    /// Writes the record to the autosave file, if the game has one.
    pub fn save(&mut self) {
        let Some(path) = &self.save_path else { return };
        self.save_error = store::write_atomic(path, self.record.to_json().as_bytes())
            .err()
            .map(|e| format!("the game could not be saved to {}: {e}", path.display()));
    }
}
