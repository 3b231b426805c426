//! Shown below 80×24 instead of a squeezed board; drawing it never panics, even at 0×0.

use crate::tui::app::{MIN_H, MIN_W};
use crate::tui::strings;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(f: &mut Frame, area: Rect, theme: &Theme) {
    let lines = vec![
        Line::styled(strings::TOO_SMALL, theme.warn),
        Line::raw(format!(
            "{}×{} now, {MIN_W}×{MIN_H} needed",
            area.width, area.height
        )),
        Line::raw(strings::TOO_SMALL_HINT),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let r = Rect::new(area.x, area.y + y, area.width, area.height - y);
    f.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        r,
    );
}
