//! The summit's other v2 rules: each balance in its band pays its side `band_bonus`, and an item
//! at its upkeep level slides back one step before it scores.

use super::*;
use Meter::*;
use Side::{Seoul, Washington};

/// Round 1's summit with every aim at 0 and the balances and cohesion staged: its events.
fn summit_with(content: &Arc<Content>, values: &[(Meter, i8)]) -> (Game, Vec<Event>) {
    let (mut game, _) = at_actions(content, 2);
    quiet(&mut game);
    stage(&mut game, values);
    let events = finish_round(&mut game);
    (game, events)
}

fn symmetric(events: &[Event]) -> bool {
    events
        .iter()
        .find_map(|e| match e {
            Event::Summit { symmetric, .. } => Some(*symmetric),
            _ => None,
        })
        .expect("a summit")
}

/// Who is paid how much at a summit, in the order the engine pays.
type Paid = &'static [(Side, i8)];

#[test]
fn a_balance_in_its_band_pays_its_side_the_band_bonus() {
    let content = v2();
    // Responsibility pays Seoul, role balance Washington; both bands are 4..=6.
    let cases: [(i8, i8, Paid); 6] = [
        (5, 8, &[(Seoul, 2)]),
        (4, 7, &[(Seoul, 2)]),
        (3, 4, &[(Washington, 2)]),
        (7, 6, &[(Washington, 2)]),
        (3, 7, &[]),
        // Both in, cohesion 6 at or above the floor of 5: the bands and the symmetry bonus.
        (
            6,
            4,
            &[(Seoul, 2), (Washington, 2), (Washington, 3), (Seoul, 3)],
        ),
    ];
    for (responsibility, role, paid) in cases {
        let values = [(Responsibility, responsibility), (RoleBalance, role)];
        let (game, events) = summit_with(&content, &values);
        assert_eq!(band_scores(&events), paid, "{values:?}");
        assert_eq!(symmetric(&events), paid.len() == 4, "{values:?}");
        let total = |side: Side| {
            paid.iter()
                .filter(|p| p.0 == side)
                .map(|p| i16::from(p.1))
                .sum::<i16>()
        };
        assert_eq!(game.board().scores, [total(Washington), total(Seoul)]);
    }
    // Without the band bonus a half-symmetric alliance pays no one.
    let off = v2_with(&[("band_bonus = 2", "band_bonus = 0")]);
    let (_, events) = summit_with(&off, &[(Responsibility, 5), (RoleBalance, 8)]);
    assert_eq!(band_scores(&events), vec![]);
    let (_, events) = summit_with(&off, &[(Responsibility, 5), (RoleBalance, 5)]);
    assert_eq!(band_scores(&events), vec![(Washington, 3), (Seoul, 3)]);
}

/// The fixture's two upkeep pressures, as its rules file gives them.
const UPKEEP: &str = r#"[[summit.pressure]]
name = "The cost-sharing bargain is reopened"
when = [{ test = "at_least", meter = "us_cost", value = 7 }]
effects = [{ op = "move", meter = "us_cost", by = -1 }]

[[summit.pressure]]
name = "Status must be earned again"
when = [{ test = "at_least", meter = "status", value = 7 }]
effects = [{ op = "move", meter = "status", by = -1 }]
"#;

fn slid(meter: Meter, from: i8, index: u8) -> Event {
    Event::Moved {
        meter,
        from,
        to: from - 1,
        cause: Cause::Pressure { index },
    }
}

#[test]
fn an_item_at_its_upkeep_level_slides_back_a_step_before_it_scores() {
    let content = v2();
    // us_cost 8 would pay 3 (threshold 8); it slides to 7 first and pays 2 (threshold 6).
    // status 8 likewise pays 2, not 3.
    let (game, events) = summit_with(&content, &[(UsCost, 8), (Status, 8)]);
    let at = |e: &Event| events.iter().position(|x| x == e);
    let (cost, status) = (slid(UsCost, 8, 0), slid(Status, 8, 1));
    let first_score = events
        .iter()
        .position(|e| matches!(e, Event::Scored { .. }))
        .expect("the summit scored");
    assert!(at(&cost).expect("us_cost slid") < first_score, "{events:?}");
    assert!(
        at(&status).expect("status slid") < first_score,
        "{events:?}"
    );
    assert_eq!(
        aim_scores(&events),
        vec![
            (Washington, UsCost, 2, false, false),
            (Seoul, Status, 2, false, false)
        ]
    );
    assert_eq!((game.meter(UsCost), game.meter(Status)), (7, 7));

    // One step a summit, and only at the upkeep level: 7 slides to 6, 6 stays.
    let (game, events) = summit_with(&content, &[(UsCost, 7), (Status, 6)]);
    assert!(events.contains(&slid(UsCost, 7, 0)));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::Moved { meter: Status, .. }))
    );
    assert_eq!((game.meter(UsCost), game.meter(Status)), (6, 6));

    // Without upkeep the items keep their level and pay for it.
    let plain = v2_with(&[(UPKEEP, "")]);
    let (game, events) = summit_with(&plain, &[(UsCost, 8), (Status, 8)]);
    assert_eq!(
        aim_scores(&events),
        vec![
            (Washington, UsCost, 3, false, false),
            (Seoul, Status, 3, false, false)
        ]
    );
    assert_eq!((game.meter(UsCost), game.meter(Status)), (8, 8));
}

/// The two temptations of the shipped rules, as a variant of the fixture gives them: a pressure
/// that pays the side pushing its partner's balance out of the band.
const TEMPTATIONS: &str = r#"
[[summit.pressure]]
name = "Burden shifting: Washington redeploys"
when = [{ test = "at_least", meter = "responsibility", value = 7 }]
effects = [{ op = "score", who = "washington", points = 2 }]

[[summit.pressure]]
name = "Staying out of the region pays Seoul"
when = [{ test = "at_most", meter = "role_balance", value = 3 }]
effects = [{ op = "score", who = "seoul", points = 2 }]
"#;

/// Points a summit's pressures paid, by side.
fn pressure_pay(events: &[Event]) -> Vec<(Side, i8)> {
    picked(events, |e| match e {
        Event::Scored {
            side,
            points,
            reason: ScoreReason::Effect,
            cause: Cause::Pressure { .. },
        } => Some((*side, *points)),
        _ => None,
    })
}

#[test]
fn a_temptation_pays_the_side_that_holds_its_partners_balance_out_of_the_band() {
    let tempted = v2_with(&[(UPKEEP, &format!("{UPKEEP}{TEMPTATIONS}"))]);
    // Responsibility 7 (out of Seoul's band) pays Washington; roles 3 (out of Washington's)
    // pay Seoul; both at once pay both, and the alliance is not symmetric.
    let cases: [(i8, i8, Paid); 4] = [
        (7, 5, &[(Washington, 2)]),
        (5, 3, &[(Seoul, 2)]),
        (8, 2, &[(Washington, 2), (Seoul, 2)]),
        (6, 4, &[]),
    ];
    for (responsibility, role, paid) in cases {
        let values = [(Responsibility, responsibility), (RoleBalance, role)];
        let (_, events) = summit_with(&tempted, &values);
        assert_eq!(pressure_pay(&events), paid, "{values:?}");
        assert_eq!(symmetric(&events), paid.is_empty(), "{values:?}");
    }
    // The plain fixture pays nothing for the same levels.
    let (_, events) = summit_with(&v2(), &[(Responsibility, 8), (RoleBalance, 2)]);
    assert_eq!(pressure_pay(&events), vec![]);
}
