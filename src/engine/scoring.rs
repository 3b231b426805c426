//! How a summit scores the aims and how the final scores decide the game, as functions of the
//! board alone, so the summit and any "what if" (the other priority, another lens, no symmetry
//! bonus) share one rule.

use super::content::{Aim, Lens, Rules};
use super::ids::{METERS, Meter, Priority, Side};
use super::outcome::Ending;
use std::cmp::Ordering;

impl Aim {
    /// What this aim pays at a summit with its meter at `value`, Washington's priority at
    /// `priority` and the aim on the agenda `agenda` times more (0 when it is not on the table),
    /// and whether the priority doubled it. The priority adds the aim's points once more.
    pub(crate) fn summit_points(&self, value: i8, priority: Priority, agenda: i8) -> (i8, bool) {
        let points = self.score(value);
        let doubled = self.doubled_by == Some(priority);
        let times = 1 + i8::from(doubled) + agenda;
        (points.saturating_mul(times), doubled)
    }
}

impl Rules {
    /// How many times more an aim pays for being on the table (`agenda_weight`), or 0 off it.
    pub(crate) fn agenda_times(&self, on_table: bool) -> i8 {
        if on_table { self.agenda_weight } else { 0 }
    }

    /// What `side`'s aims pay together at a summit with these meters, this priority and
    /// `on_table` the aim on the agenda for each side.
    pub fn aim_total(
        &self,
        side: Side,
        meters: &[i8; METERS],
        priority: Priority,
        on_table: [Option<Meter>; 2],
    ) -> i16 {
        let table = on_table[side.index()];
        self.aims[side.index()]
            .iter()
            .map(|aim| {
                let value = meters[aim.meter.index()];
                i16::from(
                    aim.summit_points(value, priority, self.agenda_times(table == Some(aim.meter)))
                        .0,
                )
            })
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

    #[test]
    fn the_priority_doubles_only_the_aims_it_names() {
        let aim = Aim {
            meter: Meter::UsCost,
            thresholds: vec![5, 7],
            points: vec![1, 2],
            doubled_by: Some(Priority::Deal),
        };
        assert_eq!(aim.summit_points(7, Priority::Deal, 0), (4, true));
        assert_eq!(aim.summit_points(7, Priority::Strategy, 0), (2, false));
        assert_eq!(aim.summit_points(0, Priority::Deal, 0), (0, true));
        // The agenda adds the points once more, on top of the priority.
        assert_eq!(aim.summit_points(7, Priority::Deal, 1), (6, true));
        assert_eq!(aim.summit_points(7, Priority::Strategy, 1), (4, false));
        // A heavier agenda (`agenda_weight = 3`) adds them three times more.
        assert_eq!(aim.summit_points(7, Priority::Strategy, 3), (8, false));
        assert_eq!(aim.summit_points(7, Priority::Deal, 3), (10, true));
    }
}
