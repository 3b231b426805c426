//! Width-aware text helpers: wide (Korean/CJK) characters take two cells, so every measure here
//! uses display width, never byte or char counts.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending with `…` if anything was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// Pads `s` with spaces to exactly `w` cells (cutting it if longer).
pub fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(fill))
}

/// Breaks `s` into lines of at most `max` cells, at spaces where it can and anywhere where a word
/// is longer than a line (Korean text often has long runs without spaces).
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    // The width of `line`, kept as it grows so wrapping stays linear in the text's length.
    let mut used = 0;
    for word in s.split(' ') {
        let ww = width(word);
        let need = if line.is_empty() { ww } else { used + 1 + ww };
        if need <= max {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            used = need;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for ch in word.chars() {
            let cw = ch.width().unwrap_or(0);
            if used + cw > max {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(ch);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_counts_two_cells() {
        assert_eq!(width("한미동맹"), 8);
        assert_eq!(truncate("한미동맹 현대화", 7), "한미동…");
        assert!(
            wrap("한미동맹의 현대화와 전작권 전환", 10)
                .iter()
                .all(|l| width(l) <= 10)
        );
    }

    #[test]
    fn pads_to_width() {
        assert_eq!(width(&pad("서울", 6)), 6);
        assert_eq!(pad("Washington", 4), "Was…");
    }
}
