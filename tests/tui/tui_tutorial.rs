//! The guided first game, driven by keys on the model: it starts from the menu and plays to its
//! end by its prompts, each prompt waits for its step, a tutorial left and resumed continues at
//! its step, and its prompts show in full beside the hand and the options they talk about.

use crate::tui_common::{app, press, render, session, with_library};
use crossterm::event::KeyCode::{self, Char, Down, Enter, Esc, PageUp};
use symmetric_alliance::engine::{Action, Phase};
use symmetric_alliance::tui::app::{App, MenuItem, Screen};
use symmetric_alliance::tui::deal_table::{DealRow, TERM_LETTERS};
use symmetric_alliance::tui::tutorial::Progress;

/// A menu app that saves into `dir`, its bots moving at once.
pub fn menu_app(dir: &std::path::Path) -> App {
    let mut a = with_library(app(false));
    a.save_dir = Some(dir.to_path_buf());
    a.pace = std::time::Duration::ZERO;
    a
}

/// Starts the tutorial from the menu by keys.
pub fn start_tutorial(a: &mut App) {
    let at = MenuItem::ALL.iter().position(|m| *m == MenuItem::Tutorial);
    for _ in 0..at.expect("the menu has a Tutorial") {
        press(a, Down);
    }
    press(a, Enter);
}

/// The prompt on screen now (as the band shows it, without its label).
pub fn prompt(a: &App) -> Option<String> {
    let s = a.session()?;
    s.tutorial.as_ref()?.current(s, a.mode())
}

pub fn prompt_id(a: &App) -> Option<&'static str> {
    let s = a.session()?;
    s.tutorial.as_ref()?.current_id(s, a.mode())
}

fn progress_of(a: &App, id: &str) -> Progress {
    let s = a.session().expect("a game");
    let t = s.tutorial.as_ref().expect("a tutorial");
    t.progress()
        .find(|(p, _)| *p == id)
        .map(|(_, p)| p)
        .expect("such a prompt")
}

/// Lets the bot move until the person may act or the game ends.
pub fn let_bot_move(a: &mut App) {
    for _ in 0..200_000 {
        let s = session(a);
        if s.game().is_over() || s.human_to_move().is_some() {
            // One more tick, as the loop gives after every bot move, for the prompt to be noted.
            a.tick();
            return;
        }
        s.wait_for_bot();
        a.tick();
    }
    panic!("the bot never moved");
}

/// The keys a player following the prompt presses: read from its words, not from any card, so
/// deck changes leave the test working. Without a prompt, a plain move for the mode.
fn keys_for(a: &App, prompt: Option<&str>) -> Vec<KeyCode> {
    let s = a.session().expect("a game");
    let p = prompt.unwrap_or("");
    if p.contains("Press d") {
        return vec![Char('d')];
    }
    if p.contains("Add terms") || matches!(s.game().phase(), Phase::Deal(d) if !d.sent) {
        return draft_keys(a);
    }
    if p.contains("Press a to accept") || matches!(s.game().phase(), Phase::Deal(d) if d.sent) {
        let accept = s.game().legal_actions().contains(&Action::Accept);
        return vec![Char(if accept { 'a' } else { 'r' })];
    }
    if p.contains("Press the number of one") {
        let view = s.view().expect("the player's view");
        let other = view.side.other().to_string();
        let content = s.game().content();
        let i = view
            .hand
            .iter()
            .position(|c| content.card(*c).side.name() == other)
            .expect("a card of the other side");
        return vec![Char(char::from(b'1' + i as u8))];
    }
    // A card's number on the main list, or the first way to play it in the chooser.
    vec![Char('1')]
}

/// Adds the first term the editor allows, then sends.
fn draft_keys(a: &App) -> Vec<KeyCode> {
    let s = a.session().expect("a game");
    if s.game().legal_actions().contains(&Action::Send) {
        return vec![Char('s')];
    }
    let rows = s.deal_table();
    let addable = |r: &DealRow| {
        matches!(
            r,
            DealRow::Term {
                action: Some(_),
                ..
            }
        )
    };
    let i = rows.iter().position(addable).expect("a term to add");
    vec![Char(TERM_LETTERS[i])]
}

