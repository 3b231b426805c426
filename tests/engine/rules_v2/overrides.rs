//! A scenario's `[deals]` limits and `[game]` cohesion floor and bonuses change the v2 rules, and
//! a bad value in a scenario or in the v2 parts of the rules is named with file, line and column.

use super::*;
use Meter::*;
use Side::{Seoul, Washington};
use symmetric_alliance::content::{Source, scenario};
use symmetric_alliance::engine::RuleError;

const SCENARIO: &str = r#"version = 1
id = "v2-overrides"
name = "Rules v2 overrides"
description = "A fixture scenario: short deals, a high cohesion floor, other bonuses."

[game]
rounds = 1
cohesion_floor = 8
symmetry_bonus = 5
band_bonus = 1
final_symmetry_multiplier = 3
agenda_weight = 2

[deals]
max_terms = 1
max_counters = 0
"#;

fn with_scenario(text: &str) -> Result<Arc<Content>, Vec<DataError>> {
    scenario::build(&v2(), &Source::new("v2-overrides.toml", text))
        .map(Arc::new)
        .map_err(|e| e.0)
}

#[test]
fn a_scenarios_deal_limits_replace_the_rules() {
    let short = with_scenario(SCENARIO).unwrap_or_else(|e| panic!("{e:?}"));
    for (content, more_terms) in [(v2(), true), (short, false)] {
        let (mut game, _) = at_actions(&content, 6);
        let (give, more) = (term(&content, "status"), term(&content, "keep-posture"));
        apply_all(&mut game, &[Action::OpenDeal, Action::Give(give)]);
        let second = Action::Give(more);
        assert_eq!(game.legal_actions().contains(&second), more_terms);
        if !more_terms {
            assert_eq!(game.check(second), Err(RuleError::BadDealStep));
        }
        apply_all(&mut game, &[Action::Send]);
        let answers = game.legal_actions();
        assert_eq!(
            answers.contains(&Action::Counter),
            more_terms,
            "{answers:?}"
        );
        assert!(answers.contains(&Action::Accept) && answers.contains(&Action::Reject));
    }
}

/// The band and symmetry points of round 1's summit with both balances in their bands.
fn bonuses(content: &Arc<Content>, cohesion: i8) -> (Vec<(Side, i8)>, bool) {
    let (mut game, _) = at_actions(content, 6);
    quiet(&mut game);
    let values = [(Responsibility, 5), (RoleBalance, 5), (Cohesion, cohesion)];
    stage(&mut game, &values);
    let events = finish_round(&mut game);
    (band_scores(&events), game.is_over())
}

#[test]
fn a_scenarios_cohesion_floor_and_bonuses_replace_the_rules() {
    let short = with_scenario(SCENARIO).unwrap_or_else(|e| panic!("{e:?}"));
    // The rules: floor 5, bands 2, symmetry 3, and round 1 of 4 is not the last summit.
    let full = vec![(Seoul, 2), (Washington, 2), (Washington, 3), (Seoul, 3)];
    assert_eq!(bonuses(&v2(), 7), (full, false));
    // The scenario: cohesion 7 is under its floor of 8, so only the bands pay, 1 each.
    assert_eq!(
        bonuses(&short, 7),
        (vec![(Seoul, 1), (Washington, 1)], true)
    );
    // At its floor the alliance is symmetric: 5 at the last summit, times 3.
    let last = vec![(Seoul, 1), (Washington, 1), (Washington, 15), (Seoul, 15)];
    assert_eq!(bonuses(&short, 8), (last, true));
    // And its agenda weighs twice where the rules' weighs once.
    assert_eq!(
        (v2().rules.agenda_weight, short.rules.agenda_weight),
        (1, 2)
    );
}

/// A bad scenario value: the `(from, to)` edit, where in `to` the error points, what it says.
type Row = (&'static str, &'static str, &'static str, &'static str);

