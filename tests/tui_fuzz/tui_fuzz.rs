//! The screen under random input: seeded random keys (weighted toward the ones the key bar
//! offers), mouse events, pastes and resizes go through the real event handler, over the menu,
//! every screen and popup, the replay viewer and whole games. After every step nothing has
//! panicked, the game keeps its invariants, and no card the viewer has not seen is on screen. The
//! test fails unless it reached every key context, screen and popup the app has.

use crate::tui_common::*;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::path::Path;
use symmetric_alliance::ai::Budget;
use symmetric_alliance::classroom::{Library, RecordCursor, Session};
use symmetric_alliance::engine::{Game, Meter, Side};
use symmetric_alliance::tui::app::{App, MenuItem, Popup, Screen};
use symmetric_alliance::tui::keys;
use symmetric_alliance::tui::mode::Mode as Ctx;
use symmetric_alliance::tui::msg::Msg;
use symmetric_alliance::tui::replay::Replay;

/// The fewest steps; the run goes on (up to `MAX_STEPS`) until every context was reached.
const MIN_STEPS: usize = 5_000;
const MAX_STEPS: usize = 200_000;

/// Every key context, by an exhaustive match: a new one breaks the build here until it is listed.
fn ctx_index(c: Ctx) -> usize {
    match c {
        Ctx::TooSmall => 0,
        Ctx::ConfirmQuit => 1,
        Ctx::Help => 2,
        Ctx::Menu => 3,
        Ctx::Cards => 4,
        Ctx::Rules => 5,
        Ctx::Load => 6,
        Ctx::Scenarios => 7,
        Ctx::Replay => 8,
        Ctx::End => 9,
        Ctx::Handoff => 10,
        Ctx::Chooser => 11,
        Ctx::Deal => 12,
        Ctx::Turn => 13,
        Ctx::Watching => 14,
        Ctx::Answer => 15,
        Ctx::DealPeek => 16,
        Ctx::ConfirmWithdraw => 17,
        Ctx::Find => 18,
    }
}
const CONTEXTS: usize = 19;

/// Every screen and popup, the same way.
fn screen_index(s: &Screen) -> usize {
    match s {
        Screen::Menu => 0,
        Screen::Game(_) => 1,
        Screen::Cards => 2,
        Screen::Rules => 3,
        Screen::Load(_) => 4,
        Screen::Scenarios(_) => 5,
        Screen::Replay(_) => 6,
    }
}
const SCREENS: usize = 7;
fn popup_index(p: Popup) -> usize {
    match p {
        Popup::Help => 0,
        Popup::ConfirmQuit => 1,
    }
}
const POPUPS: usize = 2;

/// A small seeded generator (the test's own stream, so a failure replays exactly).
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

/// An app as `alliance` opens it, saving into `saves`, with instant random bots, and the menu's
/// cursor on a random entry: a run comes back to the menu only when an app quits, and from the
/// top entry it would seldom walk as far as Rules and Cards before Enter starts a game.
fn fresh(saves: &Path, d: &mut Dice) -> App {
    let mut a = with_library(app(false));
    a.menu_cursor = d.below(MenuItem::ALL.len());
    a.save_dir = Some(saves.to_path_buf());
    a.pace = std::time::Duration::ZERO;
    a.menu_bot = 0;
    a.budget = Budget::Iterations(8);
    a
}

/// The replay viewer on a short recorded game.
fn replay_app(dir: &Path) -> App {
    let path = dir.join("recorded.json");
    let names = ["human".to_string(), "human".to_string()];
    let (s, _) = Session::new(content(), 11, names);
    let mut s = s.autosave_to(path.clone());
    for _ in 0..40 {
        let Some(first) = s.game().legal_actions().first().copied() else {
            break;
        };
        s.apply(first).expect("a legal action");
    }
    let lib = Library::new(content(), None).expect("the scenarios load");
    let (record, data) = lib.open_record(&path).expect("the record opens");
    let cursor = RecordCursor::new(&path, &record, data).expect("the record replays");
    let mut a = app(false);
    a.has_menu = false;
    a.screen = Screen::Replay(Box::new(Replay::new(cursor, "recorded.json".into())));
    a
}

