//! `alliance analyze`: each figure checked on small hand-built event records whose answers are
//! known, then on real games against the engine's own account of them.

use crate::common;

use std::sync::Arc;
use symmetric_alliance::analyze::{self, GameTally, RuptureCause, Totals};
use symmetric_alliance::engine::{
    Action, Cause, Content, Ending, Event, Lens, Meter, Outcome, PlayMode, Priority, ScoreReason,
    Side,
};

const W: Side = Side::Washington;
const S: Side = Side::Seoul;

fn fresh(content: &Content) -> GameTally {
    GameTally::new(content)
}

/// A meter moved by the summit, as the engine reports it.
fn moved(meter: Meter, from: i8, to: i8) -> Event {
    Event::Moved {
        meter,
        from,
        to,
        cause: Cause::Summit,
    }
}

/// A summit that pays `paid` on top of `before`, as the engine reports it.
fn summit(round: u8, before: [i16; 2], paid: [i8; 2]) -> Vec<Event> {
    let mut ev: Vec<Event> = Side::BOTH
        .iter()
        .filter(|s| paid[s.index()] != 0)
        .map(|&side| Event::Scored {
            side,
            points: paid[side.index()],
            reason: ScoreReason::Aim {
                meter: Meter::Status,
                doubled: false,
                on_table: false,
            },
            cause: Cause::Summit,
        })
        .collect();
    ev.push(Event::Summit {
        round,
        scores: [
            before[0] + i16::from(paid[0]),
            before[1] + i16::from(paid[1]),
        ],
        symmetric: false,
        last: false,
    });
    ev
}

/// Feeds summits paying these amounts in rounds 1, 2, ... and returns the tally.
fn summits(content: &Content, pays: &[[i8; 2]]) -> GameTally {
    let mut t = fresh(content);
    let mut scores = [0i16; 2];
    for (i, paid) in pays.iter().enumerate() {
        t.events(content, &summit(i as u8 + 1, scores, *paid));
        scores = [
            scores[0] + i16::from(paid[0]),
            scores[1] + i16::from(paid[1]),
        ];
    }
    t
}

fn relative(winner: Option<Side>, scores: [i16; 2]) -> Outcome {
    Outcome {
        ending: Ending::Relative { winner },
        scores,
        symmetric: false,
        round: 8,
    }
}

#[test]
fn a_game_with_two_lead_changes_counts_two() {
    let c = common::shipped();
    // Leaders after each summit: W (3-1), tie (5-5), S (5-7), S, W (12-9). A tie names no one.
    let t = summits(&c, &[[3, 1], [2, 4], [0, 2], [0, 0], [7, 2]]);
    assert_eq!(t.lead_changes(), 2);
    // Seoul led after round 3, so Washington's win is a comeback.
    assert!(t.trailed(W) && t.trailed(S));
    // Here Seoul trails only after round 1, which is before round 2 and does not count.
    let early = summits(&c, &[[3, 1], [0, 2], [0, 3]]);
    assert_eq!(early.lead_changes(), 1);
    assert!(early.trailed(W) && !early.trailed(S));
    let mut totals = Totals::default();
    totals.add(&c, &t, &relative(Some(W), [12, 9]), false);
    assert_eq!(totals.drama, 1);
    assert_eq!(totals.lead_changes.0, vec![0, 0, 1]);
}

#[test]
fn under_the_absolute_lens_the_lead_is_read_as_a_share_of_each_target() {
    let mut content = Content::clone(&common::shipped());
    content.rules.lens = Lens::Absolute;
    content.rules.targets = [40, 80];
    let c = Arc::new(content);
    // Scores after each summit: 10-16 (W has a quarter of 40, S a fifth of 80), 20-44 (S ahead),
    // 30-56 (W three quarters, S seven tenths). By raw score Seoul led throughout.
    let t = summits(&c, &[[10, 16], [10, 28], [10, 12]]);
    assert_eq!(t.lead_changes(), 2);
    assert!(t.trailed(W) && t.trailed(S));
    assert_eq!(
        summits(&common::shipped(), &[[10, 16], [10, 28], [10, 12]]).lead_changes(),
        0
    );
}

