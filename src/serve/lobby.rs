//! The lobby a student sees before a game: the class code prompt, then the tables that wait for
//! a partner, a new table for either side, or a solo game against a bot. Drawn with ratatui like
//! the game; the choices themselves are worked out by the world, which knows every table.

use crate::engine::Side;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Wrong codes allowed per connection before it is closed.
pub const CODE_TRIES: u8 = 3;
/// The longest code or name a student can type here; more keys are ignored.
pub const MAX_TYPED: usize = 32;

/// Where a connection is, before and between games.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Typing the class code.
    Code {
        typed: String,
        tries_left: u8,
        error: Option<String>,
    },
    /// Choosing a table.
    Lobby { cursor: usize, note: Option<String> },
    /// Playing at a table (the connection holds its game screen).
    Game { table: i64 },
    /// The facilitator's console (the connection holds it).
    Console,
}

impl Stage {
    pub fn code() -> Stage {
        Stage::Code {
            typed: String::new(),
            tries_left: CODE_TRIES,
            error: None,
        }
    }
}

/// One line of the lobby's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Back to a seat this student holds.
    Rejoin {
        table: i64,
        side: Side,
        with: String,
    },
    /// The open seat of a table whose other seat waits.
    Join {
        table: i64,
        side: Side,
        with: String,
    },
    /// A new table, this student at `side`, the other seat open.
    Open(Side),
    /// A new table against a bot.
    Solo(Side),
    Leave,
}

impl Choice {
    pub fn label(&self, bot: &str) -> String {
        match self {
            Choice::Rejoin { table, side, with } => {
                format!("Back to your seat: table {table} as {side} (with {with})")
            }
            Choice::Join { table, side, with } => {
                format!("Join table {table} as {side}: {with} waits for a partner")
            }
            Choice::Open(side) => format!("Open a new table as {side}, and wait for a partner"),
            Choice::Solo(side) => format!("Play solo as {side} against the {bot} bot"),
            Choice::Leave => "Leave".into(),
        }
    }
}

fn frame_area(f: &Frame) -> Rect {
    let area = f.area();
    let w = area.width.min(76);
    let h = area.height.min(22);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn boxed<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title))
}

/// The code prompt.
pub fn draw_code(f: &mut Frame, name: &str, stage: &Stage, theme: &Theme) {
    let Stage::Code {
        typed,
        error,
        tries_left,
    } = stage
    else {
        return;
    };
    let area = frame_area(f);
    f.render_widget(Clear, f.area());
    let mut lines = vec![
        Line::from(format!("Welcome, {name}.")),
        Line::from(""),
        Line::from("Type the class code your instructor gave you, then Enter."),
        Line::from(""),
        Line::from(vec![
            Span::raw("Class code: "),
            Span::styled(
                format!("{typed}_"),
                Style::default().add_modifier(Modifier::BOLD),
            ),
        ]),
        Line::from(""),
    ];
    if let Some(e) = error {
        lines.push(Line::from(Span::styled(e.clone(), theme.warn)));
        lines.push(Line::from(format!("{tries_left} tries left.")));
    }
    lines.push(Line::from(""));
    lines.push(Line::from("Esc or Ctrl-C leaves."));
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(boxed(" Symmetric Alliance: join the class ", theme));
    f.render_widget(p, area);
}

/// The list of tables and choices.
pub fn draw_lobby(
    f: &mut Frame,
    name: &str,
    stage: &Stage,
    choices: &[Choice],
    bot: &str,
    theme: &Theme,
) {
    let Stage::Lobby { cursor, note } = stage else {
        return;
    };
    let area = frame_area(f);
    f.render_widget(Clear, f.area());
    let block = boxed(" Symmetric Alliance: the class lobby ", theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [head, list, foot] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(3),
    ])
    .areas(inner);
    let hello = format!("{name}, choose where to play.");
    f.render_widget(
        Paragraph::new(vec![Line::from(hello), Line::from("")]),
        head,
    );
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .skip(cursor.saturating_sub(usize::from(list.height.saturating_sub(1))))
        .map(|(i, c)| {
            let mark = if i == *cursor { "▶ " } else { "  " };
            let style = if i == *cursor {
                theme.selected
            } else {
                Style::default()
            };
            Line::from(Span::styled(format!("{mark}{}", c.label(bot)), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    let mut foot_lines = Vec::new();
    if let Some(n) = note {
        foot_lines.push(Line::from(Span::styled(n.clone(), theme.warn)));
    }
    foot_lines.push(Line::from("↑↓ choose   Enter go   q leave"));
    f.render_widget(Paragraph::new(foot_lines).wrap(Wrap { trim: false }), foot);
}
