//! The facilitator's part of the class database: each step taken at a table (with its reason),
//! the pauses, the injects waiting for a later round, the drill clock, seats moved, and the
//! class's seed. Each write is one statement or one transaction, like the moves, so a restart
//! after SIGKILL brings back every pause, pending inject and line of the facilitator's log.

use super::store::{Store, StoreResult};
use crate::classroom::record::steering::{InjectRef, Steered};
use crate::engine::Side;
use rusqlite::{OptionalExtension, params};

/// The facilitator's tables, added to a class database of any age (none of them changes an
/// older table, so an older server still reads the database).
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS steering (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES tables(id),
    entry TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS pauses (
    table_id INTEGER PRIMARY KEY REFERENCES tables(id),
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pending_injects (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES tables(id),
    round INTEGER NOT NULL,
    entry TEXT NOT NULL
);
";

/// An inject released for the start of the round after `round`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub id: i64,
    pub round: u8,
    pub inject: InjectRef,
    pub reason: String,
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

fn side_id(side: Side) -> &'static str {
    side.id()
}

impl Store {
    /// The database file.
    pub fn path(&self) -> Option<&str> {
        self.db.path()
    }

    fn fail(&self, e: rusqlite::Error) -> String {
        let path = self.db.path().unwrap_or("the class database");
        format!("the class database {path} could not be written: {e}")
    }

    /// Keeps one of the facilitator's steps at a table.
    pub fn steer(&self, table: i64, step: &Steered) -> StoreResult<()> {
        self.db
            .execute(
                "INSERT INTO steering (table_id, entry) VALUES (?1, ?2)",
                params![table, json(step)],
            )
            .map(|_| ())
            .map_err(|e| self.fail(e))
    }

    pub(super) fn steering(&self, table: i64) -> StoreResult<Vec<Steered>> {
        let mut q = self
            .db
            .prepare("SELECT entry FROM steering WHERE table_id = ?1 ORDER BY id")
            .map_err(|e| self.fail(e))?;
        let rows = q
            .query_map(params![table], |r| r.get::<_, String>(0))
            .map_err(|e| self.fail(e))?;
        let mut out = Vec::new();
        for row in rows {
            let text = row.map_err(|e| self.fail(e))?;
            let step = serde_json::from_str(&text).map_err(|e| {
                format!("table {table}: a facilitator's step in the class database is damaged: {e}")
            })?;
            out.push(step);
        }
        Ok(out)
    }

    /// Pauses a table with the reason, or (`None`) resumes it.
    pub fn set_paused(&self, table: i64, reason: Option<&str>) -> StoreResult<()> {
        let done = match reason {
            Some(r) => self.db.execute(
                "INSERT OR REPLACE INTO pauses (table_id, reason) VALUES (?1, ?2)",
                params![table, r],
            ),
            None => self
                .db
                .execute("DELETE FROM pauses WHERE table_id = ?1", params![table]),
        };
        done.map(|_| ()).map_err(|e| self.fail(e))
    }

    pub(super) fn paused(&self, table: i64) -> StoreResult<Option<String>> {
        self.db
            .query_row(
                "SELECT reason FROM pauses WHERE table_id = ?1",
                params![table],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// Keeps an inject for the start of the next round; returns its id.
    pub fn add_pending(
        &self,
        table: i64,
        round: u8,
        inject: &InjectRef,
        reason: &str,
    ) -> StoreResult<i64> {
        let entry = json(&(inject, reason));
        self.db
            .execute(
                "INSERT INTO pending_injects (table_id, round, entry) VALUES (?1, ?2, ?3)",
                params![table, round, entry],
            )
            .map_err(|e| self.fail(e))?;
        Ok(self.db.last_insert_rowid())
    }

    /// An inject kept for later has fired: it becomes a step, in one transaction.
    pub fn fire_pending(&mut self, table: i64, id: i64, step: &Steered) -> StoreResult<()> {
        let tx = self.db.transaction().map_err(|e| e.to_string())?;
        tx.execute("DELETE FROM pending_injects WHERE id = ?1", params![id])
            .map_err(|e| e.to_string())?;
        tx.execute(
            "INSERT INTO steering (table_id, entry) VALUES (?1, ?2)",
            params![table, json(step)],
        )
        .map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| self.fail(e))
    }

    pub(super) fn pending(&self, table: i64) -> StoreResult<Vec<Pending>> {
        let mut q = self
            .db
            .prepare("SELECT id, round, entry FROM pending_injects WHERE table_id = ?1 ORDER BY id")
            .map_err(|e| self.fail(e))?;
        let rows = q
            .query_map(params![table], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.fail(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, round, entry) = row.map_err(|e| self.fail(e))?;
            let (inject, reason): (InjectRef, String) = serde_json::from_str(&entry).map_err(|e| {
                format!("table {table}: an inject kept for later in the class database is damaged: {e}")
            })?;
            let round = u8::try_from(round).unwrap_or(u8::MAX);
            out.push(Pending {
                id,
                round,
                inject,
                reason,
            });
        }
        Ok(out)
    }

    /// Sets or clears a table's drill clock.
    pub fn set_drill(&self, table: i64, secs: Option<u64>) -> StoreResult<()> {
        self.db
            .execute(
                "UPDATE tables SET drill_seconds = ?1 WHERE id = ?2",
                params![secs.map(|s| s as i64), table],
            )
            .map(|_| ())
            .map_err(|e| self.fail(e))
    }

    /// Empties a seat (a student moved elsewhere).
    pub fn clear_seat(&self, table: i64, side: Side) -> StoreResult<()> {
        self.db
            .execute(
                "DELETE FROM seats WHERE table_id = ?1 AND side = ?2",
                params![table, side_id(side)],
            )
            .map(|_| ())
            .map_err(|e| self.fail(e))
    }

    /// Closes a table's game (the facilitator ended the class).
    pub fn finish(&self, table: i64) -> StoreResult<()> {
        self.db
            .execute(
                "UPDATE tables SET finished = 1 WHERE id = ?1",
                params![table],
            )
            .map(|_| ())
            .map_err(|e| self.fail(e))
    }

    /// The seed every new table of the class plays (unless its scenario fixes one), made once
    /// and kept, so that all tables meet the same shocks and can be compared at the debrief.
    pub fn class_seed(&self, class: i64, fresh: impl FnOnce() -> u64) -> StoreResult<u64> {
        let key = format!("seed-{class}");
        let kept: Option<String> = self
            .db
            .query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.fail(e))?;
        if let Some(seed) = kept.and_then(|v| v.parse().ok()) {
            return Ok(seed);
        }
        let seed = fresh();
        self.db
            .execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                params![key, seed.to_string()],
            )
            .map_err(|e| self.fail(e))?;
        Ok(seed)
    }
}
