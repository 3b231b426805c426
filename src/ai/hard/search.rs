//! One search thread: repeated iterations of determinize, descend, play out, back up.

use super::super::eval::{Evaluator, Position};
use super::tree::{Step, Tree};
use crate::engine::{Action, Event, Game, Phase, Side, View, rng::Rng};
use rand::RngExt;
use std::time::Instant;

/// Playouts never run longer than this many decisions (a round has far fewer).
const MAX_PLAYOUT: usize = 400;
/// In a playout, the chance of opening a deal when one could be opened.
const DEAL_PRIOR: f32 = 0.04;
/// In a playout, the chance of sending a bundle under construction rather than editing it.
const SEND_PRIOR: f32 = 0.6;

/// When a search thread stops.
#[derive(Clone, Copy)]
pub(crate) enum Stop {
    Iterations(u64),
    Deadline(Instant),
}

/// Scratch buffers reused across iterations.
pub(crate) struct Search<'v> {
    view: &'v View<'v>,
    ev: &'v Evaluator,
    pub(crate) tree: Tree,
    rng: Rng,
    legal: Vec<Action>,
    events: Vec<Event>,
    path: Vec<u32>,
    /// The moves the root may take (the others are not searched).
    root: &'v [Action],
    pub iterations: u64,
}

impl<'v> Search<'v> {
    pub(crate) fn new(view: &'v View, ev: &'v Evaluator, rng: Rng, root: &'v [Action]) -> Self {
        Search {
            view,
            ev,
            tree: Tree::new(view.side),
            rng,
            legal: Vec::with_capacity(64),
            events: Vec::with_capacity(64),
            path: Vec::with_capacity(32),
            root,
            iterations: 0,
        }
    }

    pub(crate) fn run(&mut self, stop: Stop) {
        loop {
            match stop {
                Stop::Iterations(n) if self.iterations >= n => return,
                // The clock is read every few iterations, and only to bound the time spent.
                Stop::Deadline(t) if self.iterations.is_multiple_of(8) && Instant::now() >= t => {
                    return;
                }
                _ => {}
            }
            self.iterate();
        }
    }

    fn apply(&mut self, game: &mut Game, action: Action) {
        self.events.clear();
        if game.apply_into(action, &mut self.events).is_err() {
            debug_assert!(false, "a listed action applies");
        }
    }

    fn iterate(&mut self) {
        let mut game = Game::determinize(self.view, &mut self.rng);
        let round = game.board().round;
        self.path.clear();
        let mut node = 0u32;
        while let Some(mover) = game.to_move() {
            game.legal_actions_into(&mut self.legal);
            if node == 0 {
                let root = self.root;
                self.legal.retain(|a| root.contains(a));
            }
            let step = self.tree.step(node, &self.legal, mover, &mut self.rng);
            let (id, expanded) = match step {
                Step::Existing(id) => (id, false),
                Step::Expanded(id) => (id, true),
            };
            let action = self.tree.nodes[id as usize].action;
            self.apply(&mut game, action);
            self.path.push(id);
            node = id;
            if expanded {
                break;
            }
        }
        self.playout(&mut game, round);
        let values = Side::BOTH.map(|s| evaluate(self.ev, &game, s));
        self.tree.backprop(&self.path, values);
        self.iterations += 1;
    }

    /// Random play with light priors until the round after `round` begins or the game ends.
    fn playout(&mut self, game: &mut Game, round: u8) {
        for _ in 0..MAX_PLAYOUT {
            if game.is_over() || game.board().round > round {
                return;
            }
            game.legal_actions_into(&mut self.legal);
            let action = self.policy(game);
            self.apply(game, action);
        }
    }

    fn policy(&mut self, game: &Game) -> Action {
        let legal = &self.legal;
        let n = legal.len();
        match game.phase() {
            Phase::Actions { .. } if n > 1 && legal[n - 1] == Action::OpenDeal => {
                if self.rng.random::<f32>() < DEAL_PRIOR {
                    Action::OpenDeal
                } else {
                    legal[self.rng.random_range(0..n - 1)]
                }
            }
            Phase::Deal(d) if !d.sent && legal.contains(&Action::Send) => {
                if self.rng.random::<f32>() < SEND_PRIOR {
                    Action::Send
                } else {
                    legal[self.rng.random_range(0..n)]
                }
            }
            _ => legal[self.rng.random_range(0..n)],
        }
    }
}

/// What a game state is worth to `side`: exact once over, else the shared evaluation.
pub(crate) fn evaluate(ev: &Evaluator, game: &Game, side: Side) -> f32 {
    if let Some(o) = game.outcome() {
        return ev.outcome_value(o, side);
    }
    ev.value(&Position::of(game.board()), side)
}
