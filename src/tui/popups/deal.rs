//! The deal editor and the answer screen. Every row is one of the engine's legal deal actions:
//! drop a term, give or ask a term, send or withdraw; or accept, reject, counter. Beside each term
//! is what it does, and under the bundle the cohesion effect of the deal as it stands.

use super::{centered, frame_box};
use crate::engine::{Action, Deal, Game, Term};
use crate::tui::deal_table::{DealRow, TERM_LETTERS, TermState};
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

/// A row's key, its words, and whether it does anything now (else it is drawn dim).
fn row_label(
    game: &Game,
    deal: &Deal,
    row: &DealRow,
    letter: Option<char>,
    wide: bool,
) -> (String, bool) {
    let content = game.content();
    let key = letter.map_or_else(|| "  ".to_owned(), |c| format!("{c} "));
    let max = content.rules.deals.max_terms;
    match *row {
        DealRow::Term {
            ask, term, state, ..
        } => {
            let verb = if ask { "ask " } else { "give" };
            let giver = if ask {
                deal.offerer.other()
            } else {
                deal.offerer
            };
            // A wide screen has room for what the term does; a narrow one shows it for the
            // selected row under the list.
            let what = if wide {
                let effect = describe::term_effect(content, term, giver);
                format!("{} → {effect}", describe::term(content, term, true))
            } else {
                describe::term(content, term, true)
            };
            let list = if ask { &deal.asks } else { &deal.gives };
            match state {
                // Markers of one width, so a row's text never shifts when its state changes.
                TermState::Addable => (format!("{key}+ {verb}      {what}"), true),
                TermState::InOffer => (format!("{key}✓ in offer  {what}"), true),
                TermState::Full => {
                    let n = list.len();
                    (format!("{key}  full {n}/{max}  {what}"), false)
                }
                TermState::Unavailable => (format!("{key}  not now   {what}"), false),
            }
        }
        DealRow::Step { action, legal } => {
            let k = match action {
                Action::Send => "s ",
                Action::Accept => "a ",
                Action::Counter => "c ",
                _ => "r ",
            };
            (
                format!("{k}{}", describe::action(game, deal.offerer, action)),
                legal,
            )
        }
        DealRow::Withdraw => (format!("w {}", strings::DEAL_WITHDRAW_ROW), true),
    }
}

/// What the selected row's term does, in full: a card's whole text, or a term's effects.
fn row_detail(game: &Game, deal: &Deal, row: Option<&DealRow>, width: usize) -> Vec<String> {
    let content = game.content();
    let Some(DealRow::Term {
        ask, term, state, ..
    }) = row
    else {
        return Vec::new();
    };
    let why = match state {
        TermState::InOffer => strings::DEAL_IN_OFFER,
        TermState::Full => strings::DEAL_SLOT_FULL,
        TermState::Unavailable => strings::DEAL_NOT_NOW,
        TermState::Addable => "",
    };
    let giver = if *ask {
        deal.offerer.other()
    } else {
        deal.offerer
    };
    let body = match *term {
        Term::Card(c) => {
            let card = content.card(c);
            format!(
                "«{}»: {} Event: {}",
                card.title,
                card.text,
                describe::effects(content, &card.effects)
            )
        }
        Term::Vocab(_) => format!(
            "{} → {}",
            describe::term(content, *term, true),
            describe::term_effect(content, *term, giver)
        ),
    };
    text::wrap(&format!("{why}{body}"), width)
}

/// The offer a counter answers, beside the editor on a wide screen (in full) or above it on a
/// narrow one (its terms' names, which the rows below show with their effects).
fn answered_lines(
    game: &Game,
    offer: &Deal,
    theme: &Theme,
    width: usize,
    full: bool,
) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        format!("Answering {}'s offer:", offer.offerer),
        theme.title,
    )];
    if full {
        out.extend(bundle_lines(game, offer, theme, width));
        return out;
    }
    let content = game.content();
    let names = |terms: &crate::engine::Terms| {
        let v: Vec<String> = terms
            .iter()
            .map(|t| describe::term(content, t, true))
            .collect();
        if v.is_empty() {
            "nothing".to_owned()
        } else {
            v.join("; ")
        }
    };
    let line = format!(
        "gives {} · asks {}",
        names(&offer.gives),
        names(&offer.asks)
    );
    out.extend(text::wrap(&line, width).into_iter().map(Line::raw));
    out
}

/// A bundle being drafted, in two lines: how full each list is and what the deal does to
/// cohesion (the rows below say which terms are in it, and the selected one's effect).
fn draft_summary(game: &Game, deal: &Deal, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let max = game.content().rules.deals.max_terms;
    let (g, a) = (deal.gives.iter().count(), deal.asks.iter().count());
    let head = format!(
        "{} gives {g}/{max} · asks {a}/{max}. {}",
        deal.offerer,
        describe::deal_cohesion(game, deal)
    );
    let mut out: Vec<Line> = text::wrap(&head, width)
        .into_iter()
        .map(Line::raw)
        .collect();
    if let Some(first) = out.first_mut() {
        *first = first.clone().style(theme.side(deal.offerer));
    }
    out
}

