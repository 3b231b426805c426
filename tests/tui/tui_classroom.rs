//! The classroom library on the screen: autosave after every action, undo, the drill's countdown
//! and timeout (on an injected clock, no sleeps), the report key, Load and Scenarios.

use crate::tui_common::*;
use crossterm::event::KeyCode::{Char, Down, Enter};
use std::time::Duration;
use symmetric_alliance::classroom::{GameRecord, ManualClock};
use symmetric_alliance::engine::{Action, Phase, Term};
use symmetric_alliance::tui::app::{self, App, Screen};
use symmetric_alliance::tui::command::{self, Command};
use symmetric_alliance::tui::msg::Msg;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// The only save in `dir`.
fn the_save(dir: &std::path::Path) -> std::path::PathBuf {
    let saves: Vec<_> = std::fs::read_dir(dir)
        .expect("the save folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(saves.len(), 1, "one save expected: {saves:?}");
    saves[0].clone()
}

fn steps_in(path: &std::path::Path) -> usize {
    GameRecord::load(path).expect("the save loads").steps.len()
}

/// Both headlines by keys, so the action phase begins with Washington at the keyboard.
fn to_actions(a: &mut App) {
    keys(a, &[Enter, Enter, Enter, Enter, Enter, Enter, Enter]);
    assert!(matches!(session(a).game().phase(), Phase::Actions { .. }));
}

/// Washington drafts a deal (one term each way) and sends it; Seoul is to answer.
/// Washington sends a one-give, one-ask offer; Seoul's hand-off is next.
pub(crate) fn send_offer(a: &mut App) {
    to_actions(a);
    let s = session(a);
    s.act(Action::OpenDeal);
    let legal = s.game().legal_actions();
    let term = |ask: bool| {
        legal.iter().copied().find(|x| match x {
            Action::Give(Term::Vocab(_)) => !ask,
            Action::Ask(Term::Vocab(_)) => ask,
            _ => false,
        })
    };
    let (give, ask) = (term(false), term(true));
    s.act(give.expect("a term to give"));
    s.act(ask.expect("a term to ask"));
    press(a, Char('s'));
}

#[test]
fn every_action_is_autosaved_and_undo_saves_the_shorter_game() {
    let dir = temp();
    let mut a = saved_hot_seat(7, dir.path());
    let save = the_save(dir.path());
    assert_eq!(
        steps_in(&save),
        0,
        "a new game is saved before its first action"
    );
    keys(&mut a, &[Enter, Enter, Enter]);
    assert_eq!(steps_in(&save), 1, "Washington's headline is saved");
    press(&mut a, Char('u'));
    assert_eq!(steps_in(&save), 0, "the take-back is saved");
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("Saving after every action"), "{screen}");
}

/// `update` decides that a save is due and returns it as a command; the file changes only when
/// the loop runs it. (The same for the report: `r` alone writes nothing.)
#[test]
fn update_writes_no_file_it_returns_the_save_and_the_report_as_commands() {
    let dir = temp();
    let mut a = saved_hot_seat(7, dir.path());
    let save = the_save(dir.path());
    keys(&mut a, &[Enter, Enter]);
    let done = app::update(&mut a, Msg::Confirm);
    assert_eq!(
        session(&mut a).game().record().len(),
        1,
        "the headline is played"
    );
    assert_eq!(steps_in(&save), 0, "update wrote the save itself");
    assert!(
        matches!(done.commands.as_slice(), [Command::Save]),
        "{:?}",
        done.commands
    );
    command::run_all(&mut a, done.commands);
    assert_eq!(steps_in(&save), 1, "the Save command writes the game");
}

#[test]
fn a_failed_save_shows_in_the_status_line() {
    let dir = temp();
    // A file where the save folder should be: every save fails.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "x").expect("write");
    let mut a = saved_hot_seat(7, &blocked);
    press(&mut a, Enter);
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("NOT SAVED"), "{screen}");
}

