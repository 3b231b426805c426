//! Random-vs-random playouts on the shipped data: the engine's raw speed.
//! `cargo bench --bench playout`. Targets (one core): 40,000 games per second, 250 ns per action.

use rand::RngExt;
use std::sync::Arc;
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::{Content, Game, rng};

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
