//! The validated rules, cards and shocks a game is played with. The `content` module builds these
//! from data files; the engine only reads them.

use super::effect::{Condition, Effect, Step};
use super::ids::{CardSide, Concept, Domain, Duration, Era, Kind, METERS, Meter, Priority, Side};
use serde::Serialize;

/// Index of a card in [`Content::cards`].
pub type CardId = u16;
/// Index of a shock in [`Content::shocks`].
pub type ShockId = u16;

#[derive(Clone, Debug, Serialize)]
/// A card as the data gave it, validated. Cards are referred to by [`CardId`] everywhere else.
pub struct Card {
    /// The id data files and records use; stable across releases.
    pub id: String,
    /// The name shown to players.
    pub title: String,
    /// Whose card it is; an either-side card may be played for its event by both.
    pub side: CardSide,
    /// Which operations options the card buys.
    pub kind: Kind,
    /// Operations points, before shocks change them.
    pub ops: u8,
    /// The concept of the policy model the card stands for (DESIGN.md).
    pub concept: Concept,
    /// The card's text as printed.
    pub text: String,
    /// All must hold for the event to fire.
    pub requires: Vec<Condition>,
    /// What the event does, in order.
    pub effects: Vec<Effect>,
    /// Removed from the game once its event has been played.
    pub once: bool,
    /// When the card enters the draw deck.
    pub era: Era,
}

#[derive(Clone, Debug, Serialize)]
/// An order shock: dealt one a round, absorbed partly by one of Seoul's strategy layers.
pub struct Shock {
    /// The id data files and records use.
    pub id: String,
    /// The name shown to players.
    pub title: String,
    /// Which strategy layer absorbs it.
    pub domain: Domain,
    /// Damage before absorption and size modifiers.
    pub size: u8,
    /// How long it stays in play.
    pub duration: Duration,
    /// The shock's text as printed.
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
    /// Lowest value; moves below it are clamped.
    pub min: i8,
    /// Highest value; moves above it are clamped.
    pub max: i8,
    /// Value at setup.
    pub start: i8,
    /// The inclusive range in which the track counts as symmetric, if it is part of the test.
    pub band: Option<(i8, i8)>,
    /// The side paid [`Rules::band_bonus`] at each summit the track stands in its band (rules
    /// v2): each balance serves one partner's own interest, so a half-symmetric alliance pays
    /// one side, and the bonus can change who wins.
    pub band_pays: Option<Side>,
}

/// One way to spend a card's operations points.
#[derive(Clone, Debug, Serialize)]
pub struct OpsOption {
    /// The id data files name the option by.
    pub id: String,
    pub(crate) label: String,
    pub(crate) per_point: Vec<Step>,
}

/// An aim a side scores at each summit.
#[derive(Clone, Debug, Serialize)]
pub struct Aim {
    /// The meter the aim reads.
    pub meter: Meter,
    /// Each threshold reached scores the matching points; the highest reached counts.
    pub thresholds: Vec<i8>,
    /// Points for each threshold, in the same order.
    pub points: Vec<i8>,
    pub(crate) doubled_by: Option<Priority>,
}