/// A deep save folder does not push the reason off the status line: the reason comes first and
/// the path loses its middle, at 80 and at 120 columns.
#[test]
fn a_failed_save_names_its_reason_at_80_and_120_columns() {
    let dir = temp();
    let deep = dir
        .path()
        .join("classroom-shared-drive/period-3/alliance-saves/table-12");
    std::fs::create_dir_all(deep.parent().expect("a parent")).expect("folders");
    // A file where the deepest folder should be: every save fails with "Not a directory".
    std::fs::write(&deep, "x").expect("write");
    let mut a = saved_hot_seat(7, &deep.join("games"));
    press(&mut a, Enter);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = render(&mut a, w, h);
        let top = screen
            .lines()
            .find(|l| l.contains("NOT SAVED"))
            .unwrap_or_default();
        assert!(top.contains("NOT SAVED: Not a directory"), "{w}: {screen}");
        assert!(
            top.contains("…") && top.trim_end().ends_with(".json\""),
            "{w}: {screen}"
        );
    }
}

#[test]
fn the_drill_counts_down_and_an_unanswered_offer_is_rejected() {
    let mut a = hot_seat(7);
    let clock = ManualClock::new();
    session(&mut a)
        .play
        .set_drill(Duration::from_secs(10), Box::new(clock.clone()));
    send_offer(&mut a);
    assert_eq!(
        session(&mut a).play.drill_remaining(),
        Some(Duration::from_secs(10))
    );
    // The countdown waits for Seoul to take the keyboard and see the offer.
    clock.advance(Duration::from_millis(3500));
    let screen = render(&mut a, 80, 24);
    assert!(screen.contains("⏱ 10s left"), "{screen}");
    press(&mut a, Enter);
    clock.advance(Duration::from_millis(3500));
    let screen = render(&mut a, 80, 24);
    assert!(screen.contains("⏱ 7s left"), "{screen}");
    send(&mut a, Msg::Tick);
    assert!(matches!(session(&mut a).game().phase(), Phase::Deal(_)));
    clock.advance(Duration::from_secs(7));
    assert!(send(&mut a, Msg::Tick), "the timeout changes the screen");
    let s = session(&mut a);
    assert!(
        !matches!(s.game().phase(), Phase::Deal(_)),
        "the offer still waits"
    );
    let step = s
        .play
        .record()
        .steps
        .last()
        .expect("the timeout is recorded");
    assert!(step.timed_out && step.action == Action::Reject);
    press(&mut a, Enter);
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("did not answer in time"), "{screen}");
    assert!(screen.contains("rejects the deal"), "{screen}");
}

#[test]
fn the_end_screen_writes_the_report_beside_the_save() {
    let dir = temp();
    let mut a = saved_hot_seat(11, dir.path());
    let save = the_save(dir.path());
    let s = session(&mut a);
    while !s.game().is_over() {
        let first = s.game().legal_actions()[0];
        s.act(first);
    }
    assert!(render(&mut a, 80, 24).contains("r report"));
    // `r` makes update ask for the report; the loop's run of that command writes it.
    let done = app::update(&mut a, Msg::Report);
    assert!(
        !dir.path().join("reports").exists(),
        "update wrote the report"
    );
    assert!(matches!(done.commands.last(), Some(Command::WriteReport)));
    command::run_all(&mut a, done.commands);
    press(&mut a, Char('r'));
    let stem = save
        .file_stem()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    let reports = dir.path().join("reports");
    for ext in ["md", "json", "csv"] {
        let file = reports.join(format!("{stem}-report.{ext}"));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}: {file:?}"));
        assert!(!text.is_empty());
    }
    let screen = render(&mut a, 120, 40);
    assert!(
        screen.contains("After-action report written to"),
        "{screen}"
    );
    // The JSON report is not in the save folder, so Load never lists it as a broken save.
    assert_eq!(the_save(dir.path()), save);
}

