//! One test for each class of bad data, each pinning the exact file, line and column reported.

use crate::common;

use symmetric_alliance::content::{Data, DataError, Source};

fn rules_text() -> String {
    std::fs::read_to_string(common::fixture_dir("mini").join("rules/rules.toml"))
        .expect("fixture rules")
}

const CARD_A: &str = r#"[[card]]
id = "us-alpha"
title = "Alpha"
side = "washington"
kind = "cost"
ops = 2
concept = "cost"
text = "A test card."
effects = [{ op = "move", meter = "us_cost", by = 1 }]
"#;

const SHOCK: &str = r#"
[[shock]]
id = "shock-one"
title = "One"
domain = "military"
size = 2
duration = "instant"
text = "A test shock."
hits = [{ meter = "status", by = -1 }]
"#;

fn errors(rules: &str, deck: &str) -> Vec<DataError> {
    let data = Data {
        rules: Source::new("rules.toml", rules),
        decks: vec![Source::new("deck.toml", deck)],
    };
    match data.build() {
        Ok(_) => panic!("bad data was accepted"),
        Err(e) => e.0,
    }
}

fn deck_errors(deck: &str) -> Vec<DataError> {
    errors(&rules_text(), deck)
}

/// Asserts exactly one error, at this place, whose message contains `says`.
fn assert_one(errs: &[DataError], file: &str, line: usize, column: usize, says: &str) {
    assert_eq!(errs.len(), 1, "expected one error, got: {errs:#?}");
    let e = &errs[0];
    assert_eq!(
        (e.file.as_str(), e.line, e.column),
        (file, line, column),
        "wrong place: {e}"
    );
    assert!(
        e.message.contains(says),
        "message `{}` should say `{says}`",
        e.message
    );
}

#[test]
fn good_fixture_data_loads() {
    let deck = std::fs::read_to_string(common::fixture_dir("mini").join("decks/cards.toml"))
        .expect("fixture deck");
    let data = Data {
        rules: Source::new("rules.toml", rules_text()),
        decks: vec![Source::new("deck.toml", format!("{deck}{SHOCK}"))],
    };
    assert!(data.build().is_ok());
    // One card cannot deal two hands of seven: that once loaded, and the first round dealt short.
    let one_card = Data {
        rules: Source::new("rules.toml", rules_text()),
        decks: vec![Source::new("deck.toml", format!("{CARD_A}{SHOCK}"))],
    };
    let errs = one_card.build().expect_err("too few cards").0;
    assert!(errs[0].message.contains("both hands need 14"), "{errs:?}");
}

#[test]
fn a_syntax_error_is_located() {
    let deck = CARD_A.replace("ops = 2", "ops = = 2");
    assert_one(&deck_errors(&deck), "deck.toml", 6, 7, "");
}

#[test]
fn an_unknown_field_is_named() {
    let deck = CARD_A.replace("ops = 2\n", "ops = 2\ncolour = \"red\"\n");
    assert_one(
        &deck_errors(&deck),
        "deck.toml",
        7,
        1,
        "unknown field `colour`",
    );
}

#[test]
fn an_unknown_track_id_is_named() {
    let deck = format!(
        "{}{SHOCK}",
        CARD_A.replace("meter = \"us_cost\"", "meter = \"morale\"")
    );
    assert_one(
        &deck_errors(&deck),
        "deck.toml",
        9,
        11,
        "unknown variant `morale`",
    );
}

#[test]
fn an_unknown_card_id_is_named() {
    let deck = format!(
        "{}{SHOCK}",
        CARD_A.replace(
            r#"{ op = "move", meter = "us_cost", by = 1 }"#,
            r#"{ op = "prevent", card = "rok-nope" }"#
        )
    );
    assert_one(
        &deck_errors(&deck),
        "deck.toml",
        9,
        12,
        "unknown card id `rok-nope`",
    );
}

