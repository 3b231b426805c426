//! The class at a glance: one row per table, worked out from the tables and connections as they
//! are now, then drawn to fit 80 columns. Only the public board is read here (tracks, scores,
//! the phase and whose move it is), never a hand.

use crate::engine::{Meter, Phase, Side};
use crate::serve::table::{Seat, Table};
use crate::serve::world::World;
use std::time::Duration;

/// A student silent this long is marked idle.
pub const IDLE_MARK: Duration = Duration::from_secs(300);

/// How the list is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    Table,
    /// The table whose side to move has waited longest first.
    Waited,
}

/// One table's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub table: i64,
    /// Each side's player with its mark: `*` disconnected, `~` idle, `(bot)`, `-` open.
    pub players: [String; 2],
    pub scenario: String,
    pub round: u8,
    pub phase: &'static str,
    pub to_move: Option<Side>,
    pub waited: Duration,
    /// Responsibility, role balance, cohesion, uncertainty.
    pub tracks: [i8; 4],
    pub scores: [i16; 2],
    pub symmetric: bool,
    pub paused: bool,
    pub over: bool,
}

const SHARED: [Meter; 4] = [
    Meter::Responsibility,
    Meter::RoleBalance,
    Meter::Cohesion,
    Meter::Uncertainty,
];

impl World {
    /// Every table of the class, in the order asked.
    pub fn overview(&self, sort: Sort) -> Vec<Row> {
        let mut rows: Vec<Row> = self.tables.values().map(|t| self.row(t)).collect();
        if sort == Sort::Waited {
            rows.sort_by_key(|r| (r.over, r.to_move.is_none(), std::cmp::Reverse(r.waited)));
        }
        rows
    }

    fn row(&self, t: &Table) -> Row {
        let game = t.play.game();
        let board = game.board();
        let phase = match game.phase() {
            Phase::Headline { .. } => "headline",
            Phase::Actions { .. } => "actions",
            Phase::Deal(_) => "deal",
            Phase::Over(_) => "over",
        };
        let to_move = game.to_move();
        Row {
            table: t.id,
            players: Side::BOTH.map(|s| self.seat_label(&t.seats[s.index()])),
            scenario: game
                .content()
                .scenario
                .as_ref()
                .map_or("-".into(), |s| s.id.clone()),
            round: board.round,
            phase: if t.paused.is_some() { "PAUSED" } else { phase },
            to_move,
            waited: if to_move.is_some() {
                t.moved_at.elapsed()
            } else {
                Duration::ZERO
            },
            tracks: SHARED.map(|m| game.meter(m)),
            scores: board.scores,
            symmetric: game.is_symmetric(),
            paused: t.paused.is_some(),
            over: game.is_over(),
        }
    }

    fn seat_label(&self, seat: &Seat) -> String {
        match seat {
            Seat::Open => "-".into(),
            Seat::Bot(_) => "(bot)".into(),
            Seat::Student { name, conn: None } => format!("{name}*"),
            Seat::Student {
                name,
                conn: Some(id),
            } => {
                let idle = self
                    .conns
                    .get(id)
                    .is_some_and(|c| c.last_key.elapsed() >= IDLE_MARK);
                if idle {
                    format!("{name}~")
                } else {
                    name.clone()
                }
            }
        }
    }
}

/// "45s", "12m", "1h05".
pub fn waited(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m", s / 60),
        _ => format!("{}h{:02}", s / 3600, s / 60 % 60),
    }
}

fn fit(text: &str, width: usize) -> String {
    let cut: String = text.chars().take(width).collect();
    format!("{cut:<width$}")
}

/// The column heads, matching [`line`].
pub const HEAD: &str =
    "Tbl Wash.     Seoul     Scenari Rd Phase    Move Wait Res Rol Coh Unc Score Sym";

/// One row in 80 columns.
pub fn line(r: &Row) -> String {
    let mover = match r.to_move {
        _ if r.over => "-",
        Some(Side::Washington) => "WAS",
        Some(Side::Seoul) => "SEO",
        None => "-",
    };
    let wait = if r.to_move.is_some() && !r.over {
        waited(r.waited)
    } else {
        "-".into()
    };
    let [a, b, c, d] = r.tracks;
    format!(
        "{:>3} {} {} {} {:>2} {} {:<4} {:<4} {a:>3} {b:>3} {c:>3} {d:>3} {:>2}-{:<2} {}",
        r.table,
        fit(&r.players[0], 9),
        fit(&r.players[1], 9),
        fit(&r.scenario, 7),
        r.round,
        fit(r.phase, 8),
        mover,
        wait,
        r.scores[0],
        r.scores[1],
        if r.symmetric { "yes" } else { "no" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_fits_80_columns_with_long_names() {
        let r = Row {
            table: 30,
            players: [
                "a-very-long-student-name*".into(),
                "another-long-one~".into(),
            ],
            scenario: "taiwan-strait".into(),
            round: 8,
            phase: "PAUSED",
            to_move: Some(Side::Seoul),
            waited: Duration::from_secs(3 * 3600 + 59 * 60),
            tracks: [-10, 10, 10, -10],
            scores: [99, 99],
            symmetric: false,
            paused: true,
            over: false,
        };
        assert!(line(&r).chars().count() <= 80, "{}", line(&r));
        assert!(HEAD.chars().count() <= 80);
        // The heads stand over their columns.
        assert_eq!(HEAD.find("Score"), line(&r).find("99-99"));
        assert_eq!(waited(Duration::from_secs(3725)), "1h02");
    }
}
