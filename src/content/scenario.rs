//! Scenario files (`rules/scenarios/*.toml`): an instructor's changes to the default game (start
//! values, deck selection, length, lens, targets, fixed seed) and scripted injects. A scenario is
//! checked against the content it modifies, so every error names its file, line and column.

use super::error::{DataErrors, Source};
use super::raw::RawEffect;
use super::validate::{Checker, Resolver, check_id};
use crate::engine::{
    CardRef, Condition, Content, Effect, Inject, Lens, Meter, Priority, ScenarioInfo,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use toml::Spanned;

/// The scenario file format this build reads.
pub(crate) const SCENARIO_VERSION: i64 = 1;

mod catalogue;
pub use catalogue::Scenarios;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    version: Spanned<i64>,
    id: Spanned<String>,
    name: String,
    description: String,
    #[serde(default)]
    hypothetical: bool,
    #[serde(default)]
    seed: Option<Spanned<i64>>,
    #[serde(default)]
    game: RawGame,
    #[serde(default)]
    targets: RawTargets,
    #[serde(default)]
    start: BTreeMap<Meter, Spanned<i64>>,
    #[serde(default)]
    deck: RawDeckSelection,
    #[serde(default)]
    deals: RawDealLimits,
    #[serde(default)]
    inject: Vec<RawInject>,
}

/// Every field is optional: what a scenario leaves out keeps the rules' value.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawGame {
    rounds: Option<Spanned<i64>>,
    actions_per_round: Option<Spanned<i64>>,
    hand_size: Option<Spanned<i64>>,
    lens: Option<Lens>,
    priority_start: Option<Priority>,
    middle_era: Option<Spanned<i64>>,
    late_era: Option<Spanned<i64>>,
    symmetry_bonus: Option<Spanned<i64>>,
    final_symmetry_multiplier: Option<Spanned<i64>>,
    band_bonus: Option<Spanned<i64>>,
    cohesion_floor: Option<Spanned<i64>>,
    agenda_weight: Option<Spanned<i64>>,
}

/// A shorter negotiation for a short game: fewer terms in a bundle, fewer counters.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDealLimits {
    max_terms: Option<Spanned<i64>>,
    max_counters: Option<Spanned<i64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTargets {
    washington: Option<Spanned<i64>>,
    seoul: Option<Spanned<i64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDeckSelection {
    #[serde(default)]
    exclude_cards: Vec<Spanned<String>>,
    #[serde(default)]
    exclude_shocks: Vec<Spanned<String>>,
}

/// Either `shock = "id"` (replace the round's shock) or `title`, `text` and `effects` (an event).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInject {
    round: Spanned<i64>,
    #[serde(default)]
    shock: Option<Spanned<String>>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    effects: Vec<RawEffect>,
}

/// The content of `base` changed by one scenario file, or every error in that file.
pub fn build(base: &Content, source: &Source) -> Result<Content, DataErrors> {
    let raw: RawScenario = source.parse().map_err(|e| DataErrors(vec![e]))?;
    let mut errors = Vec::new();
    let mut c = Checker {
        source,
        errors: &mut errors,
    };
    let mut content = base.clone();
    content.scenario = Some(check_header(&mut c, &raw));
    check_game(&mut c, &raw, &mut content);
    check_start(&mut c, &raw, &mut content);
    select_cards(&mut c, &raw.deck.exclude_cards, &mut content);
    select_shocks(&mut c, &raw.deck.exclude_shocks, &mut content);
    content.injects = check_injects(&mut c, &raw.inject, &content);
    content.fingerprint = fingerprint(base.fingerprint, source);
    if errors.is_empty() {
        Ok(content)
    } else {
        Err(DataErrors(errors))
    }
}

