//! Data files to a validated [`Content`]: parse (serde structs with spans), then check into engine
//! types. Every error names its file, line and column.
#![warn(missing_docs)]

mod deck;
mod error;
mod load;
mod parsed;
mod raw;
pub mod read;
mod rules;
pub mod scenario;
mod validate;

pub use error::{DataError, DataErrors, Source};

pub use load::load_data;
pub use parsed::ParsedData;
pub use scenario::Scenarios;

use crate::engine::Content;
use parsed::Parsed;
use std::path::Path;
use std::sync::Arc;

/// The version of the rules the engine itself enforces beyond the data files. Raise it whenever
/// an engine change makes an old game replay differently: then old saves and records are refused
/// as made with other rules rather than called damaged. 2: a deal term whose gain the receiver
/// could not use (an item at its top) is no longer legal.
pub const ENGINE_RULES: u64 = 2;

/// The data files of a game: the rules and every deck file.
#[derive(Clone, Debug)]
pub struct Data {
    /// `rules/rules.toml`: tracks, aims, operations and deal vocabulary.
    pub rules: Source,
    /// Every deck file; cards may name cards of another deck, so they are checked together.
    pub decks: Vec<Source>,
}

/// The shipped deck files, embedded so an installed `alliance` works from any folder. Kept in
/// name order, the order `from_dir` reads them in, so both give the same fingerprint.
const EMBEDDED_DECKS: [(&str, &str); 4] = [
    ("decks/either.toml", include_str!("../../decks/either.toml")),
    ("decks/seoul.toml", include_str!("../../decks/seoul.toml")),
    ("decks/shocks.toml", include_str!("../../decks/shocks.toml")),
    (
        "decks/washington.toml",
        include_str!("../../decks/washington.toml"),
    ),
];

impl Data {
    /// The rules and decks built into the binary.
    pub fn embedded() -> Data {
        Data {
            rules: Source::new("rules/rules.toml", include_str!("../../rules/rules.toml")),
            decks: EMBEDDED_DECKS
                .iter()
                .map(|(n, t)| Source::new(*n, *t))
                .collect(),
        }
    }

    /// `DIR/rules/rules.toml` and every `DIR/decks/*.toml`, in name order.
    pub fn from_dir(dir: &Path) -> Result<Data, DataErrors> {
        let rules = Source::read(&dir.join("rules").join("rules.toml"))?;
        let decks = Source::read_folder(&dir.join("decks"))?;
        Ok(Data { rules, decks })
    }

    /// Checks everything and builds the content, or returns every error found.
    pub fn build(&self) -> Result<Content, DataErrors> {
        self.parse().build()
    }

    /// Parses every file (TOML to the written form), checking nothing yet; see [`ParsedData`].
    pub fn parse(&self) -> ParsedData {
        ParsedData {
            rules: Arc::new(Parsed::new(self.rules.clone())),
            decks: self
                .decks
                .iter()
                .map(|s| Arc::new(Parsed::new(s.clone())))
                .collect(),
        }
    }

    /// A stable fingerprint of every data file (FNV-1a over names and texts) and of the engine's
    /// own rules ([`ENGINE_RULES`]). Saves and records carry it, so a game made under other rules
    /// is refused with a clear message instead of replaying into an illegal move.
    pub fn fingerprint(&self) -> u64 {
        fingerprint(std::iter::once(&self.rules).chain(&self.decks))
    }
}

/// A stable fingerprint of data files (FNV-1a over names and texts), rules first.
fn fingerprint<'a>(files: impl Iterator<Item = &'a Source>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ ENGINE_RULES;
    for s in files {
        for b in s
            .name
            .rsplit('/')
            .next()
            .unwrap_or("")
            .bytes()
            .chain(s.text.bytes())
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}
