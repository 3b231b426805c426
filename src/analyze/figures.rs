//! The running totals behind every figure: integer counts and histograms only, so adding games in
//! any order, on any number of threads, gives the same totals.

use super::cards::Deck;
use super::game::{DealSteps, GameTally, PlayKind, RuptureCause};
use super::tracks::TrackTotals;
use crate::engine::{Content, Ending, Lens, METERS, Meter, Outcome, Side, Standing};

/// Counts of whole-number values; the median comes from it without keeping every game.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Histogram(pub Vec<u64>);

impl Histogram {
    pub(crate) fn add(&mut self, value: usize) {
        if self.0.len() <= value {
            self.0.resize(value + 1, 0);
        }
        self.0[value] += 1;
    }
    pub(crate) fn merge(&mut self, o: &Histogram) {
        if self.0.len() < o.0.len() {
            self.0.resize(o.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a += b;
        }
    }
    pub(crate) fn count(&self) -> u64 {
        self.0.iter().sum()
    }
    /// The lower median (the middle value, or the lower of the two middle ones).
    pub fn median(&self) -> Option<usize> {
        let n = self.count();
        if n == 0 {
            return None;
        }
        let mut seen = 0;
        self.0.iter().position(|c| {
            seen += c;
            2 * seen >= n
        })
    }
    pub(crate) fn mean(&self) -> f64 {
        let sum: u64 = self.0.iter().enumerate().map(|(v, c)| v as u64 * c).sum();
        sum as f64 / self.count().max(1) as f64
    }
}

/// Card plays by the side that made them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlayMix {
    pub headlines: [u64; 2],
    pub events: [u64; 2],
    pub ops: [u64; 2],
    /// Plays of cards that belong to the other side.
    pub(crate) other_side: [u64; 2],
}

/// Everything the analyser adds up over the games.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub games: u64,
    pub wins: [u64; 2],
    pub draws: u64,
    pub success: [u64; 2],
    /// Successes recomputed under the relative and the absolute lens.
    pub success_by_lens: [[u64; 2]; 2],
    /// Ruptures blamed on Washington, on Seoul, and from outside.
    pub ruptures: [u64; 3],
    pub rupture_causes: [u64; RuptureCause::ALL.len()],
    /// Each game's lowest cohesion.
    pub lowest_cohesion: Histogram,
    pub symmetric: u64,
    /// Games that reached their last summit short of the symmetric alliance, by the test that
    /// failed at the end (a game may fail more than one): responsibility below and above its
    /// band, roles below and above theirs, cohesion under its floor.
    pub missed: [u64; 5],
    pub lead_changes: Histogram,
    /// Decisive games whose winner trailed after a summit from round 2 on.
    pub drama: u64,
    /// Games that reached their last summit (draws included): the final margin as per mille of
    /// the total score, and in points.
    pub margin_share: Histogram,
    pub margin_points: Histogram,
    pub summits: u64,
    pub priority_mattered: u64,
    pub(crate) summit_pairs: u64,
    pub(crate) stagnant_pairs: u64,
    /// Decisive games whose winner would differ without the symmetry bonus.
    pub symmetry_decided: u64,
    pub(crate) symmetry_points: [i64; 2],
    /// Per game and side: top-level decisions and deal steps.
    pub decisions: [Histogram; 2],
    pub deal_decisions: [Histogram; 2],
    pub handoffs: Histogram,
    pub plays: PlayMix,
    pub deals: DealSteps,
    pub deck: Deck,
    pub tracks: TrackTotals,
    /// The other side's cards left in each side's hand at the end, summed over games.
    pub hoarded: [u64; 2],
    /// Boosts and set-asides, by side (rules v2's leverage spending).
    pub leverage_uses: [[u64; 2]; 2],
    /// Successes of the first and second bot whatever their seat.
    pub(crate) bot_success: [u64; 2],
}

