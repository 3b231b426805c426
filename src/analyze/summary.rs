//! The totals turned into the report's figures: shares, means and medians, every one of them in
//! `--json`.

use super::cards::{CardRow, ShockRow, card_rows, shock_rows};
use super::contents::{DeckFigures, deck_figures};
use super::dominated::{Dominated, dominated, dominated_across_kinds};
use super::figures::{Histogram, Totals};
use super::game::RuptureCause;
use super::time::{TableTime, table_time};
use super::tracks::{AimRow, MeterRow, track_rows};
use crate::engine::{Content, Lens, Side};
use serde::Serialize;
use std::collections::BTreeMap;

/// What was analysed, for the report's heading.
#[derive(Clone, Debug, Serialize)]
pub struct RunInfo {
    pub games: u64,
    pub seed: u64,
    pub washington_bot: String,
    pub seoul_bot: String,
    pub swap: bool,
    pub threads: usize,
    /// The search budget per decision, when fixed.
    pub iterations: Option<u64>,
    pub scenario: Option<String>,
    pub lens: Lens,
    pub seconds: f64,
}

/// Every figure `alliance analyze` reports. Shares are percentages.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    pub run: RunInfo,
    /// Games played (twice the seeds with `--swap`).
    pub games: u64,
    pub decisive: u64,
    pub draws: u64,
    pub sides: Vec<SideFigures>,
    pub(crate) symmetric_endings: u64,
    pub(crate) symmetric_share: f64,
    /// Games that reached their last summit short of the symmetric alliance, by the test that
    /// failed (a game may fail several).
    pub(crate) asymmetric: Asymmetric,
    pub ruptures: Ruptures,
    pub shape: Shape,
    /// How long the mean game takes at the table, by a stated newcomer's pace.
    pub table_time: TableTime,
    pub play_mix: PlayMixFigures,
    pub deals: DealFigures,
    /// How soon and how long each aim sits at its top threshold.
    pub aims: Vec<AimRow>,
    /// How far each meter rises and falls in a game.
    pub meters: Vec<MeterRow>,
    /// Cards never played, or whose player's success stands out from that side's average.
    pub(crate) flagged_cards: Vec<CardRow>,
    pub(crate) flagged_shocks: Vec<ShockRow>,
    /// Cards of the same side and kind with no more ops and no better event than another.
    pub(crate) dominated: Vec<Dominated>,
    /// The same across kinds (weaker: the ops buy different things).
    pub(crate) dominated_across_kinds: Vec<Dominated>,
    /// The deck's make-up, read from the data.
    pub deck: DeckFigures,
    pub cards: Vec<CardRow>,
    pub shocks: Vec<ShockRow>,
    /// The first bot (`--washington`) and the second, whatever seat they sat in.
    pub bots: Vec<BotFigures>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SideFigures {
    pub side: Side,
    pub wins: u64,
    pub(crate) share_of_decisive: f64,
    /// Success under the lens played (a win under relative, the target under absolute).
    pub success: f64,
    pub(crate) success_relative: f64,
    pub(crate) success_absolute: f64,
    pub(crate) symmetry_points_per_game: f64,
    pub(crate) decisions_mean: f64,
    pub(crate) decisions_median: usize,
    pub(crate) deal_steps_mean: f64,
    pub(crate) deal_steps_median: usize,
}