/// The prompt shows in full, and beside it every card of the hand and every way to play the
/// card being chosen: the band hides nothing it talks about.
fn check_in_sight(a: &mut App, prompt: Option<&str>, w: u16, h: u16) {
    let frame = render(a, w, h);
    let Some(p) = prompt else { return };
    // The test backend quotes each row; a tall screen's band has borders.
    let rows: Vec<&str> = frame.lines().map(|l| l.trim_matches('"')).collect();
    let rows = rows.join(" ").replace('│', " ");
    let flat: String = rows.split_whitespace().collect::<Vec<_>>().join(" ");
    let words: String = p.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&words),
        "«{p}» not in full at {w}x{h}:\n{frame}"
    );
    let s = session(a);
    let content = s.game().content().clone();
    let hand = s.view().map(|v| v.hand.to_vec()).unwrap_or_default();
    let rows = match &s.chooser {
        Some(c) => c.options.len(),
        None => 0,
    };
    if a.mode() == symmetric_alliance::tui::mode::Mode::Turn {
        for c in hand {
            let title: String = content.card(c).title.chars().take(12).collect();
            assert!(
                frame.contains(&title),
                "«{title}» hidden at {w}x{h}:\n{frame}"
            );
        }
    }
    for i in 1..=rows.min(9) {
        let row = format!("│{i} ");
        assert!(
            frame.contains(&row),
            "option {i} hidden at {w}x{h}:\n{frame}"
        );
    }
}

/// Plays the tutorial to its end by following its prompts; returns the prompt ids in the order
/// they showed.
fn play_through(a: &mut App) -> Vec<&'static str> {
    let mut shown: Vec<&'static str> = Vec::new();
    for _ in 0..2_000 {
        let_bot_move(a);
        if session(a).game().is_over() {
            return shown;
        }
        if let Some(id) = prompt_id(a)
            && shown.last() != Some(&id)
        {
            shown.push(id);
        }
        let p = prompt(a);
        for (w, h) in [(80, 24), (120, 40)] {
            check_in_sight(a, p.as_deref(), w, h);
        }
        for k in keys_for(a, p.as_deref()) {
            press(a, k);
        }
    }
    panic!("the tutorial did not end: {shown:?}");
}

#[test]
fn the_tutorial_plays_from_the_menu_to_its_end_by_its_prompts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = menu_app(dir.path());
    start_tutorial(&mut a);
    assert!(matches!(a.screen, Screen::Game(_)), "no game started");
    let shown = play_through(&mut a);
    let taught = [
        "headline",
        "your-turn",
        "event-or-ops",
        "deal-open",
        "deal-edit",
        "deal-answer",
        "summit",
        "bands",
        "finish",
    ];
    for id in taught {
        assert!(shown.contains(&id), "{id} never showed: {shown:?}");
    }
    // Each showed once, in the table's order of teaching where both showed.
    let order = |id: &&str| taught.iter().position(|t| t == id);
    let seen: Vec<usize> = shown.iter().filter_map(order).collect();
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{shown:?}");
    assert_eq!(progress_of(&a, "finish"), Progress::Done);
}

/// Keys that do not take a prompt's step leave it on screen: moving, the log, help, and a
/// chooser opened and closed again. Only the headline itself moves the tutorial on.
#[test]
fn a_prompt_waits_for_its_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = menu_app(dir.path());
    start_tutorial(&mut a);
    assert_eq!(prompt_id(&a), Some("headline"));
    for k in [Down, PageUp, Char('?'), Esc, Char('1'), Esc, Down] {
        press(&mut a, k);
        if a.popup.is_none() {
            assert_eq!(prompt_id(&a), Some("headline"), "after {k:?}");
        }
        assert!(matches!(progress_of(&a, "headline"), Progress::Seen { .. }));
    }
    // Help covers the board and the band; the prompt is there again once it closes.
    press(&mut a, Char('?'));
    assert!(render(&mut a, 80, 24).contains("How to win"));
    press(&mut a, Esc);
    assert!(render(&mut a, 80, 24).contains("Tutorial ▸ Each round opens"));
    press(&mut a, Char('1'));
    press(&mut a, Char('1'));
    assert_eq!(progress_of(&a, "headline"), Progress::Done);
    let_bot_move(&mut a);
    assert_eq!(prompt_id(&a), Some("your-turn"));
    press(&mut a, PageUp);
    assert_eq!(prompt_id(&a), Some("your-turn"));
    press(&mut a, Char('1'));
    assert_eq!(progress_of(&a, "your-turn"), Progress::Done);
    assert_eq!(prompt_id(&a), Some("event-or-ops"));
    // Closing the list leaves its step untaken; the prompt comes back with the list.
    press(&mut a, Esc);
    assert_eq!(prompt_id(&a), None);
    assert!(matches!(
        progress_of(&a, "event-or-ops"),
        Progress::Seen { .. }
    ));
    press(&mut a, Char('1'));
    assert_eq!(prompt_id(&a), Some("event-or-ops"));
    press(&mut a, Char('1'));
    assert_eq!(progress_of(&a, "event-or-ops"), Progress::Done);
}

