//! `alliance replay FILE`: steps through a recorded game on the screen.

use super::{Context, exit};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct ReplayArgs {
    /// A game record or save file.
    pub file: PathBuf,
}

pub(super) fn run(ctx: &Context, args: &ReplayArgs) -> ExitCode {
    exit(crate::tui::replay(
        ctx.content.clone(),
        ctx.data_dir(),
        &args.file,
        ctx.color.into(),
    ))
}
