//! Who is blamed for a rupture under rules v2: no one for an accepted deal's terms or for the
//! other side's event (played for operations or held), so both lose; the player for its own event.

use super::*;
use Meter::*;
use Side::{Seoul, Washington};
use symmetric_alliance::engine::Ending;

fn ruptured(game: &Game, blame: Option<Side>) {
    let outcome = game.outcome().expect("the alliance ruptured");
    assert_eq!(outcome.ending, Ending::Rupture { blame });
    assert_eq!(outcome.winner(), blame.map(Side::other));
    assert_eq!(game.legal_actions(), vec![]);
}

fn cut(card: CardId, side: Side) -> Event {
    Event::Moved {
        meter: Cohesion,
        from: 1,
        to: 0,
        cause: Cause::Card { card, side },
    }
}

/// Washington asks for the hard bargain (cohesion -1, us_cost +1) at cohesion 1 and Seoul
/// accepts: the deal's terms break the alliance. The game and the deal's events.
fn deal_rupture() -> (Game, Vec<Event>) {
    let content = v2();
    let (mut game, _) = at_actions(&content, 9);
    game.stage_meter(Cohesion, 1);
    let events = apply_all(
        &mut game,
        &[
            Action::OpenDeal,
            Action::Give(term(&content, "status")),
            Action::Ask(term(&content, "hard-bargain")),
            Action::Send,
            Action::Accept,
        ],
    );
    (game, events)
}

#[test]
fn a_rupture_by_an_accepted_deals_terms_is_blamed_on_no_one() {
    let (game, events) = deal_rupture();
    let deal = Cause::Deal { opener: Washington };
    assert!(events.contains(&Event::Moved {
        meter: Cohesion,
        from: 1,
        to: 0,
        cause: deal
    }));
    ruptured(&game, None);
    let outcome = game.outcome().expect("over");
    assert!(!outcome.succeeded(Washington) && !outcome.succeeded(Seoul));
}

#[test]
fn a_rupture_by_the_other_sides_event_played_for_operations_is_blamed_on_no_one() {
    let content = v2();
    let theirs = card(&content, "seo-leverage-1"); // event: cohesion -1
    for event_first in [false, true] {
        let (mut game, _) = at_actions(&content, 4);
        game.stage_hand(Washington, &[theirs]);
        game.stage_meter(Cohesion, 1);
        let ops = Action::Ops {
            card: theirs,
            option: 0,
            event_first,
        };
        let events = game.apply(ops).expect("ops play");
        assert!(events.contains(&cut(theirs, Seoul)), "{events:?}");
        ruptured(&game, None);
    }
}

#[test]
fn a_rupture_by_the_other_sides_held_card_is_blamed_on_no_one() {
    let content = v2();
    let theirs = card(&content, "seo-leverage-1"); // event: cohesion -1
    let kept = card(&content, "seo-cost-0");
    let (mut game, _) = at_actions(&content, 4);
    game.stage_hand(Washington, &[theirs, kept]);
    game.stage_meter(Cohesion, 1);
    let events = finish_round(&mut game);
    assert_eq!(held_plays(&events), vec![(Washington, theirs)]);
    assert!(events.contains(&cut(theirs, Seoul)), "{events:?}");
    assert!(!events.iter().any(|e| matches!(e, Event::Summit { .. })));
    ruptured(&game, None);
}

#[test]
fn a_rupture_by_ones_own_event_is_blamed_on_the_player() {
    let content = v2();
    for (side, id) in [(Washington, "was-leverage-1"), (Seoul, "seo-leverage-1")] {
        let own = card(&content, id); // event: cohesion -1 (Washington's: then us_cost +2)
        let (mut game, _) = at_actions(&content, 4);
        if side == Seoul {
            apply_all(&mut game, &[Action::Pass]);
        }
        game.stage_hand(side, &[own]);
        stage(&mut game, &[(Cohesion, 1), (UsCost, 2)]);
        let events = game.apply(Action::Event { card: own }).expect("event");
        assert!(events.contains(&cut(own, side)), "{events:?}");
        assert_eq!(game.meter(UsCost), 2, "the event stopped at the rupture");
        ruptured(&game, Some(side));
    }
}

/// A rupture stops the step that caused it: nothing moves after cohesion reaches 0.
#[test]
fn nothing_moves_after_a_deals_terms_rupture_the_alliance() {
    let (game, events) = deal_rupture();
    ruptured(&game, None);
    let cut = events
        .iter()
        .position(|e| {
            matches!(
                e,
                Event::Moved {
                    meter: Cohesion,
                    to: 0,
                    ..
                }
            )
        })
        .expect("the term cut cohesion to 0");
    let after: Vec<&Event> = events[cut + 1..]
        .iter()
        .filter(|e| matches!(e, Event::Moved { .. }))
        .collect();
    assert_eq!(after, Vec::<&Event>::new());
    assert_eq!(game.meter(Cohesion), 0);
}
