//! The key bar: every key that works now, from the same table the key handler reads. Each entry
//! is also a button for the mouse.

use crate::tui::keys::Binding;
use crate::tui::msg::Msg;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

type Form = fn(&Binding) -> String;

/// The descriptions in falling length: full words, each description's first word, none.
const FORMS: [Form; 3] = [
    |b| format!("{} ", b.what),
    |b| format!("{} ", b.what.split_whitespace().next().unwrap_or("")),
    |_| String::new(),
];

/// Where each entry goes in `form` within `width` columns: (row, column, key, what), or `None`
/// if the entries need more than `rows` rows.
fn layout(
    bindings: &[Binding],
    form: Form,
    width: u16,
    rows: u16,
) -> Option<Vec<(u16, u16, String, String)>> {
    let mut out = Vec::new();
    let (mut row, mut x) = (0u16, 0u16);
    for b in bindings {
        let (key, what) = (format!(" {} ", b.label), form(b));
        let w = (text::width(&key) + text::width(&what)) as u16;
        if x > 0 && x.saturating_add(w) > width {
            row += 1;
            x = 0;
        }
        if row >= rows || w > width {
            return None;
        }
        out.push((row, x, key, what));
        x += w + 1;
    }
    Some(out)
}

/// The rows the bar needs at `width`: one if every key fits with its full description, else two.
pub fn height(bindings: &[Binding], width: u16) -> u16 {
    if layout(bindings, FORMS[0], width, 1).is_some() {
        1
    } else {
        2
    }
}

/// Draws the bar and returns each entry's area, for clicks. Every key stays on the bar: when the
/// full descriptions do not fit the rows given, shorter ones are used.
pub fn render(
    bindings: &[Binding],
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Vec<(Rect, Msg)> {
    let placed = FORMS
        .iter()
        .find_map(|form| layout(bindings, *form, area.width, area.height));
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
