//! Helpers for the screen tests: an app on a test backend, driven by key presses.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use symmetric_alliance::cli::Player;
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::{
    CardId, Condition, Content, Effect, Game, Phase, Pick, Term, View,
};
use symmetric_alliance::tui::app::{App, Screen};
use symmetric_alliance::tui::command;
use symmetric_alliance::tui::msg::Msg;
use symmetric_alliance::tui::session::Session;
use symmetric_alliance::tui::theme::Theme;
use symmetric_alliance::tui::{keys, view};

/// The frozen copy of the data in `tests/fixtures/tui`, so tuning the deck leaves snapshots alone.
pub fn content() -> Arc<Content> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui");
    let data = Data::from_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    Arc::new(data.build().unwrap_or_else(|e| panic!("{e}")))
}

pub fn app(mono: bool) -> App {
    let theme = if mono { Theme::mono() } else { Theme::color() };
    App::new(content(), theme)
}

/// An app in a hot-seat game from `seed`.
pub fn hot_seat(seed: u64) -> App {
    let mut a = app(false);
    a.has_menu = false;
    a.start_game(seed, [Player::Human, Player::Human]);
    a
}

pub fn session(a: &mut App) -> &mut Session {
    match &mut a.screen {
        Screen::Game(s) => s,
        _ => panic!("no game on screen"),
    }
}

/// Presses a key as the real loop would: through the key map, then update, then the
/// commands it returned (saves, reports, a bot's question).
pub fn press(a: &mut App, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(m) = keys::to_msg(a, key) {
        send(a, m);
    }
}

/// Sends one message as the real loop would: update, then its commands. Returns whether the
/// screen may have changed.
pub fn send(a: &mut App, msg: Msg) -> bool {
    command::dispatch(a, msg)
}

pub fn keys(a: &mut App, codes: &[KeyCode]) {
    for c in codes {
        press(a, *c);
    }
}

