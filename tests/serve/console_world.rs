//! The facilitator's console without the network: the class list, pausing (keys refused),
//! injects reaching both screens and the record, seating from a roster, ending the class with
//! the comparison, and every step kept through a restart.

use crate::serve_world::Class;
use std::sync::Arc;
use symmetric_alliance::classroom::Report;
use symmetric_alliance::serve::roster;
use tokio::sync::Notify;

/// The facilitator's console on an 80×24 terminal.
fn console(c: &mut Class) -> u64 {
    let id = c.w.new_conn_id();
    c.w.join_console(id, (80, 24), Arc::new(Notify::new()));
    let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
    c.terms.insert(id, vt100::Parser::new(nz(24), nz(80), 0));
    id
}

fn say(c: &mut Class, id: u64, line: &str) -> String {
    c.w.input(id, format!(":{line}\r").as_bytes());
    c.frame(id)
}

/// Alice (Washington) and Bob (Seoul) at table 1, both on their screens.
fn pair(c: &mut Class) -> (u64, u64) {
    let alice = c.join("alice");
    c.w.input(alice, b"\r");
    let bob = c.join("bob");
    c.w.input(bob, b"\r");
    let _ = (c.frame(alice), c.frame(bob));
    (alice, bob)
}

#[test]
fn a_paused_table_refuses_keys_and_an_inject_reaches_both_screens_and_the_record() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let (alice, bob) = pair(&mut c);
    let fac = console(&mut c);
    let list = c.frame(fac);
    assert!(
        list.contains("alice") && list.contains("bob") && list.contains("headline"),
        "{list}"
    );
    assert!(say(&mut c, fac, "pause 1 a word before the summit").contains("Table 1 paused"));
    c.w.input(alice, b"\r\r");
    assert_eq!(c.steps(), 0, "a paused table took a key");
    assert!(c.frame(alice).contains("Keys are refused"));
    assert!(c.frame(fac).contains("PAUSED"));
    say(&mut c, fac, "resume 1 back to the table");
    c.w.input(alice, b"\r\r");
    assert_eq!(c.steps(), 1);
    let answer = say(
        &mut c,
        fac,
        "inject all now any-new-cold-war the order hardens",
    );
    assert!(answer.contains("released"), "{answer}");
    for id in [alice, bob] {
        assert!(
            c.frame(id).contains("The New Cold War"),
            "the inject is not in {id}'s log"
        );
    }
    // The record replays the inject where it was released, to the server's own state.
    let record = c.w.store.record(1).expect("the record");
    assert_eq!(record.steering.len(), 3, "{:?}", record.steering);
    assert_eq!(record.steering[2].after, 1);
    let content = c.w.tables[&1].content.clone();
    let timeline = record
        .replay(std::path::Path::new("t.json"), content.clone())
        .expect("it replays");
    assert_eq!(timeline.game.board(), c.w.tables[&1].play.game().board());
    let report = Report::new(std::path::Path::new("t.json"), &record, content).expect("a report");
    let md = report.render(symmetric_alliance::classroom::Format::Markdown);
    assert!(
        md.contains("## The facilitator's steps") && md.contains("the order hardens"),
        "{md}"
    );
}

#[test]
fn pauses_pending_injects_and_the_facilitators_steps_survive_a_restart() {
    let dir = tempfile::tempdir().expect("a folder");
    {
        let mut c = Class::new(dir.path());
        let _ = pair(&mut c);
        let fac = console(&mut c);
        let answer = say(
            &mut c,
            fac,
            "inject 1 next any-beijing-parade for the next round",
        );
        assert!(answer.contains("start of round 2"), "{answer}");
        say(&mut c, fac, "pause 1 lunch");
        say(&mut c, fac, "drill 1 45 answer faster");
    }
    let mut c = Class::new(dir.path());
    c.w.resume_tables().expect("the tables load");
    let t = &c.w.tables[&1];
    assert_eq!(t.paused.as_deref(), Some("lunch"));
    assert_eq!(t.pending.len(), 1);
    assert_eq!(t.drill, Some(45));
    assert_eq!(t.steering.len(), 2, "{:?}", t.steering);
    let alice = c.join("alice");
    assert!(c.frame(alice).contains("Washington's hand"));
    c.w.input(alice, b"\r\r");
    assert_eq!(c.steps(), 0, "the pause was lost in the restart");
}

