//! Classroom tests: saves, records, reports, scenarios, and the command line run as a process.
//!
//! One binary for the group: linking is most of a clean test run, so the files share one.

#[path = "../classroom_support/mod.rs"]
mod classroom_support;

mod classroom_files;
mod classroom_process;
mod classroom_properties;
mod classroom_records;
mod classroom_report;
mod classroom_scenarios;
mod cli_hardening;
