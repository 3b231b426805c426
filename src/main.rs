//! The `alliance` binary: everything happens in [`symmetric_alliance::cli`].

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    symmetric_alliance::cli::run(symmetric_alliance::cli::Cli::parse())
}
