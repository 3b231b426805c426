//! Position evaluation shared by the greedy and hard bots: what a position is worth to one side
//! under the scenario's lens, in [-1, 1]. It projects the final score from the current levels
//! (points come from levels at every remaining summit) and discounts by the risk of a rupture.

use crate::engine::{
    Aim, Board, Condition, Content, Effect, Ending, Lens, METERS, Meter, Outcome, Pressure,
    Priority, Rules, Shock, Side, Situation,
};

/// The public quantities an evaluation reads, copied so bots can play "what if" cheaply.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Position<'a> {
    /// The board the position was sketched from: requirements read its shocks and played cards.
    pub board: &'a Board,
    pub meters: [i8; METERS],
    pub scores: [i16; 2],
    pub priority: Priority,
    pub round: u8,
    /// Points of value not shown on the board: cards gained, extra actions, bigger shocks.
    pub extra: [f32; 2],
    /// Set when cohesion reached 0: the side to blame, or `None` for an outside cause.
    pub rupture: Option<Option<Side>>,
}

impl<'a> Position<'a> {
    /// The position as the board shows it, with nothing off the board yet.
    pub(crate) fn of(board: &'a Board) -> Position<'a> {
        Position {
            board,
            meters: board.meters,
            scores: board.scores,
            priority: board.priority,
            round: board.round,
            extra: [0.0; 2],
            rupture: None,
        }
    }
}

/// What the chance of a rupture costs a cautious bot, per unit of chance. A rupture ends the game
/// for both; at 1.3 it weighs more than a plain loss, so that bots keep the alliance alive even
/// when behind. At exactly 1.0 a side that is failing anyway is indifferent to a rupture, and
/// under the absolute lens bots then gamble the alliance away in a game in three
/// (docs/BALANCE.md).
const RUPTURE_FEAR: f32 = 1.3;
/// What a realist makes of a rupture no one is blamed for under the relative lens: both sides
/// lose, which is worse than a draw (0) but not as bad as the rival's win (-1). At 0 a side that
/// is behind brings the alliance down in nine games in ten; at -0.85 no one ever does; at -0.7
/// strong players rupture in about one game in seventeen (docs/BALANCE.md).
const SHARED_LOSS: f32 = -0.7;

/// How a bot weighs a rupture that no one is blamed for (both sides lose).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Temper {
    /// Keeps the alliance alive even when behind: a shared loss counts as a loss and its chance
    /// costs [`RUPTURE_FEAR`]. The greedy bot looks one move ahead and cannot see a brink coming,
    /// so it plays this way.
    Cautious,
    /// Under the relative lens a shared loss is worth [`SHARED_LOSS`], its chance as much: a side
    /// far behind will let the alliance fail rather than lose alone, so the side ahead has to
    /// keep its partner invested. Under the absolute lens a rupture no one is blamed for is what
    /// it is, a failure for both: worth a failure's base value (`-TARGET_VALUE`, without the margin's
    /// tilt), so a side on course for its target has everything to lose and a side far short
    /// little. The search bot plays this way.
    Realist,
}
/// The value of reaching (or missing) one's target under the absolute lens, before the margin's
/// small tilt.
const TARGET_VALUE: f32 = 0.9;
/// Projected points a side's layer level is worth (layers absorb shock damage to Seoul's items).
const LAYER_WORTH: f32 = 0.35;
/// How much the smooth progress towards the next threshold counts beside the exact points.
const PROGRESS: f32 = 0.35;

/// Points an aim scores at `value`, plus partial credit for progress towards the next threshold,
/// so that steps which do not yet cross a threshold still count for something.
pub(crate) fn aim_worth(aim: &Aim, value: i8) -> f32 {
    let exact = f32::from(aim.score(value));
    let mut prev = (0i8, 0f32);
    for (t, p) in aim.thresholds.iter().zip(&aim.points) {
        if value < *t {
            let span = f32::from((*t - prev.0).max(1));
            let frac = f32::from(value - prev.0).max(0.0) / span;
            return exact + PROGRESS * frac * (f32::from(*p) - prev.1);
        }
        prev = (*t, f32::from(*p));
    }
    exact
}

/// How many steps the alliance is from symmetric, summed over the engine's symmetry tests.
pub(crate) fn symmetry_gap(rules: &Rules, meters: &[i8; METERS]) -> i32 {
    rules.symmetry_tests(meters).map(|t| t.steps_off()).sum()
}