impl Totals {
    /// Adds one finished game; `swapped` says the second bot played Washington.
    pub fn add(&mut self, content: &Content, tally: &GameTally, o: &Outcome, swapped: bool) {
        let succeeded = Side::BOTH.map(|s| o.succeeded(s));
        self.games += 1;
        self.add_ending(content, tally, o);
        for side in Side::BOTH {
            let i = side.index();
            self.success[i] += u64::from(succeeded[i]);
            self.bot_success[i ^ usize::from(swapped)] += u64::from(succeeded[i]);
            self.symmetry_points[i] += i64::from(tally.symmetry_points[i]);
            self.decisions[i].add(tally.decisions[i] as usize);
            self.deal_decisions[i].add(tally.deal_decisions[i] as usize);
        }
        for (l, lens) in [Lens::Relative, Lens::Absolute].into_iter().enumerate() {
            let ending = match o.ending {
                Ending::Rupture { .. } => o.ending,
                _ => content.rules.ending_under(lens, o.scores),
            };
            let under = Outcome { ending, ..*o };
            for side in Side::BOTH {
                self.success_by_lens[l][side.index()] += u64::from(under.succeeded(side));
            }
        }
        self.symmetric += u64::from(o.symmetric);
        self.add_shape(tally);
        self.add_plays(content, tally);
        self.deals.merge(&tally.deals);
        self.deck.add(content, tally, succeeded);
        self.tracks.add(tally);
        for i in 0..2 {
            self.hoarded[i] += u64::from(tally.hoarded[i]);
            for u in 0..2 {
                self.leverage_uses[i][u] += u64::from(tally.leverage_uses[i][u]);
            }
        }
    }

    /// Which symmetry tests the final levels fail, for a game that reached its last summit.
    pub fn add_final_levels(&mut self, content: &Content, meters: &[i8; METERS], o: &Outcome) {
        if o.is_rupture() || o.symmetric {
            return;
        }
        for test in content.rules.symmetry_tests(meters) {
            let slot = match (test.meter, test.standing) {
                (_, Standing::Inside) => continue,
                (Meter::Responsibility, Standing::Below) => 0,
                (Meter::Responsibility, Standing::Above) => 1,
                (Meter::RoleBalance, Standing::Below) => 2,
                (Meter::RoleBalance, Standing::Above) => 3,
                _ => 4,
            };
            self.missed[slot] += 1;
        }
    }

    fn add_ending(&mut self, content: &Content, tally: &GameTally, o: &Outcome) {
        match o.ending {
            Ending::Rupture { blame } => {
                self.ruptures[blame.map_or(2, Side::index)] += 1;
                let cause = tally.rupture_cause.unwrap_or(RuptureCause::Rules);
                self.rupture_causes[cause.index()] += 1;
            }
            _ => {
                self.draws += u64::from(o.ending == Ending::Relative { winner: None });
                let [w, s] = o.scores;
                let total = i32::from(w.abs()) + i32::from(s.abs());
                let margin = (i32::from(w) - i32::from(s)).unsigned_abs();
                let share = (1000 * margin).checked_div(total as u32).unwrap_or(0);
                self.margin_share.add(share as usize);
                self.margin_points.add(margin as usize);
            }
        }
        let Some(winner) = o.winner() else { return };
        self.wins[winner.index()] += 1;
        self.drama += u64::from(tally.trailed(winner));
        if !o.is_rupture() {
            let bonus = tally.symmetry_points;
            let scores = [o.scores[0] - bonus[0], o.scores[1] - bonus[1]];
            let ending = content.rules.ending_under(content.rules.lens, scores);
            let without = Outcome { ending, ..*o };
            self.symmetry_decided += u64::from(without.winner() != Some(winner));
        }
    }

    fn add_shape(&mut self, tally: &GameTally) {
        self.lead_changes.add(tally.lead_changes() as usize);
        self.lowest_cohesion
            .add(tally.lowest_cohesion.max(0) as usize);
        let (stagnant, pairs) = tally.stagnation();
        self.stagnant_pairs += u64::from(stagnant);
        self.summit_pairs += u64::from(pairs);
        self.summits += tally.summits.len() as u64;
        self.priority_mattered +=
            tally.summits.iter().filter(|s| s.priority_mattered).count() as u64;
        self.handoffs.add(tally.handoffs as usize);
    }

    fn add_plays(&mut self, content: &Content, tally: &GameTally) {
        for play in &tally.plays {
            let s = play.side.index();
            let count = match play.kind {
                PlayKind::Headline => &mut self.plays.headlines,
                PlayKind::Event => &mut self.plays.events,
                PlayKind::Ops => &mut self.plays.ops,
                // Counted with the leverage uses, not as a card play.
                PlayKind::SetAside => continue,
            };
            count[s] += 1;
            let owner = content
                .cards
                .get(usize::from(play.card))
                .and_then(|c| c.side.owner());
            self.plays.other_side[s] += u64::from(owner == Some(play.side.other()));
        }
    }

