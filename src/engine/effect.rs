//! The closed set of things a card, shock, deal term or summit pressure can do, and the tests a
//! requirement can make. Data files name these; the engine knows how to carry each one out.

use super::ids::{Domain, Meter, Priority, Side};
use serde::{Deserialize, Serialize};

/// Whom an effect concerns, relative to the side it fires for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    /// The side the effect fires for (a card's owner, or whoever played an either-side card).
    #[serde(rename = "self")]
    Me,
    /// The other side.
    Other,
    /// Washington, whoever the effect fires for.
    Washington,
    /// Seoul, whoever the effect fires for.
    Seoul,
}

impl Who {
    pub(crate) fn resolve(self, beneficiary: Side) -> Side {
        match self {
            Who::Me => beneficiary,
            Who::Other => beneficiary.other(),
            Who::Washington => Side::Washington,
            Who::Seoul => Side::Seoul,
        }
    }
}

/// One step rule: `by` steps on `meter`, once for every `every` points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The meter moved.
    pub meter: Meter,
    /// Steps per `every` points (negative moves down).
    pub by: i8,
    #[serde(default = "one")]
    /// Points needed for each step; 1 unless the data says otherwise.
    pub every: u8,
}

fn one() -> u8 {
    1
}

impl Step {
    /// How far this step moves its meter for `points` points.
    pub(crate) fn scaled(&self, points: i32) -> i32 {
        // Most steps count every point; skipping the division for them is felt in the playouts.
        if self.every <= 1 {
            i32::from(self.by) * points
        } else {
            i32::from(self.by) * (points / i32::from(self.every))
        }
    }
}

/// Everything a card event, shock, deal term or summit pressure may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Effect<C = CardRef> {
    /// Move a track or item by `by` steps (clamped to its range).
    Move {
        /// The meter moved.
        meter: Meter,
        /// Steps (negative moves down).
        by: i8,
    },
    /// A side draws cards from the draw deck.
    Draw {
        /// The side that draws.
        who: Who,
        /// How many cards.
        count: u8,
    },
    /// A side discards cards at random from its hand.
    Discard {
        /// The side that discards.
        who: Who,
        /// How many cards (fewer if the hand runs out).
        count: u8,
    },
    /// The next order shock is larger (or, if negative, smaller).
    ShockSize {
        /// The change in size.
        by: i8,
    },
    /// Washington's priority marker turns over.
    FlipPriority,
    /// Washington's priority marker is set.
    SetPriority {
        /// The side of the marker now up.
        to: Priority,
    },
    /// Structural shocks in play end (all of them, or only one domain's).
    EndStructural {
        /// Only this domain's shocks end, if given.
        #[serde(default)]
        domain: Option<Domain>,
    },
    /// The named card's event can no longer be played for the rest of the game.
    Prevent {
        /// The card blocked.
        card: C,
    },
    /// A side scores points at once.
    Score {
        /// The side that scores.
        who: Who,
        /// Points (negative for a loss).
        points: i8,
    },
    /// A side gains actions this round (or loses them, if negative).
    Actions {
        /// The side whose actions change.
        who: Who,
        /// The change this round.
        by: i8,
    },
}

/// A card named in data, by its index in the content's card list. Data files write the id string;
/// the loader resolves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardRef(pub u16);

/// A test that must hold for a card's event to fire or a deal term to be offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "test", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition<C = CardRef> {
    /// The meter is at `value` or higher.
    AtLeast {
        /// The meter read.
        meter: Meter,
        /// The lowest value that passes.
        value: i8,
    },
    /// The meter is at `value` or lower.
    AtMost {
        /// The meter read.
        meter: Meter,
        /// The highest value that passes.
        value: i8,
    },
    /// Washington's priority marker shows this side.
    Priority {
        /// The side of the marker that must be up.
        is: Priority,
    },
    /// A structural shock is in play (of this domain, if one is given).
    Structural {
        #[serde(default)]
        /// Only a shock of this domain counts, if given.
        domain: Option<Domain>,
    },
    /// The named card's event has been played earlier in the game.
    Played {
        /// The card that must have been played.
        card: C,
    },
}

impl<C> Effect<C> {
    /// The same effect with its card reference resolved by `f`.
    pub fn try_map_card<D, E>(self, f: impl FnOnce(C) -> Result<D, E>) -> Result<Effect<D>, E> {
        use Effect::*;
        Ok(match self {
            Move { meter, by } => Move { meter, by },
            Draw { who, count } => Draw { who, count },
            Discard { who, count } => Discard { who, count },
            ShockSize { by } => ShockSize { by },
            FlipPriority => FlipPriority,
            SetPriority { to } => SetPriority { to },
            EndStructural { domain } => EndStructural { domain },
            Prevent { card } => Prevent { card: f(card)? },
            Score { who, points } => Score { who, points },
            Actions { who, by } => Actions { who, by },
        })
    }
}

impl<C> Condition<C> {
    /// The same condition with its card reference resolved by `f`.
    pub fn try_map_card<D, E>(self, f: impl FnOnce(C) -> Result<D, E>) -> Result<Condition<D>, E> {
        use Condition::*;
        Ok(match self {
            AtLeast { meter, value } => AtLeast { meter, value },
            AtMost { meter, value } => AtMost { meter, value },
            Priority { is } => Priority { is },
            Structural { domain } => Structural { domain },
            Played { card } => Played { card: f(card)? },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_moves_once_per_every_points() {
        let s = Step {
            meter: Meter::Responsibility,
            by: 1,
            every: 3,
        };
        assert_eq!([1, 2, 3, 4, 6].map(|p| s.scaled(p)), [0, 0, 1, 1, 2]);
        let back = Step {
            meter: Meter::RoleBalance,
            by: -2,
            every: 1,
        };
        assert_eq!(back.scaled(3), -6);
    }

    #[test]
    fn who_resolves_relative_to_the_beneficiary() {
        assert_eq!(Who::Me.resolve(Side::Seoul), Side::Seoul);
        assert_eq!(Who::Other.resolve(Side::Seoul), Side::Washington);
        assert_eq!(Who::Washington.resolve(Side::Seoul), Side::Washington);
    }

    #[test]
    fn effects_read_from_data() {
        let e: Effect<String> =
            toml::from_str::<std::collections::BTreeMap<String, Effect<String>>>(
                "x = { op = \"prevent\", card = \"us-alpha\" }",
            )
            .expect("parses")
            .remove("x")
            .expect("present");
        assert_eq!(
            e,
            Effect::Prevent {
                card: "us-alpha".to_string()
            }
        );
    }
}
