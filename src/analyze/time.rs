//! How long a game takes at the table: the decisions the bots' games asked of each player,
//! priced by a stated model of a newcomer's pace. A class period is about 45 minutes, so this
//! is the figure a scenario meant for a classroom is cut to fit.
//!
//! The model prices what a person does, not what the engine counts: a top-level decision (a
//! headline, a card played for event or ops, opening a deal, a pass) means reading the hand and
//! the board and weighing the options; a deal step (adding a term, sending, answering,
//! countering) is one smaller choice inside a negotiation; a hand-off is the seat or the screen
//! changing hands; a summit is read aloud (shock, scores, pressures). Its constants were set so
//! that the first rules' classroom scenario, played by the greedy bots, comes out at 60-80
//! minutes, the time that newcomers took to play it (see `docs/BALANCE.md`).

use super::figures::Totals;
use serde::Serialize;

/// Seconds a newcomer spends on each thing a game asks of the table.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TimeModel {
    /// Per top-level decision of either player.
    pub top_decision: f64,
    /// Per deal step of either player.
    pub deal_step: f64,
    /// Per change of the player to move.
    pub handoff: f64,
    /// Per summit held.
    pub summit: f64,
    /// Sitting down, choosing sides, the first look at the board.
    pub setup: f64,
}

impl TimeModel {
    /// A student's pace in a first game.
    pub const NEWCOMER: TimeModel = TimeModel {
        top_decision: 60.0,
        deal_step: 20.0,
        handoff: 10.0,
        summit: 90.0,
        setup: 180.0,
    };
}

/// The time a game takes under [`TimeModel::NEWCOMER`], with the counts it was priced from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableTime {
    pub model: TimeModel,
    /// Mean per game, for Washington and Seoul.
    pub top_decisions: [f64; 2],
    pub deal_steps: [f64; 2],
    pub handoffs: f64,
    pub summits: f64,
    /// The estimate for one game, in minutes.
    pub minutes: f64,
}

/// Prices the mean game of `t`.
pub(crate) fn table_time(t: &Totals) -> TableTime {
    let m = TimeModel::NEWCOMER;
    let top_decisions = [0, 1].map(|i| t.decisions[i].mean());
    let deal_steps = [0, 1].map(|i| t.deal_decisions[i].mean());
    let handoffs = t.handoffs.mean();
    let summits = t.summits as f64 / t.games.max(1) as f64;
    let seconds = m.setup
        + m.top_decision * (top_decisions[0] + top_decisions[1])
        + m.deal_step * (deal_steps[0] + deal_steps[1])
        + m.handoff * handoffs
        + m.summit * summits;
    TableTime {
        model: m,
        top_decisions,
        deal_steps,
        handoffs,
        summits,
        minutes: seconds / 60.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Histogram;

    fn histogram(values: &[usize]) -> Histogram {
        let mut h = Histogram::default();
        for v in values {
            h.add(*v);
        }
        h
    }

    #[test]
    fn prices_every_count_by_the_model() {
        let t = Totals {
            games: 2,
            summits: 8,
            decisions: [histogram(&[10, 12]), histogram(&[8, 8])],
            deal_decisions: [histogram(&[3, 5]), histogram(&[0, 2])],
            handoffs: histogram(&[20, 22]),
            ..Totals::default()
        };
        let tt = table_time(&t);
        assert_eq!(tt.top_decisions, [11.0, 8.0]);
        assert_eq!(tt.deal_steps, [4.0, 1.0]);
        assert_eq!(tt.summits, 4.0);
        // 180 + 60 * 19 + 20 * 5 + 10 * 21 + 90 * 4 = 1990 seconds.
        assert!((tt.minutes - 1990.0 / 60.0).abs() < 1e-9, "{}", tt.minutes);
    }
}
