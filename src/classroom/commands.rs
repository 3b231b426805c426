//! The classroom commands of the command line: `scenarios`, `report`, `record`, and the scenario
//! part of `validate`. Each prints a sentence that names the file and the fix when it fails.

use super::library::Library;
use super::report::{self, Format, Report};
use super::session::Session;
use crate::ai::{self, BotKind, Budget};
use crate::cli::ReportArgs;
use crate::content::DataErrors;
use crate::engine::{Content, Side, rng};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// `alliance record`: a bot-against-bot game written to a record file, autosaved after every
/// decision. It makes example records for reports, and drives the save-and-kill tests.
#[derive(clap::Args, Debug, Clone)]
pub struct RecordArgs {
    /// Washington's bot.
    #[arg(long, default_value = "random", value_parser = parse_bot)]
    pub washington: BotKind,
    /// Seoul's bot.
    #[arg(long, default_value = "random", value_parser = parse_bot)]
    pub seoul: BotKind,
    /// The game seed (the scenario's fixed seed if not given).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Play this scenario (see `alliance scenarios`), or a scenario file's path.
    #[arg(long)]
    pub scenario: Option<String>,
    /// The record file to write (replaced if it exists).
    #[arg(long, value_name = "FILE", required_unless_present = "resume")]
    pub out: Option<PathBuf>,
    /// Continue the bot game saved in this file, writing to the same file.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["out", "scenario", "seed"])]
    pub resume: Option<PathBuf>,
    /// Milliseconds to wait after each decision.
    #[arg(long, default_value_t = 0)]
    pub pace_ms: u64,
    /// Stop once the record holds this many decisions, leaving the game unfinished.
    #[arg(long)]
    pub stop_after: Option<usize>,
    /// Seed the bots' choices apart from the game seed, so two tables of one seed play differently.
    #[arg(long)]
    pub bot_seed: Option<u64>,
    /// Search budget per bot decision (iterations), so records are reproducible.
    #[arg(long, default_value_t = 200)]
    pub iterations: u64,
}

fn parse_bot(s: &str) -> Result<BotKind, String> {
    BotKind::parse(s).ok_or_else(|| {
        format!(
            "unknown bot `{s}`; choose one of: {}",
            BotKind::NAMES.join(", ")
        )
    })
}

