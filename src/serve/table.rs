//! A table: one game played across two connections (or one and a bot). The server keeps the
//! authoritative game with the drill's clock; each seated student's screen keeps its own copy,
//! and every action reaches the other copy as it is kept in the database.

use super::screen::SeatGame;
use super::store::{SeatRow, Store, TableRow};
use crate::ai::BotKind;
use crate::classroom::{self, Library, SystemClock};
use crate::engine::{Content, Side};
use std::sync::Arc;
use std::time::Duration;

pub type ConnId = u64;

/// Who sits at one side of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seat {
    Open,
    Bot(BotKind),
    /// A student, and their connection while they are connected.
    Student {
        name: String,
        conn: Option<ConnId>,
    },
}

impl Seat {
    pub fn student(&self) -> Option<&str> {
        match self {
            Seat::Student { name, .. } => Some(name),
            _ => None,
        }
    }
    pub fn conn(&self) -> Option<ConnId> {
        match self {
            Seat::Student { conn, .. } => *conn,
            _ => None,
        }
    }
    fn row(&self) -> Option<SeatRow> {
        match self {
            Seat::Open => None,
            Seat::Bot(kind) => Some(SeatRow::Bot(bot_name(*kind))),
            Seat::Student { name, .. } => Some(SeatRow::Student(name.clone())),
        }
    }
    /// How the other seat's screen and the lobby name this seat.
    pub fn label(&self) -> String {
        match self {
            Seat::Open => "nobody yet".into(),
            Seat::Bot(kind) => format!("the {} bot", bot_name(*kind)),
            Seat::Student { name, .. } => name.clone(),
        }
    }
}

pub fn bot_name(kind: BotKind) -> String {
    classroom::play::player_name(crate::classroom::Player::Bot(kind))
}

pub struct Table {
    pub id: i64,
    pub content: Arc<Content>,
    /// The game as the server keeps it; the database holds the same actions.
    pub play: classroom::Session,
    pub seats: [Seat; 2],
    pub drill: Option<u64>,
    /// The facilitator's reason, while the table is paused.
    pub paused: Option<String>,
    /// When the table last changed, for how long its side to move has waited.
    pub moved_at: std::time::Instant,
}

impl Table {
    /// A new table of `content`, kept in the database before anyone moves.
    pub fn create(
        store: &mut Store,
        class: i64,
        content: Arc<Content>,
        seats: [Seat; 2],
        drill: Option<u64>,
    ) -> Result<Table, String> {
        let seed = content
            .scenario
            .as_ref()
            .and_then(|s| s.seed)
            .unwrap_or_else(classroom::fresh_seed);
        let play = authoritative(content.clone(), seed, &seats, &[], drill)?;
        let rows: Vec<(Side, SeatRow)> = Side::BOTH
            .into_iter()
            .filter_map(|s| seats[s.index()].row().map(|r| (s, r)))
            .collect();
        let id = store.new_table(class, play.record(), &rows)?;
        Ok(Table {
            id,
            content,
            play,
            seats,
            drill,
            paused: None,
            moved_at: std::time::Instant::now(),
        })
    }

    /// A table from the database, replayed to the action it had reached. Students are seated
    /// but not connected until they come back.
    pub fn resume(library: &Library, row: &TableRow) -> Result<Table, String> {
        let content = library
            .content(row.scenario.as_deref())
            .map_err(|e| format!("table {}: its scenario does not load: {e}", row.id))?;
        let current = classroom::record::fingerprint_hex(content.fingerprint);
        if current != row.fingerprint {
            return Err(format!(
                "table {} was played with other game data (fingerprint {}, now {current}); it is kept in the database but not resumed",
                row.id, row.fingerprint
            ));
        }
        let seats = row.seats.clone().map(|s| match s {
            None => Seat::Open,
            Some(SeatRow::Bot(name)) => Seat::Bot(BotKind::parse(&name).unwrap_or(BotKind::Hard)),
            Some(SeatRow::Student(name)) => Seat::Student { name, conn: None },
        });
        let play = authoritative(
            content.clone(),
            row.seed,
            &seats,
            &row.steps,
            row.drill_seconds,
        )
        .map_err(|e| format!("table {}: {e}", row.id))?;
        Ok(Table {
            id: row.id,
            content,
            play,
            seats,
            drill: row.drill_seconds,
            paused: None,
            moved_at: std::time::Instant::now(),
        })
    }

    /// What the screen of `side` is built from.
    pub fn seat_game(&self, side: Side) -> SeatGame<'_> {
        let bot = match self.seats[side.other().index()] {
            Seat::Bot(kind) => Some(kind),
            _ => None,
        };
        SeatGame {
            content: self.content.clone(),
            seed: self.play.record().seed,
            steps: &self.play.record().steps,
            side,
            bot,
            drill: self.drill,
        }
    }

    pub fn over(&self) -> bool {
        self.play.game().is_over()
    }

    pub fn side_of(&self, name: &str) -> Option<Side> {
        Side::BOTH
            .into_iter()
            .find(|s| self.seats[s.index()].student() == Some(name))
    }

    /// Seats a student at an open seat and keeps it.
    pub fn seat_student(
        &mut self,
        store: &Store,
        side: Side,
        name: &str,
        conn: ConnId,
    ) -> Result<(), String> {
        store.set_seat(self.id, side, &SeatRow::Student(name.to_owned()))?;
        self.seats[side.index()] = Seat::Student {
            name: name.to_owned(),
            conn: Some(conn),
        };
        Ok(())
    }
}

/// The server's game: a fresh game replayed through `steps`, with the drill's clock started now.
fn authoritative(
    content: Arc<Content>,
    seed: u64,
    seats: &[Seat; 2],
    steps: &[classroom::Step],
    drill: Option<u64>,
) -> Result<classroom::Session, String> {
    let names = seats.clone().map(|s| match s {
        Seat::Bot(kind) => bot_name(kind),
        _ => "human".into(),
    });
    let (mut play, _) = classroom::Session::new(content, seed, names);
    for (i, step) in steps.iter().enumerate() {
        play.apply(step.action)
            .map_err(|e| format!("action {} does not replay ({e})", i + 1))?;
    }
    if let Some(secs) = drill {
        play.set_drill(Duration::from_secs(secs), Box::new(SystemClock::new()));
    }
    Ok(play)
}
