//! Driving the real binary in tmux: each test runs its own tmux server (`-L`, no config) so it
//! never touches anyone's sessions, and kills only that server. The game saves into a temporary
//! folder. Without tmux the tests print why and skip.
#![allow(dead_code)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    server: String,
    /// The save folder the game under test writes to, so nothing lands in the home folder.
    saves: tempfile::TempDir,
    /// The server's socket file, removed at the end (a killed server can leave it behind).
    socket: Option<String>,
}

impl Tmux {
    /// Where the game under test saves.
    pub fn save_dir(&self) -> &std::path::Path {
        self.saves.path()
    }

    /// Starts `cmd` in a new server's only pane, at `w`×`h`, keeping the pane after it exits.
    pub fn start(name: &str, w: u16, h: u16, cmd: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            println!("SKIPPED: tmux is not installed, so the end-to-end screen test cannot run.");
            return None;
        }
        let server = format!("alliance-{name}-{}", std::process::id());
        let saves = tempfile::tempdir().expect("a temporary save folder");
        let mut t = Tmux {
            server,
            saves,
            socket: None,
        };
        let (w, h) = (w.to_string(), h.to_string());
        t.run(&[
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            ";",
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
        ]);
        // A wrapper shell reports the exit code and whether the tty is back in cooked mode.
        // (tmux loses the first line a respawned pane prints, so a blank line goes first.)
        let dir = t.saves.path().display().to_string();
        let wrapped = format!(
            "ALLIANCE_SAVE_DIR='{dir}' XDG_DATA_HOME='{dir}' {cmd}; code=$?; if stty -a | grep -q -- '-icanon'; then t=raw; else t=cooked; fi; \
             echo; echo \"EXIT=$code TTY=$t\""
        );
        t.run(&["respawn-pane", "-k", "sh", "-c", &wrapped]);
        t.socket = Some(t.format("#{socket_path}")).filter(|p| !p.is_empty());
        Some(t)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.server, "-f", "/dev/null"]).args(args);
        c.output().expect("tmux runs")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned()
    }

    pub fn screen_escaped(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e"]).stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", k]);
        }
    }

    pub fn format(&self, f: &str) -> String {
        let out = self.run(&["display-message", "-p", f]).stdout;
        String::from_utf8_lossy(&out).trim().to_string()
    }

    /// Polls the screen until `pred` holds, or fails the test at the deadline with the screen.
    pub fn wait(&self, what: &str, secs: u64, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "waited {secs}s for {what}; the screen was:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, text: &str, secs: u64) -> String {
        self.wait(text, secs, |s| s.contains(text))
    }

    /// Waits for the wrapper to report, then checks the exit code and the restored terminal.
    pub fn assert_clean_exit(&self) {
        let s = self.wait_for("TTY=", 10);
        assert!(s.contains("EXIT=0"), "the game did not exit cleanly:\n{s}");
        assert!(s.contains("TTY=cooked"), "raw mode was left on:\n{s}");
        let flags = self
            .format("#{alternate_on} #{mouse_any_flag} #{mouse_standard_flag} #{mouse_sgr_flag}");
        assert_eq!(
            flags, "0 0 0 0",
            "alternate screen or mouse capture left on"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
        if let Some(socket) = &self.socket {
            let _ = std::fs::remove_file(socket);
        }
    }
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_alliance")
}
