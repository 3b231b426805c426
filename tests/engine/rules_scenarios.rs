//! Scenario tests of the round's rules, each from a small TOML fixture in `tests/fixtures/`.

use crate::common;
use crate::steps::{apply_all, card, term};

use std::sync::Arc;
use symmetric_alliance::engine::{
    Action, Cause, Content, Ending, Event, Game, Meter, Phase, RuleError, Side,
};

/// A mini game advanced past both headlines, with Washington to act (round 1 is odd).
fn at_actions(content: &Arc<Content>, seed: u64) -> Game {
    let mut game = Game::new(content.clone(), seed);
    for _ in 0..2 {
        let pick = game.legal_actions()[0];
        game.apply(pick).expect("headline pick");
    }
    assert_eq!(
        game.phase(),
        &Phase::Actions {
            to_move: Side::Washington
        }
    );
    game
}

#[test]
fn opponent_card_for_operations_fires_its_event_for_the_owner() {
    let content = common::fixture("mini");
    for event_first in [false, true] {
        let mut game = at_actions(&content, 7);
        let seoul_card = card(&content, "seo-cost-1"); // event: status +2
        game.stage_hand(Side::Washington, &[seoul_card]);
        game.stage_meter(Meter::Status, 3);
        game.stage_meter(Meter::UsCost, 2);
        assert_eq!(
            game.check(Action::Event { card: seoul_card }),
            Err(RuleError::NotYourEvent)
        );
        let points = i8::try_from(game.ops_value(seoul_card)).expect("small");
        let events = game
            .apply(Action::Ops {
                card: seoul_card,
                option: 0,
                event_first,
            })
            .expect("ops play is legal");
        let ops_at = events
            .iter()
            .position(|e| {
                matches!(
                    e,
                    Event::Moved {
                        meter: Meter::UsCost,
                        cause: Cause::Ops {
                            side: Side::Washington,
                            ..
                        },
                        ..
                    }
                )
            })
            .expect("washington's operations moved its cost aim");
        let fired_at = events
            .iter()
            .position(|e| {
                *e == Event::EventFired {
                    card: seoul_card,
                    side: Side::Seoul,
                }
            })
            .expect("the event fired for Seoul");
        assert_eq!(fired_at < ops_at, event_first, "the chosen order is kept");
        assert!(events.contains(&Event::Moved {
            meter: Meter::Status,
            from: 3,
            to: 5,
            cause: Cause::Card {
                card: seoul_card,
                side: Side::Seoul
            },
        }));
        assert_eq!(game.meter(Meter::UsCost), 2 + points);
        assert!(game.board().discard.contains(&seoul_card));
        assert_eq!(game.to_move(), Some(Side::Seoul));
    }
}

#[test]
fn a_deal_offered_countered_and_accepted_moves_terms_and_cohesion() {
    let content = common::fixture("mini");
    let mutual = content.rules.deals.mutual_cohesion;
    let mut game = at_actions(&content, 11);
    game.stage_meter(Meter::Cohesion, 5);
    let (opcon, cost, status) = (
        game.meter(Meter::Opcon),
        game.meter(Meter::UsCost),
        game.meter(Meter::Status),
    );
    let events = apply_all(
        &mut game,
        &[
            Action::OpenDeal,
            Action::Give(term(&content, "back-opcon")),
            Action::Ask(term(&content, "spending")),
            Action::Send,
        ],
    );
    assert!(events.iter().any(|e| matches!(
        e,
        Event::OfferSent {
            by: Side::Washington,
            counter: 0,
            ..
        }
    )));
    assert_eq!(game.to_move(), Some(Side::Seoul));
    apply_all(
        &mut game,
        &[
            Action::Counter,
            Action::Give(term(&content, "spending")),
            Action::Ask(term(&content, "status")),
            Action::Send,
        ],
    );
    assert_eq!(game.to_move(), Some(Side::Washington));
    let events = game.apply(Action::Accept).expect("accept");
    assert!(events.contains(&Event::DealAccepted {
        by: Side::Washington,
        bare: false
    }));
    assert_eq!(
        game.meter(Meter::Cohesion),
        5 + mutual,
        "a mutual deal raises cohesion by the rules' amount"
    );
    assert_eq!(
        game.meter(Meter::UsCost),
        cost + 1,
        "Seoul's spending term applied"
    );
    assert_eq!(
        game.meter(Meter::Status),
        status + 1,
        "Washington's status term applied"
    );
    assert_eq!(
        game.meter(Meter::Opcon),
        opcon,
        "the countered offer's terms did not apply"
    );
    assert_eq!(
        game.board().actions_left,
        [4, 5],
        "the deal spent Washington's action"
    );
    assert_eq!(game.to_move(), Some(Side::Seoul));

    // Seoul's own deal: after two counters the only answers left are accept and reject.
    apply_all(
        &mut game,
        &[
            Action::OpenDeal,
            Action::Give(term(&content, "flexibility")),
            Action::Ask(term(&content, "keep-posture")),
            Action::Send,
        ],
    );
    apply_all(
        &mut game,
        &[
            Action::Counter,
            Action::Give(term(&content, "keep-posture")),
            Action::Ask(term(&content, "regional-role")),
            Action::Send,
        ],
    );
    apply_all(
        &mut game,
        &[
            Action::Counter,
            Action::Give(term(&content, "flexibility")),
            Action::Ask(term(&content, "status")),
            Action::Send,
        ],
    );
    assert_eq!(game.legal_actions(), vec![Action::Accept, Action::Reject]);
    apply_all(&mut game, &[Action::Accept]);
    assert_eq!(
        game.meter(Meter::Cohesion),
        5 + 2 * mutual,
        "Seoul's first deal of the round counts too"
    );

    // Washington's second accepted deal this round gains nothing more.
    apply_all(
        &mut game,
        &[
            Action::OpenDeal,
            Action::Give(term(&content, "keep-posture")),
            Action::Ask(term(&content, "spending")),
            Action::Send,
            Action::Accept,
        ],
    );
    assert_eq!(
        game.meter(Meter::Cohesion),
        5 + 2 * mutual,
        "at most once per side per round"
    );
}

