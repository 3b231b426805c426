//! Driving `alliance serve` with the real `ssh` client: the server runs as a child process (so
//! a test can SIGKILL it) on a free loopback port with its own data folder, and each student is
//! an `ssh` in its own session of a private tmux server. Without tmux or ssh the tests skip.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const CODE: &str = "maple-12";

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_alliance")
}

/// Whether the tools are here; prints why the test skips when they are not.
pub fn tools_present() -> bool {
    for (tool, arg) in [("tmux", "-V"), ("ssh", "-V")] {
        if Command::new(tool).arg(arg).output().is_err() {
            println!("SKIPPED: {tool} is not installed, so the SSH end-to-end test cannot run.");
            return false;
        }
    }
    true
}

/// A port nobody listens on now (the kernel's pick, released for the server to take).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("its address").port()
}

/// The server under test.
pub struct Server {
    child: Option<Child>,
    pub dir: PathBuf,
    pub port: u16,
    log: PathBuf,
}

impl Server {
    /// Starts `alliance serve` on `port` with the class kept in `dir`, and waits for its banner.
    pub fn start(dir: &Path, port: u16, extra: &[&str]) -> Server {
        let log = dir.join(format!(
            "server-{}.log",
            Instant::now().elapsed().as_nanos()
        ));
        let out = std::fs::File::create(&log).expect("a log file");
        let listen = format!("127.0.0.1:{port}");
        let child = Command::new(bin())
            .args(["serve", "--listen", &listen, "--code", CODE])
            .args(extra)
            .env("ALLIANCE_SERVE_DIR", dir)
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("the log again"))
            .stderr(out)
            .spawn()
            .expect("the server starts");
        let s = Server {
            child: Some(child),
            dir: dir.to_path_buf(),
            port,
            log,
        };
        s.wait_log("Class code:", 20);
        s
    }

    pub fn log(&self) -> String {
        let mut text = String::new();
        if let Ok(mut f) = std::fs::File::open(&self.log) {
            let _ = f.read_to_string(&mut text);
        }
        text
    }

    pub fn wait_log(&self, text: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !self.log().contains(text) {
            assert!(
                Instant::now() < deadline,
                "the server never said {text:?}:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGKILL: no chance to clean up, as when a machine loses power or the process is killed.
    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGTERM, and the exit status.
    pub fn terminate(&mut self) -> Option<std::process::ExitStatus> {
        let c = self.child.as_mut()?;
        let _ = Command::new("kill")
            .args(["-TERM", &c.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(Some(status)) = c.try_wait() {
                self.child = None;
                return Some(status);
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The facilitator's password of this start, from the banner.
    pub fn password(&self) -> String {
        self.log()
            .lines()
            .find_map(|l| l.split("password ").nth(1))
            .map(|p| p.trim().to_owned())
            .unwrap_or_else(|| panic!("no facilitator password in:\n{}", self.log()))
    }

    /// `alliance serve --tables` on this class's database.
    pub fn tables(&self) -> String {
        let out = Command::new(bin())
            .args(["serve", "--tables"])
            .env("ALLIANCE_SERVE_DIR", &self.dir)
            .output()
            .expect("--tables runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// A private tmux server holding one session per student.
pub struct Clients {
    server: String,
    dir: PathBuf,
    socket: Option<String>,
}

impl Clients {
    pub fn new(name: &str, dir: &Path) -> Clients {
        Clients {
            server: format!("alliance-serve-{name}-{}", std::process::id()),
            dir: dir.to_path_buf(),
            socket: None,
        }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.server, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// `ssh` as `user`, in a session named `user`. `strict`: the host key must already be in
    /// the known-hosts file (a changed key refuses to connect).
    pub fn connect(&mut self, user: &str, port: u16, strict: bool) {
        self.open(user, user, port, strict, (100, 30));
    }

    /// The facilitator's `ssh` in a session named `session`, at 80×24, answering the password
    /// prompt with `password` (one try: a wrong one ends the client).
    pub fn connect_facilitator(&mut self, session: &str, port: u16, password: &str) {
        self.open(
            session,
            "-o NumberOfPasswordPrompts=1 facilitator",
            port,
            true,
            (80, 24),
        );
        self.wait_for(session, "password:", 20);
        self.run(&["send-keys", "-t", session, "-l", password]);
        self.run(&["send-keys", "-t", session, "Enter"]);
    }

    fn open(&mut self, session: &str, user: &str, port: u16, strict: bool, (w, h): (u16, u16)) {
        let known = self.dir.join("known_hosts");
        let check = if strict { "yes" } else { "accept-new" };
        let cmd = format!(
            "ssh -F /dev/null -o StrictHostKeyChecking={check} -o UserKnownHostsFile='{}' -o LogLevel=ERROR -o PubkeyAuthentication=no -o IdentityAgent=none -p {port} {user}@127.0.0.1; echo $? > '{}'",
            known.display(),
            self.exit_file(session).display()
        );
        let _ = std::fs::remove_file(self.exit_file(session));
        let _ = self.run(&["kill-session", "-t", session]);
        self.run(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            "sh",
            "-c",
            &cmd,
        ]);
        self.run(&["set-option", "-t", session, "remain-on-exit", "on"]);
        if self.socket.is_none() {
            let out = self
                .run(&["display-message", "-p", "#{socket_path}"])
                .stdout;
            self.socket =
                Some(String::from_utf8_lossy(&out).trim().to_owned()).filter(|p| !p.is_empty());
        }
    }

    /// Where the student's shell writes ssh's exit code (the pane's own last lines are not
    /// reliably kept by tmux once the pane dies).
    fn exit_file(&self, user: &str) -> PathBuf {
        self.dir.join(format!("{user}.ssh-exit"))
    }

    /// ssh's exit code for `user`, waiting up to `secs` for the client to end.
    pub fn exit_code(&self, user: &str, secs: u64) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(code) = std::fs::read_to_string(self.exit_file(user))
                .ok()
                .and_then(|t| t.trim().parse().ok())
            {
                return code;
            }
            assert!(
                Instant::now() < deadline,
                "{user}'s ssh did not end:\n{}",
                self.screen(user)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn screen(&self, user: &str) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", user]).stdout).into_owned()
    }

    pub fn keys(&self, user: &str, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", user, k]);
        }
    }

    /// Types text, then Enter.
    pub fn type_line(&self, user: &str, text: &str) {
        self.run(&["send-keys", "-t", user, "-l", text]);
        self.run(&["send-keys", "-t", user, "Enter"]);
    }

    pub fn wait(&self, user: &str, what: &str, secs: u64, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let s = self.screen(user);
            if pred(&s) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "{user} waited {secs}s for {what}; the screen was:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, user: &str, text: &str, secs: u64) -> String {
        self.wait(user, text, secs, |s| s.contains(text))
    }

    /// Joins the class: the code prompt, then the code.
    pub fn join(&mut self, user: &str, port: u16, strict: bool) {
        self.connect(user, port, strict);
        self.wait_for(user, "Class code:", 20);
        self.type_line(user, CODE);
    }
}

impl Drop for Clients {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
        if let Some(socket) = &self.socket {
            let _ = std::fs::remove_file(socket);
        }
    }
}
