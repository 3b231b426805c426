//! Markdown as formatted terminal text, for the in-app rulebook: headings, paragraphs rewrapped
//! to the screen, lists with hanging indents, tables laid out in columns, code blocks, and bold,
//! italic and code spans styled rather than shown as `**`, `*` and backticks.

use super::text;
use super::theme::Theme;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// A run of text in one style.
type Seg = (String, Style);

/// `md` laid out at `width` cells.
pub fn render(md: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Out {
        lines: Vec::new(),
        width: width.max(10),
        theme,
    };
    let mut para: Vec<String> = Vec::new();
    let mut item: Option<(String, String, usize)> = None;
    let mut table: Vec<String> = Vec::new();
    let mut code = false;
    for raw in md.lines() {
        let line = raw.trim_end();
        if line.trim_start().starts_with("```") {
            out.flush(&mut para, &mut item, &mut table);
            code = !code;
            continue;
        }
        if code {
            for w in text::wrap(line, out.width) {
                out.lines.push(Line::styled(w, theme.dim));
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('|') {
            out.flush(&mut para, &mut item, &mut Vec::new());
            table.push(trimmed.to_owned());
            continue;
        }
        if !table.is_empty() {
            out.flush_table(&mut table);
        }
        if trimmed.is_empty() {
            out.flush(&mut para, &mut item, &mut table);
            out.blank();
        } else if let Some(level) = heading_level(trimmed) {
            out.flush(&mut para, &mut item, &mut table);
            out.heading(level, trimmed[level..].trim());
        } else if let Some((marker, rest)) = list_marker(trimmed) {
            out.flush(&mut para, &mut item, &mut table);
            let depth = (line.len() - trimmed.len()) / 2;
            item = Some((marker, rest.to_owned(), depth));
        } else if let Some((_, body, _)) = item.as_mut() {
            body.push(' ');
            body.push_str(trimmed);
        } else {
            para.push(trimmed.to_owned());
        }
    }
    out.flush(&mut para, &mut item, &mut table);
    out.lines
}

fn heading_level(line: &str) -> Option<usize> {
    let n = line.chars().take_while(|c| *c == '#').count();
    (n > 0 && line[n..].starts_with(' ')).then_some(n)
}

/// A list item's marker as shown ("•" or "3."), and its text.
fn list_marker(line: &str) -> Option<(String, &str)> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(("•".into(), rest));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(". ")?;
    (digits > 0).then(|| (line[..digits + 1].to_owned(), rest))
}

struct Out<'t> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'t Theme,
}

impl Out<'_> {
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.width() > 0) {
            self.lines.push(Line::raw(""));
        }
    }

    fn flush(
        &mut self,
        para: &mut Vec<String>,
        item: &mut Option<(String, String, usize)>,
        table: &mut Vec<String>,
    ) {
        if !para.is_empty() {
            let segs = inline(&para.join(" "), self.theme.base, self.theme);
            let lines = wrap_segs(&segs, self.width, "", "");
            self.lines.extend(lines);
            para.clear();
        }
        if let Some((marker, body, depth)) = item.take() {
            let indent = "  ".repeat(depth);
            let first = format!("{indent}{marker} ");
            let rest = " ".repeat(text::width(&first));
            let segs = inline(&body, self.theme.base, self.theme);
            self.lines
                .extend(wrap_segs(&segs, self.width, &first, &rest));
        }
        if !table.is_empty() {
            self.flush_table(table);
        }
    }

    fn heading(&mut self, level: usize, title: &str) {
        self.blank();
        let style = self.theme.title.add_modifier(Modifier::BOLD);
        let segs = inline(title, style, self.theme);
        let lines = wrap_segs(&segs, self.width, "", "");
        let w = lines.iter().map(Line::width).max().unwrap_or(0);
        self.lines.extend(lines);
        // The two top levels are underlined, so sections stand out without colour too.
        let rule = match level {
            1 => "━",
            2 => "─",
            _ => return,
        };
        self.lines.push(Line::styled(
            rule.repeat(w.min(self.width)),
            self.theme.border,
        ));
    }

    fn flush_table(&mut self, table: &mut Vec<String>) {
        let rows: Vec<Vec<String>> = table
            .drain(..)
            .filter(|r| !is_rule_row(r))
            .map(|r| split_row(&r))
            .collect();
        self.lines
            .extend(super::md_table::lay_out(&rows, self.width, self.theme));
    }
}

