//! Bot speed: IS-MCTS iterations per second mid-game on one and two threads, and greedy games
//! per second. Run with `cargo bench --bench ai`; throughput is shown as items per second.

use divan::{Bencher, counter::ItemsCount};
use std::sync::Arc;
use symmetric_alliance::ai::{self, Bot, BotKind, Budget, HardBot};
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::{Content, Game, OwnedView, Phase, Side, rng};

fn main() {
    divan::main();
}

fn content() -> Arc<Content> {
    Arc::new(Data::embedded().build().expect("the shipped data is valid"))
}

/// A position in round 4's action phase, reached by greedy play.
fn mid_game(content: &Arc<Content>) -> (OwnedView, Vec<symmetric_alliance::engine::Action>) {
    let mut game = Game::new(content.clone(), 4);
    let mut bots = Side::BOTH.map(|s| ai::build(BotKind::Greedy, s, 4, Budget::Iterations(1)));
    let mut legal = Vec::new();
    while game.board().round < 4 || matches!(game.phase(), Phase::Headline { .. }) {
        let side = game.to_move().expect("the game goes on");
        game.legal_actions_into(&mut legal);
        let action = bots[side.index()].choose(&game.view(side), &legal);
        game.apply(action).expect("legal");
    }
    let side = game.to_move().expect("to move");
    (game.view(side).snapshot(), game.legal_actions())
}

const ITERATIONS: u64 = 4000;

#[divan::bench(args = [1, 2], sample_count = 20)]
fn ismcts_mid_game(bencher: Bencher, threads: usize) {
    let content = content();
    let (view, legal) = mid_game(&content);
    let view = view.view();
    bencher
        .counter(ItemsCount::new(ITERATIONS))
        .bench_local(|| {
            let stream = rng::bot_stream(1, view.side);
            let mut bot = HardBot::with_threads(stream, Budget::Iterations(ITERATIONS), threads);
            bot.choose(&view, &legal)
        });
}

#[divan::bench(sample_count = 50)]
fn greedy_vs_greedy_game(bencher: Bencher) {
    let content = content();
    let mut seed = 0u64;
    bencher.counter(ItemsCount::new(1u32)).bench_local(|| {
        seed += 1;
        let mut game = Game::new(content.clone(), seed);
        let mut bots =
            Side::BOTH.map(|s| ai::build(BotKind::Greedy, s, seed, Budget::Iterations(1)));
        let mut legal = Vec::new();
        let mut events = Vec::new();
        while let Some(side) = game.to_move() {
            game.legal_actions_into(&mut legal);
            let action = bots[side.index()].choose(&game.view(side), &legal);
            events.clear();
            let _ = game.apply_into(action, &mut events);
        }
        game
    });
}
