//! End-to-end in tmux: SIGTERM, SIGINT and SIGHUP sent from outside (`kill -TERM PID`) to a
//! running game give the terminal back (cooked tty, main screen, no mouse capture), and the save
//! holds the last action, which resumes. Without tmux the tests print why and skip.

use crate::tui_tmux_support::{Tmux, bin};
use std::process::Command;

/// The pid of the game: the only child of the pane's wrapper shell.
fn game_pid(t: &Tmux) -> String {
    let shell = t.format("#{pane_pid}");
    let out = Command::new("ps")
        .args(["-o", "pid=", "--ppid", &shell])
        .output()
        .expect("ps runs");
    let pids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    assert_eq!(pids.len(), 1, "one game under the pane's shell: {pids:?}");
    pids[0].clone()
}

/// The only save in the test's folder.
fn the_save(t: &Tmux) -> std::path::PathBuf {
    let saves: Vec<_> = std::fs::read_dir(t.save_dir())
        .expect("the save folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(saves.len(), 1, "one save: {saves:?}");
    saves[0].clone()
}

/// From the start of a hot-seat game, plays Washington's headline and waits at Seoul's hand-off.
fn play_washingtons_headline(t: &Tmux) {
    t.wait_for("Pass to Washington", 10);
    t.keys(&["Enter"]);
    t.wait_for("Washington's hand", 5);
    t.keys(&["Enter"]);
    t.wait_for("Headline «", 5);
    t.keys(&["Enter"]);
    t.wait_for("Pass to Seoul", 5);
}

/// Plays Washington's headline in a hot-seat game, sends `signal` to the game, and checks the
/// terminal and the save; then resumes the save, which must be at Seoul's headline.
fn signal_restores_and_saves(signal: &str) {
    let cmd = format!("{} play --seed 7", bin());
    let Some(t) = Tmux::start(&format!("sig{signal}"), 100, 30, &cmd) else {
        return;
    };
    play_washingtons_headline(&t);
    let pid = game_pid(&t);
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill -{signal} {pid} failed");
    t.assert_clean_exit();
    let save = the_save(&t);
    let cmd = format!("{} play --resume '{}'", bin(), save.display());
    let Some(again) = Tmux::start(&format!("res{signal}"), 100, 30, &cmd) else {
        return;
    };
    let s = again.wait_for("Resumed", 10);
    assert!(
        s.contains("Pass to Seoul") && s.contains("W picked"),
        "the save lost Washington's headline:\n{s}"
    );
    again.keys(&["C-c"]);
    again.assert_clean_exit();
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_game() {
    signal_restores_and_saves("TERM");
}

#[test]
fn sigint_restores_the_terminal_and_keeps_the_game() {
    signal_restores_and_saves("INT");
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_game() {
    signal_restores_and_saves("HUP");
}

/// The terminal itself goes away (the tmux server is killed, as when an SSH link or a terminal
/// window dies): the game must notice and end, not spin on a closed tty. The game's input once
/// looped for ever on the dead terminal at full CPU; this failed before the fix.
#[test]
fn a_game_whose_terminal_dies_ends_and_keeps_its_save() {
    let cmd = format!("{} play --seed 7", bin());
    let Some(t) = Tmux::start("hangup", 100, 30, &cmd) else {
        return;
    };
    play_washingtons_headline(&t);
    let pid = game_pid(&t);
    t.run(&["kill-server"]);
    let alive = || std::path::Path::new(&format!("/proc/{pid}")).exists();
    let start = std::time::Instant::now();
    while alive() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    if alive() {
        // Leave no spinning game behind on the test machine.
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
        panic!("the game {pid} still ran 10 s after its terminal died");
    }
    // The headline played before the terminal died is in the save.
    let save = the_save(&t);
    let text = std::fs::read_to_string(&save).expect("the save");
    assert!(text.contains("headline"), "{text}");
}
