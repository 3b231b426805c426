//! Engine and data tests: rules from TOML fixtures, random playouts, the shipped and broken data, the fuzz corpora.
//!
//! One binary for the group: linking is most of a clean test run, so the files share one.

#[path = "../common/mod.rs"]
mod common;

mod bad_data;
mod fuzz_corpus;
mod playout;
mod rules_scenarios;
mod rules_v2;
mod shipped_data;
mod steps;
mod worked_example;
