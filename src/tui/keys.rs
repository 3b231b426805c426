//! Every key binding, in one place. The same table drives the key handler and the key bar, so the
//! bar always shows exactly the keys that work now.

use super::app::App;
use super::deal_table::{DealRow, TERM_LETTERS};
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
    /// Whether the key bar shows it; a key the screen itself explains (the encyclopedia's
    /// filter line) is left off the bar so the bar fits one row at 80 columns.
    pub bar: bool,
}

const fn b(keys: &'static [KeyCode], label: &'static str, what: &'static str, msg: Msg) -> Binding {
    Binding {
        keys,
        label,
        what,
        msg,
        bar: true,
    }
}

/// `x`, off the key bar (it still works, and the help lists it).
const fn quiet(x: Binding) -> Binding {
    Binding { bar: false, ..x }
}

use KeyCode::{Backspace, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up};

const UP: Binding = b(&[Up, Char('k')], "↑k", "up", Msg::Up);
const DOWN: Binding = b(&[Down, Char('j')], "↓j", "down", Msg::Down);
const PGUP: Binding = b(&[PageUp], "PgUp", "log up", Msg::PageUp);
const PGDN: Binding = b(&[PageDown], "PgDn", "log down", Msg::PageDown);
const HELP: Binding = b(&[Char('?')], "?", "help", Msg::Help);
const QUIT: Binding = b(&[Char('q')], "q", "quit", Msg::Quit);
const BACK: Binding = b(&[Esc], "Esc", "back", Msg::Back);
const CARD_UP: Binding = b(&[Char('[')], "[", "card up", Msg::CardUp);
const CARD_DOWN: Binding = b(&[Char(']')], "]", "card down", Msg::CardDown);
const UNDO: Binding = b(&[Char('u')], "u", "undo", Msg::Undo);

/// The number keys that pick the first nine rows of the hand or of the chooser.
static DIGIT_KEYS: [KeyCode; 9] = [
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
    Char('9'),
];
static DIGIT_LABELS: [&str; 9] = ["1", "1-2", "1-3", "1-4", "1-5", "1-6", "1-7", "1-8", "1-9"];

/// The letters that pick the deal editor's term rows ([`TERM_LETTERS`], as keys).
static LETTER_KEYS: [KeyCode; 20] = {
    let mut keys = [Char('a'); 20];
    let mut i = 0;
    while i < 20 {
        keys[i] = Char(TERM_LETTERS[i]);
        i += 1;
    }
    keys
};
static LETTER_LABELS: [&str; 20] = [
    "a", "a-b", "a-c", "a-d", "a-e", "a-f", "a-g", "a-h", "a-i", "a-l", "a-m", "a-n", "a-o", "a-p",
    "a-r", "a-t", "a-v", "a-x", "a-y", "a-z",
];

/// The first `n` rows' number keys (at most nine), as one entry of the bar.
fn digits(n: usize, what: &'static str) -> Option<Binding> {
    let n = n.min(DIGIT_KEYS.len());
    (n > 0).then(|| b(&DIGIT_KEYS[..n], DIGIT_LABELS[n - 1], what, Msg::Pick(0)))
}

/// The first `n` term rows' letters, as one entry of the bar.
fn letters(n: usize) -> Option<Binding> {
    let n = n.min(LETTER_KEYS.len());
    let what = "add/drop term";
    (n > 0).then(|| b(&LETTER_KEYS[..n], LETTER_LABELS[n - 1], what, Msg::Pick(0)))
}

/// Which of the keys that depend on the game's state it offers now.
#[derive(Clone, Copy, Debug, Default)]
struct Offers {
    undo: bool,
    send: bool,
    withdraw: bool,
    open_deal: bool,
    accept: bool,
    counter: bool,
    /// The card panel's text is longer than the panel.
    card_scroll: bool,
    /// Rows a number or a letter can pick: the hand's, the chooser's or the deal's terms.
    picks: usize,
}

