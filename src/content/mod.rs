//! Data files to a validated [`Content`]: parse (serde structs with spans), then check into engine
//! types. Every error names its file, line and column.
#![warn(missing_docs)]

mod deck;
mod error;
mod load;
mod raw;
pub mod read;
mod rules;
pub mod scenario;
mod validate;

pub use error::{DataError, DataErrors, Source};

pub use load::load_data;
pub use scenario::Scenarios;

use crate::engine::Content;
use raw::{RawDeck, RawRules};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use validate::{Checker, Resolver};

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
        let mut errors = Vec::new();
        let raw_rules: Option<RawRules> = self.rules.parse().map_err(|e| errors.push(e)).ok();
        let raw_decks: Vec<(usize, RawDeck)> = self
            .decks
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                s.parse::<RawDeck>()
                    .map_err(|e| errors.push(e))
                    .ok()
                    .map(|d| (i, d))
            })
            .collect();
        let rules = raw_rules.as_ref().map(|r| {
            rules::check_rules(
                &mut Checker {
                    source: &self.rules,
                    errors: &mut errors,
                },
                r,
            )
        });
        let mut ids = HashMap::new();
        for (i, d) in &raw_decks {
            deck::index_cards(
                &mut Checker {
                    source: &self.decks[*i],
                    errors: &mut errors,
                },
                d,
                &mut ids,
            );
        }
        let resolver = Resolver {
            cards: &ids,
            complete: raw_decks.len() == self.decks.len(),
            tracks: rules.as_ref().map(|r| r.tracks),
        };
        let (mut cards, mut shocks, mut shock_ids) = (Vec::new(), Vec::new(), HashSet::new());
        for (i, d) in &raw_decks {
            let mut c = Checker {
                source: &self.decks[*i],
                errors: &mut errors,
            };
            cards.extend(
                d.card
                    .iter()
                    .map(|card| deck::check_card(&mut c, card, &resolver)),
            );
            for s in &d.shock {
                if !shock_ids.insert(s.get_ref().id.get_ref().clone()) {
                    c.error(
                        s.get_ref().id.span(),
                        format!("duplicate shock id `{}`", s.get_ref().id.get_ref()),
                    );
                }
                if let Some(rules) = &rules {
                    shocks.push(deck::check_shock(&mut c, s, &resolver, rules));
                }
            }
        }
        self.check_unique_effects(&raw_decks, &cards, &mut errors);
        if let (Some(raw), Some(r)) = (&raw_rules, &rules)
            && raw_decks.len() == self.decks.len()
            && !cards.is_empty()
            && errors.is_empty()
        {
            rules::check_hands(&mut self.rules_checker(&mut errors), raw, r, cards.len());
        }
        if cards.is_empty() && errors.is_empty() {
            errors.push(DataError {
                file: self.deck_folder(),
                line: 0,
                column: 0,
                message:
                    "the decks hold no cards: put at least one deck file (*.toml) with cards here"
                        .into(),
            });
        }
        match rules {
            Some(rules) if errors.is_empty() => Ok(Content {
                rules,
                cards,
                shocks,
                injects: Vec::new(),
                scenario: None,
                fingerprint: self.fingerprint(),
                facts: Default::default(),
            }),
            _ => Err(DataErrors(errors)),
        }
    }

    fn rules_checker<'a>(&'a self, errors: &'a mut Vec<DataError>) -> Checker<'a> {
        Checker {
            source: &self.rules,
            errors,
        }
    }

    /// The deck folder to name in "no cards": `DIR/decks` beside `DIR/rules/rules.toml`.
    fn deck_folder(&self) -> String {
        let dir = Path::new(&self.rules.name).parent().and_then(Path::parent);
        match dir {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join("decks").display().to_string(),
            _ => "decks".into(),
        }
    }

    /// No two cards may have the same effect list.
    fn check_unique_effects(
        &self,
        raw: &[(usize, RawDeck)],
        cards: &[crate::engine::Card],
        errors: &mut Vec<DataError>,
    ) {
        let places = raw
            .iter()
            .flat_map(|(i, d)| d.card.iter().map(move |c| (*i, c.get_ref().id.span())));
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (card, (file, span)) in cards.iter().zip(places) {
            let key = format!("{:?}", card.effects);
            if let Some(first) = seen.get(&key) {
                errors.push(self.decks[file].error(span, format!("card `{}` has the same effect list as `{first}`; every card must do something of its own", card.id)));
            } else {
                seen.insert(key, &card.id);
            }
        }
    }

    /// A stable fingerprint of every data file (FNV-1a over names and texts).
    pub fn fingerprint(&self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for s in std::iter::once(&self.rules).chain(&self.decks) {
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
}
