//! The negotiation drill: a countdown on each deal offer. An offer not answered in time counts as
//! rejected. The clock is injected, so the logic is pure and tests never sleep.

use crate::engine::{Game, Phase, Side};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Time since some fixed start. The screen uses `SystemClock`; tests use [`ManualClock`].
pub trait Clock: Send {
    fn now(&self) -> Duration;
}

/// The real monotonic clock.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SystemClock(Instant);

impl SystemClock {
    pub(crate) fn new() -> Self {
        SystemClock(Instant::now())
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.0.elapsed()
    }
}

/// A clock that moves only when told to. Clones share the same time, so a test keeps one handle
/// and gives the other to the session.
#[derive(Clone, Debug, Default)]
pub struct ManualClock(Arc<AtomicU64>);

impl ManualClock {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn advance(&self, by: Duration) {
        let ms = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        Duration::from_millis(self.0.load(Ordering::SeqCst))
    }
}

/// An offer waiting for its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Waiting {
    /// The side that must answer.
    pub side: Side,
    pub(crate) since: Duration,
}

/// How an answer to an offer is noted in the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AnswerNote {
    pub answer_ms: u64,
    pub timed_out: bool,
}

/// The drill's countdown. Call [`DrillClock::observe`] after every applied action; it starts the
/// countdown when an offer has been sent and stops it when the offer is answered.
#[derive(Clone, Debug)]
pub(crate) struct DrillClock {
    limit: Duration,
    waiting: Option<Waiting>,
}

impl DrillClock {
    pub(crate) fn new(limit: Duration) -> Self {
        DrillClock {
            limit,
            waiting: None,
        }
    }

    pub(crate) fn waiting(&self) -> Option<Waiting> {
        self.waiting
    }

    /// The side that must answer a sent offer now, if any.
    fn awaiting_answer(game: &Game) -> Option<Side> {
        match game.phase() {
            Phase::Deal(deal) if deal.sent => Some(deal.to_move()),
            _ => None,
        }
    }

    /// Follows the game after each action: a newly sent offer starts the countdown.
    pub(crate) fn observe(&mut self, game: &Game, now: Duration) {
        self.waiting = match (Self::awaiting_answer(game), self.waiting) {
            (Some(side), Some(w)) if w.side == side => Some(w),
            (Some(side), _) => Some(Waiting { side, since: now }),
            (None, _) => None,
        };
    }

    /// What to note on the action about to be applied: the answer time, if it answers an offer.
    pub(crate) fn note_for(&self, game: &Game, now: Duration) -> Option<AnswerNote> {
        let w = self.waiting?;
        (Self::awaiting_answer(game) == Some(w.side)).then(|| AnswerNote {
            answer_ms: millis(now.saturating_sub(w.since)),
            timed_out: false,
        })
    }

    /// Time left to answer the offer on the table, for the visible countdown.
    pub(crate) fn remaining(&self, now: Duration) -> Option<Duration> {
        self.waiting
            .map(|w| self.limit.saturating_sub(now.saturating_sub(w.since)))
    }

    /// When the time is up: the note for the rejection the drill makes on the side's behalf.
    pub(crate) fn expired(&self, now: Duration) -> Option<(Side, AnswerNote)> {
        let w = self.waiting?;
        let waited = now.saturating_sub(w.since);
        (waited >= self.limit).then(|| {
            let note = AnswerNote {
                answer_ms: millis(self.limit),
                timed_out: true,
            };
            (w.side, note)
        })
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