impl Offers {
    fn of(app: &App, mode: Mode) -> Offers {
        let Some(s) = app.session() else {
            return Offers::default();
        };
        // The legal actions are asked for only where the keys depend on them.
        let legal = match mode {
            Mode::Deal | Mode::Answer | Mode::Turn => s.game().legal_actions(),
            _ => Vec::new(),
        };
        let picks = match mode {
            Mode::Turn if s.human_to_move().is_some() => s.rows().len(),
            Mode::Chooser => s.chooser.as_ref().map_or(0, |c| c.options.len()),
            Mode::Deal => s
                .deal_table()
                .iter()
                .filter(|r| matches!(r, DealRow::Term { .. }))
                .count(),
            _ => 0,
        };
        Offers {
            undo: s.undo_side().is_some(),
            send: legal.contains(&Action::Send),
            withdraw: legal.contains(&Action::Withdraw),
            open_deal: mode == Mode::Turn && legal.contains(&Action::OpenDeal),
            accept: legal.contains(&Action::Accept),
            counter: legal.contains(&Action::Counter),
            card_scroll: matches!(mode, Mode::Turn | Mode::Chooser)
                && crate::tui::screens::board::detail_overflows(s, app.size),
            picks,
        }
    }
    const ALL: Offers = Offers {
        undo: true,
        send: true,
        withdraw: true,
        open_deal: true,
        accept: true,
        counter: true,
        card_scroll: true,
        picks: usize::MAX,
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
            UP,
            DOWN,
            b(&[PageUp], "PgUp", "page up", Msg::PageUp),
            b(&[PageDown], "PgDn", "page down", Msg::PageDown),
            b(&[Esc, Char('?'), Enter], "Esc", "close help", Msg::Back),
            QUIT,
        ],
        Mode::Menu => menu_bindings(),
        Mode::Cards => cards_bindings(),
        Mode::Rules => vec![
            UP,
            DOWN,
            b(&[PageUp], "PgUp", "page up", Msg::PageUp),
            b(&[PageDown], "PgDn", "page down", Msg::PageDown),
            b(&[Home], "Home", "top", Msg::Home),
            b(&[End], "End", "bottom", Msg::End),
            b(&[Char('/')], "/", "search", Msg::Find),
            b(&[Char('n')], "n/N", "next", Msg::NextMatch),
            quiet(b(&[Char('N')], "N", "previous", Msg::PrevMatch)),
            BACK,
            QUIT,
        ],
        Mode::Find => vec![
            b(&[Enter], "Enter", "search", Msg::Confirm),
            b(&[Backspace], "⌫", "erase", Msg::Erase),
            b(&[Esc], "Esc", "cancel", Msg::Back),
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
        Mode::Chooser => {
            let mut v: Vec<Binding> = digits(offers.picks, "option").into_iter().collect();
            v.extend([b(&[Enter], "Enter", "play", Msg::Confirm), UP, DOWN, BACK]);
            v.extend(card_scroll(offers));
            v.extend([HELP, QUIT]);
            v
        }
        Mode::Deal => deal_bindings(offers),
        Mode::Answer => answer_bindings(offers),
        Mode::DealPeek => vec![
            b(&[Esc, Enter], "Esc", "back to the deal", Msg::Back),
            PGUP,
            PGDN,
            HELP,
            QUIT,
        ],
        Mode::ConfirmWithdraw => vec![
            b(&[Char('y')], "y", "withdraw", Msg::Yes),
            b(&[Char('n'), Esc], "n", "keep drafting", Msg::No),
        ],
        Mode::Turn => turn_bindings(offers),
        Mode::Watching => vec![PGUP, PGDN, HELP, QUIT],
    };
    if offers.undo && matches!(mode, Mode::Turn | Mode::Deal | Mode::Answer | Mode::Handoff) {
        v.insert(v.len() - 2, UNDO);
    }
    v
}

/// The encyclopedia: the filters (named on the screen's filter line, so off the bar), search.
fn cards_bindings() -> Vec<Binding> {
    vec![
        UP,
        DOWN,
        b(&[PageUp], "PgUp", "text up", Msg::PageUp),
        b(&[PageDown], "PgDn", "text down", Msg::PageDown),
        quiet(b(&[Home], "Home", "first", Msg::Home)),
        quiet(b(&[End], "End", "last", Msg::End)),
        quiet(b(&[Char('s')], "s", "side", Msg::FilterSide)),
        quiet(b(&[Char('t')], "t", "kind", Msg::FilterKind)),
        quiet(b(&[Char('e')], "e", "era", Msg::FilterEra)),
        quiet(b(&[Char('x')], "x", "no filter", Msg::ClearFilter)),
        b(&[Char('/')], "/", "search", Msg::Find),
        BACK,
        HELP,
        QUIT,
    ]
}

