//! Every key binding, in one place. The same table drives the key handler and the key bar, so the
//! bar always shows exactly the keys that work now.

use super::app::{App, Popup, Screen};
use super::msg::Msg;
use crate::engine::{Action, Phase};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What the keyboard is talking to right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    TooSmall,
    ConfirmQuit,
    Help,
    Menu,
    Cards,
    Rules,
    Load,
    Scenarios,
    Replay,
    End,
    Handoff,
    Chooser,
    Deal,
    Turn,
    Watching,
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    pub label: &'static str,
    pub what: &'static str,
    pub msg: Msg,
}

const fn b(keys: &'static [KeyCode], label: &'static str, what: &'static str, msg: Msg) -> Binding {
    Binding {
        keys,
        label,
        what,
        msg,
    }
}

use KeyCode::{Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up};

const UP: Binding = b(&[Up, Char('k')], "↑k", "up", Msg::Up);
const DOWN: Binding = b(&[Down, Char('j')], "↓j", "down", Msg::Down);
const PGUP: Binding = b(&[PageUp], "PgUp", "log up", Msg::PageUp);
const PGDN: Binding = b(&[PageDown], "PgDn", "log down", Msg::PageDown);
const HELP: Binding = b(&[Char('?')], "?", "help", Msg::Help);
const QUIT: Binding = b(&[Char('q')], "q", "quit", Msg::Quit);
const BACK: Binding = b(&[Esc], "Esc", "back", Msg::Back);
const UNDO: Binding = b(&[Char('u')], "u", "undo", Msg::Undo);

pub fn context(app: &App) -> Ctx {
    if app.too_small() {
        return Ctx::TooSmall;
    }
    match app.popup {
        Some(Popup::ConfirmQuit) => return Ctx::ConfirmQuit,
        Some(Popup::Help) => return Ctx::Help,
        None => {}
    }
    match &app.screen {
        Screen::Menu => Ctx::Menu,
        Screen::Cards => Ctx::Cards,
        Screen::Rules => Ctx::Rules,
        Screen::Load(_) => Ctx::Load,
        Screen::Scenarios(_) => Ctx::Scenarios,
        Screen::Replay(_) => Ctx::Replay,
        Screen::Game(s) if s.game().is_over() => Ctx::End,
        Screen::Game(s) if s.needs_handoff() => Ctx::Handoff,
        Screen::Game(s) if s.chooser.is_some() => Ctx::Chooser,
        Screen::Game(s) if s.human_to_move().is_none() => Ctx::Watching,
        Screen::Game(s) if matches!(s.game().phase(), Phase::Deal(_)) => Ctx::Deal,
        Screen::Game(_) => Ctx::Turn,
    }
}

