//! The key bar: every key that works now, from the same table the key handler reads. Each entry
//! is also a button for the mouse.

use crate::tui::keys::Binding;
use crate::tui::msg::Msg;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Keys that move about rather than act: the first to lose their words when the bar is short,
/// so the actions keep theirs.
fn moves(b: &Binding) -> bool {
    matches!(
        b.msg,
        Msg::Up
            | Msg::Down
            | Msg::PageUp
            | Msg::PageDown
            | Msg::Home
            | Msg::End
            | Msg::CardUp
            | Msg::CardDown
    )
}

/// Each entry's words, from the fullest to none, in the order the bar gives them up: first
/// the moving keys' words, then, from the last entry back, all but each description's first
/// word, then, again from the last entry back, the words altogether. The actions, which come
/// first on the bar, keep their words longest.
fn stages(bindings: &[&Binding]) -> Vec<Vec<String>> {
    let mut whats: Vec<String> = bindings.iter().map(|b| format!("{} ", b.what)).collect();
    let mut out = vec![whats.clone()];
    for (i, b) in bindings.iter().enumerate() {
        if moves(b) {
            whats[i].clear();
        }
    }
    out.push(whats.clone());
    for i in (0..bindings.len()).rev() {
        let first = bindings[i].what.split_whitespace().next().unwrap_or("");
        if !whats[i].is_empty() && whats[i].trim() != first {
            whats[i] = format!("{first} ");
            out.push(whats.clone());
        }
    }
    for i in (0..bindings.len()).rev() {
        if !whats[i].is_empty() {
            whats[i].clear();
            out.push(whats.clone());
        }
    }
    out
}

/// Where each entry goes with `whats` within `width` columns: (row, column, key, what), or
/// `None` if the entries need more than `rows` rows.
fn layout(
    bindings: &[&Binding],
    whats: &[String],
    width: u16,
    rows: u16,
) -> Option<Vec<(u16, u16, String, String)>> {
    let mut out = Vec::new();
    let (mut row, mut x) = (0u16, 0u16);
    for (b, what) in bindings.iter().zip(whats) {
        let key = format!(" {} ", b.label);
        let w = (text::width(&key) + text::width(what)) as u16;
        if x > 0 && x.saturating_add(w) > width {
            row += 1;
            x = 0;
        }
        if row >= rows || w > width {
            return None;
        }
        out.push((row, x, key, what.clone()));
        x += w + 1;
    }
    Some(out)
}

/// The rows the bar needs at `width`: one if every key fits in some stage, else two. One row
/// is worth shorter words: a bar that wraps costs a row of every panel above it.
pub fn height(bindings: &[Binding], width: u16) -> u16 {
    let shown = on_bar(bindings);
    let fits = stages(&shown)
        .iter()
        .any(|w| layout(&shown, w, width, 1).is_some());
    if fits { 1 } else { 2 }
}

/// The bindings the bar shows (those the screen does not explain itself).
fn on_bar(bindings: &[Binding]) -> Vec<&Binding> {
    bindings.iter().filter(|b| b.bar).collect()
}

/// Draws the bar and returns each entry's area, for clicks. Every key stays on the bar: when the
/// full descriptions do not fit the rows given, shorter ones are used.
pub fn render(
    bindings: &[Binding],
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Vec<(Rect, Msg)> {
    let bindings = on_bar(bindings);
    let placed = stages(&bindings)
        .iter()
        .find_map(|whats| layout(&bindings, whats, area.width, area.height));
    let Some(placed) = placed else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (b, (row, x, key, what)) in bindings.iter().zip(placed) {
        let (x, y) = (area.x + x, area.y + row);
        let kw = text::width(&key) as u16;
        let w = kw + text::width(&what) as u16;
        buf.set_stringn(x, y, &key, usize::from(kw), theme.selected);
        buf.set_stringn(
            x + kw,
            y,
            &what,
            usize::from(w - kw),
            Style::new().patch(theme.base),
        );
        hits.push((Rect::new(x, y, w, 1), b.msg));
    }
    hits
}