#[test]
fn the_lowest_cohesion_of_each_game_is_kept_and_counted() {
    let c = common::shipped();
    let mut t = fresh(&c);
    let step = |from, to| moved(Meter::Cohesion, from, to);
    t.events(&c, &[step(6, 3), step(3, 5), step(5, 2), step(2, 4)]);
    assert_eq!(t.lowest_cohesion, 2);
    let mut totals = Totals::default();
    totals.add(&c, &t, &relative(Some(W), [10, 8]), false);
    assert_eq!(totals.lowest_cohesion.0, vec![0, 0, 1]);
    // A fresh game starts again from the rules' start.
    assert_eq!(fresh(&c).lowest_cohesion, 6);
}

#[test]
fn a_stagnant_summit_is_one_that_repays_the_last_from_round_3() {
    let c = common::shipped();
    // Rounds 1 and 2 pay the same, but that pair is before round 3. Rounds 3 and 4 repeat
    // round 2 and 3; round 5 differs for one side only.
    let t = summits(&c, &[[2, 2], [2, 2], [2, 2], [2, 2], [2, 3]]);
    assert_eq!(t.stagnation(), (2, 3));
    assert_eq!(t.summits[2].paid, [2, 2]);
}

#[test]
fn the_priority_matters_when_deal_and_strategy_aims_pay_differently() {
    let c = common::shipped();
    let rules = &c.rules;
    let mut t = fresh(&c);
    // At the start no Washington aim pays: both priorities score the same.
    t.events(&c, &summit(1, [0, 0], [0, 0]));
    // Raise Mission (doubled by Strategy) to its top threshold: Strategy now pays more.
    let from = rules.track(Meter::UsMission).start;
    t.events(&c, &[moved(Meter::UsMission, from, 8)]);
    t.events(&c, &summit(2, [0, 0], [0, 0]));
    let mattered: Vec<bool> = t.summits.iter().map(|s| s.priority_mattered).collect();
    assert_eq!(mattered, vec![false, true]);
    let mut meters = std::array::from_fn(|i| rules.tracks[i].start);
    meters[Meter::UsMission.index()] = 8;
    let deal = rules.aim_total(W, &meters, Priority::Deal, [None; 2]);
    assert_eq!(
        rules.aim_total(W, &meters, Priority::Strategy, [None; 2]),
        deal + 2
    );
}

#[test]
fn a_card_played_only_for_its_event_and_one_only_for_ops() {
    let c = common::shipped();
    let by_event = c.card_by_id("us-ncg").expect("a shipped card");
    let by_ops = c.card_by_id("rok-boots-deter").expect("a shipped card");
    let mut t = fresh(&c);
    let play = |side, card, mode| Event::CardPlayed { side, card, mode };
    let ops = PlayMode::Ops {
        option: 0,
        points: 2,
    };
    t.events(
        &c,
        &[
            play(W, by_event, PlayMode::Headline),
            play(W, by_event, PlayMode::Event),
            play(W, by_ops, ops),
            play(S, by_ops, ops),
        ],
    );
    let mut totals = Totals::default();
    totals.add(&c, &t, &relative(Some(W), [10, 5]), false);
    let report = analyze::summarise(&c, &totals, run_info());
    let row = |id: &str| report.cards.iter().find(|r| r.id == id).expect("a row");
    let e = row("us-ncg");
    assert_eq!(
        (e.plays, e.event_plays, e.headlines, e.other_side_plays),
        (2, 2, 1, 0)
    );
    // Played twice in one game by Washington, who won: one game, one success.
    assert_eq!((e.success.games, e.success.successes), (1, 1));
    let o = row("rok-boots-deter");
    assert_eq!((o.plays, o.event_plays, o.other_side_plays), (2, 0, 1));
    assert_eq!((o.success.games, o.success.successes), (2, 1));
    // Unplayed cards are flagged; played ones with so few games are not.
    assert!(row("us-money-machine").flag.as_deref() == Some("never played"));
    assert!(e.flag.is_none() && o.flag.is_none());
    let mix = &report.play_mix;
    assert_eq!(
        (mix.headlines, mix.events, mix.ops, mix.other_side_plays),
        (1, 1, 2, 1)
    );
    assert_eq!(mix.event_share, 50.0);
}

