//! The rule tests that bots and screens ask the engine rather than re-derive: requirements, the
//! ops a card gives, symmetry, and what a deal does to cohesion. Each takes plain pieces (a board,
//! levels a bot has sketched) so a fast "what if" can ask them without cloning a game.

use super::content::{CardId, Content, DealRules, Rules, Shock, TrackDef};
use super::effect::Condition;
use super::event::Fizzle;
use super::ids::{Duration, METERS, Meter, Priority, Side};
use super::state::{Board, Deal};

/// Everything a requirement reads: levels and priority (which a bot's sketch may have moved) and,
/// from the board, the shocks in play and the cards played.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Situation<'a> {
    pub shocks: &'a [Shock],
    pub board: &'a Board,
    pub meters: &'a [i8; METERS],
    pub priority: Priority,
}

impl<'a> Situation<'a> {
    /// The situation the board itself shows.
    pub(crate) fn of_board(content: &'a Content, board: &'a Board) -> Self {
        Situation {
            shocks: &content.shocks,
            board,
            meters: &board.meters,
            priority: board.priority,
        }
    }

    /// Whether every condition holds. Inlined, like the tests below: bots ask them hundreds of
    /// thousands of times a second.
    #[inline]
    pub(crate) fn holds(&self, conditions: &[Condition]) -> bool {
        // A plain loop rather than `all`, which the compiler left as a call at every card.
        for c in conditions {
            if !self.holds_one(c) {
                return false;
            }
        }
        true
    }

    /// Whether one condition holds.
    #[inline]
    pub(crate) fn holds_one(&self, condition: &Condition) -> bool {
        match *condition {
            Condition::AtLeast { meter, value } => self.meters[meter.index()] >= value,
            Condition::AtMost { meter, value } => self.meters[meter.index()] <= value,
            Condition::Priority { is } => self.priority == is,
            Condition::Structural { domain } => self.board.in_play.iter().any(|s| {
                let shock = &self.shocks[usize::from(*s)];
                shock.duration == Duration::Structural && domain.is_none_or(|d| d == shock.domain)
            }),
            Condition::Played { card } => self.board.played.contains(card.0),
        }
    }

    /// Why a card's event could not fire here, if it could not. Inlined, and the requirement
    /// test skipped for the many cards without one: move generation asks this of every card in
    /// hand at every decision.
    #[inline]
    pub(crate) fn event_blocked(&self, content: &Content, card: CardId) -> Option<Fizzle> {
        let requires = &content.card(card).requires;
        if self.board.prevented.contains(card) {
            Some(Fizzle::Prevented)
        } else if !requires.is_empty() && !self.holds(requires) {
            Some(Fizzle::Requirement)
        } else {
            None
        }
    }
}

impl Content {
    /// The operations points a card gives on this board, after the shocks in play.
    pub(crate) fn ops_value(&self, card: CardId, board: &Board) -> u8 {
        let c = self.card(card);
        let modifier: i16 = board
            .in_play
            .iter()
            .filter_map(|s| self.shock(*s).ops_mod)
            .filter(|(kind, _)| *kind == c.kind)
            .map(|(_, by)| i16::from(by))
            .sum();
        (i16::from(c.ops) + modifier).clamp(1, 9) as u8
    }

    /// The track moves, in order, that `side` makes playing `card` for ops option `option` worth
    /// `points`. Empty for an option the card does not have.
    pub(crate) fn ops_moves(
        &self,
        side: Side,
        card: CardId,
        option: u8,
        points: u8,
    ) -> impl Iterator<Item = (Meter, i32)> + '_ {
        let options = self.rules.ops_options(side, self.card(card).kind);
        let steps = options
            .get(usize::from(option))
            .map_or(&[][..], |o| &o.per_point[..]);
        steps
            .iter()
            .map(move |s| (s.meter, s.scaled(i32::from(points))))
    }
}

impl TrackDef {
    /// Where a level at `from` lands after moving `by` steps, held to the track's range.
    #[inline]
    pub(crate) fn moved(&self, from: i8, by: i32) -> i8 {
        (i32::from(from) + by).clamp(i32::from(self.min), i32::from(self.max)) as i8
    }

    /// Whether a move from `from` to `to` ended at an end of the track's range, so a move further
    /// that way would change nothing: `Some(true)` at the top, `Some(false)` at the bottom.
    pub fn stopped_at_end(&self, from: i8, to: i8) -> Option<bool> {
        match to.cmp(&from) {
            std::cmp::Ordering::Greater if to >= self.max => Some(true),
            std::cmp::Ordering::Less if to <= self.min => Some(false),
            _ => None,
        }
    }
}

/// Where a level stands against the band (or floor) the symmetry rule asks of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    Below,
    Inside,
    Above,
}

