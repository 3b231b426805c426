//! The real binary: a game saved after every decision survives SIGKILL mid-game and resumes from
//! its last decision; `alliance report` and `--compare` work on records; `validate` checks an
//! instructor's scenario files; bad choices and bad files get their messages and exit codes.

use crate::classroom_support;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use symmetric_alliance::classroom::GameRecord;

fn alliance() -> Command {
    Command::new(env!("CARGO_BIN_EXE_alliance"))
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the binary runs")
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

#[test]
fn a_game_killed_mid_game_resumes_from_its_last_decision() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().join("table-1.json");
    let mut child = alliance()
        .args([
            "record",
            "--scenario",
            "classroom",
            "--pace-ms",
            "25",
            "--out",
        ])
        .arg(&save)
        .stdout(Stdio::null())
        .spawn()
        .expect("starts");
    // Wait, with a deadline, until the autosave holds a dozen decisions; then kill -9.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let steps = GameRecord::load(&save).map_or(0, |r| r.steps.len());
        if steps >= 12 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the game never reached 12 decisions"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("reaped");
    assert!(!status.success(), "the game was killed, not finished");
    // Every autosave is whole: the file loads and replays, and no temp file is left to confuse.
    let killed = GameRecord::load(&save).expect("the save survives the kill");
    assert!(killed.steps.len() >= 12);
    let lib = classroom_support::shipped();
    let (record, content) = lib.open_record(&save).expect("opens");
    let at_kill = record.replay(&save, content).expect("replays").game;
    assert!(!at_kill.is_over(), "killed mid-game");
    let out = run(alliance().args(["record", "--resume"]).arg(&save));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let done = GameRecord::load(&save).expect("loads");
    assert_eq!(
        done.steps[..killed.steps.len()],
        killed.steps[..],
        "continued, not restarted"
    );
    assert!(done.steps.len() > killed.steps.len());
    assert!(
        text(&out.stdout).contains("Recorded"),
        "{}",
        text(&out.stdout)
    );
    let (record, content) = lib.open_record(&save).expect("opens");
    assert!(
        record
            .replay(&save, content)
            .expect("replays")
            .game
            .is_over()
    );
}

#[test]
fn a_corrupt_save_is_refused_by_the_binary_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().join("broken.json");
    let bytes = b"{\"format\": \"symmetric-alliance-record\", \"version\": 1, \"seed\": ";
    std::fs::write(&save, bytes).expect("write");
    let out = run(alliance().args(["record", "--resume"]).arg(&save));
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("broken.json is damaged"), "{err}");
    assert!(err.contains("left exactly as it was"), "{err}");
    assert_eq!(std::fs::read(&save).expect("read"), bytes);
}

fn fixture(name: &str) -> std::path::PathBuf {
    classroom_support::fixture_dir().join(name)
}

fn report(args: &[&str]) -> Output {
    run(alliance()
        .arg("--data")
        .arg(classroom_support::fixture_dir())
        .arg("report")
        .args(args))
}

#[test]
fn report_and_compare_run_on_records() {
    let a = fixture("game-a.json");
    let b = fixture("game-b.json");
    let (a, b) = (a.to_str().expect("utf-8"), b.to_str().expect("utf-8"));
    for format in ["md", "json", "csv"] {
        let out = report(&[a, "--format", format]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        let cmp = report(&["--compare", a, b, "--format", format]);
        assert!(cmp.status.success(), "{format}: {}", text(&cmp.stderr));
    }
    let cmp = text(&report(&["--compare", a, b]).stdout);
    assert!(
        cmp.starts_with("# Comparison: Seminar test, seed 11"),
        "{cmp}"
    );
    assert!(
        cmp.contains("`game-a.json`") && cmp.contains("`game-b.json`"),
        "{cmp}"
    );
    let csv = text(&report(&["--compare", a, b, "--format", "csv"]).stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 1 + 3 + 3, "a header and three rounds per game");
    let json: serde_json::Value =
        serde_json::from_slice(&report(&["--compare", a, b, "--format", "json"]).stdout)
            .expect("valid JSON");
    assert_eq!(json["games"].as_array().map(Vec::len), Some(2));
    let bad = report(&["--compare", a]);
    assert!(!bad.status.success());
    assert!(text(&bad.stderr).contains("at least two"));
    let fmt = report(&[a, "--format", "pdf"]);
    assert!(!fmt.status.success());
    let err = text(&fmt.stderr);
    assert!(
        err.contains("'pdf'") && err.contains("md, json, csv"),
        "{err}"
    );
    let upper = report(&[a, "--format", "CSV"]);
    assert_eq!(upper.stdout, report(&[a, "--format", "csv"]).stdout);
    assert!(text(&upper.stdout).starts_with("game,scenario,seed,round,"));
}

#[test]
fn compare_refuses_games_of_another_seed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("other-seed.json");
    let out = run(alliance()
        .arg("--data")
        .arg(classroom_support::fixture_dir())
        .args(["record", "--scenario", "seminar", "--seed", "12", "--out"])
        .arg(&other));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let a = fixture("game-a.json");
    let cmp = report(&[
        "--compare",
        a.to_str().expect("utf-8"),
        other.to_str().expect("utf-8"),
    ]);
    assert!(!cmp.status.success());
    assert!(
        text(&cmp.stderr).contains("did not meet the same shocks"),
        "{}",
        text(&cmp.stderr)
    );
}

