//! The facilitator's steps at a served table (pauses, injects, the drill clock, seating), kept
//! in its record with the facilitator's reason. An inject changes the game, so a replay fires it
//! again at the point it was released; the other steps are kept for the report.

use crate::engine::{CardSide, Content, Effect, Event, Game, Inject, Side};
use serde::{Deserialize, Serialize};

/// One step the facilitator took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Steered {
    /// How many decisions the table had made when it was taken.
    pub after: usize,
    /// What was done, in words ("paused the table", "released the inject «…»").
    pub what: String,
    /// The facilitator's reason, as typed.
    pub reason: String,
    /// The inject that fired, if this step fired one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inject: Option<InjectRef>,
}

/// An inject by reference: the data fingerprint of the record makes it mean the same thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InjectRef {
    /// The scenario's scripted event of this number (1-based, among its events).
    Scenario { number: usize },
    /// A card's event, fired for the card's side (Washington for an either-side card).
    Card { id: String },
}

/// What an inject does, worked out from the content.
pub struct Resolved {
    pub title: String,
    pub effects: Vec<Effect>,
    pub side: Side,
}

impl InjectRef {
    /// The inject in `content`, or a sentence saying what is not there.
    pub fn resolve(&self, content: &Content) -> Result<Resolved, String> {
        match self {
            InjectRef::Scenario { number } => scenario_events(content)
                .nth(number.wrapping_sub(1))
                .map(|(title, effects)| Resolved {
                    title: title.to_owned(),
                    effects: effects.to_vec(),
                    side: Side::Washington,
                })
                .ok_or_else(|| format!("the scenario has no inject {number} (see :injects)")),
            InjectRef::Card { id } => {
                let card = content
                    .cards
                    .iter()
                    .find(|c| c.id == *id)
                    .ok_or_else(|| format!("there is no card {id:?} in the decks"))?;
                Ok(Resolved {
                    title: card.title.clone(),
                    effects: card.effects.clone(),
                    side: match card.side {
                        CardSide::Seoul => Side::Seoul,
                        _ => Side::Washington,
                    },
                })
            }
        }
    }
}

/// The scenario's scripted events, in order: the injects a facilitator may release by number.
pub fn scenario_events(content: &Content) -> impl Iterator<Item = (&str, &[Effect])> {
    content.injects.iter().filter_map(|i| match i {
        Inject::Event { title, effects, .. } => Some((title.as_str(), effects.as_slice())),
        Inject::ReplaceShock { .. } => None,
    })
}

/// Fires the injects kept for the point after `decisions` decisions; returns their events.
pub(crate) fn fire_at(game: &mut Game, steering: &[Steered], decisions: usize) -> Vec<Event> {
    let mut events = Vec::new();
    for s in steering.iter().filter(|s| s.after == decisions) {
        if let Some(Ok(r)) = s.inject.as_ref().map(|i| i.resolve(game.content())) {
            events.extend(game.fire_inject(&r.title, &r.effects, r.side));
        }
    }
    events
}
