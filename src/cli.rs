//! The command line: `alliance [COMMAND]`. `main.rs` only calls [`run`].

use crate::ai::{BotKind, Budget};
use crate::content::{Data, DataErrors};
use crate::engine::{
    CardSide, Concept, Content, Domain, Duration as ShockDuration, Kind, Lens, Meter,
};
use crate::sim::{self, SimConfig};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

mod serve;

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
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check the rules and decks; print a summary, or every error with its file, line and column.
    Validate,
    /// List every card: id, side, kind, ops, title and concept.
    Cards {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Play many bot-vs-bot games and summarise them.
    Sim(SimArgs),
    /// Start a game on the screen directly.
    Play(PlayArgs),
    /// List the scenarios.
    Scenarios,
    /// Step through a recorded game, forward and back.
    Replay {
        /// A game record or save file.
        file: PathBuf,
    },
    /// Write the after-action report of a recorded game.
    Report(ReportArgs),
    /// Play a bot-against-bot game and write its record (autosaved after every decision).
    Record(crate::classroom::RecordArgs),
    /// Serve a class over SSH: students join with `ssh`, each on their own screen.
    Serve(serve::ServeArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Who plays a side: a person at the keyboard, or a bot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Player {
    Human,
    Bot(BotKind),
}

fn parse_player(s: &str) -> Result<Player, String> {
    if s == "human" {
        return Ok(Player::Human);
    }
    BotKind::parse(s).map(Player::Bot).ok_or_else(|| {
        format!(
            "unknown player `{s}`; choose human or one of: {}",
            BotKind::NAMES.join(", ")
        )
    })
}

#[derive(clap::Args, Debug, Clone)]
pub struct PlayArgs {
    /// Who plays Washington: human, or a bot.
    #[arg(long, default_value = "human", value_parser = parse_player)]
    pub washington: Player,
    /// Who plays Seoul: human, or a bot.
    #[arg(long, default_value = "human", value_parser = parse_player)]
    pub seoul: Player,
    /// The game seed (the scenario's fixed seed, or a random one, if not given).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Milliseconds between bot moves, so a person can follow (0 is instant).
    #[arg(long, default_value_t = 600)]
    pub pace_ms: u64,
    /// Play this scenario (see `alliance scenarios`).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Continue a saved game (the latest autosave if no file is given).
    #[arg(long, num_args = 0..=1, value_name = "FILE")]
    pub resume: Option<Option<PathBuf>>,
    /// Negotiation drill: seconds to answer each deal offer before it counts as rejected.
    #[arg(long, value_name = "SECONDS")]
    pub drill: Option<u64>,
    /// A fixed search budget per bot decision, instead of the time budget.
    #[arg(long)]
    pub iterations: Option<u64>,
}

#[derive(clap::Args, Debug, Clone)]
pub struct ReportArgs {
    /// The game record(s); with --compare, several records of the same scenario and seed.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// md, json or csv.
    #[arg(long, default_value = "md")]
    pub format: String,
    /// Set several games side by side.
    #[arg(long)]
    pub compare: bool,
}

#[derive(clap::Args, Debug)]
pub struct SimArgs {
    /// How many games to play.
    #[arg(long, default_value_t = 1000)]
    pub games: u64,
    /// The master seed; game i uses a seed derived from (seed, i).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Washington's bot.
    #[arg(long, default_value = "random", value_parser = parse_bot)]
    pub washington: BotKind,
    /// Seoul's bot.
    #[arg(long, default_value = "random", value_parser = parse_bot)]
    pub seoul: BotKind,
    /// Worker threads (results do not depend on it).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// A fixed search budget per decision, for reproducible runs.
    #[arg(long)]
    pub iterations: Option<u64>,
    /// Play each seed twice, swapping the bots' seats (for strength comparisons).
    #[arg(long)]
    pub swap: bool,
    /// Judge the games under this lens instead of the rules' own.
    #[arg(long, value_enum)]
    pub lens: Option<LensChoice>,
    /// Play this scenario (see `alliance scenarios`), or a scenario file's path. Its fixed seed is
    /// not used: game seeds still come from `--seed`.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LensChoice {
    Relative,
    Absolute,
}

fn parse_bot(s: &str) -> Result<BotKind, String> {
    BotKind::parse(s).ok_or_else(|| {
        format!(
            "unknown bot `{s}`; choose one of: {}",
            BotKind::NAMES.join(", ")
        )
    })
}

/// Loads the data the user asked for.
pub fn load_data(dir: Option<&PathBuf>) -> Result<Arc<Content>, DataErrors> {
    let data = match dir {
        Some(d) => Data::from_dir(d)?,
        None => Data::embedded(),
    };
    data.build().map(Arc::new)
}

pub fn run(cli: Cli) -> ExitCode {
    // The menu draws its first frame while the data loads on another thread.
    if cli.command.is_none() {
        return crate::tui::menu_loading(cli.data, cli.color);
    }
    let content = match load_data(cli.data.as_ref()) {
        Ok(c) => c,
        Err(errors) => {
            eprintln!("{errors}");
            eprintln!("{} error(s) in the game data.", errors.0.len());
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Some(Command::Validate) => {
            print!("{}", summary(&content));
            match crate::classroom::validate_scenarios(content, cli.data.as_deref()) {
                Ok(s) => {
                    print!("{s}");
                    ExitCode::SUCCESS
                }
                Err(errors) => {
                    eprintln!("{errors}");
                    eprintln!("{} error(s) in the scenario files.", errors.0.len());
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Cards { json }) => {
            print!(
                "{}",
                if json {
                    cards_json(&content)
                } else {
                    cards_table(&content)
                }
            );
            ExitCode::SUCCESS
        }
        Some(Command::Sim(args)) => {
            match scenario_content(content, cli.data.as_deref(), args.scenario.as_deref()) {
                Ok(content) => run_sim(&content, &args),
                Err(errors) => {
                    eprintln!("{errors}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Play(args)) => {
            crate::tui::play(content, cli.data.as_deref(), &args, cli.color)
        }
        Some(Command::Scenarios) => crate::classroom::list_scenarios(content, cli.data.as_deref()),
        Some(Command::Replay { file }) => {
            crate::tui::replay(content, cli.data.as_deref(), &file, cli.color)
        }
        Some(Command::Report(args)) => {
            crate::classroom::report(content, cli.data.as_deref(), &args)
        }
        Some(Command::Record(args)) => {
            crate::classroom::record_command(content, cli.data.as_deref(), &args)
        }
        Some(Command::Serve(args)) => serve::run(content, cli.data.as_deref(), &args),
        None => crate::tui::menu(content, cli.data.as_deref(), cli.color),
    }
}

/// The content for a scenario name or file, or the plain rules without one.
fn scenario_content(
    content: Arc<Content>,
    data: Option<&std::path::Path>,
    scenario: Option<&str>,
) -> Result<Arc<Content>, DataErrors> {
    match scenario {
        None => Ok(content),
        Some(name) => crate::classroom::Library::new(content, data)?.content(Some(name)),
    }
}

fn run_sim(content: &Arc<Content>, args: &SimArgs) -> ExitCode {
    let budget = args.iterations.map_or(Budget::DEFAULT, Budget::Iterations);
    let content = match args.lens {
        Some(lens) => {
            let mut c = Content::clone(content);
            c.rules.lens = match lens {
                LensChoice::Relative => Lens::Relative,
                LensChoice::Absolute => Lens::Absolute,
            };
            Arc::new(c)
        }
        None => content.clone(),
    };
    let content = &content;
    let cfg = SimConfig {
        games: args.games,
        seed: args.seed,
        bots: [args.washington, args.seoul],
        budget,
        threads: args.threads.max(1),
        swap: args.swap,
        progress: !args.json,
    };
    let report = sim::run(content, &cfg);
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("cannot write the report as JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", report.to_text());
    }
    ExitCode::SUCCESS
}

/// What `alliance validate` prints for good data.
pub fn summary(content: &Content) -> String {
    let mut s = format!(
        "The data is valid: {} cards, {} order shocks.\n\nCards by side and kind:\n",
        content.cards.len(),
        content.shocks.len()
    );
    s += &format!("  {:<11}", "");
    for k in Kind::ALL {
        s += &format!("{:>9}", k.name());
    }
    s += "    total\n";
    for side in CardSide::ALL {
        s += &format!("  {:<11}", side.name());
        let of_side = content.cards.iter().filter(|c| c.side == side);
        for k in Kind::ALL {
            s += &format!("{:>9}", of_side.clone().filter(|c| c.kind == k).count());
        }
        s += &format!("{:>9}\n", of_side.count());
    }
    s += "\nShocks by domain:\n";
    for d in Domain::ALL {
        let of = content.shocks.iter().filter(|x| x.domain == d);
        let lasting = |dur| of.clone().filter(|x| x.duration == dur).count();
        s += &format!(
            "  {:<11}{:>3}  ({} instant, {} round, {} structural)\n",
            d.name(),
            of.clone().count(),
            lasting(ShockDuration::Instant),
            lasting(ShockDuration::Round),
            lasting(ShockDuration::Structural)
        );
    }
    s += "\nTracks and items:\n";
    for m in Meter::ALL {
        let t = content.rules.track(m);
        let band = t
            .band
            .map(|(lo, hi)| format!(", symmetric band {lo}-{hi}"))
            .unwrap_or_default();
        s += &format!(
            "  {:<16} {}..={}, starts at {}{band}\n",
            m.id(),
            t.min,
            t.max,
            t.start
        );
    }
    s += "\nConcepts carried by cards:\n";
    for c in Concept::ALL {
        let n = content.cards.iter().filter(|x| x.concept == *c).count();
        let mark = if n == 0 { "  MISSING" } else { "" };
        s += &format!("  {:<20}{:>3}  {}{mark}\n", c.id(), n, c.name());
    }
    s
}

fn cards_table(content: &Content) -> String {
    let mut s = format!(
        "{:<34} {:<10} {:<8} {:>3}  {:<40} {}\n",
        "id", "side", "kind", "ops", "title", "concept"
    );
    for c in &content.cards {
        s += &format!(
            "{:<34} {:<10} {:<8} {:>3}  {:<40} {}\n",
            c.id,
            c.side.name(),
            c.kind.name(),
            c.ops,
            c.title,
            c.concept.id()
        );
    }
    s
}

fn cards_json(content: &Content) -> String {
    let rows: Vec<_> = content
        .cards
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id, "side": c.side, "kind": c.kind, "ops": c.ops,
                "title": c.title, "concept": c.concept, "text": c.text,
            })
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into()) + "\n"
}
