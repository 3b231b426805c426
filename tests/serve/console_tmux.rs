//! The facilitator's console with real `ssh` clients in tmux: two students at table 1 (seated
//! by the roster, as a second pair is at table 2), and a facilitator who pauses their table
//! (their keys are refused), resumes it, releases an inject to all tables that both students
//! see, and ends the class, which writes the comparison naming both tables. A wrong password
//! is refused.

use crate::serve_support::{Clients, Server, free_port, tools_present};

#[test]
fn the_facilitator_pauses_injects_and_ends_the_class_over_ssh() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("a class folder");
    let roster = dir.path().join("roster.csv");
    let pairs = "alice, 1, washington\nbob, 1, seoul\ncarol, 2, washington\ndave, 2, seoul\n";
    std::fs::write(&roster, pairs).expect("the roster");
    let port = free_port();
    let roster_arg = roster.display().to_string();
    let server = Server::start(dir.path(), port, &["--roster", &roster_arg]);
    let mut c = Clients::new("console", dir.path());
    // The roster put them at their seats: the code leads straight to the game.
    c.join("alice", port, false);
    c.wait_for("alice", "Washington's hand", 10);
    c.join("bob", port, true);
    c.wait_for("bob", "Seoul's hand", 10);
    c.connect_facilitator("fac", port, &server.password());
    let list = c.wait_for("fac", "2 tables", 10);
    assert!(list.contains("alice") && list.contains("carol*"), "{list}");
    c.type_line("fac", ":pause 1 a word before the headlines");
    c.wait_for("fac", "PAUSED", 5);
    c.wait_for("alice", "paused the table", 5);
    c.keys("alice", &["Enter", "Enter"]);
    c.wait_for("alice", "Keys are refused", 5);
    assert!(
        !c.screen("bob").contains("Washington has picked"),
        "a paused table took a key"
    );
    c.type_line("fac", ":resume 1 back to the game");
    c.wait_for("alice", "resumed the table", 5);
    c.keys("alice", &["Enter", "Enter"]);
    c.wait_for("bob", "Washington has picked a headline", 10);
    c.type_line("fac", ":inject all now any-new-cold-war the order hardens");
    for user in ["alice", "bob"] {
        c.wait_for(user, "The New Cold War", 10);
    }
    c.type_line("fac", ":end time for the debrief");
    let ended = c.wait_for("fac", "The comparison is in", 10);
    assert!(
        ended.contains("table 1: alice (Washington) v bob (Seoul)"),
        "{ended}"
    );
    c.wait_for("alice", "ended the class", 10);
    let reports = dir.path().join("reports");
    let md = std::fs::read_dir(&reports)
        .expect("the reports folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("the Markdown comparison");
    let text = std::fs::read_to_string(&md).expect("it reads");
    assert!(
        text.contains("`table-1.json`") && text.contains("`table-2.json`"),
        "{text}"
    );
    assert!(text.contains("# Comparison"), "{text}");
    let log = std::fs::read_to_string(dir.path().join("serve.log")).expect("the server log");
    assert!(
        log.contains(&server.password()) && log.contains("paused"),
        "{log}"
    );
}

#[test]
fn a_wrong_facilitator_password_is_refused() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("a class folder");
    let port = free_port();
    let server = Server::start(dir.path(), port, &[]);
    let mut c = Clients::new("wrongpw", dir.path());
    // A student's client keeps the host key first, so the facilitator's checks it strictly.
    c.join("alice", port, false);
    c.wait_for("alice", "Open a new table", 10);
    c.connect_facilitator("fac", port, "not-the-password");
    assert_ne!(c.exit_code("fac", 20), 0, "a wrong password got in");
    let screen = c.screen("fac");
    assert!(screen.contains("Permission denied"), "{screen}");
    assert!(!screen.contains("Facilitator:"), "{screen}");
    // The right one opens the console.
    c.connect_facilitator("fac2", port, &server.password());
    c.wait_for("fac2", "Facilitator:", 10);
}

#[test]
fn a_server_killed_keeps_the_roster_and_the_pause_and_makes_a_new_password() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("a class folder");
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "alice, 1, washington\nbob, 1, seoul\n").expect("the roster");
    let roster_arg = roster.display().to_string();
    let port = free_port();
    let mut server = Server::start(dir.path(), port, &["--roster", &roster_arg]);
    let first = server.password();
    let mut c = Clients::new("console-kill", dir.path());
    c.join("alice", port, false);
    c.wait_for("alice", "Washington's hand", 10);
    c.connect_facilitator("fac", port, &first);
    c.wait_for("fac", "1 tables", 10);
    c.type_line("fac", ":pause 1 the projector broke");
    c.wait_for("fac", "PAUSED", 5);
    server.kill9();
    drop(server);
    let server = Server::start(dir.path(), port, &["--roster", &roster_arg]);
    assert_ne!(
        server.password(),
        first,
        "the password is made fresh at each start"
    );
    c.connect_facilitator("fac", port, &server.password());
    let list = c.wait_for("fac", "PAUSED", 10);
    assert!(list.contains("alice*") && list.contains("bob*"), "{list}");
    c.join("alice", port, true);
    c.wait_for("alice", "Washington's hand", 10);
    c.keys("alice", &["Enter", "Enter"]);
    c.wait_for("alice", "Keys are refused", 5);
    assert!(server.tables().contains("alice"), "{}", server.tables());
}
