//! Tracks and items as one-line gauges: a cell per step of the range, the symmetric band drawn in
//! its own glyph and style, and the value at the end.

use crate::engine::{Board, Content, Meter, Priority, Side};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Short names that fit a gauge's label column.
pub fn short(m: Meter) -> &'static str {
    match m {
        Meter::Responsibility => "Responsibility",
        Meter::RoleBalance => "Role balance",
        Meter::Cohesion => "Cohesion",
        Meter::Uncertainty => "Uncertainty",
        Meter::UsCost => "Cost",
        Meter::UsMission => "Mission",
        Meter::UsRole => "Role",
        Meter::UsLeverage | Meter::RokLeverage => "Leverage",
        Meter::Opcon => "OPCON",
        Meter::Posture => "Posture kept",
        Meter::Status => "Status",
        Meter::SelfHelp => "Self-help",
        Meter::AllianceLayer => "Alliance",
        Meter::Partnership => "Partnership",
        Meter::Solidarity => "Solidarity",
    }
}

pub const SHARED: [Meter; 4] = [
    Meter::Responsibility,
    Meter::RoleBalance,
    Meter::Cohesion,
    Meter::Uncertainty,
];
pub const WASHINGTON: [Meter; 4] = [
    Meter::UsCost,
    Meter::UsMission,
    Meter::UsRole,
    Meter::UsLeverage,
];
pub const SEOUL: [Meter; 4] = [
    Meter::Opcon,
    Meter::Posture,
    Meter::Status,
    Meter::RokLeverage,
];

/// One gauge line for a meter, fitted into `width` cells.
pub fn gauge_line<'a>(
    content: &Content,
    board: &Board,
    m: Meter,
    width: u16,
    theme: &Theme,
) -> Line<'a> {
    let t = content.rules.track(m);
    let value = board.meter(m);
    // One cell per step above the minimum: a value of v fills v cells.
    let slots = (i16::from(t.max) - i16::from(t.min)).max(1) as usize;
    let label_w = 14.min(usize::from(width) * 2 / 5);
    let room = usize::from(width).saturating_sub(label_w + 4);
    let cell = if room >= slots * 2 { 2 } else { 1 };
    let band = t
        .band
        .or((m == Meter::Cohesion).then_some((content.rules.cohesion_floor, t.max)));
    // An aim on this round's summit agenda (it pays once more) is starred beside its name.
    let tabled = board.on_table.contains(&Some(m));
    let label = if tabled && label_w > 4 {
        format!("{} ★", text::pad(short(m), label_w - 2))
    } else {
        text::pad(short(m), label_w)
    };
    let mut spans = vec![
        Span::styled(label, if tabled { theme.selected } else { theme.base }),
        Span::raw(" "),
    ];
    for i in 0..slots.min(room) {
        let v = t.min.saturating_add(i as i8 + 1);
        let in_band = band.is_some_and(|(lo, hi)| (lo..=hi).contains(&v));
        let filled = v <= value;
        let (glyph, style) = match (filled, in_band) {
            (true, true) => ("▓", theme.gauge_band_fill),
            (true, false) => ("█", theme.gauge_fill),
            (false, true) => ("▒", theme.band),
            (false, false) => ("░", theme.gauge_empty),
        };
        spans.push(Span::styled(glyph.repeat(cell), style));
    }
    let in_band = band.is_none_or(|(lo, hi)| (lo..=hi).contains(&value));
    let vstyle = if in_band { theme.good } else { theme.title };
    spans.push(Span::styled(format!(" {value:>2}"), vstyle));
    Line::from(spans)
}

/// The shared tracks, or one side's items.
pub struct Gauges<'a> {
    pub content: &'a Content,
    pub board: &'a Board,
    pub meters: &'a [Meter],
    pub side: Option<Side>,
    pub theme: &'a Theme,
}

impl Widget for Gauges<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut lines: Vec<Line> = self
            .meters
            .iter()
            .map(|m| gauge_line(self.content, self.board, *m, area.width, self.theme))
            .collect();
        match self.side {
            Some(Side::Washington) => lines.push(priority_line(self.board.priority, self.theme)),
            Some(Side::Seoul) => lines.push(layers_line(self.board, self.theme)),
            None => {}
        }
        Paragraph::new(lines).render(area, buf);
    }
}

fn priority_line<'a>(p: Priority, theme: &Theme) -> Line<'a> {
    let doubles = match p {
        Priority::Deal => "cost, leverage ×2",
        Priority::Strategy => "mission, role ×2",
    };
    Line::from(vec![
        Span::raw("Priority "),
        Span::styled(p.name(), theme.selected),
        Span::styled(format!(" {doubles}"), theme.dim),
    ])
}

fn layers_line<'a>(board: &Board, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw("Layers")];
    for m in Meter::LAYERS {
        let v = board.meter(m).clamp(0, 3) as usize;
        let short: String = short(m).chars().take(4).collect();
        spans.push(Span::raw(format!(" {}", short.to_lowercase())));
        spans.push(Span::styled("●".repeat(v), theme.good));
        spans.push(Span::styled("○".repeat(3 - v), theme.dim));
    }
    Line::from(spans)
}