/// The title menu's keys (also drawn on the first frame, before the game data has loaded).
pub(crate) fn menu_bindings() -> Vec<Binding> {
    vec![
        UP,
        DOWN,
        b(&[Left, Char('h')], "←h", "bot/drill", Msg::Left),
        b(&[Right, Char('l')], "→l", "bot/drill", Msg::Right),
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

/// A turn: what can be done now (a card by its number, a deal) before the navigation keys.
fn turn_bindings(offers: Offers) -> Vec<Binding> {
    let mut v: Vec<Binding> = digits(offers.picks, "card").into_iter().collect();
    if offers.open_deal {
        v.push(b(&[Char('d')], "d", "deal", Msg::OpenDeal));
    }
    v.extend([
        b(&[Enter], "Enter", "choose", Msg::Confirm),
        UP,
        DOWN,
        PGUP,
        PGDN,
    ]);
    v.extend(card_scroll(offers));
    v.extend([HELP, QUIT]);
    v
}

/// `[` and `]`, when the card panel's text is longer than the panel.
fn card_scroll(offers: Offers) -> Vec<Binding> {
    if offers.card_scroll {
        vec![CARD_UP, CARD_DOWN]
    } else {
        Vec::new()
    }
}

/// The deal editor: a term by its letter, send, withdraw (asks first); Esc only looks away.
fn deal_bindings(offers: Offers) -> Vec<Binding> {
    let mut v: Vec<Binding> = letters(offers.picks).into_iter().collect();
    if offers.send {
        v.push(b(&[Char('s')], "s", "send", Msg::Send));
    }
    if offers.withdraw {
        v.push(b(&[Char('w')], "w", "withdraw…", Msg::Withdraw));
    }
    v.extend([
        b(&[Enter], "Enter", "do", Msg::Confirm),
        UP,
        DOWN,
        b(&[Esc], "Esc", "see board", Msg::Back),
        PGUP,
        PGDN,
        HELP,
        QUIT,
    ]);
    v
}

/// An offer to answer: accept, counter, reject, each one key.
fn answer_bindings(offers: Offers) -> Vec<Binding> {
    let mut v = Vec::new();
    if offers.accept {
        v.push(b(&[Char('a')], "a", "accept", Msg::Accept));
    }
    if offers.counter {
        v.push(b(&[Char('c')], "c", "counter", Msg::Counter));
    }
    v.extend([
        b(&[Char('r')], "r", "reject", Msg::Reject),
        b(&[Enter], "Enter", "do", Msg::Confirm),
        UP,
        DOWN,
        b(&[Esc], "Esc", "see board", Msg::Back),
        PGUP,
        PGDN,
        HELP,
        QUIT,
    ]);
    v
}

/// The help's key list: for each of [`strings::HELP_KEYS`]'s groups of messages, the bar's labels
/// the key table gives their keys (each once, in table order) and what the group does; then the
/// help's lines for what is not a key of the table.
pub(crate) fn help_keys() -> Vec<(String, &'static str)> {
    let table: Vec<Binding> = all_bindings().collect();
    let keys = strings::HELP_KEYS.iter().map(|(msgs, what)| {
        let mut labels: Vec<&str> = Vec::new();
        // A key off the bar is named in its group's words or in a shown key's label ("n/N").
        for b in table.iter().filter(|b| b.bar && msgs.contains(&b.msg)) {
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
    let bindings = bindings(app);
    // The search line takes every character as text.
    if app.mode() == Mode::Find
        && let Char(c) = key.code
    {
        return Some(Msg::Type(c));
    }
    // A key the table has as typed (N in the rulebook) wins; else capitals mean their letter.
    let exact = bindings.iter().position(|b| b.keys.contains(&key.code));
    let code = match key.code {
        Char(c) if c.is_ascii_uppercase() && c != 'Y' && c != 'N' => Char(c.to_ascii_lowercase()),
        Char('Y') => Char('y'),
        Char('N') => Char('n'),
        other => other,
    };
    let found = exact.or_else(|| bindings.iter().position(|b| b.keys.contains(&code)))?;
    let binding = &bindings[found];
    let code = if exact.is_some() { key.code } else { code };
    // One entry stands for a row of keys: which key it was picks the row.
    match binding.msg {
        Msg::Pick(_) => binding.keys.iter().position(|k| *k == code).map(Msg::Pick),
        m => Some(m),
    }
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
