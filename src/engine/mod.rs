//! The rules of Symmetric Alliance: state, actions, events, phases, scoring and seeded randomness.
//! No terminal, no files, no clock.
#![warn(missing_docs)]

mod action;
mod content;
mod effect;
mod effects;
mod event;
mod facts;
mod ids;
mod legal;
mod outcome;
mod play;
pub mod rng;
mod round;
mod rulings;
mod scoring;
mod state;
mod summit;
mod view;

pub use action::{Action, Term};
pub(crate) use content::Pressure;
pub use content::{
    AgendaCard, AgendaFavours, Aim, Card, CardId, Content, DealRules, DealTerm, Inject, Lens,
    LeverageRules, OpsOption, Rules, ScenarioInfo, Shock, ShockId, TrackDef,
};
pub use effect::{CardRef, Condition, Effect, Step, Who};
pub(crate) use effects::event_blame;
pub use event::{Cause, Event, Fizzle, PlayMode, ScoreReason, Viewer};
pub(crate) use ids::METERS;
pub use ids::{CardSide, Concept, Domain, Duration, Era, Kind, Meter, Priority, Side};
pub use legal::RuleError;
pub use outcome::{Ending, Outcome};
pub use rulings::{DealShape, lead_changes, leader, leader_on};
pub(crate) use rulings::{Situation, Standing};
pub use state::{Board, CardSet, Deal, Game, Phase, Pick, Recorded, Snapshot, Terms};
pub use view::{OwnedView, View};
