//! Ending the class: every table's game is closed, and the comparison of all its tables (the
//! `report --compare` output) is written to the data folder in Markdown, JSON and CSV, with the
//! path shown on the console. The console also shows the comparison on screen: per table the
//! outcome, the scores, the rounds symmetric, the deals and the turning points.

use super::console::Showing;
use super::store::{SeatRow, TableRow, record_of};
use super::table::ConnId;
use super::world::World;
use crate::classroom::report::{self, Format, Report};
use crate::engine::Side;
use std::path::{Path, PathBuf};

impl World {
    /// Every table of the class as a report, oldest first (`table-N.json` names each one),
    /// with the names of its players as the class knows them.
    fn class_reports(&self) -> Result<(Vec<Report>, Vec<[String; 2]>), String> {
        let rows: Vec<TableRow> = self.store.tables(Some(self.setup.class))?;
        let mut reports = Vec::new();
        let mut names = Vec::new();
        for row in rows {
            let content = self
                .library
                .content(row.scenario.as_deref())
                .map_err(|e| e.to_string())?;
            let name = PathBuf::from(format!("table-{}.json", row.id));
            let r = Report::new(&name, &record_of(&row), content).map_err(|e| e.to_string())?;
            reports.push(r);
            names.push(row.seats.clone().map(|s| match s {
                Some(SeatRow::Student(n)) => n,
                Some(SeatRow::Bot(n)) => format!("the {n} bot"),
                None => "nobody".into(),
            }));
        }
        Ok((reports, names))
    }

    /// Shows the comparison on the console that asked.
    pub(super) fn show_compare(&mut self, id: ConnId) -> String {
        let lines = match self.class_reports() {
            Ok((reports, _)) if reports.is_empty() => return "No table to compare yet.".into(),
            Ok((reports, names)) => compare_lines(&reports, &names),
            Err(e) => return format!("The comparison cannot be made: {e}"),
        };
        if let Some(c) = self.conns.get_mut(&id).and_then(|c| c.console.as_mut()) {
            c.compare = lines;
            c.compare_scroll = 0;
            c.showing = Showing::Compare;
        }
        "The comparison of the tables (Esc goes back).".into()
    }

    /// Closes every table's game, writes the comparison, and shows it.
    pub(super) fn end_class(&mut self, id: ConnId, reason: &str) -> String {
        let tables: Vec<i64> = self.tables.keys().copied().collect();
        for table in &tables {
            let what = "ended the class".to_owned();
            self.keep_class_end(*table, what, reason);
        }
        let goodbye = format!(
            "The instructor ended the class: {reason}. Thank you for playing; the debrief follows."
        );
        for c in self.conns.values_mut().filter(|c| c.console.is_none()) {
            c.goodbye.get_or_insert_with(|| goodbye.clone());
        }
        self.tables.clear();
        self.wake_dirty();
        let written = self.write_comparison();
        let shown = self.show_compare(id);
        let answer = match written {
            Ok(path) => format!(
                "Class ended ({} tables). The comparison is in {}",
                tables.len(),
                path.display()
            ),
            Err(e) => format!("Class ended, but the comparison was not written: {e}"),
        };
        self.log(&format!("facilitator: {answer}"));
        if shown.starts_with("No table") {
            shown
        } else {
            answer
        }
    }

    fn keep_class_end(&mut self, table: i64, what: String, reason: &str) {
        let Some(t) = self.tables.get(&table) else {
            return;
        };
        let step = crate::classroom::record::steering::Steered {
            after: t.play.record().steps.len(),
            what,
            reason: reason.to_owned(),
            inject: None,
        };
        if let Err(e) = self
            .store
            .steer(table, &step)
            .and_then(|()| self.store.finish(table))
        {
            eprintln!("{e}");
        }
    }

    /// Writes `class-N-DATE.md`, `.json` and `.csv` to `reports/` in the data folder; returns
    /// the Markdown file's path.
    fn write_comparison(&self) -> Result<PathBuf, String> {
        let (reports, _) = self.class_reports()?;
        let (md, json, csv) = comparison(&reports)?;
        let dir = self.data_dir().join("reports");
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
        let stamp = super::serverlog::utc_stamp(std::time::SystemTime::now())
            .replace([':', ' '], "-")
            .trim_end_matches('Z')
            .to_owned();
        let base = dir.join(format!("class-{}-{stamp}", self.setup.class));
        for (ext, text) in [("md", &md), ("json", &json), ("csv", &csv)] {
            let path = base.with_extension(ext);
            crate::classroom::store::write_atomic(&path, text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(base.with_extension("md"))
    }

    /// The folder of the class database.
    fn data_dir(&self) -> PathBuf {
        let db = self.store.path().map(PathBuf::from).unwrap_or_default();
        db.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf)
    }
}

/// The three renderings: the comparison of two or more tables, one table's own report alone.
fn comparison(reports: &[Report]) -> Result<(String, String, String), String> {
    match reports {
        [] => Err("the class has no tables".into()),
        [one] => Ok((
            one.render(Format::Markdown),
            one.render(Format::Json),
            one.render(Format::Csv),
        )),
        _ => {
            let md = report::compare_markdown(reports).map_err(|e| e.to_string())?;
            let json = report::compare_json(reports).map_err(|e| e.to_string())?;
            let csv = report::compare_csv(reports).map_err(|e| e.to_string())?;
            Ok((md, json, csv))
        }
    }
}

/// The on-screen comparison: a few lines per table.
pub fn compare_lines(reports: &[Report], names: &[[String; 2]]) -> Vec<String> {
    let mut lines = vec![
        format!("{} tables; scores are Washington-Seoul.", reports.len()),
        String::new(),
    ];
    for (r, players) in reports.iter().zip(names) {
        let name = r.game.file.trim_end_matches(".json").replace('-', " ");
        let scores = r.rounds.last().map_or([0, 0], |x| x.scores);
        let deals: u32 = Side::BOTH
            .iter()
            .filter_map(|s| r.negotiation.get(s.id()))
            .map(|n| n.accepted)
            .sum();
        let symmetric: Vec<String> = r
            .outcome
            .symmetric_rounds
            .iter()
            .map(u8::to_string)
            .collect();
        lines.push(format!(
            "{name}: {} (Washington) v {} (Seoul), {} decisions",
            players[0], players[1], r.game.decisions
        ));
        lines.push(format!("  {}", r.outcome.summary));
        lines.push(format!(
            "  score {}-{}; symmetric in rounds: {}; deals accepted: {deals}",
            scores[0],
            scores[1],
            if symmetric.is_empty() {
                "none".into()
            } else {
                symmetric.join(", ")
            }
        ));
        for t in r.turning_points.iter().take(3) {
            lines.push(format!(
                "  turning point, round {}: {} ({} steps)",
                t.round, t.cause, t.swing
            ));
        }
        if !r.steering.is_empty() {
            lines.push(format!("  facilitator's steps: {}", r.steering.len()));
        }
        lines.push(String::new());
    }
    lines
}
