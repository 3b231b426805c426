//! Whether the tracks keep moving: how far each meter rises and falls, and how soon and how long
//! each aim sits at its top threshold, where it stops paying anything new.

use super::game::GameTally;
use crate::engine::{Content, METERS, Meter, Side};
use serde::Serialize;

/// Running counts for the meters and aims.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackTotals {
    pub rises: [u64; METERS],
    pub falls: [u64; METERS],
    /// Per aim: summits at its top, games in which it got there, and the sum of the first rounds.
    pub aims: Vec<[u64; 3]>,
    /// Summits seen, the denominator for the aims.
    pub summits: u64,
}

impl TrackTotals {
    pub(crate) fn add(&mut self, tally: &GameTally) {
        for m in 0..METERS {
            self.rises[m] += u64::from(tally.rises[m]);
            self.falls[m] += u64::from(tally.falls[m]);
        }
        if self.aims.len() < tally.aims_at_top.len() {
            self.aims.resize(tally.aims_at_top.len(), [0; 3]);
        }
        for (a, (summits, first)) in self.aims.iter_mut().zip(&tally.aims_at_top) {
            a[0] += u64::from(*summits);
            if let Some(round) = first {
                a[1] += 1;
                a[2] += u64::from(*round);
            }
        }
        self.summits += tally.summits.len() as u64;
    }

    pub(crate) fn merge(&mut self, o: &TrackTotals) {
        for m in 0..METERS {
            self.rises[m] += o.rises[m];
            self.falls[m] += o.falls[m];
        }
        if self.aims.len() < o.aims.len() {
            self.aims.resize(o.aims.len(), [0; 3]);
        }
        for (a, b) in self.aims.iter_mut().zip(&o.aims) {
            for i in 0..3 {
                a[i] += b[i];
            }
        }
        self.summits += o.summits;
    }
}

/// One meter's movement, per game.
#[derive(Clone, Debug, Serialize)]
pub struct MeterRow {
    pub meter: Meter,
    pub(crate) rises_per_game: f64,
    pub(crate) falls_per_game: f64,
}

/// One aim's saturation.
#[derive(Clone, Debug, Serialize)]
pub struct AimRow {
    pub side: Side,
    pub meter: Meter,
    pub(crate) top_threshold: i8,
    /// Summits at which the meter stood at the top threshold.
    pub(crate) at_top_share: f64,
    /// Games in which it reached the top at some summit, and the mean first round it did.
    pub(crate) reached_share: f64,
    pub(crate) mean_first_round: f64,
}

/// The per-meter and per-aim rows over `games` games.
pub(crate) fn track_rows(
    content: &Content,
    t: &TrackTotals,
    games: u64,
) -> (Vec<MeterRow>, Vec<AimRow>) {
    let n = games.max(1) as f64;
    let meters = Meter::ALL
        .iter()
        .map(|&meter| MeterRow {
            meter,
            rises_per_game: t.rises[meter.index()] as f64 / n,
            falls_per_game: t.falls[meter.index()] as f64 / n,
        })
        .collect();
    let rules = &content.rules;
    let aims = Side::BOTH
        .iter()
        .flat_map(|&side| rules.aims[side.index()].iter().map(move |a| (side, a)))
        .enumerate()
        .map(|(i, (side, aim))| {
            let [at_top, reached, first] = t.aims.get(i).copied().unwrap_or_default();
            AimRow {
                side,
                meter: aim.meter,
                top_threshold: aim.thresholds.last().copied().unwrap_or(0),
                at_top_share: 100.0 * at_top as f64 / t.summits.max(1) as f64,
                reached_share: 100.0 * reached as f64 / n,
                mean_first_round: first as f64 / reached.max(1) as f64,
            }
        })
        .collect();
    (meters, aims)
}
