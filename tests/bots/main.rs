//! Bot, simulator and analyser tests.
//!
//! One binary for the group: linking is most of a clean test run, so the files share one.

#[path = "../common/mod.rs"]
mod common;

mod ai_bots;
mod ai_sim;
mod ai_strength;
mod analyze;
mod analyze_runs;