/// The effects of the pressures that hold now (the engine's test of their conditions, at the
/// sketched levels): what the next summit will do if nothing changes.
fn pressing<'r>(
    rules: &'r Rules,
    shocks: &'r [Shock],
    pos: &'r Position,
) -> impl Iterator<Item = &'r Effect> {
    let situation = Situation {
        shocks,
        board: pos.board,
        meters: &pos.meters,
        priority: pos.priority,
    };
    rules
        .pressures
        .iter()
        .filter(move |p| p.when.iter().all(|c| situation.holds_one(c)))
        .flat_map(|p| &p.effects)
}

/// Cohesion lost at the next summit to the pressures that hold now.
pub(crate) fn pressure_drain(rules: &Rules, shocks: &[Shock], pos: &Position) -> i32 {
    pressing(rules, shocks, pos)
        .map(|e| match e {
            Effect::Move {
                meter: Meter::Cohesion,
                by,
            } => i32::from(*by),
            _ => 0,
        })
        .sum()
}

/// Points the pressures pay `side` at the next summit if nothing changes before it. The engine
/// fires them in order, each testing its condition as the ones before it left the tracks (a
/// pressure that pulls its track back can take a later one's condition away), so this walks
/// them the same way on a copy of the levels. A pressure's `score` effects name their side.
#[cfg(test)]
pub(crate) fn pressure_points(rules: &Rules, shocks: &[Shock], pos: &Position, side: Side) -> i32 {
    points_of(&rules.pressures, rules, shocks, pos, side)
}

/// [`pressure_points`] over `pressures`, in their order.
fn points_of(
    pressures: &[Pressure],
    rules: &Rules,
    shocks: &[Shock],
    pos: &Position,
    side: Side,
) -> i32 {
    let mut meters = pos.meters;
    let mut points = 0;
    for p in pressures {
        let situation = Situation {
            shocks,
            board: pos.board,
            meters: &meters,
            priority: pos.priority,
        };
        if !p.when.iter().all(|c| situation.holds_one(c)) {
            continue;
        }
        for e in &p.effects {
            match *e {
                Effect::Score { who, points: n } if who.resolve(Side::Washington) == side => {
                    points += i32::from(n);
                }
                Effect::Move { meter, by } => {
                    let m = &mut meters[meter.index()];
                    *m = rules.track(meter).moved(*m, i32::from(by));
                }
                _ => {}
            }
        }
    }
    points
}

/// The pressures that can change what the pressures pay, in order: those that pay, and those
/// before them that move a meter a later one's condition reads. The rest move nothing that
/// matters to [`pressure_points`], and the bots skip them at every evaluation.
fn paying_pressures(rules: &Rules) -> Vec<Pressure> {
    let mut read = [false; METERS];
    let mut kept = Vec::new();
    for p in rules.pressures.iter().rev() {
        let pays = p.scores();
        let feeds = p
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Move { meter, .. } if read[meter.index()]));
        if pays || feeds {
            for c in &p.when {
                if let Condition::AtLeast { meter, .. } | Condition::AtMost { meter, .. } = c {
                    read[meter.index()] = true;
                }
            }
            kept.push(p.clone());
        }
    }
    kept.reverse();
    kept
}

/// A rational approximation of tanh (within 2% and exactly monotone), several times cheaper than
/// the library's; bots call it hundreds of thousands of times a second.
pub(crate) fn fast_tanh(x: f32) -> f32 {
    let x = x.clamp(-3.0, 3.0);
    let x2 = x * x;
    x * (27.0 + x2) / (27.0 + 9.0 * x2)
}

/// A side's standing against its own target (the absolute lens), from its projected margin in
/// tens of points: x / (1 + |x|), which never flattens. A reading that saturates ([`fast_tanh`]
/// is exactly -1 from 30 points short) makes a side far from its target, as both are early in a
/// full game while the projection holds the levels of round 1, see every move as equally lost
/// and choose among ties: greedy players then scored about 30 points a game less
/// (docs/BALANCE.md).
pub(crate) fn standing(x: f32) -> f32 {
    x / (1.0 + x.abs())
}

/// The chance the alliance ruptures before the end: cohesion as it would stand if the pressures
/// that hold now kept draining it for most of the remaining summits, through a logistic curve.
fn rupture_risk(rules: &Rules, shocks: &[Shock], pos: &Position) -> f32 {
    let summits = f32::from((rules.rounds + 1).saturating_sub(pos.round));
    let drain = pressure_drain(rules, shocks, pos) as f32;
    let cohesion = f32::from(pos.meters[Meter::Cohesion.index()]);
    let expected = cohesion + drain * summits.max(1.0);
    if cohesion <= 0.0 {
        return 1.0;
    }
    0.5 - 0.5 * fast_tanh((expected - 2.0) * 0.65)
}

