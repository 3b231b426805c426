//! Replays every fuzz seed, corpus and crash the fuzzers found (`fuzz/seeds/TARGET`,
//! `fuzz/corpus/TARGET`, `fuzz/regressions/TARGET`) through the same entry points the fuzzers use, so the ordinary test
//! run keeps each fixed crash fixed without the fuzzing toolchain. `scripts/fuzz.sh` fuzzes.

#[path = "../../fuzz/entry.rs"]
mod entry;

use std::path::{Path, PathBuf};

fn inputs(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_and_regression_input_runs_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for target in entry::TARGETS {
        let corpus = inputs(&root.join("corpus").join(target));
        assert!(
            !corpus.is_empty(),
            "fuzz/corpus/{target} has no seed inputs"
        );
        for file in corpus
            .iter()
            .chain(&inputs(&root.join("regressions").join(target)))
        {
            let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            eprintln!("{target}: {}", file.display());
            entry::run(target, &bytes);
        }
    }
}

/// The seeds reach the deep end of each path: shipped data builds and plays, and every seed
/// record replays and reports. A corpus of inputs the readers all refuse would fuzz nothing.
#[test]
fn the_seed_inputs_are_accepted_by_their_readers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for (target, seed) in [
        ("deck", "shipped-seoul"),
        ("rules", "shipped-rules.toml"),
        ("scenario", "classroom.toml"),
    ] {
        let bytes = std::fs::read(root.join(target).join(seed)).expect("seed input");
        assert!(
            entry::accepts(target, &bytes),
            "{target}: {seed} is refused"
        );
    }
    for target in ["record", "report"] {
        let seeds = inputs(&root.join(target));
        assert!(!seeds.is_empty(), "fuzz/seeds/{target} has no records");
        for file in seeds {
            let bytes = std::fs::read(&file).expect("seed input");
            assert!(
                entry::accepts(target, &bytes),
                "{} is refused: re-record it with the shipped data",
                file.display()
            );
        }
    }
}

/// The committed records carry the shipped data's fingerprint. After a change to the shipped
/// data every one of them carries an old fingerprint at once and stops at the fingerprint check,
/// so the fuzzer would mutate them without reaching replay; this catches that. The fuzzer's own
/// mutations of the fingerprint leave a stray few other-data inputs, which are worth keeping.
#[test]
fn the_record_corpora_are_not_stale() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for target in ["record", "report"] {
        let (mut current, mut stale) = (0, Vec::new());
        for file in inputs(&root.join("corpus").join(target)) {
            let bytes = std::fs::read(&file).expect("corpus input");
            match entry::of_shipped_data(&bytes) {
                Some(true) => current += 1,
                Some(false) => stale.push(file),
                None => {}
            }
        }
        assert!(
            current >= 10 && stale.len() * 10 <= current,
            "fuzz/corpus/{target}: {current} records of the shipped data, {} of other data \
             (put the shipped data's fingerprint in them, or remove them): {stale:?}",
            stale.len()
        );
    }
}

/// The fuzzers' shortcut builds what the program builds: a file swapped into the shipped data
/// parsed once gives the same content, or the same errors, as `Data::build` on the same files.
#[test]
fn a_file_swapped_into_parsed_data_builds_as_the_files_do() {
    use symmetric_alliance::content::{Data, Source};
    let shipped = Data::embedded();
    let parsed = shipped.parse();
    let fixture = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/rules/fixture-mini.toml"),
    )
    .expect("the fixture rules");
    for text in [
        shipped.rules.text.as_str(),
        fixture.as_str(),
        "version = 1\n[game]\n",
    ] {
        let mut files = shipped.clone();
        files.rules.text = text.to_owned();
        let swapped = parsed.with_rules(Source::new("rules/rules.toml", text));
        assert_eq!(swapped.fingerprint(), files.fingerprint());
        assert_eq!(
            format!("{:?}", swapped.build()),
            format!("{:?}", files.build())
        );
    }
    for (i, deck) in shipped.decks.iter().enumerate() {
        let mut files = shipped.clone();
        files.decks[i].text = format!("unknown_key = 1\n{}", deck.text);
        let swapped = parsed.with_deck(i, files.decks[i].clone());
        assert_eq!(
            format!("{:?}", swapped.build()),
            format!("{:?}", files.build())
        );
        assert!(
            files.build().is_err(),
            "{} with a bad card builds",
            deck.name
        );
    }
}
