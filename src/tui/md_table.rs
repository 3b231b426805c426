//! A Markdown table laid out in columns for the terminal: each column as wide as its widest
//! cell when the table fits, else the widest columns give way and their cells wrap, so a table
//! never runs off the screen or together.

use super::markdown::{inline, wrap_segs};
use super::text;
use super::theme::Theme;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

/// Cells between columns.
const GAP: &str = " │ ";

/// `rows` (the first is the header) as lines at most `width` cells wide.
pub(crate) fn lay_out(rows: &[Vec<String>], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    if cols == 0 {
        return Vec::new();
    }
    let natural: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| plain_width(cell, theme))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let words: Vec<usize> = (0..cols)
        .map(|c| {
            let cells = rows.iter().filter_map(|r| r.get(c));
            let longest = cells.flat_map(|cell| cell.split_whitespace().map(text::width));
            longest.max().unwrap_or(1)
        })
        .collect();
    let room = width.saturating_sub(text::width(GAP) * (cols - 1));
    let widths = fit(&natural, &words, room);
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let header = i == 0 && rows.len() > 1;
        lines.extend(row_lines(row, &widths, header, theme));
        if header {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            lines.push(Line::styled(rule.join("─┼─"), theme.border));
        }
    }
    lines
}

fn plain_width(cell: &str, theme: &Theme) -> usize {
    inline(cell, theme.base, theme)
        .iter()
        .map(|(s, _)| text::width(s))
        .sum()
}

/// Column widths within `room`: the natural widths if they fit; else each column starts at its
/// longest word (so no word is cut) and the room left goes to the columns that want more, an
/// equal share at a time; if even the longest words do not fit, every column shares alike.
fn fit(natural: &[usize], words: &[usize], room: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= room {
        return natural.to_vec();
    }
    let mut widths: Vec<usize> = natural
        .iter()
        .zip(words)
        .map(|(n, w)| (*n).min(*w))
        .collect();
    if widths.iter().sum::<usize>() > room {
        return share_alike(natural, room);
    }
    let mut left = room - widths.iter().sum::<usize>();
    loop {
        let wanting: Vec<usize> = (0..widths.len())
            .filter(|c| widths[*c] < natural[*c])
            .collect();
        if wanting.is_empty() || left == 0 {
            return widths;
        }
        let share = (left / wanting.len()).max(1);
        for c in wanting {
            let give = share.min(natural[c] - widths[c]).min(left);
            widths[c] += give;
            left -= give;
        }
    }
}

/// Water-filling from nothing: each column at most an equal share of what narrower columns
/// leave, at least 3 cells.
fn share_alike(natural: &[usize], room: usize) -> Vec<usize> {
    let mut widths = vec![0; natural.len()];
    let mut left = room;
    let mut open: Vec<usize> = (0..natural.len()).collect();
    open.sort_by_key(|c| natural[*c]);
    while let Some(&c) = open.first() {
        let share = (left / open.len()).max(3);
        if natural[c] <= share {
            widths[c] = natural[c];
            left = left.saturating_sub(natural[c]);
            open.remove(0);
        } else {
            for c in open.drain(..) {
                widths[c] = share;
            }
        }
    }
    widths
}

/// One table row: each cell wrapped to its column, the row as tall as its tallest cell.
fn row_lines(row: &[String], widths: &[usize], header: bool, theme: &Theme) -> Vec<Line<'static>> {
    let base = if header {
        theme.title.add_modifier(Modifier::BOLD)
    } else {
        theme.base
    };
    let cells: Vec<Vec<Line<'static>>> = widths
        .iter()
        .enumerate()
        .map(|(c, w)| {
            let cell = row.get(c).map_or("", String::as_str);
            wrap_segs(&inline(cell, base, theme), *w, "", "")
        })
        .collect();
    let height = cells.iter().map(Vec::len).max().unwrap_or(1);
    (0..height)
        .map(|r| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for (c, w) in widths.iter().enumerate() {
                if c > 0 {
                    spans.push(Span::styled(GAP, theme.border));
                }
                let part = cells[c].get(r).cloned().unwrap_or_default();
                let fill = w.saturating_sub(part.width());
                spans.extend(part.spans);
                spans.push(Span::raw(" ".repeat(fill)));
            }
            Line::from(spans)
        })
        .collect()
}