#[test]
fn a_duplicate_id_points_at_the_second() {
    let second = CARD_A.replace("by = 1", "by = 2");
    let deck = format!("{CARD_A}\n{second}{SHOCK}");
    assert_one(
        &deck_errors(&deck),
        "deck.toml",
        12,
        6,
        "duplicate card id `us-alpha`",
    );
}

#[test]
fn a_value_out_of_range_is_named() {
    let deck = format!("{}{SHOCK}", CARD_A.replace("ops = 2", "ops = 7"));
    assert_one(
        &deck_errors(&deck),
        "deck.toml",
        6,
        7,
        "ops is 7, but it must be between 1 and 4",
    );
}

#[test]
fn an_effect_out_of_range_is_named() {
    let deck = format!("{}{SHOCK}", CARD_A.replace("by = 1", "by = 9"));
    assert_one(&deck_errors(&deck), "deck.toml", 9, 12, "`by` is 9");
}

#[test]
fn a_requirement_that_can_never_hold_is_refused() {
    let card = CARD_A.replace(
        "effects =",
        "requires = [{ test = \"at_least\", meter = \"opcon\", value = 9 }]\neffects =",
    );
    assert_one(
        &deck_errors(&format!("{card}{SHOCK}")),
        "deck.toml",
        9,
        13,
        "can never hold",
    );
}

#[test]
fn duplicate_effect_lists_are_refused() {
    let twin = CARD_A.replace("us-alpha", "us-beta");
    let deck = format!("{CARD_A}\n{twin}{SHOCK}");
    assert_one(
        &deck_errors(&deck),
        "deck.toml",
        12,
        6,
        "same effect list as `us-alpha`",
    );
}

#[test]
fn a_wrong_rules_version_is_refused() {
    let rules = rules_text().replace("version = 1", "version = 2");
    let line = rules
        .lines()
        .position(|l| l.starts_with("version"))
        .expect("version line")
        + 1;
    assert_one(
        &errors(&rules, &format!("{CARD_A}{SHOCK}")),
        "rules.toml",
        line,
        11,
        "rules version 2 is not supported",
    );
}

#[test]
fn a_band_outside_its_track_is_refused() {
    let rules = rules_text().replace(
        "band = [4, 6] }\nrole_balance",
        "band = [4, 12] }\nrole_balance",
    );
    let line = rules
        .lines()
        .position(|l| l.starts_with("responsibility ="))
        .expect("track line")
        + 1;
    assert_one(
        &errors(&rules, &format!("{CARD_A}{SHOCK}")),
        "rules.toml",
        line,
        18,
        "band 4..=12 must lie inside 0..=10",
    );
}

#[test]
fn an_instant_shock_with_lasting_effects_is_refused() {
    let shock = SHOCK.replace("hits =", "ongoing = [{ op = \"flip_priority\" }]\nhits =");
    assert_one(
        &deck_errors(&format!("{CARD_A}{shock}")),
        "deck.toml",
        12,
        6,
        "is instant",
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let deck = format!(
        "{}{SHOCK}",
        CARD_A
            .replace("ops = 2", "ops = 0")
            .replace("by = 1", "by = 0")
    );
    assert_eq!(deck_errors(&deck).len(), 2);
}

/// A deck too small for both opening hands was accepted before, and the first round dealt short.
#[test]
fn a_hand_size_the_deck_cannot_deal_twice_is_refused() {
    let dir = common::fixture_dir("mini");
    let rules = rules_text().replace("hand_size = 7", "hand_size = 12");
    let deck = std::fs::read_to_string(dir.join("decks/cards.toml")).expect("fixture deck");
    // Keep 15 of the fixture's 24 cards: 15 is fewer than two hands of 12.
    let cut = deck
        .match_indices("[[card]]")
        .nth(15)
        .map_or(deck.len(), |(i, _)| i);
    let line = rules
        .lines()
        .position(|l| l.starts_with("hand_size"))
        .expect("line")
        + 1;
    assert_one(
        &errors(&rules, &format!("{}{SHOCK}", &deck[..cut])),
        "rules.toml",
        line,
        13,
        "the decks hold only 15 cards and both hands need 24",
    );
    // Two hands of 7 fit in 15 cards.
    let data = Data {
        rules: Source::new("rules.toml", rules_text()),
        decks: vec![Source::new("deck.toml", format!("{}{SHOCK}", &deck[..cut]))],
    };
    data.build().unwrap_or_else(|e| panic!("{e}"));
}

/// An empty deck folder used to be reported as `decks:0:0:`, naming no folder at all.
#[test]
fn an_empty_deck_folder_names_the_data_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("rules")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("decks")).expect("mkdir");
    std::fs::write(dir.path().join("rules/rules.toml"), rules_text()).expect("write");
    let data = Data::from_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let errs = data.build().expect_err("no cards").0;
    let folder = dir.path().join("decks").display().to_string();
    assert_one(&errs, &folder, 0, 0, "the decks hold no cards");
}

