//! Where the command line's words go: one writer for results on standard output, one for
//! messages on standard error, and the one place a failed write becomes an exit code.
//!
//! `println!` panics when standard output is a closed pipe (`alliance validate | head -1`) or a
//! full disk, so nothing in the command line uses it: every result goes through [`print`], and
//! every command's outcome through [`exit_code`].

use std::fmt::Display;
use std::io::{self, Write};
use std::process::ExitCode;

/// What a command ends with: its exit code, or the write to standard output that failed.
pub(super) type Outcome = io::Result<ExitCode>;

/// Writes `text` to standard output and flushes it, so that a write error is seen here and not
/// lost when the program exits.
pub(super) fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Says `why` on standard error, as one message. A message that cannot be written has nowhere
/// else to go, so that failure is let pass.
pub(super) fn say(why: impl Display) {
    let _ = writeln!(io::stderr().lock(), "{why}");
}

/// The exit code of a command's outcome. A closed pipe means the reader has all it wanted (as
/// `head` does), so the program stops quietly and succeeds; any other write error (a full disk)
/// is said in one line and fails.
pub(super) fn exit_code(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(format!("alliance: cannot write the output: {}", reason(&e)));
            ExitCode::FAILURE
        }
    }
}

/// The system's words for an error, without the "(os error 28)" a user has no use for.
fn reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_succeeds_and_other_errors_fail() {
        let pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(exit_code(Err(pipe)), ExitCode::SUCCESS);
        let full = io::Error::from_raw_os_error(28);
        assert_eq!(exit_code(Err(full)), ExitCode::FAILURE);
        assert_eq!(exit_code(Ok(ExitCode::from(3))), ExitCode::from(3));
    }

    #[test]
    fn the_reason_drops_the_error_number() {
        let full = io::Error::from_raw_os_error(28);
        assert_eq!(reason(&full), "No space left on device");
        let other = io::Error::other("the disk went away");
        assert_eq!(reason(&other), "the disk went away");
    }
}
