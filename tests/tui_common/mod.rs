//! Helpers for the screen tests: an app on a test backend, driven by key presses.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use symmetric_alliance::cli::Player;
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::Content;
use symmetric_alliance::tui::app::{self, App, Screen};
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

/// Presses a key as the real loop would: through the key map, then update.
pub fn press(a: &mut App, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(m) = keys::to_msg(a, key) {
        app::update(a, m);
    }
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
