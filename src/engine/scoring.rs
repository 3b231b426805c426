//! How a summit scores the aims and how the final scores decide the game, as functions of the
//! board alone, so the summit and any "what if" (the other priority, another lens, no symmetry
//! bonus) share one rule.

use super::content::{Aim, Lens, Rules};
use super::ids::{METERS, Priority, Side};
use super::outcome::Ending;
use std::cmp::Ordering;

impl Aim {
    /// What this aim pays at a summit with its meter at `value` and Washington's priority at
    /// `priority`, and whether the priority doubled it.
    pub(crate) fn summit_points(&self, value: i8, priority: Priority) -> (i8, bool) {
        let points = self.score(value);
        let doubled = self.doubled_by == Some(priority);
        (
            if doubled {
                points.saturating_mul(2)
            } else {
                points
            },
            doubled,
        )
    }
}

impl Rules {
    /// What `side`'s aims pay together at a summit with these meters and this priority.
    pub fn aim_total(&self, side: Side, meters: &[i8; METERS], priority: Priority) -> i16 {
        self.aims[side.index()]
            .iter()
            .map(|aim| i16::from(aim.summit_points(meters[aim.meter.index()], priority).0))
            .sum()
    }

    /// How a game that reaches its last summit with these scores ends under `lens`.
    pub(crate) fn ending_under(&self, lens: Lens, scores: [i16; 2]) -> Ending {
        match lens {
            Lens::Relative => Ending::Relative {
                winner: match scores[0].cmp(&scores[1]) {
                    Ordering::Greater => Some(Side::Washington),
                    Ordering::Less => Some(Side::Seoul),
                    Ordering::Equal => None,
                },
            },
            Lens::Absolute => Ending::Absolute {
                success: Side::BOTH.map(|s| scores[s.index()] >= self.target(s)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Meter;

    #[test]
    fn the_priority_doubles_only_the_aims_it_names() {
        let aim = Aim {
            meter: Meter::UsCost,
            thresholds: vec![5, 7],
            points: vec![1, 2],
            doubled_by: Some(Priority::Deal),
        };
        assert_eq!(aim.summit_points(7, Priority::Deal), (4, true));
        assert_eq!(aim.summit_points(7, Priority::Strategy), (2, false));
        assert_eq!(aim.summit_points(0, Priority::Deal), (0, true));
    }
}
