//! The after-action report: built from the events of a replayed record, then written as Markdown
//! to read and print, or JSON and CSV to analyse. `compare` sets several games side by side.

mod build;
mod compare;
mod csv;
mod deals;
mod debrief;
mod markdown;
pub mod model;
mod outcome;

pub use compare::{CompareError, compare_csv, compare_markdown};

pub(crate) use compare::compare_json;
pub use model::Report;

use super::library::Library;
use super::record::{GameRecord, RecordError};
use crate::engine::{Cause, Content, Inject};
use std::path::Path;
use std::sync::Arc;

/// The output formats of `alliance report` (the command line spells them `md`, `json`, `csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Csv,
}

impl Report {
    /// The report of a record, replayed with `content` (which must be the data it was made with).
    pub fn new(
        path: &Path,
        record: &GameRecord,
        content: Arc<Content>,
    ) -> Result<Report, RecordError> {
        let timeline = record.replay(path, content.clone())?;
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        Ok(build::build(&file, record, &content, &timeline))
    }

    /// Opens a record file and reports on it (what the end screen and `alliance report` call).
    pub fn open(library: &Library, path: &Path) -> Result<Report, RecordError> {
        let (record, content) = library.open_record(path)?;
        Report::new(path, &record, content)
    }

    /// The report of the game a session is playing or has finished (the end screen's report).
    pub(crate) fn of_session(session: &super::Session) -> Result<Report, RecordError> {
        let path = session
            .save_path()
            .map_or_else(|| Path::new("this game").to_path_buf(), Path::to_path_buf);
        Report::new(&path, session.record(), session.game().content().clone())
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => markdown::render(self),
            Format::Json => serde_json::to_string_pretty(self).unwrap_or_default() + "\n",
            Format::Csv => csv::render(std::slice::from_ref(self)),
        }
    }
}

/// Several reports as one CSV table, told apart by the `game` column.
pub(crate) fn csv_table(reports: &[Report]) -> String {
    csv::render(reports)
}

/// The text of the inject that fired with this title in this round.
fn inject_text(content: &Content, round: u8, title: &str) -> String {
    content
        .injects
        .iter()
        .find_map(|i| match i {
            Inject::Event {
                round: r,
                title: t,
                text,
                ..
            } if *r == round && t == title => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// A cause in words, for the turning points.
fn describe_cause(content: &Content, cause: Cause) -> String {
    match cause {
        Cause::Card { card, side } => {
            format!("the event of “{}”, for {side}", content.card(card).title)
        }
        Cause::Ops { card, side } => {
            format!("{side}'s operations with “{}”", content.card(card).title)
        }
        Cause::Shock { shock } => format!("the shock “{}”", content.shock(shock).title),
        Cause::Inject { round } => format!("the instructor's inject in round {round}"),
        Cause::Deal { opener } => format!("a deal opened by {opener}"),
        Cause::Layer { layer } => format!("the {} absorbing a shock", layer.name()),
        Cause::Summit => "the summit".into(),
        Cause::Pressure { index } => content.rules.pressures.get(usize::from(index)).map_or_else(
            || "a summit pressure".into(),
            |p| format!("the summit pressure “{}”", p.name),
        ),
    }
}
