//! Shared helpers for the scenario tests: load a fixture folder, play random games.
#![allow(dead_code)]

use rand::RngExt;
use std::path::PathBuf;
use std::sync::Arc;
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::{Content, Game, rng};

pub fn fixture_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Loads a fixture folder (`rules/` and `decks/`), panicking with every error if it is bad.
pub fn fixture(name: &str) -> Arc<Content> {
    let data = Data::from_dir(&fixture_dir(name)).unwrap_or_else(|e| panic!("{e}"));
    Arc::new(data.build().unwrap_or_else(|e| panic!("{e}")))
}

pub fn shipped() -> Arc<Content> {
    Arc::new(Data::embedded().build().unwrap_or_else(|e| panic!("{e}")))
}

/// Plays uniformly random legal actions to the end.
pub fn random_game(content: Arc<Content>, seed: u64) -> Game {
    let mut game = Game::new(content, seed);
    let mut chooser = rng::stream(seed, 99);
    let mut legal = Vec::new();
    let mut events = Vec::new();
    while !game.is_over() {
        game.legal_actions_into(&mut legal);
        let a = legal[chooser.random_range(0..legal.len())];
        events.clear();
        game.apply_into(a, &mut events)
            .expect("a legal action applies");
    }
    game
}

/// Makes a named pipe: the file a hostile or unlucky user leaves where a data file or save goes.
#[cfg(unix)]
pub fn make_fifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}
