//! The class's database: the class and its code, its tables with their seats, the players, and
//! every action, in SQLite. Each action is one transaction, so a kill at any moment leaves the
//! table at its last whole action, and a restart replays it from here.

use crate::classroom::record::steering::Steered;
use crate::classroom::{GameRecord, RECORD_FORMAT, RECORD_VERSION, Step};
use crate::engine::Side;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

/// The schema version this build writes; a newer database is refused rather than misread.
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS classes (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    started TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS tables (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes(id),
    scenario TEXT,
    seed INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    drill_seconds INTEGER,
    finished INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS seats (
    table_id INTEGER NOT NULL REFERENCES tables(id),
    side TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('student', 'bot')),
    name TEXT NOT NULL,
    PRIMARY KEY (table_id, side)
);
CREATE TABLE IF NOT EXISTS players (
    class_id INTEGER NOT NULL REFERENCES classes(id),
    name TEXT NOT NULL,
    first_seen TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_seen TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (class_id, name)
);
CREATE TABLE IF NOT EXISTS actions (
    table_id INTEGER NOT NULL REFERENCES tables(id),
    idx INTEGER NOT NULL,
    side TEXT NOT NULL,
    step TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (table_id, idx)
);
";

/// Who holds a seat, as kept in the database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeatRow {
    Student(String),
    Bot(String),
}

/// A table as the database keeps it: enough to replay it to where it was.
#[derive(Clone, Debug)]
pub struct TableRow {
    pub id: i64,
    pub scenario: Option<String>,
    pub seed: u64,
    pub fingerprint: String,
    pub drill_seconds: Option<u64>,
    pub finished: bool,
    pub seats: [Option<SeatRow>; 2],
    pub steps: Vec<Step>,
    /// The facilitator's steps, oldest first.
    pub steering: Vec<Steered>,
    /// The facilitator's reason, while the table is paused.
    pub paused: Option<String>,
    /// Injects released for the start of a later round.
    pub pending: Vec<super::store_steer::Pending>,
}

pub struct Store {
    pub(super) db: Connection,
}

/// A database error as a sentence naming the file; the server shows it and stops or goes on.
pub type StoreResult<T> = Result<T, String>;

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Washington => "washington",
        Side::Seoul => "seoul",
    }
}

fn side_of(name: &str) -> Option<Side> {
    Side::BOTH.into_iter().find(|s| side_name(*s) == name)
}

