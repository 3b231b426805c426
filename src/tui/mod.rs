//! The terminal game (Model-Update-View on ratatui): `app` holds the model and its update
//! function, `view` draws it, `keys` maps keys to messages, and this module runs the loop.

pub mod app;
mod bot;
pub mod describe;
pub mod keys;
pub mod log;
pub mod msg;
pub mod popups;
pub mod screens;
pub mod session;
pub mod strings;
mod term;
pub mod text;
pub mod theme;
pub mod view;
pub mod widgets;

use crate::ai::Budget;
use crate::cli::{ColorChoice, PlayArgs};
use crate::engine::Content;
use app::App;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use msg::Msg;
use ratatui::layout::Position;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A fresh seed for a game the user did not seed. It comes from the OS's hash keys, not the clock,
/// and the board shows it so the game can be replayed.
fn fresh_seed() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u8(0);
    h.finish() % 1_000_000
}

/// `alliance` with no command: the title menu.
pub fn menu(content: Arc<Content>, color: ColorChoice) -> ExitCode {
    let mut app = App::new(content, term::theme_for(color));
    app.next_seed = fresh_seed();
    run(app)
}

/// `alliance` with no command. The menu's first frame needs no game data, so it is drawn before
/// the rules and decks are parsed (parsing takes longer than starting the terminal). Keys pressed
/// meanwhile wait in the terminal's queue.
pub fn menu_loading(dir: Option<PathBuf>, color: ColorChoice) -> ExitCode {
    let theme = term::theme_for(color);
    let (mut tty, guard) = match term::enter() {
        Ok(t) => t,
        Err(e) => return terminal_failed(&e),
    };
    if let Err(e) = tty.draw(|f| view::first_menu_frame(f, &theme)) {
        drop(guard);
        return terminal_failed(&e);
    }
    let content = match crate::cli::load_data(dir.as_ref()) {
        Ok(c) => c,
        Err(errors) => {
            drop(guard);
            eprintln!("{errors}");
            eprintln!("{} error(s) in the game data.", errors.0.len());
            return ExitCode::FAILURE;
        }
    };
    let mut app = App::new(content, theme);
    app.next_seed = fresh_seed();
    finish(tty, guard, app)
}

fn terminal_failed(e: &std::io::Error) -> ExitCode {
    term::restore();
    eprintln!("Cannot set up the terminal ({e}); run `alliance` in an interactive terminal.");
    ExitCode::FAILURE
}

/// `alliance play`: straight into a game; leaving it quits.
pub fn play(content: Arc<Content>, args: &PlayArgs, color: ColorChoice) -> ExitCode {
    let refused = [
        (args.scenario.is_some(), strings::NOT_YET_SCENARIO),
        (args.resume.is_some(), strings::NOT_YET_RESUME),
        (args.drill.is_some(), strings::NOT_YET_DRILL),
    ];
    if let Some((_, why)) = refused.iter().find(|(given, _)| *given) {
        eprintln!("{why}");
        return ExitCode::FAILURE;
    }
    let mut app = App::new(content, term::theme_for(color));
    app.has_menu = false;
    app.pace = Duration::from_millis(args.pace_ms);
    if let Some(n) = args.iterations {
        app.budget = Budget::Iterations(n);
    }
    app.start_game(
        args.seed.unwrap_or_else(fresh_seed),
        [args.washington, args.seoul],
    );
    run(app)
}

/// `alliance replay FILE`: built later, on top of the board widgets.
pub fn replay(_content: Arc<Content>, _file: &Path, _color: ColorChoice) -> ExitCode {
    eprintln!("{}", strings::REPLAY_NOT_BUILT);
    ExitCode::FAILURE
}

fn run(app: App) -> ExitCode {
    match term::enter() {
        Ok((tty, guard)) => finish(tty, guard, app),
        Err(e) => terminal_failed(&e),
    }
}

/// Runs the loop on an entered terminal, then restores it.
fn finish(mut tty: term::Tty, guard: term::Guard, mut app: App) -> ExitCode {
    let result = event_loop(&mut tty, &mut app);
    drop(guard);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("The terminal failed ({e}); the game was closed.");
            ExitCode::FAILURE
        }
    }
}

/// How long to wait for input before the bots need the loop again.
fn wait_time(app: &App) -> Duration {
    let Some(s) = app.session() else {
        return Duration::from_millis(500);
    };
    if s.bot_busy() {
        return Duration::from_millis(10);
    }
    match s.bot_due() {
        Some(due) => due.saturating_duration_since(Instant::now()),
        None => Duration::from_millis(500),
    }
}

fn event_loop(tty: &mut term::Tty, app: &mut App) -> std::io::Result<()> {
    let mut dirty = true;
    while !app.quit {
        let size = tty.size()?;
        app.size = (size.width, size.height);
        if dirty {
            let mut hits = Vec::new();
            tty.draw(|f| hits = view::view(app, f))?;
            app.hits = hits;
            dirty = false;
        }
        if event::poll(wait_time(app))? {
            dirty |= handle(app, event::read()?);
        }
        dirty |= app.tick();
    }
    Ok(())
}

/// Turns one terminal event into messages. Returns whether the screen needs a redraw.
fn handle(app: &mut App, ev: Event) -> bool {
    let msg = match ev {
        Event::Key(k) => keys::to_msg(app, k),
        Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(m.column, m.row);
            app.hits
                .iter()
                .rev()
                .find(|(r, _)| r.contains(at))
                .map(|(_, msg)| *msg)
        }
        Event::Mouse(m) if m.kind == MouseEventKind::ScrollUp => Some(Msg::PageUp),
        Event::Mouse(m) if m.kind == MouseEventKind::ScrollDown => Some(Msg::PageDown),
        Event::Resize(..) => return true,
        _ => return false,
    };
    match msg {
        Some(m) => {
            app::update(app, m);
            true
        }
        None => false,
    }
}