/// One random event: mostly a key the bar offers now (Enter more often, quitting seldom), then
/// any key, clicks and scrolls, pastes and resizes.
fn event(a: &App, d: &mut Dice) -> Event {
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    match d.below(100) {
        0..=74 => {
            let offered = keys::bindings(a);
            // Enter moves games on; on the menu it would start the first entry again and again.
            let menu = a.mode() == Ctx::Menu;
            if !menu && offered.iter().any(|b| b.keys.contains(&KeyCode::Enter)) && d.below(3) == 0
            {
                return key(KeyCode::Enter);
            }
            let b = &offered[d.below(offered.len())];
            let quits = matches!(b.msg, Msg::Quit | Msg::Yes | Msg::ForceQuit);
            if quits && d.below(4) != 0 {
                return key(KeyCode::Down);
            }
            key(b.keys[d.below(b.keys.len())])
        }
        75..=84 => any_key(d),
        85..=92 => mouse(a, d),
        93..=95 => Event::Paste(
            d.pick(&["", "y", "q\u{1b}[A", "한국어 붙여넣기", "\n\n\t"])
                .into(),
        ),
        _ => {
            let (w, h) = match d.below(4) {
                0 => (20 + d.below(80) as u16, 5 + d.below(30) as u16),
                _ => d.pick(&[(80, 24), (120, 40), (100, 30), (200, 60)]),
            };
            Event::Resize(w, h)
        }
    }
}

fn any_key(d: &mut Dice) -> Event {
    use KeyCode::*;
    let codes = [
        Char('a'),
        Char('z'),
        Char('Q'),
        Char('Y'),
        Char('N'),
        Char('1'),
        Char(' '),
        Char('한'),
        Tab,
        BackTab,
        Backspace,
        Delete,
        Insert,
        F(1),
        F(12),
        Home,
        End,
        Left,
        Right,
        Null,
    ];
    let mods = [
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL,
    ];
    let mut k = KeyEvent::new(d.pick(&codes), d.pick(&mods));
    if d.below(4) == 0 {
        k.kind = crossterm::event::KeyEventKind::Release;
    }
    Event::Key(k)
}