impl Store {
    /// Opens (or makes) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> StoreResult<Store> {
        let fail =
            |e: rusqlite::Error| format!("cannot open the class database {}: {e}", path.display());
        let db = Connection::open(path).map_err(fail)?;
        // WAL keeps each committed action through a kill of the server; NORMAL syncing keeps a
        // move's write short (a power cut may lose the last moves, never corrupt the file).
        db.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        )
        .map_err(fail)?;
        db.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(fail)?;
        db.execute_batch(SCHEMA).map_err(fail)?;
        db.execute_batch(super::store_steer::SCHEMA).map_err(fail)?;
        let store = Store { db };
        store.check_version(path)?;
        Ok(store)
    }

    fn check_version(&self, path: &Path) -> StoreResult<()> {
        let found: Option<String> = self
            .db
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        match found.and_then(|v| v.parse::<i64>().ok()) {
            Some(v) if v > SCHEMA_VERSION => Err(format!(
                "{} was written by a newer version of alliance (schema {v}); update alliance to serve it.",
                path.display()
            )),
            Some(_) => Ok(()),
            None => self
                .db
                .execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?1)",
                    params![SCHEMA_VERSION.to_string()],
                )
                .map(|_| ())
                .map_err(|e| self.err(e)),
        }
    }

    fn err(&self, e: rusqlite::Error) -> String {
        let path = self.db.path().unwrap_or("the class database");
        format!("the class database {path} could not be written: {e}")
    }

    /// The current class and its code: `code` when given (kept for the next start), else the
    /// code kept from before, else `fresh()` (made once and kept).
    pub fn class(
        &self,
        code: Option<&str>,
        fresh: impl FnOnce() -> String,
    ) -> StoreResult<(i64, String)> {
        let current: Option<(i64, String)> = self
            .db
            .query_row(
                "SELECT id, code FROM classes ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        match (current, code) {
            (Some((id, kept)), None) => Ok((id, kept)),
            (Some((id, _)), Some(code)) => {
                self.db
                    .execute(
                        "UPDATE classes SET code = ?1 WHERE id = ?2",
                        params![code, id],
                    )
                    .map_err(|e| self.err(e))?;
                Ok((id, code.to_owned()))
            }
            (None, code) => {
                let code = code.map_or_else(fresh, str::to_owned);
                self.db
                    .execute("INSERT INTO classes (code) VALUES (?1)", params![code])
                    .map_err(|e| self.err(e))?;
                Ok((self.db.last_insert_rowid(), code))
            }
        }
    }

    /// Notes that a player joined the class (their first and latest visit).
    pub fn player_seen(&self, class: i64, name: &str) -> StoreResult<()> {
        self.db
            .execute(
                "INSERT INTO players (class_id, name) VALUES (?1, ?2)
                 ON CONFLICT (class_id, name) DO UPDATE SET last_seen = CURRENT_TIMESTAMP",
                params![class, name],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// A new table with its first seats, in one transaction; returns its id.
    /// `number`: the table's number when the facilitator chose it (a roster), else the next.
    pub fn new_table(
        &mut self,
        class: i64,
        number: Option<i64>,
        record: &GameRecord,
        seats: &[(Side, SeatRow)],
    ) -> StoreResult<i64> {
        let tx = self.db.transaction().map_err(|e| e.to_string())?;
        tx.execute(
            "INSERT INTO tables (id, class_id, scenario, seed, fingerprint, drill_seconds) VALUES (?6, ?1, ?2, ?3, ?4, ?5)",
            params![
                class,
                record.scenario,
                record.seed as i64,
                record.fingerprint,
                record.drill_seconds.map(|s| s as i64),
                number
            ],
        )
        .map_err(|e| e.to_string())?;
        let id = tx.last_insert_rowid();
        for (side, seat) in seats {
            insert_seat(&tx, id, *side, seat).map_err(|e| e.to_string())?;
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(id)
    }

    /// Seats a student or a bot at an open seat.
    pub fn set_seat(&self, table: i64, side: Side, seat: &SeatRow) -> StoreResult<()> {
        insert_seat(&self.db, table, side, seat).map_err(|e| self.err(e))
    }

    /// Keeps one action, numbered from 0 in the table's order; the table's end is noted with
    /// its last action, in the same transaction.
    pub fn push_action(
        &mut self,
        table: i64,
        idx: usize,
        step: &Step,
        game_over: bool,
    ) -> StoreResult<()> {
        let json = serde_json::to_string(step).map_err(|e| e.to_string())?;
        let tx = self.db.transaction().map_err(|e| e.to_string())?;
        tx.execute(
            "INSERT INTO actions (table_id, idx, side, step) VALUES (?1, ?2, ?3, ?4)",
            params![table, idx as i64, side_name(step.side), json],
        )
        .map_err(|e| e.to_string())?;
        if game_over {
            tx.execute(
                "UPDATE tables SET finished = 1 WHERE id = ?1",
                params![table],
            )
            .map_err(|e| e.to_string())?;
        }
        tx.commit().map_err(|e| self.err(e))
    }

    /// Forgets the actions from `len` on (a take-back), in one statement.
    pub fn truncate_actions(&self, table: i64, len: usize) -> StoreResult<()> {
        self.db
            .execute(
                "DELETE FROM actions WHERE table_id = ?1 AND idx >= ?2",
                params![table, len as i64],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Every table of `class` (`None`: of every class), oldest first, with its seats and actions.
    pub fn tables(&self, class: Option<i64>) -> StoreResult<Vec<TableRow>> {
        let mut q = self
            .db
            .prepare(
                "SELECT id, scenario, seed, fingerprint, drill_seconds, finished FROM tables
                 WHERE ?1 IS NULL OR class_id = ?1 ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let rows = q
            .query_map(params![class], |r| {
                Ok(TableRow {
                    id: r.get(0)?,
                    scenario: r.get(1)?,
                    seed: r.get::<_, i64>(2)? as u64,
                    fingerprint: r.get(3)?,
                    drill_seconds: r.get::<_, Option<i64>>(4)?.map(|s| s as u64),
                    finished: r.get::<_, i64>(5)? != 0,
                    seats: [None, None],
                    steps: Vec::new(),
                    steering: Vec::new(),
                    paused: None,
                    pending: Vec::new(),
                })
            })
            .map_err(|e| self.err(e))?;
        let mut tables = rows
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        for t in &mut tables {
            t.seats = self.seats(t.id)?;
            t.steps = self.steps(t.id)?;
            t.steering = self.steering(t.id)?;
            t.paused = self.paused(t.id)?;
            t.pending = self.pending(t.id)?;
        }
        Ok(tables)
    }

    fn seats(&self, table: i64) -> StoreResult<[Option<SeatRow>; 2]> {
        let mut q = self
            .db
            .prepare("SELECT side, kind, name FROM seats WHERE table_id = ?1")
            .map_err(|e| self.err(e))?;
        let rows = q
            .query_map(params![table], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut seats = [None, None];
        for row in rows {
            let (side, kind, name) = row.map_err(|e| self.err(e))?;
            let seat = if kind == "bot" {
                SeatRow::Bot(name)
            } else {
                SeatRow::Student(name)
            };
            if let Some(side) = side_of(&side) {
                seats[side.index()] = Some(seat);
            }
        }
        Ok(seats)
    }

    fn steps(&self, table: i64) -> StoreResult<Vec<Step>> {
        let mut q = self
            .db
            .prepare("SELECT idx, step FROM actions WHERE table_id = ?1 ORDER BY idx")
            .map_err(|e| self.err(e))?;
        let rows = q
            .query_map(params![table], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut steps = Vec::new();
        for row in rows {
            let (idx, json) = row.map_err(|e| self.err(e))?;
            let step = serde_json::from_str(&json).map_err(|e| {
                format!("table {table}, action {idx} in the class database is damaged: {e}")
            })?;
            steps.push(step);
        }
        Ok(steps)
    }

    /// One table as the record file `alliance replay` and `alliance report` read.
    pub fn record(&self, table: i64) -> StoreResult<GameRecord> {
        let row = self
            .tables(None)?
            .into_iter()
            .find(|t| t.id == table)
            .ok_or_else(|| format!("there is no table {table} in the class database"))?;
        Ok(record_of(&row))
    }
}

/// The record of a stored table: the players as `alliance report` names them ("human", or a
/// bot by its name), every action with its drill times, and the facilitator's steps.
pub fn record_of(row: &TableRow) -> GameRecord {
    let players = row.seats.clone().map(|s| match s {
        Some(SeatRow::Bot(name)) => name,
        _ => "human".to_owned(),
    });
    GameRecord {
        format: RECORD_FORMAT.into(),
        version: RECORD_VERSION,
        scenario: row.scenario.clone(),
        seed: row.seed,
        fingerprint: row.fingerprint.clone(),
        players,
        drill_seconds: row.drill_seconds,
        steps: row.steps.clone(),
        steering: row.steering.clone(),
    }
}

fn insert_seat(db: &Connection, table: i64, side: Side, seat: &SeatRow) -> rusqlite::Result<()> {
    let (kind, name) = match seat {
        SeatRow::Student(n) => ("student", n),
        SeatRow::Bot(n) => ("bot", n),
    };
    db.execute(
        "INSERT OR REPLACE INTO seats (table_id, side, kind, name) VALUES (?1, ?2, ?3, ?4)",
        params![table, side_name(side), kind, name],
    )
    .map(|_| ())
}
