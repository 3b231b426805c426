//! The validated rules, cards and shocks a game is played with. The `content` module builds these
//! from data files; the engine only reads them.

use super::effect::{Condition, Effect, Step};
use super::ids::{CardSide, Concept, Domain, Duration, Kind, METERS, Meter, Priority, Side};
use serde::Serialize;

/// Index of a card in [`Content::cards`].
pub type CardId = u16;
/// Index of a shock in [`Content::shocks`].
pub(crate) type ShockId = u16;

#[derive(Clone, Debug, Serialize)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub side: CardSide,
    pub kind: Kind,
    pub ops: u8,
    pub concept: Concept,
    pub text: String,
    pub requires: Vec<Condition>,
    pub effects: Vec<Effect>,
    /// Removed from the game once its event has been played.
    pub once: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Shock {
    pub id: String,
    pub title: String,
    pub domain: Domain,
    pub size: u8,
    pub duration: Duration,
    pub text: String,
    /// Applied for each point of damage the layer did not absorb.
    pub hits: Vec<Step>,
    /// Applied when revealed, whatever the layer absorbed.
    pub effects: Vec<Effect>,
    /// Applied at each summit while the shock is in play (round and structural shocks).
    pub ongoing: Vec<Effect>,
    /// While in play, cards of this kind give this many more (or fewer) operations points.
    pub(crate) ops_mod: Option<(Kind, i8)>,
}

/// A meter's range, start and symmetric band.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct TrackDef {
    pub min: i8,
    pub max: i8,
    pub start: i8,
    pub band: Option<(i8, i8)>,
}

/// One way to spend a card's operations points.
#[derive(Clone, Debug, Serialize)]
pub struct OpsOption {
    pub id: String,
    pub(crate) label: String,
    pub(crate) per_point: Vec<Step>,
}

/// An aim a side scores at each summit.
#[derive(Clone, Debug, Serialize)]
pub struct Aim {
    pub meter: Meter,
    /// Each threshold reached scores the matching points; the highest reached counts.
    pub thresholds: Vec<i8>,
    pub points: Vec<i8>,
    pub(crate) doubled_by: Option<Priority>,
}

impl Aim {
    pub fn score(&self, value: i8) -> i8 {
        let mut best = 0;
        for (t, p) in self.thresholds.iter().zip(&self.points) {
            if value >= *t {
                best = *p;
            }
        }
        best
    }
}

/// A rule applied at each summit when its conditions hold (decoupling fears, entrapment...).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Pressure {
    pub name: String,
    pub when: Vec<Condition>,
    pub effects: Vec<Effect>,
}

/// A term a side may give in a deal.
#[derive(Clone, Debug, Serialize)]
pub struct DealTerm {
    pub id: String,
    pub(crate) label: String,
    pub(crate) giver: Side,
    pub requires: Vec<Condition>,
    pub effects: Vec<Effect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lens {
    Relative,
    Absolute,
}

#[derive(Clone, Debug, Serialize)]
pub struct DealRules {
    pub max_terms: u8,
    pub max_counters: u8,
    pub mutual_cohesion: i8,
    pub bare_cohesion: i8,
    pub bare_reject_leverage: i8,
    pub terms: Vec<DealTerm>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Rules {
    pub rounds: u8,
    pub hand_size: u8,
    pub actions_per_round: u8,
    pub lens: Lens,
    pub targets: [i16; 2],
    pub tracks: [TrackDef; METERS],
    pub(crate) cohesion_floor: i8,
    pub(crate) priority_start: Priority,
    pub(crate) symmetry_bonus: i8,
    pub(crate) final_symmetry_multiplier: i8,
    /// Shock size modifier, indexed by order uncertainty.
    pub(crate) size_by_uncertainty: Vec<i8>,
    /// The strategy layer that absorbs each domain's shocks, indexed by [`Domain::index`].
    pub(crate) layer_for: [Meter; 5],
    /// Operations options, indexed by side and kind.
    pub ops: [[Vec<OpsOption>; 4]; 2],
    pub aims: [Vec<Aim>; 2],
    pub(crate) pressures: Vec<Pressure>,
    pub deals: DealRules,
}

impl Rules {
    pub fn track(&self, m: Meter) -> &TrackDef {
        &self.tracks[m.index()]
    }
    pub(crate) fn ops_options(&self, side: Side, kind: Kind) -> &[OpsOption] {
        &self.ops[side.index()][kind.index()]
    }
    pub fn target(&self, side: Side) -> i16 {
        self.targets[side.index()]
    }
}

/// A scenario's scripted change to one round.
#[derive(Clone, Debug, Serialize)]
pub enum Inject {
    /// The round's shock is this one instead of the deck's.
    ReplaceShock { round: u8, shock: ShockId },
    /// These effects fire at the round's shock step, after the shock.
    Event {
        round: u8,
        title: String,
        text: String,
        effects: Vec<Effect>,
    },
}

impl Inject {
    pub fn round(&self) -> u8 {
        match self {
            Inject::ReplaceShock { round, .. } | Inject::Event { round, .. } => *round,
        }
    }
}

/// The scenario a content was built for: what the menu, the record and the report show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ScenarioInfo {
    pub id: String,
    pub name: String,
    pub description: String,
    /// A scenario that imagines events that have not happened says so on every screen and report.
    pub hypothetical: bool,
    /// The seed every table plays with, unless the instructor gives another.
    pub seed: Option<u64>,
}

/// Everything a game is played with.
#[derive(Clone, Debug, Serialize)]
pub struct Content {
    pub rules: Rules,
    pub cards: Vec<Card>,
    pub shocks: Vec<Shock>,
    pub injects: Vec<Inject>,
    /// The scenario this content was built for, or `None` for the plain rules.
    pub scenario: Option<ScenarioInfo>,
    /// A fingerprint of the data, so a record made with other data can be recognised.
    pub fingerprint: u64,
}

impl Content {
    pub fn card(&self, id: CardId) -> &Card {
        &self.cards[usize::from(id)]
    }
    pub fn shock(&self, id: ShockId) -> &Shock {
        &self.shocks[usize::from(id)]
    }
    pub fn card_by_id(&self, id: &str) -> Option<CardId> {
        self.cards
            .iter()
            .position(|c| c.id == id)
            .map(|i| i as CardId)
    }
    pub fn shock_by_id(&self, id: &str) -> Option<ShockId> {
        self.shocks
            .iter()
            .position(|s| s.id == id)
            .map(|i| i as ShockId)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_aim_scores_the_highest_threshold_reached() {
        let aim = Aim {
            meter: Meter::Opcon,
            thresholds: vec![2, 4, 6],
            points: vec![1, 2, 4],
            doubled_by: None,
        };
        assert_eq!([0, 2, 3, 4, 7].map(|v| aim.score(v)), [0, 1, 1, 2, 4]);
    }
}
