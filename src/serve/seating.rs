//! Seating and moves: the lobby's choices, taking and leaving a seat, and carrying each action
//! from the screen it was made on to the server's game, the database and the other seat.

use super::lobby::{Choice, Stage};
use super::screen::GameScreen;
use super::table::{ConnId, Seat, Table};
use super::world::{World, is_leave_key};
use crate::engine::{Action, Side};
use crossterm::event::{KeyCode, KeyEvent};

impl World {
    /// The lobby's list for `name`, in the order drawn.
    pub fn choices(&self, name: &str) -> Vec<Choice> {
        let mut v = Vec::new();
        for t in self.tables.values().filter(|t| !t.over()) {
            if let Some(side) = t.side_of(name) {
                let with = t.seats[side.other().index()].label();
                v.push(Choice::Rejoin {
                    table: t.id,
                    side,
                    with,
                });
            }
        }
        for t in self
            .tables
            .values()
            .filter(|t| !t.over() && t.side_of(name).is_none())
        {
            for side in Side::BOTH {
                let other = &t.seats[side.other().index()];
                if t.seats[side.index()] == Seat::Open && other.student().is_some() {
                    v.push(Choice::Join {
                        table: t.id,
                        side,
                        with: other.label(),
                    });
                }
            }
        }
        v.extend(Side::BOTH.map(Choice::Open));
        v.extend(Side::BOTH.map(Choice::Solo));
        v.push(Choice::Leave);
        v
    }

    pub(super) fn lobby_key(&mut self, id: ConnId, key: KeyEvent) {
        let Some(name) = self.conns.get(&id).map(|c| c.name.clone()) else {
            return;
        };
        let choices = self.choices(&name);
        let Some(c) = self.conns.get_mut(&id) else {
            return;
        };
        let Stage::Lobby { cursor, note } = &mut c.stage else {
            return;
        };
        c.dirty = true;
        let last = choices.len().saturating_sub(1);
        match key.code {
            _ if is_leave_key(&key) => c.goodbye = Some("Goodbye.".into()),
            KeyCode::Char('q') | KeyCode::Esc => c.goodbye = Some("Goodbye.".into()),
            KeyCode::Up | KeyCode::Char('k') => *cursor = cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => *cursor = (*cursor + 1).min(last),
            KeyCode::Enter => {
                let chosen = choices.get(*cursor).cloned();
                *note = None;
                if let Some(choice) = chosen {
                    self.choose(id, &name, choice);
                }
            }
            _ => {}
        }
    }

    fn choose(&mut self, id: ConnId, name: &str, choice: Choice) {
        let result = match choice {
            Choice::Rejoin { table, side, .. } => self.take_seat(id, table, side, name),
            Choice::Join { table, side, .. } => self.take_seat(id, table, side, name),
            Choice::Open(side) => self.new_table(id, side, name, Seat::Open),
            Choice::Solo(side) => self.new_table(id, side, name, Seat::Bot(self.setup.bot)),
            Choice::Leave => {
                if let Some(c) = self.conns.get_mut(&id) {
                    c.goodbye = Some("Goodbye.".into());
                }
                Ok(())
            }
        };
        if let Err(e) = result {
            self.to_lobby(id, Some(e));
        }
    }

    fn take_seat(&mut self, id: ConnId, table: i64, side: Side, name: &str) -> Result<(), String> {
        let t = self.tables.get_mut(&table).ok_or("That table has ended.")?;
        match &mut t.seats[side.index()] {
            Seat::Student { name: n, conn } if n == name => *conn = Some(id),
            Seat::Open => t.seat_student(&self.store, side, name, id)?,
            _ => return Err("That seat was just taken; choose again.".into()),
        }
        self.note_partner(table, side, format!("{name} joined as {side}."));
        self.enter_game(id, table, side);
        Ok(())
    }

    fn new_table(&mut self, id: ConnId, side: Side, name: &str, other: Seat) -> Result<(), String> {
        let content = self
            .library
            .content(self.setup.scenario.as_deref())
            .map_err(|e| e.to_string())?;
        let mut seats = [Seat::Open, Seat::Open];
        seats[side.index()] = Seat::Student {
            name: name.to_owned(),
            conn: Some(id),
        };
        seats[side.other().index()] = other;
        let t = Table::create(
            &mut self.store,
            (self.setup.class, self.setup.seed),
            None,
            content,
            seats,
            self.setup.drill,
        )?;
        let table = t.id;
        self.tables.insert(table, t);
        self.consoles_dirty();
        self.enter_game(id, table, side);
        Ok(())
    }

