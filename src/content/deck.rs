//! Checks the deck files' cards and order shocks.

use super::raw::{RawCard, RawDeck, RawShock};
use super::validate::{Checker, Resolver, check_id};
use crate::engine::{Card, Duration, Rules, Shock};
use std::collections::HashMap;
use toml::Spanned;

/// Card ids across every deck file, with the index each card will have.
pub(crate) fn index_cards(c: &mut Checker, deck: &RawDeck, ids: &mut HashMap<String, u16>) {
    for card in &deck.card {
        let id = &card.get_ref().id;
        check_id(c, id);
        if ids.contains_key(id.get_ref()) {
            c.error(id.span(), format!("duplicate card id `{}`", id.get_ref()));
        } else {
            let n = ids.len() as u16;
            ids.insert(id.get_ref().clone(), n);
        }
    }
}

pub(crate) fn check_card(c: &mut Checker, raw: &Spanned<RawCard>, resolver: &Resolver) -> Card {
    let r = raw.get_ref();
    let ops = c.int(&r.ops, "ops", 1..5);
    if r.effects.get_ref().is_empty() {
        c.error(
            r.effects.span(),
            format!(
                "card `{}` has no effects; every card needs an event",
                r.id.get_ref()
            ),
        );
    }
    if r.title.trim().is_empty() || r.text.trim().is_empty() {
        c.error(
            r.id.span(),
            format!("card `{}` needs a title and a text", r.id.get_ref()),
        );
    }
    Card {
        id: r.id.get_ref().clone(),
        title: r.title.clone(),
        side: r.side,
        kind: r.kind,
        ops,
        concept: r.concept,
        text: r.text.clone(),
        requires: resolver.conditions(c, &r.requires),
        effects: resolver.effects(c, r.effects.get_ref()),
        once: r.once,
        era: r.era,
    }
}

pub(crate) fn check_shock(
    c: &mut Checker,
    raw: &Spanned<RawShock>,
    resolver: &Resolver,
    rules: &Rules,
) -> Shock {
    let r = raw.get_ref();
    check_id(c, &r.id);
    let size = c.int(&r.size, "size", 0..6);
    let lasting = r.duration != Duration::Instant;
    if !lasting && (!r.ongoing.is_empty() || r.ops_mod.is_some()) {
        c.error(
            r.id.span(),
            format!(
                "shock `{}` is instant, so it cannot have `ongoing` effects or an `ops_mod`",
                r.id.get_ref()
            ),
        );
    }
    let ops_mod = r.ops_mod.as_ref().map(|m| {
        let by = m.get_ref().by;
        if by == 0 || !(-2..=2).contains(&by) {
            c.error(
                m.span(),
                format!("ops_mod `by` is {by}, but it must be -2..=2 and not 0"),
            );
        }
        (m.get_ref().kind, by)
    });
    if r.hits.is_empty() && r.effects.is_empty() {
        c.error(
            r.id.span(),
            format!(
                "shock `{}` does nothing: give it `hits` or `effects`",
                r.id.get_ref()
            ),
        );
    }
    let _ = rules;
    Shock {
        id: r.id.get_ref().clone(),
        title: r.title.clone(),
        domain: r.domain,
        size,
        duration: r.duration,
        text: r.text.clone(),
        hits: r.hits.iter().map(|h| c.step(h, "hits")).collect(),
        effects: resolver.effects(c, &r.effects),
        ongoing: resolver.effects(c, &r.ongoing),
        ops_mod,
    }
}
