//! A facilitator's connection joins the world: the console, the server's log, and whether a
//! table is paused (which the world asks before a student's key reaches the game).

use super::Console;
use super::draw::Heading;
use super::overview::Row;
use crate::serve::lobby::Stage;
use crate::serve::screen::Canvas;
use crate::serve::table::ConnId;
use crate::serve::world::{Conn, ENTER_SCREEN, FACILITATOR, World};
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::Notify;

impl World {
    /// A facilitator opens the console. Only the SSH handler calls this, once the password of
    /// this start was given; `join` with the facilitator's name is refused like any kept name.
    pub fn join_console(&mut self, id: ConnId, size: (u16, u16), wake: Arc<Notify>) {
        let Ok(canvas) = Canvas::new(size.0, size.1) else {
            return;
        };
        self.log("a facilitator opened the console");
        let conn = Conn {
            name: FACILITATOR.to_owned(),
            stage: Stage::Console,
            canvas,
            game: None,
            dirty: true,
            wake,
            prefix: ENTER_SCREEN.to_vec(),
            goodbye: None,
            last_key: Instant::now(),
            console: Some(Box::new(Console::new())),
            refused: false,
        };
        conn.wake.notify_one();
        self.conns.insert(id, conn);
    }

    pub fn is_paused(&self, table: i64) -> bool {
        self.tables.get(&table).is_some_and(|t| t.paused.is_some())
    }

    /// A line in the server's log, when it has one.
    pub fn log(&self, text: &str) {
        if let Some(log) = &self.setup.log {
            log.line(text);
        }
    }

    /// What a console's class list is drawn from, if `id` is a console.
    pub(in crate::serve) fn console_class(&self, id: ConnId) -> Option<(Vec<Row>, Heading)> {
        let k = self.conns.get(&id)?.console.as_ref()?;
        let head = Heading {
            tables: self.tables.len(),
            students: self.conns.values().filter(|c| c.console.is_none()).count(),
            code: self.setup.code.clone(),
        };
        Some((self.overview(k.sort), head))
    }
}
