//! The key bar: every key that works now, from the same table the key handler reads. Each entry
//! is also a button for the mouse.

use crate::tui::keys::Binding;
use crate::tui::msg::Msg;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Draws the bar and returns each entry's area, for clicks.
pub fn render(
    bindings: &[Binding],
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Vec<(Rect, Msg)> {
    let mut hits = Vec::new();
    let mut x = area.x;
    let end = area.x.saturating_add(area.width);
    for b in bindings {
        let key = format!(" {} ", b.label);
        let what = format!("{} ", b.what);
        let w = (text::width(&key) + text::width(&what)) as u16;
        if area.height == 0 || x.saturating_add(w) > end {
            break;
        }
        buf.set_stringn(x, area.y, &key, usize::from(w), theme.selected);
        let kx = x + text::width(&key) as u16;
        buf.set_stringn(
            kx,
            area.y,
            &what,
            usize::from(end - kx),
            Style::new().patch(theme.base),
        );
        hits.push((Rect::new(x, area.y, w, 1), b.msg));
        x += w + 1;
    }
    hits
}
