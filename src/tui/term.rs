//! The real terminal: raw mode, alternate screen and mouse capture on the way in, and all of it
//! undone on the way out, on a panic too. (`ratatui::restore` leaves mouse capture on, so this
//! module turns it off itself.) SIGTERM, SIGINT and SIGHUP only raise a flag here, which the loop
//! reads to leave by its normal way out.

use super::theme::Theme;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

pub type Tty = Terminal<CrosstermBackend<Stdout>>;

/// When the screen uses colour: `Auto` honours NO_COLOR.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Picks the theme for `--color` and NO_COLOR. Under NO_COLOR the app switches to a theme with no
/// colours at all, because crossterm resets every attribute on a colour change there.
pub fn theme_for(choice: ColorChoice) -> Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => {
            crossterm::style::force_color_output(true);
            Theme::color()
        }
        ColorChoice::Never => Theme::mono(),
        ColorChoice::Auto if no_color => Theme::mono(),
        ColorChoice::Auto => Theme::color(),
    }
}

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped, so every way out of the app (return, `?`, unwind) is covered.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Set by a terminating signal. A handler may do no I/O, so it only sets this; the loop quits.
static STOP: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// Whether SIGTERM, SIGINT or SIGHUP has come since the terminal was entered.
pub fn stop_requested() -> bool {
    STOP.get().is_some_and(|flag| flag.load(Ordering::Relaxed))
}

/// Turns the terminating signals into the flag. A second signal while the flag is already set
/// ends the program at once (status 1), so a loop that somehow stopped listening can still be
/// killed the usual way.
#[cfg(unix)]
fn catch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let flag = STOP.get_or_init(|| Arc::new(AtomicBool::new(false)));
    for signal in [SIGTERM, SIGINT, SIGHUP] {
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(flag))?;
        signal_hook::flag::register(signal, Arc::clone(flag))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn catch_signals() -> io::Result<()> {
    Ok(())
}

/// Enters the app's terminal mode and installs a panic hook that restores the terminal before the
/// panic message prints (so the message is readable), and the signal flag.
pub fn enter() -> io::Result<(Tty, Guard)> {
    if STOP.get().is_none() {
        catch_signals()?;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    let guard = Guard;
    // `Terminal::clear` asks the terminal where the cursor is and fails on one that does not
    // answer, so the screen is cleared with a plain escape instead.
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        Clear(ClearType::All)
    )?;
    let mut tty = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    tty.hide_cursor()?;
    Ok((tty, guard))
}
