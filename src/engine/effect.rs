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
    Washington,
    Seoul,
}

impl Who {
    pub fn resolve(self, beneficiary: Side) -> Side {
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
    pub meter: Meter,
    pub by: i8,
    #[serde(default = "one")]
    pub every: u8,
}

fn one() -> u8 {
    1
}

impl Step {
    /// How far this step moves its meter for `points` points.
    pub fn scaled(&self, points: i32) -> i32 {
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
    Move { meter: Meter, by: i8 },
    /// A side draws cards from the draw deck.
    Draw { who: Who, count: u8 },
    /// A side discards cards at random from its hand.
    Discard { who: Who, count: u8 },
    /// The next order shock is larger (or, if negative, smaller).
    ShockSize { by: i8 },
    /// Washington's priority marker turns over.
    FlipPriority,
    /// Washington's priority marker is set.
    SetPriority { to: Priority },
    /// Structural shocks in play end (all of them, or only one domain's).
    EndStructural {
        #[serde(default)]
        domain: Option<Domain>,
    },
    /// The named card's event can no longer be played for the rest of the game.
    Prevent { card: C },
    /// A side scores points at once.
    Score { who: Who, points: i8 },
    /// A side gains actions this round (or loses them, if negative).
    Actions { who: Who, by: i8 },
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
    AtLeast {
        meter: Meter,
        value: i8,
    },
    AtMost {
        meter: Meter,
        value: i8,
    },
    Priority {
        is: Priority,
    },
    /// A structural shock is in play (of this domain, if one is given).
    Structural {
        #[serde(default)]
        domain: Option<Domain>,
    },
    /// The named card's event has been played earlier in the game.
    Played {
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
