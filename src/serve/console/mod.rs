//! The facilitator's console: `ssh facilitator@HOST` with the password of this start. It shows
//! the class at a glance (live, sortable, scrolling), opens any table read-only as a spectator
//! sees it, steers the class with typed commands, and ends it with the comparison report.
//!
//! - [`overview`]: the rows of the class at a glance.
//! - [`draw`]: the console's screens.
//! - [`command`]: the typed commands, parsed into steps for the world to take.

pub mod command;
pub mod draw;
mod join;
mod keys;
pub mod overview;

use super::screen::GameScreen;
use overview::Sort;

/// What the console shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Showing {
    Class,
    /// One table, read-only.
    Table(i64),
    /// The comparison of every table.
    Compare,
}

/// One facilitator's console (several may be connected, each with its own).
pub struct Console {
    pub showing: Showing,
    pub sort: Sort,
    /// The selected row of the class list.
    pub cursor: usize,
    /// The command being typed, after `:`.
    pub typed: Option<String>,
    /// The answer to the last command, or a hint.
    pub message: Option<String>,
    /// The spectator's screen of the open table.
    pub watch: Option<GameScreen>,
    /// The comparison's lines, built when asked for.
    pub compare: Vec<String>,
    pub compare_scroll: usize,
}

impl Console {
    pub fn new() -> Console {
        Console {
            showing: Showing::Class,
            sort: Sort::Table,
            cursor: 0,
            typed: None,
            message: Some("Welcome. Enter opens a table; : types a command (try :help).".into()),
            watch: None,
            compare: Vec::new(),
            compare_scroll: 0,
        }
    }
}

impl Default for Console {
    fn default() -> Self {
        Self::new()
    }
}
