//! Screen tests: behaviour driven by keys, snapshots, the sweep over sizes, random input, and tmux runs of the real binary.
//!
//! One binary for the group: linking is most of a clean test run, so the files share one.

#[path = "../tui_common/mod.rs"]
mod tui_common;
#[path = "../tui_tmux_support/mod.rs"]
mod tui_tmux_support;

mod tui_behaviour;
mod tui_classroom;
mod tui_drill;
mod tui_end;
mod tui_keys;
mod tui_layout;
mod tui_reference;
mod tui_replay;
mod tui_snapshots;
mod tui_sweep;
mod tui_tmux;
mod tui_tmux_classroom;
mod tui_tmux_signals;
mod tui_tutorial;
mod tui_tutorial_refusal;
mod tui_tutorial_tmux;
