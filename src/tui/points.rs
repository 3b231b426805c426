//! Where each side's points came from, for the end screen: each aim, the symmetry bonus, the
//! summit pressures and every other score effect (cards, shocks), summed from the game's
//! `Scored` events, never re-derived from the board.

use crate::engine::{Cause, Event, Meter, Rules, ScoreReason, Side};
use std::path::Path;

/// One side's points, split by what paid them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SidePoints {
    /// Each of the side's aims, in the rules' order, with the points it paid.
    pub aims: Vec<(Meter, i16)>,
    /// The symmetry bonus, over every symmetric summit.
    pub bonus: i16,
    /// Points the rules' summit pressures moved.
    pub pressure: i16,
    /// Points cards' and shocks' score effects moved.
    pub events: i16,
}

impl SidePoints {
    /// The sum of every part: the side's final score when the game started at 0.
    pub fn total(&self) -> i16 {
        self.aims.iter().map(|(_, p)| p).sum::<i16>() + self.bonus + self.pressure + self.events
    }
}

/// Both sides' points, indexed by [`Side::index`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Points(pub [SidePoints; 2]);

impl Points {
    /// Sums the `Scored` events of a whole game under `rules`.
    pub fn from_events<'a>(rules: &Rules, events: impl IntoIterator<Item = &'a Event>) -> Points {
        let mut points = Points(Side::BOTH.map(|side| {
            SidePoints {
                aims: rules.aims[side.index()]
                    .iter()
                    .map(|a| (a.meter, 0))
                    .collect(),
                ..SidePoints::default()
            }
        }));
        for e in events {
            if let Event::Scored {
                side,
                points: p,
                reason,
                cause,
            } = e
            {
                points.add(*side, i16::from(*p), *reason, *cause);
            }
        }
        points
    }

    fn add(&mut self, side: Side, p: i16, reason: ScoreReason, cause: Cause) {
        let s = &mut self.0[side.index()];
        match (reason, cause) {
            (ScoreReason::Aim { meter, .. }, _) => {
                match s.aims.iter_mut().find(|(m, _)| *m == meter) {
                    Some((_, sum)) => *sum += p,
                    None => s.aims.push((meter, p)),
                }
            }
            (ScoreReason::Symmetry | ScoreReason::Band { .. }, _) => s.bonus += p,
            (ScoreReason::Effect, Cause::Pressure { .. }) => s.pressure += p,
            (ScoreReason::Effect, _) => s.events += p,
        }
    }

    /// The points of the game a session has played, from its record replayed (so a resumed or
    /// taken-back game counts exactly what happened); `None` if the record does not replay.
    pub fn of_session(play: &crate::classroom::Session) -> Option<Points> {
        let content = play.game().content().clone();
        let timeline = play.record().replay(Path::new("this game"), content).ok()?;
        let events = timeline.setup.iter().chain(timeline.steps.iter().flatten());
        Some(Points::from_events(&play.game().content().rules, events))
    }
}
