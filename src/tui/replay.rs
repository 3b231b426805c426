//! The replay viewer's model: a recorded game stepped forward and back by action and by round,
//! with the log rebuilt from the record's events up to the position shown.

use super::app::{App, Screen};
use super::log::Log;
use super::msg::Msg;
use crate::classroom::RecordCursor;
use crate::engine::Game;

pub struct Replay {
    pub cursor: RecordCursor,
    /// The log of every event up to the position shown.
    pub log: Log,
    pub log_scroll: u16,
    /// The file's name, for the title.
    pub file: String,
}

impl Replay {
    pub fn new(cursor: RecordCursor, file: String) -> Replay {
        let mut r = Replay {
            cursor,
            log: Log::default(),
            log_scroll: 0,
            file,
        };
        r.rebuild_log();
        r
    }

    pub fn game(&self) -> &Game {
        self.cursor.game()
    }

    /// The log is rebuilt, not patched, on every move: a whole game's events take well under a
    /// millisecond to describe, and stepping back then needs no bookkeeping.
    fn rebuild_log(&mut self) {
        let mut log = Log::default();
        let content = self.cursor.game().content().clone();
        for i in 0..=self.cursor.position() {
            log.push_events(
                &content,
                crate::engine::Viewer::Public,
                self.cursor.events_at(i),
                i,
            );
        }
        self.log = log;
        self.log_scroll = 0;
    }

    /// Applies one message; returns whether the position moved.
    pub fn apply(&mut self, msg: Msg) -> bool {
        let c = &mut self.cursor;
        let moved = match msg {
            Msg::Right => c.next_action(),
            Msg::Left => c.prev_action(),
            Msg::Down => c.next_round(),
            Msg::Up => c.prev_round(),
            Msg::Home => {
                let moved = c.position() != 0;
                c.seek(0);
                moved
            }
            Msg::End => {
                let (was, last) = (c.position(), c.len().saturating_sub(1));
                c.seek(last);
                was != last
            }
            _ => false,
        };
        if moved {
            self.rebuild_log();
        }
        moved
    }
}

pub(crate) fn update(app: &mut App, msg: Msg) {
    let Screen::Replay(r) = &mut app.screen else {
        return;
    };
    match msg {
        Msg::PageUp => r.log_scroll = r.log_scroll.saturating_add(5),
        Msg::PageDown => r.log_scroll = r.log_scroll.saturating_sub(5),
        Msg::Back => app.quit = true,
        other => {
            r.apply(other);
        }
    }
}
