//! Stepping through a recorded game, forward and back, by action and by round. Position 0 is the
//! game after setup; position `i` is the game after the record's first `i` decisions.

use super::record::steering::fire_at;
use super::record::{GameRecord, RecordError, Step, apply_step};
use crate::engine::{Content, Event, Game};
use std::path::Path;
use std::sync::Arc;

/// Every state of a recorded game, with the events that led to each.
#[derive(Clone, Debug)]
pub struct RecordCursor {
    states: Vec<Game>,
    /// `events[0]` is setup; `events[i]` came from decision `i`.
    events: Vec<Vec<Event>>,
    steps: Vec<Step>,
    pos: usize,
}

impl RecordCursor {
    /// Replays the whole record once, keeping each state (a game is a few kilobytes, and a record
    /// a few hundred decisions, so stepping back is instant).
    pub fn new(
        path: &Path,
        record: &GameRecord,
        content: Arc<Content>,
    ) -> Result<RecordCursor, RecordError> {
        record.check_data(path, &content)?;
        let (mut game, mut setup) = Game::start(content, record.seed);
        setup.extend(fire_at(&mut game, &record.steering, 0));
        let mut states = vec![game.clone()];
        let mut events = vec![setup];
        for (i, step) in record.steps.iter().enumerate() {
            let mut ev = apply_step(&mut game, step).map_err(|e| RecordError::Corrupt {
                path: path.into(),
                detail: format!("decision {} ({:?}) is not legal: {e}", i + 1, step.action),
            })?;
            ev.extend(fire_at(&mut game, &record.steering, i + 1));
            states.push(game.clone());
            events.push(ev);
        }
        Ok(RecordCursor {
            states,
            events,
            steps: record.steps.clone(),
            pos: 0,
        })
    }

    /// The number of positions: one more than the number of decisions.
    pub fn len(&self) -> usize {
        self.states.len()
    }

    /// Never true (setup is a position); public beside `len`, as every collection-like type is.
    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    /// The game at the current position.
    pub fn game(&self) -> &Game {
        &self.states[self.pos]
    }

    /// The game after the first `index` decisions (clamped to the end).
    pub fn game_at(&self, index: usize) -> &Game {
        &self.states[index.min(self.states.len() - 1)]
    }

    /// The events that led to `index` (setup's for 0).
    pub fn events_at(&self, index: usize) -> &[Event] {
        self.events.get(index).map_or(&[], Vec::as_slice)
    }

    /// The decision that led to `index` (none for 0).
    pub fn step_at(&self, index: usize) -> Option<&Step> {
        index.checked_sub(1).and_then(|i| self.steps.get(i))
    }

    pub fn seek(&mut self, index: usize) {
        self.pos = index.min(self.states.len() - 1);
    }

    /// One decision forward; `false` at the end.
    pub fn next_action(&mut self) -> bool {
        self.step_to(self.pos + 1)
    }

    /// One decision back; `false` at the start.
    pub fn prev_action(&mut self) -> bool {
        self.pos > 0 && self.step_to(self.pos - 1)
    }

    /// To the first position of the next round (or the end); `false` if already at the end.
    pub fn next_round(&mut self) -> bool {
        let round = self.round_at(self.pos);
        let target = (self.pos..self.len())
            .find(|&i| self.round_at(i) > round)
            .unwrap_or(self.len() - 1);
        self.step_to(target)
    }

    /// To the start of this round, or of the previous one if already at its start.
    pub fn prev_round(&mut self) -> bool {
        let start = self.round_start(self.round_at(self.pos));
        let target = if start < self.pos {
            start
        } else if self.pos == 0 {
            0
        } else {
            self.round_start(self.round_at(self.pos - 1))
        };
        self.step_to(target)
    }

    /// The first position in each round, in order (for a round list or a timeline).
    pub fn round_starts(&self) -> Vec<(u8, usize)> {
        let mut starts: Vec<(u8, usize)> = Vec::new();
        for i in 0..self.len() {
            let r = self.round_at(i);
            if starts.last().is_none_or(|(last, _)| *last != r) {
                starts.push((r, i));
            }
        }
        starts
    }

    fn round_at(&self, index: usize) -> u8 {
        self.states[index].board().round
    }

    fn round_start(&self, round: u8) -> usize {
        (0..self.len())
            .find(|&i| self.round_at(i) == round)
            .unwrap_or(0)
    }

    fn step_to(&mut self, target: usize) -> bool {
        if target >= self.len() || target == self.pos {
            return false;
        }
        self.pos = target;
        true
    }
}
