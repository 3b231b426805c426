//! Full screens: the menu, the board, the end of a game, the encyclopedia, the rulebook and the
//! too-small notice.

pub mod board;
pub mod cards;
pub mod end;
pub mod menu;
pub mod rulebook;
pub mod too_small;
