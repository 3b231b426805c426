//! The server's log file, `serve.log` beside the database: the facilitator's password of each
//! start and every step the facilitator takes, one dated line each, so the instructor can find
//! the password again (it is also printed) and see afterwards who steered what.

use std::io::Write;
use std::path::{Path, PathBuf};

pub struct ServerLog {
    path: PathBuf,
}

impl ServerLog {
    /// The log beside `db`; nothing is written until the first line.
    pub fn beside(db: &Path) -> ServerLog {
        ServerLog {
            path: super::host_key_path(db).with_file_name("serve.log"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one dated line. A log that cannot be written is said on standard error; the
    /// class goes on (the database holds everything that matters).
    pub fn line(&self, text: &str) {
        let stamp = utc_stamp(std::time::SystemTime::now());
        let mut opts = std::fs::OpenOptions::new();
        opts.create(true).append(true);
        // The log holds the facilitator's password: only its owner may read it.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let written = opts
            .open(&self.path)
            .and_then(|mut f| writeln!(f, "{stamp} {}", text.replace('\n', " ")));
        if let Err(e) = written {
            eprintln!("cannot write the server log {}: {e}", self.path.display());
        }
    }
}

/// `2026-12-01 12:34:56Z` for a time (the proleptic Gregorian calendar, from days since 1970).
pub fn utc_stamp(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's civil_from_days.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::utc_stamp;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn dates_are_the_calendar_ones() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "1970-01-01 00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_709_210_096);
        assert_eq!(utc_stamp(t), "2024-02-29 12:34:56Z");
    }
}
