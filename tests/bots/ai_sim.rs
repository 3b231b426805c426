//! The simulator: results depend on the master seed only, never on the thread count.

use crate::common;

use symmetric_alliance::ai::{BotKind, Budget};
use symmetric_alliance::sim::{self, SimConfig};

fn run(threads: usize, swap: bool) -> serde_json::Value {
    let cfg = SimConfig {
        games: 24,
        seed: 9,
        bots: [BotKind::Greedy, BotKind::Random],
        budget: Budget::Iterations(16),
        second_budget: None,
        threads,
        swap,
        progress: false,
    };
    let mut v = serde_json::to_value(sim::run(&common::shipped(), &cfg)).expect("json");
    // Timings and the thread count are the only fields allowed to differ.
    for key in ["seconds", "games_per_second", "decision_time", "threads"] {
        v.as_object_mut().expect("an object").remove(key);
    }
    v
}

#[test]
fn results_are_the_same_for_any_thread_count() {
    assert_eq!(run(1, false), run(3, false));
    assert_eq!(run(1, true), run(2, true));
}

#[test]
fn swapped_runs_count_both_seatings() {
    let v = run(2, true);
    assert_eq!(v["games"], 48);
    let wins = |i: usize| v["bots"][i]["wins"].as_u64().expect("wins");
    let seats = v["washington_wins"].as_u64().expect("w") + v["seoul_wins"].as_u64().expect("s");
    assert_eq!(wins(0) + wins(1), seats);
}
