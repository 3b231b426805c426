//! The class server under a class's load (a benchmark, not a timed test): separate SSH
//! connections, each with its own handshake, pty and size, playing two-student tables and solo
//! tables against the hard bot, one key every 1-3 seconds drawn (seeded) from the keys each
//! screen's key bar offers. Then every connection stays silent.
//!
//! It reports the p99 from writing a key to reading the frame that shows it (measured at the
//! client), the server's CPU per active session, its resident memory per session, and the
//! server's total CPU while every session is silent.
//!
//! `cargo bench --bench serve_load`. Shorter runs: SERVE_LOAD_ACTIVE_SECS (default 120),
//! SERVE_LOAD_IDLE_SECS (300), SERVE_LOAD_PAIRS (30), SERVE_LOAD_SOLO (10).

use rand::RngExt;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use russh::ChannelMsg;
use russh::client::{self, Handle, Msg};
use russh::keys::PublicKeyOrCertificate;
use std::num::NonZeroU16;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CODE: &str = "bench-1";

struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;
    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn env_secs(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// utime + stime of a process, in seconds, and its resident memory in KiB (from /proc).
fn cpu_and_rss(pid: u32) -> (f64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name; 100 ticks a second.
    let cpu = (ticks(11) + ticks(12)) / 100.0;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (cpu, rss)
}

/// One student's connection: its screen as a client terminal shows it, and the latency clock.
struct Student {
    name: String,
    screen: Arc<Mutex<vt100::Parser>>,
    /// When the last key was written, until the next frame arrives.
    pending: Arc<Mutex<Option<Instant>>>,
    /// This student's count of answered keys (the latency samples are every student's).
    answered: Arc<AtomicUsize>,
    write: russh::ChannelWriteHalf<Msg>,
    _session: Handle<Trusting>,
}

impl Student {
    async fn connect(
        port: u16,
        name: &str,
        size: (u16, u16),
        samples: Arc<Mutex<Vec<Duration>>>,
    ) -> Student {
        let config = Arc::new(client::Config::default());
        let mut session = client::connect(config, ("127.0.0.1", port), Trusting)
            .await
            .expect("the server accepts a connection");
        let auth = session
            .authenticate_none(name)
            .await
            .expect("authentication runs");
        assert!(auth.success(), "{name} was not let in");
        let channel = session
            .channel_open_session()
            .await
            .expect("a session channel");
        channel
            .request_pty(
                false,
                "xterm-256color",
                u32::from(size.0),
                u32::from(size.1),
                0,
                0,
                &[],
            )
            .await
            .expect("a pty");
        channel.request_shell(false).await.expect("a shell");
        let (mut read, write) = channel.split();
        let nz = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(size.1), nz(size.0), 0)));
        let pending = Arc::new(Mutex::new(None::<Instant>));
        let answered = Arc::new(AtomicUsize::new(0));
        let (s, p, lat, n) = (
            screen.clone(),
            pending.clone(),
            samples.clone(),
            answered.clone(),
        );
        tokio::spawn(async move {
            while let Some(msg) = read.wait().await {
                if let ChannelMsg::Data { data } = msg {
                    if let Some(t0) = p.lock().expect("pending").take() {
                        lat.lock().expect("samples").push(t0.elapsed());
                        n.fetch_add(1, Ordering::SeqCst);
                    }
                    s.lock().expect("screen").process(&data);
                }
            }
        });
        Student {
            name: name.into(),
            screen,
            pending,
            answered,
            write,
            _session: session,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().expect("screen").screen().contents()
    }

    async fn send(&self, bytes: &[u8], timed: bool) {
        if timed {
            *self.pending.lock().expect("pending") = Some(Instant::now());
        }
        let _ = self.write.data_bytes(bytes.to_vec()).await;
    }

    async fn wait_for(&self, text: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !self.text().contains(text) {
            assert!(
                Instant::now() < deadline,
                "{} never saw {text:?}:\n{}",
                self.name,
                self.text()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// A key the screen offers now, drawn with the student's seeded stream; `None` at the end.
    /// Also whether to time it: only while the student may act (the key bar offers Enter), as
    /// then no one else's move can send this screen a frame and be taken for the key's.
    fn pick_key(&self, rng: &mut ChaCha8Rng) -> Option<(&'static [u8], bool)> {
        let text = self.text();
        let bar: String = text.lines().rev().take(2).collect::<Vec<_>>().join(" ");
        if bar.contains("r report") {
            return None;
        }
        let mut offered: Vec<(&'static [u8], u32)> = Vec::new();
        let mut offer = |label: &str, key: &'static [u8], weight: u32| {
            if bar.contains(label) {
                offered.push((key, weight));
            }
        };
        offer("Enter", b"\r", 8);
        offer("↓j", b"\x1b[B", 3);
        offer("↑k", b"\x1b[A", 1);
        offer("s send", b"s", 4);
        offer("n stay", b"n", 4);
        offer("Esc close help", b"\x1b", 4);
        offer("PgUp", b"\x1b[5~", 1);
        offer("PgDn", b"\x1b[6~", 1);
        let acting = bar.contains("Enter");
        let total: u32 = offered.iter().map(|(_, w)| w).sum();
        let mut at = rng.random_range(0..total.max(1));
        for (key, w) in offered {
            if at < w {
                return Some((key, acting));
            }
            at -= w;
        }
        None
    }
}

/// Plays one student for `secs`: a key every 1-3 s, drawn from what the screen offers.
async fn play(student: Arc<Student>, seed: u64, secs: u64) -> (usize, usize) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let end = Instant::now() + Duration::from_secs(secs);
    let (mut keys, mut unanswered) = (0, 0);
    while Instant::now() < end {
        let gap = Duration::from_millis(rng.random_range(1000..=3000u64));
        let Some((key, timed)) = student.pick_key(&mut rng) else {
            tokio::time::sleep(gap).await;
            continue;
        };
        let before = student.answered.load(Ordering::SeqCst);
        student.send(key, timed).await;
        keys += 1;
        tokio::time::sleep(gap).await;
        // A key that changes nothing draws nothing (screens redraw only on change): untimed.
        if timed && student.answered.load(Ordering::SeqCst) == before {
            *student.pending.lock().expect("pending") = None;
            unanswered += 1;
        }
    }
    (keys, unanswered)
}

fn start_server(dir: &std::path::Path, port: u16) -> Child {
    let log = std::fs::File::create(dir.join("server.log")).expect("a log");
    let child = Command::new(env!("CARGO_BIN_EXE_alliance"))
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--code",
            CODE,
            "--bot",
            "hard",
        ])
        .env("ALLIANCE_SERVE_DIR", dir)
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .expect("the server starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the server did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

/// Joins, types the code, and takes a seat: `choice` is the lobby row to pick.
async fn seat(
    port: u16,
    name: &str,
    size: (u16, u16),
    downs: usize,
    samples: Arc<Mutex<Vec<Duration>>>,
) -> Arc<Student> {
    let s = Student::connect(port, name, size, samples).await;
    s.wait_for("Class code", 20).await;
    s.send(format!("{CODE}\r").as_bytes(), false).await;
    s.wait_for("choose where to play", 20).await;
    for _ in 0..downs {
        s.send(b"\x1b[B", false).await;
    }
    s.send(b"\r", false).await;
    s.wait_for("'s hand", 20).await;
    Arc::new(s)
}

const SIZES: [(u16, u16); 4] = [(100, 30), (120, 40), (80, 24), (132, 43)];

/// What the tables reached: deals sent and summits held, from the kept records.
fn progress(dir: &std::path::Path) -> (usize, usize, usize) {
    use symmetric_alliance::engine::Event;
    let store = symmetric_alliance::serve::store::Store::open(&dir.join("class.sqlite3"))
        .expect("the database");
    let content = symmetric_alliance::content::load_data(None).expect("data");
    let (mut offers, mut summits, mut actions) = (0, 0, 0);
    for row in store.tables(None).expect("tables") {
        let record = symmetric_alliance::serve::store::record_of(&row);
        actions += record.steps.len();
        let Ok(timeline) = record.replay(std::path::Path::new("bench"), content.clone()) else {
            continue;
        };
        for e in timeline.steps.iter().flatten() {
            offers += usize::from(matches!(e, Event::OfferSent { .. }));
            summits += usize::from(matches!(e, Event::Summit { .. }));
        }
    }
    (actions, offers, summits)
}

fn main() {
    let active = env_secs("SERVE_LOAD_ACTIVE_SECS", 120);
    let idle = env_secs("SERVE_LOAD_IDLE_SECS", 300);
    let pairs = env_secs("SERVE_LOAD_PAIRS", 30) as usize;
    let solo = env_secs("SERVE_LOAD_SOLO", 10) as usize;
    let dir = tempfile::tempdir().expect("a class folder");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a port");
    let mut server = start_server(dir.path(), port);
    let pid = server.id();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let samples = Arc::new(Mutex::new(Vec::new()));
        let (_, rss_empty) = cpu_and_rss(pid);
        let mut students = Vec::new();
        for p in 0..pairs {
            // The opener's lobby has no waiting table: row 0 opens one as Washington. The
            // joiner's row 0 is then that table's open seat.
            students.push(seat(port, &format!("w{p}"), SIZES[p % 4], 0, samples.clone()).await);
            students.push(seat(port, &format!("s{p}"), SIZES[(p + 1) % 4], 0, samples.clone()).await);
        }
        for i in 0..solo {
            // Rows: open as Washington, open as Seoul, solo as Washington.
            students.push(seat(port, &format!("solo{i}"), SIZES[i % 4], 2, samples.clone()).await);
        }
        let n = students.len();
        let (cpu0, rss_seated) = cpu_and_rss(pid);
        samples.lock().expect("samples").clear();
        println!("{n} connections seated ({pairs} two-student tables, {solo} solo tables against the hard bot); playing for {active} s");
        let t0 = Instant::now();
        let plays: Vec<_> = students
            .iter()
            .enumerate()
            .map(|(i, s)| tokio::spawn(play(s.clone(), 1000 + i as u64, active)))
            .collect();
        let (mut keys, mut unanswered) = (0, 0);
        let mut rss_peak = rss_seated;
        for p in plays {
            let (k, u) = p.await.expect("a student played");
            keys += k;
            unanswered += u;
            rss_peak = rss_peak.max(cpu_and_rss(pid).1);
        }
        let active_secs = t0.elapsed().as_secs_f64();
        let (cpu1, rss_active) = cpu_and_rss(pid);
        let mut lat = samples.lock().expect("samples").clone();
        lat.sort();
        let pct = |q: f64| lat.get(((lat.len() as f64 * q) as usize).min(lat.len().saturating_sub(1))).copied().unwrap_or_default();
        println!(
            "keys sent: {keys}; timed (sent while the student could act): {} answered by a frame, {unanswered} changed nothing on screen",
            lat.len()
        );
        println!("key-to-frame latency at the client: p50 {:?}  p90 {:?}  p99 {:?}  max {:?}", pct(0.5), pct(0.9), pct(0.99), lat.last().copied().unwrap_or_default());
        let per_session = (cpu1 - cpu0) / active_secs / n as f64 * 100.0;
        println!("server CPU while active: {:.2} s over {active_secs:.0} s = {per_session:.3}% of a core per session", cpu1 - cpu0);
        println!(
            "server resident memory: {} MiB empty, {} MiB seated, {} MiB peak; {:.0} KiB per session",
            rss_empty / 1024, rss_seated / 1024, rss_peak.max(rss_active) / 1024,
            (rss_peak.max(rss_active).saturating_sub(rss_empty)) as f64 / n as f64
        );
        // Let the last bot moves land, then measure the silence.
        tokio::time::sleep(Duration::from_secs(5)).await;
        let (cpu2, _) = cpu_and_rss(pid);
        tokio::time::sleep(Duration::from_secs(idle)).await;
        let (cpu3, _) = cpu_and_rss(pid);
        println!("server CPU with all {n} sessions silent for {idle} s: {:.2} s", cpu3 - cpu2);
        let (actions, offers, summits) = progress(dir.path());
        println!("the tables reached: {actions} actions, {offers} deal offers sent, {summits} summits");
        drop(students);
    });
    let _ = server.kill();
    let _ = server.wait();
}
