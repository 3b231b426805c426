//! The end of a game, and why it ended so: whether the alliance ended symmetric, ruptured or
//! neither, each side's points by aim, bonus and pressure, the summits after which the lead
//! changed hands, and each track over the rounds.

use crate::engine::{Ending, Game, Lens, Side};
use crate::tui::describe;
use crate::tui::points::SidePoints;
use crate::tui::session::Session;
use crate::tui::strings;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::chart::{TrackChart, TrackTable};
use crate::tui::widgets::gauges::short;
use crate::tui::widgets::panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Keeps a name and its number on one line when the text wraps.
const NBSP: &str = "\u{a0}";

/// Rows the chart and table keep at the least, however long the explanation above them is.
const BODY_MIN: u16 = 9;

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

/// A side's score, beside its target under the absolute lens.
fn score_text(game: &Game, side: Side) -> String {
    let rules = &game.content().rules;
    let score = game.board().score(side);
    match rules.lens {
        Lens::Absolute => format!(
            "{} {score} (target {})",
            side.name(),
            rules.targets[side.index()]
        ),
        Lens::Relative => format!("{} {score}", side.name()),
    }
}

/// "Washington 85: Cost 20 · Mission 18 · … · bonus 12 · pressure -3 · events 6".
fn points_line(
    game: &Game,
    side: Side,
    points: Option<&SidePoints>,
    theme: &Theme,
) -> Line<'static> {
    let head = Span::styled(score_text(game, side), theme.side(side));
    let Some(p) = points else {
        return Line::from(head);
    };
    let mut parts: Vec<String> = p
        .aims
        .iter()
        .map(|(m, pts)| format!("{}{NBSP}{pts}", short(*m).replace(' ', NBSP)))
        .collect();
    parts.push(format!("bonus{NBSP}{}", p.bonus));
    parts.push(format!("pressure{NBSP}{}", p.pressure));
    if p.events != 0 {
        parts.push(format!("events{NBSP}{}", p.events));
    }
    Line::from(vec![head, Span::raw(format!(": {}", parts.join(" · ")))])
}

/// The summits after which the lead changed hands, as `alliance analyze` counts them.
fn lead_line(game: &Game) -> String {
    let b = game.board();
    let targets = game.content().rules.lead_targets();
    let changes = b.lead_changes(&game.content().rules);
    let first = b
        .history
        .iter()
        .filter(|s| s.round > 0)
        .find_map(|s| crate::engine::leader_on(s.scores, targets).map(|l| (s.round, l)));
    // Under the absolute lens the lead is each side's share of its own target.
    let by = if targets.is_some() {
        ", by share of target,"
    } else {
        ""
    };
    let Some((round, side)) = first else {
        return format!("No side led after any summit{}.", by.trim_end_matches(','));
    };
    if changes.is_empty() {
        return format!(
            "The lead{by} never changed hands: {side} led from the summit of round {round}."
        );
    }
    let took: Vec<String> = changes
        .iter()
        .map(|(r, s)| format!("{s} after{NBSP}round{NBSP}{r}"))
        .collect();
    let times = if changes.len() == 1 { "once" } else { "times" };
    let count = if changes.len() == 1 {
        String::new()
    } else {
        format!("{} ", changes.len())
    };
    format!(
        "The lead{by} changed hands {count}{times}: {side} led after round {round}, then {}.",
        took.join(", ")
    )
}

