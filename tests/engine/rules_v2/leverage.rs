//! Leverage spent in play: setting the other side's card aside without its event, and boosting an
//! own card's operations; each refused when the card or the leverage is wrong, or the rules
//! switch it off.

use super::*;
use Meter::*;
use Side::{Seoul, Washington};
use symmetric_alliance::engine::RuleError;

/// The fixture's leverage block, as its rules file gives it.
const LEVERAGE: &str = "[leverage]\nset_aside = 2\nboost_cost = 2\nboost_ops = 1\n";

/// Refuses `action` with `why`, by `check` and by `apply`, leaving the game exactly as it was,
/// and `legal_actions` does not list it.
fn refused(game: &mut Game, action: Action, why: RuleError) {
    assert!(!game.legal_actions().contains(&action), "{action:?} listed");
    assert_eq!(game.check(action), Err(why), "{action:?}");
    let before = game.clone();
    assert_eq!(game.apply(action), Err(why), "{action:?}");
    assert_eq!(*game, before, "{action:?} changed the game");
}

fn spent(meter: Meter, from: i8, card: CardId, side: Side) -> Event {
    Event::Moved {
        meter,
        from,
        to: from - 2,
        cause: Cause::Ops { card, side },
    }
}

#[test]
fn setting_aside_discards_the_other_sides_card_without_its_event() {
    let content = v2();
    let (mut game, _) = at_actions(&content, 3);
    let theirs = card(&content, "seo-cost-1"); // event: status +2
    game.stage_hand(Washington, &[theirs]);
    stage(&mut game, &[(UsLeverage, 3), (Status, 2)]);
    let action = Action::SetAside { card: theirs };
    assert!(game.legal_actions().contains(&action));
    let events = game.apply(action).expect("set aside");
    let played = Event::CardPlayed {
        side: Washington,
        card: theirs,
        mode: PlayMode::SetAside,
    };
    assert_eq!(
        events,
        vec![played, spent(UsLeverage, 3, theirs, Washington)]
    );
    assert_eq!(game.meter(Status), 2, "the event did not fire");
    assert!(!game.board().played.contains(theirs));
    assert_eq!(game.board().discard.last(), Some(&theirs));
    assert!(game.hand(Washington).is_empty());
    assert_eq!(
        game.board().actions_left,
        [0, 1],
        "it took Washington's action"
    );

    // Seoul's set-aside spends its own leverage, exactly the price.
    let mine = card(&content, "was-cost-1"); // event: us_mission +2
    game.stage_hand(Seoul, &[mine]);
    stage(&mut game, &[(RokLeverage, 2), (UsMission, 1)]);
    let events = game
        .apply(Action::SetAside { card: mine })
        .expect("set aside");
    let played = Event::CardPlayed {
        side: Seoul,
        card: mine,
        mode: PlayMode::SetAside,
    };
    assert_eq!(events[..2], [played, spent(RokLeverage, 2, mine, Seoul)]);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::EventFired { card, .. } if *card == mine))
    );
    assert_eq!(game.meter(UsMission), 1);
    assert_eq!(game.meter(RokLeverage), 0);
}

#[test]
fn only_the_other_sides_card_and_enough_leverage_can_be_set_aside() {
    let content = v2();
    let (mut game, _) = at_actions(&content, 3);
    let (own, either, theirs) = (
        card(&content, "was-cost-0"),
        card(&content, "eit-cost-0"),
        card(&content, "seo-cost-1"),
    );
    game.stage_hand(Washington, &[own, either, theirs]);
    game.stage_meter(UsLeverage, 10);
    assert!(
        game.legal_actions()
            .contains(&Action::SetAside { card: theirs })
    );
    for card in [own, either] {
        refused(
            &mut game,
            Action::SetAside { card },
            RuleError::NoSuchOption,
        );
    }
    game.stage_meter(UsLeverage, 1);
    refused(
        &mut game,
        Action::SetAside { card: theirs },
        RuleError::NoLeverage,
    );
    let absent = card(&content, "seo-cost-0");
    refused(
        &mut game,
        Action::SetAside { card: absent },
        RuleError::NotInHand,
    );
}

#[test]
fn a_boost_plays_an_own_card_for_more_points_at_a_price() {
    let content = v2();
    let (mut game, _) = at_actions(&content, 3);
    let own = card(&content, "was-cost-0"); // 1 op; option 0 moves us_cost 1 a point
    game.stage_hand(Washington, &[own]);
    stage(
        &mut game,
        &[(UsLeverage, 3), (UsCost, 2), (Responsibility, 0)],
    );
    let legal = game.legal_actions();
    for option in 0..2 {
        assert!(
            legal.contains(&Action::Boost { card: own, option }),
            "{legal:?}"
        );
    }
    let plain = game.clone();
    let events = game
        .apply(Action::Boost {
            card: own,
            option: 0,
        })
        .expect("boost");
    let ops = Cause::Ops {
        card: own,
        side: Washington,
    };
    let played = |points| Event::CardPlayed {
        side: Washington,
        card: own,
        mode: PlayMode::Ops { option: 0, points },
    };
    let cost = |to| Event::Moved {
        meter: UsCost,
        from: 2,
        to,
        cause: ops,
    };
    assert_eq!(
        events,
        vec![spent(UsLeverage, 3, own, Washington), played(2), cost(4)]
    );
    // The same card played for operations without a boost: one point, no leverage spent.
    let mut plain = plain;
    let unboosted = Action::Ops {
        card: own,
        option: 0,
        event_first: false,
    };
    assert_eq!(
        plain.apply(unboosted).expect("ops"),
        vec![played(1), cost(3)]
    );
    assert_eq!(plain.meter(UsLeverage), 3);

    // Seoul boosts an either-side card: 4 ops and 1 more for partnership (1 every 2 points).
    let either = card(&content, "eit-role-1");
    game.stage_hand(Seoul, &[either]);
    stage(&mut game, &[(RokLeverage, 2), (Partnership, 0)]);
    let events = game
        .apply(Action::Boost {
            card: either,
            option: 0,
        })
        .expect("boost");
    let played = Event::CardPlayed {
        side: Seoul,
        card: either,
        mode: PlayMode::Ops {
            option: 0,
            points: 5,
        },
    };
    assert_eq!(events[..2], [spent(RokLeverage, 2, either, Seoul), played]);
    assert_eq!(game.meter(Partnership), 2);
}

