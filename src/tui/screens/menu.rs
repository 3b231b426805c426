//! The title menu.

use crate::ai::BotKind;
use crate::tui::app::{App, MenuItem};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn label(item: MenuItem) -> &'static str {
    match item {
        MenuItem::HotSeat => s::MENU_HOTSEAT,
        MenuItem::SoloWashington => s::MENU_SOLO_WASHINGTON,
        MenuItem::SoloSeoul => s::MENU_SOLO_SEOUL,
        MenuItem::Watch => s::MENU_WATCH,
        MenuItem::Scenarios => s::MENU_SCENARIOS,
        MenuItem::Load => s::MENU_LOAD,
        MenuItem::Rules => s::MENU_RULES,
        MenuItem::Cards => s::MENU_CARDS,
        MenuItem::Tutorial => crate::tui::tutorial::MENU_LABEL,
        MenuItem::Quit => s::MENU_QUIT,
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut Vec<(Rect, Msg)>) {
    let drill = crate::tui::app::DRILL_CHOICES
        .get(app.menu_drill)
        .copied()
        .flatten();
    draw_items(f, area, app.menu_cursor, app.menu_bot, drill, theme, hits);
}

/// The menu from its own state alone, so it can be drawn before the game data has loaded.
pub fn draw_items(
    f: &mut Frame,
    area: Rect,
    cursor: usize,
    bot: usize,
    drill: Option<u64>,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let bot = BotKind::ALL.get(bot).map_or("random", |k| k.name());
    let mut lines = vec![
        Line::raw(""),
        Line::styled(s::APP_TITLE, theme.title),
        Line::styled(s::TAGLINE, theme.dim),
        Line::raw(""),
    ];
    let top = area.y.saturating_add(lines.len() as u16);
    // Wide enough for the hot-seat row with its drill setting.
    let width = 62usize;
    for (i, item) in MenuItem::ALL.iter().enumerate() {
        let extra = if item.uses_bot() {
            format!("  ◂ {} {bot} ▸", s::MENU_OPPONENT)
        } else if *item == MenuItem::HotSeat {
            let clock = drill.map_or_else(|| "off".to_owned(), |secs| format!("{secs} s"));
            format!("  ◂ {} {clock} ▸", s::MENU_DRILL)
        } else {
            String::new()
        };
        let body = text::pad(&format!("{}{extra}", label(*item)), width);
        let style = if i == cursor {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::from(Span::styled(body, style)));
        let x = area.x + area.width.saturating_sub(width as u16) / 2;
        let y = top.saturating_add(i as u16);
        if y < area.y.saturating_add(area.height) {
            hits.push((
                Rect::new(x, y, (width as u16).min(area.width), 1),
                Msg::Click(i),
            ));
        }
    }
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), area);
}
