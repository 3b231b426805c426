//! The small closed vocabularies of the game: sides, card kinds, shock domains, meters, concepts.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the two players.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The United States.
    Washington,
    /// The Republic of Korea.
    Seoul,
}

impl Side {
    /// Both sides, in index order.
    pub const BOTH: [Side; 2] = [Side::Washington, Side::Seoul];
    /// Position in the per-side arrays (scores, hands, actions): Washington 0, Seoul 1.
    pub fn index(self) -> usize {
        self as usize
    }
    /// The opponent, and partner.
    pub fn other(self) -> Side {
        match self {
            Side::Washington => Side::Seoul,
            Side::Seoul => Side::Washington,
        }
    }
    /// The name shown to players.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Side::Washington => "Washington",
            Side::Seoul => "Seoul",
        }
    }
    /// The id used in data files, records and the command line.
    pub fn id(self) -> &'static str {
        match self {
            Side::Washington => "washington",
            Side::Seoul => "seoul",
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which side a card belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardSide {
    /// A Washington card.
    Washington,
    /// A Seoul card.
    Seoul,
    /// Either side may play it for its event.
    Either,
}

impl CardSide {
    /// Every card side, in declaration order.
    pub(crate) const ALL: [CardSide; 3] = [CardSide::Washington, CardSide::Seoul, CardSide::Either];
    /// The side a card belongs to, if it belongs to one.
    pub(crate) fn owner(self) -> Option<Side> {
        match self {
            CardSide::Washington => Some(Side::Washington),
            CardSide::Seoul => Some(Side::Seoul),
            CardSide::Either => None,
        }
    }
    /// The name shown to players.
    pub fn name(self) -> &'static str {
        match self {
            CardSide::Washington => "Washington",
            CardSide::Seoul => "Seoul",
            CardSide::Either => "Either",
        }
    }
}

/// When a card enters the draw deck, as Twilight Struggle's war periods do: dated events then
/// arrive in a plausible order, and the game changes character as it goes.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// In the deck from the start.
    #[default]
    Early,
    /// Shuffled in at the rules' `middle_era` round.
    Middle,
    /// Shuffled in at the rules' `late_era` round.
    Late,
}

impl Era {
    /// Every era, in order.
    pub const ALL: [Era; 3] = [Era::Early, Era::Middle, Era::Late];
    /// Position in per-era arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The item family a card works on, and which operations it buys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Cost-sharing items.
    Cost,
    /// Mission items.
    Mission,
    /// Role items.
    Role,
    /// Leverage items.
    Leverage,
}

impl Kind {
    /// Every kind, in index order.
    pub const ALL: [Kind; 4] = [Kind::Cost, Kind::Mission, Kind::Role, Kind::Leverage];
    /// Position in per-kind arrays (the rules' operations options).
    pub(crate) fn index(self) -> usize {
        self as usize
    }
    /// The lower-case name shown to players and used in data.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Cost => "cost",
            Kind::Mission => "mission",
            Kind::Role => "role",
            Kind::Leverage => "leverage",
        }
    }
}

/// The domain of an order shock; each domain is absorbed by one of Seoul's strategy layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Absorbed by the military layer.
    Military,
    /// Absorbed by the economic layer.
    Economic,
    /// Absorbed by the diplomatic layer.
    Diplomatic,
    /// Absorbed by the regional layer.
    Regional,
    /// World-order shocks, absorbed by order uncertainty rather than a layer.
    Order,
}

impl Domain {
    /// Every domain, in index order.
    pub const ALL: [Domain; 5] = [
        Domain::Military,
        Domain::Economic,
        Domain::Diplomatic,
        Domain::Regional,
        Domain::Order,
    ];
    /// Position in per-domain arrays (the rules' `layer_for`).
    pub(crate) fn index(self) -> usize {
        self as usize
    }
    /// The lower-case name shown to players and used in data.
    pub fn name(self) -> &'static str {
        match self {
            Domain::Military => "military",
            Domain::Economic => "economic",
            Domain::Diplomatic => "diplomatic",
            Domain::Regional => "regional",
            Domain::Order => "order",
        }
    }
}

/// How long an order shock stays in play.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Duration {
    /// Resolves when revealed and is gone.
    Instant,
    /// Stays in play until the end of the round's summit.
    Round,
    /// Stays in play until a card ends it.
    Structural,
}

/// Washington's priority marker: the President's deals or the staff's strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// The President's deals: deal priority.
    Deal,
    /// The staff's strategy: strategy priority.
    Strategy,
}

impl Priority {
    pub(crate) fn flipped(self) -> Priority {
        match self {
            Priority::Deal => Priority::Strategy,
            Priority::Strategy => Priority::Deal,
        }
    }
    /// The name shown to players.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Priority::Deal => "Deal",
            Priority::Strategy => "Strategy",
        }
    }
}

