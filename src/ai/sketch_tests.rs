//! The bots' fast copy of the rules against the engine. Random games of every shipped scenario,
//! deals included; at each position the sketch and the evaluation must test every kind of
//! condition as the engine does, and a sketched card action must change every track, the priority
//! and the scores exactly as the engine's action does.

use super::Sketch;
use crate::ai::eval::{Evaluator, Position, pressure_drain};
use crate::content::{Data, Source, scenario};
use crate::engine::{
    Action, Board, CardRef, Cause, Condition, Content, Domain, Effect, Ending, Event, Game, Meter,
    Phase, Pressure, Priority, rng,
};
use rand::RngExt;
use std::collections::HashMap;
use std::sync::Arc;

/// The plain rules and every shipped scenario.
pub(crate) fn every_content() -> Vec<Arc<Content>> {
    let base = Data::embedded().build().expect("valid data");
    let scenarios = [
        (
            "classroom.toml",
            include_str!("../../rules/scenarios/classroom.toml"),
        ),
        (
            "taiwan-strait.toml",
            include_str!("../../rules/scenarios/taiwan-strait.toml"),
        ),
    ];
    let mut all: Vec<Arc<Content>> = scenarios
        .iter()
        .map(|(name, text)| scenario::build(&base, &Source::new(*name, *text)).expect("builds"))
        .map(Arc::new)
        .collect();
    all.push(Arc::new(base));
    all
}

/// Plays `games` random games of each content and calls `visit` before every decision.
pub(crate) fn random_positions(games: u64, mut visit: impl FnMut(&Game)) {
    let mut legal = Vec::new();
    for content in every_content() {
        for seed in 0..games {
            let mut game = Game::new(content.clone(), seed);
            let mut pick = rng::stream(seed, 11);
            while !game.is_over() {
                visit(&game);
                game.legal_actions_into(&mut legal);
                let a = legal[pick.random_range(0..legal.len())];
                game.apply(a).expect("legal");
            }
        }
    }
}

/// One condition of every kind and every value that matters on this board: each meter just
/// below, at and above its level, both priorities, structural shocks of each domain or any, and
/// every card played or not.
fn every_condition(content: &Content, board: &Board) -> Vec<Condition> {
    let mut out = Vec::new();
    for m in Meter::ALL {
        let v = board.meter(m);
        for value in [v - 1, v, v + 1] {
            out.push(Condition::AtLeast { meter: m, value });
            out.push(Condition::AtMost { meter: m, value });
        }
    }
    for is in [Priority::Deal, Priority::Strategy] {
        out.push(Condition::Priority { is });
    }
    out.push(Condition::Structural { domain: None });
    for d in Domain::ALL {
        out.push(Condition::Structural { domain: Some(d) });
    }
    for card in 0..content.cards.len() as u16 {
        out.push(Condition::Played {
            card: CardRef(card),
        });
    }
    out
}

fn kind(c: &Condition) -> usize {
    match c {
        Condition::AtLeast { .. } => 0,
        Condition::AtMost { .. } => 1,
        Condition::Priority { .. } => 2,
        Condition::Structural { .. } => 3,
        Condition::Played { .. } => 4,
    }
}

/// Every condition worth testing in `content`: each meter at every level of its range and one
/// beyond, both priorities, structural shocks, and every card played. With `levels_only`, just
/// the kinds that read levels and priority.
fn all_conditions(content: &Content, levels_only: bool) -> Vec<Condition> {
    let mut out = Vec::new();
    for m in Meter::ALL {
        let t = content.rules.track(m);
        for value in t.min - 1..=t.max + 1 {
            out.push(Condition::AtLeast { meter: m, value });
            out.push(Condition::AtMost { meter: m, value });
        }
    }
    let board = Game::new(Arc::new(content.clone()), 0).board().clone();
    out.extend(
        every_condition(content, &board)
            .into_iter()
            .filter(|c| kind(c) == 2 || !levels_only && kind(c) > 2),
    );
    out
}

/// Content whose summit pressures are one per condition, each draining one cohesion, so the
/// evaluation's rupture risk tests every condition kind the way the engine's summit does. Built
/// once per content (and kinds), since the tests ask at every position.
#[derive(Default)]
struct Pressured(HashMap<(usize, bool), (Content, Evaluator)>);

impl Pressured {
    fn of(&mut self, content: &Arc<Content>, levels_only: bool) -> &(Content, Evaluator) {
        let key = (Arc::as_ptr(content) as usize, levels_only);
        self.0.entry(key).or_insert_with(|| {
            let mut c = Content::clone(content);
            c.rules.pressures = all_conditions(content, levels_only)
                .into_iter()
                .map(|cond| Pressure {
                    name: "test".into(),
                    when: vec![cond],
                    effects: vec![Effect::Move {
                        meter: Meter::Cohesion,
                        by: -1,
                    }],
                })
                .collect();
            let ev = Evaluator::new(&c);
            (c, ev)
        })
    }

