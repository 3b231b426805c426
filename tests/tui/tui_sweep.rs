//! Every screen at every size from 0×0 to 120×40: nothing may panic.

use crate::tui_common::*;
use crossterm::event::KeyCode::{Char, Down, Enter};
use symmetric_alliance::cli::Player;
use symmetric_alliance::engine::Action;
use symmetric_alliance::tui::app::App;
use symmetric_alliance::tui::mode::Mode;

/// Builds each screen afresh (some are reached by key presses from a fixed seed).
fn screens() -> Vec<(&'static str, App)> {
    let mut v = Vec::new();
    v.push(("menu", app(false)));
    let mut a = app(true);
    keys(&mut a, &[Down, Down, Down, Down, Down, Down, Down, Enter]);
    v.push(("cards", a));
    let mut a = app(false);
    keys(&mut a, &[Down, Down, Down, Down, Down, Down, Enter, Down]);
    v.push(("rules", a));
    let mut a = with_library(app(false));
    keys(&mut a, &[Down, Down, Down, Down, Enter]);
    v.push(("scenarios", a));
    let mut a = app(false);
    keys(&mut a, &[Down, Down, Down, Down, Down, Enter]);
    v.push(("load", a));
    v.push(("handoff", hot_seat(5)));
    let mut a = hot_seat(5);
    press(&mut a, Enter);
    v.push(("board", a));
    let mut a = hot_seat(5);
    keys(&mut a, &[Enter, Enter]);
    v.push(("chooser", a));
    let mut a = hot_seat(5);
    keys(&mut a, &[Enter, Char('?')]);
    v.push(("help", a));
    let mut a = hot_seat(5);
    keys(&mut a, &[Enter, Char('q')]);
    v.push(("confirm", a));
    let mut a = hot_seat(5);
    keys(&mut a, &[Enter, Enter, Enter, Enter, Enter, Enter, Enter]);
    session(&mut a).act(Action::OpenDeal);
    v.push(("deal", a));
    let mut a = app(false);
    a.start_game(9, [Player::Bot(symmetric_alliance::ai::BotKind::Random); 2]);
    v.push(("watch", a));
    let mut a = hot_seat(13);
    let s = session(&mut a);
    while !s.game().is_over() {
        let last = *s.game().legal_actions().last().expect("a legal action");
        s.act(last);
    }
    let replay = replay_of(&mut a);
    v.push(("end", a));
    v.push(("replay", replay));
    v
}

/// The replay viewer on the game `a` has played, a few rounds in.
fn replay_of(a: &mut App) -> App {
    use symmetric_alliance::classroom::RecordCursor;
    use symmetric_alliance::tui::{app::Screen, replay::Replay};
    let s = session(a);
    let (record, data) = (s.play.record().clone(), s.game().content().clone());
    let path = std::path::Path::new("sweep.json");
    let mut cursor = RecordCursor::new(path, &record, data).expect("the game replays");
    cursor.next_round();
    cursor.next_round();
    let mut r = app(false);
    r.screen = Screen::Replay(Box::new(Replay::new(cursor, "sweep.json".into())));
    r
}

/// What the keyboard talks to on each named screen: the sweep must reach the screen it names.
fn expected(name: &str) -> Mode {
    match name {
        "menu" => Mode::Menu,
        "cards" => Mode::Cards,
        "rules" => Mode::Rules,
        "scenarios" => Mode::Scenarios,
        "load" => Mode::Load,
        "handoff" => Mode::Handoff,
        "board" => Mode::Turn,
        "chooser" => Mode::Chooser,
        "help" => Mode::Help,
        "confirm" => Mode::ConfirmQuit,
        "deal" => Mode::Deal,
        "watch" => Mode::Watching,
        "end" => Mode::End,
        "replay" => Mode::Replay,
        other => panic!("no expected screen for {other}"),
    }
}

#[test]
fn every_screen_at_every_size() {
    for (name, mut a) in screens() {
        // At a usable size first: the keys above must have reached the screen named.
        draw(&mut a, 80, 24);
        assert_eq!(a.mode(), expected(name), "the sweep's {name} screen");
        let t0 = std::time::Instant::now();
        for w in 0..=120u16 {
            for h in 0..=40u16 {
                let r =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| draw(&mut a, w, h)));
                assert!(r.is_ok(), "screen {name} panicked at {w}×{h}");
            }
        }
        println!("{name}: {:?}", t0.elapsed());
    }
}
