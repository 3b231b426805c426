//! Data errors that name the file, line and column, and say what is wrong.

use std::fmt;
use std::ops::Range;
use std::path::Path;

/// One problem in one data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file as the user named it, so the message points where they can look.
    pub file: String,
    /// 1-based; 0 when the problem is the whole file (unreadable, empty folder).
    pub line: usize,
    /// 1-based, in characters, so it matches what an editor shows.
    pub column: usize,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Every problem found while loading, in file order.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

fn unreadable(path: &Path, e: impl std::fmt::Display) -> DataErrors {
    DataErrors(vec![DataError {
        file: path.display().to_string(),
        line: 0,
        column: 0,
        message: format!("cannot read this file or folder: {e}"),
    }])
}

/// A data file's name and text.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path shown in errors (a real path, or the embedded file's path in the repository).
    pub name: String,
    /// The whole text; spans from the TOML parser index into it.
    pub text: String,
}

impl Source {
    /// A source from text already in memory (embedded data, tests, the fuzzers).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(&self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// An error at a TOML span, with the line and column worked out from the text.
    pub(crate) fn error(&self, span: Range<usize>, message: impl Into<String>) -> DataError {
        let (line, column) = self.position(span.start);
        DataError {
            file: self.name.clone(),
            line,
            column,
            message: message.into(),
        }
    }

    /// Reads a data file from disk; a failure is an error that names the file.
    pub(crate) fn read(path: &Path) -> Result<Source, DataErrors> {
        super::read::read_text(path, super::read::DATA_LIMIT)
            .map(|text| Source::new(path.display().to_string(), text))
            .map_err(|e| unreadable(path, e))
    }

    /// Reads every `*.toml` file in a folder, in name order.
    pub(crate) fn read_folder(folder: &Path) -> Result<Vec<Source>, DataErrors> {
        let entries = std::fs::read_dir(folder).map_err(|e| unreadable(folder, e))?;
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        paths.iter().map(|p| Source::read(p)).collect()
    }

    /// Parses the whole file, turning a syntax or shape error into a located message.
    pub(crate) fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, DataError> {
        toml::from_str(&self.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().replace('\n', " ");
            self.error(span, message)
        })
    }
}
