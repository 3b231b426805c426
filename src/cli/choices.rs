//! The command line's spellings of bots, seats, report formats and colour, as clap value enums:
//! clap parses them, lists them in `--help` and names the choices when a value is wrong. Each
//! converts into the plain type of the layer that uses it.

use crate::ai::BotKind;
use crate::classroom::{Format, Player};
use crate::tui::ColorChoice;
use clap::ValueEnum;

/// A bot, as `--washington` and `--seoul` of `sim` and `record` name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BotChoice {
    Random,
    Greedy,
    Hard,
}

impl From<BotChoice> for BotKind {
    fn from(choice: BotChoice) -> BotKind {
        match choice {
            BotChoice::Random => BotKind::Random,
            BotChoice::Greedy => BotKind::Greedy,
            BotChoice::Hard => BotKind::Hard,
        }
    }
}

/// Who plays a side of `alliance play`: a person, or a bot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlayerChoice {
    Human,
    Random,
    Greedy,
    Hard,
}

impl From<PlayerChoice> for Player {
    fn from(choice: PlayerChoice) -> Player {
        let bot = |b: BotChoice| Player::Bot(b.into());
        match choice {
            PlayerChoice::Human => Player::Human,
            PlayerChoice::Random => bot(BotChoice::Random),
            PlayerChoice::Greedy => bot(BotChoice::Greedy),
            PlayerChoice::Hard => bot(BotChoice::Hard),
        }
    }
}

/// The after-action report's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatChoice {
    #[value(name = "md", alias = "markdown")]
    Markdown,
    Json,
    Csv,
}

impl From<FormatChoice> for Format {
    fn from(choice: FormatChoice) -> Format {
        match choice {
            FormatChoice::Markdown => Format::Markdown,
            FormatChoice::Json => Format::Json,
            FormatChoice::Csv => Format::Csv,
        }
    }
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl From<ColorArg> for ColorChoice {
    fn from(choice: ColorArg) -> ColorChoice {
        match choice {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The record files spell players as the command line does, so a record's names can be
    /// typed back in (`alliance play --seoul greedy` plays what a record calls `greedy`).
    #[test]
    fn every_player_choice_is_spelled_as_records_spell_it() {
        for choice in PlayerChoice::value_variants() {
            let name = choice.to_possible_value().map(|v| v.get_name().to_owned());
            let player = Player::from(*choice);
            assert_eq!(name.as_deref(), Some(player.record_name()));
        }
    }

    #[test]
    fn format_names_keep_their_old_spellings() {
        let parse = |s: &str| FormatChoice::from_str(s, true).map(Format::from).ok();
        assert_eq!(parse("md"), Some(Format::Markdown));
        assert_eq!(parse("Markdown"), Some(Format::Markdown));
        assert_eq!(parse("CSV"), Some(Format::Csv));
        assert_eq!(parse("json"), Some(Format::Json));
        assert_eq!(parse("pdf"), None);
    }
}
