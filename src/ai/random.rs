//! The `random` bot: uniform over the legal actions.

use super::Bot;
use crate::engine::{Action, View, rng::Rng};
use rand::RngExt;

pub(crate) struct RandomBot {
    rng: Rng,
}

impl RandomBot {
    pub(crate) fn new(rng: Rng) -> Self {
        RandomBot { rng }
    }
}

impl Bot for RandomBot {
    fn choose(&mut self, _view: &View, legal: &[Action]) -> Action {
        legal[self.rng.random_range(0..legal.len())]
    }
}