macro_rules! meters {
    ($( $variant:ident = $id:literal, $name:literal; )*) => {
        /// Every numbered track and item on the board. Ranges, starts and bands live in `rules/`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Meter { $( #[doc = $name] #[serde(rename = $id)] $variant, )* }

        impl Meter {
            /// Every meter, in index order.
            pub const ALL: [Meter; METERS] = [ $( Meter::$variant, )* ];
            /// The id used in data files.
            pub fn id(self) -> &'static str {
                match self { $( Meter::$variant => $id, )* }
            }
            /// The name shown to players.
            pub(crate) fn name(self) -> &'static str {
                match self { $( Meter::$variant => $name, )* }
            }
        }
    };
}

/// How many meters the board has.
pub(crate) const METERS: usize = 16;

meters! {
    Responsibility = "responsibility", "Responsibility balance";
    RoleBalance = "role_balance", "Role balance";
    Cohesion = "cohesion", "Cohesion";
    Uncertainty = "uncertainty", "Order uncertainty";
    UsCost = "us_cost", "Cost (Seoul's spending, SMA)";
    UsMission = "us_mission", "Mission (strategic flexibility)";
    UsRole = "us_role", "Role (Seoul's regional commitments)";
    UsLeverage = "us_leverage", "Washington leverage";
    Opcon = "opcon", "OPCON progress";
    Posture = "posture", "USFK posture kept";
    Status = "status", "Seoul's status";
    RokLeverage = "rok_leverage", "Seoul leverage";
    SelfHelp = "self_help", "Self-help layer";
    AllianceLayer = "alliance", "Alliance layer";
    Partnership = "partnership", "Security partnership layer";
    Solidarity = "solidarity", "International solidarity layer";
}

impl Meter {
    /// Position in per-meter arrays (the board's meters, the rules' tracks).
    pub fn index(self) -> usize {
        self as usize
    }
    /// The side whose item this is, or `None` for a shared track.
    pub(crate) fn owner(self) -> Option<Side> {
        use Meter::*;
        match self {
            Responsibility | RoleBalance | Cohesion | Uncertainty => None,
            UsCost | UsMission | UsRole | UsLeverage => Some(Side::Washington),
            _ => Some(Side::Seoul),
        }
    }
    /// The leverage meter of a side.
    pub(crate) fn leverage(side: Side) -> Meter {
        match side {
            Side::Washington => Meter::UsLeverage,
            Side::Seoul => Meter::RokLeverage,
        }
    }
    pub(crate) const LAYERS: [Meter; 4] = [
        Meter::SelfHelp,
        Meter::AllianceLayer,
        Meter::Partnership,
        Meter::Solidarity,
    ];
}

macro_rules! concepts {
    ($( $variant:ident = $id:literal, $name:literal; )*) => {
        /// The concepts of the policy model that cards stand for (DESIGN.md, "The model").
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Concept { $( #[doc = $name] #[serde(rename = $id)] $variant, )* }

        impl Concept {
            /// Every concept, in declaration order.
            pub const ALL: &'static [Concept] = &[ $( Concept::$variant, )* ];
            /// The id used in data files.
            pub fn id(self) -> &'static str {
                match self { $( Concept::$variant => $id, )* }
            }
            /// The name shown to players.
            pub fn name(self) -> &'static str {
                match self { $( Concept::$variant => $name, )* }
            }
        }
    };
}

concepts! {
    Structure = "structure", "Structure: the transitional order and the New Cold War";
    Agency = "agency", "Agency: the U.S. changing its own behaviour";
    DealFocus = "deal_focus", "The President's focus: trade, tariffs, deals";
    StrategyFocus = "strategy_focus", "The staff's focus: the Indo-Pacific and China";
    Cost = "cost", "Formula item: cost";
    Mission = "mission", "Formula item: mission";
    Role = "role", "Formula item: role";
    Status = "status", "Seoul's status and prestige";
    Opcon = "opcon", "Wartime OPCON transfer";
    Posture = "posture", "Keeping the USFK posture";
    SelfHelp = "self_help", "Layer: self-help";
    AllianceLayer = "alliance_layer", "Layer: alliance";
    Partnership = "partnership", "Layer: security partnership";
    Solidarity = "solidarity", "Layer: international solidarity";
    Masga = "masga", "Win-win: MASGA shipbuilding";
    NuclearEnergy = "nuclear_energy", "Win-win: nuclear-energy cooperation";
    Flexibility2 = "flexibility_2", "Strategic flexibility 2.0";
    SymmetricAlliance = "symmetric_alliance", "The symmetric alliance";
    Cohesion = "cohesion", "Harmonized discourses and cohesion";
}
