//! Records, saves and replay: a record replays to the same final state, a record made with other
//! data is refused, a damaged, foreign or newer save gets a clear message and is left untouched,
//! the cursor steps by action and by round, and the drill's timeout works on an injected clock.

use crate::classroom_support;

use crate::classroom_support::{bot_game, library, play_bots, scenario, shipped};
use std::path::Path;
use std::time::Duration;
use symmetric_alliance::classroom::{
    GameRecord, ManualClock, RecordCursor, RecordError, Report, Session,
};
use symmetric_alliance::engine::{Action, Event, Game, Phase};

#[test]
fn a_record_replays_to_the_same_final_state() {
    let lib = shipped();
    for (name, seed) in [("classroom", 1), ("taiwan-strait", 2), ("default", 3)] {
        let content = scenario(&lib, name);
        let session = bot_game(content.clone(), seed);
        let json = session.record().to_json();
        let record = GameRecord::parse(Path::new("r.json"), json.as_bytes()).expect("parses");
        assert_eq!(&record, session.record());
        let timeline = record
            .replay(Path::new("r.json"), content.clone())
            .expect("replays");
        assert!(timeline.game == *session.game(), "{name}: same final state");
        let again = Game::replay(content, seed, &record.actions()).expect("engine replay");
        assert!(again == *session.game());
    }
}

#[test]
fn a_record_made_with_other_data_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("game.json");
    let content = scenario(&shipped(), "classroom");
    let session = bot_game(content, 4);
    let mut record = session.record().clone();
    record.fingerprint = "0123456789abcdef".into();
    std::fs::write(&path, record.to_json()).expect("write");
    let err = shipped().open_record(&path).expect_err("other data");
    assert!(matches!(err, RecordError::OtherData { .. }));
    let msg = err.to_string();
    assert!(msg.contains("recorded with other game data"), "{msg}");
    assert!(msg.contains("game.json"), "{msg}");
    // The fixture's data differs from the shipped data in its scenarios: its records are refused
    // against the shipped content too.
    let fixture = classroom_support::fixture_dir().join("game-a.json");
    let err = shipped()
        .open_record(&fixture)
        .expect_err("no seminar scenario shipped");
    assert!(err.to_string().contains("seminar"), "{err}");
}

/// A damaged, foreign or newer save is reported in a sentence and kept byte for byte.
#[test]
fn bad_saves_get_clear_messages_and_are_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = shipped();
    let good = bot_game(scenario(&lib, "classroom"), 5).record().to_json();
    let newer = good.replacen("\"version\": 1", "\"version\": 7", 1);
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "truncated.json",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "is damaged",
        ),
        (
            "garbage.json",
            b"\x00\x01binary junk".to_vec(),
            "is not a Symmetric Alliance save",
        ),
        (
            "other.json",
            b"{\"name\": \"a spreadsheet\"}".to_vec(),
            "is not a Symmetric Alliance save",
        ),
        (
            "newer.json",
            newer.into_bytes(),
            "written by a newer version",
        ),
        (
            "illegal.json",
            good.replace("\"headline\"", "\"event\"").into_bytes(),
            "is damaged",
        ),
    ];
    let other = dir.path().join("keep.json");
    std::fs::write(&other, &good).expect("write");
    for (name, bytes, want) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        let err = Session::resume(&lib, &path).err().expect("refused");
        let msg = err.to_string();
        assert!(msg.contains(want), "{name}: {msg}");
        assert!(
            msg.contains(name),
            "{name}: the message names the file: {msg}"
        );
        assert_eq!(std::fs::read(&path).expect("read"), bytes, "{name} kept");
    }
    assert_eq!(std::fs::read_to_string(&other).expect("read"), good);
}

