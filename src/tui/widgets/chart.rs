//! Tracks over the rounds, from the board's summit snapshots: a line chart of the shared tracks
//! with the symmetric band and a key that names every line it draws, and a table of every track
//! and item by round whose columns are as wide as their widest number.

use super::gauges::short;
use crate::engine::{Board, Content, Meter};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

pub struct TrackChart<'a> {
    pub content: &'a Content,
    pub board: &'a Board,
    pub theme: &'a Theme,
}

/// Colours for the shared tracks, in board order; more tracks than colours reuse them, and the
/// monochrome theme tells lines apart by marker instead.
const COLOURS: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Red,
];
/// Markers for the monochrome theme, each with the glyph its key shows. The band's dots are
/// not among them, so no track looks like the band.
const MARKS: [(Marker, &str); 4] = [
    (Marker::Braille, "⣿"),
    (Marker::Block, "█"),
    (Marker::Bar, "▄"),
    (Marker::HalfBlock, "▀"),
];

/// The board's shared tracks (those no side owns), in board order: whatever the rules have.
pub fn shared_tracks() -> impl Iterator<Item = Meter> {
    Meter::ALL.into_iter().filter(|m| m.owner().is_none())
}

impl TrackChart<'_> {
    /// Each shared track's style, and the glyph the key shows for it.
    fn look(&self, i: usize) -> (Style, Marker, &'static str) {
        if self.theme.mono {
            let (m, g) = MARKS[i % MARKS.len()];
            (Style::new(), m, g)
        } else {
            let c = COLOURS[i % COLOURS.len()];
            (Style::new().fg(c), Marker::Braille, "━")
        }
    }

    /// The distinct symmetric bands of the shared tracks, lowest first.
    fn bands(&self) -> Vec<(i8, i8)> {
        let mut bands: Vec<(i8, i8)> = shared_tracks()
            .filter_map(|m| self.content.rules.track(m).band)
            .collect();
        bands.sort_unstable();
        bands.dedup();
        bands
    }

    /// The key: every line the chart draws, named, the band's dotted edges included, packed into
    /// rows of `width` cells without parting a glyph from its name.
    pub fn legend(&self, width: u16) -> Vec<Line<'static>> {
        let mut parts: Vec<Vec<Span<'static>>> = Vec::new();
        for (i, m) in shared_tracks().enumerate() {
            let (style, _, glyph) = self.look(i);
            parts.push(vec![
                Span::styled(format!("{glyph} "), style),
                Span::raw(format!("{}  ", short(m))),
            ]);
        }
        for (lo, hi) in self.bands() {
            parts.push(vec![
                Span::styled("• ", self.theme.dim),
                Span::raw(format!("band {lo}-{hi}  ")),
            ]);
        }
        let mut rows: Vec<Line<'static>> = Vec::new();
        let mut row: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        for part in parts {
            let w: usize = part.iter().map(|s| text::width(&s.content)).sum();
            if used > 0 && used + w > usize::from(width) + 2 {
                rows.push(Line::from(std::mem::take(&mut row)));
                used = 0;
            }
            used += w;
            row.extend(part);
        }
        rows.push(Line::from(row));
        rows
    }
}

impl Widget for TrackChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let legend = self.legend(area.width);
        let key = (legend.len() as u16).min(area.height / 2);
        let [key_area, chart_area] =
            Layout::vertical([Constraint::Length(key), Constraint::Fill(1)]).areas(area);
        Paragraph::new(legend).render(key_area, buf);
        let h = &self.board.history;
        let series: Vec<Vec<(f64, f64)>> = shared_tracks()
            .map(|m| {
                h.iter()
                    .map(|s| (f64::from(s.round), f64::from(s.meters[m.index()])))
                    .collect()
            })
            .collect();
        let last = h.last().map_or(1.0, |s| f64::from(s.round.max(1)));
        let edges: Vec<Vec<(f64, f64)>> = self
            .bands()
            .iter()
            .flat_map(|(lo, hi)| [*lo, *hi])
            .map(|v| vec![(0.0, f64::from(v)), (last, f64::from(v))])
            .collect();
        let mut sets: Vec<Dataset> = shared_tracks()
            .zip(&series)
            .enumerate()
            .map(|(i, (m, data))| {
                let (style, marker, _) = self.look(i);
                Dataset::default()
                    .name(short(m))
                    .marker(marker)
                    .graph_type(GraphType::Line)
                    .style(style)
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
            .render(chart_area, buf);
    }
}

/// Every track and item, one row each, one column per summit.
pub struct TrackTable<'a> {
    pub board: &'a Board,
    pub scroll: u16,
    pub theme: &'a Theme,
}

/// The score rows' labels, which must fit the label column beside the tracks' names.
const SCORE_LABELS: [&str; 2] = ["Washington pts", "Seoul pts"];

impl TrackTable<'_> {
    /// Each round's column width: its widest number (scores pass 99) and one space before it,
    /// so two numbers never run together.
    fn column_widths(&self) -> Vec<usize> {
        self.board
            .history
            .iter()
            .map(|s| {
                let meters = s.meters.iter().map(|v| v.to_string().len());
                let scores = s.scores.iter().map(|v| v.to_string().len());
                let round = s.round.to_string().len();
                1 + meters.chain(scores).fold(round, usize::max)
            })
            .collect()
    }

    fn label_width() -> usize {
        let names = Meter::ALL.iter().map(|m| text::width(short(*m)));
        let scores = SCORE_LABELS.iter().map(|l| text::width(l));
        names.chain(scores).fold(text::width("round"), usize::max)
    }

    /// The cells the table needs across.
    pub fn width(&self) -> u16 {
        let w = Self::label_width() + self.column_widths().iter().sum::<usize>();
        w.min(usize::from(u16::MAX)) as u16
    }

    fn row(&self, label: Span<'static>, values: impl Iterator<Item = String>) -> Line<'static> {
        let cells: String = values
            .zip(self.column_widths())
            .map(|(v, w)| format!("{v:>w$}"))
            .collect();
        Line::from(vec![label, Span::raw(cells)])
    }
}

impl Widget for TrackTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let h = &self.board.history;
        let lw = Self::label_width();
        let head = Span::styled(text::pad("round", lw), self.theme.title);
        let mut lines = vec![self.row(head, h.iter().map(|s| s.round.to_string()))];
        for m in Meter::ALL {
            let owner = m.owner().map_or(self.theme.base, |s| self.theme.side(s));
            let label = Span::styled(text::pad(short(m), lw), owner);
            lines.push(self.row(label, h.iter().map(|s| s.meters[m.index()].to_string())));
        }
        for (i, name) in SCORE_LABELS.iter().enumerate() {
            let label = Span::styled(text::pad(name, lw), self.theme.title);
            lines.push(self.row(label, h.iter().map(|s| s.scores[i].to_string())));
        }
        Paragraph::new(lines)
            .scroll((self.scroll, 0))
            .render(area, buf);
    }
}
