//! The end screen's `r`: the after-action report of the game just played, written as Markdown,
//! JSON and CSV. The files go to a `reports` folder beside the save, not into the save folder
//! itself, because the menu's Load lists every `.json` there as a save.

use super::session::Session;
use crate::classroom::store::write_atomic;
use crate::classroom::{Format, Report};
use std::path::{Path, PathBuf};

/// Where the report of a game saved at `save` (or unsaved, with saves kept in `dir`) goes.
pub(crate) fn report_stem(save: Option<&Path>, dir: Option<&Path>) -> PathBuf {
    let stem = save
        .and_then(Path::file_stem)
        .map_or_else(|| "game".into(), |s| s.to_string_lossy().into_owned());
    let folder = match (save.and_then(Path::parent), dir) {
        (Some(p), _) if !p.as_os_str().is_empty() => p.join("reports"),
        (_, Some(d)) => d.join("reports"),
        // No save folder at all: the working folder is the one place the user surely knows.
        _ => PathBuf::from("."),
    };
    folder.join(format!("{stem}-report"))
}

/// Writes the three files; returns the Markdown file's path, or the sentence saying why not.
pub(crate) fn write(
    session: &crate::classroom::Session,
    dir: Option<&Path>,
) -> Result<PathBuf, String> {
    let report = Report::of_session(session).map_err(|e| e.to_string())?;
    let stem = report_stem(session.save_path(), dir);
    let mut md = None;
    for (format, ext) in [
        (Format::Markdown, "md"),
        (Format::Json, "json"),
        (Format::Csv, "csv"),
    ] {
        let path = stem.with_extension(ext);
        write_atomic(&path, report.render(format).as_bytes())
            .map_err(|e| format!("the report could not be written to {}: {e}", path.display()))?;
        md.get_or_insert(path);
    }
    md.ok_or_else(|| "the report has no formats".into())
}

impl Session {
    /// The end screen's report key: writes the report and says where, or why it could not.
    pub fn write_report(&mut self, dir: Option<&Path>) {
        self.notice = Some(match write(&self.play, dir) {
            Ok(path) => format!(
                "{} {} (with .json and .csv beside it).",
                super::strings::REPORT_WRITTEN,
                path.display()
            ),
            Err(e) => e,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_go_beside_the_save_in_their_own_folder() {
        let stem = report_stem(Some(Path::new("/s/game-1-7.json")), None);
        assert_eq!(stem, PathBuf::from("/s/reports/game-1-7-report"));
        let stem = report_stem(None, Some(Path::new("/d")));
        assert_eq!(stem, PathBuf::from("/d/reports/game-report"));
    }
}
