//! The server's clock, ten times a second: the drill's timeouts, solo tables' bots, the drill's
//! countdown on screen, and closing connections that stayed silent past the idle limit.

use super::lobby::Stage;
use super::table::{ConnId, Seat};
use super::world::World;

impl World {
    /// The clock: the drill's timeouts, solo tables' bots, and the drill's countdown on screen.
    pub fn tick(&mut self) {
        self.ticks += 1;
        self.drill_timeouts();
        if self.ticks.is_multiple_of(10) {
            self.close_idle();
            // The waits on the class list count seconds; an unchanged list sends nothing.
            self.consoles_dirty();
        }
        let ids: Vec<ConnId> = self.conns.keys().copied().collect();
        for id in ids {
            self.tick_conn(id);
        }
        self.wake_dirty();
    }

    fn close_idle(&mut self) {
        let idle = self.setup.idle;
        let minutes = idle.as_secs().div_ceil(60);
        for c in self.conns.values_mut() {
            if c.goodbye.is_none() && c.last_key.elapsed() >= idle {
                c.goodbye = Some(format!(
                    "No key for {minutes} minutes, so the connection was closed. Your seat waits: join again with the same command."
                ));
            }
        }
    }

    fn tick_conn(&mut self, id: ConnId) {
        let Some(c) = self.conns.get_mut(&id) else {
            return;
        };
        let (Stage::Game { table }, Some(g)) = (&c.stage, &mut c.game) else {
            return;
        };
        let table = *table;
        // The countdown shows whole seconds, so a few redraws a second keep it exact.
        if g.counting_down() && self.ticks.is_multiple_of(3) {
            c.dirty = true;
        }
        // A paused table's bot waits with the students.
        let solo = self.tables.get(&table).is_some_and(|t| {
            t.paused.is_none() && t.seats.iter().any(|s| matches!(s, Seat::Bot(_)))
        });
        if solo && g.tick_bot() {
            c.dirty = true;
            self.sync_seat(id, table);
        }
    }
}
