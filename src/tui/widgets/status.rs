//! The top of the board: round and phase, who is to move, priority and both scores; then the
//! current order shock and what it does.

use crate::engine::{Duration, Game, Phase, Pick, Side};
use crate::tui::describe;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub struct StatusBar<'a> {
    pub game: &'a Game,
    /// Something the players must see now (the drill's countdown, a failed save). It takes the
    /// place of the priority and the seed, which the board shows elsewhere.
    pub banner: Option<&'a str>,
    pub theme: &'a Theme,
}

pub fn phase_text(game: &Game) -> String {
    let b = game.board();
    match game.phase() {
        Phase::Headline { picks } => {
            let mark = |p: Pick| {
                if matches!(p, Pick::Pending) {
                    "picking"
                } else {
                    "picked"
                }
            };
            format!("Headline: W {}, S {}", mark(picks[0]), mark(picks[1]))
        }
        Phase::Actions { to_move } => {
            let left = b.actions_left;
            format!("Actions: {to_move} (left W {} S {})", left[0], left[1])
        }
        Phase::Deal(d) if d.sent => format!("Deal: {} answers", d.offerer.other()),
        Phase::Deal(d) => format!("Deal: {} drafts", d.offerer),
        Phase::Over(_) => "Game over".into(),
    }
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let b = self.game.board();
        let rounds = self.game.content().rules.rounds;
        let t = self.theme;
        let initial = |s: Side| &s.name()[..1];
        let score = |s: Side| Span::styled(format!("{} {}", initial(s), b.score(s)), t.side(s));
        let mut spans = vec![
            Span::styled(format!(" Round {}/{} ", b.round, rounds), t.selected),
            Span::raw(" "),
            Span::styled(phase_text(self.game), t.title),
            Span::raw(" │ score "),
            score(Side::Washington),
            Span::raw(" "),
            score(Side::Seoul),
            Span::raw(" │ "),
        ];
        match self.banner {
            Some(text) => spans.push(Span::styled(text, t.warn)),
            None => spans.extend([
                Span::styled(b.priority.name(), t.key),
                Span::styled(format!(" │ seed {}", self.game.seed()), t.dim),
            ]),
        }
        let line = Line::from(spans);
        Paragraph::new(line).render(area, buf);
    }
}

/// The round's shock: title, domain, size, how long it lasts, and its text.
pub struct ShockLine<'a> {
    pub game: &'a Game,
    pub theme: &'a Theme,
}

impl Widget for ShockLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let b = self.game.board();
        let content = self.game.content();
        let Some(shock) = b.shock.and_then(|s| content.shocks.get(usize::from(s))) else {
            Paragraph::new("No order shock this round.").render(area, buf);
            return;
        };
        let lasts = match shock.duration {
            Duration::Instant => "instant",
            Duration::Round => "this round",
            Duration::Structural => "structural",
        };
        // What the shock does comes before its story, so a one-line bar still shows the rules.
        let mut what = String::new();
        if !shock.ongoing.is_empty() {
            let each = describe::effects(content, &shock.ongoing);
            what += &format!("Each summit: {each}. ");
        }
        if let Some((kind, by)) = shock.ops_mod {
            what += &format!("{} cards {by:+} ops. ", kind.name());
        }
        what += &shock.text;
        let head = format!(
            "Shock «{}» ({}, size {}, {lasts}) ",
            shock.title,
            shock.domain.name(),
            b.shock_size
        );
        let full = format!("{head}{what}");
        let mut lines = text::wrap(&full, usize::from(area.width.max(1)));
        lines.truncate(usize::from(area.height));
        let cut = text::width(&full) > lines_width(&lines);
        if let Some(last) = lines.last_mut()
            && cut
        {
            *last = text::truncate(&format!("{last}…"), usize::from(area.width));
        }
        let lines: Vec<Line> = lines.into_iter().map(Line::raw).collect();
        Paragraph::new(lines).render(area, buf);
        // The head keeps its warning style wherever the wrap put it on the first line.
        let head_w = text::width(&head).min(usize::from(area.width)) as u16;
        buf.set_style(
            Rect {
                width: head_w,
                height: area.height.min(1),
                ..area
            },
            self.theme.warn,
        );
    }
}

fn lines_width(lines: &[String]) -> usize {
    lines.iter().map(|l| text::width(l) + 1).sum()
}
