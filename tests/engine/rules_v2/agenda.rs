//! The summit agenda: each round reveals a card, and the aim it names for a side pays once more
//! at that summit (on top of the priority), for the trailing side only or for both.

use super::*;
use Meter::*;
use Side::{Seoul, Washington};

/// Every aim item at a level that scores: us_cost 1, us_leverage 1, us_mission 2, us_role 1,
/// opcon 2, posture 1, status 1, rok_leverage 1 (before the priority and the agenda).
const SCORING: [(Meter, i8); 8] = [
    (UsCost, 4),
    (UsLeverage, 5),
    (UsMission, 5),
    (UsRole, 3),
    (Opcon, 4),
    (Posture, 6),
    (Status, 4),
    (RokLeverage, 5),
];

/// The fixture's two agenda cards, as its rules file gives them.
const AGENDA: &str = r#"[[summit.agenda]]
id = "opcon-review"
title = "The yearly review of the OPCON transfer"
washington = "us_role"
seoul = "opcon"

[[summit.agenda]]
id = "posture-review"
title = "A global review of U.S. force posture"
washington = "us_mission"
seoul = "posture"
"#;

/// What round 1's summit pays with the [`SCORING`] items, by the agenda card revealed (`None`:
/// no agenda). The priority is strategy, so us_mission and us_role are doubled; the aim on the
/// table pays once more, on top.
fn expected(card: Option<&str>) -> Vec<(Side, Meter, i8, bool, bool)> {
    let (role, mission, opcon, posture) = match card {
        Some("opcon-review") => ((3, true), (4, false), (4, true), (1, false)),
        Some("posture-review") => ((2, false), (6, true), (2, false), (2, true)),
        _ => ((2, false), (4, false), (2, false), (1, false)),
    };
    vec![
        (Washington, UsCost, 1, false, false),
        (Washington, UsLeverage, 1, false, false),
        (Washington, UsMission, mission.0, true, mission.1),
        (Washington, UsRole, role.0, true, role.1),
        (Seoul, Opcon, opcon.0, false, opcon.1),
        (Seoul, Posture, posture.0, false, posture.1),
        (Seoul, Status, 1, false, false),
        (Seoul, RokLeverage, 1, false, false),
    ]
}

#[test]
fn each_round_reveals_an_agenda_card_whose_aims_pay_once_more() {
    let content = v2();
    let mut seen = [false; 2];
    for seed in 0..16 {
        let (mut game, start) = at_actions(&content, seed);
        let reveals = agenda_reveals(&start);
        assert_eq!(reveals.len(), 1, "seed {seed}: one card a round");
        let (index, on_table) = reveals[0];
        let agenda = &content.rules.agenda[usize::from(index)];
        assert_eq!(
            on_table,
            [Some(agenda.aims[0]), Some(agenda.aims[1])],
            "seed {seed}: at 0-0 both sides trail, so both aims are on the table"
        );
        assert_eq!(game.board().agenda, Some(index));
        assert_eq!(game.board().on_table, on_table);
        if std::mem::replace(&mut seen[usize::from(index)], true) {
            continue;
        }
        quiet(&mut game);
        stage(&mut game, &SCORING);
        let events = finish_round(&mut game);
        assert_eq!(
            aim_scores(&events),
            expected(Some(&agenda.id)),
            "seed {seed}"
        );
        // A deck of two: round 2 reveals the other card.
        let next: Vec<u8> = agenda_reveals(&events).iter().map(|r| r.0).collect();
        assert_eq!(next, vec![1 - index], "seed {seed}");
    }
    assert_eq!(seen, [true, true], "the seed shuffles the agenda deck");

    // Without agenda cards nothing is revealed and no aim pays more than its priority.
    let plain = v2_with(&[(AGENDA, "")]);
    let (mut game, start) = at_actions(&plain, 0);
    assert_eq!(agenda_reveals(&start), vec![]);
    assert_eq!(game.board().on_table, [None, None]);
    quiet(&mut game);
    stage(&mut game, &SCORING);
    assert_eq!(aim_scores(&finish_round(&mut game)), expected(None));
}

