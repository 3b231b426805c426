//! Where the tutorial's prompt goes and how it is drawn. It must never hide the hand or the
//! options it talks about: on a tall screen it is a band above the key bar and the game is laid
//! out above it; on a short one (80×24) it takes the two lines of the shock under the status line
//! while a prompt shows, and the popups (ways to play, the deal editor) open below it.

use crate::tui::mode::Mode;
use crate::tui::session::Session;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// The lines of text a prompt may take: what a short screen has under its status line.
pub const LINES: u16 = 2;
/// From this height of the game's area on, the band has rows of its own above the key bar.
const TALL: u16 = 30;
const LABEL: &str = "Tutorial ▸ ";
/// Said when no prompt applies (a tall screen keeps the band until the tutorial is played
/// through, so the board does not jump).
const IDLE: &str = "Play on: the next tip comes when the game reaches it.";

/// The game's areas when a tutorial runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The board's area.
    pub board: Rect,
    /// Where popups over the board are centred.
    pub popups: Rect,
    /// The prompt's band, and its text (none: nothing to show).
    pub band: Option<Rect>,
}

/// The areas for the game in `main`; with no tutorial, or nothing to show on a short screen,
/// the game has all of `main`.
pub fn areas(s: &Session, mode: Mode, main: Rect) -> (Areas, Option<String>) {
    let plain = Areas {
        board: main,
        popups: main,
        band: None,
    };
    let Some(t) = s.tutorial.as_ref().filter(|_| !s.game().is_over()) else {
        return (plain, None);
    };
    let prompt = t.current(s, mode);
    // Once played through, the band stays only while a prompt shows.
    if main.height >= TALL && (prompt.is_some() || !t.finished()) {
        // A border above and below the lines.
        let h = LINES + 2;
        let board = Rect {
            height: main.height - h,
            ..main
        };
        let band = Rect::new(main.x, main.y + board.height, main.width, h);
        let areas = Areas {
            board,
            popups: board,
            band: Some(band),
        };
        return (areas, Some(prompt.unwrap_or_else(|| IDLE.into())));
    }
    let Some(prompt) = prompt else {
        return (plain, None);
    };
    // Under the status line, over the shock; popups open below it.
    let band = Rect::new(main.x, main.y + 1, main.width, LINES.min(main.height));
    let top = band.y + band.height - main.y;
    let popups = Rect {
        y: main.y + top,
        height: main.height.saturating_sub(top),
        ..main
    };
    let areas = Areas {
        board: main,
        popups,
        band: Some(band),
    };
    (areas, Some(prompt))
}

/// The prompt's lines at `width`: the label, then the text, wrapped.
pub fn lines(prompt: &str, width: u16) -> Vec<String> {
    text::wrap(&format!("{LABEL}{prompt}"), usize::from(width))
}

/// Draws the band: bordered on a tall screen, plain on a short one.
pub fn draw(f: &mut Frame, band: Rect, prompt: &str, theme: &Theme) {
    f.render_widget(Clear, band);
    let inner = if band.height > LINES {
        let block = Block::bordered().border_style(theme.border);
        let inner = block.inner(band);
        f.render_widget(block, band);
        inner
    } else {
        band
    };
    let mut out: Vec<Line> = Vec::new();
    for (i, l) in lines(prompt, inner.width).into_iter().enumerate() {
        // The label is styled apart from the words, on the first line.
        match l.strip_prefix(LABEL).filter(|_| i == 0) {
            Some(rest) => out.push(Line::from(vec![
                Span::styled(LABEL, theme.key),
                Span::styled(rest.to_owned(), theme.title),
            ])),
            None => out.push(Line::styled(l, theme.title)),
        }
    }
    f.render_widget(Paragraph::new(out), inner);
}
