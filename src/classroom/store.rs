//! Save files on disk: the platform's data folder, atomic writes, and the list the menu's "Load"
//! shows. A save is written to a temporary file in the same folder, flushed to disk and renamed
//! over the old one, so a crash or a kill leaves either the old save or the new one, never half.

mod temp;

use super::record::GameRecord;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Overrides the save folder (for tests, portable installs and shared classroom machines).
pub(crate) const SAVE_DIR_ENV: &str = "ALLIANCE_SAVE_DIR";

/// Where autosaves go: `$ALLIANCE_SAVE_DIR`, or `saves/` in the platform's data folder
/// (`~/.local/share/symmetric-alliance` on Linux, `~/Library/Application Support/...` on macOS,
/// `%APPDATA%\...` on Windows).
pub fn save_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(SAVE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "symmetric-alliance").map(|d| d.data_dir().join("saves"))
}

/// Writes `bytes` to `path` atomically: temp file in the same folder, fsync, rename, fsync the
/// folder (so the rename itself survives a power cut).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "save".into(), |n| n.to_string_lossy().into_owned());
    // A killed writer (`alliance record` under SIGKILL) leaves its temp behind; the next write
    // of the same file clears it.
    temp::sweep_stale(dir, Some(&name));
    let tmp = temp::temp_path(dir, &name);
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    sync_dir(dir);
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Best effort: some file systems refuse to sync a folder, and the data is already safe.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// A fresh file for a new game's autosave, created empty here so no other game, in this process
/// or another, can take the same name: the name is claimed with an exclusive create
/// (`O_EXCL`), and the next free `-2`, `-3`, ... is tried when it is taken. Two classroom tables
/// that start the same seed in the same second thus get two files. If the folder cannot be
/// written, the first name is returned, and the first save reports why.
pub(crate) fn new_save_path(dir: &Path, scenario: Option<&str>, seed: u64) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stem = format!("{}-{secs}-{seed}", scenario.unwrap_or("game"));
    let _ = fs::create_dir_all(dir);
    temp::sweep_stale(dir, None);
    let first = dir.join(format!("{stem}.json"));
    for n in 1..10_000u32 {
        let path = match n {
            1 => first.clone(),
            _ => dir.join(format!("{stem}-{n}.json")),
        };
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(_) => return path,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) => return path,
        }
    }
    first
}

/// One file in the save folder, as the "Load" menu lists it.
#[derive(Clone, Debug)]
pub struct SaveEntry {
    pub path: PathBuf,
    pub(crate) modified: Option<SystemTime>,
    /// The record, or why it cannot be loaded (shown, never "repaired").
    pub record: Result<GameRecord, String>,
}

/// Every `*.json` in `dir`, newest first. An entry that is not a regular file (a FIFO, a link to
/// a device), is too large, or is the empty file of a game being started is listed with the
/// reason it cannot be loaded; none of them is opened for reading beyond a non-blocking check.
pub fn list_saves(dir: &Path) -> Vec<SaveEntry> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    temp::sweep_stale(dir, None);
    let mut saves: Vec<SaveEntry> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|path| SaveEntry {
            modified: fs::metadata(&path).and_then(|m| m.modified()).ok(),
            record: load_entry(&path),
            path,
        })
        .collect();
    saves.sort_by(|a, b| b.modified.cmp(&a.modified).then(b.path.cmp(&a.path)));
    saves
}

fn load_entry(path: &Path) -> Result<GameRecord, String> {
    if fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
        return Err(format!(
            "{} is empty: a game starting right now, or one stopped before its first save.",
            path.display()
        ));
    }
    GameRecord::load(path).map_err(|e| e.to_string())
}

/// The newest save that loads, for `alliance play --resume` without a file.
pub fn latest_save(dir: &Path) -> Option<PathBuf> {
    list_saves(dir)
        .into_iter()
        .find(|s| s.record.is_ok())
        .map(|s| s.path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one").expect("first write");
        write_atomic(&path, b"two").expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1, "only the save remains");
    }

    #[test]
    fn new_save_paths_never_collide() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = new_save_path(dir.path(), Some("classroom"), 7);
        fs::write(&a, "x").expect("write");
        let b = new_save_path(dir.path(), Some("classroom"), 7);
        assert_ne!(a, b);
    }

    /// Before names were claimed exclusively, two games that had not saved yet got one name.
    #[test]
    fn a_name_is_claimed_before_the_first_save() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = new_save_path(dir.path(), Some("classroom"), 2025);
        let b = new_save_path(dir.path(), Some("classroom"), 2025);
        assert_ne!(a, b, "the second game must not take the first one's file");
        assert!(a.exists() && b.exists(), "both names are held on disk");
    }

    #[test]
    fn many_games_started_at_once_get_their_own_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let start = std::sync::Barrier::new(8);
        let paths: Vec<PathBuf> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    s.spawn(|| {
                        start.wait();
                        new_save_path(dir.path(), Some("classroom"), 2025)
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        let distinct: std::collections::HashSet<_> = paths.iter().collect();
        assert_eq!(distinct.len(), 8, "{paths:?}");
    }

    #[test]
    fn a_killed_writers_temp_is_cleared_by_the_next_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.json");
        // A process id above every system's limit: no such process runs.
        let stale = dir.path().join(".r.json.4294967295.tmp");
        fs::write(&stale, "half a record").expect("write");
        write_atomic(&path, b"whole").expect("write");
        assert!(!stale.exists(), "the dead writer's temp is gone");
        assert_eq!(fs::read(&path).expect("read"), b"whole");
    }

    #[test]
    fn the_load_list_marks_an_empty_file_and_a_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let claimed = new_save_path(dir.path(), None, 1);
        fs::create_dir(dir.path().join("odd.json")).expect("mkdir");
        let list = list_saves(dir.path());
        assert_eq!(list.len(), 2);
        for entry in &list {
            let why = entry.record.as_ref().expect_err("not loadable");
            let name = entry
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("");
            assert!(why.contains(name), "{why}");
        }
        let empty = list.iter().find(|e| e.path == claimed).expect("listed");
        assert!(empty.record.as_ref().is_err_and(|e| e.contains("empty")));
        assert_eq!(latest_save(dir.path()), None);
    }
}
