//! Scenario tests of every rules v2 mechanic, from the `v2` fixture (every mechanic on, one card a
//! hand, one action a round) and from variants of it with one mechanic changed or switched off, so
//! each test would fail if its rule were removed.

use crate::common;
use crate::steps::{apply_all, card, term};

use std::sync::Arc;
use symmetric_alliance::content::{Data, DataError};
use symmetric_alliance::engine::{
    Action, CardId, Cause, Content, Event, Game, Meter, Phase, PlayMode, ScoreReason, Side,
};

mod agenda;
mod blame;
mod held;
mod leverage;
mod overrides;
mod summit;

/// The `v2` fixture as shipped in `tests/fixtures/v2`.
fn v2() -> Arc<Content> {
    common::fixture("v2")
}

/// The `v2` data with its rules text edited; each `(from, to)` must match exactly once, so a
/// variant can never silently be the fixture itself.
fn v2_data(edits: &[(&str, &str)]) -> Data {
    let mut data = Data::from_dir(&common::fixture_dir("v2")).unwrap_or_else(|e| panic!("{e}"));
    for (from, to) in edits {
        let found = data.rules.text.matches(from).count();
        assert_eq!(found, 1, "`{from}` should be in the v2 rules once");
        data.rules.text = data.rules.text.replace(from, to);
    }
    data
}

/// The `v2` fixture with one mechanic changed (see [`v2_data`]).
fn v2_with(edits: &[(&str, &str)]) -> Arc<Content> {
    Arc::new(v2_data(edits).build().unwrap_or_else(|e| panic!("{e}")))
}

/// The errors of the `v2` data with its rules edited (see [`v2_data`]); it must not load.
fn v2_errors(edits: &[(&str, &str)]) -> Vec<DataError> {
    match v2_data(edits).build() {
        Ok(_) => panic!("bad rules were accepted: {edits:?}"),
        Err(e) => e.0,
    }
}

/// The 1-based line and column at which `at` starts inside the first `within` of `text`.
fn place(text: &str, within: &str, at: &str) -> (usize, usize) {
    let start = text.find(within).expect("edited text") + within.find(at).expect("marker");
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Plays both headlines (each hand's one card), leaving both hands empty.
fn headlines(game: &mut Game) -> Vec<Event> {
    let mut events = Vec::new();
    for _ in Side::BOTH {
        let pick = game.legal_actions()[0];
        events.extend(game.apply(pick).expect("headline pick"));
    }
    assert!(game.hand(Side::Washington).is_empty() && game.hand(Side::Seoul).is_empty());
    events
}

/// A game past round 1's headlines, both hands empty, Washington to act; with the events of
/// setup (round 1's shock and agenda).
fn at_actions(content: &Arc<Content>, seed: u64) -> (Game, Vec<Event>) {
    let (mut game, mut events) = Game::start(content.clone(), seed);
    events.extend(headlines(&mut game));
    let washington = Phase::Actions {
        to_move: Side::Washington,
    };
    assert_eq!(game.phase(), &washington);
    (game, events)
}

/// Sets every aim's item to 0, both balances out of their bands and cohesion at 6, so a summit
/// scores only what a test stages.
fn quiet(game: &mut Game) {
    for side in Side::BOTH {
        for aim in game.content().rules.aims[side.index()].clone() {
            game.stage_meter(aim.meter, 0);
        }
    }
    stage(game, &[(Meter::Responsibility, 0), (Meter::RoleBalance, 0)]);
    game.stage_meter(Meter::Cohesion, 6);
}

fn stage(game: &mut Game, values: &[(Meter, i8)]) {
    for &(meter, value) in values {
        game.stage_meter(meter, value);
    }
}

/// Spends every action left this round without playing a card (a pass with an empty hand, a deal
/// opened and withdrawn with cards), up to the next round's headlines or the end of the game.
fn finish_round(game: &mut Game) -> Vec<Event> {
    let round = game.board().round;
    let mut events = Vec::new();
    while let Phase::Actions { to_move } = *game.phase() {
        if game.board().round != round {
            break;
        }
        if game.hand(to_move).is_empty() {
            events.extend(apply_all(game, &[Action::Pass]));
        } else {
            events.extend(apply_all(game, &[Action::OpenDeal, Action::Withdraw]));
        }
    }
    events
}

/// What `pick` takes from each event that it matches, in order.
fn picked<T>(events: &[Event], pick: impl Fn(&Event) -> Option<T>) -> Vec<T> {
    events.iter().filter_map(pick).collect()
}

/// Each aim scored at a summit: side, meter, points, doubled by the priority, on the table.
fn aim_scores(events: &[Event]) -> Vec<(Side, Meter, i8, bool, bool)> {
    picked(events, |e| match *e {
        Event::Scored {
            side,
            points,
            reason:
                ScoreReason::Aim {
                    meter,
                    doubled,
                    on_table,
                },
            cause: Cause::Summit,
        } => Some((side, meter, points, doubled, on_table)),
        _ => None,
    })
}

/// The band and symmetry points scored at a summit, in the order the engine pays them.
fn band_scores(events: &[Event]) -> Vec<(Side, i8)> {
    picked(events, |e| match *e {
        Event::Scored {
            side,
            points,
            reason: ScoreReason::Symmetry | ScoreReason::Band { .. },
            cause: Cause::Summit,
        } => Some((side, points)),
        _ => None,
    })
}

/// The cards played as held cards, in order.
fn held_plays(events: &[Event]) -> Vec<(Side, CardId)> {
    picked(events, |e| match *e {
        Event::CardPlayed {
            side,
            card,
            mode: PlayMode::Held,
        } => Some((side, card)),
        _ => None,
    })
}

/// Every agenda card revealed, with the aims it put on the table.
fn agenda_reveals(events: &[Event]) -> Vec<(u8, [Option<Meter>; 2])> {
    picked(events, |e| match *e {
        Event::AgendaRevealed { agenda, on_table } => Some((agenda, on_table)),
        _ => None,
    })
}
