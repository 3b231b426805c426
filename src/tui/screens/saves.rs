//! The menu's Load screen: every save in the save folder, newest first. A save that does not load
//! shows why, and stays as it is: choosing it only repeats the message.

use crate::tui::lists::SaveList;
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

fn row(entry: &crate::classroom::store::SaveEntry) -> String {
    let name = entry
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match &entry.record {
        Ok(r) => format!(
            "{name}  {} · seed {} · {} actions · W {} / S {}",
            r.scenario.as_deref().unwrap_or("full game"),
            r.seed,
            r.steps.len(),
            r.players[0],
            r.players[1]
        ),
        Err(_) => format!("✗ {name}  {}", s::LOAD_BROKEN),
    }
}

pub fn draw(
    f: &mut Frame,
    area: Rect,
    list: &SaveList,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let dir = list
        .dir
        .as_ref()
        .map_or_else(String::new, |d| format!(" in {}", d.display()));
    let block = panel(
        Span::styled(format!(" {}{dir} ", s::LOAD_TITLE), theme.title),
        theme,
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [rows, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(6)]).areas(inner);
    if list.entries.is_empty() {
        let why = if list.dir.is_some() {
            s::LOAD_EMPTY
        } else {
            s::LOAD_NO_DIR
        };
        f.render_widget(Paragraph::new(why).style(theme.dim), rows);
        return;
    }
    let labels: Vec<String> = list.entries.iter().map(row).collect();
    super::scenarios::draw_rows(f, rows, &labels, list.cursor, theme, hits);
    let chosen = list
        .entries
        .get(list.cursor)
        .and_then(|e| e.record.as_ref().err());
    let lines: Vec<Line> = chosen
        .into_iter()
        .chain(list.error.iter())
        .map(|m| Line::styled(m.as_str(), theme.warn))
        .collect();
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), detail);
}

/// The first `width` columns of `label`, padded, so a selected row is one solid bar.
pub fn fit(label: &str, width: u16) -> String {
    text::pad(
        &text::truncate(label, usize::from(width)),
        usize::from(width),
    )
}
