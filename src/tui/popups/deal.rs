//! The deal editor and the answer screen. Every row is one of the engine's legal deal actions:
//! drop a term, give or ask a term, send or withdraw; or accept, reject, counter. Beside each term
//! is what it does, and under the bundle the cohesion effect of the deal as it stands.

use super::{centered, frame_box};
use crate::engine::{Action, Deal, Game, Side, Term};
use crate::tui::describe;
use crate::tui::msg::Msg;
use crate::tui::strings;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn bundle_lines(game: &Game, deal: &Deal, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let content = game.content();
    let (offerer, receiver) = (deal.offerer, deal.offerer.other());
    let mut out = Vec::new();
    for (who, giver, terms) in [
        ("gives", offerer, &deal.gives),
        ("asks", receiver, &deal.asks),
    ] {
        out.push(Line::styled(
            format!("{offerer} {who}:"),
            theme.side(offerer),
        ));
        if terms.is_empty() {
            out.push(Line::styled("  nothing", theme.dim));
        }
        for t in terms.iter() {
            let s = format!(
                "• {} → {}",
                describe::term(content, t, true),
                describe::term_effect(content, t, giver)
            );
            for (i, l) in text::wrap(&s, width.saturating_sub(4))
                .into_iter()
                .enumerate()
            {
                // The wrap drops leading spaces, so the indent goes on after it.
                let indent = if i == 0 { "  " } else { "    " };
                out.push(Line::raw(format!("{indent}{l}")));
            }
        }
    }
    out.push(Line::styled(describe::deal_cohesion(game, deal), theme.key));
    out
}

fn row_label(game: &Game, deal: &Deal, side: Side, a: Action) -> String {
    let content = game.content();
    let giver_of = |ask: bool| if ask { side.other() } else { side };
    let with_effect = |t: Term, ask: bool| {
        format!(
            "{} → {}",
            describe::term(content, t, true),
            describe::term_effect(content, t, giver_of(ask))
        )
    };
    match a {
        Action::Give(t) => format!("+ give  {}", with_effect(t, false)),
        Action::Ask(t) => format!("+ ask   {}", with_effect(t, true)),
        Action::Drop { ask, index } => {
            let list = if ask { &deal.asks } else { &deal.gives };
            let t = list
                .get(usize::from(index))
                .map_or_else(String::new, |t| describe::term(content, t, true));
            format!("− drop  {t}")
        }
        _ => describe::action(game, side, a),
    }
}

/// Draws the editor (or the answer screen) for the side to move, with `rows` from the session.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    f: &mut Frame,
    area: Rect,
    game: &Game,
    deal: &Deal,
    rows: &[Action],
    cursor: usize,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let Some(side) = game.to_move() else { return };
    let r = centered(area, 110, area.height.saturating_sub(2));
    let title = if deal.sent {
        strings::DEAL_ANSWER_TITLE
    } else {
        strings::DEAL_EDITOR_TITLE
    };
    let title = format!(
        "{title} — {side} (counters {}/{})",
        deal.counters,
        game.content().rules.deals.max_counters
    );
    let inner = frame_box(f, r, &title, theme);
    let width = usize::from(inner.width);
    let mut lines = bundle_lines(game, deal, theme, width);
    lines.push(Line::from(Span::styled("─".repeat(width), theme.border)));
    let top = lines.len();
    let room = usize::from(inner.height).saturating_sub(top);
    let offset = crate::tui::widgets::hand::list_offset(cursor, rows.len(), room);
    for (i, a) in rows.iter().enumerate().skip(offset).take(room) {
        let label = text::pad(&row_label(game, deal, side, *a), width);
        let y = inner.y + (top + i - offset) as u16;
        hits.push((Rect::new(inner.x, y, inner.width, 1), Msg::Click(i)));
        lines.push(if i == cursor {
            Line::styled(label, theme.selected)
        } else {
            Line::raw(label)
        });
    }
    f.render_widget(Paragraph::new(lines), inner);
}
