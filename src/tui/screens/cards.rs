//! The card encyclopedia: every card, with its concept, browsable and filtered by side, kind,
//! era and text, with a key to the kind symbols (and, without colour, to the side letters).

use crate::engine::{Card, CardSide, Kind};
use crate::tui::app::App;
use crate::tui::msg::Msg;
use crate::tui::reference::{era_name, listed};
use crate::tui::text;
use crate::tui::theme::{Theme, kind_symbol};
use crate::tui::widgets::card::CardDetail;
use crate::tui::widgets::hand::list_offset;
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The side as a letter, for a screen without colour (where the side's colour says nothing).
fn side_letter(side: CardSide) -> &'static str {
    match side {
        CardSide::Washington => "W",
        CardSide::Seoul => "S",
        CardSide::Either => "E",
    }
}

/// The filter line and the key to the symbols, under the list, packed into rows of `width`
/// cells without breaking a part.
fn footer(app: &App, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let f = &app.reference.filter;
    let part = |key: &'static str, what: &str, now: String| {
        vec![
            Span::styled(format!(" {key} "), theme.selected),
            Span::raw(format!(" {what} {now}  ")),
        ]
    };
    let all = || "all".to_owned();
    let mut parts = vec![
        part("s", "side", f.side.map_or_else(all, |s| s.name().into())),
        part("t", "kind", f.kind.map_or_else(all, |k| k.name().into())),
        part("e", "era", f.era.map_or_else(all, |e| era_name(e).into())),
    ];
    let text = if f.text.is_empty() {
        "any".to_owned()
    } else {
        format!("«{}»", f.text)
    };
    parts.push(part("/", "text", text));
    if !f.is_empty() {
        parts.push(part("x", "show all", String::new()));
    }
    let mut key: Vec<Vec<Span>> = Kind::ALL
        .iter()
        .map(|k| {
            let label = format!("{} {}  ", kind_symbol(*k), k.name());
            vec![Span::styled(label, theme.kind(*k))]
        })
        .collect();
    if theme.mono {
        let sides = ["W Washington  ", "S Seoul  ", "E either  "];
        key.extend(sides.map(|s| vec![Span::raw(s)]));
    }
    let mut rows = pack(parts, width);
    rows.extend(pack(key, width));
    rows
}

/// Parts laid into rows of at most `width` cells, a part never split across two rows.
fn pack(parts: Vec<Vec<Span<'static>>>, width: u16) -> Vec<Line<'static>> {
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for part in parts {
        let w: usize = part.iter().map(|s| text::width(&s.content)).sum();
        if used > 0 && used + w > usize::from(width) {
            rows.push(Line::from(std::mem::take(&mut row)));
            used = 0;
        }
        used += w;
        row.extend(part);
    }
    if !row.is_empty() {
        rows.push(Line::from(row));
    }
    rows
}

fn row(card: &Card, width: usize, mono: bool) -> String {
    let side = if mono {
        format!("{} ", side_letter(card.side))
    } else {
        String::new()
    };
    let used = 6 + side.len();
    format!(
        " {} {} {side}{}",
        kind_symbol(card.kind),
        card.ops,
        text::pad(&card.title, width.saturating_sub(used))
    )
}

fn title(app: &App, shown: usize) -> String {
    let total = app.content.cards.len();
    let at = if shown == 0 {
        0
    } else {
        app.cards_cursor.min(shown - 1) + 1
    };
    let mut t = if app.reference.filter.is_empty() {
        format!(" Card encyclopedia ({at}/{total}) ")
    } else {
        format!(
            " Cards {at}/{shown} of {total}: {} ",
            app.reference.filter.describe()
        )
    };
    if let Some(typed) = &app.reference.typing {
        t = format!(" Cards · search: {typed}▏ ");
    }
    t
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut Vec<(Rect, Msg)>) {
    let cards = &app.content.cards;
    let shown = listed(app);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(44), Constraint::Fill(1)]).areas(area);
    let block = panel(Span::styled(title(app, shown.len()), theme.title), theme);
    let inner = block.inner(list);
    f.render_widget(block, list);
    let foot = footer(app, theme, inner.width);
    let foot_h = foot.len() as u16;
    let [rows_area, foot_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(foot_h)]).areas(inner);
    let h = usize::from(rows_area.height);
    let cursor = app.cards_cursor.min(shown.len().saturating_sub(1));
    let offset = list_offset(cursor, shown.len(), h);
    let mut lines = Vec::new();
    for (i, c) in shown.iter().enumerate().skip(offset).take(h) {
        let card = &cards[*c];
        let style = if i == cursor {
            theme.selected
        } else {
            theme.card_side(card.side)
        };
        let body = row(card, usize::from(inner.width), theme.mono);
        lines.push(Line::styled(body, style));
        let y = rows_area.y + (i - offset) as u16;
        hits.push((Rect::new(inner.x, y, inner.width, 1), Msg::Click(i)));
    }
    if shown.is_empty() {
        lines.push(Line::styled(
            " No card matches: x shows them all.",
            theme.dim,
        ));
    }
    f.render_widget(Paragraph::new(lines), rows_area);
    f.render_widget(Paragraph::new(foot), foot_area);
    let block = panel(Span::styled(" Card ", theme.title), theme);
    if let Some(card) = shown.get(cursor) {
        let widget = CardDetail {
            content: &app.content,
            card: *card as u16,
            game: None,
            scroll: app.text_scroll,
            theme,
        };
        f.render_widget(widget, block.inner(detail));
    }
    f.render_widget(block, detail);
}
