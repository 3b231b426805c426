//! Symmetric Alliance: a card-driven wargame of the ROK-U.S. alliance for the terminal.

pub mod ai;
pub mod analyze;
pub mod classroom;
pub mod cli;
pub mod content;
pub mod engine;
pub mod serve;
pub mod sim;
pub mod tui;
