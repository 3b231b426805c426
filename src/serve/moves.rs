//! Seating by the facilitator: a student put at a table and side in advance (from the console
//! or a roster file), moved to another seat, or swapped with another student. A table named by
//! number that does not exist yet is made with that number. A connected student's screen
//! follows them to the new seat; one who has not joined yet finds it when they do.

use super::lobby::Stage;
use super::table::{ConnId, Seat, Table};
use super::world::{World, name_problem};
use crate::engine::Side;

impl World {
    /// Where a student sits at a table still playing.
    pub fn seat_of(&self, name: &str) -> Option<(i64, Side)> {
        self.tables
            .values()
            .filter(|t| !t.over())
            .find_map(|t| t.side_of(name).map(|s| (t.id, s)))
    }

    /// Seats `name` at `table` as `side`, moving them from any seat they held.
    pub fn seat(
        &mut self,
        name: &str,
        table: i64,
        side: Side,
        reason: &str,
    ) -> Result<String, String> {
        if let Some(why) = name_problem(name) {
            return Err(why);
        }
        let from = self.seat_of(name);
        if from == Some((table, side)) {
            return Err(format!("{name} already sits at table {table} as {side}."));
        }
        if !self.tables.contains_key(&table) {
            self.open_numbered(table)?;
        }
        let t = self.tables.get(&table).ok_or("no table")?;
        if t.over() {
            return Err(format!("Table {table}'s game is over."));
        }
        match &t.seats[side.index()] {
            Seat::Open => {}
            Seat::Bot(_) => return Err(format!("A bot plays {side} at table {table}.")),
            Seat::Student { name: other, .. } => {
                return Err(format!(
                    "{other} sits at table {table} as {side}; use :swap {name} {other} WHY."
                ));
            }
        }
        if let Some((old, old_side)) = from {
            self.vacate(
                old,
                old_side,
                &format!("moved {name} to table {table} as {side}"),
                reason,
            );
        }
        self.put(name, table, side, reason);
        Ok(format!("{name} sits at table {table} as {side}"))
    }

    /// Exchanges the seats of two students.
    pub fn swap(&mut self, a: &str, b: &str, reason: &str) -> Result<String, String> {
        let pa = self
            .seat_of(a)
            .ok_or_else(|| format!("{a} has no seat at a table playing."))?;
        let pb = self
            .seat_of(b)
            .ok_or_else(|| format!("{b} has no seat at a table playing."))?;
        for (name, (table, side), other) in [(a, pa, b), (b, pb, a)] {
            let what = format!("swapped {name} with {other}");
            self.vacate(table, side, &what, reason);
        }
        self.put(a, pb.0, pb.1, reason);
        self.put(b, pa.0, pa.1, reason);
        Ok(format!("{a} and {b} swapped seats"))
    }

    /// A table with the number the facilitator gave, seats open, kept before anyone sits.
    fn open_numbered(&mut self, table: i64) -> Result<(), String> {
        let content = self
            .library
            .content(self.setup.scenario.as_deref())
            .map_err(|e| e.to_string())?;
        let t = Table::create(
            &mut self.store,
            (self.setup.class, self.setup.seed),
            Some(table),
            content,
            [Seat::Open, Seat::Open],
            self.setup.drill,
        )
        .map_err(|e| {
            format!("Table {table} cannot be opened (an ended table keeps its number): {e}")
        })?;
        self.tables.insert(table, t);
        Ok(())
    }

    /// Empties a seat, with the step kept and the partner told.
    fn vacate(&mut self, table: i64, side: Side, what: &str, reason: &str) {
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        t.seats[side.index()] = Seat::Open;
        if let Err(e) = self.store.clear_seat(table, side) {
            eprintln!("{e}");
        }
        self.keep_seat_step(table, what, reason);
        self.note_seats(table, &format!("The instructor {what}: {reason}."));
    }

    /// Seats a student and takes their screen there if they are connected.
    fn put(&mut self, name: &str, table: i64, side: Side, reason: &str) {
        let conn = self.connection_of(name);
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        t.seats[side.index()] = Seat::Student {
            name: name.to_owned(),
            conn: None,
        };
        let row = super::store::SeatRow::Student(name.to_owned());
        if let Err(e) = self.store.set_seat(table, side, &row) {
            eprintln!("{e}");
        }
        let what = format!("seated {name} as {side}");
        self.keep_seat_step(table, &what, reason);
        self.note_seats(table, &format!("The instructor {what}: {reason}."));
        if let Some(id) = conn {
            self.enter_game(id, table, side);
        }
        self.table_changed(table);
    }

    fn keep_seat_step(&mut self, table: i64, what: &str, reason: &str) {
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        let step = crate::classroom::record::steering::Steered {
            after: t.play.record().steps.len(),
            what: what.to_owned(),
            reason: reason.to_owned(),
            inject: None,
        };
        if let Err(e) = self.store.steer(table, &step) {
            eprintln!("{e}");
        }
        t.steering.push(step);
    }

    /// The student's connection past the code prompt, if they are connected.
    fn connection_of(&self, name: &str) -> Option<ConnId> {
        self.conns
            .iter()
            .find(|(_, c)| {
                c.name == name
                    && c.goodbye.is_none()
                    && matches!(c.stage, Stage::Lobby { .. } | Stage::Game { .. })
            })
            .map(|(id, _)| *id)
    }
}
