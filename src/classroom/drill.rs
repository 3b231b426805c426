//! The negotiation drill: a countdown on each deal offer. An offer not answered in time counts as
//! rejected. The countdown is fair: in a hot-seat game it starts only when the receiver has the
//! keyboard and sees the offer, and it runs on while the receiver drafts a counter, so a counter
//! cannot stop it. The clock is injected, so the logic is pure and tests never sleep.

use crate::engine::{Action, Game, Phase, Side};
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
    /// When the countdown started; `None` while the offer waits to be seen.
    pub(crate) since: Option<Duration>,
}

/// How an answer to an offer is noted in the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AnswerNote {
    pub answer_ms: u64,
    pub timed_out: bool,
}

/// The drill's countdown. Call [`DrillClock::observe`] after every applied action; it starts the
/// countdown when an offer has been sent (or, with `on_sight`, when [`DrillClock::seen`] says
/// the receiver sees it) and stops it when the offer is answered and no counter is being drafted.
#[derive(Clone, Debug)]
pub(crate) struct DrillClock {
    limit: Duration,
    waiting: Option<Waiting>,
    /// Whether a new offer waits for [`DrillClock::seen`] before its countdown starts (hot
    /// seat, where the receiver first has to take the keyboard).
    on_sight: bool,
}

impl DrillClock {
    pub(crate) fn new(limit: Duration) -> Self {
        DrillClock {
            limit,
            waiting: None,
            on_sight: false,
        }
    }

    /// Makes new offers wait for [`DrillClock::seen`] before their countdown starts.
    pub(crate) fn start_on_sight(&mut self, on: bool) {
        self.on_sight = on;
    }

    pub(crate) fn waiting(&self) -> Option<Waiting> {
        self.waiting
    }

    /// The side that must answer a sent offer now, if any.
    fn sent_to(game: &Game) -> Option<Side> {
        match game.phase() {
            Phase::Deal(deal) if deal.sent => Some(deal.to_move()),
            _ => None,
        }
    }

    /// The side on the clock: the receiver of a sent offer, and still the receiver while it
    /// drafts a counter to that offer (a deal with counters that is not sent is a counter being
    /// drafted by the side that received the last offer).
    fn on_the_clock(game: &Game) -> Option<Side> {
        match game.phase() {
            Phase::Deal(deal) if deal.sent || deal.counters > 0 => Some(deal.to_move()),
            _ => None,
        }
    }

    /// Follows the game after each action: a newly sent offer starts the countdown (or waits to
    /// be seen); the same side still on the clock keeps its countdown, however it got there.
    pub(crate) fn observe(&mut self, game: &Game, now: Duration) {
        self.waiting = match (Self::on_the_clock(game), self.waiting) {
            (Some(side), Some(w)) if w.side == side => Some(w),
            (Some(side), _) => Some(Waiting {
                side,
                since: (!self.on_sight).then_some(now),
            }),
            (None, _) => None,
        };
    }

    /// The receiver sees the offer now: its countdown starts, if it had not.
    pub(crate) fn seen(&mut self, now: Duration) {
        if let Some(w) = &mut self.waiting
            && w.since.is_none()
        {
            w.since = Some(now);
        }
    }

    /// The offer waiting has not been seen yet (a resumed hot-seat game opens on a hand-off):
    /// its countdown starts again, whole, at [`DrillClock::seen`].
    pub(crate) fn unseen(&mut self) {
        if let Some(w) = &mut self.waiting {
            w.since = None;
        }
    }

    /// What to note on the action about to be applied: the answer time, if it answers an offer.
    pub(crate) fn note_for(&self, game: &Game, now: Duration) -> Option<AnswerNote> {
        let w = self.waiting?;
        (Self::sent_to(game) == Some(w.side)).then(|| AnswerNote {
            answer_ms: millis(now.saturating_sub(w.since.unwrap_or(now))),
            timed_out: false,
        })
    }

    /// Time left to answer the offer on the table, for the visible countdown (all of it while
    /// the offer waits to be seen).
    pub(crate) fn remaining(&self, now: Duration) -> Option<Duration> {
        let w = self.waiting?;
        let used = w.since.map_or(Duration::ZERO, |s| now.saturating_sub(s));
        Some(self.limit.saturating_sub(used))
    }

    /// When the time is up: the note for the rejection the drill makes on the side's behalf.
    pub(crate) fn expired(&self, now: Duration) -> Option<(Side, AnswerNote)> {
        let w = self.waiting?;
        let waited = now.saturating_sub(w.since?);
        (waited >= self.limit).then(|| {
            let note = AnswerNote {
                answer_ms: millis(self.limit),
                timed_out: true,
            };
            (w.side, note)
        })
    }

    /// The action a timeout takes for the side on the clock: rejecting the offer, or, while a
    /// counter is being drafted, withdrawing the counter (which rejects the offer it answers).
    pub(crate) fn timeout_action(game: &Game) -> Action {
        if Self::sent_to(game).is_some() {
            Action::Reject
        } else {
            Action::Withdraw
        }
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