impl Aim {
    /// Summit points for a meter value: those of the highest threshold reached.
    pub(crate) fn score(&self, value: i8) -> i8 {
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

impl Pressure {
    /// Whether the pressure pays a side points outright (the temptations do).
    pub(crate) fn scores(&self) -> bool {
        self.effects
            .iter()
            .any(|e| matches!(e, Effect::Score { .. }))
    }
}

/// A summit agenda card (rules v2): the issue each side brings to this round's summit. The aim
/// it names for a side pays once more at the summit, for the sides [`AgendaFavours`] names.
#[derive(Clone, Debug, Serialize)]
pub struct AgendaCard {
    /// The id data files name the card by.
    pub id: String,
    /// The name shown to players.
    pub title: String,
    /// The meter of the aim each side has on the table, indexed by [`Side::index`].
    pub aims: [Meter; 2],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
/// Whose named aim an agenda card puts on the table.
pub enum AgendaFavours {
    /// Both sides' named aims pay once more.
    Both,
    /// Only the side behind when the round begins (both on a tie): the partner that feels
    /// shortchanged brings its issue to the table.
    Trailing,
}

/// A term a side may give in a deal.
#[derive(Clone, Debug, Serialize)]
pub struct DealTerm {
    /// The id data files name the term by.
    pub id: String,
    pub(crate) label: String,
    pub(crate) giver: Side,
    /// All must hold for the term to be offered.
    pub requires: Vec<Condition>,
    /// Applied when the deal is accepted, for the giver.
    pub effects: Vec<Effect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
/// How a game is won: the rules choose one for the whole game.
pub enum Lens {
    /// The higher summit score wins (a competitive game).
    Relative,
    /// Each side succeeds if it reaches its own target (both may, or neither).
    Absolute,
}

#[derive(Clone, Debug, Serialize)]
/// The limits and cohesion effects of deals, so every deal ends and has a price.
pub struct DealRules {
    /// Most terms in one bundle (gives and asks together).
    pub max_terms: u8,
    /// Most counters in one deal, so a negotiation always ends.
    pub max_counters: u8,
    /// Cohesion change when a deal where both sides give is accepted.
    pub mutual_cohesion: i8,
    /// Cohesion change when a bare demand is accepted.
    pub bare_cohesion: i8,
    /// Leverage the demanding side gains when its bare demand is rejected.
    pub bare_reject_leverage: i8,
    /// Leverage the opener loses when it withdraws a deal before anything was sent, so that
    /// opening a deal is not a free way to pass.
    pub withdraw_leverage: i8,
    /// The vocabulary of terms a side may give, besides cards.
    pub terms: Vec<DealTerm>,
}

#[derive(Clone, Debug, Serialize)]
/// The rules file, validated: everything about the game that is not a card or a shock.
pub struct Rules {
    /// Rounds in a game; the last summit ends it.
    pub rounds: u8,
    /// Cards dealt to each side at the start of a round.
    pub hand_size: u8,
    /// Actions each side takes in a round (scenarios change it, so screens read it from here).
    pub actions_per_round: u8,
    /// How the game is won.
    pub lens: Lens,
    /// Each side's target under the absolute lens, indexed by [`Side::index`].
    pub targets: [i16; 2],
    /// Range, start and band of every meter, indexed by [`Meter::index`].
    pub tracks: [TrackDef; METERS],
    pub(crate) cohesion_floor: i8,
    pub(crate) priority_start: Priority,
    pub(crate) symmetry_bonus: i8,
    /// Points a side scores at a summit for each band it is paid for that holds.
    pub band_bonus: i8,
    pub(crate) final_symmetry_multiplier: i8,
    /// When the actions of a round end, every card of the other side still in a hand fires its
    /// event for its owner, so no one can sit on an opponent's card to keep it from firing.
    pub held_cards_fire: bool,
    /// Under `held_cards_fire`, how many of the other side's cards a hand may keep past the
    /// actions without their events firing: the most recently drawn ones.
    pub held_keep: u8,
    /// The round at whose start each era's cards enter the draw deck (early: 1).
    pub era_rounds: [u8; 3],
    /// Shock size modifier, indexed by order uncertainty.
    pub(crate) size_by_uncertainty: Vec<i8>,
    /// The strategy layer that absorbs each domain's shocks, indexed by [`Domain::index`].
    pub(crate) layer_for: [Meter; 5],
    /// Operations options, indexed by side and kind.
    pub ops: [[Vec<OpsOption>; 4]; 2],
    /// Each side's aims, indexed by [`Side::index`].
    pub aims: [Vec<Aim>; 2],
    pub(crate) pressures: Vec<Pressure>,
    /// The summit agenda deck, one card revealed a round (empty: no agenda).
    pub agenda: Vec<AgendaCard>,
    /// Whose named aims the agenda puts on the table.
    pub agenda_favours: AgendaFavours,
    /// How many times more an aim on the table pays at its summit (1: once more).
    pub agenda_weight: i8,
    /// Limits and vocabulary of deals.
    pub deals: DealRules,
    /// What leverage buys in play (rules v2); zero costs switch a use off.
    pub leverage: LeverageRules,
}

/// What a side's leverage item buys in play (rules v2). A cost of 0 means the use is off.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct LeverageRules {
    /// Leverage to set aside an other-side card without its event.
    pub set_aside: i8,
    /// Leverage for a boosted operations play.
    pub boost_cost: i8,
    /// Extra operations points a boost gives.
    pub boost_ops: u8,
    /// Leverage a side gains when it plays its own card for the event in the action phase (the
    /// initiative: acting on one's own agenda earns standing).
    pub initiative: i8,
}

impl Rules {
    /// The range, start and band of a meter.
    pub fn track(&self, m: Meter) -> &TrackDef {
        &self.tracks[m.index()]
    }
    pub(crate) fn ops_options(&self, side: Side, kind: Kind) -> &[OpsOption] {
        &self.ops[side.index()][kind.index()]
    }
    /// The item a side spends as leverage.
    pub fn leverage_meter(side: Side) -> Meter {
        match side {
            Side::Washington => Meter::UsLeverage,
            Side::Seoul => Meter::RokLeverage,
        }
    }
    /// Leverage `side` gains for playing `card` for its event in the action phase: the
    /// initiative, for its own cards only (not either-side or the other side's).
    pub fn initiative_gain(&self, card: &Card, side: Side) -> i8 {
        if card.side.owner() == Some(side) {
            self.leverage.initiative
        } else {
            0
        }
    }
    /// The targets that the lead is read against: the absolute lens's, or none under the
    /// relative lens, where the higher score leads (`rulings::leader_on`).
    pub fn lead_targets(&self) -> Option<[i16; 2]> {
        (self.lens == Lens::Absolute).then_some(self.targets)
    }
    /// A side's target under the absolute lens.
    pub(crate) fn target(&self, side: Side) -> i16 {
        self.targets[side.index()]
    }
}

/// A scenario's scripted change to one round.
#[derive(Clone, Debug, Serialize)]
pub enum Inject {
    /// The round's shock is this one instead of the deck's.
    ReplaceShock {
        /// The round whose shock is replaced.
        round: u8,
        /// The shock dealt instead.
        shock: ShockId,
    },
    /// These effects fire at the round's shock step, after the shock.
    Event {
        /// The round whose shock step fires it.
        round: u8,
        /// Shown in the log and the report.
        title: String,
        /// The instructor's explanation, shown when it fires.
        text: String,
        /// What it does, for no side in particular.
        effects: Vec<Effect>,
    },
}

/// The scenario a content was built for: what the menu, the record and the report show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ScenarioInfo {
    /// The id the command line and records name the scenario by.
    pub id: String,
    /// The name shown in the menu and reports.
    pub name: String,
    /// The instructor's summary, shown before the game starts.
    pub description: String,
    /// A scenario that imagines events that have not happened says so on every screen and report.
    pub hypothetical: bool,
    /// The seed every table plays with, unless the instructor gives another.
    pub seed: Option<u64>,
}

/// Everything a game is played with.
#[derive(Clone, Debug, Serialize)]
pub struct Content {
    /// The rules the game is played by.
    pub rules: Rules,
    /// Every card; a [`CardId`] indexes this list.
    pub cards: Vec<Card>,
    /// Every shock; a [`ShockId`] indexes this list.
    pub shocks: Vec<Shock>,
    /// The scenario's scripted changes, in round order.
    pub injects: Vec<Inject>,
    /// The scenario this content was built for, or `None` for the plain rules.
    pub scenario: Option<ScenarioInfo>,
    /// A fingerprint of the data, so a record made with other data can be recognised.
    pub fingerprint: u64,
    /// What move generation needs of each card, built on first use (see [`Content::facts`]).
    #[serde(skip)]
    pub(crate) facts: super::facts::Facts,
}

impl Content {
    /// The round at whose start `card` enters the draw deck.
    pub fn entry_round(&self, card: CardId) -> u8 {
        self.rules.era_rounds[self.card(card).era.index()]
    }

    /// The card an id names. Panics on an id that is not from this content, which is a bug.
    pub fn card(&self, id: CardId) -> &Card {
        &self.cards[usize::from(id)]
    }
    /// The shock an id names. Panics on an id that is not from this content, which is a bug.
    pub fn shock(&self, id: ShockId) -> &Shock {
        &self.shocks[usize::from(id)]
    }
    /// The card with a data-file id, for records and scenarios that name cards by id.
    pub fn card_by_id(&self, id: &str) -> Option<CardId> {
        self.cards
            .iter()
            .position(|c| c.id == id)
            .map(|i| i as CardId)
    }
    /// The shock with a data-file id, for scenarios that name shocks by id.
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
