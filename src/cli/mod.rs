//! The command line: `alliance [COMMAND]`, the only layer that prints results and picks exit
//! codes. Each subcommand has its own file with its clap arguments and its `run`; the layers
//! below take plain types and return values or typed errors. `main.rs` only calls [`run`].
//!
//! To add a subcommand: a file here with an `Args` struct and a `run(&Context, &Args)`, a
//! variant of [`Command`], and one arm in [`Command::run`].

mod analyze;
mod cards;
mod choices;
mod output;
mod play;
mod record;
mod replay;
mod report;
mod scenarios;
mod serve;
mod sim;
mod threads;
mod validate;

pub use cards::CardsArgs;
pub use choices::{BotChoice, ColorArg, FormatChoice, PlayerChoice};
pub use play::PlayArgs;
pub use record::RecordArgs;
pub use replay::ReplayArgs;
pub use report::ReportArgs;
pub use sim::{LensChoice, SimArgs};
pub(crate) use threads::{parse_threads, worker_threads};
pub use validate::summary;

/// Who plays a side. It lives in the classroom layer; this re-export keeps the callers that
/// still name it here compiling.
pub use crate::classroom::Player;

use crate::content::DataErrors;
use crate::engine::Content;
use clap::{Parser, Subcommand};
use output::{Outcome, exit_code, say};
use std::fmt::Display;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser, Debug)]
#[command(
    name = "alliance",
    version,
    about = "Symmetric Alliance: a card-driven wargame of the ROK-U.S. alliance"
)]
pub struct Cli {
    /// Load rules and decks from this folder (holding `rules/` and `decks/`) instead of the built-in data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// When to use colour on the screen (NO_COLOR is honoured under `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check the rules, decks and scenario files; print a summary, or every error with its file,
    /// line and column.
    Validate,
    /// List every card: id, side, kind, ops, title and concept (`--full`: its text, requirement
    /// and event too).
    Cards(CardsArgs),
    /// Play many bot-vs-bot games and summarise them.
    Sim(SimArgs),
    /// Play many bot-vs-bot games and report the game's design health.
    ///
    /// The same games as `alliance sim` (same seeds; the figures do not depend on --threads),
    /// read from their events: per side, the game's shape (lead changes, drama, margins,
    /// stagnant summits, whether the priority and the symmetry bonus matter), the play mix,
    /// deals, aims at their top, each card and shock, and dominated cards. The text report puts
    /// flagged cards first; --json prints every figure; --markdown FILE writes the report as
    /// Markdown for docs/.
    Analyze(analyze::AnalyzeArgs),
    /// Start a game on the screen directly (in a terminal).
    Play(PlayArgs),
    /// List the scenarios.
    Scenarios,
    /// Step through a recorded game on the screen, forward and back (in a terminal).
    Replay(ReplayArgs),
    /// Serve a class over SSH: students join with `ssh`, each on their own screen.
    Serve(serve::ServeArgs),
    /// Print the after-action report of recorded games: one after another, or side by side.
    Report(ReportArgs),
    /// Play a bot-against-bot game and write its record (autosaved after every decision).
    Record(RecordArgs),
}

/// What every subcommand gets: the loaded data and the global options.
pub struct Context {
    pub content: Arc<Content>,
    /// The `--data` folder, where scenario files are looked for too.
    pub data: Option<PathBuf>,
    pub color: ColorArg,
}

impl Context {
    pub fn data_dir(&self) -> Option<&Path> {
        self.data.as_deref()
    }
}

impl Command {
    fn run(&self, ctx: &Context) -> Outcome {
        match self {
            Command::Validate => validate::run(ctx),
            Command::Cards(args) => cards::run(ctx, args),
            Command::Sim(args) => sim::run(ctx, args),
            Command::Analyze(args) => analyze::run(ctx, args),
            Command::Play(args) => play::run(ctx, args),
            Command::Scenarios => scenarios::run(ctx),
            Command::Replay(args) => replay::run(ctx, args),
            Command::Report(args) => report::run(ctx, args),
            Command::Serve(args) => serve::run(ctx, args),
            Command::Record(args) => record::run(ctx, args),
        }
    }
}

/// The whole program: parses the arguments and runs the command.
pub fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => run(cli),
        // Mistakes go to standard error, and help on a terminal keeps clap's colours: clap
        // prints those itself.
        Err(e) if e.use_stderr() || std::io::stdout().is_terminal() => e.exit(),
        // Help and version into a pipe or a file go through the one writer, so that a full disk
        // is said and a closed pipe is not, as for every other result.
        Err(e) => exit_code(output::print(&e.render().to_string()).map(|()| ExitCode::SUCCESS)),
    }
}

pub fn run(cli: Cli) -> ExitCode {
    exit_code(run_command(cli))
}

fn run_command(cli: Cli) -> Outcome {
    let Some(command) = cli.command else {
        // The menu draws its first frame while the data loads, so it loads the data itself.
        if let Err(why) = terminal_check("alliance") {
            return fail(why);
        }
        return exit(crate::tui::menu_loading(
            cli.data.as_deref(),
            cli.color.into(),
        ));
    };
    let content = match crate::content::load_data(cli.data.as_deref()) {
        Ok(c) => c,
        Err(errors) => return fail(data_errors(&errors, "game data")),
    };
    let ctx = Context {
        content,
        data: cli.data,
        color: cli.color,
    };
    command.run(&ctx)
}

/// The screen reads keys from standard input and draws on standard output, so both must be a
/// terminal. Without one it would write escape codes into a file or a pipe, and `play` would
/// leave behind the save of a game nobody could play; so this is asked first.
fn terminal_check(command: &str) -> Result<(), String> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(format!(
        "`{command}` needs a terminal: run it in a terminal window, with neither its input nor its output redirected."
    ))
}

/// Every error, then how many there were and where.
fn data_errors(errors: &DataErrors, place: &str) -> String {
    format!("{errors}\n{} error(s) in the {place}.", errors.0.len())
}

/// Says why a command failed, on standard error, and fails.
fn fail(why: impl Display) -> Outcome {
    say(why);
    Ok(ExitCode::FAILURE)
}

/// The outcome of a command that printed what it had to; its error, if any, is said first.
fn exit<E: Display>(result: Result<(), E>) -> Outcome {
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => fail(e),
    }
}
