//! Save and record files as an unlucky or hostile user leaves them: a version past every
//! integer, a FIFO or a link to /dev/zero in the save folder, a record past the size limit, and
//! two classroom tables that start the same seed in the same second.

use crate::classroom_support::{bot_game, play_bots, scenario, shipped};
use std::path::Path;
use symmetric_alliance::classroom::{GameRecord, RecordError, Report, Session, store};

/// A version too large for any integer was called "damaged"; it is a newer format.
#[test]
fn a_version_past_every_integer_is_newer_not_damaged() {
    let good = bot_game(scenario(&shipped(), "classroom"), 5)
        .record()
        .to_json();
    let huge = good.replacen("\"version\": 1", "\"version\": 1180591620717411303424", 1);
    let err = GameRecord::parse(Path::new("huge.json"), huge.as_bytes()).expect_err("refused");
    let msg = err.to_string();
    assert!(msg.contains("written by a newer version"), "{msg}");
    assert!(msg.contains("1180591620717411303424"), "{msg}");
    for bad in ["1.5", "-1", "0", "\"1\"", "null"] {
        let text = good.replacen("\"version\": 1", &format!("\"version\": {bad}"), 1);
        let err = GameRecord::parse(Path::new("v.json"), text.as_bytes()).expect_err("refused");
        assert!(err.to_string().contains("is damaged"), "{bad}: {err}");
    }
}

/// A FIFO or a link to /dev/zero given to `--resume` used to hang or fill memory; the save
/// folder's list marks such entries with the reason, and `--resume` without a file skips them.
#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_in_the_save_folder_is_marked_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = shipped();
    let fifo = dir.path().join("pipe.json");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let zero = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
    for (path, what) in [(&fifo, "FIFO"), (&zero, "a device")] {
        let err = Session::resume(&lib, path).err().expect("refused");
        let msg = err.to_string();
        assert!(
            msg.contains(what) && msg.contains("not a save or record file"),
            "{msg}"
        );
        assert!(Report::open(&lib, path).is_err());
    }
    let listed = store::list_saves(dir.path());
    assert_eq!(listed.len(), 2);
    assert!(
        listed
            .iter()
            .all(|e| e.record.as_ref().is_err_and(|m| m.contains("not read")))
    );
    assert_eq!(store::latest_save(dir.path()), None);
    let (session, _) = Session::new(
        scenario(&lib, "classroom"),
        1,
        ["random".into(), "random".into()],
    );
    let session = session.autosave_in(dir.path());
    let saved = session.save_path().expect("saving").to_path_buf();
    assert_eq!(store::latest_save(dir.path()), Some(saved));
}

/// A 50 MB record once took 1.7 GB before it was refused; now its size alone refuses it.
#[test]
fn a_record_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(symmetric_alliance::classroom::record::RECORD_LIMIT + 1)
        .expect("grow");
    let err = GameRecord::load(&path).expect_err("too large");
    let msg = err.to_string();
    assert!(msg.contains("huge.json") && msg.contains("16 MB"), "{msg}");
    assert!(matches!(err, RecordError::TooLarge { .. }), "{msg}");
}

/// Every classroom table starts seed 2025 in the same second; two once shared one save file.
#[test]
fn two_games_of_one_seed_started_together_keep_two_saves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = shipped();
    let content = scenario(&lib, "classroom");
    let start = std::sync::Barrier::new(2);
    let paths: Vec<_> = std::thread::scope(|s| {
        let games: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let (session, _) =
                        Session::new(content.clone(), 2025, ["random".into(), "random".into()]);
                    start.wait();
                    let mut session = session.autosave_in(dir.path());
                    play_bots(&mut session, 9);
                    session.save_path().map(Path::to_path_buf)
                })
            })
            .collect();
        games
            .into_iter()
            .filter_map(|g| g.join().ok().flatten())
            .collect()
    });
    assert_eq!(paths.len(), 2);
    assert_ne!(paths[0], paths[1], "each game has its own file");
    for p in &paths {
        assert_eq!(
            Session::resume(&lib, p)
                .expect("resumes")
                .record()
                .steps
                .len(),
            9
        );
    }
}

/// A record just under the size limit, of well-formed steps (the game's own, repeated past its
/// end, so the replay refuses it only after the whole file is read and parsed).
fn record_at_the_limit() -> String {
    let mut record = bot_game(scenario(&shipped(), "classroom"), 5)
        .record()
        .clone();
    let limit = symmetric_alliance::classroom::record::RECORD_LIMIT as usize;
    let one_game = record.steps.clone();
    let per_step = serde_json::to_string(&one_game).expect("json").len() / one_game.len() + 1;
    record.steps = one_game
        .iter()
        .copied()
        .cycle()
        .take(limit / per_step)
        .collect();
    let mut json = serde_json::to_string(&record).expect("json");
    while json.len() > limit {
        record.steps.truncate(record.steps.len() - 1000);
        json = serde_json::to_string(&record).expect("json");
    }
    json
}

/// Reading a record at the limit once took over 30 times its size (1.7 GB for 50 MB); it must
/// stay within 10 times. Measured on the real binary with `/usr/bin/time -v`, when present.
#[test]
fn a_record_at_the_size_limit_is_read_in_bounded_memory() {
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("skipped: /usr/bin/time is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("limit.json");
    let json = record_at_the_limit();
    std::fs::write(&path, &json).expect("write");
    let out = std::process::Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_alliance"))
        .arg("report")
        .arg(&path)
        .output()
        .expect("run alliance under time");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("limit.json is damaged") && stderr.contains("the game is over"),
        "{stderr}"
    );
    let peak_kb: u64 = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|n| n.trim().parse().ok())
        .expect("time reports the peak");
    let size_kb = json.len() as u64 / 1024;
    assert!(
        peak_kb <= 10 * size_kb,
        "peak {peak_kb} kB for a {size_kb} kB record"
    );
    eprintln!("peak {peak_kb} kB for a {size_kb} kB record");
}
