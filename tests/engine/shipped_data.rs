//! Loads every shipped data file and holds the default deck to the size and coverage the design
//! asks for.

use crate::common;

use std::collections::HashSet;
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::{CardSide, Concept, Domain, Duration, Kind};

#[test]
fn the_shipped_files_on_disk_are_the_ones_embedded() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let on_disk = Data::from_dir(root).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        on_disk.decks.len(),
        Data::embedded().decks.len(),
        "every deck file must be embedded"
    );
    assert_eq!(on_disk.fingerprint(), Data::embedded().fingerprint());
    on_disk.build().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn no_two_cards_share_an_effect_list() {
    let content = common::shipped();
    let mut seen = HashSet::new();
    for card in &content.cards {
        assert!(
            seen.insert(format!("{:?}", card.effects)),
            "`{}` repeats another card's effects",
            card.id
        );
        assert!(!card.effects.is_empty(), "`{}` has no event", card.id);
    }
}

#[test]
fn the_deck_is_full_size() {
    let content = common::shipped();
    for side in [CardSide::Washington, CardSide::Seoul] {
        let cards: Vec<_> = content.cards.iter().filter(|c| c.side == side).collect();
        assert!(
            cards.len() >= 40,
            "{} has {} cards",
            side.name(),
            cards.len()
        );
        for kind in Kind::ALL {
            let n = cards.iter().filter(|c| c.kind == kind).count();
            assert!(n >= 8, "{} has {n} {} cards", side.name(), kind.name());
        }
    }
    assert!(
        content
            .cards
            .iter()
            .filter(|c| c.side == CardSide::Either)
            .count()
            >= 10
    );
    assert!(content.shocks.len() >= 24);
    for d in Domain::ALL {
        assert!(
            content.shocks.iter().any(|s| s.domain == d),
            "no {} shock",
            d.name()
        );
    }
    for dur in [Duration::Instant, Duration::Round, Duration::Structural] {
        assert!(
            content.shocks.iter().any(|s| s.duration == dur),
            "no {dur:?} shock"
        );
    }
}

#[test]
fn every_concept_of_the_model_is_carried_by_a_card() {
    let content = common::shipped();
    for concept in Concept::ALL {
        assert!(
            content.cards.iter().any(|c| c.concept == *concept),
            "no card carries {}",
            concept.id()
        );
    }
}

#[test]
fn the_scenario_format_example_is_a_valid_scenario() {
    // The annotated example in rules/scenarios/README.md is what instructors copy from: every
    // field it shows must load against the shipped data, with the values it shows.
    let readme = include_str!("../../rules/scenarios/README.md");
    let start = readme.find("```toml\n").expect("a toml example") + "```toml\n".len();
    let end = start + readme[start..].find("```").expect("the example's end");
    let source = symmetric_alliance::content::Source::new("README.md example", &readme[start..end]);
    let content = symmetric_alliance::content::scenario::build(&common::shipped(), &source)
        .unwrap_or_else(|e| panic!("{e}"));
    let rules = &content.rules;
    assert_eq!((rules.rounds, rules.actions_per_round), (4, 3));
    assert_eq!((rules.deals.max_terms, rules.deals.max_counters), (2, 0));
    assert_eq!(rules.targets, [20, 20]);
}
