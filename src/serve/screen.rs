//! The seam between a connection and the terminal game: a ratatui terminal that draws into bytes
//! for the SSH channel, and a game screen that wraps the same `App`, `Msg`, `keys` and `view` as
//! `alliance play`. Nothing here touches the server's own terminal: the size comes from the
//! client's pty request, and the cursor is never asked for.

use crate::ai::{BotKind, Budget};
use crate::classroom::Player;
use crate::classroom::{self, Step, play::Started};
use crate::engine::{Action, Content, Side, Viewer};
use crate::tui::app::{App, Screen};
use crate::tui::command;
use crate::tui::log::Tone;
use crate::tui::{keys, theme::Theme, view};
use crossterm::event::KeyEvent;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::{Frame, Terminal};
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The largest window drawn; a bigger one is drawn at this size, so a hostile size cannot make
/// one frame take the server's memory.
pub const MAX_W: u16 = 400;
pub const MAX_H: u16 = 200;

/// The bytes a draw wrote, shared between the backend (which owns its writer) and the canvas.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

impl io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A crossterm backend writing into a byte buffer, with the size the client told us.
pub struct RemoteBackend {
    inner: CrosstermBackend<Sink>,
    size: Size,
    /// ratatui hides the cursor on every draw; sending that each time would make a frame of
    /// an unchanged screen, so it is sent only when the cursor was shown.
    cursor_hidden: bool,
}

impl Backend for RemoteBackend {
    type Error = io::Error;
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // The crossterm backend resets the colours after every draw, even an empty one; an
        // unchanged screen must send nothing at all.
        let mut cells = content.peekable();
        if cells.peek().is_none() {
            return Ok(());
        }
        self.inner.draw(cells)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden {
            return Ok(());
        }
        self.cursor_hidden = true;
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }
    /// Never asked of the client: that would need a reply read from the channel.
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One connection's terminal: each draw returns the escape codes of what changed since the last.
pub struct Canvas {
    term: Terminal<RemoteBackend>,
    sink: Sink,
}

impl Canvas {
    pub fn new(width: u16, height: u16) -> io::Result<Canvas> {
        let sink = Sink::default();
        let backend = RemoteBackend {
            inner: CrosstermBackend::new(sink.clone()),
            size: Size::new(width.min(MAX_W), height.min(MAX_H)),
            cursor_hidden: false,
        };
        let mut term = Terminal::new(backend)?;
        term.hide_cursor()?;
        // The hidden cursor is sent with the first frame (the world sends its own prefix).
        sink.take();
        Ok(Canvas { term, sink })
    }

    /// The client's window changed; the next draw repaints at the new size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.term.backend_mut().size = Size::new(width.min(MAX_W), height.min(MAX_H));
    }

    pub fn size(&self) -> (u16, u16) {
        let s = self.term.backend().size;
        (s.width, s.height)
    }

    /// Forgets what the client shows, so the next draw repaints everything (after frames were
    /// skipped, or when the screen was written outside ratatui).
    pub fn invalidate(&mut self) {
        let _ = self.term.clear();
    }

    /// Draws a frame and returns the bytes to send.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<Vec<u8>> {
        self.term.draw(render)?;
        Ok(self.sink.take())
    }
}

/// Everything the game screen of one seat needs to be built (or rebuilt) from the table.
pub struct SeatGame<'a> {
    pub content: Arc<Content>,
    pub seed: u64,
    pub steps: &'a [Step],
    pub side: Side,
    /// The other side: a bot for a solo table, `None` for a student at another connection.
    pub bot: Option<BotKind>,
    pub drill: Option<u64>,
    /// The facilitator's steps at the table (its injects replay with the moves).
    pub steering: &'a [crate::classroom::record::steering::Steered],
    /// The table's drill clock, which stands still while the table is paused.
    pub clock: super::table::PauseClock,
}

/// A student's game screen: the terminal game's model, fed keys and the other side's moves.
pub struct GameScreen {
    app: App,
    side: Side,
    /// The side whose screen this is; `None` for the facilitator's spectator screen.
    viewer: Option<Side>,
}

impl GameScreen {
    /// The screen of `seat.side` at the table's current action. Only what that side may see
    /// goes into its log.
    pub fn new(seat: &SeatGame, theme: Theme) -> Result<GameScreen, String> {
        Self::build(seat, theme, Some(seat.side))
    }

    /// The facilitator's read-only screen of a table: both sides are marked as players the
    /// screen never asks, so the screen's viewer is nobody and it draws the public view of the
    /// engine, and the log keeps only what is public.
    pub fn spectator(seat: &SeatGame, theme: Theme) -> Result<GameScreen, String> {
        Self::build(seat, theme, None)
    }

