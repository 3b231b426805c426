//! Scenarios: the shipped ones build, injects fire at their round, deck selection renumbers cards
//! safely, and every error in an instructor's file names its line and column.

use crate::classroom_support::{bot_game, library, scenario, shipped};
use symmetric_alliance::content::{Source, scenario as scen};
use symmetric_alliance::engine::{Cause, Condition, Content, Effect, Event, Game, Lens, Meter};

const HEAD: &str = "version = 1\nid = \"t\"\nname = \"T\"\ndescription = \"A test.\"\n";

/// Every error of a scenario text, as `file:line:col: message`. Checked against the frozen
/// fixture data, so renaming a shipped card does not break these tests.
fn errors(body: &str) -> Vec<String> {
    let lib = library();
    let source = Source::new("my.toml", format!("{HEAD}{body}"));
    match scen::build(lib.base(), &source) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn shipped_scenarios_build_and_list() {
    let lib = shipped();
    let ids = lib.ids();
    assert_eq!(ids, ["default", "classroom", "taiwan-strait", "tutorial"]);
    let tutorial = scenario(&lib, "tutorial");
    assert_eq!(tutorial.rules.rounds, 2, "the tutorial is two short rounds");
    assert!(tutorial.scenario.as_ref().and_then(|s| s.seed).is_some());
    let classroom = scenario(&lib, "classroom");
    let rules = &classroom.rules;
    assert_eq!((rules.rounds, rules.actions_per_round), (4, 2));
    // The classroom's short deals: one term a side, no counters.
    assert_eq!((rules.deals.max_terms, rules.deals.max_counters), (1, 0));
    assert_eq!(rules.lens, Lens::Absolute);
    assert_eq!(classroom.scenario.as_ref().and_then(|s| s.seed), Some(2025));
    let crisis = scenario(&lib, "taiwan-strait");
    let info = crisis.scenario.as_ref().expect("scenario info");
    assert!(info.hypothetical && info.name.starts_with("Hypothetical"));
    assert!(info.description.contains("not been raised officially"));
    let default = scenario(&lib, "default");
    assert_eq!(default.rules.rounds, lib.base().rules.rounds);
    assert_ne!(default.fingerprint, lib.base().fingerprint);
}

#[test]
fn a_replaced_shock_fires_at_its_round() {
    let content = scenario(&shipped(), "classroom");
    let tariff = content
        .shock_by_id("shock-tariff-war")
        .expect("shipped shock");
    for seed in [1, 2, 3] {
        let (game, _) = Game::start(content.clone(), seed);
        assert_eq!(game.scheduled_shock(3), Some(tariff));
        let session = bot_game(content.clone(), seed);
        let timeline = session
            .record()
            .replay(std::path::Path::new("mem"), content.clone())
            .expect("replays");
        let mut round = 0;
        let mut seen = false;
        for ev in timeline.steps.iter().flatten() {
            match ev {
                Event::RoundStarted { round: r } => round = *r,
                Event::ShockRevealed {
                    shock, injected, ..
                } if round == 3 => {
                    assert_eq!((*shock, *injected), (tariff, true));
                    seen = true;
                }
                Event::ShockRevealed { injected, .. } => assert!(!injected),
                _ => {}
            }
        }
        let reached = session.game().board().round >= 3;
        assert_eq!(
            seen, reached,
            "seed {seed}: the inject fires iff round 3 is reached"
        );
    }
}

#[test]
fn a_scripted_event_fires_at_its_round_with_its_cause() {
    let content = scenario(&shipped(), "taiwan-strait");
    let session = bot_game(content.clone(), 5);
    let timeline = session
        .record()
        .replay(std::path::Path::new("mem"), content.clone())
        .expect("replays");
    let mut round = 0;
    let mut fired = Vec::new();
    let all = timeline.setup.iter().chain(timeline.steps.iter().flatten());
    for ev in all {
        match ev {
            Event::RoundStarted { round: r } => round = *r,
            Event::InjectFired { round: r, title } => {
                assert_eq!(*r, round, "an inject fires in its own round");
                fired.push((round, title.clone()));
            }
            Event::Moved {
                cause: Cause::Inject { round: r },
                meter,
                ..
            } => {
                assert_eq!(*r, round);
                if *r == 3 {
                    assert!([Meter::UsMission, Meter::Posture, Meter::Cohesion].contains(meter));
                }
            }
            _ => {}
        }
    }
    let expected: Vec<u8> = [3, 4, 5]
        .into_iter()
        .filter(|r| *r <= session.game().board().round)
        .collect();
    let rounds: Vec<u8> = fired.iter().map(|(r, _)| *r).collect();
    assert_eq!(rounds, expected);
}

#[test]
fn start_values_and_excluded_shocks_apply() {
    let lib = shipped();
    let crisis = scenario(&lib, "taiwan-strait");
    let game = Game::new(crisis.clone(), 1);
    let setup = game.board().history[0];
    assert_eq!(setup.meters[Meter::Uncertainty.index()], 7);
    assert_eq!(setup.meters[Meter::RoleBalance.index()], 3);
    assert!(crisis.shock_by_id("shock-ukraine-ceasefire").is_none());
    assert_eq!(crisis.shocks.len() + 1, lib.base().shocks.len());
}

#[test]
fn excluding_cards_renumbers_the_references_of_the_rest() {
    let lib = library();
    let body = "[deck]\nexclude_cards = [\"us-hague-yardstick\", \"rok-flexibility-with-a-say\", \"rok-flexibility-2\"]\n";
    let source = Source::new("my.toml", format!("{HEAD}{body}"));
    let content = scen::build(lib.base(), &source).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(content.cards.len() + 3, lib.base().cards.len());
    assert!(content.card_by_id("rok-flexibility-2").is_none());
    // Every card reference still names the same card as before, by id.
    let named = |c: &Content, card: &symmetric_alliance::engine::Card| -> Vec<String> {
        let effects = card.effects.iter().filter_map(|e| match e {
            Effect::Prevent { card } => Some(card.0),
            _ => None,
        });
        let requires = card.requires.iter().filter_map(|q| match q {
            Condition::Played { card } => Some(card.0),
            _ => None,
        });
        effects
            .chain(requires)
            .map(|i| c.card(i).id.clone())
            .collect()
    };
    let mut refs = 0;
    for card in &content.cards {
        let old = lib
            .base()
            .card(lib.base().card_by_id(&card.id).expect("was there"));
        assert_eq!(named(&content, card), named(lib.base(), old), "{}", card.id);
        refs += named(&content, card).len();
    }
    assert!(refs >= 3, "the test exercises renumbered references");
    let bot = bot_game(std::sync::Arc::new(content), 3);
    assert!(bot.game().is_over());
}

#[test]
fn scenario_errors_name_line_and_column() {
    let cases: [(&str, &str); 12] = [
        ("colour = \"red\"\n", "my.toml:5:1: unknown field `colour`"),
        (
            "seed = -4\n",
            "my.toml:5:8: seed is -4, but it must be 0 or more",
        ),
        (
            "[game]\nrounds = 40\n",
            "my.toml:6:10: rounds is 40, but it must be between 1 and 20",
        ),
        (
            "[start]\ncohesion = 12\n",
            "my.toml:6:12: the start of `cohesion` is 12, but it must be between 0 and 10",
        ),
        (
            "[start]\nmorale = 3\n",
            "my.toml:6:1: unknown variant `morale`",
        ),
        (
            "[deck]\nexclude_cards = [\"no-such-card\"]\n",
            "my.toml:6:18: unknown card id `no-such-card`",
        ),
        (
            "[deck]\nexclude_cards = [\"rok-flexibility-2\"]\n",
            "my.toml:6:18: card `rok-flexibility-2` cannot be left out: `rok-flexibility-with-a-say` names it; leave that one out too",
        ),
        (
            "[deck]\nexclude_shocks = [\"shock-x\"]\n",
            "my.toml:6:19: unknown shock id `shock-x`",
        ),
        (
            "[[inject]]\nround = 9\nshock = \"shock-tariff-war\"\n",
            "my.toml:6:9: the inject's round is 9, but it must be between 1 and 8",
        ),
        (
            "[[inject]]\nround = 2\nshock = \"shock-nope\"\n",
            "my.toml:7:9: unknown shock id `shock-nope`",
        ),
        (
            "[[inject]]\nround = 2\nshock = \"shock-tariff-war\"\n[[inject]]\nround = 2\nshock = \"shock-chip-war\"\n",
            "my.toml:10:9: round 2's shock is already replaced",
        ),
        (
            "[[inject]]\nround = 2\nshock = \"shock-tariff-war\"\ntitle = \"Both\"\n",
            "my.toml:6:9: an inject either replaces the round's shock",
        ),
    ];
    for (body, want) in cases {
        let got = errors(body);
        assert!(
            got.iter().any(|e| e.starts_with(want)),
            "for\n{body}\nwanted an error starting `{want}`, got {got:#?}"
        );
    }
}

#[test]
fn syntax_version_and_effect_errors_are_located() {
    let got = errors(
        "[[inject]]\nround = 2\ntitle = \"X\"\neffects = [{ op = \"move\", meter = \"cohesion\", by = 9 }]\n",
    );
    assert_eq!(
        got,
        ["my.toml:8:12: `by` is 9, but it must be -5..=5 and not 0"]
    );
    let got = errors("[game\n");
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("my.toml:5:"), "{got:?}");
    let lib = library();
    let source = Source::new(
        "v.toml",
        "version = 3\nid = \"v\"\nname = \"V\"\ndescription = \"D\"\n",
    );
    let err = scen::build(lib.base(), &source).expect_err("newer version");
    assert_eq!(
        err.to_string(),
        "v.toml:1:11: scenario version 3 is not supported; this build reads version 1"
    );
}