/// The keys that work now, in key-bar order.
pub fn bindings(app: &App) -> Vec<Binding> {
    let can_undo = app.session().is_some_and(|s| s.undo_side().is_some());
    let mut v = match context(app) {
        Ctx::TooSmall => vec![QUIT],
        Ctx::ConfirmQuit => vec![
            b(&[Char('y')], "y", "quit", Msg::Yes),
            b(&[Char('n'), Esc], "n", "stay", Msg::No),
        ],
        Ctx::Help => vec![
            b(&[Esc, Char('?'), Enter], "Esc", "close help", Msg::Back),
            QUIT,
        ],
        Ctx::Menu => menu_bindings(),
        Ctx::Cards => vec![
            UP,
            DOWN,
            b(&[PageUp], "PgUp", "text up", Msg::PageUp),
            b(&[PageDown], "PgDn", "text down", Msg::PageDown),
            BACK,
            HELP,
            QUIT,
        ],
        Ctx::Rules => vec![
            UP,
            DOWN,
            b(&[PageUp], "PgUp", "page up", Msg::PageUp),
            b(&[PageDown], "PgDn", "page down", Msg::PageDown),
            BACK,
            QUIT,
        ],
        Ctx::Load => vec![
            UP,
            DOWN,
            b(&[Enter], "Enter", "resume", Msg::Confirm),
            BACK,
            QUIT,
        ],
        Ctx::Scenarios => vec![
            UP,
            DOWN,
            b(&[Left, Char('h')], "←h", "players", Msg::Left),
            b(&[Right, Char('l')], "→l", "players", Msg::Right),
            b(&[Enter], "Enter", "start", Msg::Confirm),
            BACK,
            QUIT,
        ],
        Ctx::Replay => replay_bindings(),
        Ctx::End => vec![
            UP,
            DOWN,
            b(&[Char('r')], "r", "report", Msg::Report),
            b(&[Enter, Esc], "Enter", "leave", Msg::Confirm),
            QUIT,
        ],
        Ctx::Handoff => vec![b(&[Enter], "Enter", "ready", Msg::Confirm), HELP, QUIT],
        Ctx::Chooser => vec![
            UP,
            DOWN,
            b(&[Enter], "Enter", "play", Msg::Confirm),
            BACK,
            HELP,
            QUIT,
        ],
        Ctx::Deal => deal_bindings(app),
        Ctx::Turn => vec![
            UP,
            DOWN,
            b(&[Enter], "Enter", "choose", Msg::Confirm),
            PGUP,
            PGDN,
            HELP,
            QUIT,
        ],
        Ctx::Watching => vec![PGUP, PGDN, HELP, QUIT],
    };
    if can_undo && matches!(context(app), Ctx::Turn | Ctx::Deal | Ctx::Handoff) {
        v.insert(v.len() - 2, UNDO);
    }
    v
}

/// The title menu's keys (also drawn on the first frame, before the game data has loaded).
pub fn menu_bindings() -> Vec<Binding> {
    vec![
        UP,
        DOWN,
        b(&[Left, Char('h')], "←h", "bot", Msg::Left),
        b(&[Right, Char('l')], "→l", "bot", Msg::Right),
        b(&[Enter], "Enter", "choose", Msg::Confirm),
        HELP,
        b(&[Char('q'), Esc], "q", "quit", Msg::Quit),
    ]
}

/// The replay viewer: ←→ step one action, ↑↓ one round (PgUp/PgDn stay the log's, as in a game).
fn replay_bindings() -> Vec<Binding> {
    vec![
        b(&[Left, Char('h')], "←h", "prev", Msg::Left),
        b(&[Right, Char('l')], "→l", "next", Msg::Right),
        b(&[Up, Char('k')], "↑k", "round−", Msg::Up),
        b(&[Down, Char('j')], "↓j", "round+", Msg::Down),
        b(&[Home], "Home", "first", Msg::Home),
        b(&[End], "End", "last", Msg::End),
        b(&[Char('q'), Esc], "q", "quit", Msg::Quit),
        // The log's keys come last: at 80 columns the stepping keys matter more.
        PGUP,
        PGDN,
    ]
}

fn deal_bindings(app: &App) -> Vec<Binding> {
    let legal = app
        .session()
        .map(|s| s.game().legal_actions())
        .unwrap_or_default();
    let mut v = vec![UP, DOWN, b(&[Enter], "Enter", "do", Msg::Confirm)];
    if legal.contains(&Action::Send) {
        v.push(b(&[Char('s')], "s", "send", Msg::Send));
    }
    if legal.contains(&Action::Withdraw) {
        v.push(b(&[Char('w'), Esc], "w/Esc", "withdraw", Msg::Withdraw));
    }
    v.extend([PGUP, PGDN, HELP, QUIT]);
    v
}

/// The message a key press means now, if any. Ctrl-C always quits.
pub fn to_msg(app: &App, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c') {
        return Some(Msg::ForceQuit);
    }
    let code = match key.code {
        Char(c) if c.is_ascii_uppercase() && c != 'Y' && c != 'N' => Char(c.to_ascii_lowercase()),
        Char('Y') => Char('y'),
        Char('N') => Char('n'),
        other => other,
    };
    bindings(app)
        .into_iter()
        .find(|b| b.keys.contains(&code))
        .map(|b| b.msg)
}
