//! The screen's mode: what the keyboard is talking to right now. It is read off the model
//! (screen, popup, game phase and seats) rather than kept beside it, so it can never disagree
//! with what is drawn; the key table and `update` both ask [`App::mode`].

use super::app::{App, Popup, Screen};
use crate::engine::Phase;

/// What the keys mean now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    TooSmall,
    ConfirmQuit,
    Help,
    Menu,
    Cards,
    Rules,
    Load,
    Scenarios,
    Replay,
    End,
    Handoff,
    Chooser,
    /// Drafting a bundle.
    Deal,
    /// Answering a sent offer.
    Answer,
    /// A deal's board under the editor, shown after Esc.
    DealPeek,
    /// "Withdraw the deal?"
    ConfirmWithdraw,
    Turn,
    Watching,
    /// Typing a search in the rulebook or the encyclopedia.
    Find,
}

impl Mode {
    /// Every mode, for the help's key list (which shows every key the table has).
    pub const ALL: [Mode; 19] = [
        Mode::Menu,
        Mode::Turn,
        Mode::Chooser,
        Mode::Deal,
        Mode::Answer,
        Mode::DealPeek,
        Mode::ConfirmWithdraw,
        Mode::Handoff,
        Mode::Watching,
        Mode::End,
        Mode::Cards,
        Mode::Rules,
        Mode::Load,
        Mode::Scenarios,
        Mode::Replay,
        Mode::Help,
        Mode::ConfirmQuit,
        Mode::TooSmall,
        Mode::Find,
    ];
}

impl App {
    /// The mode the model is in: a popup over its screen, else the screen, and in a game the
    /// step the game is at for the person at the keyboard.
    pub fn mode(&self) -> Mode {
        if self.too_small() {
            return Mode::TooSmall;
        }
        match self.popup {
            Some(Popup::ConfirmQuit) => return Mode::ConfirmQuit,
            Some(Popup::Help) => return Mode::Help,
            None => {}
        }
        match &self.screen {
            Screen::Rules | Screen::Cards if self.reference.typing.is_some() => Mode::Find,
            Screen::Menu => Mode::Menu,
            Screen::Cards => Mode::Cards,
            Screen::Rules => Mode::Rules,
            Screen::Load(_) => Mode::Load,
            Screen::Scenarios(_) => Mode::Scenarios,
            Screen::Replay(_) => Mode::Replay,
            Screen::Game(s) if s.game().is_over() => Mode::End,
            Screen::Game(s) if s.needs_handoff() => Mode::Handoff,
            Screen::Game(s) if s.chooser.is_some() => Mode::Chooser,
            Screen::Game(s) if s.human_to_move().is_none() => Mode::Watching,
            Screen::Game(s) => match s.game().phase() {
                Phase::Deal(_) if s.confirm_withdraw => Mode::ConfirmWithdraw,
                Phase::Deal(_) if s.deal_hidden => Mode::DealPeek,
                Phase::Deal(d) if d.sent => Mode::Answer,
                Phase::Deal(_) => Mode::Deal,
                _ => Mode::Turn,
            },
        }
    }
}
