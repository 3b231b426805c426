//! Keys from the bytes a remote terminal sends: the escape sequences of common terminals parsed
//! into crossterm's key events, so the served game reads keys through the same `keys::to_msg` as
//! `alliance play`. Anything unknown is skipped, never an error: the bytes come from the network.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// How many keys one burst of input may carry; the rest of a huge paste is dropped, so a paste
/// can neither stall the server nor play a whole game for a student.
pub const MAX_KEYS_PER_READ: usize = 64;

/// Parses one read from the channel. An escape sequence cut across two reads loses its key
/// (terminals send a key's sequence in one write, and SSH keeps one write in one packet).
pub fn parse(bytes: &[u8]) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() && keys.len() < MAX_KEYS_PER_READ {
        let (key, used) = one(&bytes[i..]);
        if let Some(k) = key {
            keys.push(k);
        }
        i += used.max(1);
    }
    keys
}

fn plain(code: KeyCode) -> Option<KeyEvent> {
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The key at the start of `b`, and how many bytes it took.
fn one(b: &[u8]) -> (Option<KeyEvent>, usize) {
    match b[0] {
        0x1b => escape(b),
        b'\r' => (
            plain(KeyCode::Enter),
            if b.get(1) == Some(&b'\n') { 2 } else { 1 },
        ),
        b'\n' => (plain(KeyCode::Enter), 1),
        b'\t' => (plain(KeyCode::Tab), 1),
        0x7f | 0x08 => (plain(KeyCode::Backspace), 1),
        // Ctrl-C and Ctrl-D only: other control letters would reach the game as plain letters.
        c @ (0x03 | 0x04) => {
            let letter = char::from(b'a' + c - 1);
            let key = KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL);
            (Some(key), 1)
        }
        0x00..=0x1f => (None, 1),
        _ => utf8(b),
    }
}

/// A UTF-8 character, or one skipped byte when the bytes are not valid UTF-8.
fn utf8(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return (None, 1),
    };
    let Some(chunk) = b.get(..len) else {
        return (None, b.len());
    };
    match std::str::from_utf8(chunk)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) if !c.is_control() => (plain(KeyCode::Char(c)), len),
        _ => (None, 1),
    }
}

/// ESC alone (or before another ESC) is the Esc key; `ESC [` and `ESC O` open a sequence.
/// ESC before anything else is Alt with a key, or a string sequence (`ESC ]`): not a game key.
fn escape(b: &[u8]) -> (Option<KeyEvent>, usize) {
    match b.get(1) {
        Some(b'[') => csi(b),
        Some(b'O') => match b.get(2) {
            Some(c) => (final_key(*c), 3),
            None => (None, 2),
        },
        None | Some(0x1b) => (plain(KeyCode::Esc), 1),
        Some(_) => (None, 2),
    }
}

/// `ESC [ params final`: arrows, Home/End and the `~` keys. Unknown sequences are skipped whole.
fn csi(b: &[u8]) -> (Option<KeyEvent>, usize) {
    // Parameters and intermediates are 0x20..=0x3f; the final byte is 0x40..=0x7e.
    let mut end = 2;
    while let Some(c) = b.get(end) {
        if (0x40..=0x7e).contains(c) {
            break;
        }
        if !(0x20..=0x3f).contains(c) {
            return (None, end);
        }
        end += 1;
    }
    let Some(&fin) = b.get(end) else {
        return (None, b.len());
    };
    let params = &b[2..end];
    let key = if fin == b'~' {
        tilde_key(params)
    } else {
        final_key(fin)
    };
    (key, end + 1)
}

fn final_key(c: u8) -> Option<KeyEvent> {
    match c {
        b'A' => plain(KeyCode::Up),
        b'B' => plain(KeyCode::Down),
        b'C' => plain(KeyCode::Right),
        b'D' => plain(KeyCode::Left),
        b'H' => plain(KeyCode::Home),
        b'F' => plain(KeyCode::End),
        b'Z' => plain(KeyCode::BackTab),
        _ => None,
    }
}

fn tilde_key(params: &[u8]) -> Option<KeyEvent> {
    let first = params.split(|c| *c == b';').next().unwrap_or(&[]);
    match first {
        b"1" | b"7" => plain(KeyCode::Home),
        b"4" | b"8" => plain(KeyCode::End),
        b"3" => plain(KeyCode::Delete),
        b"5" => plain(KeyCode::PageUp),
        b"6" => plain(KeyCode::PageDown),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(bytes: &[u8]) -> Vec<KeyCode> {
        parse(bytes).into_iter().map(|k| k.code).collect()
    }

    #[test]
    fn arrows_pages_and_enter_from_common_terminals() {
        use KeyCode::*;
        assert_eq!(
            codes(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\r\n\x1b[1;5C"),
            vec![Up, Down, PageUp, PageDown, Enter, Right]
        );
    }

    #[test]
    fn a_lone_escape_is_the_esc_key_and_ctrl_c_is_control() {
        assert_eq!(codes(b"\x1b"), vec![KeyCode::Esc]);
        assert_eq!(codes(b"\x1b\x1b"), vec![KeyCode::Esc, KeyCode::Esc]);
        assert_eq!(
            codes(b"\x1bq\x1b]0;t"),
            vec![KeyCode::Char('0'), KeyCode::Char(';'), KeyCode::Char('t')]
        );
        let k = parse(b"\x03");
        assert_eq!(k[0].code, KeyCode::Char('c'));
        assert!(k[0].modifiers.contains(KeyModifiers::CONTROL));
    }

    #[test]
    fn text_and_utf8_come_through_and_garbage_is_skipped() {
        assert_eq!(
            codes("q한\u{7}".as_bytes()),
            vec![KeyCode::Char('q'), KeyCode::Char('한')]
        );
        assert_eq!(codes(b"\xff\xfe\xc3"), Vec::<KeyCode>::new());
        assert_eq!(codes(b"\x1b[\x01x"), vec![KeyCode::Char('x')]);
    }

    #[test]
    fn a_huge_paste_is_cut_to_the_limit() {
        assert_eq!(parse(&[b'j'; 100_000]).len(), MAX_KEYS_PER_READ);
    }
}
