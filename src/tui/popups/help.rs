//! Help on `?`: the keys and a one-screen summary of the rules.

use super::{centered, frame_box};
use crate::engine::Rules;
use crate::tui::keys::help_keys;
use crate::tui::strings::{how_to_win, rules_summary};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the help for the rules in force (a scenario's, in a scenario game).
pub fn draw(f: &mut Frame, area: Rect, rules: &Rules, theme: &Theme) {
    let r = centered(area, 100, 26);
    let inner = frame_box(f, r, "Help", theme);
    // Two columns of keys, so keys and the rules summary fit one 80×24 screen.
    let half = usize::from(inner.width / 2);
    let cell = |(k, what): &(String, &str)| {
        vec![
            Span::styled(text::pad(k, 11), theme.key),
            Span::raw(text::pad(what, half.saturating_sub(11))),
        ]
    };
    // How to win comes first: a newcomer's first question, answered for the lens in force.
    let mut lines: Vec<Line> = text::wrap(&how_to_win(rules), usize::from(inner.width))
        .into_iter()
        .map(|w| Line::styled(w, theme.title))
        .collect();
    lines.extend(
        help_keys()
            .chunks(2)
            .map(|pair| Line::from(pair.iter().flat_map(cell).collect::<Vec<_>>())),
    );
    lines.push(Line::styled("The rules in one screen", theme.title));
    for l in rules_summary(rules).join(" ").split("  ") {
        for w in text::wrap(l, usize::from(inner.width)) {
            lines.push(Line::raw(w));
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}
