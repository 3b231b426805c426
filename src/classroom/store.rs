//! Save files on disk: the platform's data folder, atomic writes, and the list the menu's "Load"
//! shows. A save is written to a temporary file in the same folder, flushed to disk and renamed
//! over the old one, so a crash or a kill leaves either the old save or the new one, never half.

use super::record::GameRecord;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Overrides the save folder (for tests, portable installs and shared classroom machines).
pub const SAVE_DIR_ENV: &str = "ALLIANCE_SAVE_DIR";

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
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "save".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
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

/// A fresh file name for a new game's autosave, never one that exists already.
pub fn new_save_path(dir: &Path, scenario: Option<&str>, seed: u64) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stem = format!("{}-{secs}-{seed}", scenario.unwrap_or("game"));
    let mut path = dir.join(format!("{stem}.json"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.json"));
        n += 1;
    }
    path
}

/// One file in the save folder, as the "Load" menu lists it.
#[derive(Clone, Debug)]
pub struct SaveEntry {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    /// The record, or why it cannot be loaded (shown, never "repaired").
    pub record: Result<GameRecord, String>,
}

/// Every `*.json` in `dir`, newest first.
pub fn list_saves(dir: &Path) -> Vec<SaveEntry> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut saves: Vec<SaveEntry> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|path| SaveEntry {
            modified: fs::metadata(&path).and_then(|m| m.modified()).ok(),
            record: GameRecord::load(&path).map_err(|e| e.to_string()),
            path,
        })
        .collect();
    saves.sort_by(|a, b| b.modified.cmp(&a.modified).then(b.path.cmp(&a.path)));
    saves
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
}
