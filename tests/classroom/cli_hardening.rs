//! The real binary under an unlucky or hostile environment: output into a closed pipe or a full
//! disk, absurd `--threads` counts, a machine out of threads, screens started without a terminal,
//! and arguments that make no sense. Nothing panics; each failure is one clear line.

use crate::classroom_support;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn alliance() -> Command {
    Command::new(env!("CARGO_BIN_EXE_alliance"))
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

fn fixture(name: &str) -> String {
    let path = classroom_support::fixture_dir().join(name);
    path.to_str().expect("a UTF-8 path").to_owned()
}

/// Every command that prints a result, with the arguments that make it print, and the command
/// line's own help. `record` writes into `dir`, under a name of its own per `tag`.
fn printing_commands(dir: &Path, tag: &str) -> Vec<Vec<String>> {
    let data = fixture("");
    let (a, b) = (fixture("game-a.json"), fixture("game-b.json"));
    let record = dir.join(format!("{tag}.json")).display().to_string();
    let mut all: Vec<Vec<&str>> = vec![
        vec!["validate"],
        vec!["cards"],
        vec!["cards", "--json"],
        vec!["scenarios"],
        vec!["sim", "--games", "2"],
        vec!["sim", "--games", "2", "--json"],
        vec!["--help"],
        vec!["sim", "--help"],
        vec!["--version"],
    ];
    for format in ["md", "json", "csv"] {
        all.push(vec!["--data", &data, "report", &a, "--format", format]);
        all.push(vec!["--data", &data, "report", &a, &b, "--format", format]);
        all.push(vec![
            "--data",
            &data,
            "report",
            "--compare",
            &a,
            &b,
            "--format",
            format,
        ]);
    }
    all.push(vec!["record", "--stop-after", "3", "--out", &record]);
    all.into_iter()
        .map(|args| args.into_iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn output_into_a_closed_pipe_stops_quietly_and_succeeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in printing_commands(dir.path(), "pipe") {
        // The reading end is closed before the program starts, so its first write fails.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = alliance()
            .args(&args)
            .stdout(writer)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn output_onto_a_full_disk_fails_with_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: this system has no /dev/full");
        return;
    }
    for args in printing_commands(dir.path(), "full") {
        let full = File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = alliance().args(&args).stdout(full).output().expect("runs");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(
            text(&out.stderr),
            "alliance: cannot write the output: No space left on device\n",
            "{args:?}"
        );
    }
}

/// `sim --json` without the figures that depend on the machine, not on the games.
fn sim_figures(threads: &str, env: Option<(&str, &str)>) -> serde_json::Value {
    let mut cmd = alliance();
    cmd.args([
        "sim",
        "--games",
        "5",
        "--seed",
        "7",
        "--json",
        "--threads",
        threads,
    ]);
    if let Some((key, value)) = env {
        cmd.env(key, value);
    }
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "--threads {threads}: {}",
        text(&out.stderr)
    );
    let mut json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let threads = json["threads"].as_u64().expect("a thread count");
    assert!((1..=5).contains(&threads), "{threads} threads for 5 games");
    for key in ["seconds", "games_per_second", "decision_time", "threads"] {
        json.as_object_mut().expect("an object").remove(key);
    }
    json
}

#[test]
fn huge_thread_counts_are_capped_and_play_the_same_games() {
    let one = sim_figures("1", None);
    for huge in [
        "100000",
        "4294967296",
        "18446744073709551615",
        "1000000000000000000000",
    ] {
        assert_eq!(sim_figures(huge, None), one, "--threads {huge}");
    }
}

#[test]
fn a_machine_out_of_threads_plays_the_same_games_on_fewer() {
    // A terabyte of stack per thread is more than the system will map, so no worker starts
    // (on a system that maps it anyway, the workers start and the test checks nothing new).
    let starved = Some(("RUST_MIN_STACK", "1099511627776"));
    assert_eq!(sim_figures("3", starved), sim_figures("1", None));
}

#[test]
fn a_thread_count_of_zero_or_a_word_is_refused() {
    for (bad, why) in [("0", "at least 1"), ("four", "not a whole number")] {
        let out = alliance()
            .args(["sim", "--games", "1", "--threads", bad])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "--threads {bad}");
        assert!(text(&out.stderr).contains(why), "{}", text(&out.stderr));
    }
}

/// Runs `args` as from a script: no terminal on standard input or output.
fn without_terminal(args: &[&str], saves: &Path) -> Output {
    alliance()
        .args(args)
        .env("ALLIANCE_SAVE_DIR", saves)
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

fn saves_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).map_or_else(
        |_| Vec::new(),
        |list| list.filter_map(|e| e.ok().map(|e| e.path())).collect(),
    )
}