const BAD_SCENARIOS: [Row; 8] = [
    (
        "agenda_weight = 2",
        "agenda_weight = 0",
        "0",
        "agenda_weight is 0, but it must be between 1 and 5",
    ),
    (
        "cohesion_floor = 8",
        "cohesion_floor = 11",
        "11",
        "cohesion_floor is 11, but it must be between 0 and 10",
    ),
    (
        "band_bonus = 1",
        "band_bonus = 11",
        "11",
        "band_bonus is 11, but it must be between 0 and 10",
    ),
    (
        "symmetry_bonus = 5",
        "symmetry_bonus = -1",
        "-1",
        "symmetry_bonus is -1, but it must be between 0 and 10",
    ),
    (
        "final_symmetry_multiplier = 3",
        "final_symmetry_multiplier = 0",
        "0",
        "final_symmetry_multiplier is 0, but it must be between 1 and 4",
    ),
    (
        "max_terms = 1",
        "max_terms = 5",
        "5",
        "max_terms is 5, but it must be between 1 and 4",
    ),
    (
        "max_counters = 0",
        "max_counters = 6",
        "6",
        "max_counters is 6, but it must be between 0 and 5",
    ),
    // A scenario shortens deals; it cannot change what they cost.
    (
        "max_counters = 0",
        "max_counters = 0\nmutual_cohesion = 2",
        "mutual_cohesion",
        "unknown field `mutual_cohesion`",
    ),
];

fn assert_one(errs: &[DataError], file: &str, (line, column): (usize, usize), says: &str) {
    assert_eq!(errs.len(), 1, "expected one error, got: {errs:#?}");
    let e = &errs[0];
    assert!(e.file.ends_with(file), "wrong file: {e}");
    assert_eq!((e.line, e.column), (line, column), "wrong place: {e}");
    assert!(
        e.message.contains(says),
        "`{}` should say `{says}`",
        e.message
    );
}

#[test]
fn a_bad_scenario_value_is_named_with_its_place() {
    for (from, to, at, says) in BAD_SCENARIOS {
        assert_eq!(SCENARIO.matches(from).count(), 1, "{from}");
        let text = SCENARIO.replace(from, to);
        let errs = with_scenario(&text).expect_err("a bad scenario");
        assert_one(&errs, "v2-overrides.toml", place(&text, to, at), says);
    }
}

const BAD_RULES: [Row; 10] = [
    (
        "agenda_favours = \"trailing\"",
        "agenda_favours = \"trailing\"\nagenda_weight = 6",
        "6",
        "agenda_weight is 6, but it must be between 1 and 5",
    ),
    (
        "held_keep = 1",
        "held_keep = 13",
        "13",
        "held_keep is 13, but it must be between 0 and 12",
    ),
    (
        "band_bonus = 2",
        "band_bonus = 11",
        "11",
        "band_bonus is 11, but it must be between 0 and 10",
    ),
    (
        "agenda_favours = \"trailing\"",
        "agenda_favours = \"leader\"",
        "\"leader\"",
        "unknown variant `leader`",
    ),
    (
        "washington = \"us_role\"",
        "washington = \"opcon\"",
        "\"opcon\"",
        "`opcon` is not one of Washington's aims",
    ),
    (
        "id = \"posture-review\"\ntitle = \"A global",
        "id = \"opcon-review\"\ntitle = \"A global",
        "\"opcon-review\"",
        "duplicate agenda card id `opcon-review`",
    ),
    (
        "cohesion = { min = 0, max = 10, start = 6 }",
        "cohesion = { min = 0, max = 10, start = 6, band_pays = \"seoul\" }",
        "{",
        "band_pays needs a band",
    ),
    // The error points at `boost_cost`'s value, on the line before the edited one.
    (
        "boost_ops = 1",
        "boost_ops = 0",
        "boost_cost = 2",
        "a boost needs both `boost_cost` and `boost_ops` above 0",
    ),
    (
        "set_aside = 2",
        "set_aside = 6",
        "6",
        "set_aside is 6, but it must be between 0 and 5",
    ),
    (
        "seoul = \"posture\"",
        "seoul = \"us_cost\"",
        "\"us_cost\"",
        "`us_cost` is not one of Seoul's aims",
    ),
];

#[test]
fn a_bad_v2_rules_value_is_named_with_its_place() {
    let rules = v2_data(&[]).rules.text;
    for (from, to, at, says) in BAD_RULES {
        let errs = v2_errors(&[(from, to)]);
        let text = rules.replace(from, to);
        let (within, at) = if text.contains(at) && !to.contains(at) {
            (at, "2")
        } else {
            (to, at)
        };
        assert_one(&errs, "rules.toml", place(&text, within, at), says);
    }
}