#[test]
fn no_boost_for_the_other_sides_card_or_without_leverage() {
    let content = v2();
    let (mut game, _) = at_actions(&content, 3);
    let (own, theirs) = (card(&content, "was-cost-0"), card(&content, "seo-cost-1"));
    game.stage_hand(Washington, &[own, theirs]);
    game.stage_meter(UsLeverage, 10);
    let boost = |card, option| Action::Boost { card, option };
    refused(&mut game, boost(theirs, 0), RuleError::NoSuchOption);
    refused(&mut game, boost(own, 2), RuleError::NoSuchOption);
    game.stage_meter(UsLeverage, 1);
    refused(&mut game, boost(own, 0), RuleError::NoLeverage);
    let legal = game.legal_actions();
    assert!(
        !legal.iter().any(|a| matches!(a, Action::Boost { .. })),
        "{legal:?}"
    );
}

#[test]
fn with_costs_of_zero_leverage_buys_nothing() {
    let off = v2_with(&[(
        LEVERAGE,
        "[leverage]\nset_aside = 0\nboost_cost = 0\nboost_ops = 0\n",
    )]);
    let (mut game, _) = at_actions(&off, 3);
    let (own, theirs) = (card(&off, "was-cost-0"), card(&off, "seo-cost-1"));
    game.stage_hand(Washington, &[own, theirs]);
    game.stage_meter(UsLeverage, 10);
    let legal = game.legal_actions();
    let bought = |a: &Action| matches!(a, Action::SetAside { .. } | Action::Boost { .. });
    assert!(!legal.iter().any(bought), "{legal:?}");
    // A use the rules switch off is not an option at all, whatever leverage the side has.
    refused(
        &mut game,
        Action::SetAside { card: theirs },
        RuleError::NoSuchOption,
    );
    let boost = Action::Boost {
        card: own,
        option: 0,
    };
    assert!(game.check(boost).is_err());
    let before = game.clone();
    assert!(game.apply(boost).is_err());
    assert_eq!(game, before);
    // The fixture itself offers both with the same hand and leverage.
    let (mut game, _) = at_actions(&v2(), 3);
    game.stage_hand(Washington, &[own, theirs]);
    game.stage_meter(UsLeverage, 10);
    assert_eq!(game.legal_actions().iter().filter(|a| bought(a)).count(), 3);
}

#[test]
fn the_initiative_pays_leverage_for_an_own_cards_event_only() {
    let with = format!("{LEVERAGE}initiative = 1\n");
    let content = v2_with(&[(LEVERAGE, &with)]);
    let (mut game, _) = at_actions(&content, 3);
    let own = card(&content, "was-cost-1"); // event: us_mission +2
    let either = card(&content, "eit-cost-1"); // event: uncertainty -2
    game.stage_hand(Washington, &[own]);
    game.stage_hand(Seoul, &[either]);
    stage(
        &mut game,
        &[(UsLeverage, 3), (UsMission, 1), (RokLeverage, 4)],
    );
    let events = game.apply(Action::Event { card: own }).expect("event");
    let gained = Event::Moved {
        meter: UsLeverage,
        from: 3,
        to: 4,
        cause: Cause::Card {
            card: own,
            side: Washington,
        },
    };
    assert_eq!(events.last(), Some(&gained), "{events:?}");
    assert_eq!(game.meter(UsMission), 3, "the event fired as well");

    // An either-side card's event is nobody's own agenda: it earns no leverage.
    game.apply(Action::Event { card: either }).expect("event");
    assert_eq!(game.meter(RokLeverage), 4);

    // The fixture's own rules have no initiative: the same event earns nothing.
    let plain = v2();
    let (mut game, _) = at_actions(&plain, 3);
    let own = card(&plain, "was-cost-1");
    game.stage_hand(Washington, &[own]);
    stage(&mut game, &[(UsLeverage, 3)]);
    game.apply(Action::Event { card: own }).expect("event");
    assert_eq!(game.meter(UsLeverage), 3);
}

#[test]
fn the_initiative_is_checked_like_every_leverage_number() {
    let bad = format!("{LEVERAGE}initiative = 9\n");
    let errors = v2_errors(&[(LEVERAGE, &bad)]);
    assert!(
        errors.iter().any(|e| e.to_string().contains("initiative")),
        "{errors:?}"
    );
}
