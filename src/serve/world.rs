//! Everything the server knows, behind one lock: the class, its tables, and every connection
//! with its screen. Each event (keys, a resize, a clock tick, a dropped connection) is handled
//! here in well under a millisecond, so one lock keeps the lobby, the tables and the database in
//! step without any ordering puzzles. Frames are drawn here too; sending them is the caller's.

use super::console::{Console, draw as console_draw};
use super::input;
use super::lobby::{self, Stage};
use super::screen::{Canvas, GameScreen};
use super::store::Store;
use super::table::{ConnId, Table};
use crate::ai::BotKind;
use crate::classroom::Library;
use crate::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// Sent before a connection's first frame: the alternate screen, cursor hidden.
pub(super) const ENTER_SCREEN: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[2J";
/// Sent before a goodbye line: the client's own screen back, cursor shown.
const LEAVE_SCREEN: &[u8] = b"\x1b[?1049l\x1b[?25h\r\n";

/// The user name that opens the facilitator's console (with the password of this start).
pub const FACILITATOR: &str = "facilitator";
/// User names students cannot take.
pub const RESERVED_NAMES: &[&str] = &[FACILITATOR];
const MAX_NAME: usize = 24;

/// How the server is set up for this class.
pub struct ClassSetup {
    pub class: i64,
    /// The seed of the class's new tables (unless the scenario fixes one), so they compare.
    pub seed: u64,
    pub code: String,
    /// The scenario new tables play (`None`: the plain rules).
    pub scenario: Option<String>,
    pub drill: Option<u64>,
    pub bot: BotKind,
    /// A connection silent this long is closed (its seat waits). SSH's own inactivity timer
    /// cannot do this: the keepalive replies that find dead clients count as activity.
    pub idle: Duration,
    /// The facilitator's password of this start.
    pub password: String,
    /// Where the facilitator's steps are logged (`None`: nowhere, in tests).
    pub log: Option<super::serverlog::ServerLog>,
}

/// One SSH connection that asked for a terminal.
pub struct Conn {
    pub name: String,
    pub stage: Stage,
    pub canvas: Canvas,
    pub game: Option<GameScreen>,
    pub dirty: bool,
    pub wake: Arc<Notify>,
    /// Bytes to send before the next frame (entering the game's screen).
    pub(super) prefix: Vec<u8>,
    /// The last line to send before the connection is closed.
    pub goodbye: Option<String>,
    /// When the student last typed.
    pub(super) last_key: Instant,
    /// The facilitator's console, on a facilitator's connection.
    pub console: Option<Box<Console>>,
    /// A key was refused at a paused table (and the screen said why).
    pub(super) refused: bool,
}

/// What the connection's writer should do next.
pub enum Out {
    Frame(Vec<u8>),
    /// Send these bytes, then close the channel.
    Goodbye(Vec<u8>),
    Nothing,
    Gone,
}

pub struct World {
    pub store: Store,
    pub library: Library,
    pub setup: ClassSetup,
    pub theme: Theme,
    pub conns: HashMap<ConnId, Conn>,
    pub tables: BTreeMap<i64, Table>,
    next_conn: ConnId,
    pub(super) ticks: u64,
}

/// Why a user name cannot join, if it cannot.
pub fn name_problem(name: &str) -> Option<String> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if name.is_empty() || name.chars().count() > MAX_NAME || !ok_chars {
        return Some(format!(
            "Your user name is your name in the class: use letters, digits, '-', '_' or '.', at most {MAX_NAME} of them (for example: ssh -p PORT kim@HOST)."
        ));
    }
    if RESERVED_NAMES.contains(&name.to_lowercase().as_str()) {
        return Some(format!(
            "The name {name} is kept for the instructor; pick your own name."
        ));
    }
    None
}

impl World {
    pub fn new(store: Store, library: Library, setup: ClassSetup, theme: Theme) -> World {
        World {
            store,
            library,
            setup,
            theme,
            conns: HashMap::new(),
            tables: BTreeMap::new(),
            next_conn: 1,
            ticks: 0,
        }
    }

