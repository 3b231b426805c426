//! What happened, and why. `apply` returns these; the log, the screen and the after-action report
//! read them and never diff states.

use super::action::Term;
use super::content::{CardId, ShockId};
use super::ids::{Meter, Priority, Side};
use super::outcome::Outcome;
use serde::{Deserialize, Serialize};

/// Why a track or item moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// A card's event, fired for `side`.
    Card {
        card: CardId,
        side: Side,
    },
    /// A card played by `side` for operations.
    Ops {
        card: CardId,
        side: Side,
    },
    Shock {
        shock: ShockId,
    },
    /// An instructor's scripted event for a round.
    Inject {
        round: u8,
    },
    /// A deal opened by `opener`.
    Deal {
        opener: Side,
    },
    /// A strategy layer absorbing a shock.
    Layer {
        layer: Meter,
    },
    Summit,
    /// A summit pressure from the rules (by index).
    Pressure {
        index: u8,
    },
}

/// How a card was played.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlayMode {
    Headline,
    Event,
    Ops { option: u8, points: u8 },
}

/// Why an event did not fire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fizzle {
    Requirement,
    Prevented,
}

/// What a summit point was scored for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreReason {
    Aim { meter: Meter, doubled: bool },
    Symmetry,
    Effect,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "event")]
pub enum Event {
    RoundStarted {
        round: u8,
    },
    Drew {
        side: Side,
        count: u8,
    },
    Reshuffled {
        cards: u16,
    },
    ShockRevealed {
        shock: ShockId,
        size: u8,
        absorbed: u8,
        layer: Meter,
        injected: bool,
    },
    ShockEnded {
        shock: ShockId,
    },
    InjectFired {
        round: u8,
        title: String,
    },
    HeadlineChosen {
        side: Side,
    },
    HeadlinesRevealed {
        washington: Option<CardId>,
        seoul: Option<CardId>,
    },
    CardPlayed {
        side: Side,
        card: CardId,
        mode: PlayMode,
    },
    EventFired {
        card: CardId,
        side: Side,
    },
    EventFizzled {
        card: CardId,
        side: Side,
        why: Fizzle,
    },
    CardRemoved {
        card: CardId,
    },
    Moved {
        meter: Meter,
        from: i8,
        to: i8,
        cause: Cause,
    },
    PriorityChanged {
        to: Priority,
        cause: Cause,
    },
    Discarded {
        side: Side,
        card: CardId,
        cause: Cause,
    },
    Prevented {
        card: CardId,
        cause: Cause,
    },
    NextShockModified {
        by: i8,
        cause: Cause,
    },
    ActionsChanged {
        side: Side,
        by: i8,
        cause: Cause,
    },
    Scored {
        side: Side,
        points: i8,
        reason: ScoreReason,
        cause: Cause,
    },
    DealOpened {
        by: Side,
    },
    TermAdded {
        by: Side,
        ask: bool,
        term: Term,
    },
    TermDropped {
        by: Side,
        ask: bool,
        term: Term,
    },
    OfferSent {
        by: Side,
        gives: Vec<Term>,
        asks: Vec<Term>,
        counter: u8,
    },
    DealWithdrawn {
        by: Side,
    },
    DealAccepted {
        by: Side,
        bare: bool,
    },
    DealRejected {
        by: Side,
        bare: bool,
    },
    CardGiven {
        from: Side,
        to: Side,
        card: CardId,
    },
    Passed {
        side: Side,
    },
    Summit {
        round: u8,
        scores: [i16; 2],
        symmetric: bool,
        last: bool,
    },
    GameOver {
        outcome: Outcome,
    },
}

/// Who is looking at the game: one side's player, or anyone (a spectator, the shared hot-seat
/// log, a report), who may see only what is public.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Viewer {
    Side(Side),
    Public,
}

impl Event {
    /// Whether `viewer` may see this event. The engine alone decides what is secret: screens,
    /// logs and reports show an event only when this says so.
    pub(crate) fn visible_to(&self, viewer: Viewer) -> bool {
        match self {
            // A deal being drafted is private to its drafter until it is sent.
            Event::TermAdded { by, .. } | Event::TermDropped { by, .. } => {
                viewer == Viewer::Side(*by)
            }
            _ => true,
        }
    }

    /// Whether this event shows a player something they could not know before (a draw, a shock,
    /// the other side's reply). An action that caused one cannot be taken back.
    pub(crate) fn reveals(&self) -> bool {
        matches!(
            self,
            Event::Drew { .. }
                | Event::Reshuffled { .. }
                | Event::ShockRevealed { .. }
                | Event::InjectFired { .. }
                | Event::HeadlinesRevealed { .. }
                | Event::Discarded { .. }
                | Event::OfferSent { .. }
                | Event::DealAccepted { .. }
                | Event::DealRejected { .. }
                | Event::CardGiven { .. }
                | Event::GameOver { .. }
        )
    }
}