#[test]
fn decisions_deals_and_hand_offs_are_counted_apart() {
    let c = common::shipped();
    let mut t = fresh(&c);
    for (side, action) in [
        (W, Action::OpenDeal),
        (W, Action::Withdraw),
        (S, Action::Pass),
        (W, Action::OpenDeal),
        (W, Action::Send),
        (S, Action::Reject),
    ] {
        t.decision(side, action);
    }
    assert_eq!(t.decisions, [2, 1]);
    assert_eq!(t.deal_decisions, [2, 1]);
    assert_eq!(t.handoffs, 3);
    t.events(
        &c,
        &[
            Event::DealOpened { by: W },
            Event::DealWithdrawn { by: W },
            Event::DealOpened { by: W },
            Event::OfferSent {
                by: W,
                gives: vec![],
                asks: vec![],
                counter: 0,
            },
            Event::OfferSent {
                by: S,
                gives: vec![],
                asks: vec![],
                counter: 1,
            },
            Event::DealRejected { by: W, bare: false },
        ],
    );
    let d = t.deals;
    assert_eq!((d.opened, d.withdrawn, d.sent), ([2, 0], [1, 0], [1, 0]));
    assert_eq!(
        (d.countered, d.rejected, d.accepted),
        ([0, 1], [1, 0], [0, 0])
    );
}

#[test]
fn the_symmetry_bonus_decides_a_game_only_when_removing_it_changes_the_winner() {
    let mut content = Content::clone(&common::shipped());
    content.rules.lens = Lens::Absolute;
    content.rules.targets = [20, 20];
    let c = Arc::new(content);
    let bonus = |side| Event::Scored {
        side,
        points: 4,
        reason: ScoreReason::Symmetry,
        cause: Cause::Summit,
    };
    let mut t = fresh(&c);
    t.events(&c, &[bonus(W), bonus(S)]);
    // 22 and 18: Washington succeeds only with its bonus, so no one would have won without it.
    let won = Outcome {
        ending: Ending::Absolute {
            success: [true, false],
        },
        scores: [22, 18],
        symmetric: true,
        round: 8,
    };
    let mut totals = Totals::default();
    totals.add(&c, &t, &won, false);
    assert_eq!(totals.symmetry_decided, 1);
    // 30 and 18: Washington succeeds without it too.
    totals.add(
        &c,
        &t,
        &Outcome {
            scores: [30, 18],
            ..won
        },
        false,
    );
    assert_eq!(totals.symmetry_decided, 1);
    // Both games are Washington wins under either lens: 22-18 and 30-18 beat Seoul, and only
    // Washington reaches 20.
    assert_eq!(totals.success_by_lens, [[2, 0], [2, 0]]);
}

#[test]
fn a_rupture_records_what_moved_cohesion_to_zero() {
    let c = common::shipped();
    let mut t = fresh(&c);
    let card = c.card_by_id("us-ncg").expect("a shipped card");
    let cohesion = |to, cause| Event::Moved {
        meter: Meter::Cohesion,
        from: to + 1,
        to,
        cause,
    };
    t.events(
        &c,
        &[
            cohesion(1, Cause::Deal { opener: S }),
            cohesion(0, Cause::Card { card, side: W }),
            cohesion(-1, Cause::Summit),
        ],
    );
    assert_eq!(t.rupture_cause, Some(RuptureCause::CardEvent));
    let broke = Outcome {
        ending: Ending::Rupture { blame: Some(S) },
        scores: [3, 9],
        symmetric: false,
        round: 4,
    };
    let mut totals = Totals::default();
    totals.add(&c, &t, &broke, false);
    assert_eq!(totals.ruptures, [0, 1, 0]);
    assert_eq!(totals.rupture_causes[RuptureCause::CardEvent.index()], 1);
    assert_eq!(totals.wins, [1, 0]);
}

