//! Random-vs-random playouts on the shipped data: the engine's raw speed.
//! `cargo bench --bench playout`. Targets (one core): 50,000 games per second, 250 ns per action.
//! `sim_games` plays exactly the games of `alliance sim --washington random --seoul random
//! --seed 1`, with the bare engine loop, so the simulator's own cost is the difference.

use rand::RngExt;
use std::sync::Arc;
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::{Content, Game, Side, rng};

fn content() -> Arc<Content> {
    Arc::new(Data::embedded().build().expect("shipped data loads"))
}

/// Plays one uniformly random game; returns the number of decisions.
fn playout(content: &Arc<Content>, seed: u64) -> usize {
    let mut game = Game::new(content.clone(), seed);
    let mut chooser = rng::stream(seed, 7);
    let (mut legal, mut events) = (Vec::with_capacity(64), Vec::with_capacity(64));
    while !game.is_over() {
        game.legal_actions_into(&mut legal);
        let a = legal[chooser.random_range(0..legal.len())];
        events.clear();
        let _ = game.apply_into(a, &mut events);
    }
    game.record().len()
}

/// Game `index` of `alliance sim --seed 1` between two random bots, played on the bare engine:
/// each side draws from its own bot stream as the random bot does. Returns the decisions.
fn sim_game(content: &Arc<Content>, index: u64) -> usize {
    let seed = rng::game_seed(1, index);
    let mut game = Game::new(content.clone(), seed);
    let mut choosers = Side::BOTH.map(|s| rng::bot_stream(seed, s));
    let (mut legal, mut events) = (Vec::with_capacity(64), Vec::with_capacity(64));
    while let Some(side) = game.to_move() {
        game.legal_actions_into(&mut legal);
        let chooser = &mut choosers[side.index()];
        let a = legal[chooser.random_range(0..legal.len())];
        events.clear();
        let _ = game.apply_into(a, &mut events);
    }
    game.record().len()
}

fn main() {
    let c = content();
    let games = 2000u64;
    let actions: usize = (0..games).map(|s| playout(&c, s)).sum();
    println!(
        "random playouts: {:.1} decisions per game (mean of {games} seeds)",
        actions as f64 / games as f64
    );
    divan::main();
}

/// One whole random game (seeds cycle over 0..2000, the same games as the mean above).
#[divan::bench]
fn random_game(bencher: divan::Bencher) {
    let c = content();
    let mut seed = 0u64;
    bencher.bench_local(|| {
        seed = (seed + 1) % 2000;
        divan::black_box(playout(&c, seed))
    });
}

/// The same 2000 games back to back: divide by 2000 for the mean time per game.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn two_thousand_games(bencher: divan::Bencher) {
    let c = content();
    bencher.bench_local(|| (0..2000u64).map(|s| playout(&c, s)).sum::<usize>());
}

/// The simulator's first 200,000 random games (`alliance sim --games 200000 --seed 1`), once:
/// divide by 200,000 for the engine's time per game in the simulator's own games.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn sim_games(bencher: divan::Bencher) {
    let c = content();
    bencher.bench_local(|| (0..200_000u64).map(|i| sim_game(&c, i)).sum::<usize>());
}
