//! `alliance cards`: every card as a table, with `--full` its whole text, requirement and event,
//! or as JSON.

use super::Context;
use super::output::{Outcome, print};
use crate::engine::{Content, Era};
use crate::tui::describe;
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct CardsArgs {
    /// Print JSON instead of a table (every field, the text and the event included).
    #[arg(long)]
    pub json: bool,
    /// Print each card in full: its text, its requirement and what its event does.
    #[arg(long, conflicts_with = "json")]
    pub full: bool,
}

pub(super) fn run(ctx: &Context, args: &CardsArgs) -> Outcome {
    let text = if args.json {
        cards_json(&ctx.content)
    } else if args.full {
        cards_full(&ctx.content)
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

fn era_name(era: Era) -> &'static str {
    match era {
        Era::Early => "early",
        Era::Middle => "middle",
        Era::Late => "late",
    }
}

/// One block a card, as a player reads it in the game: title and id, the facts, the text, then
/// the requirement and the event in the screen's own words, wrapped to fit 80 columns.
fn cards_full(content: &Content) -> String {
    let mut s = String::new();
    for c in &content.cards {
        let once = if c.once { ", once" } else { "" };
        s += &format!("{} ({})\n", c.title, c.id);
        s += &format!(
            "  {} {} card, {} ops, {} era{once}, concept {}\n",
            c.side.name(),
            c.kind.name(),
            c.ops,
            era_name(c.era),
            c.concept.id()
        );
        s += &wrap(c.text.trim(), 76, "  ");
        s.push('\n');
        if !c.requires.is_empty() {
            let needs = describe::conditions(content, &c.requires);
            s += &wrap(&format!("Requires: {needs}"), 76, "  ");
            s.push('\n');
        }
        let event = describe::effects(content, &c.effects);
        s += &wrap(&format!("Event: {event}"), 76, "  ");
        s += "\n\n";
    }
    s
}

/// `text` broken at spaces into lines of at most `width` characters, each after `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
        .iter()
        .map(|l| format!("{indent}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn cards_json(content: &Content) -> String {
    let rows: Vec<_> = content
        .cards
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id, "side": c.side, "kind": c.kind, "ops": c.ops,
                "title": c.title, "concept": c.concept, "text": c.text,
                "era": era_name(c.era), "once": c.once,
                "requires": describe::conditions(content, &c.requires),
                "event": describe::effects(content, &c.effects),
            })
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let w = wrap("one two three four five", 9, "  ");
        assert_eq!(w, "  one two\n  three\n  four five");
        assert!(w.lines().all(|l| l.chars().count() <= 11));
    }
}
