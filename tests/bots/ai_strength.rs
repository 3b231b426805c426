//! The strength ladder, a smaller version of the full check in docs/BALANCE.md: with seats
//! swapped and fixed iteration budgets, hard beats random and greedy, and greedy beats random.
//! Every game is seeded, so the result is the same on every run (no flakiness), and the sizes
//! keep a debug build under three minutes on two cores.

use crate::common;

use symmetric_alliance::ai::{BotKind, Budget};
use symmetric_alliance::sim::{self, SimConfig};

/// The first bot's share of the decisive games (won by one bot or the other), with each seed
/// played in both seatings. Rules v2 measures strength this way: since the v2 shocks hit both
/// sides, a game against a random partner can end in a rupture from outside that no one wins,
/// and counting those as losses would measure the partner, not the bot.
fn win_rate(bots: [BotKind; 2], seeds: u64, iterations: u64) -> f64 {
    let cfg = SimConfig {
        games: seeds,
        seed: 2026,
        bots,
        budget: Budget::Iterations(iterations),
        second_budget: None,
        threads: 2,
        swap: true,
        progress: false,
    };
    let report = sim::run(&common::shipped(), &cfg);
    println!("{}", report.to_text());
    let [first, second] = [report.bots[0].wins, report.bots[1].wins];
    // Most games must be decisive, or the share would rest on a handful of them.
    assert!(
        first + second >= seeds * 2 * 3 / 4,
        "only {} of {} games were decisive",
        first + second,
        seeds * 2
    );
    100.0 * first as f64 / (first + second).max(1) as f64
}

#[test]
fn greedy_beats_random() {
    let rate = win_rate([BotKind::Greedy, BotKind::Random], 60, 1);
    assert!(rate >= 85.0, "greedy won {rate:.1}% against random");
}

#[test]
fn hard_beats_random() {
    let rate = win_rate([BotKind::Hard, BotKind::Random], 10, 500);
    assert!(rate >= 90.0, "hard won {rate:.1}% against random");
}

#[test]
fn hard_beats_greedy() {
    let rate = win_rate([BotKind::Hard, BotKind::Greedy], 20, 500);
    assert!(rate >= 70.0, "hard won {rate:.1}% against greedy");
}
