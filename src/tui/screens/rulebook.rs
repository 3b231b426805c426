//! The full rulebook, readable in the app: its Markdown laid out as formatted text, with the
//! position in it and a search. It is built into the binary, so it always matches the rules the
//! binary was built with.

use crate::tui::app::App;
use crate::tui::markdown;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub const RULEBOOK: &str = include_str!("../../../rules/RULEBOOK.md");

/// The rulebook laid out at `width` cells.
pub fn lines(width: usize, theme: &Theme) -> Vec<Line<'static>> {
    markdown::render(RULEBOOK, width, theme)
}

/// The rulebook's rows as plain text at `width`, as the screen shows them (for the search).
pub fn plain(width: usize, theme: &Theme) -> Vec<String> {
    lines(width, theme).iter().map(line_text).collect()
}

fn line_text(l: &Line) -> String {
    l.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// `line` with every case-blind occurrence of `query` in `style`.
fn highlight(line: Line<'static>, query: &str, style: Style) -> Line<'static> {
    let q = query.to_ascii_lowercase();
    if q.is_empty() || !line_text(&line).to_ascii_lowercase().contains(&q) {
        return line;
    }
    let mut spans = Vec::new();
    for span in line.spans {
        let text = span.content.to_string();
        let lower = text.to_ascii_lowercase();
        let mut at = 0;
        while let Some(i) = lower[at..].find(&q).map(|i| i + at) {
            if i > at {
                spans.push(Span::styled(text[at..i].to_owned(), span.style));
            }
            let end = i + q.len();
            spans.push(Span::styled(text[i..end].to_owned(), style));
            at = end;
        }
        if at < text.len() {
            spans.push(Span::styled(text[at..].to_owned(), span.style));
        }
    }
    Line::from(spans)
}

/// The title: where the screen is in the book, and the search being typed or last made.
fn title(app: &App, from: usize, shown: usize, total: usize) -> String {
    let last = (from + shown).min(total);
    let pct = (last * 100).checked_div(total).unwrap_or(100);
    let mut t = format!(" Rulebook · lines {}-{last} of {total} ({pct}%) ", from + 1);
    match &app.reference.typing {
        Some(typed) => t.push_str(&format!("· search: {typed}▏ ")),
        None if !app.reference.query.is_empty() => {
            let q = app.reference.query.to_lowercase();
            let hits = plain(usize::from(app.size.0), &app.theme)
                .iter()
                .filter(|l| l.to_lowercase().contains(&q))
                .count();
            t.push_str(&format!("· «{}»: {hits} lines ", app.reference.query));
        }
        None => {}
    }
    t
}

/// Draws the rulebook from the app's scroll, clamped so the last page stays full.
pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let inner = panel("", theme).inner(area);
    let all = lines(usize::from(inner.width), theme);
    let max = all.len().saturating_sub(usize::from(inner.height));
    let from = usize::from(app.text_scroll).min(max);
    let query = match &app.reference.typing {
        Some(t) => t.clone(),
        None => app.reference.query.clone(),
    };
    let total = all.len();
    let shown: Vec<Line> = all
        .into_iter()
        .skip(from)
        .take(usize::from(inner.height))
        .map(|l| highlight(l, &query, theme.selected))
        .collect();
    let head = title(app, from, shown.len(), total);
    let block = panel(Span::styled(head, theme.title), theme);
    f.render_widget(block, area);
    f.render_widget(Paragraph::new(shown), inner);
}
