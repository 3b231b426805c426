//! The terminal game (Model-Update-View on ratatui).

use crate::cli::{ColorChoice, PlayArgs};
use crate::engine::Content;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// `alliance` with no command: the title menu.
pub fn menu(_content: Arc<Content>, _color: ColorChoice) -> ExitCode {
    eprintln!("The screen is not built yet; try `alliance sim`.");
    ExitCode::FAILURE
}

/// `alliance play`.
pub fn play(_content: Arc<Content>, _args: &PlayArgs, _color: ColorChoice) -> ExitCode {
    eprintln!("The screen is not built yet; try `alliance sim`.");
    ExitCode::FAILURE
}

/// `alliance replay FILE`.
pub fn replay(_content: Arc<Content>, _file: &Path, _color: ColorChoice) -> ExitCode {
    eprintln!("Replay is not built yet.");
    ExitCode::FAILURE
}
