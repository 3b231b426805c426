//! The board: status and shock on top; tracks and each side's items on the left; the hand, the
//! card detail and the log on the right. It draws any [`Game`], so a replay viewer can reuse it.

use crate::engine::{Game, Side};
use crate::tui::describe;
use crate::tui::log::Log;
use crate::tui::msg::Msg;
use crate::tui::session::{Row, Session};
use crate::tui::strings;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::card::CardDetail;
use crate::tui::widgets::gauges::{Gauges, SEOUL, SHARED, WASHINGTON};
use crate::tui::widgets::hand::{Hand, list_offset};
use crate::tui::widgets::log_panel::LogPanel;
use crate::tui::widgets::panel;
use crate::tui::widgets::status::{ShockLine, StatusBar};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// What the right-hand column shows: whose hand, which rows, which is selected.
pub struct HandView<'a> {
    pub viewer: Option<Side>,
    /// How many cards the viewer holds (the rows may add card-less actions).
    pub hand_len: usize,
    pub rows: &'a [Row],
    pub cursor: Option<usize>,
    pub detail: Option<u16>,
    /// Lines the card panel's text is scrolled down.
    pub detail_scroll: u16,
    pub note: Option<String>,
    /// Shown in the hand's title while a bot decides (it thinks on another thread).
    pub busy: Option<String>,
    pub log: &'a Log,
    /// Log lines scrolled up from the newest.
    pub log_scroll: u16,
}

/// Draws the public board (left and top) for any game.
pub fn draw_public(f: &mut Frame, area: Rect, game: &Game, theme: &Theme) -> Rect {
    draw_public_with(f, area, game, None, None, theme)
}

/// As [`draw_public`], with a banner in the status line (a failed save) and the drill's clock
/// (seconds left to answer) beside the priority.
pub fn draw_public_with(
    f: &mut Frame,
    area: Rect,
    game: &Game,
    banner: Option<&str>,
    clock: Option<u64>,
    theme: &Theme,
) -> Rect {
    // Two lines at least: the shock's effects must be readable at 80×24.
    let shock_h = if area.height >= 34 { 3 } else { 2 };
    let [top, shock, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(shock_h),
        Constraint::Fill(1),
    ])
    .areas(area);
    f.render_widget(
        StatusBar {
            game,
            banner,
            clock,
            theme,
        },
        top,
    );
    f.render_widget(ShockLine { game, theme }, shock);
    let left_w = (area.width * 9 / 20).clamp(40, 64);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)]).areas(body);
    let [shared, wash, seoul, outlook] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Fill(1),
    ])
    .areas(left);
    let (content, board) = (game.content().as_ref(), game.board());
    let gauges = |meters, side| Gauges {
        content,
        board,
        meters,
        side,
        theme,
    };
    let titled = |t: &'static str, s: Option<Side>| {
        panel(
            Span::styled(t, s.map_or(theme.title, |s| theme.side(s))),
            theme,
        )
    };
    for (area, title, meters, side) in [
        (shared, " Shared tracks ", &SHARED, None),
        (wash, " Washington ", &WASHINGTON, Some(Side::Washington)),
        (seoul, " Seoul ", &SEOUL, Some(Side::Seoul)),
    ] {
        let block = titled(title, side);
        f.render_widget(gauges(meters.as_slice(), side), block.inner(area));
        f.render_widget(block, area);
    }
    let block = titled(" Symmetric alliance? ", None);
    let verdict = if game.is_symmetric() {
        "yes, now"
    } else {
        "not now"
    };
    let inner = block.inner(outlook);
    let reasons = describe::symmetry_reasons(game);
    let rows: usize = reasons
        .iter()
        .map(|r| text::wrap(r, usize::from(inner.width)).len())
        .sum();
    // A small screen gets the reasons in short, after the verdict, so none is cut off.
    let lines = if rows < usize::from(inner.height) {
        let mut lines = vec![Line::styled(verdict, theme.title)];
        lines.extend(reasons.into_iter().map(Line::raw));
        lines
    } else {
        vec![Line::from(vec![
            Span::styled(format!("{verdict}: "), theme.title),
            Span::raw(describe::symmetry_reasons_short(game)),
        ])]
    };
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        block.inner(outlook),
    );
    f.render_widget(block, outlook);
    right
}

/// Draws the right-hand column: hand, card detail and log.
pub fn draw_private(
    f: &mut Frame,
    area: Rect,
    game: &Game,
    hv: &HandView,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let hand_h = (hv.rows.len().max(1) as u16 + 1)
        .min(area.height / 2)
        .max(2);
    let detail_h = if area.height >= 30 { 11 } else { 7 };
    let [hand, detail, log_area] = Layout::vertical([
        Constraint::Length(hand_h),
        Constraint::Length(detail_h),
        Constraint::Fill(1),
    ])
    .areas(area);
    draw_hand(f, hand, game, hv, theme, hits);
    draw_detail(f, detail, game, hv, theme);
    let block = panel(Span::styled(" Log ", theme.title), theme);
    let log = LogPanel {
        log: hv.log,
        scroll: hv.log_scroll,
        theme,
    };
    f.render_widget(log, block.inner(log_area));
    f.render_widget(block, log_area);
}