#[test]
fn autosave_and_resume_continue_from_the_last_action() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = shipped();
    let content = scenario(&lib, "classroom");
    let (session, _) = Session::new(content, 2025, ["random".into(), "random".into()]);
    let mut session = session.autosave_in(dir.path());
    play_bots(&mut session, 17);
    let path = session.save_path().expect("autosaving").to_path_buf();
    assert!(session.save_error().is_none());
    let resumed = Session::resume(&lib, &path).expect("resumes");
    assert_eq!(resumed.record(), session.record());
    assert!(resumed.game() == session.game());
    let listed = symmetric_alliance::classroom::store::latest_save(dir.path());
    assert_eq!(listed.as_deref(), Some(path.as_path()));
}

#[test]
fn the_cursor_steps_by_action_and_by_round() {
    let lib = library();
    let path = classroom_support::fixture_dir().join("game-b.json");
    let (record, content) = lib.open_record(&path).expect("opens");
    let mut cursor = RecordCursor::new(&path, &record, content.clone()).expect("replays");
    assert_eq!(cursor.len(), record.steps.len() + 1);
    assert!(!cursor.prev_action() && cursor.position() == 0);
    assert!(
        cursor
            .events_at(0)
            .iter()
            .any(|e| matches!(e, Event::ShockRevealed { .. }))
    );
    assert!(cursor.next_action());
    assert_eq!(cursor.step_at(1), record.steps.first());
    assert!(cursor.prev_action() && cursor.position() == 0);
    let starts = cursor.round_starts();
    assert_eq!(
        starts.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(cursor.next_round());
    assert_eq!(
        (cursor.game().board().round, cursor.position()),
        (2, starts[1].1)
    );
    assert!(cursor.next_round());
    assert_eq!(cursor.game().board().round, 3);
    assert!(cursor.next_round(), "the last round steps to the end");
    assert_eq!(cursor.position(), cursor.len() - 1);
    assert!(cursor.game().is_over() && !cursor.next_action());
    assert!(cursor.prev_round());
    assert_eq!(cursor.position(), starts[2].1);
    cursor.seek(starts[2].1 + 1);
    assert!(cursor.prev_round());
    assert_eq!(
        cursor.position(),
        starts[2].1,
        "back to the start of this round first"
    );
    assert!(cursor.prev_round());
    assert_eq!(cursor.position(), starts[1].1);
    let final_state = record.replay(&path, content).expect("replays").game;
    assert!(*cursor.game_at(usize::MAX) == final_state);
}

/// Plays headlines, opens a deal and sends a one-term offer; returns the side that must answer.
fn send_an_offer(session: &mut Session) {
    let pick = |s: &Session, f: fn(&Action) -> bool| {
        s.game()
            .legal_actions()
            .into_iter()
            .find(f)
            .expect("such an action is legal")
    };
    while matches!(session.game().phase(), Phase::Headline { .. }) {
        let a = pick(session, |a| matches!(a, Action::Headline { .. }));
        session.apply(a).expect("headline");
    }
    session.apply(Action::OpenDeal).expect("open a deal");
    let give = pick(session, |a| matches!(a, Action::Give(_)));
    session.apply(give).expect("give");
    session.apply(Action::Send).expect("send");
}

#[test]
fn the_drill_rejects_an_unanswered_offer_on_an_injected_clock() {
    let content = scenario(&shipped(), "classroom");
    let clock = ManualClock::new();
    let (session, _) = Session::new(content, 9, ["human".into(), "human".into()]);
    let mut session = session.with_drill(Duration::from_secs(30), Box::new(clock.clone()));
    send_an_offer(&mut session);
    let opener = session.record().steps.last().expect("sent").side;
    assert_eq!(session.drill_waiting_for(), Some(opener.other()));
    assert_eq!(session.drill_remaining(), Some(Duration::from_secs(30)));
    clock.advance(Duration::from_millis(29_999));
    assert!(session.tick().is_none(), "still time to answer");
    assert_eq!(session.drill_remaining(), Some(Duration::from_millis(1)));
    clock.advance(Duration::from_millis(1));
    let events = session.tick().expect("time is up");
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::DealRejected { by, .. } if *by == opener.other()))
    );
    let last = session.record().steps.last().expect("logged");
    assert_eq!(
        (last.action, last.timed_out, last.answer_ms),
        (Action::Reject, true, Some(30_000))
    );
    assert_eq!(session.drill_remaining(), None);
    assert!(session.tick().is_none(), "nothing waits any more");
}

