//! The scrolling log: the newest lines at the bottom, wrapped at true width, scrolled with PgUp.

use crate::engine::Side;
use crate::tui::log::{Log, Tone};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

pub struct LogPanel<'a> {
    pub log: &'a Log,
    /// Lines scrolled up from the newest.
    pub scroll: u16,
    pub theme: &'a Theme,
}

impl Widget for LogPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width);
        let want = usize::from(area.height) + usize::from(self.scroll);
        let mut lines: Vec<Line> = Vec::new();
        // Only the tail is wrapped: a long game's log costs nothing per frame.
        for e in self.log.entries.iter().rev() {
            if lines.len() >= want || width < 4 {
                break;
            }
            let (indent, style) = match e.tone {
                Tone::Head => (
                    "",
                    e.side
                        .map_or(self.theme.title, |s: Side| self.theme.side(s)),
                ),
                Tone::Detail => ("  ", self.theme.base),
                Tone::Hint => ("  ", self.theme.dim),
            };
            // A bot's hint (a hint with a side) takes one line; notes wrap like the rest.
            let wrapped = if e.tone == Tone::Hint && e.side.is_some() {
                vec![text::truncate(&e.text, width - indent.len())]
            } else {
                text::wrap(&e.text, width - indent.len())
            };
            for l in wrapped.into_iter().rev() {
                lines.push(Line::styled(format!("{indent}{l}"), style));
            }
        }
        lines.reverse();
        let skip = lines.len().saturating_sub(want);
        let end = lines.len().saturating_sub(usize::from(self.scroll));
        let shown: Vec<Line> = lines.drain(skip.min(end)..end).collect();
        Paragraph::new(shown).render(area, buf);
    }
}
