//! Every key binding, in one place. The same table drives the key handler and the key bar, so the
//! bar always shows exactly the keys that work now.

use super::app::App;
use super::mode::Mode;
use super::msg::Msg;
use super::strings;
use crate::engine::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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

/// Which of the keys that depend on the game's state it offers now.
#[derive(Clone, Copy, Debug, Default)]
struct Offers {
    undo: bool,
    send: bool,
    withdraw: bool,
}

impl Offers {
    fn of(app: &App, mode: Mode) -> Offers {
        let Some(s) = app.session() else {
            return Offers::default();
        };
        // The legal actions are asked for only where the deal keys depend on them.
        let legal = match mode {
            Mode::Deal => s.game().legal_actions(),
            _ => Vec::new(),
        };
        Offers {
            undo: s.undo_side().is_some(),
            send: legal.contains(&Action::Send),
            withdraw: legal.contains(&Action::Withdraw),
        }
    }
    const ALL: Offers = Offers {
        undo: true,
        send: true,
        withdraw: true,
    };
}

/// The keys that work now, in key-bar order.
pub fn bindings(app: &App) -> Vec<Binding> {
    let mode = app.mode();
    table(mode, Offers::of(app, mode))
}

/// Every binding of the table, mode by mode, with every key the game's state can offer: the
/// help's key list is made from these.
pub(crate) fn all_bindings() -> impl Iterator<Item = Binding> {
    Mode::ALL.into_iter().flat_map(|m| table(m, Offers::ALL))
}

/// The key table: the keys of `mode`, in key-bar order.
fn table(mode: Mode, offers: Offers) -> Vec<Binding> {
    let mut v = match mode {
        Mode::TooSmall => vec![QUIT],
        Mode::ConfirmQuit => vec![
            b(&[Char('y')], "y", "quit", Msg::Yes),
            b(&[Char('n'), Esc], "n", "stay", Msg::No),
        ],
        Mode::Help => vec![
            b(&[Esc, Char('?'), Enter], "Esc", "close help", Msg::Back),
            QUIT,
        ],
        Mode::Menu => menu_bindings(),
        Mode::Cards => vec![
            UP,
            DOWN,
            b(&[PageUp], "PgUp", "text up", Msg::PageUp),
            b(&[PageDown], "PgDn", "text down", Msg::PageDown),
            BACK,
            HELP,
            QUIT,
        ],
        Mode::Rules => vec![
            UP,
            DOWN,
            b(&[PageUp], "PgUp", "page up", Msg::PageUp),
            b(&[PageDown], "PgDn", "page down", Msg::PageDown),
            BACK,
            QUIT,
        ],
        Mode::Load => vec![
            UP,
            DOWN,
            b(&[Enter], "Enter", "resume", Msg::Confirm),
            BACK,
            QUIT,
        ],
        Mode::Scenarios => vec![
            UP,
            DOWN,
            b(&[Left, Char('h')], "←h", "players", Msg::Left),
            b(&[Right, Char('l')], "→l", "players", Msg::Right),
            b(&[Enter], "Enter", "start", Msg::Confirm),
            BACK,
            QUIT,
        ],
        Mode::Replay => replay_bindings(),
        Mode::End => vec![
            UP,
            DOWN,
            b(&[Char('r')], "r", "report", Msg::Report),
            b(&[Enter, Esc], "Enter", "leave", Msg::Confirm),
            QUIT,
        ],
        Mode::Handoff => vec![b(&[Enter], "Enter", "ready", Msg::Confirm), HELP, QUIT],
        Mode::Chooser => vec![
            UP,
            DOWN,
            b(&[Enter], "Enter", "play", Msg::Confirm),
            BACK,
            HELP,
            QUIT,
        ],
        Mode::Deal => deal_bindings(offers),
        Mode::Turn => vec![
            UP,
            DOWN,
            b(&[Enter], "Enter", "choose", Msg::Confirm),
            PGUP,
            PGDN,
            HELP,
            QUIT,
        ],
        Mode::Watching => vec![PGUP, PGDN, HELP, QUIT],
    };
    if offers.undo && matches!(mode, Mode::Turn | Mode::Deal | Mode::Handoff) {
        v.insert(v.len() - 2, UNDO);
    }
    v
}

/// The title menu's keys (also drawn on the first frame, before the game data has loaded).
pub(crate) fn menu_bindings() -> Vec<Binding> {
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

fn deal_bindings(offers: Offers) -> Vec<Binding> {
    let mut v = vec![UP, DOWN, b(&[Enter], "Enter", "do", Msg::Confirm)];
    if offers.send {
        v.push(b(&[Char('s')], "s", "send", Msg::Send));
    }
    if offers.withdraw {
        v.push(b(&[Char('w'), Esc], "w/Esc", "withdraw", Msg::Withdraw));
    }
    v.extend([PGUP, PGDN, HELP, QUIT]);
    v
}

/// The help's key list: for each of [`strings::HELP_KEYS`]'s groups of messages, the labels
/// the key table gives their keys (each once, in table order) and what the group does; then the
/// help's lines for what is not a key of the table.
pub(crate) fn help_keys() -> Vec<(String, &'static str)> {
    let table: Vec<Binding> = all_bindings().collect();
    let keys = strings::HELP_KEYS.iter().map(|(msgs, what)| {
        let mut labels: Vec<&str> = Vec::new();
        for b in table.iter().filter(|b| msgs.contains(&b.msg)) {
            if !labels.contains(&b.label) {
                labels.push(b.label);
            }
        }
        (labels.join(" "), *what)
    });
    let extra = strings::HELP_NOT_KEYS
        .iter()
        .map(|(k, w)| ((*k).to_owned(), *w));
    keys.chain(extra).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A key added to the table without a line in the help would be a key no one is told of.
    #[test]
    fn the_help_names_every_message_of_the_table() {
        for b in all_bindings() {
            let listed = strings::HELP_KEYS.iter().any(|(m, _)| m.contains(&b.msg));
            assert!(listed, "the help does not list {:?} ({})", b.msg, b.label);
        }
        let help = help_keys();
        assert!(help.iter().any(|(k, _)| k == "PgUp PgDn"), "{help:?}");
        assert!(help.iter().all(|(k, _)| !k.is_empty()), "{help:?}");
    }
}