/// One test of the symmetry rule: a meter, the range it must lie in (`hi` is `None` for the
/// cohesion floor) and where it stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SymmetryTest {
    pub meter: Meter,
    pub value: i8,
    pub(crate) lo: i8,
    pub(crate) hi: Option<i8>,
    pub(crate) standing: Standing,
}

impl SymmetryTest {
    #[inline]
    fn new(meter: Meter, value: i8, lo: i8, hi: Option<i8>) -> Self {
        let standing = if value < lo {
            Standing::Below
        } else if hi.is_some_and(|h| value > h) {
            Standing::Above
        } else {
            Standing::Inside
        };
        SymmetryTest {
            meter,
            value,
            lo,
            hi,
            standing,
        }
    }

    /// How many steps the level is outside its range.
    #[inline]
    pub(crate) fn steps_off(&self) -> i32 {
        let below = i32::from(self.lo) - i32::from(self.value);
        let above = self.hi.map_or(0, |h| i32::from(self.value) - i32::from(h));
        below.max(0) + above.max(0)
    }
}

impl Rules {
    /// The symmetry rule's tests at these levels: each balance with a band, then cohesion
    /// against its floor.
    #[inline]
    pub(crate) fn symmetry_tests(
        &self,
        meters: &[i8; METERS],
    ) -> impl Iterator<Item = SymmetryTest> {
        let band = |m: Meter| {
            let (lo, hi) = self.track(m).band?;
            Some(SymmetryTest::new(m, meters[m.index()], lo, Some(hi)))
        };
        let cohesion = meters[Meter::Cohesion.index()];
        [
            band(Meter::Responsibility),
            band(Meter::RoleBalance),
            Some(SymmetryTest::new(
                Meter::Cohesion,
                cohesion,
                self.cohesion_floor,
                None,
            )),
        ]
        .into_iter()
        .flatten()
    }

    /// Whether the alliance is symmetric at these levels: both balances in their bands and
    /// cohesion at or above its floor.
    pub(crate) fn is_symmetric(&self, meters: &[i8; METERS]) -> bool {
        self.symmetry_tests(meters)
            .all(|t| t.standing == Standing::Inside)
    }
}

/// The shape of a deal's bundle, which decides its cohesion effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealShape {
    /// Nothing given and nothing asked yet.
    Empty,
    /// Something given, nothing asked.
    Gift,
    /// Both sides give.
    Mutual,
    /// Nothing given, something asked.
    Bare,
}

impl Deal {
    /// The shape of the bundle on the table: what cohesion rule applies if it is accepted.
    pub(crate) fn shape(&self) -> DealShape {
        match (self.gives.is_empty(), self.asks.is_empty()) {
            (true, true) => DealShape::Empty,
            (false, true) => DealShape::Gift,
            (false, false) => DealShape::Mutual,
            (true, false) => DealShape::Bare,
        }
    }

    /// Whether the opener may still earn the mutual-deal cohesion bonus this round.
    pub(crate) fn bonus_open(&self, board: &Board) -> bool {
        !board.deal_bonus_used[self.opener.index()]
    }

    /// The cohesion an accepted deal moves besides its terms: the mutual bonus (once a round for
    /// each opener) or the cost of a bare demand.
    pub(crate) fn accept_cohesion(&self, rules: &DealRules, board: &Board) -> i8 {
        match self.shape() {
            DealShape::Mutual if self.bonus_open(board) => rules.mutual_cohesion,
            DealShape::Bare => rules.bare_cohesion,
            _ => 0,
        }
    }
}

impl DealRules {
    /// The moves a rejected bare demand makes, in order: leverage to the demander, then the cost
    /// in cohesion.
    pub(crate) fn bare_rejection(&self, demander: Side) -> [(Meter, i8); 2] {
        [
            (Meter::leverage(demander), self.bare_reject_leverage),
            (Meter::Cohesion, self.bare_cohesion),
        ]
    }

    /// Whether `term` may join `deal`'s gives (or, with `ask`, its asks) on this board: there is
    /// room, it is not there yet, and it is the giver's to give (a vocabulary term's requirement
    /// holds; a card is in `giver_hand`, and cards are never asked for).
    pub(crate) fn term_allowed(
        &self,
        situation: &Situation,
        deal: &Deal,
        ask: bool,
        term: super::action::Term,
        giver_hand: &[CardId],
    ) -> bool {
        use super::action::Term;
        let (list, giver) = if ask {
            (&deal.asks, deal.offerer.other())
        } else {
            (&deal.gives, deal.offerer)
        };
        if list.len() >= usize::from(self.max_terms) || list.contains(term) {
            return false;
        }
        match term {
            Term::Vocab(t) => self
                .terms
                .get(usize::from(t))
                .is_some_and(|d| d.giver == giver && situation.holds(&d.requires)),
            Term::Card(card) => !ask && giver_hand.contains(&card),
        }
    }
}

