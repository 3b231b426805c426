//! The menu's Scenarios screen: each scenario with its length, lens and injects, a hypothetical
//! one labelled as such, and who will play it (←/→).

use crate::classroom::ScenarioSummary;
use crate::tui::lists::{MODES, ScenarioList};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// A scenario's rounds, actions, lens and seed.
fn facts(sum: &ScenarioSummary) -> String {
    let seed = sum
        .info
        .seed
        .map_or_else(String::new, |n| format!(" · seed {n}"));
    format!(
        "{} rounds × {} actions · {:?} lens{seed}",
        sum.rounds, sum.actions_per_round, sum.lens
    )
}

fn row(entry: &Result<ScenarioSummary, String>) -> String {
    match entry {
        Ok(sum) => {
            let tag = if sum.info.hypothetical {
                format!(" [{}]", s::HYPOTHETICAL)
            } else {
                String::new()
            };
            format!("{}{tag} · {}", sum.info.name, facts(sum))
        }
        Err(e) => format!("✗ {}", e.lines().next().unwrap_or_default()),
    }
}

fn mode_label(mode: usize) -> &'static str {
    use crate::tui::app::MenuItem;
    match MODES.get(mode) {
        Some(MenuItem::SoloWashington) => s::MENU_SOLO_WASHINGTON,
        Some(MenuItem::SoloSeoul) => s::MENU_SOLO_SEOUL,
        Some(MenuItem::Watch) => s::MENU_WATCH,
        _ => "Hot-seat",
    }
}

pub fn draw(
    f: &mut Frame,
    area: Rect,
    list: &ScenarioList,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let title = format!(" {} · ◂ {} ▸ ", s::SCENARIOS_TITLE, mode_label(list.mode));
    let block = panel(Span::styled(title, theme.title), theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if list.entries.is_empty() {
        f.render_widget(Paragraph::new(s::SCENARIOS_EMPTY).style(theme.dim), inner);
        return;
    }
    let [rows, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(8)]).areas(inner);
    let labels: Vec<String> = list.entries.iter().map(row).collect();
    draw_rows(f, rows, &labels, list.cursor, theme, hits);
    let mut lines = match list.entries.get(list.cursor) {
        Some(Ok(sum)) => vec![
            Line::styled(format!("{} ({})", sum.info.name, sum.file), theme.title),
            // The row may be cut at 80 columns; its facts are here whole.
            Line::raw(facts(sum)),
            // TOML's multi-line strings keep their line breaks; the paragraph wraps it anew.
            Line::raw(
                sum.info
                    .description
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ],
        Some(Err(e)) => vec![Line::styled(e.clone(), theme.warn)],
        None => Vec::new(),
    };
    lines.extend(
        list.error
            .iter()
            .map(|e| Line::styled(e.as_str(), theme.warn)),
    );
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), detail);
}

/// A list of one-line rows with the cursor's highlighted, each clickable.
pub fn draw_rows(
    f: &mut Frame,
    area: Rect,
    labels: &[String],
    cursor: usize,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let height = usize::from(area.height);
    let offset = crate::tui::widgets::hand::list_offset(cursor, labels.len(), height);
    let mut lines = Vec::new();
    for (i, label) in labels.iter().enumerate().skip(offset).take(height) {
        let style = if i == cursor {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::styled(super::saves::fit(label, area.width), style));
        let y = area.y + (i - offset) as u16;
        hits.push((Rect::new(area.x, y, area.width, 1), Msg::Click(i)));
    }
    f.render_widget(Paragraph::new(lines), area);
}
