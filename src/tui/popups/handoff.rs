//! The hot-seat hand-off: nothing private is on screen until the next player presses Enter.

use super::{centered, frame_box};
use crate::engine::{Phase, Side};
use crate::tui::strings;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(f: &mut Frame, area: Rect, side: Side, phase: &Phase, theme: &Theme) {
    let r = centered(area, 60, 8);
    let inner = frame_box(f, r, "Hand-off", theme);
    let why = match phase {
        Phase::Headline { .. } => strings::HEADLINE_SECRET,
        Phase::Deal(d) if d.sent => "An offer waits for your answer.",
        Phase::Deal(_) => "Your counter-offer is to be drafted.",
        _ => "Your action.",
    };
    let lines = vec![
        Line::from(vec![
            Span::raw("Pass to "),
            Span::styled(side.name(), theme.side(side)),
            Span::raw(" — press Enter"),
        ]),
        Line::raw(""),
        Line::raw(why),
        Line::styled(strings::HANDOFF_HINT, theme.dim),
    ];
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), inner);
}
