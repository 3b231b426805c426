//! The moves a side can make. Small and `Copy`, so legal-action lists stay cheap.

use super::content::CardId;
use serde::{Deserialize, Serialize};

/// One term of a deal: a term from the rules' vocabulary (by index), or a card from hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// A term of the rules' deal vocabulary, by index in [`DealRules::terms`](crate::engine::DealRules).
    Vocab(u8),
    /// A card from the giver's hand, handed over if the deal is accepted.
    Card(CardId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
/// One decision of the side to move. [`Game::apply`](crate::engine::Game::apply) refuses any that is not in [`Game::legal_actions`](crate::engine::Game::legal_actions).
pub enum Action {
    /// Choose this round's headline card (in secret).
    Headline {
        /// The card, from the side's hand.
        card: CardId,
    },
    /// Play an own-side or either-side card for its event.
    Event {
        /// The card, from the side's hand.
        card: CardId,
    },
    /// Play a card for operations, spending every point on one of the rules' options. For the
    /// other side's card, `event_first` says whether its owner's event fires before the operations.
    Ops {
        /// The card, from the side's hand.
        card: CardId,
        /// Index into the rules' operations options for the card's side and kind.
        option: u8,
        /// Only for the other side's card: fire its event before the operations, not after.
        event_first: bool,
    },
    /// Start building a deal; this spends the action but no card.
    OpenDeal,
    /// Add a term the offering side gives.
    Give(Term),
    /// Add a term the offering side asks for.
    Ask(Term),
    /// Remove a term from the bundle being built.
    Drop {
        /// Whether the term is in the asks (true) or the gives.
        ask: bool,
        /// Position of the term in that list.
        index: u8,
    },
    /// Send the bundle being built.
    Send,
    /// Abandon the bundle being built.
    Withdraw,
    /// Take the offer on the table; its terms apply at once.
    Accept,
    /// Refuse the offer; the deal ends.
    Reject,
    /// Answer with a bundle of one's own instead of accepting or refusing.
    Counter,
    /// Only with an empty hand.
    Pass,
    /// Spend leverage to put the other side's card from hand on the discards without its event
    /// (rules v2, `[leverage] set_aside`): the price of keeping an event from firing.
    SetAside {
        /// The card, an other-side card from the side's hand.
        card: CardId,
    },
    /// Spend leverage for more operations points on an own-side or either-side card (rules v2,
    /// `[leverage] boost_cost` and `boost_ops`).
    Boost {
        /// The card, from the side's hand.
        card: CardId,
        /// Index into the rules' operations options for the card's side and kind.
        option: u8,
    },
}

impl Action {
    /// The card a card play (headline, event or operations) plays from hand.
    pub fn card(&self) -> Option<CardId> {
        match *self {
            Action::Headline { card }
            | Action::Event { card }
            | Action::Ops { card, .. }
            | Action::SetAside { card }
            | Action::Boost { card, .. } => Some(card),
            _ => None,
        }
    }
}
