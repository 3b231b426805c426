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
        /// The card.
        card: CardId,
        /// The side it fired for.
        side: Side,
    },
    /// A card played by `side` for operations.
    Ops {
        /// The card.
        card: CardId,
        /// The side that played it.
        side: Side,
    },
    /// An order shock's hits or effects.
    Shock {
        /// The shock.
        shock: ShockId,
    },
    /// An instructor's scripted event for a round.
    Inject {
        /// The round it was scripted for.
        round: u8,
    },
    /// A deal opened by `opener`.
    Deal {
        /// The side that opened the deal.
        opener: Side,
    },
    /// A strategy layer absorbing a shock.
    Layer {
        /// The layer that absorbed.
        layer: Meter,
    },
    /// The summit's own scoring (aims and symmetry).
    Summit,
    /// A summit pressure from the rules (by index).
    Pressure {
        /// Index into the rules' pressures.
        index: u8,
    },
}

/// How a card was played.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlayMode {
    /// Chosen in secret as the round's headline.
    Headline,
    /// For its event.
    Event,
    /// Held by the other side when the round's actions ended (rules `held_cards_fire`).
    Held,
    /// Set aside with leverage: discarded, its event not fired (rules v2).
    SetAside,
    /// For operations.
    Ops {
        /// Index into the rules' operations options for the card's side and kind.
        option: u8,
        /// The points spent, after shocks changed the card's value.
        points: u8,
    },
}

/// Why an event did not fire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fizzle {
    /// A requirement did not hold.
    Requirement,
    /// An effect had prevented the card's event.
    Prevented,
}

/// What a summit point was scored for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreReason {
    /// An aim reached at the summit.
    Aim {
        /// The meter the aim reads.
        meter: Meter,
        /// Whether the priority marker doubled it.
        doubled: bool,
        /// Whether the summit's agenda had it on the table (it paid once more).
        #[serde(default)]
        on_table: bool,
    },
    /// The symmetry bonus.
    Symmetry,
    /// A balance in its band paying its side (`band_pays`, `band_bonus`).
    Band {
        /// The balance whose band held.
        meter: Meter,
    },
    /// A card's, shock's or summit pressure's score effect.
    Effect,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "event")]
