//! The terminal game (Model-Update-View on ratatui): `app` holds the model and its update
//! function, `view` draws it, `keys` maps keys to messages, and this module runs the loop.

pub mod app;
mod bot;
pub mod describe;
pub mod keys;
pub mod lists;
pub mod log;
pub mod msg;
pub mod popups;
pub mod replay;
mod report;
pub mod screens;
pub mod session;
pub mod strings;
mod term;
pub mod text;
pub mod theme;
pub mod view;
pub mod widgets;

use crate::ai::Budget;
use crate::classroom::{self, Library, store};
use crate::cli::{ColorChoice, PlayArgs};
use crate::engine::Content;
use app::App;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use msg::Msg;
use ratatui::layout::Position;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A fresh seed for a game the user did not seed; the board shows it so the game can be replayed.
fn fresh_seed() -> u64 {
    crate::classroom::random_seed()
}

/// `alliance` with no command, when the data is already loaded.
pub fn menu(content: Arc<Content>, data_dir: Option<&Path>, color: ColorChoice) -> ExitCode {
    let app = match classroom_app(content, data_dir, term::theme_for(color)) {
        Ok(app) => app,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::FAILURE;
        }
    };
    run(app)
}

/// An app with the scenarios of `data_dir` and the save folder, or the scenario files' errors.
fn classroom_app(
    content: Arc<Content>,
    data_dir: Option<&Path>,
    theme: theme::Theme,
) -> Result<App, String> {
    let library = Library::new(content.clone(), data_dir).map_err(|errors| {
        let n = errors.0.len();
        format!("{errors}\n{n} error(s) in the scenario files.")
    })?;
    let mut app = App::new(content, theme);
    app.next_seed = fresh_seed();
    app.library = Some(library);
    app.save_dir = store::save_dir();
    Ok(app)
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
    match classroom_app(content, dir.as_deref(), theme) {
        Ok(app) => finish(tty, guard, app),
        Err(why) => {
            // The guard goes first, so the message prints on a restored terminal.
            drop(guard);
            eprintln!("{why}");
            ExitCode::FAILURE
        }
    }
}

fn terminal_failed(e: &std::io::Error) -> ExitCode {
    term::restore();
    eprintln!("Cannot set up the terminal ({e}); run `alliance` in an interactive terminal.");
    ExitCode::FAILURE
}

/// `alliance play`: straight into a new, scenario or resumed game; leaving it quits. Anything
/// wrong with the arguments is said before the terminal is touched.
pub fn play(
    content: Arc<Content>,
    data_dir: Option<&Path>,
    args: &PlayArgs,
    color: ColorChoice,
) -> ExitCode {
    let mut app = match classroom_app(content, data_dir, term::theme_for(color)) {
        Ok(app) => app,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::FAILURE;
        }
    };
    app.has_menu = false;
    app.pace = Duration::from_millis(args.pace_ms);
    if let Some(n) = args.iterations {
        app.budget = Budget::Iterations(n);
    }
    let Some(lib) = app.library.as_ref() else {
        return ExitCode::FAILURE;
    };
    match classroom::play::start(lib, args) {
        Ok(started) => app.start_session(started),
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::FAILURE;
        }
    }
    run(app)
}

/// `alliance replay FILE`: steps through a recorded game. A record that does not load, or was
/// made with other data, is refused before the terminal is touched.
pub fn replay(
    content: Arc<Content>,
    data_dir: Option<&Path>,
    file: &Path,
    color: ColorChoice,
) -> ExitCode {
    let mut app = match classroom_app(content, data_dir, term::theme_for(color)) {
        Ok(app) => app,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::FAILURE;
        }
    };
    let Some(lib) = app.library.as_ref() else {
        return ExitCode::FAILURE;
    };
    let cursor = lib
        .open_record(file)
        .and_then(|(record, content)| classroom::RecordCursor::new(file, &record, content));
    match cursor {
        Ok(cursor) => {
            let name = file.display().to_string();
            app.screen = app::Screen::Replay(Box::new(replay::Replay::new(cursor, name)));
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    }
    app.has_menu = false;
    run(app)
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
    // The drill's countdown is redrawn a few times a second, and its timeout is noticed in time.
    if s.play.drill_remaining().is_some() {
        return Duration::from_millis(200);
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
        dirty |= app::update(app, Msg::Tick);
    }
    Ok(())
}

/// Turns one terminal event into messages. Returns whether the screen needs a redraw.
fn handle(app: &mut App, ev: Event) -> bool {
    // A test hook: with ALLIANCE_TEST_PANIC set, `!` panics, so the end-to-end tests can check
    // that a crash still gives the terminal back.
    if let Event::Key(k) = &ev
        && k.code == crossterm::event::KeyCode::Char('!')
        && std::env::var_os("ALLIANCE_TEST_PANIC").is_some()
    {
        panic!("test panic requested with ALLIANCE_TEST_PANIC");
    }
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
    msg.is_some_and(|m| app::update(app, m))
}
