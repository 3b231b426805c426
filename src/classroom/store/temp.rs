//! The temporary files of atomic writes: `.NAME.PID.tmp`, named by the writing process, so one
//! left by a killed process can be told from one being written right now, and swept.

use std::fs;
use std::path::{Path, PathBuf};

/// The temp file a process writes `name` through before renaming it into place.
pub(crate) fn temp_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Removes the temp files in `dir` left by processes that no longer run (all of them, or those
/// for the file `only` when given). A temp of a live process is being written: it is left alone.
/// Best effort: a folder that cannot be listed, or a file that cannot be removed, is no failure.
pub(crate) fn sweep_stale(dir: &Path, only: Option<&str>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some((name, pid)) = file_name.to_str().and_then(parse_temp) else {
            continue;
        };
        if only.is_some_and(|o| o != name) || pid == std::process::id() || alive(pid) {
            continue;
        }
        // Only plain files: a folder or a link named like a temp is not ours to remove.
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `.NAME.PID.tmp` to `(NAME, PID)`.
fn parse_temp(file_name: &str) -> Option<(&str, u32)> {
    let inner = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (name, pid) = inner.rsplit_once('.')?;
    if name.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((name, pid.parse().ok()?))
}

#[cfg(unix)]
#[allow(unsafe_code)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists. EPERM means it
    // exists under another user (a shared classroom folder): alive, so its temp is kept.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Without a way to ask, every process is taken to be alive: nothing is swept.
#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A process id that ran and ended: a child that has been waited for.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true")
            .spawn()
            .expect("spawn `true`");
        let pid = child.id();
        child.wait().expect("wait");
        pid
    }

    #[test]
    fn temp_names_parse_back() {
        assert_eq!(parse_temp(".a.json.123.tmp"), Some(("a.json", 123)));
        assert_eq!(parse_temp(".a.json.tmp"), None);
        assert_eq!(parse_temp("a.json.1.tmp"), None);
        assert_eq!(parse_temp("..1.tmp"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_dead_process_temp_is_swept_and_a_live_one_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dead = dir.path().join(format!(".g.json.{}.tmp", dead_pid()));
        let live = temp_path(dir.path(), "g.json");
        let other = dir.path().join(format!(".h.json.{}.tmp", dead_pid()));
        for p in [&dead, &live, &other] {
            fs::write(p, "half a save").expect("write");
        }
        sweep_stale(dir.path(), Some("g.json"));
        assert!(!dead.exists(), "a dead writer's temp is removed");
        assert!(live.exists(), "this process's own temp is kept");
        assert!(other.exists(), "only temps of the named file are swept");
        sweep_stale(dir.path(), None);
        assert!(!other.exists());
    }
}