    /// Puts the connection's screen at its seat, built from the table's game as it is now.
    pub(super) fn enter_game(&mut self, id: ConnId, table: i64, side: Side) {
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        if let Seat::Student { conn, .. } = &mut t.seats[side.index()] {
            *conn = Some(id);
        }
        let waiting = t.seats[side.other().index()] == Seat::Open;
        let screen = GameScreen::new(&t.seat_game(side), self.theme);
        let Some(c) = self.conns.get_mut(&id) else {
            return;
        };
        match screen {
            Ok(mut g) => {
                let (w, h) = c.canvas.size();
                g.set_size(w, h);
                if waiting {
                    g.note(format!(
                        "Table {table}: waiting for a partner to join as {}; it is listed in the lobby.",
                        side.other()
                    ));
                }
                c.game = Some(g);
                c.stage = Stage::Game { table };
                c.canvas.invalidate();
                c.dirty = true;
            }
            Err(e) => {
                let note = format!("Table {table} cannot be shown: {e}");
                self.to_lobby(id, Some(note));
            }
        }
    }

    /// A student's connection leaves its seat; the seat stays theirs.
    pub(super) fn leave_seat(&mut self, id: ConnId, table: i64, name: &str, why: &str) {
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        let mut side = None;
        for (i, seat) in t.seats.iter_mut().enumerate() {
            if let Seat::Student { conn, .. } = seat
                && *conn == Some(id)
            {
                *conn = None;
                side = Some(Side::BOTH[i]);
            }
        }
        if let Some(side) = side
            && !t.over()
        {
            let text = format!("{name} ({side}) {why}; the seat waits for them.");
            self.note_partner(table, side, text);
        }
    }

    fn note_partner(&mut self, table: i64, side: Side, text: String) {
        let Some(other) = self
            .tables
            .get(&table)
            .and_then(|t| t.seats[side.other().index()].conn())
        else {
            return;
        };
        if let Some(c) = self.conns.get_mut(&other)
            && let Some(g) = &mut c.game
        {
            g.note(text);
            c.dirty = true;
        }
    }

    /// Carries what happened on a seat's screen (its moves, its bot's moves, a take-back) to the
    /// server's game, the database and the other seat.
    pub(super) fn sync_seat(&mut self, id: ConnId, table: i64) {
        let Some(g) = self.conns.get(&id).and_then(|c| c.game.as_ref()) else {
            return;
        };
        let side = g.side();
        let mine: Vec<Action> = g.steps().iter().map(|s| s.action).collect();
        let Some(t) = self.tables.get(&table) else {
            return;
        };
        let have = t.play.record().steps.len();
        if mine.len() > have {
            for action in &mine[have..] {
                if !self.keep_action(table, *action, Some(id)) {
                    return;
                }
            }
        } else if mine.len() < have {
            self.keep_undo(id, table, side, mine.len());
        }
    }

    /// Applies an action to the server's game, keeps it, and shows it at every other seat.
    /// Returns false when the server's game refused it (the sender's screen is rebuilt).
    pub(super) fn keep_action(&mut self, table: i64, action: Action, from: Option<ConnId>) -> bool {
        let Some(t) = self.tables.get_mut(&table) else {
            return false;
        };
        if let Err(e) = t.play.apply(action) {
            eprintln!(
                "table {table}: a screen sent an action the game refused ({e}); its screen is rebuilt"
            );
            if let Some(id) = from {
                self.rebuild(id, table);
            }
            return false;
        }
        t.moved_at = std::time::Instant::now();
        let idx = t.play.record().steps.len() - 1;
        if let Some(step) = t.play.record().steps.last()
            && let Err(e) = self.store.push_action(table, idx, step, t.over())
        {
            eprintln!("{e}");
        }
        self.table_changed(table);
        let Some(t) = self.tables.get(&table) else {
            return false;
        };
        let seats: Vec<ConnId> = t
            .seats
            .iter()
            .filter_map(Seat::conn)
            .filter(|c| Some(*c) != from)
            .collect();
        for id in seats {
            let ok = self
                .conns
                .get_mut(&id)
                .and_then(|c| {
                    c.dirty = true;
                    c.game.as_mut()
                })
                .map(|g| g.remote_action(action));
            if let Some(Err(_)) = ok {
                self.rebuild(id, table);
            }
        }
        // Every screen has the move now, so an inject waiting for this round fires after it
        // everywhere alike.
        self.fire_due(table);
        true
    }

