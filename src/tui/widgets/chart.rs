//! Tracks over the rounds, from the board's summit snapshots: a line chart of the shared tracks
//! with the symmetric band, and a table of every track and item by round.

use super::gauges::short;
use crate::engine::{Board, Content, Meter};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

pub struct TrackChart<'a> {
    pub content: &'a Content,
    pub board: &'a Board,
    pub theme: &'a Theme,
}

const SHARED: [(Meter, Color); 4] = [
    (Meter::Responsibility, Color::Cyan),
    (Meter::RoleBalance, Color::Magenta),
    (Meter::Cohesion, Color::Green),
    (Meter::Uncertainty, Color::Yellow),
];

impl TrackChart<'_> {
    /// The chart's key, for its panel title (the chart's own legend would cover the lines).
    pub fn legend(theme: &Theme) -> Vec<Span<'static>> {
        let glyphs = ["⣿", "•", "█", "▄"];
        let mut spans = vec![Span::styled(" Shared tracks by round: ", theme.title)];
        for (i, (m, c)) in SHARED.iter().enumerate() {
            let (g, style) = if theme.mono {
                (glyphs[i], Style::new())
            } else {
                ("━", Style::new().fg(*c))
            };
            spans.push(Span::styled(format!("{g} "), style));
            spans.push(Span::raw(format!("{} ", short(*m))));
        }
        spans
    }
}

impl Widget for TrackChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let h = &self.board.history;
        let series: Vec<Vec<(f64, f64)>> = SHARED
            .iter()
            .map(|(m, _)| {
                h.iter()
                    .map(|s| (f64::from(s.round), f64::from(s.meters[m.index()])))
                    .collect()
            })
            .collect();
        let last = h.last().map_or(1.0, |s| f64::from(s.round.max(1)));
        let band = self
            .content
            .rules
            .track(Meter::Responsibility)
            .band
            .unwrap_or((4, 6));
        let edges: Vec<Vec<(f64, f64)>> = [band.0, band.1]
            .iter()
            .map(|v| vec![(0.0, f64::from(*v)), (last, f64::from(*v))])
            .collect();
        let mono = self.theme.mono;
        let colour = |c: Color| {
            if mono {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        let markers = [Marker::Braille, Marker::Dot, Marker::Block, Marker::Bar];
        let mut sets: Vec<Dataset> = SHARED
            .iter()
            .zip(&series)
            .enumerate()
            .map(|(i, ((m, c), data))| {
                let marker = if mono { markers[i] } else { Marker::Braille };
                Dataset::default()
                    .name(short(*m))
                    .marker(marker)
                    .graph_type(GraphType::Line)
                    .style(colour(*c))
                    .data(data)
            })
            .collect();
        for e in &edges {
            sets.push(
                Dataset::default()
                    .marker(Marker::Dot)
                    .style(self.theme.dim)
                    .data(e),
            );
        }
        let x = Axis::default()
            .bounds([0.0, last])
            .labels(["0".to_string(), format!("round {last}")]);
        let y = Axis::default().bounds([0.0, 10.0]).labels(["0", "5", "10"]);
        Chart::new(sets)
            .x_axis(x)
            .y_axis(y)
            .hidden_legend_constraints((Constraint::Length(0), Constraint::Length(0)))
            .render(area, buf);
    }
}

/// Every track and item, one row each, one column per summit.
pub struct TrackTable<'a> {
    pub board: &'a Board,
    pub scroll: u16,
    pub theme: &'a Theme,
}

impl Widget for TrackTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let h = &self.board.history;
        let mut lines = vec![Line::styled(
            format!(
                "{} {}",
                text::pad("round", 14),
                h.iter()
                    .map(|s| format!("{:>3}", s.round))
                    .collect::<String>()
            ),
            self.theme.title,
        )];
        for m in Meter::ALL {
            let vals: String = h
                .iter()
                .map(|s| format!("{:>3}", s.meters[m.index()]))
                .collect();
            let owner = m.owner().map_or(self.theme.base, |s| self.theme.side(s));
            lines.push(Line::from(vec![
                Span::styled(text::pad(short(m), 14), owner),
                Span::raw(format!(" {vals}")),
            ]));
        }
        for (i, side) in ["Washington", "Seoul"].iter().enumerate() {
            let vals: String = h.iter().map(|s| format!("{:>3}", s.scores[i])).collect();
            lines.push(Line::styled(
                format!("{} {vals}", text::pad(&format!("{side} score"), 14)),
                self.theme.title,
            ));
        }
        Paragraph::new(lines)
            .scroll((self.scroll, 0))
            .render(area, buf);
    }
}