#[test]
fn a_shock_hurts_the_side_whose_items_it_lowers() {
    let c = common::shipped();
    let mut t = fresh(&c);
    let shock = 0;
    let hit = |meter, from, to| Event::Moved {
        meter,
        from,
        to,
        cause: Cause::Shock { shock },
    };
    t.events(
        &c,
        &[
            Event::ShockRevealed {
                shock,
                size: 3,
                absorbed: 0,
                layer: Meter::SelfHelp,
                injected: false,
            },
            hit(Meter::RokLeverage, 5, 3),
            hit(Meter::UsLeverage, 4, 5),
            hit(Meter::Cohesion, 6, 4),
        ],
    );
    assert_eq!(
        t.shocks_hurting().collect::<Vec<_>>(),
        vec![(shock, [false, true])]
    );
}

#[test]
fn margins_are_a_median_share_of_the_total() {
    let c = common::shipped();
    let t = fresh(&c);
    let mut totals = Totals::default();
    totals.add(&c, &t, &relative(None, [10, 10]), false);
    for (winner, scores) in [(W, [30, 10]), (W, [21, 19]), (S, [8, 12])] {
        totals.add(&c, &t, &relative(Some(winner), scores), false);
    }
    // Margins of 0, 500, 50 and 200 per mille (0, 20, 2 and 4 points): the lower medians.
    assert_eq!(totals.margin_share.median(), Some(50));
    assert_eq!(totals.margin_points.median(), Some(2));
    assert_eq!(totals.draws, 1);
}

#[test]
fn merging_totals_is_order_free() {
    let c = common::shipped();
    let parts: Vec<Totals> = [[3, 1], [1, 4], [2, 2]]
        .into_iter()
        .map(|paid| {
            let mut t = Totals::default();
            let tally = summits(&c, &[paid, paid, paid]);
            let s = [3 * i16::from(paid[0]), 3 * i16::from(paid[1])];
            let w = analyze::leader(s);
            t.add(&c, &tally, &relative(w, s), false);
            t
        })
        .collect();
    let fold = |order: [usize; 3]| {
        let mut t = Totals::default();
        for i in order {
            t.merge(&parts[i]);
        }
        t
    };
    assert_eq!(fold([0, 1, 2]), fold([2, 0, 1]));
    assert_eq!(fold([0, 1, 2]).games, 3);
}

fn run_info() -> analyze::RunInfo {
    analyze::RunInfo {
        games: 1,
        seed: 1,
        washington_bot: "greedy".into(),
        seoul_bot: "greedy".into(),
        swap: false,
        threads: 1,
        iterations: None,
        scenario: None,
        lens: Lens::Relative,
        seconds: 0.0,
    }
}

#[test]
fn aims_at_their_top_meter_steps_and_hoarded_cards() {
    let c = common::shipped();
    let mut t = fresh(&c);
    let lev = |from, to| moved(Meter::UsLeverage, from, to);
    let start = c.rules.track(Meter::UsLeverage).start;
    let aim = c.rules.aims[0]
        .iter()
        .position(|a| a.meter == Meter::UsLeverage)
        .expect("Washington has a leverage aim");
    let top = *c.rules.aims[0][aim].thresholds.last().expect("thresholds");
    t.events(&c, &summit(1, [0, 0], [0, 0]));
    t.events(&c, &[lev(start, top)]);
    t.events(&c, &summit(2, [0, 0], [0, 0]));
    t.events(&c, &[lev(top, top - 2)]);
    t.events(&c, &summit(3, [0, 0], [0, 0]));
    assert_eq!(t.aims_at_top[aim], (1, Some(2)));
    let m = Meter::UsLeverage.index();
    assert_eq!((t.rises[m], t.falls[m]), ((top - start) as u32, 2));
    let theirs = c.card_by_id("rok-boots-deter").expect("a Seoul card");
    let own = c.card_by_id("us-ncg").expect("a Washington card");
    t.hands_at_end(&c, [&[theirs, own], &[theirs]]);
    assert_eq!(t.hoarded, [1, 0]);
}
