//! Shared helpers for the classroom tests: the frozen fixture data, its library, and bot games.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;
use symmetric_alliance::ai;
use symmetric_alliance::classroom::{Library, Session};
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::{Content, Side};

pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/classroom")
}

/// The frozen copy of the rules and decks, with its test scenario.
pub fn library() -> Library {
    let dir = fixture_dir();
    let data = Data::from_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let base = Arc::new(data.build().unwrap_or_else(|e| panic!("{e}")));
    Library::new(base, Some(&dir)).unwrap_or_else(|e| panic!("{e}"))
}

/// The shipped data and scenarios.
pub fn shipped() -> Library {
    let base = Arc::new(Data::embedded().build().unwrap_or_else(|e| panic!("{e}")));
    Library::new(base, None).unwrap_or_else(|e| panic!("{e}"))
}

pub fn scenario(lib: &Library, name: &str) -> Arc<Content> {
    lib.content(Some(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// Plays random bots until the game ends or `stop` decisions are recorded.
pub fn play_bots(session: &mut Session, stop: usize) {
    let seed = session.record().seed;
    let budget = ai::Budget::Iterations(50);
    let mut bots = Side::BOTH.map(|s| ai::build(ai::BotKind::Random, s, seed, budget));
    while let Some(side) = session.game().to_move() {
        if session.record().steps.len() >= stop {
            break;
        }
        let legal = session.game().legal_actions();
        let action = bots[side.index()].choose(&session.game().view(side), &legal);
        session.apply(action).expect("a legal action applies");
    }
}

/// A finished bot game of a content, without autosave.
pub fn bot_game(content: Arc<Content>, seed: u64) -> Session {
    let (mut s, _) = Session::new(content, seed, ["random".into(), "random".into()]);
    play_bots(&mut s, usize::MAX);
    s
}
