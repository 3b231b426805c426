//! End-to-end: the real binary in tmux at 80×24 and 120×40. Each test runs its own tmux server
//! (`-L`, no config) so it never touches anyone's sessions, and kills only that server. Without
//! tmux the tests print why and skip.

use crate::tui_tmux_support::{Tmux, bin};

/// Plays a seeded hot-seat game by keys through round 1 into round 2, with help on the way.
fn hot_seat_round(w: u16, h: u16) {
    let cmd = format!("{} play --seed 7", bin());
    let Some(t) = Tmux::start(&format!("hot{w}"), w, h, &cmd) else {
        return;
    };
    t.wait_for("Pass to Washington", 10);
    t.keys(&["?"]);
    t.wait_for("The rules in one screen", 5);
    t.keys(&["Escape"]);
    t.wait("help to close", 5, |s| {
        !s.contains("The rules in one screen") && s.contains("Pass to Washington")
    });
    // Washington's secret headline, then the hand-off to Seoul.
    t.keys(&["Enter"]);
    t.wait_for("Washington's hand", 5);
    t.keys(&["Enter"]);
    t.wait_for("Headline «", 5);
    t.keys(&["Enter"]);
    t.wait_for("Pass to Seoul", 5);
    let (mut seen_actions, mut summit) = (false, false);
    // Enter takes the seat, opens a card's ways to play, and plays the first; repeat to round 2.
    for _ in 0..200 {
        let s = t.screen();
        if s.contains("Round 2/8") {
            break;
        }
        seen_actions |= s.contains("Actions:");
        summit |= s.contains("Summit of round 1:");
        t.keys(&["Enter"]);
        t.wait("the screen to change", 5, |now| now != s);
    }
    let s = t.wait_for("Round 2/8", 5);
    assert!(seen_actions, "no action phase seen");
    assert!(s.contains("Round 2/8"));
    // Round 2 began with the summit of round 1: its log line showed on the way, or scrolling
    // the log up finds it (new round 2 lines may have pushed it out of a small log panel).
    // The log scrolls once a player has the keyboard (a hand-off shows no log keys).
    if s.contains("Pass to") {
        t.keys(&["Enter"]);
        t.wait_for("'s hand", 5);
    }
    summit |= t.screen().contains("Summit of round 1:");
    for _ in 0..20 {
        if summit {
            break;
        }
        let before = t.screen();
        t.keys(&["PPage"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
        let now = t.screen();
        summit = now.contains("Summit of round 1:");
        if now == before {
            break;
        }
    }
    assert!(summit, "no summit of round 1 in the log:\n{}", t.screen());
    t.keys(&["q"]);
    t.wait_for("Quit anyway?", 5);
    t.keys(&["y"]);
    t.assert_clean_exit();
}

#[test]
fn hot_seat_round_at_80x24() {
    hot_seat_round(80, 24);
}

#[test]
fn hot_seat_round_at_120x40() {
    hot_seat_round(120, 40);
}

#[test]
fn watched_bot_game_reaches_the_end_screen() {
    let cmd = format!(
        "{} play --washington random --seoul random --seed 3 --pace-ms 0",
        bin()
    );
    let Some(t) = Tmux::start("watch", 120, 40, &cmd) else {
        return;
    };
    t.wait_for("Final scores", 120);
    t.keys(&["Enter"]);
    t.assert_clean_exit();
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let cmd = format!("env NO_COLOR=1 {}", bin());
    let Some(t) = Tmux::start("nocolor", 80, 24, &cmd) else {
        return;
    };
    t.wait_for("Card encyclopedia", 10);
    let s = t.screen_escaped();
    assert!(
        s.contains("\x1b[1;7m") || s.contains("\x1b[7m"),
        "no reverse video:\n{s}"
    );
    let colours = (30..38).chain(40..48).map(|c| format!("\x1b[{c}m"));
    let coloured = colours
        .chain(["\x1b[38;".into(), "\x1b[48;".into()])
        .any(|c| s.contains(&c));
    assert!(!coloured, "colour under NO_COLOR:\n{s}");
    t.keys(&["q"]);
    t.assert_clean_exit();
}

#[test]
fn too_small_then_resized() {
    let Some(t) = Tmux::start("small", 60, 20, bin()) else {
        return;
    };
    t.wait_for("Terminal too small", 10);
    t.run(&["resize-window", "-x", "100", "-y", "30"]);
    t.wait_for("Card encyclopedia", 10);
    t.keys(&["C-c"]);
    t.assert_clean_exit();
}

/// Solo against a bot at pace 0: the bot moves on its own thread while the person plays by keys;
/// the person opens a deal from the hand's last row and sends it, and the bot answers.
#[test]
fn solo_round_with_a_deal() {
    let cmd = format!("{} play --seoul random --seed 4 --pace-ms 0", bin());
    let Some(t) = Tmux::start("solo", 100, 30, &cmd) else {
        return;
    };
    t.wait_for("Washington's hand", 10);
    // The headline, then Washington's first action.
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Actions: Washington", 10);
    // The last row of the hand is "Open a deal"; End is not bound, so walk down to it.
    for _ in 0..12 {
        t.keys(&["Down"]);
    }
    t.wait_for("» Open a deal", 5);
    t.keys(&["Enter"]);
    t.wait_for("Deal editor", 5);
    // Add the first term on the list, then send.
    t.keys(&["Enter"]);
    t.wait_for("s send", 5);
    t.keys(&["s"]);
    t.wait("the bot's answer", 10, |s| {
        s.contains("accepts the deal") || s.contains("rejects the deal") || s.contains("An offer")
    });
    t.keys(&["q"]);
    t.wait_for("Quit anyway?", 5);
    t.keys(&["y"]);
    t.assert_clean_exit();
}

/// A panic gives the terminal back (raw mode, alternate screen and mouse capture all off) and its
/// message is readable.
#[test]
fn a_panic_restores_the_terminal() {
    let cmd = format!("ALLIANCE_TEST_PANIC=1 {}", bin());
    let Some(t) = Tmux::start("panic", 100, 30, &cmd) else {
        return;
    };
    t.wait_for("Card encyclopedia", 10);
    t.keys(&["!"]);
    let s = t.wait_for("TTY=", 10);
    assert!(s.contains("EXIT=101"), "a panic exits with 101:\n{s}");
    assert!(s.contains("TTY=cooked"), "raw mode was left on:\n{s}");
    assert!(
        s.contains("test panic requested"),
        "the panic message is on the screen:\n{s}"
    );
    let flags =
        t.format("#{alternate_on} #{mouse_any_flag} #{mouse_standard_flag} #{mouse_sgr_flag}");
    assert_eq!(
        flags, "0 0 0 0",
        "alternate screen or mouse capture left on"
    );
}
