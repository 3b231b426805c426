//! The `greedy` bot: a one-step lookahead. Each legal action is played out on a [`Sketch`] of the
//! public board and the result is scored with the shared evaluation (scoring rules, bands,
//! cohesion and the lens), plus a little seeded noise so equal options do not always fall the
//! same way. Deals are planned term by term against a model of the other side's answer.

mod deal;

use super::Bot;
use super::eval;
use super::sketch::Sketch;
use crate::engine::{Action, Phase, View, rng::Rng};
use rand::RngExt;

/// The largest noise added to a candidate's value (values lie in [-1, 1]; a point of score
/// difference is worth about 0.08 early in the game).
const NOISE: f32 = 0.01;

pub struct GreedyBot {
    rng: Rng,
}

impl GreedyBot {
    pub fn new(rng: Rng) -> Self {
        GreedyBot { rng }
    }

    /// What playing `action` now is worth to the side to move, before noise.
    fn worth(view: &View, action: Action) -> f32 {
        let side = view.side;
        let rules = &view.content.rules;
        match (&view.phase, action) {
            (Phase::Deal(d), _) => deal::worth(view, d, action),
            (_, Action::OpenDeal) => deal::plan_from_scratch(view).1,
            (_, Action::Pass) => eval::value(rules, &Sketch::of_view(view).pos, side),
            _ => {
                let mut s = Sketch::of_view(view);
                s.card_action(side, action);
                eval::value(rules, &s.pos, side)
            }
        }
    }
}

impl Bot for GreedyBot {
    fn name(&self) -> &'static str {
        "greedy"
    }
    fn choose(&mut self, view: &View, legal: &[Action]) -> Action {
        let mut best = (f32::NEG_INFINITY, legal[0]);
        for &action in legal {
            let v = Self::worth(view, action) + self.rng.random::<f32>() * NOISE;
            if v > best.0 {
                best = (v, action);
            }
        }
        best.1
    }
}
