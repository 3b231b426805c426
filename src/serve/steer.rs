//! The facilitator's steps: pausing and resuming tables, injects, and the drill clock. Each step
//! is kept in the database with the facilitator's reason and goes into the table's record, so
//! its report shows it; both seats get a line in their log saying what the instructor did.

use super::console::command::{self, Command, Target, When};
use super::table::{ConnId, Seat};
use super::world::World;
use crate::classroom::record::steering::{InjectRef, Steered, scenario_events};

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
        self.wake_dirty();
    }

    fn steer(&mut self, id: ConnId, cmd: Command) -> String {
        let answer = match cmd {
            Command::Help => return command::HELP.into(),
            Command::Injects(table) => return self.list_injects(table),
            Command::Compare => return self.show_compare(id),
            Command::End(reason) => return self.end_class(id, &reason),
            Command::Pause(t, reason) => self.each(t, |w, table| w.pause(table, true, &reason)),
            Command::Resume(t, reason) => self.each(t, |w, table| w.pause(table, false, &reason)),
            Command::Drill(t, secs, reason) => {
                self.each(t, |w, table| w.set_drill(table, secs, &reason))
            }
            Command::Inject {
                target,
                when,
                what,
                reason,
            } => {
                let inject = match what.parse::<usize>() {
                    Ok(number) => InjectRef::Scenario { number },
                    Err(_) => InjectRef::Card { id: what.clone() },
                };
                self.each(target, |w, table| w.inject(table, &inject, when, &reason))
            }
            Command::Seat {
                name,
                table,
                side,
                reason,
            } => self.seat(&name, table, side, &reason),
            Command::Swap(a, b, reason) => self.swap(&a, &b, &reason),
        };
        let text = match answer {
            Ok(text) | Err(text) => text,
        };
        self.log(&format!("facilitator: {text}"));
        text
    }

    /// Runs a step at one table or at every table still playing; says what was done.
    fn each(
        &mut self,
        target: Target,
        mut step: impl FnMut(&mut World, i64) -> Result<String, String>,
    ) -> Result<String, String> {
        match target {
            Target::One(t) => step(self, t),
            Target::All => {
                let tables: Vec<i64> = self
                    .tables
                    .values()
                    .filter(|t| !t.over())
                    .map(|t| t.id)
                    .collect();
                if tables.is_empty() {
                    return Err("No table is playing.".into());
                }
                let mut done = Vec::new();
                for t in tables {
                    done.push(step(self, t).unwrap_or_else(|e| e));
                }
                Ok(format!("Every table: {}", done.join("; ")))
            }
        }
    }

    /// Keeps a step in the table's record and the database.
    fn keep_step(
        &mut self,
        table: i64,
        what: String,
        reason: &str,
        inject: Option<InjectRef>,
    ) -> Option<Steered> {
        let t = self.tables.get_mut(&table)?;
        let step = Steered {
            after: t.play.record().steps.len(),
            what,
            reason: reason.to_owned(),
            inject,
        };
        if let Err(e) = self.store.steer(table, &step) {
            eprintln!("{e}");
        }
        t.steering.push(step.clone());
        Some(step)
    }

    /// Pauses (`paused`) or resumes a table, for the facilitator's reason.
    fn pause(&mut self, table: i64, paused: bool, reason: &str) -> Result<String, String> {
        let t = self.live_table(table)?;
        if t.paused.is_some() == paused {
            let state = if paused {
                "already paused"
            } else {
                "not paused"
            };
            return Err(format!("Table {table} is {state}."));
        }
        t.paused = paused.then(|| reason.to_owned());
        t.clock.set_paused(paused);
        if let Err(e) = self.store.set_paused(table, paused.then_some(reason)) {
            eprintln!("{e}");
        }
        let (what, note) = if paused {
            (
                "paused the table",
                format!("The instructor paused the table: {reason}. Keys wait until it resumes."),
            )
        } else {
            (
                "resumed the table",
                format!("The instructor resumed the table: {reason}. Play on."),
            )
        };
        self.keep_step(table, what.into(), reason, None);
        self.note_seats(table, &note);
        self.refused_reset(table);
        self.table_changed(table);
        Ok(format!(
            "Table {table} {}",
            if paused { "paused" } else { "resumed" }
        ))
    }

    fn live_table(&mut self, table: i64) -> Result<&mut super::table::Table, String> {
        match self.tables.get_mut(&table) {
            Some(t) if !t.over() => Ok(t),
            Some(_) => Err(format!("Table {table}'s game is over.")),
            None => Err(format!("There is no table {table} playing.")),
        }
    }

    /// A line in the log of both seats' screens.
    pub(super) fn note_seats(&mut self, table: i64, text: &str) {
        let Some(t) = self.tables.get(&table) else {
            return;
        };
        let conns: Vec<ConnId> = t.seats.iter().filter_map(Seat::conn).collect();
        for id in conns {
            if let Some(c) = self.conns.get_mut(&id)
                && let Some(g) = &mut c.game
            {
                g.note(text.to_owned());
                c.dirty = true;
            }
        }
    }

    /// A key at a paused table is refused; the first one says why (the rest would only repeat it).
    pub(super) fn refuse_key(&mut self, id: ConnId, table: i64) {
        let reason = self
            .tables
            .get(&table)
            .and_then(|t| t.paused.clone())
            .unwrap_or_default();
        if let Some(c) = self.conns.get_mut(&id)
            && !c.refused
            && let Some(g) = &mut c.game
        {
            g.note(format!("Keys are refused: the instructor paused the table ({reason}). Wait for it to resume."));
            c.refused = true;
            c.dirty = true;
        }
    }

    fn refused_reset(&mut self, table: i64) {
        let Some(t) = self.tables.get(&table) else {
            return;
        };
        let conns: Vec<ConnId> = t.seats.iter().filter_map(Seat::conn).collect();
        for id in conns {
            if let Some(c) = self.conns.get_mut(&id) {
                c.refused = false;
            }
        }
    }

    /// Sets or clears a table's drill clock; both screens are built again with it.
    fn set_drill(&mut self, table: i64, secs: Option<u64>, reason: &str) -> Result<String, String> {
        let t = self.live_table(table)?;
        t.drill = secs;
        t.rebuild_play()?;
        if let Err(e) = self.store.set_drill(table, secs) {
            eprintln!("{e}");
        }
        let what = match secs {
            Some(s) => format!("set the drill clock to {s} s an offer"),
            None => "cleared the drill clock".to_owned(),
        };
        self.keep_step(table, what.clone(), reason, None);
        self.rebuild_seats(table);
        self.note_seats(table, &format!("The instructor {what}: {reason}."));
        self.table_changed(table);
        Ok(format!("Table {table}: {what}"))
    }

    /// Every seated screen of a table, built again from the server's game.
    fn rebuild_seats(&mut self, table: i64) {
        let Some(t) = self.tables.get(&table) else {
            return;
        };
        let seats: Vec<(ConnId, crate::engine::Side)> = crate::engine::Side::BOTH
            .into_iter()
            .filter_map(|s| t.seats[s.index()].conn().map(|c| (c, s)))
            .collect();
        for (id, side) in seats {
            self.enter_game(id, table, side);
        }
    }

    /// Releases an inject now, or keeps it for the start of the next round.
    fn inject(
        &mut self,
        table: i64,
        inject: &InjectRef,
        when: When,
        reason: &str,
    ) -> Result<String, String> {
        let t = self.live_table(table)?;
        let resolved = inject
            .resolve(&t.content)
            .map_err(|e| format!("Table {table}: {e}"))?;
        if when == When::NextRound {
            let round = t.play.game().board().round;
            let id = self.store.add_pending(table, round, inject, reason)?;
            let pending = super::store_steer::Pending {
                id,
                round,
                inject: inject.clone(),
                reason: reason.to_owned(),
            };
            self.live_table(table)?.pending.push(pending);
            self.table_changed(table);
            return Ok(format!(
                "Table {table}: «{}» fires at the start of round {}",
                resolved.title,
                round + 1
            ));
        }
        let what = format!("released the inject «{}»", resolved.title);
        let step = self
            .keep_step(table, what, reason, Some(inject.clone()))
            .ok_or("no table")?;
        self.fire(table, step);
        Ok(format!("Table {table}: «{}» released", resolved.title))
    }

    /// Fires a kept inject at the server's game and at every screen of the table.
    fn fire(&mut self, table: i64, step: Steered) {
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        t.play.inject(step.clone());
        t.moved_at = std::time::Instant::now();
        let conns: Vec<ConnId> = t.seats.iter().filter_map(Seat::conn).collect();
        for id in conns {
            let failed = self
                .conns
                .get_mut(&id)
                .and_then(|c| {
                    c.dirty = true;
                    c.game.as_mut()
                })
                .map(|g| g.inject(step.clone()).is_err());
            if failed == Some(true) {
                self.rebuild_seats(table);
            }
        }
        self.note_seats(
            table,
            &format!("The instructor {}: {}.", step.what, step.reason),
        );
        if let Some(t) = self.tables.get(&table)
            && t.over()
            && let Err(e) = self.store.finish(table)
        {
            eprintln!("{e}");
        }
        self.table_changed(table);
    }

    /// After a move: injects kept for a round that has now begun fire.
    pub(super) fn fire_due(&mut self, table: i64) {
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        let round = t.play.game().board().round;
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut t.pending)
            .into_iter()
            .partition(|p| round > p.round);
        t.pending = later;
        for p in due {
            let Some(t) = self.tables.get(&table) else {
                return;
            };
            let Ok(r) = p.inject.resolve(&t.content) else {
                continue;
            };
            let step = Steered {
                after: t.play.record().steps.len(),
                what: format!(
                    "released the inject «{}» at the start of round {round}",
                    r.title
                ),
                reason: p.reason.clone(),
                inject: Some(p.inject.clone()),
            };
            if let Err(e) = self.store.fire_pending(table, p.id, &step) {
                eprintln!("{e}");
            }
            if let Some(t) = self.tables.get_mut(&table) {
                t.steering.push(step.clone());
            }
            self.fire(table, step);
        }
    }

    fn list_injects(&self, table: Option<i64>) -> String {
        let t = table
            .and_then(|n| self.tables.get(&n))
            .or_else(|| self.tables.values().next());
        let Some(t) = t else {
            return "No table yet; a card id works as an inject at any table.".into();
        };
        let list: Vec<String> = scenario_events(&t.content)
            .enumerate()
            .map(|(i, (title, _))| format!("{} {title}", i + 1))
            .collect();
        if list.is_empty() {
            format!(
                "Table {}'s scenario has no scripted injects; give a card id instead.",
                t.id
            )
        } else {
            format!("Table {}: {} (or a card id)", t.id, list.join("; "))
        }
    }
}
