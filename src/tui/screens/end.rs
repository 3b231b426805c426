//! The end of a game: final and joint scores, whether the alliance ended symmetric, ruptured or
//! neither and why, and each track over the rounds.

use crate::engine::{Ending, Game, Lens, Side};
use crate::tui::describe;
use crate::tui::session::Session;
use crate::tui::strings;
use crate::tui::theme::Theme;
use crate::tui::widgets::chart::{TrackChart, TrackTable};
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

fn verdict(game: &Game) -> (String, Vec<String>) {
    let Some(o) = game.outcome() else {
        return ("The game goes on.".into(), Vec::new());
    };
    match o.ending {
        Ending::Rupture { blame } => {
            let why = match blame {
                Some(side) => format!(
                    "Cohesion reached 0 through {side}'s move in round {}.",
                    o.round
                ),
                None => format!(
                    "Cohesion reached 0 in round {} by no one side's choice (a shock, a pressure, an agreed deal or the other side's event).",
                    o.round
                ),
            };
            ("The alliance RUPTURED.".into(), vec![why])
        }
        _ if o.symmetric => (
            "The alliance ended SYMMETRIC.".into(),
            describe::symmetry_reasons(game),
        ),
        _ => (
            "The alliance ended neither symmetric nor ruptured.".into(),
            describe::symmetry_reasons(game),
        ),
    }
}

pub fn draw(f: &mut Frame, area: Rect, session: &Session, theme: &Theme) {
    let (game, scroll) = (session.game(), session.end_scroll);
    let [head, body] = Layout::vertical([Constraint::Length(9), Constraint::Fill(1)]).areas(area);
    let b = game.board();
    let (title, reasons) = verdict(game);
    let lens = match game.content().rules.lens {
        Lens::Relative => "relative lens: the higher score wins",
        Lens::Absolute => "absolute lens: each side against its target",
    };
    let rules = &game.content().rules;
    // Under the absolute lens each score stands beside the target it had to reach.
    let score = |s: Side| {
        let text = match rules.lens {
            Lens::Absolute => format!(
                "{} {} (target {})",
                s.name(),
                b.score(s),
                rules.targets[s.index()]
            ),
            Lens::Relative => format!("{} {}", s.name(), b.score(s)),
        };
        Span::styled(text, theme.side(s))
    };
    let mut lines = vec![
        Line::styled(
            game.outcome().map_or_else(String::new, |o| o.summary()),
            theme.title,
        ),
        Line::from(vec![
            Span::raw("Final scores: "),
            score(Side::Washington),
            Span::raw(" · "),
            score(Side::Seoul),
            Span::raw(format!(
                " · joint {} ({lens})",
                b.score(Side::Washington) + b.score(Side::Seoul)
            )),
        ]),
        Line::styled(title, theme.warn),
    ];
    lines.extend(reasons.into_iter().map(|r| Line::raw(format!("  • {r}"))));
    // The report line goes last but always shows: the reasons give way to it if space is short.
    let report = match &session.notice {
        Some(n) => Line::styled(n.clone(), theme.good),
        None => Line::styled(strings::END_REPORT_HINT, theme.dim),
    };
    let room = usize::from(head.height.saturating_sub(2));
    lines.truncate(room);
    lines.push(report);
    // A rupture ends the game before the last summit, and the title says so.
    let heading = match game.outcome() {
        Some(o) if o.is_rupture() => format!("The alliance ruptured in round {}", o.round),
        _ => strings::END_TITLE.to_owned(),
    };
    let block = panel(Span::styled(format!(" {heading} "), theme.title), theme);
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        block.inner(head),
    );
    f.render_widget(block, head);
    let [chart, table] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(44)]).areas(body);
    let block = panel(Line::from(TrackChart::legend(theme)), theme);
    f.render_widget(
        TrackChart {
            content: game.content(),
            board: b,
            theme,
        },
        block.inner(chart),
    );
    f.render_widget(block, chart);
    let block = panel(
        Span::styled(" Every track by round (↑↓) ", theme.title),
        theme,
    );
    f.render_widget(
        TrackTable {
            board: b,
            scroll,
            theme,
        },
        block.inner(table),
    );
    f.render_widget(block, table);
}
