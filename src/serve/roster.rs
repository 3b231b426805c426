//! `alliance serve --roster FILE`: students seated in advance, one a line as `name, table,
//! side` (commas or spaces; `#` starts a comment). Every bad line is named by file and line,
//! and the server does not start until the file is right. Seating the same roster again on a
//! restart changes nothing.

use super::console::command::side_named;
use super::world::{World, name_problem};
use crate::engine::Side;
use std::path::Path;

/// One student's seat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub line: usize,
    pub name: String,
    pub table: i64,
    pub side: Side,
}

/// Reads a roster; the error lists every bad line as `FILE:LINE: what`.
pub fn load(path: &Path) -> Result<Vec<Entry>, String> {
    let bytes = crate::content::read::read_limited(path, 1024 * 1024)
        .map_err(|e| format!("{}: cannot read the roster: {e}", path.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{}: the roster is not UTF-8 text: {e}", path.display()))?;
    parse(&path.display().to_string(), &text)
}

pub fn parse(file: &str, text: &str) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() || (i == 0 && line.to_lowercase().replace(' ', "") == "name,table,side")
        {
            continue;
        }
        match entry(i + 1, line) {
            Ok(e) => {
                if let Some(prev) = entries
                    .iter()
                    .find(|p| p.name == e.name || (p.table, p.side) == (e.table, e.side))
                {
                    errors.push(format!(
                        "{file}:{}: {} at table {} as {} clashes with line {}",
                        i + 1,
                        e.name,
                        e.table,
                        e.side,
                        prev.line
                    ));
                } else {
                    entries.push(e);
                }
            }
            Err(why) => errors.push(format!("{file}:{}: {why}", i + 1)),
        }
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(format!(
            "{}\nEach line is: name, table, side (for example: kim, 3, seoul).",
            errors.join("\n")
        ))
    }
}

fn entry(line: usize, text: &str) -> Result<Entry, String> {
    let fields: Vec<&str> = text
        .split([',', ' ', '\t'])
        .filter(|f| !f.is_empty())
        .collect();
    let [name, table, side] = fields[..] else {
        return Err(format!(
            "expected 3 fields (name, table, side), found {}",
            fields.len()
        ));
    };
    if let Some(why) = name_problem(name) {
        return Err(why);
    }
    let table = table
        .parse::<i64>()
        .ok()
        .filter(|t| (1..=999).contains(t))
        .ok_or_else(|| format!("{table:?} is not a table number (1 to 999)"))?;
    Ok(Entry {
        line,
        name: name.to_owned(),
        table,
        side: side_named(side)?,
    })
}

impl World {
    /// Seats every student of the roster; the error names the lines that could not be seated.
    pub fn seat_roster(&mut self, file: &str, entries: &[Entry]) -> Result<usize, String> {
        let mut errors = Vec::new();
        let mut seated = 0;
        for e in entries {
            if self.seat_of(&e.name) == Some((e.table, e.side)) {
                continue;
            }
            match self.seat(&e.name, e.table, e.side, &format!("roster {file}")) {
                Ok(_) => seated += 1,
                Err(why) => errors.push(format!("{file}:{}: {why}", e.line)),
            }
        }
        if errors.is_empty() {
            Ok(seated)
        } else {
            Err(errors.join("\n"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roster_reads_names_tables_and_sides() {
        let text = "name, table, side\n# pairs for Tuesday\nkim, 1, washington\nlee 1 seoul  # partner\n\npark,2,s\n";
        let r = parse("class.csv", text).expect("the roster reads");
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[1],
            Entry {
                line: 4,
                name: "lee".into(),
                table: 1,
                side: Side::Seoul
            }
        );
        assert_eq!(r[2].table, 2);
    }

    #[test]
    fn every_bad_line_is_named_by_file_and_line() {
        let text = "kim, 1, washington\nlee, one, seoul\npark, 2\nchoi, 1, washington\nfacilitator, 3, seoul\nyun, 4, north\n";
        let e = parse("class.csv", text).unwrap_err();
        assert!(
            e.contains("class.csv:2: \"one\" is not a table number"),
            "{e}"
        );
        assert!(e.contains("class.csv:3: expected 3 fields"), "{e}");
        assert!(
            e.contains("class.csv:4: choi at table 1 as Washington clashes with line 1"),
            "{e}"
        );
        assert!(
            e.contains("class.csv:5: The name facilitator is kept"),
            "{e}"
        );
        assert!(e.contains("class.csv:6: \"north\" is not a side"), "{e}");
    }
}