    /// Checks the evaluation's pressure drain at `pos` against the engine's tests on `game`.
    fn agree(&mut self, game: &Game, pos: &Position, levels_only: bool) {
        let (pressured, ev) = self.of(game.content(), levels_only);
        let pressures = &pressured.rules.pressures;
        let engine = -(pressures.iter().filter(|p| game.holds(&p.when)).count() as i32);
        let drain = pressure_drain(ev.rules(), &pressured.shocks, pos);
        assert_eq!(drain, engine, "round {}", game.board().round);
    }
}

#[test]
fn sketch_and_evaluation_test_every_condition_as_the_engine_does() {
    // How often each kind held and failed, so a kind that never varies is caught.
    let mut seen = [[0u32; 2]; 5];
    let mut pressured = Pressured::default();
    random_positions(12, |game| {
        let (content, board) = (game.content(), game.board());
        let conditions = every_condition(content, board);
        let sketch = Sketch::new(content, board);
        for c in &conditions {
            let holds = game.holds(std::slice::from_ref(c));
            assert_eq!(sketch.holds(std::slice::from_ref(c)), holds, "{c:?}");
            seen[kind(c)][usize::from(holds)] += 1;
        }
        pressured.agree(game, &Position::of(board), false);
    });
    for (k, [no, yes]) in seen.iter().enumerate() {
        assert!(
            *no > 0 && *yes > 0,
            "condition kind {k} held {yes} times, failed {no}"
        );
    }
}

/// Events that come from something other than the decision itself: a draw, a discard, or a
/// summit or new round it led to (whose pressures and shocks may rupture the alliance before any
/// summit event). The sketch values draws and discards instead of playing them, and stops short
/// of the summit.
pub(crate) fn beyond_the_sketch(e: &Event) -> bool {
    let outside = |c: &Cause| {
        !matches!(
            c,
            Cause::Card { .. } | Cause::Ops { .. } | Cause::Deal { .. }
        )
    };
    match e {
        Event::Drew { .. }
        | Event::Discarded { .. }
        | Event::Reshuffled { .. }
        | Event::Summit { .. }
        | Event::RoundStarted { .. } => true,
        // The other side's cards held when the actions end fire after the last one; the sketch
        // prices them apart from the action (`Sketch::held_fire`), so an action whose held
        // cards break the alliance before the summit is compared no further.
        Event::CardPlayed {
            mode: crate::engine::PlayMode::Held,
            ..
        } => true,
        Event::Moved { cause, .. }
        | Event::PriorityChanged { cause, .. }
        | Event::Scored { cause, .. } => outside(cause),
        _ => false,
    }
}

/// After a sketched action, the sketch (at its moved levels) and the evaluation's pressures test
/// conditions as the engine does after the real action. The sketch keeps the starting board's
/// shocks in play and cards played, so kinds that read those are compared only when the action
/// left them as they were.
fn conditions_agree(s: &Sketch, after: &Game, before: &Board, pressured: &mut Pressured) {
    let board = after.board();
    let lists_kept = board.in_play == before.in_play && board.played == before.played;
    for c in every_condition(after.content(), board) {
        if lists_kept || kind(&c) < 3 {
            let holds = after.holds(std::slice::from_ref(&c));
            assert_eq!(
                s.holds(std::slice::from_ref(&c)),
                holds,
                "{c:?} after the action"
            );
        }
    }
    pressured.agree(after, &s.pos, !lists_kept);
}

#[test]
fn sketched_card_actions_change_every_track_as_the_engine_does() {
    let mut checked = 0;
    let mut ruptures = 0;
    let mut pressured = Pressured::default();
    random_positions(12, |game| {
        let Some(side) = game.to_move() else { return };
        if !matches!(game.phase(), Phase::Actions { .. }) {
            return;
        }
        for a in game.legal_actions() {
            if a.card().is_none() || matches!(a, Action::Headline { .. }) {
                continue;
            }
            let mut after = game.clone();
            let events = after.apply(a).expect("legal");
            if events.iter().any(beyond_the_sketch) {
                continue;
            }
            let mut s = Sketch::new(game.content(), game.board());
            s.card_action(side, a);
            let rupture = after.outcome().and_then(|o| match o.ending {
                Ending::Rupture { blame } => Some(blame),
                _ => None,
            });
            assert_eq!(s.pos.rupture, rupture, "{a:?}: {events:?}");
            assert_eq!(s.pos.meters, after.board().meters, "{a:?}");
            assert_eq!(s.pos.priority, after.board().priority, "{a:?}");
            assert_eq!(s.pos.scores, after.board().scores, "{a:?}");
            conditions_agree(&s, &after, game.board(), &mut pressured);
            checked += 1;
            ruptures += usize::from(rupture.is_some());
        }
    });
    assert!(checked > 10_000, "only {checked} actions checked");
    assert!(ruptures > 0, "no rupture among {checked} actions");
}