/// The one save in the folder.
fn tutorial_save(dir: &std::path::Path) -> std::path::PathBuf {
    let saves: Vec<_> = std::fs::read_dir(dir)
        .expect("the save folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(saves.len(), 1, "{saves:?}");
    saves[0].clone()
}

fn progress(a: &mut App) -> Vec<(&'static str, Progress)> {
    let t = session(a).tutorial.as_ref().expect("a tutorial");
    t.progress().collect()
}

/// Left at a step and resumed from Load, the tutorial shows the same prompt with the same
/// progress, and goes on from there.
#[test]
fn a_tutorial_left_and_resumed_continues_at_its_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = menu_app(dir.path());
    start_tutorial(&mut a);
    keys_until(&mut a, "deal-open");
    let before = progress(&mut a);
    let steps = session(&mut a).play.record().steps.len();
    drop(a);
    let save = tutorial_save(dir.path());
    let beside = symmetric_alliance::tui::tutorial::progress_path(&save);
    assert!(beside.is_file(), "no progress beside {save:?}");
    let mut a = menu_app(dir.path());
    let load = MenuItem::ALL.iter().position(|m| *m == MenuItem::Load);
    for _ in 0..load.expect("a Load entry") {
        press(&mut a, Down);
    }
    press(&mut a, Enter);
    press(&mut a, Enter);
    assert_eq!(session(&mut a).play.record().steps.len(), steps);
    assert_eq!(progress(&mut a), before);
    assert_eq!(prompt_id(&a), Some("deal-open"));
    assert!(render(&mut a, 80, 24).contains("Press d to open one"));
    press(&mut a, Char('d'));
    assert_eq!(prompt_id(&a), Some("deal-edit"));
}

/// Follows the prompts until `id` shows.
fn keys_until(a: &mut App, id: &str) {
    for _ in 0..500 {
        let_bot_move(a);
        if prompt_id(a) == Some(id) {
            return;
        }
        let p = prompt(a);
        for k in keys_for(a, p.as_deref()) {
            press(a, k);
        }
    }
    panic!("{id} never showed");
}

/// The prompts as they show at 80×24 and 120×40: over the shock on a short screen with the
/// popups below it, as a band above the key bar on a tall one; never over the hand or the
/// options a prompt talks about.
#[test]
fn tutorial_prompt_snapshots() {
    // No save folder: the log's first line then names no temporary path.
    let mut a = with_library(app(false));
    a.pace = std::time::Duration::ZERO;
    start_tutorial(&mut a);
    for (name, id) in [
        ("headline", "headline"),
        ("chooser", "event-or-ops"),
        ("deal", "deal-edit"),
    ] {
        keys_until(&mut a, id);
        for (w, h) in [(80, 24), (120, 40)] {
            let frame = render(&mut a, w, h);
            insta::assert_snapshot!(format!("tutorial_{name}_{w}x{h}"), frame);
        }
    }
}

/// From the Scenarios list the tutorial can be played as Seoul: the prompts then speak of
/// Washington as the other side. With two players at one terminal it is a plain short game.
#[test]
fn the_tutorial_can_be_played_as_seoul_and_hot_seat_has_no_prompts() {
    use symmetric_alliance::ai::BotKind;
    use symmetric_alliance::cli::Player;
    use symmetric_alliance::tui::tutorial::SCENARIO;
    let mut a = with_library(app(false));
    a.pace = std::time::Duration::ZERO;
    let lib = a.library.clone().expect("a library");
    let content = lib
        .content(Some(SCENARIO))
        .unwrap_or_else(|e| panic!("{e}"));
    a.start_with(content.clone(), 11, [Player::Human, Player::Human]);
    assert!(session(&mut a).tutorial.is_none(), "hot-seat got prompts");
    a.start_with(content, 11, [Player::Bot(BotKind::Greedy), Player::Human]);
    keys_until(&mut a, "deal-edit");
    let p = prompt(&a).expect("a prompt");
    assert!(p.contains("+ ask is Washington's"), "{p}");
    let shown = play_through(&mut a);
    for id in ["summit", "bands", "finish"] {
        assert!(shown.contains(&id), "{id} never showed: {shown:?}");
    }
}

/// A deal opened and withdrawn is not the step the deal prompts ask for: they come back at the
/// next action, until a bundle is sent.
#[test]
fn a_withdrawn_deal_brings_the_deal_prompt_back() {
    let mut a = with_library(app(false));
    a.pace = std::time::Duration::ZERO;
    start_tutorial(&mut a);
    keys_until(&mut a, "deal-open");
    press(&mut a, Char('d'));
    assert_eq!(prompt_id(&a), Some("deal-edit"));
    press(&mut a, Char('w'));
    press(&mut a, Char('y'));
    assert!(!matches!(session(&mut a).game().phase(), Phase::Deal(_)));
    assert!(matches!(
        progress_of(&a, "deal-open"),
        Progress::Seen { .. }
    ));
    assert!(matches!(
        progress_of(&a, "deal-edit"),
        Progress::Seen { .. }
    ));
    keys_until(&mut a, "deal-open");
    assert!(render(&mut a, 80, 24).contains("Press d to open one"));
}
