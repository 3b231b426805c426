//! The strength ladder, a smaller version of the full check in docs/BALANCE.md: with seats
//! swapped and fixed iteration budgets, hard beats random and greedy, and greedy beats random.
//! Every game is seeded, so the result is the same on every run (no flakiness), and the sizes
//! keep a debug build under three minutes on two cores.

use crate::common;

use symmetric_alliance::ai::{BotKind, Budget};
use symmetric_alliance::sim::{self, SimConfig};

/// The first bot's share of all games, with each seed played in both seatings.
fn win_rate(bots: [BotKind; 2], seeds: u64, iterations: u64) -> f64 {
    let cfg = SimConfig {
        games: seeds,
        seed: 2026,
        bots,
        budget: Budget::Iterations(iterations),
        threads: 2,
        swap: true,
        progress: false,
    };
    let report = sim::run(&common::shipped(), &cfg);
    println!("{}", report.to_text());
    report.bots[0].win_rate
}

#[test]
fn greedy_beats_random() {
    let rate = win_rate([BotKind::Greedy, BotKind::Random], 60, 1);
    assert!(rate >= 70.0, "greedy won {rate:.1}% against random");
}

#[test]
fn hard_beats_random() {
    let rate = win_rate([BotKind::Hard, BotKind::Random], 10, 500);
    assert!(rate >= 90.0, "hard won {rate:.1}% against random");
}

#[test]
fn hard_beats_greedy() {
    let rate = win_rate([BotKind::Hard, BotKind::Greedy], 20, 500);
    assert!(rate >= 60.0, "hard won {rate:.1}% against greedy");
}