#[test]
fn the_drill_times_answers_and_the_report_counts_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = shipped();
    let content = scenario(&lib, "classroom");
    let clock = ManualClock::new();
    let (session, _) = Session::new(content, 9, ["human".into(), "human".into()]);
    let mut session = session
        .with_drill(Duration::from_secs(30), Box::new(clock.clone()))
        .autosave_to(dir.path().join("drill.json"));
    send_an_offer(&mut session);
    clock.advance(Duration::from_millis(4_500));
    session.apply(Action::Accept).expect("accept");
    let answer = session.record().steps.last().expect("accepted");
    assert_eq!((answer.answer_ms, answer.timed_out), (Some(4_500), false));
    let answerer = answer.side;
    // Play on to the next offer and let it time out.
    while session.game().to_move() != Some(answerer.other())
        || !matches!(session.game().phase(), Phase::Actions { .. })
    {
        let a = session.game().legal_actions()[0];
        session.apply(a).expect("legal");
    }
    send_an_offer(&mut session);
    clock.advance(Duration::from_secs(31));
    session.tick().expect("times out");
    let path = session.save_path().expect("saved").to_path_buf();
    let report = Report::open(&lib, &path).expect("reports");
    let stats = &report.negotiation[answerer.id()];
    assert_eq!((stats.accepted, stats.rejected, stats.timeouts), (1, 1, 1));
    assert_eq!(
        (stats.timed_answers, stats.max_answer_ms),
        (2, Some(30_000))
    );
    assert_eq!(stats.mean_answer_ms, Some((4_500 + 30_000) / 2));
    assert_eq!(report.negotiation[answerer.other().id()].offers, 2);
    let md = report.render(symmetric_alliance::classroom::Format::Markdown);
    assert!(md.contains("Reply: timed out after 30.0 s"), "{md}");
}

#[test]
fn play_resumes_a_file_with_its_players_log_and_a_new_drill() {
    use symmetric_alliance::classroom::{GameStart, Player, Resume};
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = shipped();
    let (session, _) = Session::new(
        scenario(&lib, "classroom"),
        3,
        ["human".into(), "random".into()],
    );
    let mut session = session.autosave_in(dir.path());
    play_bots(&mut session, 9);
    let path = session.save_path().expect("saved").to_path_buf();
    let start = GameStart {
        resume: Some(Resume::File(path.clone())),
        drill: Some(std::time::Duration::from_secs(45)),
        ..GameStart::default()
    };
    let started = symmetric_alliance::classroom::play::start(&lib, &start).expect("resumes");
    assert!(matches!(started.players, [Player::Human, Player::Bot(_)]));
    assert!(started.session.game() == session.game());
    assert!(
        started
            .events
            .iter()
            .filter(|e| matches!(e, Event::RoundStarted { .. }))
            .count()
            >= 1
    );
    assert!(started.notice.contains("Resumed"), "{}", started.notice);
    assert_eq!(started.session.record().drill_seconds, Some(45));
}

#[test]
fn undo_shortens_the_saved_record_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = shipped();
    let (session, _) = Session::new(
        scenario(&lib, "classroom"),
        8,
        ["human".into(), "human".into()],
    );
    let mut session = session.autosave_in(dir.path());
    let pick = session.game().legal_actions()[0];
    session.apply(pick).expect("headline");
    let side = session.record().steps[0].side;
    assert!(
        session.undo(side),
        "a secret headline pick revealed nothing"
    );
    let path = session.save_path().expect("saved").to_path_buf();
    assert!(GameRecord::load(&path).expect("loads").steps.is_empty());
}