fn library(content: Arc<Content>, data_dir: Option<&Path>) -> Result<Library, ExitCode> {
    Library::new(content, data_dir).map_err(|e| fail(&e.to_string()))
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

/// `alliance scenarios`.
pub fn list_scenarios(content: Arc<Content>, data_dir: Option<&Path>) -> ExitCode {
    let lib = match library(content, data_dir) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut bad = 0;
    for summary in lib.summaries() {
        match summary {
            Ok(s) => {
                let seed = s.info.seed.map_or("random".into(), |x| x.to_string());
                let tag = if s.info.hypothetical {
                    "  [HYPOTHETICAL]"
                } else {
                    ""
                };
                println!("{:<16} {}{tag}", s.info.id, s.info.name);
                println!(
                    "{:<16} {} rounds x {} actions, {:?} lens, seed {seed}, {} inject(s)",
                    "", s.rounds, s.actions_per_round, s.lens, s.injects
                );
                for line in s.info.description.lines() {
                    println!("{:<16} {}", "", line.trim());
                }
                println!();
            }
            Err(e) => {
                bad += 1;
                eprintln!("{e}");
            }
        }
    }
    if lib.scenario_files().0.is_empty() {
        println!("No scenario files: a data folder keeps its own in rules/scenarios/*.toml.");
    } else {
        println!("Start one with `alliance play --scenario ID`.");
    }
    if bad > 0 {
        return fail(&format!("{bad} scenario file(s) have errors."));
    }
    ExitCode::SUCCESS
}

/// The scenario part of `alliance validate`: every scenario file builds, or every error.
pub fn validate_scenarios(
    content: Arc<Content>,
    data_dir: Option<&Path>,
) -> Result<String, DataErrors> {
    let lib = Library::new(content, data_dir)?;
    let mut errors = Vec::new();
    let mut ids = Vec::new();
    for s in lib.summaries() {
        match s {
            Ok(s) => ids.push(s.info.id),
            Err(e) => errors.extend(e.0),
        }
    }
    if ids.is_empty() && errors.is_empty() {
        Ok("\nNo scenario files (rules/scenarios/*.toml).\n".into())
    } else if errors.is_empty() {
        Ok(format!("\nScenarios ({}): {}\n", ids.len(), ids.join(", ")))
    } else {
        Err(DataErrors(errors))
    }
}

/// `alliance report FILE... [--format md|json|csv] [--compare]`.
pub fn report(content: Arc<Content>, data_dir: Option<&Path>, args: &ReportArgs) -> ExitCode {
    let Some(format) = Format::parse(&args.format) else {
        return fail(&format!(
            "unknown report format `{}`; choose md, json or csv",
            args.format
        ));
    };
    let lib = match library(content, data_dir) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut reports = Vec::new();
    for file in &args.files {
        match Report::open(&lib, file) {
            Ok(r) => reports.push(r),
            Err(e) => return fail(&e.to_string()),
        }
    }
    let text = if args.compare {
        let out = match format {
            Format::Markdown => report::compare_markdown(&reports),
            Format::Json => report::compare_json(&reports),
            Format::Csv => report::compare_csv(&reports),
        };
        match out {
            Ok(t) => t,
            Err(e) => return fail(&e.to_string()),
        }
    } else {
        several(&reports, format)
    };
    print!("{text}");
    ExitCode::SUCCESS
}

/// Several reports without `--compare`: one after another (CSV as one table).
fn several(reports: &[Report], format: Format) -> String {
    match (format, reports) {
        (_, [one]) => one.render(format),
        (Format::Csv, _) => report::csv_table(reports),
        (Format::Json, _) => serde_json::to_string_pretty(reports).unwrap_or_default() + "\n",
        (Format::Markdown, _) => {
            let parts: Vec<String> = reports.iter().map(|r| r.render(format)).collect();
            parts.join("\n---\n\n")
        }
    }
}

/// `alliance record`.
pub fn record(content: Arc<Content>, data_dir: Option<&Path>, args: &RecordArgs) -> ExitCode {
    let lib = match library(content, data_dir) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let started = match &args.resume {
        Some(path) => Session::resume(&lib, path)
            .map_err(|e| e.to_string())
            .and_then(|s| bots_of(&s).map(|b| (s, b))),
        None => new_session(&lib, args),
    };
    let (mut session, kinds) = match started {
        Ok(x) => x,
        Err(e) => return fail(&e),
    };
    // A resumed game's bots draw from a stream derived from the resume point, so resuming at the
    // same decision always continues the same way.
    let seed = args.bot_seed.unwrap_or(session.record().seed);
    let bot_seed = rng::game_seed(seed, session.record().steps.len() as u64);
    let budget = Budget::Iterations(args.iterations);
    let mut bots = Side::BOTH.map(|s| ai::build(kinds[s.index()], s, bot_seed, budget));
    while let Some(side) = session.game().to_move() {
        if args
            .stop_after
            .is_some_and(|n| session.record().steps.len() >= n)
        {
            break;
        }
        let legal = session.game().legal_actions();
        let view = session.game().view(side);
        let action = bots[side.index()].choose(&view, &legal);
        if let Err(e) = session.apply(action) {
            return fail(&format!("the {side} bot chose an illegal action: {e}"));
        }
        if let Some(e) = session.save_error() {
            return fail(e);
        }
        if args.pace_ms > 0 {
            std::thread::sleep(Duration::from_millis(args.pace_ms));
        }
    }
    let path = session
        .save_path()
        .map_or_else(String::new, |p| p.display().to_string());
    let status = session
        .game()
        .outcome()
        .map_or_else(|| "unfinished".into(), |o| o.summary());
    println!(
        "Recorded {} decisions to {path}: {status}",
        session.record().steps.len()
    );
    ExitCode::SUCCESS
}

fn new_session(lib: &Library, args: &RecordArgs) -> Result<(Session, [BotKind; 2]), String> {
    let content = lib
        .content(args.scenario.as_deref())
        .map_err(|e| e.to_string())?;
    let seed = seed_for(&content, args.seed);
    let kinds = [args.washington, args.seoul];
    let names = kinds.map(|k| bot_name(k).to_owned());
    let out = args.out.clone().ok_or("--out FILE is required")?;
    // Replace an old record, but never a file that is not one (a damaged save, someone's data).
    if out.exists()
        && let Err(e) = super::record::GameRecord::load(&out)
    {
        return Err(format!("{e} Choose another --out file."));
    }
    let (session, _) = Session::new(content, seed, names);
    Ok((session.autosave_to(out), kinds))
}

fn bots_of(session: &Session) -> Result<[BotKind; 2], String> {
    let players = &session.record().players;
    let kind = |i: usize| {
        BotKind::parse(&players[i]).ok_or_else(|| {
            format!(
                "{} is played by `{}`, not a bot; continue this game with `alliance play --resume FILE`",
                Side::BOTH[i],
                players[i]
            )
        })
    };
    Ok([kind(0)?, kind(1)?])
}

fn bot_name(kind: BotKind) -> &'static str {
    BotKind::NAMES
        .iter()
        .copied()
        .find(|n| BotKind::parse(n) == Some(kind))
        .unwrap_or("bot")
}

/// A seed for a game the user gave none for (not the engine's randomness: only where to start).
/// Six digits, so a class can read it off the board and replay the game.
pub fn random_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    rng::game_seed(nanos as u64, u64::from(std::process::id())) % 1_000_000
}

/// The seed to play with: the one given, else the scenario's fixed seed, else a fresh one.
pub fn seed_for(content: &crate::engine::Content, given: Option<u64>) -> u64 {
    given
        .or(content.scenario.as_ref().and_then(|s| s.seed))
        .unwrap_or_else(random_seed)
}