#[test]
fn a_bare_demand_rejected_costs_cohesion_and_pays_the_demander_leverage() {
    let content = common::fixture("mini");
    let deals = &content.rules.deals;
    let mut game = at_actions(&content, 5);
    game.stage_meter(Meter::Cohesion, 6);
    game.stage_meter(Meter::UsLeverage, 3);
    let events = apply_all(
        &mut game,
        &[
            Action::OpenDeal,
            Action::Ask(term(&content, "spending")),
            Action::Send,
            Action::Reject,
        ],
    );
    assert!(events.contains(&Event::DealRejected {
        by: Side::Seoul,
        bare: true
    }));
    assert_eq!(game.meter(Meter::Cohesion), 6 + deals.bare_cohesion);
    assert_eq!(
        game.meter(Meter::UsLeverage),
        3 + deals.bare_reject_leverage
    );

    // Seoul's bare demand, accepted: its terms apply and cohesion still falls.
    game.stage_meter(Meter::Status, 4);
    let events = apply_all(
        &mut game,
        &[
            Action::OpenDeal,
            Action::Ask(term(&content, "status")),
            Action::Send,
            Action::Accept,
        ],
    );
    assert!(events.contains(&Event::DealAccepted {
        by: Side::Washington,
        bare: true
    }));
    assert_eq!(game.meter(Meter::Cohesion), 6 + 2 * deals.bare_cohesion);
    assert_eq!(game.meter(Meter::Status), 5);
}

#[test]
fn a_shock_is_absorbed_by_its_layer_which_wears_down() {
    let content = common::fixture("layer");
    let (game, events) = Game::start(content.clone(), 3);
    // Base size 2, uncertainty 5 adds 0; self-help 1 absorbs 1 and wears to 0; 1 damage hits status.
    assert!(events.iter().any(|e| matches!(
        e,
        Event::ShockRevealed {
            size: 2,
            absorbed: 1,
            layer: Meter::SelfHelp,
            ..
        }
    )));
    assert!(events.contains(&Event::Moved {
        meter: Meter::SelfHelp,
        from: 1,
        to: 0,
        cause: Cause::Layer {
            layer: Meter::SelfHelp
        }
    }));
    assert_eq!(game.meter(Meter::SelfHelp), 0);
    assert_eq!(game.meter(Meter::Status), 1);

    // A full layer absorbs the whole shock.
    let mut strong = (*content).clone();
    strong.rules.tracks[Meter::SelfHelp.index()].start = 3;
    let (game, events) = Game::start(Arc::new(strong), 3);
    assert!(events.iter().any(|e| matches!(
        e,
        Event::ShockRevealed {
            size: 2,
            absorbed: 2,
            ..
        }
    )));
    assert_eq!(game.meter(Meter::SelfHelp), 2);
    assert_eq!(game.meter(Meter::Status), 2, "nothing got through");
}

