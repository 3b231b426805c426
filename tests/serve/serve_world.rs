//! The class server's world without the network: students join, type, resize and drop, and the
//! tables, screens and database follow. Hostile input (garbage, huge pastes, zero and huge
//! windows) must never panic or grow a frame past its bound.

use std::collections::HashMap;
use std::sync::Arc;
use symmetric_alliance::ai::BotKind;
use symmetric_alliance::classroom::Library;
use symmetric_alliance::serve::store::Store;
use symmetric_alliance::serve::world::{ClassSetup, Out, World};
use symmetric_alliance::tui::theme::Theme;
use tokio::sync::Notify;

pub(crate) const CODE: &str = "cedar-3";

fn world(dir: &std::path::Path, bot: BotKind) -> World {
    let content = symmetric_alliance::content::load_data(None).expect("the built-in data loads");
    let library = Library::new(content, None).expect("the scenarios load");
    let store = Store::open(&dir.join("class.sqlite3")).expect("the database opens");
    let (class, code) = store.class(Some(CODE), || unreachable!()).expect("a class");
    assert_eq!(code, CODE);
    let setup = ClassSetup {
        class,
        seed: 7,
        code,
        scenario: None,
        drill: None,
        bot,
        idle: std::time::Duration::from_secs(1800),
        password: "pine-sage-tide-0042".into(),
        log: None,
    };
    World::new(store, library, setup, Theme::mono())
}

/// A client terminal of `rows`×`cols`.
fn term(rows: u16, cols: u16) -> vt100::Parser {
    let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
    vt100::Parser::new(nz(rows), nz(cols), 0)
}

/// The class's world and, per connection, a terminal that reads its frames as a client would.
pub(crate) struct Class {
    pub(crate) w: World,
    pub(crate) terms: HashMap<u64, vt100::Parser>,
}

impl Class {
    pub(crate) fn new(dir: &std::path::Path) -> Class {
        Class::with_bot(dir, BotKind::Random)
    }

    /// A class whose solo tables play `bot`.
    fn with_bot(dir: &std::path::Path, bot: BotKind) -> Class {
        Class {
            w: world(dir, bot),
            terms: HashMap::new(),
        }
    }

    /// Sends the connection's next frame to its terminal; returns the screen's text.
    pub(crate) fn frame(&mut self, id: u64) -> String {
        let term = self.terms.entry(id).or_insert_with(|| term(30, 100));
        match self.w.frame(id) {
            Out::Frame(b) | Out::Goodbye(b) => term.process(&b),
            Out::Nothing | Out::Gone => {}
        }
        term.screen().contents()
    }

    pub(crate) fn join(&mut self, name: &str) -> u64 {
        let id = self.w.new_conn_id();
        self.w.join(id, name, (100, 30), Arc::new(Notify::new()));
        assert!(self.frame(id).contains("Class code"));
        self.w.input(id, format!("{CODE}\r").as_bytes());
        id
    }

    pub(crate) fn steps(&self) -> usize {
        self.w.store.tables(None).expect("tables")[0].steps.len()
    }
}

#[test]
fn two_students_share_a_table_and_each_sees_only_their_hand() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let alice = c.join("alice");
    assert!(c.frame(alice).contains("Open a new table as Washington"));
    c.w.input(alice, b"\r");
    let a = c.frame(alice);
    assert!(a.contains("Washington's hand") && !a.contains("Seoul's hand"));
    // A key that changes nothing (↑ at the top of the hand, PgDn at the log's end) sends
    // nothing: no empty frames.
    c.w.input(alice, b"\x1b[A");
    assert!(matches!(c.w.frame(alice), Out::Nothing));
    c.w.input(alice, b"\x1b[6~");
    assert!(matches!(c.w.frame(alice), Out::Nothing));
    c.w.input(alice, b"\x1b[B");
    assert!(matches!(c.w.frame(alice), Out::Frame(_)));
    c.w.input(alice, b"\x1b[A");
    let _ = c.frame(alice);
    let bob = c.join("bob");
    assert!(c.frame(bob).contains("Join table 1 as Seoul"));
    c.w.input(bob, b"\r");
    let b = c.frame(bob);
    assert!(b.contains("Seoul's hand") && !b.contains("Washington's hand"));
    assert!(c.frame(alice).contains("bob joined as Seoul"));
    // Alice's headline reaches Bob's screen and the database at once.
    c.w.input(alice, b"\r\r");
    assert!(c.frame(bob).contains("Washington has picked a headline"));
    let kept = c.w.store.tables(None).expect("tables");
    assert_eq!(kept[0].steps.len(), 1);
    // Bob's connection drops: his seat waits, and he gets it back with the code.
    c.w.disconnect(bob);
    assert!(c.frame(alice).contains("connection dropped"));
    let bob = c.join("bob");
    let b = c.frame(bob);
    assert!(b.contains("Seoul's hand"), "bob is back at his seat:\n{b}");
}

#[test]
fn a_connected_name_wrong_codes_and_bad_names_are_refused() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let _alice = c.join("alice");
    let again = c.w.new_conn_id();
    c.w.join(again, "alice", (100, 30), Arc::new(Notify::new()));
    assert!(
        matches!(c.w.frame(again), Out::Goodbye(b) if String::from_utf8_lossy(&b).contains("already connected"))
    );
    for name in ["", "a b", "\u{1b}[2J", "facilitator", &"x".repeat(40)] {
        let id = c.w.new_conn_id();
        c.w.join(id, name, (100, 30), Arc::new(Notify::new()));
        assert!(
            matches!(c.w.frame(id), Out::Goodbye(_)),
            "{name:?} was let in"
        );
    }
    let carol = c.w.new_conn_id();
    c.w.join(carol, "carol", (100, 30), Arc::new(Notify::new()));
    let _ = c.frame(carol);
    c.w.input(carol, b"nope\r");
    assert!(c.frame(carol).contains("not the class code"));
    c.w.input(carol, b"nope\rnope\r");
    let last = c.frame(carol);
    assert!(last.contains("Too many wrong codes"), "{last}");
    // Once refused, nothing more is read from the connection.
    c.w.input(carol, format!("{CODE}\r").as_bytes());
    assert!(matches!(c.w.frame(carol), Out::Goodbye(_)));
}