/// One aim, precomputed: its meter, the priority that doubles it, and its worth at each level.
#[derive(Clone, Debug)]
struct AimRow {
    meter: usize,
    doubled_by: Option<Priority>,
    worth: [f32; 16],
}

/// The evaluation for one rule set, with the aims' worth tabulated so a bot can score tens of
/// thousands of positions a second.
#[derive(Clone, Debug)]
pub(crate) struct Evaluator {
    rules: Rules,
    /// The shock definitions, for pressures that ask whether a structural shock is in play.
    shocks: Vec<Shock>,
    aims: [Vec<AimRow>; 2],
    /// What a rupture no one is blamed for is worth, when the temper and lens make it other than
    /// a plain loss (see [`Temper`]); set once, since `value` runs at every playout's end.
    shared_loss: Option<f32>,
    /// The pressures [`pressure_points`] needs (see [`paying_pressures`]).
    paying: Vec<Pressure>,
}

impl Evaluator {
    pub(crate) fn new(content: &Content) -> Self {
        let rules = &content.rules;
        let rows = |side: Side| {
            rules.aims[side.index()]
                .iter()
                .map(|aim| AimRow {
                    meter: aim.meter.index(),
                    doubled_by: aim.doubled_by,
                    worth: std::array::from_fn(|v| aim_worth(aim, v as i8)),
                })
                .collect()
        };
        Evaluator {
            rules: rules.clone(),
            shocks: content.shocks.clone(),
            aims: [rows(Side::Washington), rows(Side::Seoul)],
            shared_loss: None,
            paying: paying_pressures(rules),
        }
    }

    /// The same evaluation, weighing ruptures with `temper`.
    pub(crate) fn with_temper(mut self, temper: Temper) -> Self {
        self.shared_loss = match (temper, self.rules.lens) {
            (Temper::Cautious, _) => None,
            (Temper::Realist, Lens::Relative) => Some(SHARED_LOSS),
            (Temper::Realist, Lens::Absolute) => Some(-TARGET_VALUE),
        };
        self
    }

    /// What a rupture is worth to `side`: a win if the other side is to blame, a loss if `side`
    /// is, and a shared loss (a plain loss to a cautious bot) if no one is.
    fn rupture_value(&self, blame: Option<Side>, side: Side) -> f32 {
        match blame {
            Some(b) if b != side => 1.0,
            Some(_) => -1.0,
            None => self.shared_loss.unwrap_or(-1.0),
        }
    }

    /// The rules the evaluator was built with; only the sketch's agreement tests need them back.
    #[cfg(test)]
    pub(crate) fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Summit points a side's aims are worth at these levels: (all aims once, the doubled ones
    /// once more, the one on this round's agenda once; `agenda_weight` says how many times more
    /// it pays).
    fn aims_worth(&self, pos: &Position, side: Side) -> (f32, f32, f32) {
        let mut base = 0.0;
        let mut doubled = 0.0;
        let mut tabled = 0.0;
        let table = if pos.round == pos.board.round {
            pos.board.on_table[side.index()].map(Meter::index)
        } else {
            None
        };
        for aim in &self.aims[side.index()] {
            let w = aim.worth[pos.meters[aim.meter].clamp(0, 15) as usize];
            base += w;
            if aim.doubled_by == Some(pos.priority) {
                doubled += w;
            }
            if table == Some(aim.meter) {
                tabled += w;
            }
        }
        (base, doubled, tabled)
    }

    /// What the bands `side` is paid for are worth at one summit: the bonus for each band that
    /// holds, part of it for one a step off.
    fn band_worth(&self, pos: &Position, side: Side) -> f32 {
        let bonus = f32::from(self.rules.band_bonus);
        if bonus == 0.0 {
            return 0.0;
        }
        Meter::ALL
            .iter()
            .filter_map(|m| {
                let t = self.rules.track(*m);
                let (lo, hi) = t.band?;
                (t.band_pays == Some(side)).then(|| {
                    let v = pos.meters[m.index()];
                    let off = (lo - v).max(v - hi).max(0);
                    bonus * [1.0, 0.35, 0.1].get(off as usize).copied().unwrap_or(0.0)
                })
            })
            .sum()
    }