/// The explanation's lines, the report line last.
fn head_lines(session: &Session, theme: &Theme) -> Vec<Line<'static>> {
    let game = session.game();
    let b = game.board();
    let (title, reasons) = verdict(game);
    let lens = match game.content().rules.lens {
        Lens::Relative => "relative lens: the higher score wins",
        Lens::Absolute => "absolute lens: each side against its target",
    };
    let mut lines = vec![Line::styled(
        game.outcome().map_or_else(String::new, |o| o.summary()),
        theme.title,
    )];
    lines.push(Line::styled(title, theme.warn));
    lines.extend(reasons.into_iter().map(|r| Line::raw(format!("  • {r}"))));
    let joint = b.score(Side::Washington) + b.score(Side::Seoul);
    lines.push(Line::raw(format!("Final scores (joint {joint}; {lens}):")));
    for side in Side::BOTH {
        let points = session.points.as_ref().map(|p| &p.0[side.index()]);
        lines.push(points_line(game, side, points, theme));
    }
    lines.push(Line::raw(lead_line(game)));
    lines.push(match &session.notice {
        Some(n) => Line::styled(n.clone(), theme.good),
        None => Line::styled(strings::END_REPORT_HINT, theme.dim),
    });
    lines
}

/// `lines` broken at `width` cells, each row keeping its line's style (a side's name keeps its
/// colour on the first row); names and their numbers, joined by [`NBSP`], stay on one row.
fn wrap_lines(lines: &[Line<'static>], width: u16) -> Vec<Line<'static>> {
    let mut rows = Vec::new();
    for l in lines {
        let plain: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        let lead = l.spans.first().filter(|_| l.spans.len() > 1);
        for (i, row) in text::wrap(plain.trim(), usize::from(width))
            .into_iter()
            .enumerate()
        {
            let row = row.replace(NBSP, " ");
            let styled = match lead {
                Some(head) if i == 0 && row.starts_with(head.content.as_ref()) => {
                    let rest = row[head.content.len()..].to_owned();
                    Line::from(vec![head.clone(), Span::styled(rest, l.style)])
                }
                _ => Line::styled(row, l.style),
            };
            rows.push(styled);
        }
    }
    rows
}

pub fn draw(f: &mut Frame, area: Rect, session: &Session, theme: &Theme) {
    let game = session.game();
    let lines = head_lines(session, theme);
    // The explanation takes what it needs, leaving the chart its minimum; if it must give way,
    // its last lines but the report line go, so the report line always shows.
    let room = area.height.saturating_sub(BODY_MIN).max(3);
    let mut rows = wrap_lines(&lines, area.width);
    let height = (rows.len() as u16 + 1).min(room);
    if rows.len() + 1 > usize::from(height) {
        let report = rows.pop();
        rows.truncate(usize::from(height.saturating_sub(2)));
        rows.extend(report);
    }
    let [head, body] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    // A rupture ends the game before the last summit, and the title says so.
    let heading = match game.outcome() {
        Some(o) if o.is_rupture() => format!("The alliance ruptured in round {}", o.round),
        _ => strings::END_TITLE.to_owned(),
    };
    let block = panel(Span::styled(format!(" {heading} "), theme.title), theme);
    f.render_widget(Paragraph::new(rows), block.inner(head));
    f.render_widget(block, head);
    draw_tracks(f, body, session, theme);
}

/// The chart beside the table, a column apart so the chart's axis label and the table's first
/// column never touch.
fn draw_tracks(f: &mut Frame, body: Rect, session: &Session, theme: &Theme) {
    let b = session.game().board();
    let table = TrackTable {
        board: b,
        scroll: session.end_scroll,
        theme,
    };
    // A game that ruptured early has few round columns; the panel still holds its whole title.
    let title = " Every track by round (↑↓) ";
    let title_w = text::width(title) as u16 + 2;
    let table_w = table.width().max(title_w).min(body.width * 3 / 5);
    let [chart, _, table_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(table_w),
    ])
    .areas(body);
    let block = panel(Span::styled(" Shared tracks by round ", theme.title), theme);
    f.render_widget(
        TrackChart {
            content: session.game().content(),
            board: b,
            theme,
        },
        block.inner(chart),
    );
    f.render_widget(block, chart);
    let block = panel(Span::styled(title, theme.title), theme);
    f.render_widget(table, block.inner(table_area));
    f.render_widget(block, table_area);
}
