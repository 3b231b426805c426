//! Computer opponents. Every bot sits behind [`Bot`] and sees only its side's [`View`].

pub mod eval;
mod explain;
pub(crate) mod greedy;
mod hard;
mod random;
mod sketch;

pub use explain::{Objection, objection};
pub(crate) use greedy::GreedyBot;
pub use hard::HardBot;
pub(crate) use random::RandomBot;

use crate::engine::{Action, Side, View, rng};
use std::time::Duration;

/// A computer player for one side.
pub trait Bot: Send {
    /// Picks one of `legal` (never empty) from what its side can see.
    fn choose(&mut self, view: &View, legal: &[Action]) -> Action;
    /// What the bot weighed for its last choice, for the screen's hint (best first).
    fn explain(&self) -> Option<Explanation> {
        None
    }
    /// Iterations used for the last choice (0 for bots that do not search).
    fn last_iterations(&self) -> u64 {
        0
    }
}

/// A search bot's account of its last decision.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Explanation {
    pub candidates: Vec<Candidate>,
    pub iterations: u64,
    pub depth: u32,
}

impl Explanation {
    /// What of this account the bot's side may show, judged on `after`, its view once the
    /// decision is taken: nothing if the choice itself is still secret (a headline before the
    /// reveal, a term of a bundle being drafted), else the candidates `View::may_show` allows.
    pub fn shown(&self, after: &View) -> Option<Explanation> {
        let best = self.candidates.first()?;
        if !after.may_show(best.action) {
            return None;
        }
        let candidates = self
            .candidates
            .iter()
            .filter(|c| after.may_show(c.action))
            .cloned()
            .collect();
        Some(Explanation {
            candidates,
            ..*self
        })
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Candidate {
    pub action: Action,
    pub visits: u64,
    pub value: f64,
}

/// Which bot to build, and with what budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BotKind {
    Random,
    Greedy,
    Hard,
}

impl BotKind {
    /// Every bot, weakest first: the one list the screen's menus offer.
    pub const ALL: [BotKind; 3] = [BotKind::Random, BotKind::Greedy, BotKind::Hard];

    /// The bot's name on screen, on the command line and in records.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Indexed by the enum's order.
    pub const NAMES: &'static [&'static str] = &["random", "greedy", "hard"];

    pub(crate) fn parse(name: &str) -> Option<BotKind> {
        match name {
            "random" => Some(BotKind::Random),
            "greedy" => Some(BotKind::Greedy),
            "hard" => Some(BotKind::Hard),
            _ => None,
        }
    }
}

/// How much a search bot may think.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    Time(Duration),
    Iterations(u64),
}

impl Budget {
    /// The default per-decision budget of the hard bot.
    pub(crate) const DEFAULT: Budget = Budget::Time(Duration::from_millis(150));
}

/// Builds a bot for `side`, drawing its randomness from the game seed's bot stream.
pub fn build(kind: BotKind, side: Side, seed: u64, budget: Budget) -> Box<dyn Bot> {
    let rng = rng::bot_stream(seed, side);
    match kind {
        BotKind::Random => Box::new(RandomBot::new(rng)),
        BotKind::Greedy => Box::new(GreedyBot::new(rng)),
        BotKind::Hard => Box::new(HardBot::new(rng, budget)),
    }
}
