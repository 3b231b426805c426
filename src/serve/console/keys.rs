//! The console's keys: moving through the class list, opening a table, and typing a command.
//! Single keys only start a command (`p` types `pause N `), so every step that steers a table
//! is a whole line the facilitator has read, with its reason.

use super::{Console, Showing, command, overview::Sort};
use crate::serve::lobby::MAX_TYPED;
use crate::serve::screen::GameScreen;
use crate::serve::table::ConnId;
use crate::serve::world::{World, is_leave_key};
use crossterm::event::{KeyCode, KeyEvent};

/// The longest command line (a reason is a sentence).
const MAX_COMMAND: usize = 4 * MAX_TYPED;

impl World {
    pub(in crate::serve) fn console_key(&mut self, id: ConnId, key: KeyEvent) {
        let rows: Vec<i64> = {
            let Some(c) = self.conns.get(&id).and_then(|c| c.console.as_ref()) else {
                return;
            };
            self.overview(c.sort).iter().map(|r| r.table).collect()
        };
        let Some(conn) = self.conns.get_mut(&id) else {
            return;
        };
        conn.dirty = true;
        if is_leave_key(&key) {
            conn.goodbye = Some("Goodbye.".into());
            return;
        }
        let Some(c) = conn.console.as_mut() else {
            return;
        };
        if c.typed.is_some() {
            if let Some(line) = typing(c, key) {
                self.run_command(id, &line);
            }
            return;
        }
        c.message = None;
        match c.showing {
            Showing::Class => self.class_key(id, key, &rows),
            Showing::Table(t) => self.table_key(id, key, t, &rows),
            Showing::Compare => compare_key(c, key),
        }
    }

    fn class_key(&mut self, id: ConnId, key: KeyEvent, rows: &[i64]) {
        let Some(conn) = self.conns.get_mut(&id) else {
            return;
        };
        let Some(c) = conn.console.as_mut() else {
            return;
        };
        let selected = rows.get(c.cursor).copied();
        let last = rows.len().saturating_sub(1);
        match key.code {
            KeyCode::Char('q') => conn.goodbye = Some("Goodbye.".into()),
            KeyCode::Up | KeyCode::Char('k') => c.cursor = c.cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => c.cursor = (c.cursor + 1).min(last),
            KeyCode::PageUp => c.cursor = c.cursor.saturating_sub(10),
            KeyCode::PageDown => c.cursor = (c.cursor + 10).min(last),
            KeyCode::Home => c.cursor = 0,
            KeyCode::End => c.cursor = last,
            KeyCode::Char('s') => {
                c.sort = match c.sort {
                    Sort::Table => Sort::Waited,
                    Sort::Waited => Sort::Table,
                };
                c.cursor = 0;
            }
            KeyCode::Char('c') => self.run_command(id, "compare"),
            KeyCode::Enter => {
                if let Some(t) = selected {
                    self.open_table(id, t);
                }
            }
            _ => start_typing(c, key, selected),
        }
    }

    fn table_key(&mut self, id: ConnId, key: KeyEvent, table: i64, rows: &[i64]) {
        let at = rows.iter().position(|t| *t == table).unwrap_or(0);
        let Some(c) = self.conns.get_mut(&id).and_then(|c| c.console.as_mut()) else {
            return;
        };
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                c.showing = Showing::Class;
                c.watch = None;
                c.cursor = at;
            }
            KeyCode::Left | KeyCode::Right => {
                let next = if key.code == KeyCode::Left {
                    at.saturating_sub(1)
                } else {
                    (at + 1).min(rows.len().saturating_sub(1))
                };
                if let Some(t) = rows.get(next).copied() {
                    self.open_table(id, t);
                }
            }
            _ => start_typing(c, key, Some(table)),
        }
        if let Some(conn) = self.conns.get_mut(&id) {
            conn.canvas.invalidate();
        }
    }

    /// Shows a table read-only, as a spectator sees it (the public board and log).
    pub(in crate::serve) fn open_table(&mut self, id: ConnId, table: i64) {
        let screen = self.tables.get(&table).map(|t| {
            GameScreen::spectator(&t.seat_game(crate::engine::Side::Washington), self.theme)
        });
        let Some(conn) = self.conns.get_mut(&id) else {
            return;
        };
        let (w, h) = conn.canvas.size();
        let Some(c) = conn.console.as_mut() else {
            return;
        };
        match screen {
            Some(Ok(mut g)) => {
                g.set_size(w, h);
                c.watch = Some(g);
                c.showing = Showing::Table(table);
            }
            Some(Err(e)) => c.message = Some(format!("Table {table} cannot be shown: {e}")),
            None => c.message = Some(format!("There is no table {table} now.")),
        }
        conn.canvas.invalidate();
        conn.dirty = true;
    }

    /// A table changed: every console watching it gets the spectator's screen again.
    pub(in crate::serve) fn refresh_watchers(&mut self, table: i64) {
        let watching: Vec<ConnId> = self
            .conns
            .iter()
            .filter(|(_, c)| {
                c.console
                    .as_ref()
                    .is_some_and(|k| k.showing == Showing::Table(table))
            })
            .map(|(id, _)| *id)
            .collect();
        for id in watching {
            self.open_table(id, table);
        }
    }

    /// A table moved: consoles redraw their list, and those watching it their screen.
    pub(in crate::serve) fn table_changed(&mut self, table: i64) {
        self.refresh_watchers(table);
        self.consoles_dirty();
    }

    /// Every console redraws (the class list is live).
    pub(in crate::serve) fn consoles_dirty(&mut self) {
        for c in self.conns.values_mut().filter(|c| c.console.is_some()) {
            c.dirty = true;
        }
    }
}

/// A key while a command is typed; returns the line on Enter.
fn typing(c: &mut Console, key: KeyEvent) -> Option<String> {
    let typed = c.typed.as_mut()?;
    match key.code {
        KeyCode::Esc => c.typed = None,
        KeyCode::Backspace => {
            typed.pop();
        }
        KeyCode::Char(ch) if typed.chars().count() < MAX_COMMAND && !ch.is_control() => {
            typed.push(ch)
        }
        KeyCode::Enter => return c.typed.take(),
        _ => {}
    }
    None
}

/// `:` opens the command line; a steering key opens it with the command and table typed.
fn start_typing(c: &mut Console, key: KeyEvent, table: Option<i64>) {
    let t = table.map_or(String::new(), |t| format!("{t} "));
    c.typed = match key.code {
        KeyCode::Char(':') => Some(String::new()),
        KeyCode::Char('p') => Some(format!("pause {t}")),
        KeyCode::Char('r') => Some(format!("resume {t}")),
        KeyCode::Char('i') => Some(format!("inject {t}now ")),
        KeyCode::Char('d') => Some(format!("drill {t}")),
        KeyCode::Char('?') | KeyCode::Char('h') => {
            c.message = Some(command::HELP.into());
            None
        }
        _ => None,
    };
}

fn compare_key(c: &mut Console, key: KeyEvent) {
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => c.showing = Showing::Class,
        KeyCode::Up | KeyCode::Char('k') => c.compare_scroll = c.compare_scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => {
            c.compare_scroll = (c.compare_scroll + 1).min(c.compare.len().saturating_sub(1))
        }
        KeyCode::PageUp => c.compare_scroll = c.compare_scroll.saturating_sub(10),
        KeyCode::PageDown => {
            c.compare_scroll = (c.compare_scroll + 10).min(c.compare.len().saturating_sub(1))
        }
        KeyCode::Char(':') => c.typed = Some(String::new()),
        _ => {}
    }
}
