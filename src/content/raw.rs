//! The data files as written: serde structs that keep the spans of the values the validator
//! checks, so every semantic error can point at its line and column.

use crate::engine::{AgendaFavours, Era};
use crate::engine::{
    CardSide, Concept, Condition, Domain, Duration, Effect, Kind, Lens, Meter, Priority, Side, Step,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// Effects and conditions keep one span for the whole inline table: serde's tagged enums cannot
/// carry spans inside them.
pub(crate) type RawEffect = Spanned<Effect<String>>;
pub(crate) type RawCondition = Spanned<Condition<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRules {
    pub version: Spanned<i64>,
    pub game: RawGame,
    pub targets: RawTargets,
    pub tracks: Spanned<BTreeMap<Meter, Spanned<RawTrack>>>,
    pub shocks: RawShockRules,
    pub ops: RawOps,
    pub aims: RawAims,
    #[serde(default)]
    pub summit: RawSummit,
    pub deals: RawDeals,
    #[serde(default)]
    pub leverage: RawLeverage,
}

/// What leverage buys (rules v2); every use is off unless given.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLeverage {
    #[serde(default)]
    pub set_aside: Option<Spanned<i64>>,
    #[serde(default)]
    pub boost_cost: Option<Spanned<i64>>,
    #[serde(default)]
    pub boost_ops: Option<Spanned<i64>>,
    #[serde(default)]
    pub initiative: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGame {
    pub rounds: Spanned<i64>,
    pub hand_size: Spanned<i64>,
    pub actions_per_round: Spanned<i64>,
    pub lens: Lens,
    pub(crate) priority_start: Priority,
    pub(crate) cohesion_floor: Spanned<i64>,
    pub(crate) symmetry_bonus: Spanned<i64>,
    /// Points for each band a side is paid for (`band_pays` on a track); default 0.
    #[serde(default)]
    pub(crate) band_bonus: Option<Spanned<i64>>,
    pub(crate) final_symmetry_multiplier: Spanned<i64>,
    /// Cards of the other side still in a hand when the actions end fire for their owner.
    #[serde(default)]
    pub(crate) held_cards_fire: bool,
    /// How many of the other side's cards a hand may keep without their firing (default 0).
    #[serde(default)]
    pub(crate) held_keep: Option<Spanned<i64>>,
    /// The rounds at whose start the middle and late cards enter the deck (default 1: at once).
    #[serde(default)]
    pub(crate) middle_era: Option<Spanned<i64>>,
    #[serde(default)]
    pub(crate) late_era: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTargets {
    pub washington: Spanned<i64>,
    pub seoul: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTrack {
    pub min: i8,
    pub max: i8,
    pub start: i8,
    #[serde(default)]
    pub band: Option<[i8; 2]>,
    #[serde(default)]
    pub band_pays: Option<Side>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawShockRules {
    pub(crate) size_by_uncertainty: Spanned<Vec<i8>>,
    pub(crate) layers: Spanned<BTreeMap<Domain, Spanned<Meter>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOps {
    pub washington: RawKindOps,
    pub seoul: RawKindOps,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawKindOps {
    #[serde(default)]
    pub cost: Vec<Spanned<RawOption>>,
    #[serde(default)]
    pub(crate) mission: Vec<Spanned<RawOption>>,
    #[serde(default)]
    pub role: Vec<Spanned<RawOption>>,
    #[serde(default)]
    pub leverage: Vec<Spanned<RawOption>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOption {
    pub id: Spanned<String>,
    pub(crate) label: String,
    pub(crate) per_point: Vec<Spanned<Step>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAims {
    pub washington: Vec<Spanned<RawAim>>,
    pub seoul: Vec<Spanned<RawAim>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAim {
    pub meter: Meter,
    pub thresholds: Vec<i8>,
    pub points: Vec<i8>,
    #[serde(default)]
    pub(crate) doubled_by: Option<Priority>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSummit {
    #[serde(default)]
    pub(crate) pressure: Vec<RawPressure>,
    /// Whose named aims the agenda puts on the table (default: both sides').
    #[serde(default)]
    pub(crate) agenda_favours: Option<AgendaFavours>,
    /// How many times more an aim on the table pays (default 1: once more).
    #[serde(default)]
    pub(crate) agenda_weight: Option<Spanned<i64>>,
    #[serde(default)]
    pub(crate) agenda: Vec<Spanned<RawAgenda>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAgenda {
    pub id: Spanned<String>,
    pub title: String,
    pub washington: Spanned<Meter>,
    pub seoul: Spanned<Meter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPressure {
    pub name: String,
    pub when: Vec<RawCondition>,
    pub effects: Vec<RawEffect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeals {
    pub max_terms: Spanned<i64>,
    pub max_counters: Spanned<i64>,
    pub mutual_cohesion: Spanned<i64>,
    pub bare_cohesion: Spanned<i64>,
    pub bare_reject_leverage: Spanned<i64>,
    /// Leverage the opener loses when it withdraws a deal before anything was sent.
    #[serde(default)]
    pub withdraw_leverage: Option<Spanned<i64>>,
    #[serde(default)]
    pub term: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTerm {
    pub id: Spanned<String>,
    pub(crate) giver: Side,
    pub(crate) label: String,
    #[serde(default)]
    pub requires: Vec<RawCondition>,
    pub effects: Vec<RawEffect>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeck {
    #[serde(default)]
    pub card: Vec<Spanned<RawCard>>,
    #[serde(default)]
    pub shock: Vec<Spanned<RawShock>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCard {
    pub id: Spanned<String>,
    pub title: String,
    pub side: CardSide,
    pub kind: Kind,
    pub ops: Spanned<i64>,
    pub concept: Concept,
    pub text: String,
    #[serde(default)]
    pub once: bool,
    #[serde(default)]
    pub era: Era,
    #[serde(default)]
    pub requires: Vec<RawCondition>,
    pub effects: Spanned<Vec<RawEffect>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawShock {
    pub id: Spanned<String>,
    pub title: String,
    pub domain: Domain,
    pub size: Spanned<i64>,
    pub duration: Duration,
    pub text: String,
    #[serde(default)]
    pub hits: Vec<Spanned<Step>>,
    #[serde(default)]
    pub effects: Vec<RawEffect>,
    #[serde(default)]
    pub ongoing: Vec<RawEffect>,
    #[serde(default)]
    pub(crate) ops_mod: Option<Spanned<RawOpsMod>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOpsMod {
    pub kind: Kind,
    pub by: i8,
}