#[test]
fn a_heavier_agenda_pays_the_aim_on_the_table_that_many_times_more() {
    let heavy = v2_with(&[(
        "agenda_favours = \"trailing\"",
        "agenda_favours = \"trailing\"\nagenda_weight = 3",
    )]);
    assert_eq!(
        (v2().rules.agenda_weight, heavy.rules.agenda_weight),
        (1, 3)
    );
    let mut seen = [false; 2];
    for seed in 0..16 {
        let (mut game, start) = at_actions(&heavy, seed);
        let (index, _) = agenda_reveals(&start)[0];
        if std::mem::replace(&mut seen[usize::from(index)], true) {
            continue;
        }
        quiet(&mut game);
        stage(&mut game, &SCORING);
        let scores = aim_scores(&finish_round(&mut game));
        // At 0-0 both aims are on the table. Each pays its points, once more if the priority
        // (strategy) names it, and three times more for the agenda.
        let (w, s) = match heavy.rules.agenda[usize::from(index)].id.as_str() {
            "opcon-review" => ((UsRole, 5), (Opcon, 8)),
            _ => ((UsMission, 10), (Posture, 4)),
        };
        for (side, (meter, points)) in [(Washington, w), (Seoul, s)] {
            let row = scores.iter().find(|r| r.0 == side && r.1 == meter);
            assert_eq!(row.map(|r| (r.2, r.4)), Some((points, true)), "seed {seed}");
        }
        // The aims off the table pay as they do under the plain agenda.
        let plain: Vec<_> = expected(None)
            .into_iter()
            .filter(|r| !scores.iter().any(|s| s.1 == r.1 && s.4))
            .collect();
        assert!(
            plain.iter().all(|r| scores.contains(r)),
            "seed {seed}: {scores:?}"
        );
    }
    assert_eq!(seen, [true, true]);
}

/// Round 2's agenda after a round 1 summit that scores only `lead` (all other items at 0): the
/// aims on the table, the aims the card names, and the scores round 2 began with.
fn round_two(
    content: &Arc<Content>,
    lead: &[(Meter, i8)],
) -> (Game, [Option<Meter>; 2], [Meter; 2]) {
    let (mut game, _) = at_actions(content, 1);
    quiet(&mut game);
    stage(&mut game, lead);
    let events = finish_round(&mut game);
    let reveals = agenda_reveals(&events);
    assert_eq!(reveals.len(), 1, "{events:?}");
    let (index, on_table) = reveals[0];
    let named = content.rules.agenda[usize::from(index)].aims;
    (game, on_table, named)
}

#[test]
fn under_trailing_only_the_side_behind_has_its_aim_on_the_table() {
    let content = v2();
    // Washington's cost item scores 1 at round 1's summit; Seoul's status scores 1.
    let (w_leads, s_leads, tie) = (
        &[(UsCost, 4)][..],
        &[(Status, 4)][..],
        &[(UsCost, 4), (Status, 4)][..],
    );
    let (_, on_table, [w, s]) = round_two(&content, w_leads);
    assert_eq!(on_table, [None, Some(s)], "Washington leads 1-0");
    let (_, on_table, [w2, _]) = round_two(&content, s_leads);
    assert_eq!(on_table, [Some(w2), None], "Seoul leads 0-1");
    let (game, on_table, [w3, s3]) = round_two(&content, tie);
    assert_eq!(game.board().scores, [1, 1]);
    assert_eq!(
        on_table,
        [Some(w3), Some(s3)],
        "a tie puts both on the table"
    );

    // At round 2's summit only Seoul's aim pays the agenda's share.
    let (mut game, _, _) = round_two(&content, w_leads);
    assert_eq!(game.board().scores, [1, 0]);
    headlines(&mut game);
    quiet(&mut game);
    stage(&mut game, &SCORING);
    let scores = aim_scores(&finish_round(&mut game));
    let tabled: Vec<(Side, Meter)> = scores.iter().filter(|s| s.4).map(|s| (s.0, s.1)).collect();
    assert_eq!(tabled, vec![(Seoul, s)], "{scores:?}");
    assert!(scores.iter().any(|x| x.1 == w && !x.4), "{scores:?}");

    // With `agenda_favours = "both"`, the leader's aim is on the table too.
    let both = v2_with(&[("agenda_favours = \"trailing\"", "agenda_favours = \"both\"")]);
    let (_, on_table, [w, s]) = round_two(&both, w_leads);
    assert_eq!(on_table, [Some(w), Some(s)]);
}

#[test]
fn under_the_absolute_lens_the_side_behind_is_the_one_further_from_its_target() {
    // Both score 1 at round 1's summit: a tie on the board, but with targets of 40 and 80
    // Washington has the larger share of its own target, so only Seoul is behind.
    let tie = &[(UsCost, 4), (Status, 4)][..];
    let absolute = v2_with(&[
        ("lens = \"relative\"", "lens = \"absolute\""),
        ("washington = 40\nseoul = 40", "washington = 40\nseoul = 80"),
    ]);
    let (game, on_table, [_, s]) = round_two(&absolute, tie);
    assert_eq!(game.board().scores, [1, 1]);
    assert_eq!(on_table, [None, Some(s)], "Seoul trails its target's pace");

    // Equal targets read as the board does: a tie puts both on the table.
    let level = v2_with(&[("lens = \"relative\"", "lens = \"absolute\"")]);
    let (_, on_table, [w, s]) = round_two(&level, tie);
    assert_eq!(on_table, [Some(w), Some(s)]);
}
