//! Help on `?`: the keys and a one-screen summary of the rules.

use super::{centered, frame_box};
use crate::tui::strings::{HELP_KEYS, RULES_SUMMARY};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(f: &mut Frame, area: Rect, theme: &Theme) {
    let r = centered(area, 100, 26);
    let inner = frame_box(f, r, "Help", theme);
    let mut lines: Vec<Line> = HELP_KEYS
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(text::pad(k, 14), theme.key),
                Span::raw(*what),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("The rules in one screen", theme.title));
    for l in RULES_SUMMARY.join(" ").split("  ") {
        for w in text::wrap(l, usize::from(inner.width)) {
            lines.push(Line::raw(w));
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}
