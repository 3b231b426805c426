//! The terminal game (Model-Update-View on ratatui).

use crate::cli::{ColorChoice, PlayArgs};
use crate::engine::Content;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// `alliance` with no command: the title menu.
/// Until the screen lands, this plays and summarises a short batch of random games.
pub fn menu(content: Arc<Content>, _color: ColorChoice) -> ExitCode {
    let cfg = crate::sim::SimConfig {
        games: 1000,
        seed: 1,
        bots: [crate::ai::BotKind::Random; 2],
        budget: crate::ai::Budget::Iterations(0),
        threads: 1,
        progress: true,
    };
    print!("{}", crate::sim::run(&content, &cfg).to_text());
    ExitCode::SUCCESS
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
