//! Shared helpers for the scenario tests: load a fixture folder or the shipped data.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::Content;

pub fn fixture_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Loads a fixture folder (`rules/` and `decks/`), panicking with every error if it is bad.
pub fn fixture(name: &str) -> Arc<Content> {
    let data = Data::from_dir(&fixture_dir(name)).unwrap_or_else(|e| panic!("{e}"));
    Arc::new(data.build().unwrap_or_else(|e| panic!("{e}")))
}

pub fn shipped() -> Arc<Content> {
    Arc::new(Data::embedded().build().unwrap_or_else(|e| panic!("{e}")))
}

/// Makes a named pipe: the file a hostile or unlucky user leaves where a data file or save goes.
#[cfg(unix)]
pub fn make_fifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}