fn menu_with_saves(dir: &std::path::Path) -> App {
    let mut a = with_library(app(false));
    a.save_dir = Some(dir.to_path_buf());
    a
}

/// Moves the Load list's cursor to the first save that loads (`good`) or does not.
fn select_save(a: &mut App, good: bool) {
    let Screen::Load(l) = &a.screen else {
        panic!("not on the Load screen");
    };
    let at = l.entries.iter().position(|e| e.record.is_ok() == good);
    let (at, from) = (at.expect("such a save"), l.cursor);
    for _ in 0..from {
        press(a, Char('k'));
    }
    for _ in 0..at {
        press(a, Down);
    }
}

#[test]
fn load_lists_saves_shows_a_corrupt_one_and_never_overwrites_it() {
    let dir = temp();
    let mut a = saved_hot_seat(7, dir.path());
    keys(&mut a, &[Enter, Enter, Enter]);
    drop(a);
    let corrupt = dir.path().join("zz-corrupt.json");
    std::fs::write(&corrupt, "{ not a save").expect("write");
    let mut a = menu_with_saves(dir.path());
    keys(&mut a, &[Down, Down, Down, Down, Down, Enter]);
    assert!(matches!(a.screen, Screen::Load(_)));
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("zz-corrupt.json"), "{screen}");
    assert!(screen.contains("cannot be loaded"), "{screen}");
    // Choosing the corrupt save repeats its message and leaves the file as it was.
    select_save(&mut a, false);
    press(&mut a, Enter);
    assert!(
        matches!(a.screen, Screen::Load(_)),
        "a corrupt save was opened"
    );
    assert_eq!(
        std::fs::read_to_string(&corrupt).expect("kept"),
        "{ not a save"
    );
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("zz-corrupt.json"), "{screen}");
    // The good one resumes where it stopped.
    select_save(&mut a, true);
    press(&mut a, Enter);
    let s = session(&mut a);
    assert_eq!(
        s.play.record().steps.len(),
        1,
        "the resumed game lost its action"
    );
}

#[test]
fn scenarios_are_listed_with_the_hypothetical_label_and_start_with_their_seed() {
    let dir = temp();
    let mut a = menu_with_saves(dir.path());
    keys(&mut a, &[Down, Down, Down, Down, Enter]);
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("HYPOTHETICAL"), "{screen}");
    let Screen::Scenarios(list) = &a.screen else {
        panic!("not on the scenario list");
    };
    let (i, summary) = list
        .entries
        .iter()
        .enumerate()
        .find_map(|(i, e)| {
            e.as_ref()
                .ok()
                .filter(|s| s.info.seed.is_some())
                .map(|s| (i, s.clone()))
        })
        .expect("a scenario with a fixed seed");
    for _ in 0..i {
        press(&mut a, Down);
    }
    press(&mut a, Enter);
    let s = session(&mut a);
    assert_eq!(
        s.play.record().scenario.as_deref(),
        Some(summary.info.id.as_str())
    );
    assert_eq!(Some(s.play.record().seed), summary.info.seed);
}

/// The help's rules summary counts the actions of the rules in force: 5 in the plain game, 3
/// in the classroom scenario, 4 in Taiwan Strait.
#[test]
fn the_help_counts_the_scenarios_actions() {
    for (scenario, actions) in [
        (None, 5),
        (Some("classroom"), 2),
        (Some("taiwan-strait"), 4),
    ] {
        let mut a = with_library(app(false));
        let lib = a.library.as_ref().expect("a library");
        let content = lib.content(scenario).unwrap_or_else(|e| panic!("{e}"));
        a.start_with(content, 7, [symmetric_alliance::cli::Player::Human; 2]);
        keys(&mut a, &[Enter, Char('?')]);
        let screen = render(&mut a, 120, 40);
        let said = format!("alternate {actions} actions");
        assert!(
            screen.contains(&said),
            "{scenario:?}: no «{said}»:\n{screen}"
        );
        // The classroom's deals are one term a side, take it or leave it, and its summary says so.
        let said: &[&str] = if scenario == Some("classroom") {
            &["up to 1 term,", "accepts or rejects (no counters)"]
        } else {
            &["up to 3 terms,", "counters (at most 2 counters a deal)"]
        };
        for said in said {
            assert!(
                screen.contains(said),
                "{scenario:?}: no «{said}»:\n{screen}"
            );
        }
    }
}

