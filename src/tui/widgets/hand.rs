//! The hand of the side at the keyboard: each card with its kind's colour and symbol, its ops now,
//! its title and whose card it is; then the actions that need no card.

use crate::engine::{CardSide, Game};
use crate::tui::describe;
use crate::tui::session::Row;
use crate::tui::text;
use crate::tui::theme::{Theme, kind_symbol};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The first row shown so that `cursor` stays in a window of `height` rows.
pub fn list_offset(cursor: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    cursor.saturating_sub(height - 1).min(len - height)
}

pub struct Hand<'a> {
    pub game: &'a Game,
    pub rows: &'a [Row],
    /// `None` when the list is only shown, not chosen from.
    pub cursor: Option<usize>,
    pub theme: &'a Theme,
}

fn side_tag(side: CardSide) -> &'static str {
    match side {
        CardSide::Washington => "W",
        CardSide::Seoul => "S",
        CardSide::Either => "E",
    }
}

impl Hand<'_> {
    /// A row with the key that picks it in front: its number (the first nine rows) while the
    /// list is chosen from, `d` for the deal.
    fn row_line(&self, i: usize, row: &Row, width: usize) -> Line<'static> {
        let t = self.theme;
        let key = match (self.cursor, row) {
            (None, _) => ' ',
            (Some(_), Row::Action(crate::engine::Action::OpenDeal)) => 'd',
            (Some(_), _) => char::from_digit(i as u32 + 1, 10)
                .filter(|_| i < 9)
                .unwrap_or(' '),
        };
        match row {
            Row::Card(c) => {
                let card = self.game.content().card(*c);
                let ops = self.game.ops_value(*c);
                let title = text::pad(&card.title, width.saturating_sub(10));
                Line::from(vec![
                    Span::styled(format!("{key}"), t.key),
                    Span::styled(format!(" {} ", kind_symbol(card.kind)), t.kind(card.kind)),
                    Span::styled(format!("{ops} "), t.key),
                    Span::raw(title),
                    Span::styled(format!(" {} ", side_tag(card.side)), t.card_side(card.side)),
                ])
            }
            Row::Action(a) => {
                let label = describe::action(self.game, crate::engine::Side::Washington, *a);
                Line::from(vec![
                    Span::styled(format!("{key} » "), t.key),
                    Span::raw(text::pad(&label, width.saturating_sub(4))),
                ])
            }
        }
    }
}

impl Widget for Hand<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.rows.is_empty() {
            Paragraph::new(Span::styled("(no cards in hand)", self.theme.dim)).render(area, buf);
            return;
        }
        let height = usize::from(area.height);
        let offset = list_offset(self.cursor.unwrap_or(0), self.rows.len(), height);
        let lines: Vec<Line> = self.rows[offset..]
            .iter()
            .take(height)
            .enumerate()
            .map(|(i, r)| {
                let line = self.row_line(i + offset, r, usize::from(area.width));
                if self.cursor == Some(i + offset) {
                    line.style(self.theme.selected)
                } else {
                    line
                }
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}
