//! The ways to play the selected card, straight from the engine's legal actions.

use super::{centered, frame_box};
use crate::tui::describe;
use crate::tui::msg::Msg;
use crate::tui::session::{Chooser, Session};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(
    f: &mut Frame,
    area: Rect,
    s: &Session,
    ch: &Chooser,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let Some(side) = s.game().to_move() else {
        return;
    };
    let h = ch.options.len() as u16 + 2;
    let r = centered(area, 78, h);
    let title = format!(
        "Play «{}»",
        describe::card_title(s.game().content(), ch.card)
    );
    let inner = frame_box(f, r, &title, theme);
    let lines: Vec<Line> = ch
        .options
        .iter()
        .enumerate()
        .map(|(i, a)| {
            // The number that picks the option, then the option in full.
            let key = if i < 9 {
                format!("{} ", i + 1)
            } else {
                "  ".into()
            };
            let label = text::pad(
                &format!("{key}{}", describe::action(s.game(), side, *a)),
                usize::from(inner.width),
            );
            if i == ch.cursor {
                Line::styled(label, theme.selected)
            } else {
                Line::raw(label)
            }
        })
        .collect();
    for i in 0..ch.options.len().min(usize::from(inner.height)) {
        hits.push((
            Rect::new(inner.x, inner.y + i as u16, inner.width, 1),
            Msg::Click(i),
        ));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
