//! The card detail pane: title, side, kind, ops, requirement, event effects, text and concept.
//! The encyclopedia uses it too, with no game (so no "now" values).

use crate::engine::{CardId, Content, Fizzle, Game};
use crate::tui::describe;
use crate::tui::text;
use crate::tui::theme::{Theme, kind_symbol};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub struct CardDetail<'a> {
    pub content: &'a Content,
    pub card: CardId,
    /// With a game, the pane shows the ops now and whether the event can fire now.
    pub game: Option<&'a Game>,
    pub scroll: u16,
    pub theme: &'a Theme,
}

impl CardDetail<'_> {
    /// How many lines the text takes at `width`, for the panel's scroll limit.
    pub fn height(&self, width: usize) -> usize {
        self.lines(width).len()
    }

    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let t = self.theme;
        let Some(c) = self.content.cards.get(usize::from(self.card)) else {
            return Vec::new();
        };
        let mut out = vec![Line::from(Span::styled(
            c.title.clone(),
            t.card_side(c.side).patch(t.title),
        ))];
        let ops_now = self
            .game
            .map(|g| g.ops_value(self.card))
            .filter(|v| *v != c.ops);
        let ops = match ops_now {
            Some(now) => format!("ops {} (now {now})", c.ops),
            None => format!("ops {}", c.ops),
        };
        out.push(Line::from(vec![
            Span::styled(
                format!("{} {}", kind_symbol(c.kind), c.kind.name()),
                t.kind(c.kind),
            ),
            Span::raw(format!(
                " · {} card · {ops}{}",
                c.side.name(),
                if c.once { " · once" } else { "" }
            )),
        ]));
        let mut para = |label: &str, body: String, style| {
            for (i, l) in text::wrap(&format!("{label}{body}"), width)
                .into_iter()
                .enumerate()
            {
                out.push(Line::styled(l, if i == 0 { style } else { t.base }));
            }
        };
        if !c.requires.is_empty() {
            para(
                "Requires: ",
                describe::conditions(self.content, &c.requires),
                t.base,
            );
        }
        para(
            "Event: ",
            describe::effects(self.content, &c.effects),
            t.base,
        );
        if let Some(why) = self.game.and_then(|g| g.event_blocked(self.card)) {
            let why = match why {
                Fizzle::Requirement => "the requirement fails now",
                Fizzle::Prevented => "it has been prevented",
            };
            para("Blocked: ", why.into(), t.warn);
        }
        para("", c.text.clone(), t.base);
        para("Concept: ", c.concept.name().into(), t.dim);
        out
    }
}

impl Widget for CardDetail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = self.lines(usize::from(area.width));
        // Lines are pre-wrapped; this wrap only catches the short header lines.
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .render(area, buf);
    }
}
