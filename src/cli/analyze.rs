//! `alliance analyze`: the command-line face of the design-health report in `crate::analyze`.

use super::choices::BotChoice;
use super::output::{Outcome, print};
use super::sim::RunArgs;
use super::{Context, fail};
use crate::analyze;
use std::path::PathBuf;
use std::process::ExitCode;

/// The options of `alliance analyze` (its help text is on the `Analyze` command).
#[derive(clap::Args, Debug)]
pub struct AnalyzeArgs {
    /// Washington's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Greedy)]
    pub washington: BotChoice,
    /// Seoul's bot.
    #[arg(long, value_enum, default_value_t = BotChoice::Greedy)]
    pub seoul: BotChoice,
    #[command(flatten)]
    pub run: RunArgs,
    /// Print every figure as JSON instead of the text report.
    #[arg(long)]
    pub json: bool,
    /// Also write the report as Markdown to FILE (for `docs/`).
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
}

/// Runs `alliance analyze`.
pub(super) fn run(ctx: &Context, args: &AnalyzeArgs) -> Outcome {
    let content = match args.run.content(ctx) {
        Ok(content) => content,
        Err(errors) => return fail(errors),
    };
    let cfg = args.run.config([args.washington, args.seoul], !args.json);
    let report = analyze::run(&content, &cfg, args.run.scenario.clone());
    if let Some(path) = &args.markdown
        && let Err(e) = std::fs::write(path, report.to_markdown())
    {
        return fail(format!(
            "cannot write the Markdown report to {}: {e}",
            path.display()
        ));
    }
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => print(&format!("{s}\n"))?,
            Err(e) => return fail(format!("cannot write the report as JSON: {e}")),
        }
    } else {
        print(&report.to_text())?;
    }
    Ok(ExitCode::SUCCESS)
}