#[test]
fn a_roster_seats_students_before_they_join_and_the_list_scrolls_through_30_tables() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let text: String = (1..=30)
        .map(|t| format!("w{t}, {t}, washington\ns{t}, {t}, seoul\n"))
        .collect();
    let entries = roster::parse("class.csv", &text).expect("the roster reads");
    assert_eq!(c.w.seat_roster("class.csv", &entries), Ok(60));
    // The same roster again changes nothing.
    assert_eq!(c.w.seat_roster("class.csv", &entries), Ok(0));
    let w7 = c.join("w7");
    assert!(
        c.frame(w7).contains("Washington's hand"),
        "w7 is not at their seat"
    );
    let fac = console(&mut c);
    let first = c.frame(fac);
    assert!(
        first.contains("30 tables") && first.contains("w1*"),
        "{first}"
    );
    assert!(
        !first.contains("w30"),
        "30 rows do not fit in 24 lines:\n{first}"
    );
    c.w.input(fac, b"\x1b[F"); // End
    let last = c.frame(fac);
    assert!(
        last.contains("w30*") && last.contains("rows 11-30 of 30"),
        "{last}"
    );
    // A seat taken refuses a second student, with the way out.
    let answer = say(&mut c, fac, "seat kim 3 seoul a change");
    assert!(
        answer.contains("s3 sits at table 3") && answer.contains(":swap"),
        "{answer}"
    );
    say(&mut c, fac, "swap w1 s2 mixing the pairs");
    assert_eq!(
        c.w.seat_of("w1"),
        Some((2, symmetric_alliance::engine::Side::Seoul))
    );
}

#[test]
fn ending_the_class_closes_every_table_and_writes_the_comparison() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let (alice, _bob) = pair(&mut c);
    let entries = roster::parse("r.csv", "carol, 2, washington\ndave, 2, seoul\n").expect("reads");
    c.w.seat_roster("r.csv", &entries).expect("seated");
    let fac = console(&mut c);
    assert!(
        say(&mut c, fac, "end").contains("reason"),
        "ending needs a reason"
    );
    say(&mut c, fac, "end time for the debrief");
    assert!(c.w.tables.is_empty());
    assert!(
        c.w.store
            .tables(None)
            .expect("tables")
            .iter()
            .all(|t| t.finished)
    );
    assert!(c.frame(alice).contains("ended the class"));
    let reports: Vec<_> = std::fs::read_dir(dir.path().join("reports"))
        .expect("reports")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(reports.len(), 3, "{reports:?}");
    let md = reports
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("markdown");
    let text = std::fs::read_to_string(md).expect("it reads");
    assert!(
        text.contains("`table-1.json`") && text.contains("`table-2.json`"),
        "{text}"
    );
    let screen = c.frame(fac);
    assert!(
        screen.contains("table 1: alice (Washington) v bob (Seoul)"),
        "{screen}"
    );
}

#[test]
fn an_inject_kept_for_a_later_round_fires_after_the_move_that_starts_it() {
    use symmetric_alliance::classroom::record::steering::InjectRef;
    use symmetric_alliance::serve::store_steer::Pending;
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let (alice, bob) = pair(&mut c);
    // Kept as if released in round 0: the round under way (1) has begun since, so the next
    // move fires it (the same test the server makes after every move).
    let inject = InjectRef::Card {
        id: "any-new-cold-war".into(),
    };
    let id =
        c.w.store
            .add_pending(1, 0, &inject, "the order hardens")
            .expect("kept");
    let pending = Pending {
        id,
        round: 0,
        inject,
        reason: "the order hardens".into(),
    };
    c.w.tables
        .get_mut(&1)
        .expect("table 1")
        .pending
        .push(pending);
    assert!(!c.frame(bob).contains("The New Cold War"));
    c.w.input(alice, b"\r\r");
    assert_eq!(c.steps(), 1);
    for id in [alice, bob] {
        assert!(
            c.frame(id).contains("The New Cold War"),
            "the inject did not fire at {id}"
        );
    }
    let row = &c.w.store.tables(None).expect("tables")[0];
    assert!(row.pending.is_empty(), "a fired inject still waits");
    assert_eq!(row.steering.len(), 1);
    assert_eq!(row.steering[0].after, 1);
    assert!(
        row.steering[0].what.contains("at the start of round 1"),
        "{:?}",
        row.steering
    );
}

#[test]
fn the_spectator_screen_shows_the_public_board_and_never_a_card_from_a_hand() {
    use crate::tui_common::{Witness, leaked_card};
    let dir = tempfile::tempdir().expect("a folder");
    let mut c = Class::new(dir.path());
    let (alice, bob) = pair(&mut c);
    let fac = console(&mut c);
    let _ = c.frame(fac);
    c.w.input(fac, b"\r");
    let mut witness = Witness::default();
    // Headlines picked (one secret, then both revealed), then a deal drafted and sent.
    let moves: [(u64, &[u8]); 5] = [
        (alice, b"\r\r"),
        (bob, b"\r\r"),
        (
            alice,
            b"\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\r",
        ),
        (alice, b"\r"),
        (alice, b"s"),
    ];
    for (who, keys) in moves {
        c.w.input(who, keys);
        let screen = c.frame(fac);
        assert!(screen.contains("Watching table 1"), "{screen}");
        assert!(
            !screen.contains("'s hand"),
            "a hand on the spectator screen:\n{screen}"
        );
        let game = c.w.tables[&1].play.game();
        witness.observe(game, None);
        if let Some(card) = leaked_card(&screen, game, None, &witness) {
            panic!("the spectator sees «{card}»:\n{screen}");
        }
    }
    assert!(c.steps() >= 3, "the game did not move: {}", c.steps());
}