#[test]
fn a_rupture_by_a_deal_is_blamed_on_the_demander() {
    let content = common::fixture("mini");
    let mut game = at_actions(&content, 9);
    game.stage_meter(Meter::Cohesion, 1);
    let events = apply_all(
        &mut game,
        &[
            Action::OpenDeal,
            Action::Ask(term(&content, "spending")),
            Action::Send,
            Action::Reject,
        ],
    );
    let outcome = game.outcome().expect("the game ended at once");
    assert_eq!(
        outcome.ending,
        Ending::Rupture {
            blame: Some(Side::Washington)
        }
    );
    assert_eq!(outcome.winner(), Some(Side::Seoul));
    assert!(matches!(events.last(), Some(Event::GameOver { .. })));
    assert_eq!(game.legal_actions(), Vec::<Action>::new());
    assert_eq!(game.check(Action::Pass), Err(RuleError::GameOver));
}

#[test]
fn a_rupture_by_a_shock_makes_both_lose() {
    let content = common::fixture("rupture");
    let game = Game::new(content, 1);
    let outcome = game
        .outcome()
        .expect("the shock ruptured the alliance at setup");
    assert_eq!(outcome.ending, Ending::Rupture { blame: None });
    assert_eq!(outcome.winner(), None);
    assert!(!outcome.succeeded(Side::Washington) && !outcome.succeeded(Side::Seoul));
}

#[test]
fn an_illegal_action_leaves_the_state_exactly_as_it_was() {
    let content = common::fixture("mini");
    let mut game = at_actions(&content, 2);
    let before = game.clone();
    assert_eq!(game.apply(Action::Pass), Err(RuleError::HandNotEmpty));
    assert_eq!(game.apply(Action::Accept), Err(RuleError::WrongPhase));
    let absent = (0..content.cards.len() as u16)
        .find(|c| !game.hand(Side::Washington).contains(c))
        .expect("a card not in hand");
    assert_eq!(
        game.apply(Action::Event { card: absent }),
        Err(RuleError::NotInHand)
    );
    assert_eq!(game, before);
}

#[test]
fn undo_takes_back_only_an_action_that_revealed_nothing() {
    let content = common::fixture("mini");
    let mut game = at_actions(&content, 4);
    assert!(
        !game.can_undo(Side::Washington),
        "the headline reveal cannot be taken back"
    );
    let before = game.clone();
    game.apply(Action::OpenDeal).expect("open");
    game.apply(Action::Give(term(&content, "status")))
        .expect("give");
    assert!(game.can_undo(Side::Washington));
    assert!(
        !game.can_undo(Side::Seoul),
        "only the side that acted may take it back"
    );
    assert!(game.undo(Side::Washington));
    assert!(game.undo(Side::Washington));
    assert_eq!(game.board(), before.board());
    assert_eq!(game.phase(), before.phase());
    game.apply(Action::OpenDeal).expect("open");
    game.apply(Action::Give(term(&content, "status")))
        .expect("give");
    game.apply(Action::Send).expect("send");
    assert!(
        !game.can_undo(Side::Washington),
        "a sent offer has been shown to the other side"
    );
}

#[test]
fn a_term_the_receiver_cannot_use_is_not_legal() {
    let content = common::fixture("mini");
    let top = |m: Meter| content.rules.tracks[m.index()].max;
    let mut game = at_actions(&content, 11);
    game.apply(Action::OpenDeal).expect("open");
    let give_status = Action::Give(term(&content, "status"));
    let ask_spending = Action::Ask(term(&content, "spending"));
    // With room on the receiver's item, both are on offer.
    game.stage_meter(Meter::Status, top(Meter::Status) - 1);
    game.stage_meter(Meter::UsCost, top(Meter::UsCost) - 1);
    let legal = game.legal_actions();
    assert!(legal.contains(&give_status) && legal.contains(&ask_spending));
    // At the top, a step would be wasted: the engine neither offers nor takes the term.
    game.stage_meter(Meter::Status, top(Meter::Status));
    game.stage_meter(Meter::UsCost, top(Meter::UsCost));
    let legal = game.legal_actions();
    assert!(!legal.contains(&give_status), "{legal:?}");
    assert!(!legal.contains(&ask_spending), "{legal:?}");
    assert!(game.apply(give_status).is_err());
    assert!(game.apply(ask_spending).is_err());
    // A price the receiver pays needs no room: Seoul's cost-sharing settlement lowers
    // Washington's leverage, and may still be asked for with that leverage at 0.
    game.stage_meter(Meter::UsCost, 0);
    game.stage_meter(Meter::UsLeverage, 0);
    assert!(
        game.legal_actions()
            .contains(&Action::Ask(term(&content, "sma-settlement")))
    );
}