    fn build(seat: &SeatGame, theme: Theme, viewer: Option<Side>) -> Result<GameScreen, String> {
        let names = Side::BOTH.map(|s| match (s == seat.side, seat.bot) {
            (false, Some(kind)) => classroom::play::player_name(Player::Bot(kind)),
            _ => "human".to_owned(),
        });
        let (mut session, mut events) =
            classroom::Session::new(seat.content.clone(), seat.seed, names);
        events.extend(
            super::table::replay_into(&mut session, seat.steps, seat.steering)
                .map_err(|e| format!("the table does not replay: {e}"))?,
        );
        if let Some(secs) = seat.drill {
            session.set_drill(Duration::from_secs(secs), Box::new(seat.clock.clone()));
        }
        let log_viewer = viewer.map_or(Viewer::Public, Viewer::Side);
        events.retain(|e| e.visible_to(log_viewer));
        // The other student's side is marked as a bot the screen never asks (it is not ticked),
        // so the screen shows their turn as theirs and never offers a hand-off.
        let other = Player::Bot(seat.bot.unwrap_or(BotKind::Random));
        let players = Side::BOTH.map(|s| {
            if Some(s) == viewer {
                Player::Human
            } else {
                other
            }
        });
        let mut app = App::new(seat.content.clone(), theme);
        app.has_menu = false;
        app.save_dir = None;
        app.budget = Budget::DEFAULT;
        app.start_session(Started {
            session,
            players,
            events,
            notice: String::new(),
        });
        Ok(GameScreen {
            app,
            side: seat.side,
            viewer,
        })
    }

    pub fn side(&self) -> Side {
        self.side
    }

    /// A key from the student; returns whether the screen changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        match keys::to_msg(&self.app, key) {
            Some(msg) => {
                // The same update and commands as `alliance play` (the served game has no save
                // folder, so a save command is a no-op; the server keeps every move itself).
                command::dispatch(&mut self.app, msg);
                true
            }
            None => false,
        }
    }

    /// Lets a solo table's bot move; returns whether the screen changed.
    pub fn tick_bot(&mut self) -> bool {
        let changed = self.app.tick();
        if changed {
            self.drop_bot_hints();
        }
        changed
    }

    /// The terminal game logs the bot's reasoning as a hint, naming the move it chose, which
    /// can be secret (a headline before the reveal). A served student sees only their side.
    fn drop_bot_hints(&mut self) {
        let bot = self.side.other();
        if let Some(s) = self.session() {
            s.log
                .entries
                .retain(|e| !(e.tone == Tone::Hint && e.side == Some(bot)));
        }
    }

    pub fn set_size(&mut self, width: u16, height: u16) {
        self.app.size = (width, height);
    }

    pub fn draw(&mut self, f: &mut Frame) {
        self.app.hits = view::view(&self.app, f);
    }

    /// The student left the game (q, Ctrl-C, or Enter on the end screen).
    pub fn left(&self) -> bool {
        self.app.quit
    }

    /// The actions this screen's game has reached (its own moves land here first).
    pub fn steps(&self) -> &[Step] {
        self.app
            .session()
            .map_or(&[], |s| s.play.record().steps.as_slice())
    }

    /// Whether the drill's countdown shows, so the clock must redraw it.
    pub fn counting_down(&self) -> bool {
        self.app
            .session()
            .is_some_and(|s| s.play.drill_remaining().is_some())
    }

    fn session(&mut self) -> Option<&mut crate::tui::session::Session> {
        match &mut self.app.screen {
            Screen::Game(s) => Some(s),
            _ => None,
        }
    }

    /// The other side's action, made at its own connection (or the drill's, by the server).
    pub fn remote_action(&mut self, action: Action) -> Result<(), String> {
        let side = self.side;
        let Some(s) = self.session() else {
            return Err("the screen has no game".into());
        };
        let events = s.play.apply(action).map_err(|e| e.to_string())?;
        let rec = s.game().record().len();
        let content = s.game().content().clone();
        s.log
            .push_events(&content, Viewer::Side(side), &events, rec);
        s.log_scroll = 0;
        s.chooser = None;
        let len = s.rows().len().max(s.deal_rows().len());
        s.cursor = s.cursor.min(len.saturating_sub(1));
        Ok(())
    }

    /// The other side took back its last action.
    pub fn remote_undo(&mut self, side: Side) -> Result<(), String> {
        let Some(s) = self.session() else {
            return Err("the screen has no game".into());
        };
        if !s.play.undo(side) {
            return Err("the take-back does not apply here".into());
        }
        s.log.truncate_to(s.game().record().len());
        let len = s.rows().len().max(s.deal_rows().len());
        s.cursor = s.cursor.min(len.saturating_sub(1));
        Ok(())
    }

    /// The facilitator's inject, fired at this screen's game as at the server's.
    pub fn inject(
        &mut self,
        steered: crate::classroom::record::steering::Steered,
    ) -> Result<(), String> {
        let viewer = match self.viewer {
            Some(side) => Viewer::Side(side),
            None => Viewer::Public,
        };
        let Some(s) = self.session() else {
            return Err("the screen has no game".into());
        };
        let events = s.play.inject(steered);
        let rec = s.game().record().len();
        let content = s.game().content().clone();
        s.log.push_events(&content, viewer, &events, rec);
        s.log_scroll = 0;
        Ok(())
    }

    /// A line in the log from the server (a drill timeout, the partner leaving or joining).
    pub fn note(&mut self, text: String) {
        if let Some(s) = self.session() {
            let rec = s.game().record().len();
            s.log.push_note(text, rec);
            s.log_scroll = 0;
        }
    }
}