/// The base data's fingerprint extended by the scenario file, so a record made under another
/// version of the scenario is refused too.
fn fingerprint(base: u64, source: &Source) -> u64 {
    let mut h = base ^ 0x9e37_79b9_7f4a_7c15;
    for b in source.text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn check_header(c: &mut Checker, raw: &RawScenario) -> ScenarioInfo {
    let version = *raw.version.get_ref();
    if version > SCENARIO_VERSION || version < 1 {
        c.error(
            raw.version.span(),
            format!("scenario version {version} is not supported; this build reads version {SCENARIO_VERSION}"),
        );
    }
    check_id(c, &raw.id);
    if raw.name.trim().is_empty() || raw.description.trim().is_empty() {
        c.error(raw.id.span(), "a scenario needs a name and a description");
    }
    let seed = raw.seed.as_ref().and_then(|s| {
        let n = *s.get_ref();
        u64::try_from(n).ok().or_else(|| {
            c.error(s.span(), format!("seed is {n}, but it must be 0 or more"));
            None
        })
    });
    ScenarioInfo {
        id: raw.id.get_ref().clone(),
        name: raw.name.clone(),
        description: raw.description.trim().to_owned(),
        hypothetical: raw.hypothetical,
        seed,
    }
}

fn check_game(c: &mut Checker, raw: &RawScenario, content: &mut Content) {
    let (g, rules) = (&raw.game, &mut content.rules);
    if let Some(v) = &g.rounds {
        rules.rounds = c.int(v, "rounds", 1..21);
    }
    if let Some(v) = &g.actions_per_round {
        rules.actions_per_round = c.int(v, "actions_per_round", 1..11);
    }
    if let Some(v) = &g.hand_size {
        rules.hand_size = c.int(v, "hand_size", 1..13);
    }
    let eras = [rules.era_rounds[1], rules.era_rounds[2]];
    rules.era_rounds = super::rules::era_rounds(c, [&g.middle_era, &g.late_era], eras);
    rules.lens = g.lens.unwrap_or(rules.lens);
    rules.priority_start = g.priority_start.unwrap_or(rules.priority_start);
    if let Some(v) = &g.symmetry_bonus {
        rules.symmetry_bonus = c.int(v, "symmetry_bonus", 0..11);
    }
    if let Some(v) = &g.final_symmetry_multiplier {
        rules.final_symmetry_multiplier = c.int(v, "final_symmetry_multiplier", 1..5);
    }
    if let Some(v) = &g.cohesion_floor {
        let t = rules.track(crate::engine::Meter::Cohesion);
        let range = i64::from(t.min)..i64::from(t.max) + 1;
        rules.cohesion_floor = c.int(v, "cohesion_floor", range);
    }
    if let Some(v) = &g.band_bonus {
        rules.band_bonus = c.int(v, "band_bonus", 0..11);
    }
    if let Some(v) = &g.agenda_weight {
        rules.agenda_weight = c.int(v, "agenda_weight", 1..6);
    }
    if let Some(v) = &raw.deals.max_terms {
        rules.deals.max_terms = c.int(v, "max_terms", 1..5);
    }
    if let Some(v) = &raw.deals.max_counters {
        rules.deals.max_counters = c.int(v, "max_counters", 0..6);
    }
    if let Some(v) = &raw.targets.washington {
        rules.targets[0] = c.int(v, "washington's target", 0..1000);
    }
    if let Some(v) = &raw.targets.seoul {
        rules.targets[1] = c.int(v, "seoul's target", 0..1000);
    }
}

fn check_start(c: &mut Checker, raw: &RawScenario, content: &mut Content) {
    for (meter, value) in &raw.start {
        let track = &mut content.rules.tracks[meter.index()];
        let range = i64::from(track.min)..i64::from(track.max) + 1;
        let what = format!("the start of `{}`", meter.id());
        track.start = c.int(value, &what, range);
    }
}

/// Leaves cards out of the draw deck, renumbering the rest. A card another card's event or
/// requirement names cannot be left out: that event would point at nothing.
fn select_cards(c: &mut Checker, exclude: &[Spanned<String>], content: &mut Content) {
    let mut out: HashMap<u16, usize> = HashMap::new();
    for (i, id) in exclude.iter().enumerate() {
        match content.card_by_id(id.get_ref()) {
            Some(card) if out.insert(card, i).is_some() => c.error(
                id.span(),
                format!("card `{}` is listed twice", id.get_ref()),
            ),
            Some(_) => {}
            None => c.error(id.span(), format!("unknown card id `{}`", id.get_ref())),
        }
    }
    if out.is_empty() {
        return;
    }
    let mut renumber = vec![None; content.cards.len()];
    let mut next = 0u16;
    for (old, slot) in renumber.iter_mut().enumerate() {
        if !out.contains_key(&(old as u16)) {
            *slot = Some(next);
            next += 1;
        }
    }
    let blame = |c: &mut Checker, gone: u16, by: &str, names: &[String]| {
        let msg = format!(
            "card `{}` cannot be left out: `{by}` names it; leave that one out too",
            names[usize::from(gone)]
        );
        c.error(exclude[out[&gone]].span(), msg);
    };
    let names: Vec<String> = content.cards.iter().map(|x| x.id.clone()).collect();
    for (old, mut card) in std::mem::take(&mut content.cards).into_iter().enumerate() {
        if renumber[old].is_some() {
            let fixed = remap(&mut card.effects, &renumber)
                .and_then(|()| remap_conditions(&mut card.requires, &renumber));
            if let Err(gone) = fixed {
                blame(c, gone, &card.id, &names);
            }
            content.cards.push(card);
        }
    }
    for shock in &mut content.shocks {
        let fixed = remap(&mut shock.effects, &renumber)
            .and_then(|()| remap(&mut shock.ongoing, &renumber));
        if let Err(gone) = fixed {
            blame(c, gone, &shock.id, &names);
        }
    }
    let need = 2 * usize::from(content.rules.hand_size);
    if content.cards.len() < need {
        let span = exclude[0].span();
        let msg = format!(
            "only {} cards are left, but both hands of {} need {need}",
            content.cards.len(),
            content.rules.hand_size
        );
        c.error(span, msg);
    }
}

/// Leaves order shocks out of the shock deck. Only injects name shocks, and they are resolved
/// afterwards by id, so renumbering is safe.
/// Renumbers the cards named in effects; `Err` names a card that was left out.
fn remap(effects: &mut [Effect], renumber: &[Option<u16>]) -> Result<(), u16> {
    for e in effects.iter_mut() {
        *e = e.try_map_card(|r| renumber[usize::from(r.0)].map(CardRef).ok_or(r.0))?;
    }
    Ok(())
}

fn remap_conditions(conds: &mut [Condition], renumber: &[Option<u16>]) -> Result<(), u16> {
    for q in conds.iter_mut() {
        *q = q.try_map_card(|r| renumber[usize::from(r.0)].map(CardRef).ok_or(r.0))?;
    }
    Ok(())
}

fn select_shocks(c: &mut Checker, exclude: &[Spanned<String>], content: &mut Content) {
    let mut seen = HashSet::new();
    for id in exclude {
        if content.shock_by_id(id.get_ref()).is_none() {
            c.error(id.span(), format!("unknown shock id `{}`", id.get_ref()));
        } else if !seen.insert(id.get_ref().as_str()) {
            c.error(
                id.span(),
                format!("shock `{}` is listed twice", id.get_ref()),
            );
        }
    }
    content.shocks.retain(|s| !seen.contains(s.id.as_str()));
    if content.shocks.is_empty()
        && let Some(first) = exclude.first()
    {
        c.error(
            first.span(),
            "every order shock is left out; keep at least one",
        );
    }
}

fn check_injects(c: &mut Checker, raw: &[RawInject], content: &Content) -> Vec<Inject> {
    let ids: HashMap<String, u16> = (0..content.cards.len() as u16)
        .map(|i| (content.card(i).id.clone(), i))
        .collect();
    let resolver = Resolver {
        cards: &ids,
        complete: true,
        tracks: Some(content.rules.tracks),
    };
    let mut replaced = HashSet::new();
    let mut injects = Vec::new();
    for inject in raw {
        let last = i64::from(content.rules.rounds);
        let round: u8 = c.int(&inject.round, "the inject's round", 1..last + 1);
        let span = inject.round.span();
        match (&inject.shock, &inject.title) {
            (Some(shock), None) if inject.effects.is_empty() && inject.text.is_none() => {
                if !replaced.insert(round) {
                    c.error(shock.span(), format!("round {round}'s shock is already replaced"));
                }
                match content.shock_by_id(shock.get_ref()) {
                    Some(id) => injects.push(Inject::ReplaceShock { round, shock: id }),
                    None => c.error(
                        shock.span(),
                        format!("unknown shock id `{}` (left out, or never in the decks)", shock.get_ref()),
                    ),
                }
            }
            (None, Some(title)) if !inject.effects.is_empty() && !title.trim().is_empty() => {
                injects.push(Inject::Event {
                    round,
                    title: title.clone(),
                    text: inject.text.clone().unwrap_or_default(),
                    effects: resolver.effects(c, &inject.effects),
                })
            }
            _ => c.error(
                span,
                "an inject either replaces the round's shock (`shock` alone) or adds an event (`title`, `text` and at least one of `effects`)",
            ),
        }
    }
    injects
}
