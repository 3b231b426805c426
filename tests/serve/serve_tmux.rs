//! `alliance serve` with the real `ssh` client in tmux: two students at one table, a deal that
//! crosses their connections, each screen with only its own hand; and a server killed with
//! SIGKILL that resumes every move, with the same host key.

use crate::serve_support::{Clients, Server, free_port, tools_present};

/// The number of kept actions of `table`, from `alliance serve --tables`.
fn actions(server: &Server, table: u32) -> usize {
    let list = server.tables();
    list.lines()
        .find(|l| l.split_whitespace().next() == Some(&table.to_string()))
        .and_then(|l| l.split_whitespace().nth(2))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("table {table} is not listed:\n{list}"))
}

/// Alice opens a table as Washington, Bob joins it as Seoul, and both pick their headlines.
fn seat_two_students(c: &mut Clients, port: u16) {
    c.join("alice", port, false);
    c.wait_for("alice", "Open a new table as Washington", 10);
    c.keys("alice", &["Enter"]);
    c.wait_for("alice", "Washington's hand", 10);
    // Alice's client has just kept the host key, so Bob's must match it.
    c.join("bob", port, true);
    c.wait_for("bob", "Join table 1 as Seoul: alice waits", 10);
    c.keys("bob", &["Enter"]);
    c.wait_for("bob", "Seoul's hand", 10);
    c.wait_for("alice", "bob joined as Seoul", 10);
    c.keys("alice", &["Enter", "Enter"]);
    c.wait_for("bob", "Washington has picked a headline", 10);
    c.keys("bob", &["Enter", "Enter"]);
    c.wait_for("alice", "Actions: Washington", 10);
    c.wait_for("bob", "Actions: Washington", 10);
}

fn only_own_hand(c: &Clients) {
    let (a, b) = (c.screen("alice"), c.screen("bob"));
    assert!(
        a.contains("Washington's hand") && !a.contains("Seoul's hand"),
        "alice:\n{a}"
    );
    assert!(
        b.contains("Seoul's hand") && !b.contains("Washington's hand"),
        "bob:\n{b}"
    );
}

#[test]
fn two_students_play_one_table_with_a_deal_across_their_connections() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("a class folder");
    let port = free_port();
    let mut server = Server::start(dir.path(), port, &[]);
    let mut c = Clients::new("deal", dir.path());
    seat_two_students(&mut c, port);
    only_own_hand(&c);
    // Alice opens a deal from her hand's last row, adds the first term and sends it.
    for _ in 0..12 {
        c.keys("alice", &["Down"]);
    }
    c.wait_for("alice", "» Open a deal", 5);
    c.keys("alice", &["Enter"]);
    c.wait_for("alice", "Deal editor", 5);
    c.keys("alice", &["Enter"]);
    c.wait_for("alice", "s send", 5);
    // While she drafts, Bob sees that a deal is open, never its terms.
    let bob = c.wait_for("bob", "Washington opens a deal", 10);
    assert!(!bob.contains("Deal editor"), "bob sees the draft:\n{bob}");
    c.keys("alice", &["s"]);
    c.wait_for("bob", "Washington offers", 10);
    c.wait_for("bob", "Accept", 5);
    c.keys("bob", &["Enter"]);
    c.wait_for("alice", "accepts the deal", 10);
    c.wait_for("bob", "accepts the deal", 10);
    only_own_hand(&c);
    assert!(actions(&server, 1) >= 5, "{}", server.tables());
    // Ctrl-C or SIGTERM: each student gets a goodbye line and the server exits cleanly.
    let status = server.terminate().expect("the server was running");
    assert!(
        status.success(),
        "the server exited with {status}:\n{}",
        server.log()
    );
    for user in ["alice", "bob"] {
        c.wait_for(user, "The class server is stopping", 10);
        assert_eq!(
            c.exit_code(user, 10),
            0,
            "{user}'s session did not end cleanly"
        );
    }
}