// A plain tag byte rather than one folded into a list's capacity: every reader of the event
// stream (clearing it, counting deals, looking for a reveal) tests the kind of each event, and a
// byte is the cheapest kind to test.
#[repr(u8)]
/// One thing that happened. [`Game::apply`](crate::engine::Game::apply) returns these in order; whoever shows them to a player filters them with `Event::visible_to`.
pub enum Event {
    /// A round began; cards are dealt next.
    RoundStarted {
        /// The round begun.
        round: u8,
    },
    /// A side drew cards (which cards is secret).
    Drew {
        /// The side that drew.
        side: Side,
        /// How many cards.
        count: u8,
    },
    /// A new era began: its cards were shuffled into the draw deck.
    CardsEntered {
        /// The round it began.
        round: u8,
        /// How many cards entered.
        cards: u16,
    },
    /// The discards became the draw deck again.
    Reshuffled {
        /// How many cards were shuffled in.
        cards: u16,
    },
    /// The round's order shock was revealed and partly absorbed.
    ShockRevealed {
        /// The shock.
        shock: ShockId,
        /// Its size after modifiers.
        size: u8,
        /// How much the layer absorbed.
        absorbed: u8,
        /// The strategy layer that absorbed.
        layer: Meter,
        /// Whether a scenario inject replaced the deck's shock.
        injected: bool,
    },
    /// A change could not move a meter: it stood at the end of its range the change pushed
    /// toward.
    Unmoved {
        /// The meter.
        meter: Meter,
        /// Where it stays.
        at: i8,
        /// What tried to move it.
        cause: Cause,
    },
    /// A round shock left play.
    ShockEnded {
        /// The shock.
        shock: ShockId,
    },
    /// The round's summit agenda card was revealed (rules v2).
    AgendaRevealed {
        /// The card, by index in the rules' agenda.
        agenda: u8,
        /// The aim of each side on the table at this round's summit, indexed by [`Side::index`].
        on_table: [Option<Meter>; 2],
    },
    /// A scenario's scripted event fired.
    InjectFired {
        /// The round it fired in.
        round: u8,
        /// Its title.
        title: String,
    },
    /// A side picked its headline.
    HeadlineChosen {
        /// The side that picked; the pick stays secret until both have.
        side: Side,
    },
    /// Both headlines turned over at once, so neither side picks after seeing the other's.
    HeadlinesRevealed {
        /// Washington's headline, or `None` if it had no card.
        washington: Option<CardId>,
        /// Seoul's headline, or `None` if it had no card.
        seoul: Option<CardId>,
    },
    /// A card left a hand for the table (its effects follow as separate events).
    CardPlayed {
        /// The side that played it.
        side: Side,
        /// The card played.
        card: CardId,
        /// How it was played.
        mode: PlayMode,
    },
    /// A card's event fired; its effects follow.
    EventFired {
        /// The card whose event fired.
        card: CardId,
        /// The side it fired for.
        side: Side,
    },
    /// A card's event did not fire, and why, so players learn the rule that stopped it.
    EventFizzled {
        /// The card whose event did not fire.
        card: CardId,
        /// The side it would have fired for.
        side: Side,
        /// What stopped it.
        why: Fizzle,
    },
    /// A once-only card left the game after its event.
    CardRemoved {
        /// The card removed.
        card: CardId,
    },
    /// A meter moved (after clamping; no event when it could not move).
    Moved {
        /// The meter moved.
        meter: Meter,
        /// Its value before.
        from: i8,
        /// Its value after.
        to: i8,
        /// What moved it.
        cause: Cause,
    },
    /// Washington's priority marker turned or was set.
    PriorityChanged {
        /// The side now up.
        to: Priority,
        /// What changed it.
        cause: Cause,
    },
    /// A card was discarded from a hand by an effect.
    Discarded {
        /// The side that lost the card.
        side: Side,
        /// The card discarded; public, as discards are face up.
        card: CardId,
        /// What made the side discard.
        cause: Cause,
    },
    /// A card's event can no longer be played this game.
    Prevented {
        /// The card blocked.
        card: CardId,
        /// What blocked it.
        cause: Cause,
    },
    /// The next order shock will be larger or smaller.
    NextShockModified {
        /// The change in size.
        by: i8,
        /// What changed it.
        cause: Cause,
    },
    /// A side gained or lost actions this round.
    ActionsChanged {
        /// The side whose actions changed.
        side: Side,
        /// The change (negative for fewer).
        by: i8,
        /// What changed them.
        cause: Cause,
    },
    /// A side scored summit points.
    Scored {
        /// The side that scored.
        side: Side,
        /// Points scored (negative for a loss).
        points: i8,
        /// What the points were for.
        reason: ScoreReason,
        /// What scored them.
        cause: Cause,
    },
    /// A side spent an action to open a deal.
    DealOpened {
        /// The side that opened it.
        by: Side,
    },
    /// A term joined the bundle being built.
    TermAdded {
        /// The side building the bundle.
        by: Side,
        /// Whether it was asked for (true) or given.
        ask: bool,
        /// The term; a card term is secret until the offer is sent (see `Event::visible_to`).
        term: Term,
    },
    /// A term left the bundle being built.
    TermDropped {
        /// The side building the bundle.
        by: Side,
        /// Whether it was an ask (true) or a give.
        ask: bool,
        /// The term; secret like [`Event::TermAdded`]'s.
        term: Term,
    },
    /// A bundle was put on the table for the other side to answer.
    OfferSent {
        /// The side offering.
        by: Side,
        /// What the offerer gives.
        gives: Vec<Term>,
        /// What the offerer asks for.
        asks: Vec<Term>,
        /// How many counters came before this offer (0 for the first).
        counter: u8,
    },
    /// The side building a bundle abandoned it.
    DealWithdrawn {
        /// The side that withdrew.
        by: Side,
    },
    /// The offer was accepted; its terms follow as events.
    DealAccepted {
        /// The side that accepted.
        by: Side,
        /// Whether it was a bare demand, which costs cohesion.
        bare: bool,
    },
    /// The offer was refused; the deal ends.
    DealRejected {
        /// The side that refused.
        by: Side,
        /// Whether it was a bare demand, which gives the demander leverage.
        bare: bool,
    },
    /// A card changed hands under an accepted deal.
    CardGiven {
        /// The side that gave it.
        from: Side,
        /// The side that received it.
        to: Side,
        /// The card; public, as the deal's terms were.
        card: CardId,
    },
    /// A side with no cards passed its action.
    Passed {
        /// The side that passed.
        side: Side,
    },
    /// A summit scored the round.
    Summit {
        /// The round the summit ended.
        round: u8,
        /// Both sides' scores after it, indexed by [`Side::index`].
        scores: [i16; 2],
        /// Whether the alliance was symmetric at this summit.
        symmetric: bool,
        /// Whether it was the last summit, which ends the game.
        last: bool,
    },
    /// The game ended; nothing follows.
    GameOver {
        /// How it ended.
        outcome: Outcome,
    },
}

/// Who is looking at the game: one side's player, or anyone (a spectator, the shared hot-seat
/// log, a report), who may see only what is public.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Viewer {
    /// A side's player, who may see that side's hand and picks.
    Side(Side),
    /// Anyone: only what both sides may see.
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
                | Event::CardsEntered { .. }
                | Event::ShockRevealed { .. }
                | Event::InjectFired { .. }
                | Event::AgendaRevealed { .. }
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