#[test]
fn validate_checks_an_instructors_scenario_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    copy_tree(&classroom_support::fixture_dir(), root);
    let bad = "version = 1\nid = \"mine\"\nname = \"Mine\"\ndescription = \"D\"\n[[inject]]\nround = 2\nshock = \"shock-typo\"\n";
    std::fs::write(root.join("rules/scenarios/mine.toml"), bad).expect("write");
    let out = run(alliance().arg("--data").arg(root).arg("validate"));
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("mine.toml:7:9: unknown shock id `shock-typo`"),
        "{err}"
    );
    let listed = run(alliance().arg("--data").arg(root).arg("scenarios"));
    assert!(text(&listed.stdout).contains("seminar"));
    assert!(
        !listed.status.success(),
        "a broken scenario file fails the listing too"
    );
}

#[test]
fn a_bad_bot_or_seat_is_refused_with_the_choices() {
    let cases: [(&[&str], &str); 3] = [
        (
            &["play", "--washington", "foo"],
            "human, random, greedy, hard",
        ),
        (
            &["record", "--seoul", "foo", "--out", "x.json"],
            "random, greedy, hard",
        ),
        (&["sim", "--washington", "human"], "random, greedy, hard"),
    ];
    for (args, choices) in cases {
        let out = run(alliance().args(args));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("invalid value"), "{args:?}: {err}");
        assert!(
            err.contains(&format!("[possible values: {choices}]")),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn record_refuses_a_human_game_and_never_overwrites_another_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let human = dir.path().join("human.json");
    let bots = std::fs::read_to_string(fixture("game-a.json")).expect("read");
    let seated = bots.replacen(
        "\"random\",\n    \"random\"",
        "\"random\",\n    \"human\"",
        1,
    );
    assert_ne!(seated, bots, "the fixture names its players as expected");
    std::fs::write(&human, seated).expect("write");
    let data = classroom_support::fixture_dir();
    let out = run(alliance()
        .arg("--data")
        .arg(&data)
        .args(["record", "--resume"])
        .arg(&human));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let why = "Seoul is played by `human`, not a bot; continue this game with `alliance play --resume FILE`";
    assert!(err.contains(why), "{err}");
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, "my notes").expect("write");
    let out = run(alliance().args(["record", "--out"]).arg(&notes));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .trim_end()
            .ends_with("Choose another --out file."),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&notes).expect("read"), "my notes");
}

#[test]
fn bad_data_and_an_unknown_scenario_are_said_before_any_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(alliance().arg("--data").arg(dir.path()).arg("cards"));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("rules.toml") && err.ends_with("1 error(s) in the game data.\n"),
        "{err}"
    );
    let out = run(alliance()
        .args(["play", "--scenario", "nosuch"])
        .stdin(Stdio::null()));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("rules/scenarios:0:0: there is no scenario `nosuch`"),
        "{err}"
    );
    let out = run(alliance()
        .arg("replay")
        .arg(dir.path().join("missing.json")));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("missing.json"),
        "{}",
        text(&out.stderr)
    );
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("list") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
