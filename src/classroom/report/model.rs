//! The after-action report as data: what the Markdown, JSON and CSV renderings are made from.
//! Field names are stable, because classes load the JSON into pandas or a spreadsheet.

use crate::engine::{Outcome, Side};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub game: GameInfo,
    pub rounds: Vec<RoundReport>,
    pub outcome: OutcomeReport,
    pub(crate) turning_points: Vec<TurningPoint>,
    pub negotiation: BTreeMap<String, NegotiationStats>,
    pub debrief: Vec<DebriefQuestion>,
    /// A facilitator's steps at a served table, with their reasons (none elsewhere).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steering: Vec<crate::classroom::record::steering::Steered>,
}

#[derive(Clone, Debug, Serialize)]
pub struct GameInfo {
    /// The record's file name (used to tell games apart in a comparison).
    pub file: String,
    pub scenario: Option<String>,
    pub(crate) scenario_name: String,
    pub(crate) scenario_description: String,
    pub hypothetical: bool,
    pub seed: u64,
    pub fingerprint: String,
    pub players: [String; 2],
    pub lens: String,
    pub(crate) rounds_planned: u8,
    pub targets: [i16; 2],
    pub drill_seconds: Option<u64>,
    pub decisions: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct ShockLine {
    pub id: String,
    pub title: String,
    pub domain: String,
    pub size: u8,
    pub absorbed: u8,
    pub layer: String,
    /// An instructor's inject put this shock here instead of the deck's.
    pub injected: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct InjectLine {
    pub title: String,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlayLine {
    pub side: Side,
    pub card: String,
    pub title: String,
    pub concept: String,
    /// "headline", "event", or "ops: `<option label>`".
    pub(crate) used_for: String,
    /// Operations points spent (0 for an event or headline).
    pub points: u8,
    /// What became of the card's event: "fired for Seoul", "fizzled (requirement)", or empty.
    pub event: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct OfferLine {
    pub by: Side,
    pub gives: Vec<String>,
    pub asks: Vec<String>,
    /// 0 for the opening offer, 1 and up for counters.
    pub counter: u8,
    /// "accepted", "rejected", "countered", "timed out", or "unanswered".
    pub(crate) reply: String,
    pub answer_ms: Option<u64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DealLine {
    pub opener: Side,
    pub offers: Vec<OfferLine>,
    /// "accepted", "rejected", "withdrawn", "timed out", or "open".
    pub result: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RoundReport {
    pub round: u8,
    pub shock: Option<ShockLine>,
    pub injects: Vec<InjectLine>,
    pub plays: Vec<PlayLine>,
    pub deals: Vec<DealLine>,
    /// Every meter at the end of the round (its summit, or where the game stopped).
    pub tracks: BTreeMap<String, i8>,
    pub priority: String,
    pub scores: [i16; 2],
    /// Points scored at this round's summit by each side.
    pub(crate) gained: [i16; 2],
    pub symmetric: bool,
    pub(crate) responsibility_in_band: bool,
    pub(crate) role_in_band: bool,
    /// Whether the round reached its summit (not when the alliance ruptured first).
    pub summit: bool,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct ScoreBreakdown {
    pub aims: i16,
    pub(crate) symmetry: i16,
    pub effects: i16,
}

#[derive(Clone, Debug, Serialize)]
pub struct OutcomeReport {
    pub summary: String,
    pub outcome: Option<Outcome>,
    pub(crate) reasons: Vec<String>,
    /// Cohesion at setup and at the end of each round.
    pub cohesion_path: Vec<i8>,
    pub(crate) symmetric_rounds: Vec<u8>,
    pub(crate) responsibility_band_rounds: Vec<u8>,
    pub(crate) role_band_rounds: Vec<u8>,
    pub(crate) breakdown: BTreeMap<String, ScoreBreakdown>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct Move {
    pub meter: String,
    pub from: i8,
    pub to: i8,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct TurningPoint {
    pub round: u8,
    /// The decision it followed (0 for setup).
    pub decision: usize,
    pub cause: String,
    pub moves: Vec<Move>,
    /// Total steps moved on the shared tracks.
    pub(crate) swing: i16,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct NegotiationStats {
    pub(crate) deals_opened: u32,
    pub offers: u32,
    pub counters: u32,
    pub accepted: u32,
    pub rejected: u32,
    pub timeouts: u32,
    /// Answers with a measured time (the drill was on).
    pub timed_answers: u32,
    pub mean_answer_ms: Option<u64>,
    pub max_answer_ms: Option<u64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DebriefQuestion {
    pub concept: String,
    pub(crate) concept_name: String,
    /// How many cards of this concept were played.
    pub plays: u32,
    pub question: String,
}
