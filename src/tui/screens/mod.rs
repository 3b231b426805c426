//! Full screens: the menu, the board, the end of a game, the encyclopedia, the rulebook, the
//! too-small notice, the menu's Load and Scenarios lists, and the replay viewer.

pub mod board;
pub mod cards;
pub mod end;
pub mod menu;
pub mod replay;
pub mod rulebook;
pub mod saves;
pub mod scenarios;
pub mod too_small;
