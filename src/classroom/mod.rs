//! Classroom use: scenarios, saves, records, after-action reports, the negotiation drill.

use crate::cli::ReportArgs;
use crate::engine::Content;
use std::process::ExitCode;
use std::sync::Arc;

/// `alliance scenarios`.
pub fn list_scenarios(_content: &Content) -> ExitCode {
    eprintln!("Scenarios are not built yet.");
    ExitCode::FAILURE
}

/// `alliance report`.
pub fn report(_content: Arc<Content>, _args: &ReportArgs) -> ExitCode {
    eprintln!("Reports are not built yet.");
    ExitCode::FAILURE
}
