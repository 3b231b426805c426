//! "Quit anyway?" while a game is in progress, and "Withdraw this deal?" in the editor.

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

/// Asks before a deal (or a counter, which rejects the offer it answers) is withdrawn.
pub fn draw_withdraw(f: &mut Frame, area: Rect, counter: bool, theme: &Theme) {
    let r = centered(area, 50.min(area.width), 6);
    let inner = frame_box(f, r, "Withdraw?", theme);
    let text = if counter {
        strings::CONFIRM_WITHDRAW_COUNTER
    } else {
        strings::CONFIRM_WITHDRAW
    };
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}
