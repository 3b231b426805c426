//! The replay viewer: snapshots of a recorded game stepped by action, by round and to its ends,
//! and the refusal of a record made with other data.

use crate::tui_common::*;
use crossterm::event::KeyCode::{Char, Down, End, Home, Left, Right, Up};
use insta::assert_snapshot;
use std::path::Path;
use symmetric_alliance::classroom::{Library, RecordCursor, Session};
use symmetric_alliance::tui::app::Screen;
use symmetric_alliance::tui::replay::Replay;

/// A game on the frozen test data, the first legal action each time, saved at `path`.
fn record_game(path: &Path, decisions: usize) {
    let names = ["human".to_string(), "human".to_string()];
    let (s, _) = Session::new(content(), 11, names);
    let mut s = s.autosave_to(path.to_path_buf());
    for _ in 0..decisions {
        let Some(first) = s.game().legal_actions().first().copied() else {
            break;
        };
        s.apply(first).expect("a legal action");
    }
    assert_eq!(s.save_error(), None);
}

fn replay_app(path: &Path) -> symmetric_alliance::tui::app::App {
    let lib = Library::new(content(), None).expect("the scenarios load");
    let (record, data) = lib.open_record(path).expect("the record opens");
    let cursor = RecordCursor::new(path, &record, data).expect("the record replays");
    let mut a = app(false);
    a.has_menu = false;
    a.screen = Screen::Replay(Box::new(Replay::new(cursor, "game.json".into())));
    a
}

fn position(a: &symmetric_alliance::tui::app::App) -> usize {
    match &a.screen {
        Screen::Replay(r) => r.cursor.position(),
        _ => panic!("not in the replay viewer"),
    }
}

#[test]
fn steps_by_action_and_round_and_to_both_ends() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("game.json");
    record_game(&path, 40);
    let mut a = replay_app(&path);
    assert_snapshot!("replay_start_80x24", render(&mut a, 80, 24));
    keys(&mut a, &[Right, Right, Char('l')]);
    assert_eq!(position(&a), 3);
    assert_snapshot!("replay_step3_120x40", render(&mut a, 120, 40));
    press(&mut a, Left);
    assert_eq!(position(&a), 2);
    press(&mut a, Down);
    let next_round = position(&a);
    assert!(next_round > 2, "↓ went to the next round");
    assert!(render(&mut a, 80, 24).contains("round 2/"));
    press(&mut a, Up);
    assert!(position(&a) < next_round);
    press(&mut a, End);
    assert_eq!(position(&a), 40);
    assert!(render(&mut a, 80, 24).contains("Step 40/40"));
    press(&mut a, Home);
    assert_eq!(position(&a), 0);
    press(&mut a, Char('q'));
    assert!(a.quit);
}

#[test]
fn a_record_made_with_other_data_is_refused() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("game.json");
    record_game(&path, 5);
    // A fingerprint of other data, as a record made with an instructor's edited decks carries.
    let text = std::fs::read_to_string(&path).expect("the record");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    json["fingerprint"] = "00000000deadbeef".into();
    std::fs::write(&path, json.to_string()).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_alliance"))
        .arg("replay")
        .arg(&path)
        .env("ALLIANCE_SAVE_DIR", dir.path())
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("game.json"), "{err}");
    assert!(err.to_lowercase().contains("data"), "{err}");
}
