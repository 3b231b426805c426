//! The baseline for the time-to-first-frame figure: the smallest ratatui app set up the way the
//! game sets up its terminal (raw mode, alternate screen, mouse capture), drawing the same menu
//! word the measurement waits for. `scripts/first_frame.py` times both.

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::widgets::Paragraph;
use std::io;

fn main() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        Clear(ClearType::All)
    )?;
    let mut tty = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    loop {
        tty.draw(|f| f.render_widget(Paragraph::new("Card encyclopedia"), f.area()))?;
        if let Event::Key(k) = event::read()?
            && k.code == KeyCode::Char('q')
        {
            break;
        }
    }
    execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen)?;
    disable_raw_mode()
}
