//! The terminal game (Model-Update-View on ratatui): `app` holds the model and its update
//! function, `view` draws it, `keys` maps keys to messages, `command` does the file and thread
//! work `update` asks for, and this module runs the loop.

pub mod app;
mod bot;
pub mod command;
pub mod deal_table;
pub mod describe;
pub mod keys;
pub mod lists;
pub mod log;
pub mod markdown;
mod md_table;
pub mod mode;
pub mod msg;
pub mod points;
pub(crate) mod popups;
pub mod reference;
mod refusal;
pub mod replay;
mod report;
pub mod screens;
pub mod session;
pub(crate) mod strings;
mod term;
pub(crate) mod text;
pub mod theme;
pub mod tutorial;
pub mod view;
pub(crate) mod widgets;

use crate::classroom::{self, Library, PlayOptions, store};
use crate::content::DataErrors;
use crate::engine::Content;
use app::App;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use msg::Msg;
use ratatui::layout::Position;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
pub use term::ColorChoice;

/// Why the screen could not start, or stopped. The command line prints the message and fails.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("{0}\n{n} error(s) in the game data.", n = .0.0.len())]
    Data(DataErrors),
    #[error("{0}\n{n} error(s) in the scenario files.", n = .0.0.len())]
    Scenarios(DataErrors),
    /// The game asked for cannot start (no such scenario, no save to resume, ...).
    #[error("{0}")]
    Start(#[from] classroom::play::StartError),
    #[error("{0}")]
    Record(#[from] classroom::RecordError),
    #[error("Cannot set up the terminal ({0}); run `alliance` in an interactive terminal.")]
    Terminal(std::io::Error),
    #[error("The terminal failed ({0}); the game was closed.")]
    Failed(std::io::Error),
}

/// The scenarios of `data_dir`, or their files' errors.
fn library(content: Arc<Content>, data_dir: Option<&Path>) -> Result<Library, TuiError> {
    Library::new(content, data_dir).map_err(TuiError::Scenarios)
}

/// An app with the scenarios and the save folder.
fn classroom_app(library: Library, theme: theme::Theme) -> App {
    let mut app = App::new(library.base().clone(), theme);
    app.next_seed = classroom::fresh_seed();
    app.library = Some(library);
    app.save_dir = store::save_dir();
    app
}

/// `alliance` with no command. The menu's first frame needs no game data, so it is drawn before
/// the rules and decks are parsed (parsing takes longer than starting the terminal). Keys pressed
/// meanwhile wait in the terminal's queue.
pub fn menu_loading(dir: Option<&Path>, color: ColorChoice) -> Result<(), TuiError> {
    let theme = term::theme_for(color);
    let (mut tty, guard) = term::enter().map_err(terminal_failed)?;
    if let Err(e) = tty.draw(|f| view::first_menu_frame(f, &theme)) {
        drop(guard);
        return Err(terminal_failed(e));
    }
    // On an error the guard goes first, so the message prints on a restored terminal.
    let loaded = crate::content::load_data(dir)
        .map_err(TuiError::Data)
        .and_then(|content| library(content, dir));
    match loaded {
        Ok(lib) => finish(tty, guard, classroom_app(lib, theme)),
        Err(e) => {
            drop(guard);
            Err(e)
        }
    }
}

fn terminal_failed(e: std::io::Error) -> TuiError {
    term::restore();
    TuiError::Terminal(e)
}

/// `alliance play`: straight into a new, scenario or resumed game; leaving it quits. Anything
/// wrong with the game asked for is said before the terminal is touched.
pub fn play(
    content: Arc<Content>,
    data_dir: Option<&Path>,
    options: &PlayOptions,
    color: ColorChoice,
) -> Result<(), TuiError> {
    let lib = library(content, data_dir)?;
    let started = classroom::play::start(&lib, &options.start)?;
    let mut app = classroom_app(lib, term::theme_for(color));
    app.has_menu = false;
    app.pace = options.pace;
    app.budget = options.budget;
    app.start_session(started);
    run(app)
}

/// `alliance replay FILE`: steps through a recorded game. A record that does not load, or was
/// made with other data, is refused before the terminal is touched.
pub fn replay(
    content: Arc<Content>,
    data_dir: Option<&Path>,
    file: &Path,
    color: ColorChoice,
) -> Result<(), TuiError> {
    let lib = library(content, data_dir)?;
    let cursor = lib
        .open_record(file)
        .and_then(|(record, content)| classroom::RecordCursor::new(file, &record, content))?;
    let mut app = classroom_app(lib, term::theme_for(color));
    let name = file.display().to_string();
    app.screen = app::Screen::Replay(Box::new(replay::Replay::new(cursor, name)));
    app.has_menu = false;
    run(app)
}

fn run(app: App) -> Result<(), TuiError> {
    match term::enter() {
        Ok((tty, guard)) => finish(tty, guard, app),
        Err(e) => Err(terminal_failed(e)),
    }
}

/// Runs the loop on an entered terminal, then restores it.
fn finish(mut tty: term::Tty, guard: term::Guard, mut app: App) -> Result<(), TuiError> {
    let result = event_loop(&mut tty, &mut app);
    drop(guard);
    result.map_err(TuiError::Failed)
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
        dirty |= command::receive_bot(app);
        dirty |= command::dispatch(app, Msg::Tick);
        // A signal from outside leaves like Ctrl-C: the game is saved after every action, and the
        // guard restores the terminal.
        if term::stop_requested() {
            command::dispatch(app, Msg::ForceQuit);
        }
    }
    Ok(())
}

/// Turns one terminal event into messages. Returns whether the screen needs a redraw. Public so
/// the screen fuzz test drives the very handler the loop uses.
pub fn handle(app: &mut App, ev: Event) -> bool {
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
    msg.is_some_and(|m| command::dispatch(app, m))
}
