//! Mean draw time per frame at 120×40: the board mid-game, the deal editor and the end screen,
//! drawn into a test backend (the real terminal adds only the write of the changed cells).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use symmetric_alliance::cli::Player;
use symmetric_alliance::content::Data;
use symmetric_alliance::engine::Action;
use symmetric_alliance::tui::app::{App, Screen};
use symmetric_alliance::tui::theme::Theme;
use symmetric_alliance::tui::view;

fn main() {
    divan::main();
}

fn app_in_game(seed: u64) -> App {
    let content = Arc::new(Data::embedded().build().expect("the shipped data builds"));
    let mut app = App::new(content, Theme::color());
    app.size = (120, 40);
    app.start_game(seed, [Player::Human, Player::Human]);
    app
}

fn session(app: &mut App) -> &mut symmetric_alliance::tui::session::Session {
    match &mut app.screen {
        Screen::Game(s) => s,
        _ => unreachable!("a game was started"),
    }
}

/// Plays `n` first-legal actions, then seats the side to move.
fn advance(app: &mut App, n: usize) {
    let s = session(app);
    for _ in 0..n {
        if s.game().is_over() {
            break;
        }
        let a = s.game().legal_actions()[0];
        s.act(a);
    }
    s.take_seat();
}

fn bench_frames(bencher: divan::Bencher, mut app: App) {
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let mut flip = false;
    bencher.bench_local(|| {
        // Alternating the log scroll makes every frame differ, as during play.
        if let Screen::Game(s) = &mut app.screen {
            s.log_scroll = u16::from(flip);
        }
        flip = !flip;
        t.draw(|f| {
            divan::black_box(view::view(&app, f));
        })
        .expect("a frame");
    });
}

#[divan::bench]
fn board_120x40(bencher: divan::Bencher) {
    let mut app = app_in_game(7);
    advance(&mut app, 12);
    bench_frames(bencher, app);
}

#[divan::bench]
fn deal_editor_120x40(bencher: divan::Bencher) {
    let mut app = app_in_game(7);
    advance(&mut app, 2);
    let s = session(&mut app);
    while !s.game().legal_actions().contains(&Action::OpenDeal) {
        let a = s.game().legal_actions()[0];
        s.act(a);
    }
    s.act(Action::OpenDeal);
    s.take_seat();
    bench_frames(bencher, app);
}

#[divan::bench]
fn end_screen_120x40(bencher: divan::Bencher) {
    let mut app = app_in_game(11);
    advance(&mut app, 10_000);
    bench_frames(bencher, app);
}
