//! The view: draws the whole app from `&App` and returns the clickable areas of the frame.

use super::app::{App, Popup, Screen, handoff_side};
use super::keys;
use super::msg::Msg;
use super::popups;
use super::screens;
use super::widgets::keybar;
use crate::engine::Phase;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

pub fn view(app: &App, f: &mut Frame) -> Vec<(Rect, Msg)> {
    let area = f.area();
    let mut hits = Vec::new();
    if app.too_small() || area.width < super::app::MIN_W || area.height < super::app::MIN_H {
        screens::too_small::draw(f, area, &app.theme);
        return hits;
    }
    let bindings = keys::bindings(app);
    let bar_rows = keybar::height(&bindings, area.width);
    let [main, bar] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(bar_rows)]).areas(area);
    let t = &app.theme;
    // Clicks go to the topmost layer only: a popup's areas replace the screen's.
    let mut screen_hits = Vec::new();
    match &app.screen {
        Screen::Menu => screens::menu::draw(f, main, app, t, &mut screen_hits),
        Screen::Cards => screens::cards::draw(f, main, app, t, &mut screen_hits),
        Screen::Rules => screens::rulebook::draw(f, main, app, t),
        Screen::Load(l) => screens::saves::draw(f, main, l, t, &mut screen_hits),
        Screen::Scenarios(l) => screens::scenarios::draw(f, main, l, t, &mut screen_hits),
        Screen::Replay(r) => screens::replay::draw(f, main, r, t),
        Screen::Game(s) if s.game().is_over() => screens::end::draw(f, main, s, t),
        Screen::Game(s) => {
            // A tutorial's prompt band takes its rows first; without one both areas are `main`.
            let (areas, prompt) = super::tutorial::band::areas(s, app.mode(), main);
            let main = areas.popups;
            screens::board::draw(f, areas.board, s, t, &mut screen_hits);
            let mut popup_hits = Vec::new();
            if let Some(side) = handoff_side(s) {
                popups::handoff::draw(f, main, side, s.game().phase(), t);
                screen_hits.clear();
            } else if let Some(ch) = &s.chooser {
                popups::chooser::draw(f, main, s, ch, t, &mut popup_hits);
                screen_hits = popup_hits;
            } else if let (Some(view), Some(_)) = (s.view(), s.human_to_move())
                && let Phase::Deal(deal) = &view.phase
                && !s.deal_hidden
            {
                // The deal as the engine lets the player at the keyboard see it.
                let rows = s.deal_table();
                let screen = popups::deal::DealScreen {
                    game: s.game(),
                    deal,
                    rows: &rows,
                    cursor: s.cursor,
                    answered: s.answered.as_ref(),
                };
                popups::deal::draw(f, main, &screen, t, &mut popup_hits);
                screen_hits = popup_hits;
                if s.confirm_withdraw {
                    popups::confirm::draw_withdraw(f, main, deal.counters > 0, t);
                    screen_hits.clear();
                }
            }
            if let (Some(band), Some(prompt)) = (areas.band, prompt) {
                super::tutorial::band::draw(f, band, &prompt, t);
            }
        }
    }
    match app.popup {
        Some(Popup::Help) => {
            popups::help::draw(f, main, app, t);
            screen_hits.clear();
        }
        Some(Popup::ConfirmQuit) => {
            popups::confirm::draw(f, main, t);
            screen_hits.clear();
        }
        None => {}
    }
    hits.extend(screen_hits);
    hits.extend(keybar::render(&bindings, bar, f.buffer_mut(), t));
    hits
}

/// The title menu as [`view`] draws it for a new [`App`], drawn before the game data exists so
/// the first frame does not wait for the data to parse.
pub(crate) fn first_menu_frame(f: &mut Frame, theme: &super::theme::Theme) {
    let area = f.area();
    if area.width < super::app::MIN_W || area.height < super::app::MIN_H {
        screens::too_small::draw(f, area, theme);
        return;
    }
    let bindings = keys::menu_bindings();
    let bar_rows = keybar::height(&bindings, area.width);
    let [main, bar] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(bar_rows)]).areas(area);
    let bot = crate::ai::BotKind::ALL.len().saturating_sub(1);
    screens::menu::draw_items(f, main, 0, bot, None, theme, &mut Vec::new());
    keybar::render(&bindings, bar, f.buffer_mut(), theme);
}