/// A data folder whose `rules/scenarios` holds these files; the scenario errors of loading it.
fn folder_errors(files: &[(&str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("rules/scenarios");
    std::fs::create_dir_all(&folder).expect("mkdir");
    for (name, text) in files {
        std::fs::write(folder.join(name), text).expect("write");
    }
    let base = shipped().base().clone();
    let prefix = format!("{}/", folder.display());
    match symmetric_alliance::classroom::Library::new(base, Some(dir.path())) {
        Ok(_) => Vec::new(),
        Err(e) => {
            e.0.iter()
                .map(|e| e.to_string().replace(&prefix, ""))
                .collect()
        }
    }
}

/// A copy of `default.toml` that kept its id and name validated, and `--scenario default`
/// played whichever file sorted first.
#[test]
fn a_copied_scenario_that_keeps_its_id_and_name_is_refused_naming_both_files() {
    let default = include_str!("../../rules/scenarios/default.toml");
    let errs = folder_errors(&[("default.toml", default), ("my-copy.toml", default)]);
    assert_eq!(
        errs,
        [
            "my-copy.toml:4:6: duplicate scenario id `default`: default.toml:4:6 has it already; give this copy an id of its own",
            "my-copy.toml:5:8: duplicate scenario name \"The full game\": default.toml:5:8 has it already; the menu could not tell them apart",
            "my-copy.toml:4:6: the id `default` is also the file name of default.toml, so `--scenario default` could mean either; choose another id",
        ]
    );
}

#[test]
fn an_id_equal_to_another_files_name_is_refused() {
    let a = format!("{}\n", HEAD.replace("\"t\"", "\"b\""));
    let b = HEAD.replace("\"t\"", "\"bee\"").replace("\"T\"", "\"Bee\"");
    let errs = folder_errors(&[("a.toml", &a), ("b.toml", &b)]);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("a.toml:2:6: the id `b` is also the file name of"),
        "{errs:?}"
    );
    assert!(errs[0].contains("b.toml"), "{errs:?}");
    let c = b.replace("\"bee\"", "\"c\"").replace("\"Bee\"", "\"t\"");
    assert_eq!(
        folder_errors(&[("a.toml", &a), ("c.toml", &c)]),
        [
            "c.toml:3:8: duplicate scenario name \"t\": a.toml:3:8 has it already; the menu could not tell them apart"
        ],
        "names are compared without case"
    );
}

#[test]
fn the_shipped_scenarios_are_unique() {
    symmetric_alliance::content::Scenarios::embedded()
        .check_unique()
        .unwrap_or_else(|e| panic!("{e}"));
}