/// Why a card's event cannot fire on a game's board now, for screens that show the event greyed
/// with its reason rather than leave it out: the screen asks here and re-derives nothing.
impl super::state::Game {
    /// `None` if the card's event can fire now; else why not (prevented, or a requirement), with
    /// the card's requirements that fail on this board (empty when it has been prevented).
    pub fn event_bar(&self, card: CardId) -> Option<(Fizzle, Vec<Condition>)> {
        let situation = Situation::of_board(self.content(), self.board());
        let why = situation.event_blocked(self.content(), card)?;
        let unmet = match why {
            Fizzle::Prevented => Vec::new(),
            Fizzle::Requirement => {
                let requires = &self.content().card(card).requires;
                requires
                    .iter()
                    .filter(|c| !situation.holds_one(c))
                    .copied()
                    .collect()
            }
        };
        Some((why, unmet))
    }
}

/// The side ahead on these scores, or `None` on a tie.
pub fn leader(scores: [i16; 2]) -> Option<Side> {
    leader_on(scores, None)
}

/// The side ahead on these scores as a lens reads them: the higher score, or, given the absolute
/// lens's `targets`, the larger share of its own target (each side plays to its own there, so
/// Seoul's higher target does not make it the leader). `None` on a tie.
pub fn leader_on(scores: [i16; 2], targets: Option<[i16; 2]>) -> Option<Side> {
    let [w, s] = scores.map(i32::from);
    let (w, s) = match targets {
        Some([tw, ts]) => (w * i32::from(ts.max(1)), s * i32::from(tw.max(1))),
        None => (w, s),
    };
    match w.cmp(&s) {
        std::cmp::Ordering::Greater => Some(Side::Washington),
        std::cmp::Ordering::Less => Some(Side::Seoul),
        std::cmp::Ordering::Equal => None,
    }
}

/// The summits after which the lead changed hands, as (round, new leader), from each summit's
/// round and scores in order. The leader after a summit is the side ahead (a tie names none),
/// and each named leader who differs from the last one named is a change; `targets` reads the
/// lead as the absolute lens does ([`leader_on`]). `alliance analyze` counts these and the end
/// screen names them, so both read one rule.
pub fn lead_changes(
    summits: impl IntoIterator<Item = (u8, [i16; 2])>,
    targets: Option<[i16; 2]>,
) -> Vec<(u8, Side)> {
    let mut last = None;
    let mut changes = Vec::new();
    for (round, now) in summits
        .into_iter()
        .filter_map(|(r, s)| leader_on(s, targets).map(|l| (r, l)))
    {
        if last.is_some_and(|l| l != now) {
            changes.push((round, now));
        }
        last = Some(now);
    }
    changes
}