/// The deal on the table, and what the editor or answer screen draws with it.
pub struct DealScreen<'a> {
    pub game: &'a Game,
    pub deal: &'a Deal,
    pub rows: &'a [DealRow],
    pub cursor: usize,
    /// The offer a counter answers, while the counter is drafted.
    pub answered: Option<&'a Deal>,
}

/// Draws the editor (or the answer screen) for the side to move.
pub fn draw(f: &mut Frame, area: Rect, d: &DealScreen, theme: &Theme, hits: &mut Vec<(Rect, Msg)>) {
    let (game, deal) = (d.game, d.deal);
    let Some(side) = game.to_move() else { return };
    let w = area.width.min(120);
    // An offer to answer takes only the lines it needs, so the board and the log stay in sight
    // around it; a draft takes the whole height for its rows.
    let h = if deal.sent {
        let inner_w = usize::from(w.saturating_sub(2));
        let need = bundle_lines(game, deal, theme, inner_w).len() + 1 + d.rows.len() + 2;
        (need as u16).min(area.height.saturating_sub(2))
    } else {
        area.height.saturating_sub(2)
    };
    let r = centered(area, w, h);
    let title = if deal.sent {
        strings::DEAL_ANSWER_TITLE
    } else {
        strings::DEAL_EDITOR_TITLE
    };
    // A scenario without counters (the classroom's take-it-or-leave-it deals) has no count to show.
    let max_counters = game.content().rules.deals.max_counters;
    let title = if max_counters == 0 {
        format!("{title} — {side}")
    } else {
        format!(
            "{title} — {side} (counters {}/{max_counters})",
            deal.counters
        )
    };
    let mut inner = frame_box(f, r, &title, theme);
    // A wide screen shows the answered offer beside the editor; a narrow one above it.
    if let Some(offer) = d.answered {
        let beside = inner.width >= 110;
        let w = if beside { inner.width / 3 } else { inner.width };
        let lines = answered_lines(game, offer, theme, usize::from(w), beside);
        let h = if beside {
            inner.height
        } else {
            (lines.len() as u16).min(inner.height / 3)
        };
        let at = Rect::new(inner.x, inner.y, w, h);
        f.render_widget(Paragraph::new(lines), at);
        inner = if beside {
            Rect::new(inner.x + w + 1, inner.y, inner.width - w - 1, inner.height)
        } else {
            Rect::new(inner.x, inner.y + h, inner.width, inner.height - h)
        };
    }
    draw_body(f, inner, d, theme, hits);
}

fn draw_body(
    f: &mut Frame,
    inner: Rect,
    d: &DealScreen,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let (game, deal) = (d.game, d.deal);
    let width = usize::from(inner.width);
    // A sent offer has three rows under it, so it shows in full; a draft on a short screen
    // leaves its room to the rows.
    let mut lines = if deal.sent || inner.height >= 30 {
        bundle_lines(game, deal, theme, width)
    } else {
        draft_summary(game, deal, theme, width)
    };
    lines.push(Line::from(Span::styled("─".repeat(width), theme.border)));
    let detail = row_detail(game, deal, d.rows.get(d.cursor), width);
    // The selected term's full text stays under the rows, three lines at most at 80×24.
    let detail_h = detail.len().min(usize::from(inner.height) / 5);
    let top = lines.len();
    let room = usize::from(inner.height)
        .saturating_sub(top)
        .saturating_sub(detail_h);
    let offset = crate::tui::widgets::hand::list_offset(d.cursor, d.rows.len(), room);
    let mut term_no = 0;
    for (i, row) in d.rows.iter().enumerate() {
        let letter = matches!(row, DealRow::Term { .. }).then(|| {
            term_no += 1;
            TERM_LETTERS.get(term_no - 1).copied()
        });
        if i < offset || i >= offset + room {
            continue;
        }
        let (label, live) = row_label(game, deal, row, letter.flatten(), width >= 100);
        let label = text::pad(&label, width);
        let y = inner.y + (top + i - offset) as u16;
        hits.push((Rect::new(inner.x, y, inner.width, 1), Msg::Click(i)));
        lines.push(match (i == d.cursor, live) {
            (true, _) => Line::styled(label, theme.selected),
            (false, true) => Line::raw(label),
            (false, false) => Line::styled(label, theme.dim),
        });
    }
    let used = lines.len();
    lines.extend((used..usize::from(inner.height).saturating_sub(detail_h)).map(|_| Line::raw("")));
    lines.extend(
        detail
            .into_iter()
            .take(detail_h)
            .map(|l| Line::styled(l, theme.dim)),
    );
    f.render_widget(Paragraph::new(lines), inner);
}