/// Under `held_cards_fire`, the other side's card kept in hand past the actions fires for its
/// owner before the summit; the holder's own cards stay.
#[test]
fn an_opponent_card_held_past_the_actions_fires_for_its_owner() {
    for (fixture, fires) in [("held", true), ("mini", false)] {
        let content = common::fixture(fixture);
        let mut game = at_actions(&content, 7);
        let (mine, theirs, kept) = (
            card(&content, "was-cost-0"),
            card(&content, "seo-cost-1"), // event: status +2
            card(&content, "was-role-0"),
        );
        game.stage_hand(Side::Washington, &[mine, theirs, kept]);
        game.stage_hand(Side::Seoul, &[card(&content, "seo-leverage-0")]);
        // Both sides spend their actions without touching the held cards.
        let mut events = Vec::new();
        let per_round = content.rules.actions_per_round;
        for _ in 0..per_round {
            for _ in Side::BOTH {
                events.extend(apply_all(&mut game, &[Action::OpenDeal, Action::Withdraw]));
            }
        }
        let held = Event::CardPlayed {
            side: Side::Washington,
            card: theirs,
            mode: symmetric_alliance::engine::PlayMode::Held,
        };
        assert_eq!(events.contains(&held), fires, "{fixture}: {events:?}");
        let fired = Event::EventFired {
            card: theirs,
            side: Side::Seoul,
        };
        assert_eq!(events.contains(&fired), fires, "{fixture}");
        // It fired before the summit scored, and the holder's own card was not touched.
        if fires {
            let at = |e: &Event| events.iter().position(|x| x == e);
            let summit = events
                .iter()
                .position(|e| matches!(e, Event::Summit { .. }))
                .expect("the summit was held");
            assert!(at(&fired).expect("fired") < summit);
            assert!(!events.iter().any(|e| matches!(
                e,
                Event::CardPlayed { card, .. } if *card == kept || *card == mine
            )));
        }
    }
}

/// Under `withdraw_leverage`, a deal withdrawn before anything was sent costs the opener
/// leverage, so opening a deal is not a free pass.
#[test]
fn withdrawing_an_unsent_deal_costs_the_opener_leverage() {
    for (fixture, cost) in [("held", 1), ("mini", 0)] {
        let content = common::fixture(fixture);
        let mut game = at_actions(&content, 7);
        game.stage_meter(Meter::UsLeverage, 4);
        apply_all(&mut game, &[Action::OpenDeal, Action::Withdraw]);
        assert_eq!(game.meter(Meter::UsLeverage), 4 - cost, "{fixture}");
    }
}

/// Cards of a later era wait outside the deck and are shuffled in at the start of their round;
/// without eras, every card is in the deck from the start.
#[test]
fn later_era_cards_enter_the_deck_at_their_round() {
    let content = common::fixture("eras");
    let later: Vec<u16> = [
        "eit-cost-0",
        "eit-mission-1",
        "eit-role-0",
        "eit-leverage-1",
    ]
    .iter()
    .map(|id| card(&content, id))
    .collect();
    let mut reached = 0;
    for seed in 0..20 {
        let (mut game, mut events) = Game::start(content.clone(), seed);
        for side in Side::BOTH {
            let hand = game.hand(side);
            assert!(
                !later.iter().any(|c| hand.contains(c)),
                "seed {seed}: {hand:?}"
            );
        }
        let mut step = 0usize;
        while game.board().round < 3 && !game.is_over() {
            let legal = game.legal_actions();
            events.extend(game.apply(legal[step % legal.len()]).expect("legal"));
            step += 7;
        }
        let entered: Vec<(u8, u16)> = events
            .iter()
            .filter_map(|e| match e {
                Event::CardsEntered { round, cards } => Some((*round, *cards)),
                _ => None,
            })
            .collect();
        if game.board().round == 3 {
            assert_eq!(entered, vec![(2, 4), (3, 4)], "seed {seed}");
            reached += 1;
        }
    }
    assert!(reached >= 10, "only {reached} of 20 games reached round 3");
    let (_, events) = Game::start(common::fixture("mini"), 1);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::CardsEntered { .. }))
    );
}
