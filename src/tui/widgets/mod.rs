//! One widget per panel. Each draws from a borrowed game or board, so a replay viewer can draw
//! any state it rebuilds.

pub mod card;
pub mod chart;
pub mod gauges;
pub mod hand;
pub mod keybar;
pub mod log_panel;
pub mod status;

use super::theme::Theme;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

/// A panel frame: a rule along the top with the title, so panels cost one line, not two.
pub fn panel<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(title.into())
}
