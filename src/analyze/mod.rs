//! `alliance analyze`: a design-health report for anyone who edits the rules or the decks. It
//! watches the simulator's games (the same seeds as `alliance sim`) and reads every figure from
//! their events and outcomes, never from the bots: who wins and how, the game's shape (lead
//! changes, drama, margins, stagnant summits, whether the priority and the symmetry bonus
//! matter), the play mix, the deals, each card and shock, and the cards no one should choose.
//!
//! Everything is counted in integers and histograms, so the figures are the same for any thread
//! count and memory does not grow with the number of games. Nothing here prints; the command
//! line does.

mod cards;
mod contents;
mod doc;
mod dominated;
mod figures;
mod game;
mod report;
mod summary;
mod time;
mod tracks;

pub use cards::{CardCounts, CardRow, Deck, Rate, ShockCounts, ShockRow};

pub use contents::DeckFigures;
pub(crate) use dominated::dominated;
pub use figures::{Histogram, PlayMix, Totals};
pub use game::{DealSteps, GameTally, Play, PlayKind, RuptureCause, SummitLine, leader};
pub use summary::{
    Analysis, BotFigures, DealFigures, PlayMixFigures, RunInfo, Ruptures, Shape, SideFigures,
    summarise,
};
pub use time::{TableTime, TimeModel};
pub use tracks::{AimRow, MeterRow, TrackTotals};

use crate::ai::BotKind;
use crate::engine::{Action, Content, Event, Game, Side};
use crate::sim::{self, Observer, SimConfig};
use std::sync::Arc;

/// The simulator's observer: one game's tally at a time, folded into the totals as it ends.
#[derive(Default)]
pub(crate) struct Analyzer {
    tally: Option<GameTally>,
    pub totals: Totals,
}

impl Observer for Analyzer {
    fn begin(&mut self, game: &Game, events: &[Event], _swapped: bool) {
        let content = game.content();
        let tally = self.tally.get_or_insert_with(|| GameTally::new(content));
        tally.restart(content);
        tally.events(content, events);
    }
    fn step(&mut self, game: &Game, side: Side, action: Action, events: &[Event]) {
        if let Some(tally) = &mut self.tally {
            tally.decision(side, action);
            tally.events(game.content(), events);
        }
    }
    fn finish(&mut self, game: &Game, swapped: bool) {
        if let (Some(tally), Some(outcome)) = (&mut self.tally, game.outcome()) {
            tally.hands_at_end(game.content(), Side::BOTH.map(|s| game.hand(s)));
            self.totals.add(game.content(), tally, outcome, swapped);
            self.totals
                .add_final_levels(game.content(), &game.board().meters, outcome);
        }
    }
    fn merge(&mut self, other: Self) {
        self.totals.merge(&other.totals);
    }
}

/// Plays the games of `cfg` and analyses them; `scenario` names the scenario for the heading.
pub fn run(content: &Arc<Content>, cfg: &SimConfig, scenario: Option<String>) -> Analysis {
    let (analyzer, elapsed) = sim::observe::<Analyzer>(content, cfg);
    let name = |b: BotKind| BotKind::NAMES[b as usize].to_string();
    let info = RunInfo {
        games: cfg.games,
        seed: cfg.seed,
        washington_bot: name(cfg.bots[0]),
        seoul_bot: name(cfg.bots[1]),
        swap: cfg.swap,
        threads: cfg.threads.max(1),
        iterations: match cfg.budget {
            crate::ai::Budget::Iterations(k) => Some(k),
            crate::ai::Budget::Time(_) => None,
        },
        scenario,
        lens: content.rules.lens,
        seconds: elapsed.as_secs_f64(),
    };
    summarise(content, &analyzer.totals, info)
}