    /// The side's final score if the levels held for every remaining summit.
    pub(crate) fn projected(&self, pos: &Position, side: Side) -> f32 {
        let rules = &self.rules;
        let summits = f32::from((rules.rounds + 1).saturating_sub(pos.round));
        if summits <= 0.0 {
            return f32::from(pos.scores[side.index()]) + pos.extra[side.index()];
        }
        // The priority may flip later, so future summits double less surely than this one.
        let (base, doubled, tabled) = self.aims_worth(pos, side);
        let now = base + doubled + f32::from(rules.agenda_weight) * tabled;
        let later = base + 0.6 * doubled;
        let bonus_summits = summits + f32::from(rules.final_symmetry_multiplier - 1);
        let closeness = match symmetry_gap(rules, &pos.meters) {
            0 => 1.0,
            1 => 0.3,
            2 => 0.15,
            3 => 0.07,
            _ => 0.0,
        };
        let symmetry = f32::from(rules.symmetry_bonus) * bonus_summits * closeness
            + self.band_worth(pos, side) * summits;
        // What the pressures pay (the temptations), if the levels held.
        let pressures = points_of(&self.paying, rules, &self.shocks, pos, side) as f32 * summits;
        let layers = if side == Side::Seoul {
            let sum: i8 = Meter::LAYERS.iter().map(|m| pos.meters[m.index()]).sum();
            f32::from(sum) * LAYER_WORTH
        } else {
            0.0
        };
        f32::from(pos.scores[side.index()])
            + now
            + later * (summits - 1.0)
            + symmetry
            + pressures
            + layers
            + pos.extra[side.index()]
    }

    /// What `pos` is worth to `side` under the rules' lens, in [-1, 1].
    pub(crate) fn value(&self, pos: &Position, side: Side) -> f32 {
        let rules = &self.rules;
        if let Some(blame) = pos.rupture {
            return self.rupture_value(blame, side);
        }
        let mine = self.projected(pos, side);
        let v = match rules.lens {
            Lens::Relative => fast_tanh((mine - self.projected(pos, side.other())) / 12.0),
            Lens::Absolute => standing((mine - f32::from(rules.target(side))) / 10.0),
        };
        let risk = rupture_risk(rules, &self.shocks, pos);
        match self.shared_loss {
            Some(loss) => (1.0 - risk) * v + risk * loss,
            None => (1.0 - risk) * v - risk * RUPTURE_FEAR,
        }
    }