fn assert_needs_terminal(out: &Output, command: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{command}: {err}");
    assert_eq!(text(&out.stdout), "", "{command}: nothing on the screen");
    assert_eq!(err.lines().count(), 1, "{command}: one line, not {err}");
    assert!(
        err.contains(&format!("`{command}` needs a terminal")),
        "{err}"
    );
}

#[test]
fn the_screens_refuse_to_start_without_a_terminal_and_save_nothing() {
    let saves = tempfile::tempdir().expect("temp dir");
    let out = without_terminal(&["play"], saves.path());
    assert_needs_terminal(&out, "alliance play");
    assert_eq!(
        saves_in(saves.path()),
        Vec::<PathBuf>::new(),
        "no save left behind"
    );
    let out = without_terminal(
        &["play", "--seoul", "greedy", "--scenario", "classroom"],
        saves.path(),
    );
    assert_needs_terminal(&out, "alliance play");
    assert_eq!(saves_in(saves.path()), Vec::<PathBuf>::new());
    let out = without_terminal(&[], saves.path());
    assert_needs_terminal(&out, "alliance");
    let data = fixture("");
    let game = fixture("game-a.json");
    let out = without_terminal(&["--data", &data, "replay", &game], saves.path());
    assert_needs_terminal(&out, "alliance replay");
    // A resumed game is left as it was.
    let copy = saves.path().join("resumed.json");
    std::fs::copy(&game, &copy).expect("copy");
    let before = std::fs::read(&copy).expect("read");
    let copy = copy.display().to_string();
    let out = without_terminal(&["--data", &data, "play", "--resume", &copy], saves.path());
    assert_needs_terminal(&out, "alliance play");
    assert_eq!(std::fs::read(&copy).expect("read"), before);
    assert_eq!(saves_in(saves.path()).len(), 1, "no new save");
}

#[test]
fn a_bad_game_is_named_before_the_missing_terminal() {
    let saves = tempfile::tempdir().expect("temp dir");
    let out = without_terminal(&["play", "--resume"], saves.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("there is no saved game in"),
        "{}",
        text(&out.stderr)
    );
    let missing = saves.path().join("missing.json").display().to_string();
    let out = without_terminal(&["play", "--resume", &missing], saves.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("missing.json"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn arguments_that_make_no_sense_are_refused_by_name() {
    let cases: [(&[&str], &str); 5] = [
        (&["sim", "--games", "0"], "--games"),
        (&["play", "--drill", "0"], "--drill"),
        (
            &["play", "--resume", "x.json", "--scenario", "classroom"],
            "--scenario",
        ),
        (&["play", "--resume", "x.json", "--seed", "4"], "--seed"),
        (
            &["play", "--resume", "x.json", "--seoul", "hard"],
            "--seoul",
        ),
    ];
    for (args, named) in cases {
        let out = alliance()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("runs");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("error: ") && err.contains(named),
            "{args:?}: {err}"
        );
    }
}

/// The help says what each command does: the points it once got wrong.
#[test]
fn the_help_tells_the_truth() {
    // Words only: clap wraps long lines where it likes.
    let help = |args: &[&str]| {
        let out = alliance().args(args).output().expect("runs");
        let words: Vec<_> = text(&out.stdout)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        words.join(" ")
    };
    assert!(help(&["validate", "--help"]).contains("scenario files"));
    let sim = help(&["sim", "--help"]);
    assert!(
        sim.contains("four per core") && sim.contains("with --swap"),
        "{sim}"
    );
    let play = help(&["play", "--help"]);
    assert!(play.contains("or a scenario file's path"), "{play}");
    let record = help(&["record", "--help"]);
    assert!(record.contains("any other file is refused"), "{record}");
    assert!(record.contains("or a random one, if not given"), "{record}");
    assert!(help(&["--help"]).contains("side by side"));
}

/// `alliance cards --full` prints every card's text, requirement and event in the screen's
/// words, and `--json` carries the same; the two cannot be asked together.
#[test]
fn cards_print_in_full_and_as_json_with_their_events() {
    let full = alliance().args(["cards", "--full"]).output().expect("runs");
    assert!(full.status.success());
    let text = String::from_utf8_lossy(&full.stdout);
    assert!(
        text.contains("A Symmetric Alliance (any-symmetric-alliance)"),
        "{text}"
    );
    assert!(text.contains("  Requires: Cohesion at least 5"), "{text}");
    let events = text.lines().filter(|l| l.starts_with("  Event:")).count();
    let json = alliance().args(["cards", "--json"]).output().expect("runs");
    let cards: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(events, cards.len(), "one event line a card");
    assert!(
        cards
            .iter()
            .all(|c| c["event"].as_str().is_some_and(|e| !e.is_empty()))
    );
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "lines fit 80 columns"
    );
    let both = alliance()
        .args(["cards", "--full", "--json"])
        .output()
        .expect("runs");
    assert_eq!(both.status.code(), Some(2));
}