impl Board {
    /// The summits of this game so far after which the lead changed hands ([`lead_changes`]),
    /// read from the board's summit snapshots (the start, round 0, is no summit), under the
    /// lens of `rules`.
    pub fn lead_changes(&self, rules: &Rules) -> Vec<(u8, Side)> {
        lead_changes(
            self.history
                .iter()
                .filter(|s| s.round > 0)
                .map(|s| (s.round, s.scores)),
            rules.lead_targets(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Game, Term};
    use std::sync::Arc;

    fn game() -> Game {
        let content = crate::content::Data::embedded()
            .build()
            .expect("valid data");
        Game::new(Arc::new(content), 1)
    }

    #[test]
    fn the_lead_changes_when_a_named_leader_differs_from_the_last_one_named() {
        // A tie names no leader, so Seoul after Washington through a tie is still one change.
        let summits = [
            (1, [0, 3]),
            (2, [5, 5]),
            (3, [9, 6]),
            (4, [9, 9]),
            (5, [10, 12]),
        ];
        assert_eq!(
            lead_changes(summits, None),
            vec![(3, Side::Washington), (5, Side::Seoul)]
        );
        assert_eq!(leader([2, 2]), None);
        assert!(lead_changes([(1, [4, 1]), (2, [6, 1])], None).is_empty());
    }

    #[test]
    fn under_the_absolute_lens_the_lead_is_the_larger_share_of_a_target() {
        // Targets 40 and 60: 20 of 40 is half, 24 of 60 two fifths, so Washington leads on the
        // lower score; 30 of 60 is level with 20 of 40.
        let targets = Some([40, 60]);
        assert_eq!(leader_on([20, 24], targets), Some(Side::Washington));
        assert_eq!(leader([20, 24]), Some(Side::Seoul));
        assert_eq!(leader_on([20, 30], targets), None);
        assert_eq!(leader_on([20, 33], targets), Some(Side::Seoul));
        let summits = [(1, [10, 12]), (2, [20, 33]), (3, [36, 50])];
        assert_eq!(
            lead_changes(summits, targets),
            vec![(2, Side::Seoul), (3, Side::Washington)]
        );
        assert!(lead_changes(summits, None).is_empty());
    }
    #[test]
    fn symmetry_tests_say_where_each_level_stands_and_how_far_off() {
        let g = game();
        let rules = &g.content().rules;
        let (lo, hi) = rules.track(Meter::Responsibility).band.expect("a band");
        let mut meters = g.board().meters;
        meters[Meter::Responsibility.index()] = lo - 2;
        meters[Meter::Cohesion.index()] = rules.cohesion_floor;
        let tests: Vec<SymmetryTest> = rules.symmetry_tests(&meters).collect();
        assert_eq!(tests.len(), 3);
        assert_eq!(
            (tests[0].standing, tests[0].steps_off()),
            (Standing::Below, 2)
        );
        assert_eq!((tests[2].standing, tests[2].hi), (Standing::Inside, None));
        meters[Meter::Responsibility.index()] = hi + 1;
        let first = rules.symmetry_tests(&meters).next().expect("a test");
        assert_eq!((first.standing, first.steps_off()), (Standing::Above, 1));
        assert!(!rules.is_symmetric(&meters));
        meters[Meter::Cohesion.index()] = rules.cohesion_floor - 1;
        let last = rules.symmetry_tests(&meters).last().expect("a test");
        assert_eq!((last.standing, last.steps_off()), (Standing::Below, 1));
    }

    #[test]
    fn a_deal_moves_cohesion_by_its_shape_and_the_round_bonus() {
        let g = game();
        let rules = &g.content().rules.deals;
        let mut board = g.board().clone();
        let mut deal = Deal::open(Side::Seoul);
        assert_eq!(deal.shape(), DealShape::Empty);
        assert_eq!(deal.accept_cohesion(rules, &board), 0);
        deal.asks.push(Term::Vocab(0));
        assert_eq!(deal.shape(), DealShape::Bare);
        assert_eq!(deal.accept_cohesion(rules, &board), rules.bare_cohesion);
        deal.gives.push(Term::Vocab(1));
        assert_eq!(deal.shape(), DealShape::Mutual);
        assert_eq!(deal.accept_cohesion(rules, &board), rules.mutual_cohesion);
        board.deal_bonus_used[Side::Seoul.index()] = true;
        assert_eq!(deal.accept_cohesion(rules, &board), 0);
        let [lev, coh] = rules.bare_rejection(Side::Seoul);
        assert_eq!(
            lev,
            (Meter::leverage(Side::Seoul), rules.bare_reject_leverage)
        );
        assert_eq!(coh, (Meter::Cohesion, rules.bare_cohesion));
    }

    #[test]
    fn a_term_needs_room_novelty_and_its_giver() {
        let g = game();
        let (content, board) = (g.content(), g.board());
        let rules = &content.rules.deals;
        let situation = Situation::of_board(content, board);
        let deal = Deal::open(Side::Washington);
        let (t, own) = rules
            .terms
            .iter()
            .enumerate()
            .find(|(_, d)| d.giver == Side::Washington && situation.holds(&d.requires))
            .expect("a term Washington may give");
        let v = Term::Vocab(t as u8);
        assert!(rules.term_allowed(&situation, &deal, false, v, &[]));
        assert!(
            !rules.term_allowed(&situation, &deal, true, v, &[]),
            "{} is not Seoul's",
            own.id
        );
        let mut with = deal;
        with.gives.push(v);
        assert!(
            !rules.term_allowed(&situation, &with, false, v, &[]),
            "twice"
        );
        let card = Term::Card(3);
        assert!(rules.term_allowed(&situation, &deal, false, card, &[3]));
        assert!(
            !rules.term_allowed(&situation, &deal, false, card, &[4]),
            "not held"
        );
        assert!(
            !rules.term_allowed(&situation, &deal, true, card, &[3]),
            "cards are not asked"
        );
    }

    #[test]
    fn a_blocked_event_names_the_requirements_that_fail() {
        let g = game();
        let content = g.content();
        let situation = Situation::of_board(content, g.board());
        let mut checked = 0;
        for i in 0..content.cards.len() {
            let card = CardId::try_from(i).expect("a card id");
            let requires = &content.card(card).requires;
            let failing: Vec<Condition> = requires
                .iter()
                .filter(|c| !situation.holds_one(c))
                .copied()
                .collect();
            match g.event_bar(card) {
                None => assert!(
                    failing.is_empty(),
                    "card {i} fires with {failing:?} failing"
                ),
                Some((Fizzle::Requirement, unmet)) => assert_eq!(unmet, failing, "card {i}"),
                Some((Fizzle::Prevented, unmet)) => assert!(unmet.is_empty()),
            }
            checked += usize::from(!requires.is_empty());
        }
        assert!(checked > 0, "no card with a requirement to check");
    }
}
