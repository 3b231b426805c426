//! The console's screens at any size from 80×24: the class list (scrolled to keep the selected
//! row in sight), a table as a spectator sees it, and the comparison. The last two lines are
//! always the command line (or the last answer) and the keys.

use super::overview::{self, Row, Sort};
use super::{Console, Showing};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

const CLASS_KEYS: &str =
    "↑↓ select  Enter open  s sort  : command  p pause  r resume  c compare  q quit";
const TABLE_KEYS: &str = "read-only  ←→ other table  : command  p pause  r resume  Esc back";
const COMPARE_KEYS: &str = "↑↓ scroll  : command  Esc back";

/// What the class list says above its rows.
pub struct Heading {
    pub tables: usize,
    pub students: usize,
    pub code: String,
}

/// The rows that fit in `height`, scrolled so that `cursor` shows.
pub fn window(len: usize, cursor: usize, height: usize) -> std::ops::Range<usize> {
    if height == 0 {
        return 0..0;
    }
    let start = cursor
        .saturating_sub(height - 1)
        .min(len.saturating_sub(height));
    start..len.min(start + height)
}

pub fn draw_class(f: &mut Frame, c: &Console, rows: &[Row], head: &Heading, theme: &Theme) {
    let area = f.area();
    f.render_widget(Clear, area);
    let sort = match c.sort {
        Sort::Table => "by table",
        Sort::Waited => "by longest wait",
    };
    let title = format!(
        "Facilitator: {} tables, {} students on, code {}, sorted {sort}",
        head.tables, head.students, head.code
    );
    let mut lines = vec![
        Line::from(Span::styled(title, theme.title)),
        Line::from(Span::styled(overview::HEAD, theme.dim)),
    ];
    let height = usize::from(area.height.saturating_sub(4));
    if rows.is_empty() {
        lines.push(Line::from(
            "No tables yet: students open them from the lobby, or seat them with :seat.",
        ));
    }
    for i in window(rows.len(), c.cursor, height) {
        let style = if i == c.cursor {
            theme.selected
        } else if rows[i].paused {
            theme.warn
        } else {
            Style::default()
        };
        lines.push(Line::from(Span::styled(overview::line(&rows[i]), style)));
    }
    f.render_widget(Paragraph::new(lines), area);
    let legend = if rows.len() > height {
        format!(
            "rows {}-{} of {}; * off  ~ idle",
            window(rows.len(), c.cursor, height).start + 1,
            window(rows.len(), c.cursor, height).end,
            rows.len()
        )
    } else {
        "* disconnected  ~ idle 5 min".into()
    };
    footer(f, c, CLASS_KEYS, &legend, theme);
}

/// A table as a spectator sees it: the game's own screen of the public view, then the footer.
pub fn draw_table(f: &mut Frame, c: &mut Console, theme: &Theme) {
    let area = f.area();
    let Showing::Table(table) = c.showing else {
        return;
    };
    match &mut c.watch {
        // The game's own two lines of keys are covered by the console's: its keys are not the
        // spectator's.
        Some(g) => g.draw(f),
        None => f.render_widget(Paragraph::new(format!("Table {table} has ended.")), area),
    }
    let note = format!("Watching table {table}");
    footer(f, c, TABLE_KEYS, &note, theme);
}

pub fn draw_compare(f: &mut Frame, c: &Console, theme: &Theme) {
    let area = f.area();
    f.render_widget(Clear, area);
    let height = usize::from(area.height.saturating_sub(2));
    let lines: Vec<Line> = c
        .compare
        .iter()
        .skip(c.compare_scroll)
        .take(height)
        .map(|l| Line::from(l.as_str()))
        .collect();
    let text = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(2));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    footer(f, c, COMPARE_KEYS, "Comparison of the tables", theme);
}

/// The console's screen for what it shows now.
pub fn draw_console(
    f: &mut ratatui::Frame,
    k: &mut Console,
    class: Option<&(Vec<Row>, Heading)>,
    theme: &Theme,
) {
    match (k.showing, class) {
        (Showing::Table(_), _) => draw_table(f, k, theme),
        (Showing::Compare, _) => draw_compare(f, k, theme),
        (Showing::Class, Some((rows, head))) => {
            k.cursor = k.cursor.min(rows.len().saturating_sub(1));
            draw_class(f, k, rows, head, theme);
        }
        (Showing::Class, None) => {}
    }
}

/// The command line (or the last answer) and the keys, on the last two lines.
fn footer(f: &mut Frame, c: &Console, keys: &str, note: &str, theme: &Theme) {
    let area = f.area();
    if area.height < 2 {
        return;
    }
    let y = area.y + area.height - 2;
    let first = match (&c.typed, &c.message) {
        (Some(t), _) => Line::from(vec![
            Span::styled(":", theme.key),
            Span::raw(format!("{t}_")),
        ]),
        (None, Some(m)) => Line::from(Span::styled(m.clone(), theme.warn)),
        (None, None) => Line::from(Span::styled(note.to_owned(), theme.dim)),
    };
    let rows = Rect::new(area.x, y, area.width, 2);
    f.render_widget(Clear, rows);
    // A long answer (a report's path) takes both lines rather than lose its end.
    if first.width() > usize::from(area.width) {
        f.render_widget(Paragraph::new(first).wrap(Wrap { trim: false }), rows);
        return;
    }
    let keys = Line::from(Span::styled(keys.to_owned(), theme.key));
    f.render_widget(Paragraph::new(vec![first, keys]), rows);
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn the_window_keeps_the_cursor_in_sight() {
        assert_eq!(window(30, 0, 20), 0..20);
        assert_eq!(window(30, 25, 20), 6..26);
        assert_eq!(window(30, 29, 20), 10..30);
        assert_eq!(window(5, 3, 20), 0..5);
        assert_eq!(window(5, 3, 0), 0..0);
    }
}