/// Renders the app at `w`×`h` and returns the test backend's text.
pub fn render(a: &mut App, w: u16, h: u16) -> String {
    a.size = (w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    let mut hits = Vec::new();
    t.draw(|f| hits = view::view(a, f)).expect("a frame");
    a.hits = hits;
    format!("{}", t.backend())
}

/// Renders the app at `w`×`h` and returns the cells with their styles, for tests of colour.
pub fn render_cells(a: &mut App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    a.size = (w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    let mut hits = Vec::new();
    t.draw(|f| hits = view::view(a, f)).expect("a frame");
    a.hits = hits;
    t.backend().buffer().clone()
}

/// How many cells of a frame have a foreground or background colour of their own.
pub fn coloured_cells(b: &ratatui::buffer::Buffer) -> usize {
    use ratatui::style::Color;
    let coloured = |c: Color| c != Color::Reset;
    b.content()
        .iter()
        .filter(|c| coloured(c.fg) || coloured(c.bg))
        .count()
}

/// Draws the app at `w`×`h` without reading the result back (the test backend cannot print a
/// zero-width buffer, though drawing one is fine).
pub fn draw(a: &mut App, w: u16, h: u16) {
    a.size = (w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    let mut hits = Vec::new();
    t.draw(|f| hits = view::view(a, f)).expect("a frame");
    a.hits = hits;
}

/// The app with the shipped scenarios built on the frozen test data.
pub fn with_library(mut a: App) -> App {
    let lib = symmetric_alliance::classroom::Library::new(a.content.clone(), None)
        .unwrap_or_else(|e| panic!("{e}"));
    a.library = Some(lib);
    a
}

/// A hot-seat app that autosaves into `dir`.
pub fn saved_hot_seat(seed: u64, dir: &std::path::Path) -> App {
    let mut a = with_library(app(false));
    a.has_menu = false;
    a.save_dir = Some(dir.to_path_buf());
    a.start_game(seed, [Player::Human, Player::Human]);
    a
}

/// What one viewer has seen of the cards so far: every card it has held, every card that has
/// been on the public board, every card offered to it in a sent deal, and its own headline
/// pick. A card outside this set is a secret from that viewer, so its title must not be on a
/// screen drawn for it. (A card seen once stays known: the log may still name it after it has
/// been reshuffled into the deck.)
#[derive(Clone, Debug, Default)]
pub struct Witness {
    seen: std::collections::HashSet<CardId>,
    /// Cards the revealed shocks name.
    named: std::collections::HashSet<CardId>,
}

impl Witness {
    /// Notes what `view` shows its side, or, with no view, what the public board shows.
    pub fn observe(&mut self, game: &Game, view: Option<&View>) {
        let (board, phase) = match view {
            Some(v) => (v.board, &v.phase),
            None => (game.board(), game.phase()),
        };
        let played = all_cards(game.content()).filter(|c| board.played.contains(*c));
        self.seen.extend(played);
        self.seen.extend(board.discard.iter().chain(&board.removed));
        let content = game.content();
        for s in &board.shocks_seen {
            let shock = content.shock(*s);
            let names = names_in(content, &shock.effects, &[], &shock.text);
            self.named.extend(names);
        }
        if let Some(v) = view {
            self.seen.extend(v.hand.iter());
        }
        match phase {
            Phase::Deal(d) if d.sent || view.is_some_and(|v| v.side == d.offerer) => {
                let terms = d.gives.iter().chain(d.asks.iter());
                self.seen.extend(terms.filter_map(|t| match t {
                    Term::Card(c) => Some(c),
                    Term::Vocab(_) => None,
                }));
            }
            Phase::Headline { picks } => {
                let own = view.map(|v| picks[v.side.index()]);
                if let Some(Pick::Chosen(c)) = own {
                    self.seen.insert(c);
                }
            }
            _ => {}
        }
    }

    /// The titles of the cards this viewer has never seen, held or been shown. A card that the
    /// rules of a card it has seen name ("«X» can no longer fire") is known by name, not by
    /// where it is, so its title is no secret either.
    pub fn secrets(&self, content: &Content, view: Option<&View>) -> Vec<String> {
        let mut known = self.seen.clone();
        known.extend(view.map_or(&[][..], |v| v.hand));
        let named: Vec<CardId> = known.iter().flat_map(|c| named_by(content, *c)).collect();
        known.extend(named);
        known.extend(&self.named);
        all_cards(content)
            .filter(|c| !known.contains(c))
            .map(|c| content.card(c).title.clone())
            .collect()
    }
}

fn all_cards(content: &Content) -> impl Iterator<Item = CardId> + '_ {
    (0..content.cards.len()).filter_map(|i| CardId::try_from(i).ok())
}

/// The cards that `card`'s rules, text or concept name (the card panel shows the concept, and
/// "Win-win: MASGA shipbuilding" names the card «MASGA»).
fn named_by(content: &Content, card: CardId) -> Vec<CardId> {
    let c = content.card(card);
    let words = format!("{}\n{}", c.text, c.concept.name());
    names_in(content, &c.effects, &c.requires, &words)
}

fn names_in(
    content: &Content,
    effects: &[Effect],
    requires: &[Condition],
    text: &str,
) -> Vec<CardId> {
    let mut refs = Vec::new();
    for e in effects {
        let _ = e.try_map_card(|c| {
            refs.push(c.0);
            Ok::<_, ()>(c)
        });
    }
    for r in requires {
        let _ = r.try_map_card(|c| {
            refs.push(c.0);
            Ok::<_, ()>(c)
        });
    }
    refs.extend(all_cards(content).filter(|c| text.contains(content.card(*c).title.as_str())));
    refs
}

/// Checks a rendered frame drawn for the viewer of `view` (`None`: the public, at a hand-off or
/// while bots play): no title of a card the viewer neither holds nor has seen is on it, whole or
/// cut short with `…`, so no hand, deck order or secret pick (a headline, a draft deal) shows.
/// Returns the first leaked title. Works on any text: a frame, or the log's lines.
pub fn leaked_card(frame: &str, game: &Game, view: Option<&View>, w: &Witness) -> Option<String> {
    let secrets = w.secrets(game.content(), view);
    frame.lines().find_map(|line| {
        let hit = |t: &String| line.contains(t.as_str()) || cut_short(line, t);
        secrets.iter().find(|t| hit(t)).cloned()
    })
}

/// Whether `line` shows `title` cut short: at least its first six characters, then `…`.
fn cut_short(line: &str, title: &str) -> bool {
    // Most lines have no `…`; those need no prefix built (the random-input test checks ~10^8).
    if !line.contains('…') {
        return false;
    }
    let chars: Vec<char> = title.chars().collect();
    (6..chars.len()).any(|n| {
        let cut: String = chars[..n].iter().chain(['…'].iter()).collect();
        line.contains(cut.as_str())
    })
}