    /// Brings back every unfinished table of the class; returns a line per table that could
    /// not be resumed.
    pub fn resume_tables(&mut self) -> Result<Vec<String>, String> {
        let mut problems = Vec::new();
        for row in self.store.tables(Some(self.setup.class))? {
            if row.finished {
                continue;
            }
            match Table::resume(&self.library, &row) {
                Ok(t) if !t.over() => {
                    self.tables.insert(t.id, t);
                }
                Ok(_) => {}
                Err(e) => problems.push(e),
            }
        }
        Ok(problems)
    }

    pub fn new_conn_id(&mut self) -> ConnId {
        self.next_conn += 1;
        self.next_conn
    }

    /// A connection with a terminal starts its shell: it gets the code prompt, or a refusal.
    pub fn join(&mut self, id: ConnId, name: &str, size: (u16, u16), wake: Arc<Notify>) {
        let taken = self
            .conns
            .values()
            .any(|c| c.name == name && c.goodbye.is_none());
        let refusal = name_problem(name).or_else(|| {
            taken.then(|| format!("{name} is already connected. If your connection dropped, the server notices within a minute: join again then. Otherwise pick another name."))
        });
        let Ok(canvas) = Canvas::new(size.0, size.1) else {
            return;
        };
        let conn = Conn {
            name: name.to_owned(),
            stage: Stage::code(),
            canvas,
            game: None,
            dirty: true,
            wake,
            prefix: ENTER_SCREEN.to_vec(),
            goodbye: refusal,
            last_key: Instant::now(),
            console: None,
            refused: false,
        };
        conn.wake.notify_one();
        self.conns.insert(id, conn);
    }

    /// The client's window changed size (zero and huge sizes are drawn safely).
    pub fn resize(&mut self, id: ConnId, w: u16, h: u16) {
        if let Some(c) = self.conns.get_mut(&id) {
            c.canvas.resize(w, h);
            if let Some(g) = &mut c.game {
                g.set_size(w, h);
            }
            c.dirty = true;
            c.wake.notify_one();
        }
    }

    /// Bytes typed at a connection.
    pub fn input(&mut self, id: ConnId, bytes: &[u8]) {
        if let Some(c) = self.conns.get_mut(&id) {
            c.last_key = Instant::now();
        }
        for key in input::parse(bytes) {
            let Some(c) = self.conns.get(&id) else { return };
            if c.goodbye.is_some() {
                return;
            }
            match c.stage {
                Stage::Code { .. } => self.code_key(id, key),
                Stage::Lobby { .. } => self.lobby_key(id, key),
                Stage::Game { table } if self.is_paused(table) && !is_leave_key(&key) => {
                    self.refuse_key(id, table)
                }
                Stage::Game { table } => self.game_key(id, table, key),
                Stage::Console => self.console_key(id, key),
            }
        }
        self.wake_dirty();
    }

    fn code_key(&mut self, id: ConnId, key: KeyEvent) {
        let code = self.setup.code.clone();
        let Some(c) = self.conns.get_mut(&id) else {
            return;
        };
        let Stage::Code {
            typed,
            tries_left,
            error,
        } = &mut c.stage
        else {
            return;
        };
        c.dirty = true;
        match key.code {
            _ if is_leave_key(&key) => c.goodbye = Some("Goodbye.".into()),
            KeyCode::Esc => c.goodbye = Some("Goodbye.".into()),
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char(ch) if typed.len() < lobby::MAX_TYPED => typed.push(ch),
            KeyCode::Enter if typed.trim().eq_ignore_ascii_case(code.trim()) => {
                let name = c.name.clone();
                if let Err(e) = self.store.player_seen(self.setup.class, &name) {
                    eprintln!("{e}");
                }
                self.after_code(id);
            }
            KeyCode::Enter => {
                *tries_left = tries_left.saturating_sub(1);
                typed.clear();
                *error = Some("That is not the class code.".into());
                if *tries_left == 0 {
                    c.goodbye = Some("Too many wrong codes. Ask your instructor for the class code, then join again.".into());
                }
            }
            _ => {}
        }
    }

    /// A student who knows the code goes back to their seat if they hold one, else to the lobby.
    fn after_code(&mut self, id: ConnId) {
        let Some(name) = self.conns.get(&id).map(|c| c.name.clone()) else {
            return;
        };
        let seat = self
            .tables
            .values()
            .rev()
            .filter(|t| !t.over())
            .find_map(|t| t.side_of(&name).map(|s| (t.id, s)));
        match seat {
            Some((table, side)) => self.enter_game(id, table, side),
            None => self.to_lobby(id, None),
        }
    }