/// A FIFO, or a link to /dev/zero, among the data files used to hang or fill memory.
#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_among_the_data_files_is_named_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mini = common::fixture_dir("mini");
    std::fs::create_dir_all(dir.path().join("rules")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("decks")).expect("mkdir");
    std::fs::write(dir.path().join("rules/rules.toml"), rules_text()).expect("write");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("decks/zero.toml")).expect("link");
    let errs = Data::from_dir(dir.path()).expect_err("a device").0;
    assert!(errs[0].file.ends_with("zero.toml"), "{errs:?}");
    assert!(errs[0].message.contains("a device"), "{errs:?}");
    std::fs::remove_file(dir.path().join("decks/zero.toml")).expect("rm");
    std::fs::copy(
        mini.join("decks/cards.toml"),
        dir.path().join("decks/cards.toml"),
    )
    .expect("cp");
    common::make_fifo(&dir.path().join("rules/rules.toml.fifo"));
    std::fs::remove_file(dir.path().join("rules/rules.toml")).expect("rm");
    std::fs::rename(
        dir.path().join("rules/rules.toml.fifo"),
        dir.path().join("rules/rules.toml"),
    )
    .expect("mv");
    let errs = Data::from_dir(dir.path()).expect_err("a FIFO").0;
    assert!(errs[0].message.contains("FIFO"), "{errs:?}");
}

/// Eras: the late era may not begin before the middle one, an unknown era is refused, and the
/// first era alone must be able to deal both hands.
#[test]
fn eras_out_of_order_unknown_or_too_small_are_refused() {
    let rules = rules_text().replace(
        "final_symmetry_multiplier = 2",
        "final_symmetry_multiplier = 2\nmiddle_era = 4\nlate_era = 3",
    );
    let line = rules
        .lines()
        .position(|l| l.starts_with("late_era"))
        .expect("line")
        + 1;
    let deck = format!("{CARD_A}{SHOCK}");
    assert_one(
        &errors(&rules, &deck),
        "rules.toml",
        line,
        12,
        "late_era is round 3, before middle_era (round 4)",
    );
    let unknown = CARD_A.replacen("ops = 2", "ops = 2\nera = \"modern\"", 1);
    let e = deck_errors(&format!("{unknown}{SHOCK}"));
    assert!(e.iter().any(|e| e.to_string().contains("modern")), "{e:?}");
    // The fixture's 24 cards deal two hands of 7, but not once 12 of them wait for round 3.
    let dir = common::fixture_dir("mini");
    let mut cards = std::fs::read_to_string(dir.join("decks/cards.toml")).expect("fixture deck");
    cards = cards.replacen("ops = ", "era = \"late\"\nops = ", 12);
    let rules = rules_text().replace(
        "final_symmetry_multiplier = 2",
        "final_symmetry_multiplier = 2\nlate_era = 3",
    );
    let e = errors(&rules, &format!("{cards}{SHOCK}"));
    assert!(
        e.iter()
            .any(|e| e.to_string().contains("only 12 cards in the first era")),
        "{e:?}"
    );
}
