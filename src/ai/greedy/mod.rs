//! The `greedy` bot: a one-step lookahead. Each legal action is played out on a [`Sketch`] of the
//! public board and the result is scored with the shared evaluation (scoring rules, bands,
//! cohesion and the lens), plus a little seeded noise so equal options do not always fall the
//! same way. Deals are planned term by term against a model of the other side's answer.

mod deal;
pub(crate) use deal::{Cx, accepted, rejected};

use super::Bot;
use super::eval::{Evaluator, Temper};
use super::sketch::Sketch;
use crate::engine::{Action, Phase, View, rng::Rng};
use rand::RngExt;
use std::sync::Arc;

/// The largest noise added to a candidate's value (values lie in [-1, 1]; a point of score
/// difference is worth about 0.08 early in the game).
const NOISE: f32 = 0.01;

pub(crate) struct GreedyBot {
    rng: Rng,
    /// The evaluation, built on the first decision and kept while the content is the same.
    ev: Option<(u64, Arc<Evaluator>)>,
}

impl GreedyBot {
    pub(crate) fn new(rng: Rng) -> Self {
        GreedyBot { rng, ev: None }
    }

    /// What playing `action` now is worth to the side to move, before noise. The hard bot
    /// reads it too, to choose which moves its search considers.
    pub(crate) fn worth(cx: Cx, action: Action) -> f32 {
        let view = cx.view;
        let side = view.side;
        match (&view.phase, action) {
            (Phase::Deal(d), _) => deal::worth(cx, d, action),
            (_, Action::OpenDeal) => deal::plan_from_scratch(cx).1,
            (_, Action::Pass) => {
                let mut s = Sketch::of_view(view);
                s.held_fire(view, None);
                cx.ev.value(&s.pos, side)
            }
            _ => {
                let mut s = Sketch::of_view(view);
                s.card_action(side, action);
                s.held_fire(view, action.card());
                cx.ev.value(&s.pos, side)
            }
        }
    }
}

/// The evaluator for `view`'s content with `temper`, reusing `cache` when the content has not
/// changed.
pub(crate) fn evaluator_for(
    cache: &mut Option<(u64, Arc<Evaluator>)>,
    view: &View,
    temper: Temper,
) -> Arc<Evaluator> {
    // The data's fingerprint does not cover a lens set by a scenario or the simulator, so the
    // content's address is part of the key too.
    let print = view.content.fingerprint ^ (Arc::as_ptr(view.content) as u64);
    match cache {
        Some((p, ev)) if *p == print => ev.clone(),
        _ => {
            let ev = Arc::new(Evaluator::new(view.content).with_temper(temper));
            *cache = Some((print, ev.clone()));
            ev
        }
    }
}

impl Bot for GreedyBot {
    fn choose(&mut self, view: &View, legal: &[Action]) -> Action {
        let ev = evaluator_for(&mut self.ev, view, Temper::Cautious);
        let cx = Cx { view, ev: &ev };
        let mut best = (f32::NEG_INFINITY, legal[0]);
        for &action in legal {
            let v = Self::worth(cx, action) + self.rng.random::<f32>() * NOISE;
            if v > best.0 {
                best = (v, action);
            }
        }
        best.1
    }
}
