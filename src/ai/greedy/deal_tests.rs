//! Greedy negotiation against the engine: in random games of every shipped scenario, the terms the
//! bot may plan are the terms the engine allows, and the sketched answer to an offer (accepted,
//! rejected, a counter withdrawn) changes every track exactly as the engine's answer does.

use super::{accepted, addable, rejected};
use crate::ai::sketch::agrees::{beyond_the_sketch, random_positions};
use crate::engine::{Action, Deal, Ending, Game, Phase, Term};

/// What the engine did to the board when `answer` was given, or `None` when the answer reached
/// beyond the deal (a summit, a draw). A card changing hands moves no track, as in the sketch.
fn engine_after(game: &Game, answer: Action) -> Option<Game> {
    let mut after = game.clone();
    let events = after.apply(answer).ok()?;
    (!events.iter().any(beyond_the_sketch)).then_some(after)
}

fn rupture_of(game: &Game) -> Option<Option<crate::engine::Side>> {
    game.outcome().and_then(|o| match o.ending {
        Ending::Rupture { blame } => Some(blame),
        _ => None,
    })
}

#[test]
fn planned_terms_are_the_terms_the_engine_allows() {
    let mut checked = [0u32; 2];
    random_positions(20, |game| {
        let Phase::Deal(deal) = game.phase() else {
            return;
        };
        if deal.sent || deal.edits >= game.edit_cap() {
            return;
        }
        let view = game.view(deal.offerer);
        let count = game.content().rules.deals.terms.len() as u8;
        for ask in [false, true] {
            for i in 0..count {
                let term = Term::Vocab(i);
                let action = if ask {
                    Action::Ask(term)
                } else {
                    Action::Give(term)
                };
                let engine = game.check(action).is_ok();
                assert_eq!(
                    addable(&view, deal, ask, i),
                    engine,
                    "{action:?} in {deal:?}"
                );
                checked[usize::from(engine)] += 1;
            }
        }
    });
    assert!(checked[0] > 100 && checked[1] > 100, "checked {checked:?}");
}

/// The answers whose effect the greedy bot sketches: accepting or rejecting a sent offer, and
/// withdrawing a counter (which rejects the offer it answered).
fn answers(deal: &Deal) -> Vec<Action> {
    match (deal.sent, deal.counters) {
        (true, _) => vec![Action::Accept, Action::Reject],
        (false, 0) => Vec::new(),
        (false, _) => vec![Action::Withdraw],
    }
}

#[test]
fn sketched_answers_change_every_track_as_the_engine_does() {
    let mut checked = [0u32; 3];
    // Accepted bundles by shape (empty, gift, mutual, bare): each cohesion rule is exercised.
    let mut shapes = [0u32; 4];
    random_positions(100, |game| {
        let Phase::Deal(deal) = game.phase() else {
            return;
        };
        let view = game.view(deal.to_move());
        for answer in answers(deal) {
            let Some(after) = engine_after(game, answer) else {
                continue;
            };
            let (s, n) = match answer {
                Action::Accept => (accepted(&view, deal), 0),
                Action::Reject => (rejected(&view, deal.is_bare(), deal.offerer), 1),
                _ => (rejected(&view, deal.standing_bare, deal.offerer.other()), 2),
            };
            let what = format!("{answer:?} to {deal:?}");
            assert_eq!(s.pos.meters, after.board().meters, "{what}");
            assert_eq!(s.pos.priority, after.board().priority, "{what}");
            assert_eq!(s.pos.scores, after.board().scores, "{what}");
            assert_eq!(s.pos.rupture, rupture_of(&after), "{what}");
            checked[n] += 1;
            if answer == Action::Accept {
                shapes[deal.shape() as usize] += 1;
            }
        }
    });
    assert!(checked.iter().all(|n| *n > 50), "checked {checked:?}");
    assert!(
        shapes[1..].iter().all(|n| *n > 5),
        "accepted shapes {shapes:?}"
    );
}
