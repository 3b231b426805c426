//! The `alliance` binary: everything happens in [`symmetric_alliance::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    symmetric_alliance::cli::main()
}