/// Why the games that did not rupture still ended short of the symmetric alliance.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Asymmetric {
    pub(crate) responsibility_low: u64,
    pub(crate) responsibility_high: u64,
    pub(crate) roles_low: u64,
    pub(crate) roles_high: u64,
    pub(crate) cohesion_low: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Ruptures {
    pub(crate) total: u64,
    pub share: f64,
    pub(crate) blamed_on_washington: u64,
    pub(crate) blamed_on_seoul: u64,
    pub(crate) from_outside: u64,
    /// The median of each game's lowest cohesion, and the games that fell to 1 or 2 and held.
    pub(crate) lowest_cohesion_median: usize,
    pub(crate) near_misses: u64,
    pub(crate) near_miss_share: f64,
    /// What moved cohesion to zero.
    pub(crate) by_cause: BTreeMap<RuptureCause, u64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Shape {
    pub lead_changes_per_game: f64,
    pub(crate) lead_changes_median: usize,
    /// Games by number of lead changes (index = changes).
    pub(crate) lead_changes_histogram: Vec<u64>,
    pub(crate) drama_games: u64,
    /// Of decisive games.
    pub(crate) drama_share: f64,
    /// Of games that reached their last summit: the margin as a share of the total score.
    pub(crate) median_margin_share: f64,
    pub(crate) median_margin_points: usize,
    pub(crate) summit_pairs: u64,
    pub(crate) stagnant_pairs: u64,
    pub(crate) stagnation_share: f64,
    pub summits: u64,
    pub(crate) priority_mattered_summits: u64,
    pub(crate) priority_mattered_share: f64,
    pub(crate) symmetry_decided_games: u64,
    /// Of decisive games.
    pub(crate) symmetry_decided_share: f64,
    pub(crate) handoffs_per_game: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlayMixFigures {
    pub plays: u64,
    pub headlines: u64,
    pub events: u64,
    pub ops: u64,
    /// Headlines and event plays, of all card plays.
    pub event_share: f64,
    /// Event plays of action-phase plays (headlines are always events).
    pub(crate) action_event_share: f64,
    pub(crate) ops_share: f64,
    pub other_side_plays: u64,
    pub(crate) other_side_share: f64,
    /// The same shares for Washington's and Seoul's plays.
    pub(crate) event_share_by_side: [f64; 2],
    pub(crate) other_side_share_by_side: [f64; 2],
    /// The other side's cards left in Washington's and Seoul's hands at the end, per game.
    pub(crate) hoarded_at_end: [f64; 2],
    /// Boosted operations and cards set aside a game, by side.
    pub(crate) leverage_uses: [[f64; 2]; 2],
}

#[derive(Clone, Debug, Serialize)]
pub struct DealFigures {
    pub opened: u64,
    pub sent: u64,
    pub countered: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub(crate) withdrawn_without_offer: u64,
    pub(crate) opened_per_game: f64,
    pub(crate) accepted_per_game: f64,
    /// Opened by each side.
    pub(crate) opened_by_side: [u64; 2],
}

#[derive(Clone, Debug, Serialize)]
pub struct BotFigures {
    pub bot: String,
    pub success_rate: f64,
}

fn pct(part: u64, whole: u64) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

/// The figures for `totals`, played with `content`.
pub fn summarise(content: &Content, t: &Totals, run: RunInfo) -> Analysis {
    let decisive = t.wins[0] + t.wins[1];
    let average = [0, 1].map(|i| pct(t.success[i], t.games));
    let cards = card_rows(content, &t.deck, average);
    let shocks = shock_rows(content, &t.deck, average);
    let bots = [&run.washington_bot, &run.seoul_bot]
        .into_iter()
        .enumerate()
        .map(|(i, bot)| BotFigures {
            bot: bot.clone(),
            success_rate: pct(t.bot_success[i], t.games),
        })
        .collect();
    let (meters, aims) = track_rows(content, &t.tracks, t.games);
    Analysis {
        aims,
        meters,
        games: t.games,
        decisive,
        draws: t.draws,
        sides: Side::BOTH.iter().map(|s| side(t, *s, decisive)).collect(),
        symmetric_endings: t.symmetric,
        symmetric_share: pct(t.symmetric, t.games),
        asymmetric: Asymmetric {
            responsibility_low: t.missed[0],
            responsibility_high: t.missed[1],
            roles_low: t.missed[2],
            roles_high: t.missed[3],
            cohesion_low: t.missed[4],
        },
        ruptures: ruptures(t),
        shape: shape(t, decisive),
        table_time: table_time(t),
        play_mix: play_mix(t),
        deals: deals(t),
        flagged_cards: cards.iter().filter(|c| c.flag.is_some()).cloned().collect(),
        flagged_shocks: shocks
            .iter()
            .filter(|c| c.flag.is_some())
            .cloned()
            .collect(),
        dominated: dominated(content),
        dominated_across_kinds: dominated_across_kinds(content),
        deck: deck_figures(content),
        cards,
        shocks,
        bots,
        run,
    }
}

fn side(t: &Totals, side: Side, decisive: u64) -> SideFigures {
    let i = side.index();
    let median = |h: &Histogram| h.median().unwrap_or(0);
    SideFigures {
        side,
        wins: t.wins[i],
        share_of_decisive: pct(t.wins[i], decisive),
        success: pct(t.success[i], t.games),
        success_relative: pct(t.success_by_lens[0][i], t.games),
        success_absolute: pct(t.success_by_lens[1][i], t.games),
        symmetry_points_per_game: t.symmetry_points[i] as f64 / t.games.max(1) as f64,
        decisions_mean: t.decisions[i].mean(),
        decisions_median: median(&t.decisions[i]),
        deal_steps_mean: t.deal_decisions[i].mean(),
        deal_steps_median: median(&t.deal_decisions[i]),
    }
}

fn ruptures(t: &Totals) -> Ruptures {
    let total = t.ruptures.iter().sum();
    // Games whose lowest cohesion was 1 or 2: the alliance came near the brink and held.
    let near_misses = t.lowest_cohesion.0.iter().skip(1).take(2).sum();
    Ruptures {
        total,
        share: pct(total, t.games),
        blamed_on_washington: t.ruptures[0],
        blamed_on_seoul: t.ruptures[1],
        from_outside: t.ruptures[2],
        lowest_cohesion_median: t.lowest_cohesion.median().unwrap_or(0),
        near_misses,
        near_miss_share: pct(near_misses, t.games),
        by_cause: RuptureCause::ALL
            .iter()
            .map(|c| (*c, t.rupture_causes[c.index()]))
            .collect(),
    }
}

fn shape(t: &Totals, decisive: u64) -> Shape {
    Shape {
        lead_changes_per_game: t.lead_changes.mean(),
        lead_changes_median: t.lead_changes.median().unwrap_or(0),
        lead_changes_histogram: t.lead_changes.0.clone(),
        drama_games: t.drama,
        drama_share: pct(t.drama, decisive),
        median_margin_share: t.margin_share.median().unwrap_or(0) as f64 / 10.0,
        median_margin_points: t.margin_points.median().unwrap_or(0),
        summit_pairs: t.summit_pairs,
        stagnant_pairs: t.stagnant_pairs,
        stagnation_share: pct(t.stagnant_pairs, t.summit_pairs),
        summits: t.summits,
        priority_mattered_summits: t.priority_mattered,
        priority_mattered_share: pct(t.priority_mattered, t.summits),
        symmetry_decided_games: t.symmetry_decided,
        symmetry_decided_share: pct(t.symmetry_decided, decisive),
        handoffs_per_game: t.handoffs.mean(),
    }
}

fn play_mix(t: &Totals) -> PlayMixFigures {
    let p = &t.plays;
    let sum = |a: [u64; 2]| a[0] + a[1];
    let (headlines, events, ops) = (sum(p.headlines), sum(p.events), sum(p.ops));
    let plays = headlines + events + ops;
    let of_side = |i: usize| p.headlines[i] + p.events[i] + p.ops[i];
    PlayMixFigures {
        plays,
        headlines,
        events,
        ops,
        event_share: pct(headlines + events, plays),
        action_event_share: pct(events, events + ops),
        ops_share: pct(ops, plays),
        other_side_plays: sum(p.other_side),
        other_side_share: pct(sum(p.other_side), plays),
        event_share_by_side: [0, 1].map(|i| pct(p.headlines[i] + p.events[i], of_side(i))),
        other_side_share_by_side: [0, 1].map(|i| pct(p.other_side[i], of_side(i))),
        hoarded_at_end: t.hoarded.map(|h| h as f64 / t.games.max(1) as f64),
        leverage_uses: t
            .leverage_uses
            .map(|u| u.map(|n| n as f64 / t.games.max(1) as f64)),
    }
}

fn deals(t: &Totals) -> DealFigures {
    let d = &t.deals;
    let sum = |a: [u64; 2]| a[0] + a[1];
    let n = t.games.max(1) as f64;
    DealFigures {
        opened: sum(d.opened),
        sent: sum(d.sent),
        countered: sum(d.countered),
        accepted: sum(d.accepted),
        rejected: sum(d.rejected),
        withdrawn_without_offer: sum(d.withdrawn),
        opened_per_game: sum(d.opened) as f64 / n,
        accepted_per_game: sum(d.accepted) as f64 / n,
        opened_by_side: d.opened,
    }
}
