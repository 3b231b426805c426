//! `alliance replay FILE`: steps through a recorded game on the screen.

use super::output::Outcome;
use super::{Context, exit, fail, terminal_check};
use crate::classroom::{Library, RecordCursor};
use crate::tui::TuiError;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug, Clone)]
pub struct ReplayArgs {
    /// A game record or save file.
    pub file: PathBuf,
}

pub(super) fn run(ctx: &Context, args: &ReplayArgs) -> Outcome {
    if let Err(e) = check_record(ctx, &args.file) {
        return fail(e);
    }
    if let Err(why) = terminal_check("alliance replay") {
        return fail(why);
    }
    exit(crate::tui::replay(
        ctx.content.clone(),
        ctx.data_dir(),
        &args.file,
        ctx.color.into(),
    ))
}

/// A record that does not load, was made with other data or does not replay is said as the
/// screen would say it, before the terminal check: the file's fault is the one to fix first.
fn check_record(ctx: &Context, file: &Path) -> Result<(), TuiError> {
    let lib = Library::new(ctx.content.clone(), ctx.data_dir()).map_err(TuiError::Scenarios)?;
    let (record, content) = lib.open_record(file)?;
    RecordCursor::new(file, &record, content)?;
    Ok(())
}
