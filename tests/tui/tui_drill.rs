//! A fair drill clock, driven through the real key handler on a manual clock: it starts when the
//! receiver sees the offer, runs on while a counter is drafted, shows beside the priority at 80
//! columns, and is set from the menu for a hot-seat game.

use crate::tui_classroom::send_offer;
use crate::tui_common::*;
use crossterm::event::KeyCode::{Char, Enter, Left, Right};
use std::time::Duration;
use symmetric_alliance::classroom::ManualClock;
use symmetric_alliance::engine::{Action, Lens, Phase};
use symmetric_alliance::tui::app::App;
use symmetric_alliance::tui::mode::Mode;
use symmetric_alliance::tui::msg::Msg;

const TEN: Duration = Duration::from_secs(10);

fn drilled(seed: u64) -> (App, ManualClock) {
    let mut a = hot_seat(seed);
    let clock = ManualClock::new();
    session(&mut a).play.set_drill(TEN, Box::new(clock.clone()));
    (a, clock)
}

fn left(a: &mut App) -> Option<Duration> {
    session(a).play.drill_remaining()
}

#[test]
fn the_clock_starts_when_the_receiver_sees_the_offer() {
    let (mut a, clock) = drilled(7);
    send_offer(&mut a);
    assert_eq!(a.mode(), Mode::Handoff);
    // The hand-off screen takes as long as it takes: none of it is Seoul's answer time.
    clock.advance(Duration::from_secs(25));
    send(&mut a, Msg::Tick);
    assert_eq!(left(&mut a), Some(TEN));
    assert!(matches!(session(&mut a).game().phase(), Phase::Deal(d) if d.sent));
    press(&mut a, Enter);
    assert_eq!(a.mode(), Mode::Answer);
    clock.advance(Duration::from_secs(4));
    assert_eq!(left(&mut a), Some(Duration::from_secs(6)));
    // The answer time in the record counts from the moment Seoul saw the offer.
    press(&mut a, Char('r'));
    let step = session(&mut a).play.record().steps.last().cloned();
    let step = step.expect("the answer is recorded");
    assert_eq!((step.action, step.answer_ms), (Action::Reject, Some(4000)));
}

#[test]
fn drafting_a_counter_does_not_stop_the_clock() {
    let (mut a, clock) = drilled(7);
    send_offer(&mut a);
    press(&mut a, Enter);
    clock.advance(Duration::from_secs(3));
    press(&mut a, Char('c'));
    assert_eq!(a.mode(), Mode::Deal, "Seoul drafts a counter");
    clock.advance(Duration::from_secs(4));
    assert_eq!(left(&mut a), Some(Duration::from_secs(3)));
    let screen = render(&mut a, 80, 24);
    assert!(screen.contains("⏱ 3s left"), "{screen}");
    send(&mut a, Msg::Tick);
    assert_eq!(a.mode(), Mode::Deal, "time is not up yet");
    clock.advance(Duration::from_secs(3));
    assert!(send(&mut a, Msg::Tick), "the timeout changes the screen");
    let s = session(&mut a);
    assert!(
        !matches!(s.game().phase(), Phase::Deal(_)),
        "the counter still waits"
    );
    let step = s.play.record().steps.last().cloned().expect("a step");
    assert!(
        step.timed_out && step.action == Action::Withdraw,
        "{step:?}"
    );
    assert_eq!(left(&mut a), None, "no clock once the deal is over");
}

#[test]
fn the_clock_shows_beside_the_priority_at_80_columns() {
    for lens in [Lens::Relative, Lens::Absolute] {
        let mut content = (*content()).clone();
        content.rules.lens = lens;
        let mut a = app(false);
        a.has_menu = false;
        a.start_with(
            std::sync::Arc::new(content),
            7,
            [symmetric_alliance::cli::Player::Human; 2],
        );
        let clock = ManualClock::new();
        session(&mut a).play.set_drill(TEN, Box::new(clock.clone()));
        send_offer(&mut a);
        press(&mut a, Enter);
        let screen = render(&mut a, 80, 24);
        let top = screen.lines().next().unwrap_or_default();
        let priority = session(&mut a).game().board().priority;
        assert!(top.contains(&format!("{priority:?}")), "{lens:?}: {top}");
        assert!(top.contains("⏱"), "{lens:?}: {top}");
        assert!(!top.contains('…'), "{lens:?}: cut: {top}");
        if lens == Lens::Absolute {
            assert_snapshot_top(&screen);
            insta::assert_snapshot!("drill_answer_absolute_120x40", render(&mut a, 120, 40));
        }
    }
}

fn assert_snapshot_top(screen: &str) {
    insta::assert_snapshot!("drill_answer_absolute_80x24", screen);
}

#[test]
fn the_menu_sets_the_drill_of_a_hot_seat_game() {
    let mut a = app(false);
    let clock = ManualClock::new();
    a.drill_clock = Some(clock.clone());
    press(&mut a, Right);
    press(&mut a, Right);
    let menu = render(&mut a, 80, 24);
    assert!(menu.contains("◂ drill 60 s ▸"), "{menu}");
    insta::assert_snapshot!("menu_drill_80x24", menu);
    insta::assert_snapshot!("menu_drill_120x40", render(&mut a, 120, 40));
    press(&mut a, Left);
    press(&mut a, Left);
    press(&mut a, Left);
    assert!(render(&mut a, 80, 24).contains("◂ drill 90 s ▸"));
    press(&mut a, Left);
    press(&mut a, Enter);
    assert_eq!(session(&mut a).play.record().drill_seconds, Some(60));
    send_offer(&mut a);
    press(&mut a, Enter);
    clock.advance(Duration::from_secs(15));
    assert_eq!(left(&mut a), Some(Duration::from_secs(45)));
}

#[test]
fn a_resumed_hot_seat_offer_waits_to_be_seen() {
    use crossterm::event::KeyCode::Down;
    use symmetric_alliance::tui::app::Screen;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = saved_hot_seat(7, dir.path());
    session(&mut a)
        .play
        .set_drill(TEN, Box::new(ManualClock::new()));
    send_offer(&mut a);
    // The game is left at Seoul's hand-off, then loaded again from the menu.
    let mut b = with_library(app(false));
    b.save_dir = Some(dir.path().to_path_buf());
    keys(&mut b, &[Down, Down, Down, Down, Down, Enter]);
    assert!(
        matches!(b.screen, Screen::Load(_)),
        "not on the Load screen"
    );
    press(&mut b, Enter);
    assert_eq!(b.mode(), Mode::Handoff);
    // Not a moment of Seoul's time has gone by: the countdown has not started.
    assert_eq!(left(&mut b), Some(TEN));
    press(&mut b, Enter);
    assert_eq!(b.mode(), Mode::Answer);
}
