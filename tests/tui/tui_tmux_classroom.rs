//! End-to-end in tmux: the negotiation drill's timeout, resuming the autosave, and the replay
//! viewer of the real binary. The game saves into the test's temporary folder.

use crate::tui_tmux_support::{Tmux, bin};
use std::process::Command;

/// Presses Enter until every one of `texts` shows, one screen change at a time.
fn enter_until(t: &Tmux, texts: &[&str]) {
    let all = |s: &str| texts.iter().all(|x| s.contains(x));
    for _ in 0..20 {
        let s = t.screen();
        if all(&s) {
            return;
        }
        t.keys(&["Enter"]);
        t.wait("the screen to change", 5, |now| now != s);
    }
    t.wait("the screen", 5, all);
}

/// Hot-seat with a one-second drill: Washington sends an offer and Seoul never answers.
#[test]
fn an_unanswered_offer_times_out_under_the_drill() {
    let cmd = format!("{} play --seed 4 --drill 1", bin());
    let Some(t) = Tmux::start("drill", 120, 40, &cmd) else {
        return;
    };
    t.wait_for("Pass to Washington", 10);
    enter_until(&t, &["Actions: Washington", "Washington's hand"]);
    for _ in 0..12 {
        t.keys(&["Down"]);
    }
    t.wait_for("» Open a deal", 5);
    t.keys(&["Enter"]);
    t.wait_for("Deal editor", 5);
    t.keys(&["Enter"]);
    t.wait_for("s send", 5);
    t.keys(&["s"]);
    // The countdown starts only when Seoul takes the keyboard and sees the offer.
    t.wait_for("Pass to Seoul", 5);
    t.keys(&["Enter"]);
    t.wait_for("did not answer in time", 10);
    t.keys(&["C-c"]);
    t.assert_clean_exit();
    // The autosave holds the timed-out answer, and resumes.
    let saves: Vec<_> = std::fs::read_dir(t.save_dir())
        .expect("the save folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(saves.len(), 1, "{saves:?}");
    let text = std::fs::read_to_string(&saves[0]).expect("the save");
    assert!(text.contains("\"timed_out\": true") || text.contains("\"timed_out\":true"));
    let cmd = format!("{} play --resume '{}'", bin(), saves[0].display());
    let Some(again) = Tmux::start("resume", 120, 40, &cmd) else {
        return;
    };
    again.wait_for("Resumed", 10);
    again.wait_for("rejects the deal", 5);
    again.keys(&["C-c"]);
    again.assert_clean_exit();
}

#[test]
fn replay_steps_through_a_recorded_game() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("bots.json");
    let made = Command::new(bin())
        .args(["record", "--seed", "3", "--out"])
        .arg(&file)
        .output()
        .expect("alliance record runs");
    assert!(made.status.success(), "{made:?}");
    let cmd = format!("{} replay '{}'", bin(), file.display());
    let Some(t) = Tmux::start("replay", 80, 24, &cmd) else {
        return;
    };
    t.wait_for("Step 0/", 10);
    t.wait_for("→l next", 5);
    t.keys(&["Right", "l"]);
    t.wait_for("Step 2/", 5);
    t.keys(&["j"]);
    t.wait_for("round 2/", 5);
    t.keys(&["End"]);
    let s = t.wait("the last step", 5, |s| {
        s.lines().any(|l| {
            let Some(rest) = l.split("Step ").nth(1) else {
                return false;
            };
            let nums: Vec<&str> = rest.split(|c: char| !c.is_ascii_digit()).collect();
            nums.len() > 1 && !nums[0].is_empty() && nums[0] == nums[1]
        })
    });
    assert!(s.contains("Step "), "{s}");
    t.keys(&["q"]);
    t.assert_clean_exit();
}

#[test]
fn replay_of_a_broken_record_is_refused_with_the_terminal_restored() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("broken.json");
    std::fs::write(&file, "{ half a save").expect("write");
    let cmd = format!("{} replay '{}'", bin(), file.display());
    let Some(t) = Tmux::start("replaybad", 80, 24, &cmd) else {
        return;
    };
    let s = t.wait_for("TTY=", 10);
    // The message itself is checked in `tui_replay` (tmux drops a pane's first printed line).
    assert!(s.contains("EXIT=1 TTY=cooked"), "{s}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("kept"),
        "{ half a save"
    );
}