    fn keep_undo(&mut self, id: ConnId, table: i64, side: Side, len: usize) {
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        // The engine takes a move back by replaying the moves before it, which would drop the
        // instructor's injects; after one, the table's moves stand.
        if t.steering.iter().any(|s| s.inject.is_some()) {
            self.rebuild(id, table);
            if let Some(g) = self.conns.get_mut(&id).and_then(|c| c.game.as_mut()) {
                g.note("No take-backs once the instructor has released an inject.".into());
            }
            return;
        }
        while t.play.record().steps.len() > len {
            if !t.play.undo(side) {
                break;
            }
        }
        t.moved_at = std::time::Instant::now();
        let now = t.play.record().steps.len();
        if let Err(e) = self.store.truncate_actions(table, now) {
            eprintln!("{e}");
        }
        self.table_changed(table);
        let Some(t) = self.tables.get(&table) else {
            return;
        };
        let others: Vec<ConnId> = t
            .seats
            .iter()
            .filter_map(Seat::conn)
            .filter(|c| *c != id)
            .collect();
        if now != len {
            self.rebuild(id, table);
        }
        for other in others {
            let undone = self
                .conns
                .get_mut(&other)
                .and_then(|c| {
                    c.dirty = true;
                    c.game.as_mut()
                })
                .map(|g| g.remote_undo(side));
            if let Some(Err(_)) = undone {
                self.rebuild(other, table);
            }
        }
    }

    /// Builds a seat's screen again from the server's game (after a disagreement).
    pub(super) fn rebuild(&mut self, id: ConnId, table: i64) {
        let side = self
            .conns
            .get(&id)
            .and_then(|c| c.game.as_ref())
            .map(GameScreen::side);
        if let Some(side) = side {
            self.enter_game(id, table, side);
        }
    }

    /// Offers whose drill time ran out are rejected by the server's clock, for both screens.
    pub(super) fn drill_timeouts(&mut self) {
        let timed: Vec<(i64, Side)> = self
            .tables
            .values_mut()
            .filter(|t| t.drill.is_some())
            .filter_map(|t| {
                let waiting = t.play.drill_waiting_for()?;
                let before = t.play.record().steps.len();
                t.play.tick()?;
                // The tick applied the rejection to the server's game; `spread_last` keeps it
                // and shows it at both seats.
                (t.play.record().steps.len() > before).then_some((t.id, waiting))
            })
            .collect();
        for (table, side) in timed {
            self.spread_last(table, side);
        }
    }

    /// Keeps the server's newest action (a drill timeout) and shows it at both seats.
    fn spread_last(&mut self, table: i64, side: Side) {
        let Some(t) = self.tables.get(&table) else {
            return;
        };
        let idx = t.play.record().steps.len() - 1;
        let Some(step) = t.play.record().steps.last().copied() else {
            return;
        };
        if let Err(e) = self.store.push_action(table, idx, &step, t.over()) {
            eprintln!("{e}");
        }
        self.table_changed(table);
        let Some(t) = self.tables.get_mut(&table) else {
            return;
        };
        t.moved_at = std::time::Instant::now();
        let seats: Vec<ConnId> = t.seats.iter().filter_map(Seat::conn).collect();
        for id in seats {
            let Some(c) = self.conns.get_mut(&id) else {
                continue;
            };
            c.dirty = true;
            let failed = c.game.as_mut().map(|g| {
                let r = g.remote_action(step.action);
                g.note(format!("{side} ran out of time: the offer is rejected."));
                r.is_err()
            });
            if failed == Some(true) {
                self.rebuild(id, table);
            }
        }
        self.fire_due(table);
    }
}
