//! The card encyclopedia: every card, with its concept, browsable.

use crate::tui::app::App;
use crate::tui::msg::Msg;
use crate::tui::text;
use crate::tui::theme::{Theme, kind_symbol};
use crate::tui::widgets::card::CardDetail;
use crate::tui::widgets::hand::list_offset;
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut Vec<(Rect, Msg)>) {
    let cards = &app.content.cards;
    let [list, detail] =
        Layout::horizontal([Constraint::Length(44), Constraint::Fill(1)]).areas(area);
    let title = format!(
        " Card encyclopedia ({}/{}) ",
        app.cards_cursor + 1,
        cards.len()
    );
    let block = panel(Span::styled(title, theme.title), theme);
    let inner = block.inner(list);
    f.render_widget(block, list);
    let h = usize::from(inner.height);
    let offset = list_offset(app.cards_cursor, cards.len(), h);
    let mut lines = Vec::new();
    for (i, c) in cards.iter().enumerate().skip(offset).take(h) {
        let body = format!(
            " {} {} {}",
            kind_symbol(c.kind),
            c.ops,
            text::pad(&c.title, usize::from(inner.width).saturating_sub(6))
        );
        let style = if i == app.cards_cursor {
            theme.selected
        } else {
            theme.card_side(c.side)
        };
        lines.push(Line::styled(body, style));
        hits.push((
            Rect::new(inner.x, inner.y + (i - offset) as u16, inner.width, 1),
            Msg::Click(i),
        ));
    }
    f.render_widget(Paragraph::new(lines), inner);
    let block = panel(Span::styled(" Card ", theme.title), theme);
    let card = app.cards_cursor.min(cards.len().saturating_sub(1)) as u16;
    let widget = CardDetail {
        content: &app.content,
        card,
        game: None,
        scroll: app.text_scroll,
        theme,
    };
    f.render_widget(widget, block.inner(detail));
    f.render_widget(block, detail);
}
