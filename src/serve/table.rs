//! A table: one game played across two connections (or one and a bot). The server keeps the
//! authoritative game with the drill's clock; each seated student's screen keeps its own copy,
//! and every action reaches the other copy as it is kept in the database.

use super::screen::SeatGame;
use super::store::{SeatRow, Store, TableRow};
use super::store_steer::Pending;
use crate::ai::BotKind;
use crate::classroom::record::steering::Steered;
use crate::classroom::{self, Clock, Library, Step};
use crate::engine::{Content, Event, Side};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
    pub moved_at: Instant,
    /// The facilitator's steps so far (the injects among them replay with the moves).
    pub steering: Vec<Steered>,
    /// Injects released for the start of a later round.
    pub pending: Vec<Pending>,
    /// The drill's clock for the server's game and both screens; it stops while paused.
    pub clock: PauseClock,
}

/// A clock that stands still while its table is paused, shared by the server's game and the
/// screens of the table, so a paused offer keeps the time it had left everywhere.
#[derive(Clone)]
pub struct PauseClock(Arc<Mutex<PauseState>>);

struct PauseState {
    start: Instant,
    /// Time spent paused before the current pause.
    stood: Duration,
    since: Option<Instant>,
}

impl PauseClock {
    pub fn new(paused: bool) -> PauseClock {
        let now = Instant::now();
        PauseClock(Arc::new(Mutex::new(PauseState {
            start: now,
            stood: Duration::ZERO,
            since: paused.then_some(now),
        })))
    }

    fn state(&self) -> std::sync::MutexGuard<'_, PauseState> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Stops (`true`) or restarts the clock; a second stop or start changes nothing.
    pub fn set_paused(&self, paused: bool) {
        let mut s = self.state();
        match (paused, s.since) {
            (true, None) => s.since = Some(Instant::now()),
            (false, Some(since)) => {
                s.stood += since.elapsed();
                s.since = None;
            }
            _ => {}
        }
    }
}

impl Clock for PauseClock {
    fn now(&self) -> Duration {
        let s = self.state();
        let until = s.since.unwrap_or_else(Instant::now);
        until.duration_since(s.start).saturating_sub(s.stood)
    }
}

impl Table {
    /// A new table of `content`, kept in the database before anyone moves: numbered `number`
    /// when the facilitator chose one, and played with the scenario's seed or else `seed`.
    pub fn create(
        store: &mut Store,
        class: (i64, u64),
        number: Option<i64>,
        content: Arc<Content>,
        seats: [Seat; 2],
        drill: Option<u64>,
    ) -> Result<Table, String> {
        let seed = content
            .scenario
            .as_ref()
            .and_then(|s| s.seed)
            .unwrap_or(class.1);
        let clock = PauseClock::new(false);
        let play = authoritative(&content, seed, &seats, (&[], &[]), drill, &clock)?;
        let rows: Vec<(Side, SeatRow)> = Side::BOTH
            .into_iter()
            .filter_map(|s| seats[s.index()].row().map(|r| (s, r)))
            .collect();
        let id = store.new_table(class.0, number, play.record(), &rows)?;
        Ok(Table {
            id,
            content,
            play,
            seats,
            drill,
            paused: None,
            moved_at: Instant::now(),
            steering: Vec::new(),
            pending: Vec::new(),
            clock,
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
        let clock = PauseClock::new(row.paused.is_some());
        let play = authoritative(
            &content,
            row.seed,
            &seats,
            (&row.steps, &row.steering),
            row.drill_seconds,
            &clock,
        )
        .map_err(|e| format!("table {}: {e}", row.id))?;
        Ok(Table {
            id: row.id,
            content,
            play,
            seats,
            drill: row.drill_seconds,
            paused: row.paused.clone(),
            moved_at: Instant::now(),
            steering: row.steering.clone(),
            pending: row.pending.clone(),
            clock,
        })
    }

    /// The server's game built again from its moves and steps (after the drill changed).
    pub fn rebuild_play(&mut self) -> Result<(), String> {
        let steps = self.play.record().steps.clone();
        self.play = authoritative(
            &self.content,
            self.play.record().seed,
            &self.seats,
            (&steps, &self.steering),
            self.drill,
            &self.clock,
        )?;
        Ok(())
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
            steering: &self.steering,
            clock: self.clock.clone(),
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

/// The server's game: a fresh game replayed through the moves and the facilitator's injects,
/// with the drill's clock started now.
fn authoritative(
    content: &Arc<Content>,
    seed: u64,
    seats: &[Seat; 2],
    (steps, steering): (&[Step], &[Steered]),
    drill: Option<u64>,
    clock: &PauseClock,
) -> Result<classroom::Session, String> {
    let names = seats.clone().map(|s| match s {
        Seat::Bot(kind) => bot_name(kind),
        _ => "human".into(),
    });
    let (mut play, _) = classroom::Session::new(content.clone(), seed, names);
    replay_into(&mut play, steps, steering)?;
    if let Some(secs) = drill {
        play.set_drill(Duration::from_secs(secs), Box::new(clock.clone()));
    }
    Ok(play)
}

/// Plays `steps` into a new session, firing each inject where it was released; returns the
/// events, for a screen's log.
pub fn replay_into(
    play: &mut classroom::Session,
    steps: &[Step],
    steering: &[Steered],
) -> Result<Vec<Event>, String> {
    let mut events = Vec::new();
    let fire = |play: &mut classroom::Session, at: usize, events: &mut Vec<Event>| {
        for s in steering
            .iter()
            .filter(|s| s.after == at && s.inject.is_some())
        {
            events.extend(play.inject(s.clone()));
        }
    };
    for (i, step) in steps.iter().enumerate() {
        fire(play, i, &mut events);
        let more = play
            .apply(step.action)
            .map_err(|e| format!("action {} does not replay ({e})", i + 1))?;
        events.extend(more);
    }
    fire(play, steps.len(), &mut events);
    Ok(events)
}