#[test]
fn garbage_pastes_and_wild_window_sizes_never_break_a_screen() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let alice = c.join("alice");
    let _ = c.frame(alice);
    c.w.input(alice, b"\r");
    let _ = c.frame(alice);
    // Garbage: every byte value but the keys that leave (Ctrl-C, Ctrl-D, q, a lone Esc),
    // escape fragments, invalid UTF-8, and a megabyte paste.
    let leaves = [0x03, 0x04, 0x1b, b'q', b'Q'];
    let mut garbage: Vec<u8> = (0..=255u8).filter(|b| !leaves.contains(b)).collect();
    garbage.extend_from_slice(b"\x1b[\x1b[999999999;99999999R\x1b]0;title\x07\x1bO\xff\xc3");
    garbage.extend(std::iter::repeat_n(b'?', 1 << 20));
    for (w_, h) in [
        (0, 0),
        (1, 1),
        (65535, 65535),
        (79, 23),
        (80, 24),
        (0, 500),
        (100, 30),
    ] {
        c.w.resize(alice, w_, h);
        c.w.input(alice, &garbage);
        let len = match c.w.frame(alice) {
            Out::Frame(b) => b.len(),
            _ => 0,
        };
        // The largest frame is bounded by the largest drawn window, whatever the client says.
        assert!(len < 4_000_000, "a {w_}x{h} frame took {len} bytes");
    }
    c.w.resize(alice, 100, 30);
    let _ = c.frame(alice);
    c.w.resize(alice, 60, 20);
    c.terms.insert(alice, term(20, 60));
    assert!(c.frame(alice).contains("80×24 needed"));
    c.w.resize(alice, 100, 30);
    c.terms.insert(alice, term(30, 100));
    let f = c.frame(alice);
    assert!(f.contains("Round 1/8"), "the game is drawn again:\n{f}");
    // An unchanged screen sends nothing.
    assert!(matches!(c.w.frame(alice), Out::Nothing));
}

#[test]
fn a_take_back_reaches_the_other_screen_and_the_database() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let alice = c.join("alice");
    c.w.input(alice, b"\r");
    let bob = c.join("bob");
    c.w.input(bob, b"\r");
    let _ = (c.frame(alice), c.frame(bob));
    c.w.input(alice, b"\r\r");
    c.w.input(bob, b"\r\r");
    assert_eq!(c.steps(), 2);
    // Alice opens a deal from her hand's last row; Bob sees it open.
    c.w.input(alice, "\x1b[B".repeat(12).as_bytes());
    c.w.input(alice, b"\r");
    assert_eq!(c.steps(), 3);
    assert!(c.frame(bob).contains("Washington opens a deal"));
    assert!(c.frame(alice).contains("u undo"));
    c.w.input(alice, b"u");
    assert_eq!(c.steps(), 2);
    let b = c.frame(bob);
    assert!(
        !b.contains("Washington opens a deal"),
        "bob still sees the deal taken back:\n{b}"
    );
    assert!(c.frame(alice).contains("Actions: Washington"));
}

#[test]
fn tables_resume_from_the_database_at_their_last_action() {
    let dir = tempfile::tempdir().expect("a folder");
    {
        let mut c = Class::new(dir.path());
        let alice = c.join("alice");
        c.w.input(alice, b"\x1b[B\x1b[B\x1b[B\r"); // solo as Seoul against the bot
        let _ = c.frame(alice);
        c.w.input(alice, b"\r\r");
    }
    let mut c = Class::new(dir.path());
    let problems = c.w.resume_tables().expect("the tables load");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.w.tables.len(), 1);
    let t = c.w.tables.values().next().expect("a table");
    let kept = c.w.store.tables(None).expect("tables")[0].steps.clone();
    assert_eq!(t.play.record().steps.len(), kept.len());
    let alice = c.join("alice");
    assert!(c.frame(alice).contains("Seoul's hand"));
}

#[test]
fn a_solo_bot_moves_on_the_server_clock_and_its_reasoning_stays_hidden() {
    let dir = tempfile::tempdir().expect("a folder");
    // The hard bot explains its choice, which the terminal game logs as a hint.
    let mut c = Class::with_bot(dir.path(), BotKind::Hard);
    let alice = c.join("alice");
    c.w.input(alice, b"\x1b[B\x1b[B\x1b[B\r"); // solo as Seoul: the bot is Washington
    let _ = c.frame(alice);
    // The bot thinks on its own thread; the clock polls it until its headline is kept.
    let mut steps = 0;
    for _ in 0..1000 {
        c.w.tick();
        std::thread::sleep(std::time::Duration::from_millis(10));
        steps = c.steps();
        if steps > 0 {
            break;
        }
    }
    assert_eq!(steps, 1, "the bot's headline was not kept");
    let a = c.frame(alice);
    assert!(a.contains("Washington has picked a headline"), "{a}");
    assert!(
        !a.contains("hint:"),
        "the bot's reasoning shows its secret choice:\n{a}"
    );
}