/// A click in the middle of something clickable, or a mouse event anywhere.
fn mouse(a: &App, d: &mut Dice) -> Event {
    let (mut column, mut row) = (
        d.below(usize::from(a.size.0)) as u16,
        d.below(usize::from(a.size.1)) as u16,
    );
    if !a.hits.is_empty() && d.below(2) == 0 {
        let (r, _) = a.hits[d.below(a.hits.len())];
        (column, row) = (r.x + r.width / 2, r.y + r.height / 2);
    }
    let kind = d.pick(&[
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::ScrollUp,
        MouseEventKind::ScrollDown,
        MouseEventKind::Moved,
    ]);
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// The engine's invariants, as the playout test checks them, and the app's own cursors.
fn check_model(a: &App) {
    assert!(
        a.menu_cursor < MenuItem::ALL.len(),
        "menu cursor {}",
        a.menu_cursor
    );
    let Some(s) = a.session() else { return };
    let game: &Game = s.game();
    let content = game.content();
    for m in Meter::ALL {
        let t = content.rules.track(m);
        assert!(
            (t.min..=t.max).contains(&game.meter(m)),
            "{} out of range",
            m.id()
        );
    }
    assert_eq!(
        game.card_count(),
        content.cards.len(),
        "cards are conserved"
    );
}

/// What each side and the public have seen of the game on screen (reset with each new game).
#[derive(Default)]
struct Secrecy {
    witness: [Witness; 3],
    game_on: bool,
}

impl Secrecy {
    /// Checks `frame` for a card the person it was drawn for has never seen.
    fn check(&mut self, a: &App, frame: &str) {
        let Some(s) = a.session() else {
            self.game_on = false;
            return;
        };
        if !self.game_on {
            *self = Secrecy {
                game_on: true,
                ..Secrecy::default()
            };
        }
        let game = s.game().clone();
        for side in Side::BOTH {
            self.witness[side.index()].observe(&game, Some(&game.view(side)));
        }
        self.witness[2].observe(&game, None);
        if game.is_over() {
            return;
        }
        let viewer = s.viewer();
        let view = viewer.map(|v| game.view(v));
        let w = &self.witness[viewer.map_or(2, Side::index)];
        if let Some(t) = leaked_card(frame, &game, view.as_ref(), w) {
            panic!("«{t}» shows to {viewer:?}:\n{frame}");
        }
    }
}

/// Where the run has been, by context, screen and popup.
#[derive(Default)]
struct Reached {
    ctx: [bool; CONTEXTS],
    screens: [bool; SCREENS],
    popups: [bool; POPUPS],
}

impl Reached {
    fn note(&mut self, a: &App) {
        self.ctx[ctx_index(a.mode())] = true;
        self.screens[screen_index(&a.screen)] = true;
        if let Some(p) = a.popup {
            self.popups[popup_index(p)] = true;
        }
    }
    fn all(&self) -> bool {
        self.ctx
            .iter()
            .chain(&self.screens)
            .chain(&self.popups)
            .all(|x| *x)
    }
}

/// One step: an event through the real handler, a tick for the bots, a frame, and the checks.
/// Returns the event, for the run's digest.
fn step(a: &mut App, d: &mut Dice, secrecy: &mut Secrecy) -> Event {
    let ev = event(a, d);
    if let Event::Resize(w, h) = ev {
        a.size = (w, h);
    }
    symmetric_alliance::tui::handle(a, ev.clone());
    // A bot asked by the input has answered before the tick looks (as one asked by the last
    // tick has, at the end of the last step): no answer arrives sooner or later by chance.
    wait_for_bot(a);
    // As the loop lets time pass: the bot's answer played, then a tick and its commands run.
    a.tick();
    check_model(a);
    let (w, h) = a.size;
    let frame = render(a, w, h);
    secrecy.check(a, &frame);
    ev
}

/// Blocks until the bot's pending answer is in; it is played at the next tick.
fn wait_for_bot(a: &mut App) {
    if let Screen::Game(s) = &mut a.screen {
        s.wait_for_bot();
    }
}

/// Folds a step into the run's digest (FNV-1a): the event, which depends on the screen it was
/// drawn for, and how far the game's record has come, which counts the bots' moves. Two runs of
/// one seed print the same digest; a run that raced the bot thread would not.
fn digest(h: u64, ev: &Event, a: &App) -> u64 {
    let moves = a.session().map_or(0, |s| s.game().record().len());
    format!("{ev:?} {moves}")
        .bytes()
        .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
fn random_input_reaches_every_screen_and_breaks_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).expect("the save folder");
    let mut d = Dice(2025);
    let mut reached = Reached::default();
    let mut secrecy = Secrecy::default();
    // The replay viewer first (only `alliance replay` opens it), then the app from its menu.
    let mut a = replay_app(dir.path());
    let (mut steps, mut games_over, mut run) = (0, 0, 0xcbf2_9ce4_8422_2325);
    while steps < MIN_STEPS || !reached.all() {
        assert!(
            steps < MAX_STEPS,
            "not reached after {steps} steps: {:?}",
            missing(&reached)
        );
        reached.note(&a);
        let ev = step(&mut a, &mut d, &mut secrecy);
        run = digest(run, &ev, &a);
        steps += 1;
        if a.session().is_some_and(|s| s.game().is_over()) {
            games_over += 1;
        }
        if a.quit || (steps == 300 && matches!(a.screen, Screen::Replay(_))) {
            a = fresh(&saves, &mut d);
        }
        // A bot's move is on its own thread: its answer is in before the next input (and played
        // at that step's tick), so the same seed gives the same run however loaded the machine.
        wait_for_bot(&mut a);
    }
    assert!(games_over > 0, "no game reached its end");
    println!("{steps} steps, {games_over} on a finished game, run digest {run:016x}");
}

fn missing(r: &Reached) -> Vec<String> {
    let mut v: Vec<String> = (0..CONTEXTS)
        .filter(|i| !r.ctx[*i])
        .map(|i| format!("context {i}"))
        .collect();
    v.extend(
        (0..SCREENS)
            .filter(|i| !r.screens[*i])
            .map(|i| format!("screen {i}")),
    );
    v.extend(
        (0..POPUPS)
            .filter(|i| !r.popups[*i])
            .map(|i| format!("popup {i}")),
    );
    v
}