    pub fn to_lobby(&mut self, id: ConnId, note: Option<String>) {
        if let Some(c) = self.conns.get_mut(&id) {
            c.stage = Stage::Lobby { cursor: 0, note };
            c.game = None;
            c.canvas.invalidate();
            c.dirty = true;
        }
    }

    /// The connection ended (closed, dropped, or timed out): its seat waits for it.
    pub fn disconnect(&mut self, id: ConnId) {
        let Some(c) = self.conns.remove(&id) else {
            return;
        };
        if let Stage::Game { table } = c.stage {
            self.leave_seat(id, table, &c.name, "connection dropped");
        }
        self.wake_dirty();
    }

    /// The next thing to send to a connection.
    pub fn frame(&mut self, id: ConnId) -> Out {
        let bot = super::table::bot_name(self.setup.bot);
        let choices = match self.conns.get(&id) {
            Some(c) if matches!(c.stage, Stage::Lobby { .. }) => self.choices(&c.name),
            Some(_) => Vec::new(),
            None => return Out::Gone,
        };
        let class = self.console_class(id);
        let Some(c) = self.conns.get_mut(&id) else {
            return Out::Gone;
        };
        if let Some(line) = &c.goodbye {
            // A connection refused before its first frame never entered the game's screen.
            let mut bytes = Vec::new();
            if std::mem::take(&mut c.prefix).is_empty() {
                bytes.extend_from_slice(LEAVE_SCREEN);
            }
            bytes.extend_from_slice(line.replace('\n', "\r\n").as_bytes());
            bytes.extend_from_slice(b"\r\n");
            return Out::Goodbye(bytes);
        }
        if !c.dirty {
            return Out::Nothing;
        }
        c.dirty = false;
        let theme = &self.theme;
        let (w, h) = c.canvas.size();
        let small = w < crate::tui::app::MIN_W || h < crate::tui::app::MIN_H;
        let Conn {
            stage,
            canvas,
            game,
            name,
            console,
            ..
        } = c;
        let drawn = canvas.draw(|f| match (stage, game, console) {
            (Stage::Game { .. }, Some(g), _) => g.draw(f),
            _ if small => crate::tui::screens::too_small::draw(f, f.area(), theme),
            (Stage::Console, _, Some(k)) => console_draw::draw_console(f, k, class.as_ref(), theme),
            (s @ Stage::Code { .. }, _, _) => lobby::draw_code(f, name, s, theme),
            (s, _, _) => lobby::draw_lobby(f, name, s, &choices, &bot, theme),
        });
        let mut bytes = std::mem::take(&mut c.prefix);
        match drawn {
            Ok(b) => bytes.extend(b),
            Err(_) => return Out::Nothing,
        }
        if bytes.is_empty() {
            Out::Nothing
        } else {
            Out::Frame(bytes)
        }
    }

    /// The server is stopping: every connection gets `line` and is closed.
    pub fn stop(&mut self, line: &str) {
        for c in self.conns.values_mut() {
            if c.goodbye.is_none() {
                c.goodbye = Some(line.to_owned());
            }
            c.wake.notify_one();
        }
    }

    pub fn wake_dirty(&self) {
        for c in self
            .conns
            .values()
            .filter(|c| c.dirty || c.goodbye.is_some())
        {
            c.wake.notify_one();
        }
    }

    fn game_key(&mut self, id: ConnId, table: i64, key: KeyEvent) {
        let Some(c) = self.conns.get_mut(&id) else {
            return;
        };
        let Some(g) = &mut c.game else { return };
        if g.key(key) {
            c.dirty = true;
        }
        let left = g.left();
        self.sync_seat(id, table);
        if left {
            let name = self
                .conns
                .get(&id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            self.leave_seat(id, table, &name, "left the table");
            self.to_lobby(
                id,
                Some(format!(
                    "Your seat at table {table} is kept; choose it to go back."
                )),
            );
        }
    }
}

/// Ctrl-C and Ctrl-D leave from the code prompt and the lobby.
pub fn is_leave_key(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'd'))
}
