//! Classroom use: scenarios, saves, records, after-action reports, the negotiation drill.
//!
//! What the screen calls:
//! - [`Library`]: the content for a scenario name ([`Library::content`]), the scenario list
//!   (`Library::summaries`), and a record with the data it was made with ([`Library::open_record`]).
//! - [`Session`]: a game that autosaves after every action ([`Session::autosave_in`] with
//!   [`store::save_dir`]), resumes ([`Session::resume`]), and runs the drill ([`Session::with_drill`],
//!   [`Session::tick`], [`Session::drill_remaining`]).
//! - [`RecordCursor`]: replay forward and back, by action and by round.
//! - [`Report`]: the after-action report ([`Report::open`], [`Report::render`]).
//! - [`GameStart`] and [`PlayOptions`]: who sits at each side (`Seats`), the [`SeedChoice`],
//!   and the game to start or resume ([`play::start`]).
//!
//! The command line calls [`report()`], [`record()`] and `validate_scenarios`; they return
//! values and [`CommandError`]s, and only the command line prints.

mod commands;
pub mod cursor;
pub mod drill;
pub mod library;
pub mod play;
pub mod record;
pub mod report;
pub mod seats;
pub mod session;
pub mod store;

pub use commands::{CommandError, RecordGame, RecordOptions, RecordedGame, record, report};

pub(crate) use commands::validate_scenarios;
pub use cursor::RecordCursor;
pub use drill::{Clock, ManualClock};
pub use library::{Library, ScenarioSummary};
pub use record::{GameRecord, RecordError, Step, Timeline};
pub(crate) use record::{RECORD_FORMAT, RECORD_VERSION};
pub use report::{Format, Report};
pub(crate) use seats::fresh_seed;
pub use seats::{GameStart, PlayOptions, Player, Resume, SeedChoice};
pub use session::Session;
