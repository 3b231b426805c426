//! The facilitator's steps: pausing and resuming tables, injects, the drill clock, seating, and
//! ending the class. Each step that touches a table is kept in the database with the
//! facilitator's reason and goes into the table's record, so its report shows it.

use super::console::command::{self, Command};
use super::table::ConnId;
use super::world::World;

impl World {
    /// Runs a typed command and shows its answer on the console that typed it.
    pub(super) fn run_command(&mut self, id: ConnId, line: &str) {
        let answer = match command::parse(line) {
            Ok(cmd) => self.steer(id, cmd),
            Err(e) => e,
        };
        if let Some(c) = self.conns.get_mut(&id).and_then(|c| c.console.as_mut()) {
            c.message = Some(answer);
        }
        self.consoles_dirty();
    }

    fn steer(&mut self, _id: ConnId, cmd: Command) -> String {
        match cmd {
            Command::Help => command::HELP.into(),
            other => format!("{other:?}: not yet"),
        }
    }
}
