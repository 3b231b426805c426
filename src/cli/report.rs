//! `alliance report FILE... [--format md|json|csv] [--compare]`: after-action reports of records.

use super::choices::FormatChoice;
use super::output::{Outcome, print};
use super::{Context, fail};
use crate::classroom::{self, Library};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct ReportArgs {
    /// The game record(s); with --compare, several records of the same scenario and seed.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The report's format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = FormatChoice::Markdown)]
    pub format: FormatChoice,
    /// Set several games side by side.
    #[arg(long)]
    pub compare: bool,
}

pub(super) fn run(ctx: &Context, args: &ReportArgs) -> Outcome {
    let lib = match Library::new(ctx.content.clone(), ctx.data_dir()) {
        Ok(lib) => lib,
        Err(e) => return fail(e),
    };
    match classroom::report(&lib, &args.files, args.format.into(), args.compare) {
        Ok(text) => {
            print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => fail(e),
    }
}
