//! Help on `?`: the keys and a one-screen summary of the rules, scrolled with ↑↓ and PgUp PgDn
//! where the screen is too short for all of it (the summary of the full rules runs past 80×24).

use super::{centered, frame_box};
use crate::engine::Rules;
use crate::tui::app::App;
use crate::tui::keys::{self, help_keys};
use crate::tui::strings::{how_to_win, rules_summary};
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::keybar;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The help's box within the screen's main area (above the key bar).
fn frame(area: Rect) -> Rect {
    centered(area, 100, 26)
}

/// The help's lines for the rules in force, at the box's inner `width`.
fn lines(rules: &Rules, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    // Two columns of keys, so that the keys take half the rows.
    let half = usize::from(width / 2);
    let cell = |(k, what): &(String, &str)| {
        vec![
            Span::styled(text::pad(k, 11), theme.key),
            Span::raw(text::pad(what, half.saturating_sub(11))),
        ]
    };
    // How to win comes first: a newcomer's first question, answered for the lens in force.
    let mut lines: Vec<Line> = text::wrap(&how_to_win(rules), usize::from(width))
        .into_iter()
        .map(|w| Line::styled(w, theme.title))
        .collect();
    lines.extend(
        help_keys()
            .chunks(2)
            .map(|pair| Line::from(pair.iter().flat_map(cell).collect::<Vec<_>>())),
    );
    lines.push(Line::styled("The rules in one screen", theme.title));
    for l in rules_summary(rules).join(" ").split("  ") {
        for w in text::wrap(l, usize::from(width)) {
            lines.push(Line::raw(w));
        }
    }
    lines
}

/// How far the help scrolls before its last line reaches the bottom of its box.
fn most(rules: &Rules, area: Rect, theme: &Theme) -> u16 {
    let r = frame(area);
    let (w, h) = (r.width.saturating_sub(2), r.height.saturating_sub(2));
    (lines(rules, w, theme).len() as u16).saturating_sub(h)
}

/// The furthest [`App::help_scroll`] may go on the app's screen, with the rules in force.
pub(crate) fn most_scroll(app: &App) -> u16 {
    let (w, h) = app.size;
    let bar = keybar::height(&keys::bindings(app), w);
    let main = Rect::new(0, 0, w, h.saturating_sub(bar));
    most(rules_of(app), main, &app.theme)
}

/// The rules the help explains: a game's (a scenario's, in a scenario game), else the data's.
fn rules_of(app: &App) -> &Rules {
    let content = app.session().map_or(&app.content, |s| s.game().content());
    &content.rules
}

/// Draws the help for the rules in force, scrolled by `app.help_scroll`.
pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rules = rules_of(app);
    let most = most(rules, area, theme);
    let scroll = app.help_scroll.min(most);
    // The title says when there is more, and where.
    let title = match (scroll > 0, scroll < most) {
        (false, false) => "Help".to_owned(),
        (false, true) => "Help (↓ more below)".to_owned(),
        (true, true) => "Help (↑↓ more)".to_owned(),
        (true, false) => "Help (↑ more above)".to_owned(),
    };
    let inner = frame_box(f, frame(area), &title, theme);
    let lines = lines(rules, inner.width, theme);
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
