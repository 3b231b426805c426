//! Properties of saves and records over many seeded random games, with a game equality that
//! compares every field (the engine's `PartialEq` leaves out the content, the undo floor and the
//! pending rupture): a save written and read back is the same game, a record replays to the same
//! final state, and any prefix of a record resumes to the game the whole record reached there.
//! `PROPERTY_GAMES` sets the games per scenario (default 12).

use crate::classroom_support::{scenario, shipped};
use rand::RngExt;
use std::path::Path;
use symmetric_alliance::ai::{self, BotKind, Budget};
use symmetric_alliance::classroom::{GameRecord, Library, RecordCursor, Session};
use symmetric_alliance::engine::{Game, Side, rng};

const SCENARIOS: [Option<&str>; 4] = [
    None,
    Some("default"),
    Some("classroom"),
    Some("taiwan-strait"),
];

fn games() -> u64 {
    std::env::var("PROPERTY_GAMES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12)
}

/// Every field of a game, content included: `Game`'s `Debug` is derived, so it prints them all,
/// and a field added later is compared without this test knowing of it.
fn full_state(game: &Game) -> String {
    format!("{game:?}")
}

#[track_caller]
fn assert_same_game(a: &Game, b: &Game, what: &str) {
    let (x, y) = (full_state(a), full_state(b));
    if x != y {
        let at = x.bytes().zip(y.bytes()).take_while(|(p, q)| p == q).count();
        let from = at.saturating_sub(120);
        panic!(
            "{what}: the games differ at byte {at}:\n  {}\n  {}",
            &x[from..(at + 80).min(x.len())],
            &y[from..(at + 80).min(y.len())]
        );
    }
    assert!(a == b, "{what}: full states agree but PartialEq does not");
}

/// A random bot game in an autosaving session that undoes now and then; returns the session and
/// the live game after each recorded decision (index 0 is setup).
fn played(lib: &Library, name: Option<&str>, seed: u64, dir: &Path) -> (Session, Vec<Game>) {
    let (session, states, _) = played_counting_undos(lib, name, seed, dir);
    (session, states)
}

fn played_counting_undos(
    lib: &Library,
    name: Option<&str>,
    seed: u64,
    dir: &Path,
) -> (Session, Vec<Game>, usize) {
    let content = match name {
        Some(n) => scenario(lib, n),
        None => lib.base().clone(),
    };
    let (session, _) = Session::new(content, seed, ["random".into(), "random".into()]);
    let mut session = session.autosave_in(dir);
    let mut bots = Side::BOTH.map(|s| ai::build(BotKind::Random, s, seed, Budget::Iterations(20)));
    let mut chooser = rng::stream(seed, 41);
    let mut states = vec![session.game().clone()];
    let mut undos = 0;
    while let Some(side) = session.game().to_move() {
        if chooser.random_bool(0.05) && session.undo(side) {
            undos += 1;
            states.truncate(session.record().steps.len() + 1);
            assert_same_game(
                &states[states.len() - 1],
                session.game(),
                "undo returns to the earlier state",
            );
            continue;
        }
        let legal = session.game().legal_actions();
        let action = bots[side.index()].choose(&session.game().view(side), &legal);
        session.apply(action).expect("a legal action applies");
        states.push(session.game().clone());
    }
    (session, states, undos)
}

#[test]
fn a_save_read_back_is_the_same_game() {
    let lib = shipped();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut undos = 0;
    for (i, name) in SCENARIOS.iter().enumerate() {
        for seed in 0..games() {
            let (session, states, n) =
                played_counting_undos(&lib, *name, seed * 7 + i as u64, dir.path());
            undos += n;
            let path = session.save_path().expect("autosaving");
            let resumed = Session::resume(&lib, path).expect("the save resumes");
            assert_eq!(resumed.record(), session.record());
            assert_same_game(resumed.game(), session.game(), "the saved game");
            assert_same_game(resumed.game(), &states[states.len() - 1], "the live game");
        }
    }
    assert!(
        undos > 0,
        "no game took an action back, so saves after undo went untested"
    );
}

#[test]
fn a_record_replays_to_the_same_final_state() {
    let lib = shipped();
    let dir = tempfile::tempdir().expect("temp dir");
    for (i, name) in SCENARIOS.iter().enumerate() {
        for seed in 0..games() {
            let (session, _) = played(&lib, *name, seed * 11 + i as u64, dir.path());
            let path = Path::new("r.json");
            let json = session.record().to_json();
            let record = GameRecord::parse(path, json.as_bytes()).expect("parses");
            let content = session.game().content().clone();
            let timeline = record.replay(path, content.clone()).expect("replays");
            assert_same_game(&timeline.game, session.game(), "the replayed record");
            let engine = Game::replay(content, record.seed, &record.actions()).expect("replays");
            assert_same_game(&engine, session.game(), "the engine's replay");
        }
    }
}

/// Cut the record at random points (and at both ends): resuming the cut file gives the game the
/// live session had there, and the replay viewer's state at that point.
#[test]
fn any_prefix_of_a_record_resumes_to_the_game_at_that_point() {
    let lib = shipped();
    let dir = tempfile::tempdir().expect("temp dir");
    for (i, name) in SCENARIOS.iter().enumerate() {
        for seed in 0..games() {
            let seed = seed * 13 + i as u64;
            let (session, states) = played(&lib, *name, seed, dir.path());
            let record = session.record().clone();
            let content = session.game().content().clone();
            let path = dir.path().join("cut.json");
            let cursor = RecordCursor::new(&path, &record, content).expect("replays");
            let mut chooser = rng::stream(seed, 43);
            let n = record.steps.len();
            let cuts = [0, n]
                .into_iter()
                .chain((0..6).map(|_| chooser.random_range(0..=n)));
            for k in cuts {
                let mut cut = record.clone();
                cut.steps.truncate(k);
                std::fs::write(&path, cut.to_json()).expect("write");
                let resumed = Session::resume(&lib, &path).expect("a prefix resumes");
                let what = format!("{name:?} seed {seed}, first {k} of {n} decisions");
                assert_same_game(resumed.game(), &states[k], &what);
                assert_same_game(resumed.game(), cursor.game_at(k), &what);
            }
        }
    }
}