/// A table's `| --- | :-: |` row, which only marks the header.
fn is_rule_row(row: &str) -> bool {
    row.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn split_row(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

/// Inline markup to styled runs: `**bold**`, `*italic*`/`_italic_`, `` `code` ``, and
/// `[text](link)` shown as its text.
pub(crate) fn inline(s: &str, base: Style, theme: &Theme) -> Vec<Seg> {
    let chars: Vec<char> = s.chars().collect();
    let (mut bold, mut italic, mut code) = (false, false, false);
    let mut segs: Vec<Seg> = Vec::new();
    let mut cur = String::new();
    let style = |bold: bool, italic: bool, code: bool| {
        let mut st = if code { theme.key } else { base };
        if bold {
            st = st.add_modifier(Modifier::BOLD);
        }
        if italic {
            st = st.add_modifier(Modifier::ITALIC);
        }
        st
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let toggle = if c == '`' {
            Some(2)
        } else if code {
            None
        } else if c == '*' && next == Some('*') {
            Some(0)
        } else if (c == '*' || c == '_') && emphasis_edge(&chars, i, italic) {
            Some(1)
        } else {
            None
        };
        if let Some(which) = toggle {
            if !cur.is_empty() {
                segs.push((std::mem::take(&mut cur), style(bold, italic, code)));
            }
            match which {
                0 => {
                    bold = !bold;
                    i += 1;
                }
                1 => italic = !italic,
                _ => code = !code,
            }
        } else if c == '[' && !code {
            if let Some((label, skip)) = link(&chars[i..]) {
                cur.push_str(&label);
                i += skip;
                continue;
            }
            cur.push(c);
        } else {
            cur.push(c);
        }
        i += 1;
    }
    if !cur.is_empty() {
        segs.push((cur, style(bold, italic, code)));
    }
    segs
}

/// Whether the `*` or `_` at `i` opens emphasis (a word starts after it) or, when `open` is
/// set, closes it (a word ends before it); `snake_case` and `2 * 3` are left alone.
fn emphasis_edge(chars: &[char], i: usize, open: bool) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    if open {
        !space(before) && !alnum(after)
    } else {
        !space(after) && !alnum(before)
    }
}

/// `[label](target)` at the start of `chars`: its label and how many chars it spans.
fn link(chars: &[char]) -> Option<(String, usize)> {
    let close = chars.iter().position(|c| *c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = chars[close..].iter().position(|c| *c == ')')? + close;
    Some((chars[1..close].iter().collect(), end + 1))
}

/// Styled runs broken into lines of `width` cells at spaces, the first line after `first` and
/// the others after `rest` (a list's hanging indent).
pub(crate) fn wrap_segs(segs: &[Seg], width: usize, first: &str, rest: &str) -> Vec<Line<'static>> {
    // Words, each a list of runs (a word may change style inside, as "(*cost*),").
    let mut words: Vec<Vec<Seg>> = vec![Vec::new()];
    for (s, st) in segs {
        for (k, part) in s.split(' ').enumerate() {
            if k > 0 {
                words.push(Vec::new());
            }
            if !part.is_empty()
                && let Some(w) = words.last_mut()
            {
                w.push((part.to_owned(), *st));
            }
        }
    }
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = vec![Span::raw(first.to_owned())];
    let mut used = text::width(first);
    let mut empty = true;
    for word in words.into_iter().filter(|w| !w.is_empty()) {
        let ww: usize = word.iter().map(|(s, _)| text::width(s)).sum();
        if !empty && used + 1 + ww > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(rest.to_owned()));
            used = text::width(rest);
            empty = true;
        }
        if !empty {
            line.push(Span::raw(" "));
            used += 1;
        }
        for (s, st) in word {
            // A word longer than the line is cut to it rather than spilling off screen.
            let room = width.saturating_sub(used);
            let s = if text::width(&s) > room {
                text::truncate(&s, room)
            } else {
                s
            };
            used += text::width(&s);
            line.push(Span::styled(s, st));
        }
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}
