//! The facilitator's typed commands (`:pause 3 a word on the summit`), parsed into steps. Every
//! step that steers a table carries the facilitator's reason, which goes into the table's record.

use crate::engine::Side;

/// One table, or every table of the class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    One(i64),
    All,
}

/// When an inject fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Now,
    NextRound,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Pause(Target, String),
    Resume(Target, String),
    /// The inject: a number from the scenario's list, or a card id.
    Inject {
        target: Target,
        when: When,
        what: String,
        reason: String,
    },
    /// Lists the injects a table may be given.
    Injects(Option<i64>),
    /// `None` clears the drill.
    Drill(Target, Option<u64>, String),
    Seat {
        name: String,
        table: i64,
        side: Side,
        reason: String,
    },
    Swap(String, String, String),
    Compare,
    End(String),
}

pub const HELP: &str = "pause|resume N|all WHY; inject N|all now|next ID WHY; injects N; drill N|all SECS|off WHY; seat NAME N washington|seoul WHY; swap NAME NAME WHY; compare; end WHY";

/// Parses a typed line; the error says what was expected.
pub fn parse(line: &str) -> Result<Command, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some((&verb, args)) = words.split_first() else {
        return Err(format!("Type a command: {HELP}"));
    };
    let reason = |from: usize| -> Result<String, String> {
        let r = args.get(from..).unwrap_or(&[]).join(" ");
        if r.is_empty() {
            Err(format!(
                "Add your reason at the end (it goes into each table's record): :{line} WHY"
            ))
        } else {
            Ok(r)
        }
    };
    match verb.to_lowercase().as_str() {
        "help" | "?" => Ok(Command::Help),
        "pause" => Ok(Command::Pause(target(args.first())?, reason(1)?)),
        "resume" => Ok(Command::Resume(target(args.first())?, reason(1)?)),
        "inject" => {
            let when = match args.get(1).map(|w| w.to_lowercase()).as_deref() {
                Some("now") => When::Now,
                Some("next") => When::NextRound,
                _ => return Err("Say when: :inject N|all now|next ID WHY".into()),
            };
            let what = args
                .get(2)
                .ok_or("Name the inject: a number from :injects N, or a card id.")?;
            Ok(Command::Inject {
                target: target(args.first())?,
                when,
                what: (*what).to_owned(),
                reason: reason(3)?,
            })
        }
        "injects" => Ok(Command::Injects(
            args.first().map(|a| table(a)).transpose()?,
        )),
        "drill" => {
            let secs = match args.get(1).map(|w| w.to_lowercase()).as_deref() {
                Some("off") => None,
                Some(n) => Some(
                    n.parse::<u64>()
                        .ok()
                        .filter(|s| (1..=3600).contains(s))
                        .ok_or("The drill is 1 to 3600 seconds, or off.")?,
                ),
                None => return Err("Say the seconds, or off: :drill N|all SECS|off WHY".into()),
            };
            Ok(Command::Drill(target(args.first())?, secs, reason(2)?))
        }
        "seat" => {
            let [name, t, side, ..] = args else {
                return Err(
                    "Say who, where and which side: :seat NAME N washington|seoul WHY".into(),
                );
            };
            Ok(Command::Seat {
                name: (*name).to_owned(),
                table: table(t)?,
                side: side_named(side)?,
                reason: reason(3)?,
            })
        }
        "swap" => {
            let [a, b, ..] = args else {
                return Err("Say the two students: :swap NAME NAME WHY".into());
            };
            Ok(Command::Swap((*a).to_owned(), (*b).to_owned(), reason(2)?))
        }
        "compare" => Ok(Command::Compare),
        "end" => Ok(Command::End(reason(0)?)),
        other => Err(format!("There is no command {other:?}. {HELP}")),
    }
}

fn target(word: Option<&&str>) -> Result<Target, String> {
    match word {
        Some(w) if w.eq_ignore_ascii_case("all") => Ok(Target::All),
        Some(w) => table(w).map(Target::One),
        None => Err("Say which table (a number) or all.".into()),
    }
}

fn table(word: &str) -> Result<i64, String> {
    word.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("{word:?} is not a table number."))
}

/// `washington`, `seoul`, or their first letters.
pub fn side_named(word: &str) -> Result<Side, String> {
    match word.to_lowercase().as_str() {
        "washington" | "w" | "us" => Ok(Side::Washington),
        "seoul" | "s" | "rok" => Ok(Side::Seoul),
        _ => Err(format!("{word:?} is not a side: washington or seoul.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_their_reasons() {
        assert_eq!(
            parse("pause all time for a debrief"),
            Ok(Command::Pause(Target::All, "time for a debrief".into()))
        );
        assert_eq!(
            parse("inject 3 next 1 the crisis grows"),
            Ok(Command::Inject {
                target: Target::One(3),
                when: When::NextRound,
                what: "1".into(),
                reason: "the crisis grows".into()
            })
        );
        assert_eq!(
            parse("drill all off enough"),
            Ok(Command::Drill(Target::All, None, "enough".into()))
        );
        assert_eq!(
            parse("seat kim 2 s pairs set by the roster"),
            Ok(Command::Seat {
                name: "kim".into(),
                table: 2,
                side: Side::Seoul,
                reason: "pairs set by the roster".into()
            })
        );
    }

    #[test]
    fn a_step_without_a_reason_or_a_target_is_refused_with_what_to_type() {
        assert!(parse("pause 3").unwrap_err().contains("reason"));
        assert!(parse("pause").unwrap_err().contains("which table"));
        assert!(parse("drill 2 9999 x").unwrap_err().contains("3600"));
        assert!(parse("frobnicate").unwrap_err().contains("no command"));
    }
}
