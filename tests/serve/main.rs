//! Class server tests: the lobby and tables without a network, and real ssh clients in tmux.
//!
//! One binary for the group: linking is most of a clean test run, so the files share one.

#[path = "../serve_support/mod.rs"]
mod serve_support;
// The screens' secrecy witness, for the facilitator's spectator screen.
#[path = "../tui_common/mod.rs"]
mod tui_common;

mod console_tmux;
mod console_world;
mod serve_tmux;
mod serve_world;
