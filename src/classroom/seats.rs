//! Who sits at each side, which seed a new game starts from, and everything starting a game on
//! the screen asks for. The command line and the menu fill these in; nothing here knows either.

use crate::ai::{BotKind, Budget};
use crate::engine::{Content, rng};
use std::path::PathBuf;
use std::time::Duration;

/// Who plays a side: a person at the keyboard, or a bot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Player {
    #[default]
    Human,
    Bot(BotKind),
}

/// Who plays each side, indexed by [`crate::engine::Side::index`] (Washington first).
pub(crate) type Seats = [Player; 2];

/// Every bot a record can name, for reading a record's players back.
const BOTS: [BotKind; 3] = [BotKind::Random, BotKind::Greedy, BotKind::Hard];

impl Player {
    /// The name a game record keeps for who played a side. Records outlive the program, so
    /// these spellings never change.
    pub(crate) fn record_name(self) -> &'static str {
        match self {
            Player::Human => "human",
            Player::Bot(BotKind::Random) => "random",
            Player::Bot(BotKind::Greedy) => "greedy",
            Player::Bot(BotKind::Hard) => "hard",
        }
    }

    /// The bot a record's player name stands for, if it names one.
    pub(crate) fn bot_of_record(name: &str) -> Option<BotKind> {
        BOTS.into_iter()
            .find(|k| Player::Bot(*k).record_name() == name)
    }

    /// A record's player name back to a player; anything but a bot is played by a person.
    pub(crate) fn of_record(name: &str) -> Player {
        Player::bot_of_record(name).map_or(Player::Human, Player::Bot)
    }
}

/// Which seed a new game starts from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SeedChoice {
    /// The seed the user gave.
    Given(u64),
    /// The scenario's fixed seed (so every table meets the same shocks), or a fresh one when it
    /// has none.
    #[default]
    ScenarioOrFresh,
}

impl SeedChoice {
    /// `Given` when the user gave a seed, else the scenario's or a fresh one.
    pub(crate) fn from_given(seed: Option<u64>) -> SeedChoice {
        seed.map_or(SeedChoice::ScenarioOrFresh, SeedChoice::Given)
    }

    /// The seed to play `content` with.
    pub(crate) fn resolve(self, content: &Content) -> u64 {
        match self {
            SeedChoice::Given(seed) => seed,
            SeedChoice::ScenarioOrFresh => content
                .scenario
                .as_ref()
                .and_then(|s| s.seed)
                .unwrap_or_else(fresh_seed),
        }
    }
}

/// A seed for a game the user gave none for (not the engine's randomness: only where to start).
/// Six digits, so a class can read it off the board and replay the game.
pub(crate) fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    rng::game_seed(nanos as u64, u64::from(std::process::id())) % 1_000_000
}

/// Which saved game to continue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resume {
    /// The newest save in the save folder that loads.
    Latest,
    /// This save or record file.
    File(PathBuf),
}

/// What starting a game asks for: a new game (seats, seed, scenario) or a saved one, and
/// whether the negotiation drill runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GameStart {
    /// Who plays each side of a new game (a resumed game keeps the record's players).
    pub seats: Seats,
    pub seed: SeedChoice,
    /// A scenario id or a scenario file's path; `None` plays the plain rules.
    pub scenario: Option<String>,
    pub resume: Option<Resume>,
    /// Time to answer each deal offer before it counts as rejected.
    pub drill: Option<Duration>,
}

/// `alliance play`: the game to start, and how its bots play on the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlayOptions {
    pub start: GameStart,
    /// The wait between bot moves, so a person can follow.
    pub pace: Duration,
    /// How much each bot decision may think.
    pub budget: Budget,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_player_reads_back_from_its_record_name() {
        let players = BOTS.map(Player::Bot);
        for p in players.into_iter().chain([Player::Human]) {
            assert_eq!(Player::of_record(p.record_name()), p);
        }
        assert_eq!(Player::bot_of_record("human"), None);
        assert_eq!(Player::of_record("someone"), Player::Human);
    }

    #[test]
    fn a_given_seed_wins_over_the_scenarios_fixed_one() {
        let base = crate::content::load_data(None).expect("the built-in data loads");
        let lib = super::super::Library::new(base, None).expect("the shipped scenarios load");
        let classroom = lib.content(Some("classroom")).expect("a shipped scenario");
        assert_eq!(SeedChoice::from_given(Some(42)).resolve(&classroom), 42);
        assert_eq!(SeedChoice::from_given(None), SeedChoice::ScenarioOrFresh);
        assert_eq!(SeedChoice::ScenarioOrFresh.resolve(&classroom), 2025);
        assert!(SeedChoice::ScenarioOrFresh.resolve(lib.base()) < 1_000_000);
    }
}
