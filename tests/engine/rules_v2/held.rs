//! Held cards under `held_keep = 1`: when the actions end, the other side's cards in a hand fire
//! for their owner, all but the most recently drawn; a card an earlier one discarded stays
//! discarded, and no card is lost or doubled.

use super::*;
use Meter::*;
use Side::{Seoul, Washington};

#[test]
fn all_but_the_most_recent_other_side_card_fire_when_the_actions_end() {
    let content = v2();
    let none = v2_with(&[("held_keep = 1", "held_keep = 0")]);
    let ids = [
        "seo-cost-1",
        "was-cost-0",
        "seo-mission-0",
        "seo-leverage-0",
    ];
    let [s1, own, s2, s3] = ids.map(|id| card(&content, id));
    // Status +2, status +1, Seoul's leverage +1: with one kept, the last of them stays in hand.
    for (rules, fired, kept, leverage) in
        [(&content, 2, vec![own, s3], 2), (&none, 3, vec![own], 3)]
    {
        let (mut game, _) = at_actions(rules, 5);
        game.stage_hand(Washington, &[s1, own, s2, s3]);
        quiet(&mut game);
        stage(&mut game, &[(Status, 2), (RokLeverage, 2)]);
        let events = finish_round(&mut game);
        let expected: Vec<(Side, CardId)> = [s1, s2, s3][..fired]
            .iter()
            .map(|c| (Washington, *c))
            .collect();
        assert_eq!(held_plays(&events), expected, "fired {fired}");
        let owners: Vec<(CardId, Side)> = events
            .iter()
            .filter_map(|e| match *e {
                Event::EventFired { card, side } => Some((card, side)),
                _ => None,
            })
            .collect();
        let for_seoul: Vec<(CardId, Side)> = expected.iter().map(|(_, c)| (*c, Seoul)).collect();
        assert_eq!(owners, for_seoul, "each fired for its owner, Seoul");
        let summit = events
            .iter()
            .position(|e| matches!(e, Event::Summit { .. }))
            .expect("the summit was held");
        let last_held = events.iter().rposition(|e| {
            matches!(
                e,
                Event::CardPlayed {
                    mode: PlayMode::Held,
                    ..
                }
            )
        });
        assert!(last_held.expect("held cards fired") < summit);
        assert_eq!(game.hand(Washington), kept.as_slice(), "fired {fired}");
        assert_eq!(game.meter(Status), 5);
        assert_eq!(game.meter(RokLeverage), leverage);
    }
}

#[test]
fn a_held_card_discarded_by_an_earlier_held_card_does_not_fire() {
    let content = v2();
    let ids = ["seo-role-0", "seo-cost-1", "seo-mission-0"];
    // The first discards one of Washington's cards at random; the last is the one kept.
    let [discarder, next, last] = ids.map(|id| card(&content, id));
    let mut branches = [false; 2];
    for seed in 0..16 {
        let (mut game, _) = at_actions(&content, seed);
        game.stage_hand(Washington, &[discarder, next, last]);
        let events = finish_round(&mut game);
        let discarded: Vec<CardId> = events
            .iter()
            .filter_map(|e| match *e {
                Event::Discarded {
                    side: Washington,
                    card,
                    cause:
                        Cause::Card {
                            card: by,
                            side: Seoul,
                        },
                } if by == discarder => Some(card),
                _ => None,
            })
            .collect();
        let [gone] = discarded[..] else {
            panic!("seed {seed}: one discard, not {discarded:?}")
        };
        let fired: Vec<CardId> = held_plays(&events).iter().map(|p| p.1).collect();
        if gone == next {
            assert_eq!(
                fired,
                vec![discarder],
                "seed {seed}: the discarded card stays discarded"
            );
            assert_eq!(game.hand(Washington), [last], "seed {seed}");
            branches[0] = true;
        } else {
            assert_eq!(gone, last, "seed {seed}");
            assert_eq!(fired, vec![discarder, next], "seed {seed}");
            branches[1] = true;
        }
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, Event::EventFired { card, .. } if *card == gone))
        );
        let copies = game.board().discard.iter().filter(|c| **c == gone).count();
        assert_eq!(copies, 1, "seed {seed}: discarded once");
        assert_eq!(
            game.card_count(),
            content.cards.len(),
            "seed {seed}: cards are conserved"
        );
    }
    assert_eq!(
        branches,
        [true, true],
        "both cards were discarded in some game"
    );
}
