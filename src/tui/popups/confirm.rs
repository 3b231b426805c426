//! "Quit anyway?" while a game is in progress.

use super::{centered, frame_box};
use crate::tui::strings;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(f: &mut Frame, area: Rect, theme: &Theme) {
    let r = centered(area, 50, 5);
    let inner = frame_box(f, r, "Quit?", theme);
    f.render_widget(
        Paragraph::new(strings::CONFIRM_QUIT).wrap(Wrap { trim: true }),
        inner,
    );
}
