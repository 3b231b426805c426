//! End-to-end: the real binary in tmux at 80×24 starts the tutorial from the menu and plays it
//! to its end by keys, reading each prompt on the screen to decide the next key, so the test
//! follows the game whatever the deck deals. Without tmux it prints why and skips.

use crate::tui_tmux_support::{Tmux, bin};
use std::time::{Duration, Instant};
use symmetric_alliance::tui::app::MenuItem;

/// The prompt on the screen: the band's two lines from its label on, as one line.
fn prompt(screen: &str) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines.iter().position(|l| l.contains("Tutorial ▸"))?;
    let band = lines[at..(at + 2).min(lines.len())].join(" ");
    let words: Vec<&str> = band.split_whitespace().collect();
    Some(words.join(" "))
}

/// The key bar: the screen's last two lines.
fn key_bar(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len().saturating_sub(2)..].join(" ")
}

/// The number of a hand row that holds a card of `side` (its letter ends the row), if any.
fn hand_row_of(screen: &str, letter: char) -> Option<char> {
    screen.lines().find_map(|l| {
        let right: String = l.chars().skip(40).collect();
        let row = right.trim();
        let digit = row.chars().next().filter(char::is_ascii_digit)?;
        row.ends_with(&format!(" {letter}")).then_some(digit)
    })
}

/// The key a player following the tutorial presses on this screen, if one is to be pressed
/// (none while the bot moves). `letters` counts the deal terms tried in the bundle being drafted.
fn next_key(screen: &str, letters: &mut usize) -> Option<String> {
    let p = prompt(screen).unwrap_or_default();
    let bar = key_bar(screen);
    if screen.contains("Deal editor") {
        if bar.contains("s send") {
            *letters = 0;
            return Some("s".into());
        }
        // Each term letter in turn until the bundle can be sent.
        let letter = "abcdefghilmnoprtvxyz".chars().nth(*letters)?;
        *letters += 1;
        return Some(letter.to_string());
    }
    if bar.contains("r reject") {
        let answer = if bar.contains("a accept") { "a" } else { "r" };
        return Some(answer.into());
    }
    if p.contains("Press d") && bar.contains("d deal") {
        return Some("d".into());
    }
    if p.contains("Press the number of one") {
        let other = p.split("are ").nth(1).and_then(|w| w.chars().next());
        if let Some(digit) = other.and_then(|o| hand_row_of(screen, o)) {
            return Some(digit.to_string());
        }
    }
    // A card's number, or the first way to play it.
    (bar.contains(" card ") || bar.contains(" option ")).then(|| "1".into())
}

#[test]
fn the_tutorial_is_played_to_its_end_by_keys_at_80x24() {
    let Some(t) = Tmux::start("tutorial", 80, 24, bin()) else {
        return;
    };
    t.wait_for("Card encyclopedia", 15);
    let at = MenuItem::ALL.iter().position(|m| *m == MenuItem::Tutorial);
    for _ in 0..at.expect("a Tutorial entry") {
        t.keys(&["Down"]);
    }
    t.keys(&["Enter"]);
    t.wait_for("Tutorial ▸ Each round opens with a headline", 15);
    let mut prompts: Vec<String> = Vec::new();
    let mut letters = 0;
    let deadline = Instant::now() + Duration::from_secs(240);
    loop {
        let s = t.screen();
        if s.contains("Final scores") {
            break;
        }
        assert!(Instant::now() < deadline, "the tutorial did not end:\n{s}");
        if let Some(p) = prompt(&s)
            && prompts.last() != Some(&p)
        {
            prompts.push(p);
        }
        match next_key(&s, &mut letters) {
            Some(k) => {
                t.keys(&[&k]);
                // The screen changes after a key that does something; a key that does nothing
                // (a term that cannot be added now) is followed by the next.
                let until = Instant::now() + Duration::from_secs(3);
                while t.screen() == s && Instant::now() < until {
                    std::thread::sleep(Duration::from_millis(30));
                }
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    let said = prompts.join("\n");
    for step in [
        "headline",
        "Press a card's number",
        "Ops:",
        "Press d to open one",
        "Add terms",
        "The summit scored",
        "Symmetric alliance?",
        "That is the tutorial",
    ] {
        assert!(said.contains(step), "no prompt said «{step}»:\n{said}");
    }
    t.keys(&["Enter"]);
    t.wait_for("Card encyclopedia", 10);
    t.keys(&["q"]);
    t.assert_clean_exit();
}