/// An offer's answer lists Counter only where the rules allow counters: the classroom's deals
/// are take it or leave it, so its answer shows neither the row nor a count of none.
#[test]
fn the_answer_offers_a_counter_only_where_the_rules_allow_one() {
    for (scenario, counters) in [(None, true), (Some("classroom"), false)] {
        let mut a = with_library(app(false));
        let lib = a.library.as_ref().expect("a library");
        let content = lib.content(scenario).unwrap_or_else(|e| panic!("{e}"));
        a.start_with(content, 7, [symmetric_alliance::cli::Player::Human; 2]);
        let mut steps = 0;
        loop {
            steps += 1;
            assert!(steps < 500, "{scenario:?}: no offer was ever sent");
            if session(&mut a).needs_handoff() {
                session(&mut a).take_seat();
            }
            let s = session(&mut a);
            if let Phase::Deal(d) = s.game().phase()
                && d.sent
            {
                break;
            }
            let legal = s.game().legal_actions();
            // Open a deal when one may be opened, give its first term, and send it.
            let pick = [Action::OpenDeal, Action::Send]
                .into_iter()
                .find(|x| legal.contains(x))
                .or_else(|| legal.iter().copied().find(|x| matches!(x, Action::Give(_))))
                .unwrap_or(legal[0]);
            s.act(pick);
        }
        if session(&mut a).needs_handoff() {
            session(&mut a).take_seat();
        }
        let screen = render(&mut a, 120, 40);
        assert!(
            screen.contains("Accept"),
            "{scenario:?}: no answer:\n{screen}"
        );
        assert_eq!(
            screen.contains("Counter with a new bundle"),
            counters,
            "{scenario:?}:\n{screen}"
        );
        assert_eq!(
            screen.contains("(counters 0/"),
            counters,
            "{scenario:?}:\n{screen}"
        );
    }
}

/// Under the absolute lens (the classroom scenario) the header shows each score beside its
/// target, and the help says how to win with those targets; the plain game shows bare scores.
#[test]
fn the_absolute_lens_shows_the_targets_in_the_header_and_the_help() {
    for scenario in [None, Some("classroom")] {
        let mut a = with_library(app(false));
        let lib = a.library.as_ref().expect("a library");
        let content = lib.content(scenario).unwrap_or_else(|e| panic!("{e}"));
        let [w, sl] = content.rules.targets;
        a.start_with(content, 7, [symmetric_alliance::cli::Player::Human; 2]);
        keys(&mut a, &[Enter]);
        let board = render(&mut a, 80, 24);
        let header = board.lines().next().unwrap_or_default().to_owned();
        let shown = format!("W 0/{w} S 0/{sl}");
        assert_eq!(header.contains(&shown), scenario.is_some(), "{header}");
        keys(&mut a, &[Char('?')]);
        let help = render(&mut a, 80, 24);
        // Wrapped at 80 columns between "Washington" and its target, so read the pieces.
        let said =
            help.contains("How to win (absolute lens)") && help.contains(&format!("Seoul {sl});"));
        assert_eq!(said, scenario.is_some(), "{help}");
        // The end screen puts each final score beside its target.
        keys(&mut a, &[crossterm::event::KeyCode::Esc]);
        let s = session(&mut a);
        while !s.game().is_over() {
            let first = s.game().legal_actions()[0];
            s.act(first);
        }
        let end = render(&mut a, 120, 40);
        let beside =
            end.contains(&format!("(target {w})")) && end.contains(&format!("(target {sl})"));
        assert_eq!(beside, scenario.is_some(), "{end}");
    }
}
