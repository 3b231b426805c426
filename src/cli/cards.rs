//! `alliance cards`: every card as a table or as JSON.

use super::Context;
use super::output::{Outcome, print};
use crate::engine::Content;
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct CardsArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub(super) fn run(ctx: &Context, args: &CardsArgs) -> Outcome {
    let text = if args.json {
        cards_json(&ctx.content)
    } else {
        cards_table(&ctx.content)
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
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