    /// Adds another worker's totals.
    pub fn merge(&mut self, o: &Totals) {
        self.games += o.games;
        self.draws += o.draws;
        self.symmetric += o.symmetric;
        for (a, b) in self.missed.iter_mut().zip(o.missed) {
            *a += b;
        }
        self.drama += o.drama;
        self.summits += o.summits;
        self.priority_mattered += o.priority_mattered;
        self.summit_pairs += o.summit_pairs;
        self.stagnant_pairs += o.stagnant_pairs;
        self.symmetry_decided += o.symmetry_decided;
        for i in 0..2 {
            self.wins[i] += o.wins[i];
            self.success[i] += o.success[i];
            self.bot_success[i] += o.bot_success[i];
            self.symmetry_points[i] += o.symmetry_points[i];
            self.decisions[i].merge(&o.decisions[i]);
            self.deal_decisions[i].merge(&o.deal_decisions[i]);
            self.plays.headlines[i] += o.plays.headlines[i];
            self.plays.events[i] += o.plays.events[i];
            self.plays.ops[i] += o.plays.ops[i];
            self.plays.other_side[i] += o.plays.other_side[i];
            self.hoarded[i] += o.hoarded[i];
            for u in 0..2 {
                self.leverage_uses[i][u] += o.leverage_uses[i][u];
            }
            for l in 0..2 {
                self.success_by_lens[l][i] += o.success_by_lens[l][i];
            }
        }
        for (a, b) in self.ruptures.iter_mut().zip(o.ruptures) {
            *a += b;
        }
        for (a, b) in self.rupture_causes.iter_mut().zip(o.rupture_causes) {
            *a += b;
        }
        self.lead_changes.merge(&o.lead_changes);
        self.lowest_cohesion.merge(&o.lowest_cohesion);
        self.margin_share.merge(&o.margin_share);
        self.margin_points.merge(&o.margin_points);
        self.handoffs.merge(&o.handoffs);
        self.deals.merge(&o.deals);
        self.deck.merge(&o.deck);
        self.tracks.merge(&o.tracks);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_histogram_gives_the_lower_median_and_the_mean() {
        let mut a = Histogram::default();
        for v in [3, 1, 2, 2, 9] {
            a.add(v);
        }
        assert_eq!((a.median(), a.mean()), (Some(2), 17.0 / 5.0));
        a.add(9);
        assert_eq!(a.median(), Some(2), "the lower of the two middle values");
        let mut b = Histogram::default();
        b.add(12);
        b.merge(&a);
        assert_eq!((b.count(), b.median()), (7, Some(3)));
        assert_eq!(Histogram::default().median(), None);
    }

    #[test]
    fn an_asymmetric_ending_counts_every_test_it_failed_and_no_other() {
        let content = crate::content::Data::embedded()
            .build()
            .expect("valid data");
        let mut meters = [5i8; METERS];
        meters[Meter::Responsibility.index()] = 8;
        meters[Meter::RoleBalance.index()] = 5;
        meters[Meter::Cohesion.index()] = content.rules.cohesion_floor - 1;
        let ended = |ending, symmetric| Outcome {
            ending,
            scores: [0, 0],
            symmetric,
            round: 8,
        };
        let relative = Ending::Relative { winner: None };
        let mut t = Totals::default();
        t.add_final_levels(&content, &meters, &ended(relative, false));
        // Responsibility above its band and cohesion under its floor; the roles held.
        assert_eq!(t.missed, [0, 1, 0, 0, 1]);
        // A symmetric ending and a rupture count nothing.
        t.add_final_levels(&content, &meters, &ended(relative, true));
        t.add_final_levels(
            &content,
            &meters,
            &ended(Ending::Rupture { blame: None }, false),
        );
        assert_eq!(t.missed, [0, 1, 0, 0, 1]);
        meters[Meter::RoleBalance.index()] = 2;
        meters[Meter::Cohesion.index()] = content.rules.cohesion_floor;
        t.add_final_levels(&content, &meters, &ended(relative, false));
        assert_eq!(t.missed, [0, 2, 1, 0, 1]);
        let mut u = Totals::default();
        u.merge(&t);
        assert_eq!(u.missed, t.missed);
    }
}