/// The hand panel; its rows are clickable while the viewer chooses.
fn draw_hand(
    f: &mut Frame,
    area: Rect,
    game: &Game,
    hv: &HandView,
    theme: &Theme,
    hits: &mut Vec<(Rect, Msg)>,
) {
    let title = match hv.viewer {
        Some(s) => format!(" {s}'s hand ({}) ", hv.hand_len),
        None => " Hand hidden ".into(),
    };
    let style = hv.viewer.map_or(theme.title, |s| theme.side(s));
    let mut spans = vec![Span::styled(title, style)];
    spans.extend(hv.busy.clone().map(|b| Span::styled(b, theme.warn)));
    let block = panel(Line::from(spans), theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if hv.viewer.is_none() {
        return;
    }
    let (rows, cursor) = (hv.rows, hv.cursor);
    f.render_widget(
        Hand {
            game,
            rows,
            cursor,
            theme,
        },
        inner,
    );
    let Some(cursor) = cursor else { return };
    let height = usize::from(inner.height);
    let offset = list_offset(cursor, rows.len(), height);
    for i in 0..rows.len().saturating_sub(offset).min(height) {
        let row = Rect::new(inner.x, inner.y + i as u16, inner.width, 1);
        hits.push((row, Msg::Click(offset + i)));
    }
}

/// Whether the selected card's text is longer than the card panel of a `size` screen (the
/// key bar offers `[` `]` only then).
pub(crate) fn detail_overflows(s: &Session, size: (u16, u16)) -> bool {
    detail_scroll_max(s, size) > 0
}

/// How far the card panel of a `size` screen can scroll the selected card's text. The sizes
/// follow [`draw_public_with`] and [`draw_private`], with a key bar of two rows.
pub(crate) fn detail_scroll_max(s: &Session, size: (u16, u16)) -> u16 {
    let Some(card) = s.selected_card() else {
        return 0;
    };
    if s.notice.is_some() || s.bot_gone {
        return 0;
    }
    let (w, h) = size;
    let shock_h = if h.saturating_sub(2) >= 34 { 3 } else { 2 };
    let body_h = h.saturating_sub(2 + 1 + shock_h);
    let left_w = (w * 9 / 20).clamp(40, 64);
    let detail_h = if body_h >= 30 { 11 } else { 7 };
    let theme = Theme::mono();
    let inner =
        panel(Span::raw(""), &theme).inner(Rect::new(0, 0, w.saturating_sub(left_w), detail_h));
    let (inner_w, inner_h) = (inner.width, inner.height);
    let detail = CardDetail {
        content: s.game().content(),
        card,
        game: Some(s.game()),
        scroll: 0,
        theme: &theme,
    };
    (detail.height(usize::from(inner_w)) as u16).saturating_sub(inner_h)
}

/// The card detail pane, or a notice in its place.
fn draw_detail(f: &mut Frame, area: Rect, game: &Game, hv: &HandView, theme: &Theme) {
    let inner = panel(Span::raw(""), theme).inner(area);
    let mut title = " Card ".to_owned();
    let mut body = None;
    if let (None, Some(card)) = (&hv.note, hv.detail) {
        let mut detail = CardDetail {
            content: game.content(),
            card,
            game: Some(game),
            scroll: 0,
            theme,
        };
        // The text scrolls no further than its last line; the title says where it stands.
        let total = detail.height(usize::from(inner.width)) as u16;
        let max = total.saturating_sub(inner.height);
        detail.scroll = hv.detail_scroll.min(max);
        if max > 0 {
            let shown = (detail.scroll + inner.height).min(total);
            title = format!(" Card {shown}/{total}, [ ] scroll ");
        }
        body = Some(detail);
    }
    let block = panel(Span::styled(title, theme.title), theme);
    f.render_widget(block, area);
    if let Some(note) = &hv.note {
        let p = Paragraph::new(note.as_str()).style(theme.warn);
        f.render_widget(p.wrap(Wrap { trim: true }), inner);
    } else if let Some(detail) = body {
        f.render_widget(detail, inner);
    }
}

/// The whole board for a session on the screen.
pub fn draw(f: &mut Frame, area: Rect, s: &Session, theme: &Theme, hits: &mut Vec<(Rect, Msg)>) {
    let banner = banner(s);
    let right = draw_public_with(f, area, s.game(), banner.as_deref(), drill_clock(s), theme);
    let rows = s.rows();
    let note = if s.bot_gone {
        Some(strings::BOT_GONE.to_string())
    } else {
        s.notice.clone()
    };
    let busy = s.bot_due().and_then(|_| s.game().to_move());
    let view = s.view();
    let hv = HandView {
        viewer: view.as_ref().map(|v| v.side),
        hand_len: view.as_ref().map_or(0, |v| v.hand.len()),
        cursor: s.human_to_move().map(|_| s.cursor),
        rows: &rows,
        detail: s.selected_card(),
        detail_scroll: s.detail_scroll,
        note,
        busy: busy.map(|side| format!(" {side} {} ", strings::BOT_THINKING)),
        log: &s.log,
        log_scroll: s.log_scroll,
    };
    draw_private(f, right, s.game(), &hv, theme, hits);
}

/// The drill's seconds left while an offer waits (rounded up, so 0 shows only at the timeout).
pub fn drill_clock(s: &Session) -> Option<u64> {
    s.play.drill_waiting_for()?;
    let left = s.play.drill_remaining()?;
    Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
}

/// A failed autosave, for the status line.
pub fn banner(s: &Session) -> Option<String> {
    s.play
        .save_error()
        .map(|e| format!("⚠ {}: {e}", strings::NOT_SAVED))
}
