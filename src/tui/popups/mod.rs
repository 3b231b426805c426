//! Popups drawn over a screen, one per file.

pub mod chooser;
pub mod confirm;
pub mod deal;
pub mod handoff;
pub mod help;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear};

use super::theme::Theme;

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears `area`, draws a bordered box titled `title`, and returns its inside.
pub fn frame_box(f: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    f.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.border)
        .title(ratatui::text::Span::styled(
            format!(" {title} "),
            theme.title,
        ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}
