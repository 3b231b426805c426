//! The screen under random input, in a binary of its own: its key stream races the bot thread,
//! so it runs alone rather than beside the tmux and snapshot tests of `tests/tui`.

#[path = "../tui_common/mod.rs"]
mod tui_common;

mod tui_fuzz;
