//! The replay viewer: the public board at the chosen point of a recorded game, the log up to that
//! point, and where in the game it is (step, round, the decision that led here).

use crate::tui::describe;
use crate::tui::replay::Replay;
use crate::tui::strings as s;
use crate::tui::theme::Theme;
use crate::tui::widgets::log_panel::LogPanel;
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Where the viewer is: "Step 12/240 · round 3/8", and the decision that led here.
pub fn position_lines(r: &Replay) -> Vec<String> {
    let c = &r.cursor;
    let game = c.game();
    let rounds = game.content().rules.rounds;
    let head = format!(
        "Step {}/{} · round {}/{rounds}",
        c.position(),
        c.len().saturating_sub(1),
        game.board().round
    );
    let last = match c.step_at(c.position()) {
        Some(step) => {
            let before = c.game_at(c.position().saturating_sub(1));
            let what = describe::action(before, step.side, step.action);
            let late = if step.timed_out {
                " (drill: time ran out)"
            } else {
                ""
            };
            format!("{}: {what}{late}", step.side)
        }
        None => "The game as set up, before any decision.".into(),
    };
    vec![head, last]
}

pub fn draw(f: &mut Frame, area: Rect, r: &Replay, theme: &Theme) {
    let right = super::board::draw_public(f, area, r.game(), theme);
    let [where_, log_area] =
        Layout::vertical([Constraint::Length(5), Constraint::Fill(1)]).areas(right);
    let title = format!(" {} {} ", s::REPLAY_TITLE, r.file);
    let block = panel(Span::styled(title, theme.title), theme);
    let lines: Vec<Line> = position_lines(r)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let style = if i == 0 { theme.title } else { theme.base };
            Line::styled(l, style)
        })
        .collect();
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        block.inner(where_),
    );
    f.render_widget(block, where_);
    let block = panel(Span::styled(" Log ", theme.title), theme);
    let log = LogPanel {
        log: &r.log,
        scroll: r.log_scroll,
        theme,
    };
    f.render_widget(log, block.inner(log_area));
    f.render_widget(block, log_area);
}
