//! The fuzz targets' entry points, shared with the ordinary test that replays every corpus
//! (`tests/engine/fuzz_corpus.rs`). Each feeds outside bytes through the program's own path, not a
//! parser alone: a deck or rules file is built with the rest of the shipped data, a scenario
//! against the shipped content and beside the shipped scenarios, and a record is read, checked,
//! replayed, stepped through and reported. Whatever builds is then played, so checked content
//! that makes the engine panic is found too. Nothing here catches a panic.
#![allow(dead_code)]

use rand::RngExt;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use symmetric_alliance::classroom::{
    Format, GameRecord, Library, RecordCursor, RecordError, Report, report,
};
use symmetric_alliance::content::{Data, ParsedData, Scenarios, Source, scenario};
use symmetric_alliance::engine::{Content, Game, rng};

/// The fuzzers' names, which are also the corpus folders under `fuzz/corpus/`.
pub const TARGETS: [&str; 5] = ["deck", "rules", "scenario", "record", "report"];

/// Runs one input through the named target's entry point.
pub fn run(target: &str, data: &[u8]) {
    accepts(target, data);
}

/// As [`run`]; true when the input went the whole way (built and played, or replayed and
/// reported), false when a reader refused it, as it should most inputs.
pub fn accepts(target: &str, data: &[u8]) -> bool {
    match target {
        "deck" => deck(data),
        "rules" => rules(data),
        "scenario" => scenario_file(data),
        "record" => record(data),
        "report" => report_of(data),
        _ => panic!("no fuzz target `{target}`"),
    }
}

/// The shipped content and scenarios, built once.
fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| {
        let base = Data::embedded().build().unwrap_or_else(|e| panic!("{e}"));
        Library::new(Arc::new(base), None).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The shipped data files, parsed once: each input re-parses only the file it replaces, and the
/// build that follows checks all of them together as `Data::build` does.
fn shipped() -> &'static (Data, ParsedData) {
    static SHIPPED: OnceLock<(Data, ParsedData)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let data = Data::embedded();
        let parsed = data.parse();
        (data, parsed)
    })
}

/// The first byte picks which shipped deck file the rest of the input replaces.
pub fn deck(data: &[u8]) -> bool {
    let Some((&which, text)) = data.split_first() else {
        return false;
    };
    // The program reads data files as UTF-8 text and refuses anything else before parsing.
    let Ok(text) = std::str::from_utf8(text) else {
        return false;
    };
    let (files, parsed) = shipped();
    let i = usize::from(which) % files.decks.len();
    let source = Source::new(files.decks[i].name.clone(), text);
    build_and_play(&parsed.with_deck(i, source))
}

/// The input replaces `rules/rules.toml`, built with the shipped decks.
pub fn rules(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    build_and_play(
        &shipped()
            .1
            .with_rules(Source::new("rules/rules.toml", text)),
    )
}

fn build_and_play(data: &ParsedData) -> bool {
    let Ok(content) = data.build() else {
        return false;
    };
    play(Arc::new(content), data.fingerprint());
    true
}

/// The input is one more scenario file beside the shipped ones.
pub fn scenario_file(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    let source = Source::new("rules/scenarios/fuzz.toml", text);
    // Beside the shipped files its id and name clash (it may be a copy of one): checked, not
    // required, so the build below is fuzzed for every input.
    let mut all = Scenarios::embedded();
    all.0.push(source.clone());
    let _ = all.check_unique();
    let Ok(content) = scenario::build(library().base(), &source) else {
        return false;
    };
    let seed = content.scenario.as_ref().and_then(|s| s.seed).unwrap_or(1);
    play(Arc::new(content), seed);
    true
}

/// The input is a save or record file: read, checked against the data, replayed and stepped
/// through as the replay viewer does.
pub fn record(data: &[u8]) -> bool {
    let path = Path::new("fuzz.json");
    let Some((record, content)) = open(path, data) else {
        return false;
    };
    let Ok(timeline) = record.replay(path, content.clone()) else {
        return false;
    };
    let mut cursor =
        RecordCursor::new(path, &record, content).expect("a record that replays steps");
    assert_eq!(cursor.len(), timeline.steps.len() + 1);
    while cursor.next_round() {}
    assert!(
        cursor.game() == &timeline.game,
        "the cursor's end is the replay's end"
    );
    while cursor.prev_action() {}
    true
}

/// The input is a record given to `alliance report`: reported in every format, and compared
/// with itself.
pub fn report_of(data: &[u8]) -> bool {
    let path = Path::new("fuzz.json");
    let Some((record, content)) = open(path, data) else {
        return false;
    };
    let Ok(rep) = Report::new(path, &record, content) else {
        return false;
    };
    for format in [Format::Markdown, Format::Json, Format::Csv] {
        assert!(!rep.render(format).is_empty());
    }
    let two = [rep.clone(), rep];
    let _ = report::compare_markdown(&two);
    let _ = report::compare_csv(&two);
    true
}

/// For a well-formed record of a shipped scenario, whether it carries the shipped data's
/// fingerprint (`Some(false)`: it was recorded with other data and stops at the fingerprint
/// check); `None` for anything else.
pub fn of_shipped_data(data: &[u8]) -> Option<bool> {
    let path = Path::new("fuzz.json");
    let record = GameRecord::parse(path, data).ok()?;
    let content = library().content(record.scenario.as_deref()).ok()?;
    match record.check_data(path, &content) {
        Ok(()) => Some(true),
        Err(RecordError::OtherData { .. }) => Some(false),
        Err(_) => None,
    }
}

/// What `Library::open_record` does after reading the file's bytes.
fn open(path: &Path, data: &[u8]) -> Option<(GameRecord, Arc<Content>)> {
    let record = GameRecord::parse(path, data).ok()?;
    // A scenario named like a file would be read from the disk: not the input's bytes.
    if record
        .scenario
        .as_deref()
        .is_some_and(|s| s.ends_with(".toml"))
    {
        return None;
    }
    let content = library().content(record.scenario.as_deref()).ok()?;
    record.check_data(path, &content).ok()?;
    Some((record, content))
}

/// Plays one game of random legal moves to its end: checked content must make a playable game.
fn play(content: Arc<Content>, seed: u64) {
    let (mut game, _) = Game::start(content, seed);
    let mut chooser = rng::stream(seed, 7);
    let mut decisions = 0u32;
    while !game.is_over() {
        let legal = game.legal_actions();
        assert!(!legal.is_empty(), "a side to move has a legal action");
        let action = legal[chooser.random_range(0..legal.len())];
        game.apply(action).expect("a listed action applies");
        decisions += 1;
        assert!(decisions < 1_000_000, "the game never ends");
    }
}
