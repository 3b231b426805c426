//! The full rulebook, readable in the app. It is built into the binary, so it always matches the
//! rules the binary was built with.

use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub const RULEBOOK: &str = include_str!("../../../rules/RULEBOOK.md");

/// The rulebook wrapped to `width`, headings marked for styling.
pub fn wrapped(width: usize) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    for line in RULEBOOK.lines() {
        let heading = line.starts_with('#');
        for l in text::wrap(line, width) {
            out.push((heading, l));
        }
    }
    out
}

/// Draws the rulebook from `scroll`, clamped so the last page stays full.
pub fn draw(f: &mut Frame, area: Rect, scroll: u16, theme: &Theme) {
    let block = panel(Span::styled(" Rulebook ", theme.title), theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let lines = wrapped(usize::from(inner.width));
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let from = usize::from(scroll).min(max);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(from)
        .take(usize::from(inner.height))
        .map(|(h, l)| {
            if h {
                Line::styled(l, theme.title)
            } else {
                Line::raw(l)
            }
        })
        .collect();
    f.render_widget(Paragraph::new(shown), inner);
}
