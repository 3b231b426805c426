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

/// The chooser's options, each wrapped to `width` under its number, and the greyed line that
/// says why the event is not among them.
fn option_lines(
    s: &Session,
    ch: &Chooser,
    width: usize,
    theme: &Theme,
) -> Vec<(Option<usize>, Line<'static>)> {
    let Some(side) = s.game().to_move() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, a) in ch.options.iter().enumerate() {
        let key = if i < 9 {
            format!("{} ", i + 1)
        } else {
            "  ".into()
        };
        let wrapped = text::wrap(
            &describe::action(s.game(), side, *a),
            width.saturating_sub(2),
        );
        for (n, l) in wrapped.into_iter().enumerate() {
            let lead = if n == 0 { key.as_str() } else { "  " };
            let label = text::pad(&format!("{lead}{l}"), width);
            let style = if i == ch.cursor {
                theme.selected
            } else {
                theme.base
            };
            out.push((Some(i), Line::styled(label, style)));
        }
    }
    if let Some(why) = &ch.blocked {
        for l in text::wrap(why, width.saturating_sub(2)) {
            out.push((None, Line::styled(format!("  {l}"), theme.dim)));
        }
    }
    out
}

/// Draws the chooser as wide as the terminal allows (up to 110 columns), every option in full.
pub fn draw(
    f: &mut Frame,
    area: Rect,
    s: &Session,
    ch: &Chooser,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let w = area.width.saturating_sub(4).clamp(20, 110);
    let lines = option_lines(s, ch, usize::from(w.saturating_sub(2)), theme);
    let r = centered(area, w, lines.len() as u16 + 2);
    let title = format!(
        "Play «{}»",
        describe::card_title(s.game().content(), ch.card)
    );
    let inner = frame_box(f, r, &title, theme);
    for (y, (opt, _)) in lines.iter().enumerate().take(usize::from(inner.height)) {
        if let Some(i) = opt {
            let row = Rect::new(inner.x, inner.y + y as u16, inner.width, 1);
            hits.push((row, Msg::Click(*i)));
        }
    }
    let lines: Vec<Line> = lines.into_iter().map(|(_, l)| l).collect();
    f.render_widget(Paragraph::new(lines), inner);
}