#[test]
fn a_server_killed_mid_game_resumes_every_move_with_the_same_host_key() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("a class folder");
    let port = free_port();
    let mut server = Server::start(dir.path(), port, &[]);
    let mut c = Clients::new("kill", dir.path());
    seat_two_students(&mut c, port);
    let before = actions(&server, 1);
    assert_eq!(before, 2, "both headlines are kept:\n{}", server.tables());
    server.kill9();
    assert_ne!(
        c.exit_code("alice", 10),
        0,
        "a killed server is an error for the client"
    );
    drop(server);
    let server = Server::start(dir.path(), port, &[]);
    server.wait_log("Tables resumed:       1", 5);
    assert_eq!(actions(&server, 1), before);
    // Strict host checking: a new key would refuse the connection before the code prompt.
    c.join("alice", port, true);
    c.wait_for("alice", "Washington's hand", 10);
    c.wait_for("alice", "Actions: Washington", 10);
    c.join("bob", port, true);
    c.wait_for("bob", "Seoul's hand", 10);
    c.wait_for("bob", "Actions: Washington", 10);
    // The log is rebuilt from the kept moves: the headlines revealed before the kill are there.
    c.wait("bob", "the resumed log", 10, |s| s.contains("headlines «"));
    // The game goes on from there: Alice plays her first card, and Bob sees it at once.
    c.keys("alice", &["Enter"]);
    c.wait_for("alice", "Enter play", 5);
    c.keys("alice", &["Enter"]);
    c.wait_for("bob", "Actions: Seoul", 10);
    assert_eq!(actions(&server, 1), before + 1);
}

/// Garbage on the port, a handshake dropped halfway, a silent socket, a session without a pty,
/// and a window resized over and over: the class goes on, and the next student joins.
#[test]
fn hostile_connections_and_windows_never_stop_the_class() {
    use std::io::Write;
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("a class folder");
    let port = free_port();
    let server = Server::start(dir.path(), port, &[]);
    let addr = ("127.0.0.1", port);
    let mut junk = std::net::TcpStream::connect(addr).expect("a connection");
    let _ = junk.write_all(&[0xff; 4096]);
    drop(junk);
    let mut half = std::net::TcpStream::connect(addr).expect("a connection");
    let _ = half.write_all(b"SSH-2.0-OpenSSH_9.6\r\n\x00\x00\x01\x00garbage");
    drop(half);
    let _silent = std::net::TcpStream::connect(addr).expect("a connection");
    let known = dir.path().join("known_hosts");
    let no_pty = std::process::Command::new("ssh")
        .args([
            "-T",
            "-F",
            "/dev/null",
            "-o",
            "StrictHostKeyChecking=accept-new",
            "-o",
            "LogLevel=ERROR",
        ])
        .arg("-o")
        .arg(format!("UserKnownHostsFile={}", known.display()))
        .args(["-p", &port.to_string(), "dana@127.0.0.1"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("ssh runs");
    let said = String::from_utf8_lossy(&no_pty.stdout);
    assert!(
        said.contains("a game for the terminal"),
        "ssh -T got: {said:?}"
    );
    assert!(!no_pty.status.success());
    let mut c = Clients::new("hostile", dir.path());
    c.join("alice", port, true);
    c.wait_for("alice", "Open a new table as Washington", 10);
    c.keys("alice", &["Enter"]);
    c.wait_for("alice", "Washington's hand", 10);
    for (w, h) in [(40, 10), (200, 60), (80, 24), (10, 3), (150, 50), (60, 20)] {
        c.run(&[
            "resize-window",
            "-t",
            "alice",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
    }
    c.wait_for("alice", "80×24 needed", 10);
    c.run(&["resize-window", "-t", "alice", "-x", "100", "-y", "30"]);
    c.wait_for("alice", "Washington's hand", 10);
    // Raw bytes typed at the game: escape fragments and invalid UTF-8.
    c.run(&[
        "send-keys",
        "-t",
        "alice",
        "-H",
        "1b",
        "5b",
        "ff",
        "c3",
        "1b",
        "4f",
        "00",
        "07",
    ]);
    c.join("bob", port, true);
    c.wait_for("bob", "Join table 1 as Seoul", 10);
    assert!(server.log().contains("Class code"), "{}", server.log());
}
