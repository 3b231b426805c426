//! A report written line by line as plain text or as Markdown, from the same calls.

use std::fmt::Write;

/// One report's lines, written either as plain text or as Markdown.
pub(super) struct Doc {
    pub md: bool,
    pub out: String,
}

impl Doc {
    pub(crate) fn heading(&mut self, title: &str) {
        if self.md {
            let _ = write!(self.out, "\n### {title}\n\n");
        } else {
            let _ = write!(self.out, "\n{title}\n");
        }
    }
    /// A labelled figure.
    pub(crate) fn line(&mut self, label: &str, value: String) {
        if self.md {
            let _ = writeln!(self.out, "- {label}: {value}");
        } else {
            let _ = writeln!(self.out, "  {label:<50} {value}");
        }
    }
    pub(crate) fn text(&mut self, s: &str) {
        let indent = if self.md { "" } else { "  " };
        let _ = writeln!(self.out, "{indent}{s}");
        // In Markdown a plain line is a paragraph of its own; list items run together.
        if self.md && !s.starts_with("- ") {
            self.out.push('\n');
        }
    }
    pub(crate) fn table(&mut self, head: &[&str], rows: &[Vec<String>]) {
        if self.md {
            // A Markdown table must not run on from a paragraph.
            if !self.out.ends_with("\n\n") {
                self.out.push('\n');
            }
            let _ = writeln!(self.out, "| {} |", head.join(" | "));
            let _ = writeln!(self.out, "|{}", " --- |".repeat(head.len()));
            for r in rows {
                let _ = writeln!(self.out, "| {} |", r.join(" | "));
            }
            return;
        }
        let widths: Vec<usize> = (0..head.len())
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([head[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let fmt = |cells: Vec<&str>| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect();
            format!("  {}\n", padded.join("  ").trim_end())
        };
        self.out += &fmt(head.to_vec());
        for r in rows {
            self.out += &fmt(r.iter().map(String::as_str).collect());
        }
    }
}
