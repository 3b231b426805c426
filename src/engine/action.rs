//! The moves a side can make. Small and `Copy`, so legal-action lists stay cheap.

use super::content::CardId;
use serde::{Deserialize, Serialize};

/// One term of a deal: a term from the rules' vocabulary (by index), or a card from hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    Vocab(u8),
    Card(CardId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Choose this round's headline card (in secret).
    Headline {
        card: CardId,
    },
    /// Play an own-side or either-side card for its event.
    Event {
        card: CardId,
    },
    /// Play a card for operations, spending every point on one of the rules' options. For the
    /// other side's card, `event_first` says whether its owner's event fires before the operations.
    Ops {
        card: CardId,
        option: u8,
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
        ask: bool,
        index: u8,
    },
    /// Send the bundle being built.
    Send,
    /// Abandon the bundle being built.
    Withdraw,
    Accept,
    Reject,
    Counter,
    /// Only with an empty hand.
    Pass,
}
