//! The screen under random input, in a binary of its own: it waits for every bot answer in turn,
//! so the same seed gives the same run however loaded the machine, and it runs beside nothing
//! that could slow it (the tmux and snapshot tests of `tests/tui` are another binary).

#[path = "../tui_common/mod.rs"]
mod tui_common;

mod tui_fuzz;