    /// What a finished game is worth to `side`.
    pub(crate) fn outcome_value(&self, outcome: &Outcome, side: Side) -> f32 {
        let rules = &self.rules;
        match outcome.ending {
            Ending::Rupture { blame } => self.rupture_value(blame, side),
            Ending::Relative { winner } => match winner {
                Some(w) if w == side => 1.0,
                Some(_) => -1.0,
                None => 0.0,
            },
            Ending::Absolute { success } => {
                let margin = outcome.score(side) - rules.target(side);
                let tilt = (f32::from(margin) / 40.0).clamp(-0.1, 0.1);
                let base: f32 = if success[side.index()] {
                    TARGET_VALUE
                } else {
                    -TARGET_VALUE
                };
                base + tilt
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aim() -> Aim {
        Aim {
            meter: Meter::Opcon,
            thresholds: vec![2, 4],
            points: vec![1, 3],
            doubled_by: None,
        }
    }

    /// The evaluator for the shipped data and a game at its start, whose board positions read.
    fn shipped() -> (Evaluator, crate::engine::Game) {
        let content = crate::content::Data::embedded()
            .build()
            .expect("valid data");
        let game = crate::engine::Game::new(std::sync::Arc::new(content), 1);
        (Evaluator::new(game.content()), game)
    }

    #[test]
    fn own_progress_is_worth_more_and_rupture_blame_decides() {
        let (ev, game) = shipped();
        let mut pos = Position::of(game.board());
        // An even position: at the setup levels Seoul's posture (8) already projects a lead the
        // relative lens's curve all but saturates on.
        pos.meters[Meter::Posture.index()] = 5;
        let mut better = pos;
        better.meters[Meter::Opcon.index()] += 3;
        assert!(ev.value(&better, Side::Seoul) > ev.value(&pos, Side::Seoul));
        assert!(ev.value(&better, Side::Washington) < ev.value(&pos, Side::Washington));
        let mut broken = pos;
        broken.rupture = Some(Some(Side::Seoul));
        assert_eq!(ev.value(&broken, Side::Washington), 1.0);
        assert_eq!(ev.value(&broken, Side::Seoul), -1.0);
    }

    #[test]
    fn low_cohesion_is_feared() {
        let (ev, game) = shipped();
        let mut pos = Position::of(game.board());
        // Off the free-riding charge, so that no pressure drains cohesion.
        pos.meters[Meter::RoleBalance.index()] = 4;
        let mut shaky = pos;
        shaky.meters[Meter::Cohesion.index()] = 2;
        for side in Side::BOTH {
            let (a, b) = (ev.value(&shaky, side), ev.value(&pos, side));
            assert!(a < b - 0.1, "{side}: {a} vs {b}");
        }
    }

    #[test]
    fn a_realist_under_the_relative_lens_rates_a_shared_loss_between_a_draw_and_a_loss() {
        let (cautious, game) = shipped();
        let realist = cautious.clone().with_temper(Temper::Realist);
        let mut broken = Position::of(game.board());
        broken.rupture = Some(None);
        for side in Side::BOTH {
            assert_eq!(cautious.value(&broken, side), -1.0);
            let v = realist.value(&broken, side);
            assert!(v > -1.0 && v < 0.0, "{side}: {v}");
        }
        // Blame still decides: the blamed side loses alone whatever its temper.
        broken.rupture = Some(Some(Side::Washington));
        assert_eq!(realist.value(&broken, Side::Washington), -1.0);
        assert_eq!(realist.value(&broken, Side::Seoul), 1.0);
    }

    #[test]
    fn a_realist_far_behind_fears_a_brink_less_than_the_side_ahead() {
        let (cautious, game) = shipped();
        let realist = cautious.clone().with_temper(Temper::Realist);
        let mut pos = Position::of(game.board());
        pos.meters[Meter::RoleBalance.index()] = 4;
        // Washington far behind on the scores so far.
        pos.scores = [10, 60];
        let mut shaky = pos;
        shaky.meters[Meter::Cohesion.index()] = 1;
        let drop = |ev: &Evaluator, side| ev.value(&pos, side) - ev.value(&shaky, side);
        // The cautious bot dreads the brink from either side; the realist behind hardly does,
        // while the realist ahead dreads it as much as ever.
        assert!(drop(&cautious, Side::Washington) > 0.2);
        assert!(drop(&realist, Side::Washington) < drop(&cautious, Side::Washington) / 2.0);
        assert!(drop(&realist, Side::Seoul) > 0.2);
    }

    /// The evaluator and a game at its start for the shipped data read under the absolute lens.
    fn absolute() -> (Evaluator, crate::engine::Game) {
        let mut content = crate::content::Data::embedded()
            .build()
            .expect("valid data");
        content.rules.lens = Lens::Absolute;
        let game = crate::engine::Game::new(std::sync::Arc::new(content), 1);
        (Evaluator::new(game.content()), game)
    }

    #[test]
    fn under_the_absolute_lens_a_realist_rates_a_shared_rupture_as_a_plain_failure() {
        let (cautious, game) = absolute();
        let realist = cautious.clone().with_temper(Temper::Realist);
        let mut broken = Position::of(game.board());
        broken.rupture = Some(None);
        for side in Side::BOTH {
            assert_eq!(cautious.value(&broken, side), -1.0);
            assert_eq!(realist.value(&broken, side), -TARGET_VALUE);
        }
        // On the brink, the side on course for its target dreads it more than the side far short.
        let mut pos = Position::of(game.board());
        pos.meters[Meter::RoleBalance.index()] = 4;
        pos.meters[Meter::Responsibility.index()] = 4;
        pos.scores = [150, 0];
        let mut shaky = pos;
        shaky.meters[Meter::Cohesion.index()] = 1;
        let drop = |side| realist.value(&pos, side) - realist.value(&shaky, side);
        assert!(drop(Side::Washington) > 2.0 * drop(Side::Seoul));
        assert!(drop(Side::Seoul) > 0.0);
    }

    #[test]
    fn a_pressure_that_pays_a_side_counts_in_its_projection() {
        let (ev, game) = shipped();
        let mut pos = Position::of(game.board());
        pos.meters[Meter::Responsibility.index()] = 6;
        // Roles in their band, so Seoul's own temptation is out of the picture.
        pos.meters[Meter::RoleBalance.index()] = 5;
        let mut shifted = pos;
        shifted.meters[Meter::Responsibility.index()] = 8;
        let rules = ev.rules();
        let shocks = &game.content().shocks;
        // The burden-shifting temptation pays Washington, and only Washington.
        assert!(pressure_points(rules, shocks, &shifted, Side::Washington) > 0);
        assert_eq!(pressure_points(rules, shocks, &pos, Side::Washington), 0);
        assert_eq!(pressure_points(rules, shocks, &shifted, Side::Seoul), 0);
        // At 7 decoupling fears pull responsibility back to 6 before the temptation is tested,
        // as the engine fires them, so 7 pays nothing.
        let mut seven = pos;
        seven.meters[Meter::Responsibility.index()] = 7;
        assert_eq!(pressure_points(rules, shocks, &seven, Side::Washington), 0);
        // The evaluator keeps only the pressures that bear on pay, and they pay the same.
        assert!(ev.paying.len() < rules.pressures.len());
        for level in 0..=10 {
            let mut p = pos;
            p.meters[Meter::Responsibility.index()] = level;
            p.meters[Meter::RoleBalance.index()] = 10 - level;
            for side in Side::BOTH {
                let all = pressure_points(rules, shocks, &p, side);
                assert_eq!(points_of(&ev.paying, rules, shocks, &p, side), all);
            }
        }
        let gain = ev.projected(&shifted, Side::Washington) - ev.projected(&pos, Side::Washington);
        assert!(gain > 0.0, "burden shifting projects {gain}");
    }

    #[test]
    fn under_the_absolute_lens_a_side_far_from_its_target_still_wants_more() {
        let (ev, game) = absolute();
        let pos = Position::of(game.board());
        for side in Side::BOTH {
            // At the start both sides are projected far short of their targets.
            let short = f32::from(game.content().rules.target(side)) - ev.projected(&pos, side);
            assert!(short > 30.0, "{side}: only {short} short");
            let mut better = pos;
            better.extra[side.index()] = 5.0;
            assert!(ev.value(&better, side) > ev.value(&pos, side), "{side}");
        }
        let s: Vec<f32> = (-100..=100).map(|m| standing(m as f32 / 10.0)).collect();
        assert!(s.windows(2).all(|p| p[1] > p[0]));
        assert!(s.iter().all(|v| v.abs() < 1.0));
    }

    /// The shipped temptations make the symmetric alliance a dilemma: each pressure paying a side
    /// for a balance out of its band pays more than the symmetry bonus that side gives up, no
    /// more than the pair of them lose in points (the band's payment to the partner and both
    /// bonuses), and comes with a pressure at the same level that drains their shared cohesion.
    #[test]
    fn each_shipped_temptation_beats_the_bonus_and_costs_the_pair_more_than_it_pays() {
        use crate::engine::Condition;
        let (ev, _) = shipped();
        let rules = ev.rules();
        let mut tempted = Vec::new();
        for p in &rules.pressures {
            let paid: i32 = p
                .effects
                .iter()
                .map(|e| match e {
                    Effect::Score { points, .. } => i32::from(*points),
                    _ => 0,
                })
                .sum();
            if !p.scores() {
                continue;
            }
            let meter = match p.when.as_slice() {
                [Condition::AtLeast { meter, .. } | Condition::AtMost { meter, .. }] => *meter,
                other => panic!("{}: one level test expected, not {other:?}", p.name),
            };
            assert!(rules.track(meter).band.is_some(), "{}: no band", p.name);
            let bonus = i32::from(rules.symmetry_bonus);
            assert!(paid > bonus, "{}: {paid} is no temptation", p.name);
            assert!(
                paid <= i32::from(rules.band_bonus) + 2 * bonus,
                "{}: {paid} beats the alliance",
                p.name
            );
            let drains = rules.pressures.iter().any(|q| {
                q.when == p.when
                    && q.effects.iter().any(
                        |e| matches!(e, Effect::Move { meter: Meter::Cohesion, by } if *by < 0),
                    )
            });
            assert!(drains, "{}: nothing drains cohesion beside it", p.name);
            tempted.push(meter);
        }
        tempted.sort_by_key(|m| m.index());
        assert_eq!(tempted, [Meter::Responsibility, Meter::RoleBalance]);
    }

    #[test]
    fn worth_rises_between_thresholds() {
        let a = aim();
        let w: Vec<f32> = (0..6).map(|v| aim_worth(&a, v)).collect();
        assert!(
            w.windows(2)
                .all(|p| p[1] > p[0] || p[1] == p[0] && p[0] >= 3.0)
        );
        assert_eq!(w[2], 1.0);
        assert_eq!(w[4], 3.0);
    }
}
