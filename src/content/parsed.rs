//! Data files parsed once and checked many times: [`ParsedData`] holds each file's written form,
//! so a caller that changes one file re-parses only that one before building.

use super::raw::{RawDeck, RawRules};
use super::validate::{Checker, Resolver};
use super::{DataError, DataErrors, Source, deck, fingerprint, rules};
use crate::engine::Content;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// The data files parsed but not yet checked. [`Data::build`] is `parse` then `build`; a caller
/// that builds many variants of one data set with one file changed (the fuzzers) parses the data
/// once and swaps in the changed file with [`ParsedData::with_rules`] or
/// [`ParsedData::with_deck`], so the unchanged files are not parsed again. Cloning is cheap: the
/// parsed files are shared.
#[derive(Clone)]
pub struct ParsedData {
    pub(super) rules: Arc<Parsed<RawRules>>,
    pub(super) decks: Vec<Arc<Parsed<RawDeck>>>,
}

/// One file and what parsing it gave: its written form, or the located syntax error.
pub(super) struct Parsed<T> {
    source: Source,
    raw: Result<T, DataError>,
}

impl<T: serde::de::DeserializeOwned> Parsed<T> {
    pub(super) fn new(source: Source) -> Self {
        let raw = source.parse();
        Parsed { source, raw }
    }
}

impl ParsedData {
    /// The same data with `source` parsed in place of the rules file.
    pub fn with_rules(&self, source: Source) -> ParsedData {
        let mut data = self.clone();
        data.rules = Arc::new(Parsed::new(source));
        data
    }

    /// The same data with `source` parsed in place of deck file `index` (in [`Data::decks`]'
    /// order); an index past the last deck adds it as one more deck file.
    pub fn with_deck(&self, index: usize, source: Source) -> ParsedData {
        let mut data = self.clone();
        let parsed = Arc::new(Parsed::new(source));
        match data.decks.get_mut(index) {
            Some(slot) => *slot = parsed,
            None => data.decks.push(parsed),
        }
        data
    }

    /// The fingerprint [`Data::fingerprint`] gives for these files.
    pub fn fingerprint(&self) -> u64 {
        fingerprint(std::iter::once(&self.rules.source).chain(self.decks.iter().map(|d| &d.source)))
    }

    /// Checks everything and builds the content, or returns every error found: syntax errors
    /// first, in file order (rules, then decks), then what the checks find.
    pub fn build(&self) -> Result<Content, DataErrors> {
        let mut errors = Vec::new();
        let raw_rules: Option<&RawRules> = self
            .rules
            .raw
            .as_ref()
            .map_err(|e| errors.push(e.clone()))
            .ok();
        let raw_decks: Vec<(usize, &RawDeck)> = self
            .decks
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                d.raw
                    .as_ref()
                    .map_err(|e| errors.push(e.clone()))
                    .ok()
                    .map(|d| (i, d))
            })
            .collect();
        let rules = raw_rules.map(|r| {
            rules::check_rules(
                &mut Checker {
                    source: &self.rules.source,
                    errors: &mut errors,
                },
                r,
            )
        });
        let mut ids = HashMap::new();
        for (i, d) in &raw_decks {
            deck::index_cards(
                &mut Checker {
                    source: &self.decks[*i].source,
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
                source: &self.decks[*i].source,
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
        if let (Some(raw), Some(r)) = (raw_rules, &rules)
            && raw_decks.len() == self.decks.len()
            && !cards.is_empty()
            && errors.is_empty()
        {
            let first_round = cards
                .iter()
                .filter(|c| r.era_rounds[c.era.index()] <= 1)
                .count();
            let later = first_round < cards.len();
            let mut checker = self.rules_checker(&mut errors);
            rules::check_hands(&mut checker, raw, r, first_round, later);
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
            source: &self.rules.source,
            errors,
        }
    }

    /// The deck folder to name in "no cards": `DIR/decks` beside `DIR/rules/rules.toml`.
    fn deck_folder(&self) -> String {
        let dir = Path::new(&self.rules.source.name)
            .parent()
            .and_then(Path::parent);
        match dir {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join("decks").display().to_string(),
            _ => "decks".into(),
        }
    }

    /// No two cards may have the same effect list.
    fn check_unique_effects(
        &self,
        raw: &[(usize, &RawDeck)],
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
                errors.push(self.decks[file].source.error(span, format!("card `{}` has the same effect list as `{first}`; every card must do something of its own", card.id)));
            } else {
                seen.insert(key, &card.id);
            }
        }
    }
}
