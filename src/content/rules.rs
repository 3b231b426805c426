//! Checks `rules/rules.toml` into [`Rules`].

use super::raw::{RawAgenda, RawAim, RawKindOps, RawLeverage, RawRules};
use super::validate::{Checker, Resolver, check_id};
use crate::engine::{
    AgendaCard, AgendaFavours, Aim, Condition, DealRules, DealTerm, Domain, Effect, Kind,
    LeverageRules, METERS, Meter, OpsOption, Pressure, Rules, Side, TrackDef,
};
use std::collections::{HashMap, HashSet};
use toml::Spanned;

/// The rules file format this build reads.
pub(crate) const RULES_VERSION: i64 = 1;

pub(crate) fn check_rules(c: &mut Checker, raw: &RawRules) -> Rules {
    let version = *raw.version.get_ref();
    if version != RULES_VERSION {
        c.error(
            raw.version.span(),
            format!(
                "rules version {version} is not supported; this build reads version {RULES_VERSION}"
            ),
        );
    }
    let g = &raw.game;
    let tracks = check_tracks(c, raw);
    let mut rules = Rules {
        rounds: c.int(&g.rounds, "rounds", 1..21),
        hand_size: c.int(&g.hand_size, "hand_size", 1..13),
        actions_per_round: c.int(&g.actions_per_round, "actions_per_round", 1..11),
        lens: g.lens,
        targets: [
            c.int(&raw.targets.washington, "washington's target", 0..1000),
            c.int(&raw.targets.seoul, "seoul's target", 0..1000),
        ],
        tracks,
        cohesion_floor: 0,
        priority_start: g.priority_start,
        symmetry_bonus: c.int(&g.symmetry_bonus, "symmetry_bonus", 0..11),
        band_bonus: g
            .band_bonus
            .as_ref()
            .map_or(0, |v| c.int(v, "band_bonus", 0..11)),
        final_symmetry_multiplier: c.int(
            &g.final_symmetry_multiplier,
            "final_symmetry_multiplier",
            1..5,
        ),
        held_cards_fire: g.held_cards_fire,
        held_keep: g
            .held_keep
            .as_ref()
            .map_or(0, |v| c.int(v, "held_keep", 0..13)),
        era_rounds: [1, 1, 1],
        size_by_uncertainty: raw.shocks.size_by_uncertainty.get_ref().clone(),
        layer_for: [Meter::SelfHelp; 5],
        ops: Default::default(),
        aims: Default::default(),
        pressures: Vec::new(),
        agenda: Vec::new(),
        agenda_favours: raw.summit.agenda_favours.unwrap_or(AgendaFavours::Both),
        agenda_weight: raw
            .summit
            .agenda_weight
            .as_ref()
            .map_or(1, |v| c.int(v, "agenda_weight", 1..6)),
        deals: DealRules {
            max_terms: c.int(&raw.deals.max_terms, "max_terms", 1..5),
            max_counters: c.int(&raw.deals.max_counters, "max_counters", 0..6),
            mutual_cohesion: c.int(&raw.deals.mutual_cohesion, "mutual_cohesion", -3..4),
            bare_cohesion: c.int(&raw.deals.bare_cohesion, "bare_cohesion", -3..4),
            bare_reject_leverage: c.int(
                &raw.deals.bare_reject_leverage,
                "bare_reject_leverage",
                -3..4,
            ),
            withdraw_leverage: raw
                .deals
                .withdraw_leverage
                .as_ref()
                .map_or(0, |v| c.int(v, "withdraw_leverage", 0..4)),
            terms: Vec::new(),
        },
        leverage: check_leverage(c, &raw.leverage),
    };
    let cohesion = rules.track(Meter::Cohesion);
    let range = i64::from(cohesion.min)..i64::from(cohesion.max) + 1;
    rules.cohesion_floor = c.int(&g.cohesion_floor, "cohesion_floor", range);
    rules.era_rounds = era_rounds(c, [&g.middle_era, &g.late_era], [1, 1]);
    check_shock_rules(c, raw, &mut rules);
    rules.ops = [
        check_side_ops(c, &raw.ops.washington, "washington"),
        check_side_ops(c, &raw.ops.seoul, "seoul"),
    ];
    rules.aims = [
        check_aims(c, &raw.aims.washington, &rules),
        check_aims(c, &raw.aims.seoul, &rules),
    ];
    let no_cards = HashMap::new();
    let resolver = Resolver {
        cards: &no_cards,
        complete: true,
        tracks: Some(rules.tracks),
    };
    rules.pressures = raw
        .summit
        .pressure
        .iter()
        .map(|p| Pressure {
            name: p.name.clone(),
            when: resolver.conditions(c, &p.when),
            effects: resolver.effects(c, &p.effects),
        })
        .collect();
    rules.agenda = check_agenda(c, &raw.summit.agenda, &rules);
    let mut seen = HashSet::new();
    let mut terms = Vec::new();
    for t in &raw.deals.term {
        check_id(c, &t.id);
        if !seen.insert(t.id.get_ref().clone()) {
            c.error(
                t.id.span(),
                format!("duplicate deal term id `{}`", t.id.get_ref()),
            );
        }
        if t.effects.is_empty() {
            c.error(
                t.id.span(),
                format!("deal term `{}` has no effects", t.id.get_ref()),
            );
        }
        let mut requires = resolver.conditions(c, &t.requires);
        let effects = resolver.effects(c, &t.effects);
        // No one may offer (and no bot can send) a term the receiver could not use, such as
        // status +2 with status at its top.
        requires.extend(room_for(&rules, t.giver.other(), &effects));
        terms.push(DealTerm {
            id: t.id.get_ref().clone(),
            label: t.label.clone(),
            giver: t.giver,
            requires,
            effects,
        });
    }
    if terms.len() > 64 {
        c.error(
            raw.deals.max_terms.span(),
            "at most 64 deal terms are allowed",
        );
        terms.truncate(64);
    }
    rules.deals.terms = terms;
    rules
}

/// What leverage buys, and what the initiative earns: each in 0..=5 (0 switches it off); a boost
/// needs both its cost and its points.
fn check_leverage(c: &mut Checker, raw: &RawLeverage) -> LeverageRules {
    let mut get =
        |v: &Option<Spanned<i64>>, name: &str| v.as_ref().map_or(0, |v| c.int(v, name, 0..6));
    let lev = LeverageRules {
        set_aside: get(&raw.set_aside, "set_aside"),
        boost_cost: get(&raw.boost_cost, "boost_cost"),
        boost_ops: get(&raw.boost_ops, "boost_ops").unsigned_abs(),
        initiative: get(&raw.initiative, "initiative"),
    };
    if (lev.boost_cost > 0) != (lev.boost_ops > 0) {
        let span = raw
            .boost_cost
            .as_ref()
            .or(raw.boost_ops.as_ref())
            .map_or(0..0, |v| v.span());
        c.error(
            span,
            "a boost needs both `boost_cost` and `boost_ops` above 0",
        );
    }
    lev
}

/// The summit agenda cards: unique ids, and for each side a meter one of that side's aims reads.
fn check_agenda(c: &mut Checker, raw: &[Spanned<RawAgenda>], rules: &Rules) -> Vec<AgendaCard> {
    let mut seen = HashSet::new();
    if raw.len() > 64 {
        c.error(raw[64].span(), "at most 64 agenda cards are allowed");
    }
    raw.iter()
        .take(64)
        .map(|a| {
            let a = a.get_ref();
            check_id(c, &a.id);
            if !seen.insert(a.id.get_ref().clone()) {
                let msg = format!("duplicate agenda card id `{}`", a.id.get_ref());
                c.error(a.id.span(), msg);
            }
            let named = [&a.washington, &a.seoul];
            for side in Side::BOTH {
                let m = named[side.index()];
                if !rules.aims[side.index()].iter().any(|aim| aim.meter == *m.get_ref()) {
                    let msg = format!(
                        "`{}` is not one of {side}'s aims, so the agenda cannot put it on the table",
                        m.get_ref().id()
                    );
                    c.error(m.span(), msg);
                }
            }
            AgendaCard {
                id: a.id.get_ref().clone(),
                title: a.title.clone(),
                aims: named.map(|m| *m.get_ref()),
            }
        })
        .collect()
}

/// The rounds at which each era's cards enter, from the optional `middle_era` and `late_era`
/// (falling back to `fallback`); the late era cannot come before the middle one.
pub(crate) fn era_rounds(
    c: &mut Checker,
    given: [&Option<Spanned<i64>>; 2],
    fallback: [u8; 2],
) -> [u8; 3] {
    let middle = given[0]
        .as_ref()
        .map_or(fallback[0], |v| c.int(v, "middle_era", 1..21));
    let late = match given[1] {
        Some(v) => {
            let late: u8 = c.int(v, "late_era", 1..21);
            if late < middle {
                c.error(
                    v.span(),
                    format!("late_era is round {late}, before middle_era (round {middle})"),
                );
            }
            late
        }
        None => fallback[1].max(middle),
    };
    [1, middle, late]
}

/// The conditions under which a term's gains for the receiver are not wasted: each rise of one
/// of the receiver's own items needs that item below its top. (A fall of the receiver's item is
/// a price it pays, and a shared track is nobody's gain, so neither needs room.)
fn room_for(rules: &Rules, receiver: Side, effects: &[Effect]) -> Vec<Condition> {
    effects
        .iter()
        .filter_map(|e| match *e {
            Effect::Move { meter, by } if by > 0 && meter.owner() == Some(receiver) => {
                Some(Condition::AtMost {
                    meter,
                    value: rules.track(meter).max - 1,
                })
            }
            _ => None,
        })
        .collect()
}

/// Both opening hands are dealt from the deck, so it must hold two hands' worth of cards (the
/// scenario check refuses a smaller deck the same way). Pointed at `hand_size` in the rules.
/// `cards` counts those of the first round; `later` says some wait for a later era.
pub(crate) fn check_hands(
    c: &mut Checker,
    raw: &RawRules,
    rules: &Rules,
    cards: usize,
    later: bool,
) {
    let need = 2 * usize::from(rules.hand_size);
    if rules.hand_size > 0 && cards < need {
        let msg = format!(
            "hand_size is {}, but the decks hold only {cards} cards{} and both hands need {need}",
            rules.hand_size,
            if later { " in the first era" } else { "" }
        );
        c.error(raw.game.hand_size.span(), msg);
    }
}

fn check_tracks(c: &mut Checker, raw: &RawRules) -> [TrackDef; METERS] {
    let table = raw.tracks.get_ref();
    let fallback = TrackDef {
        min: 0,
        max: 10,
        start: 0,
        band: None,
        band_pays: None,
    };
    let mut tracks = [fallback; METERS];
    for m in Meter::ALL {
        let Some(t) = table.get(&m) else {
            c.error(
                raw.tracks.span(),
                format!("[tracks] is missing `{}`", m.id()),
            );
            continue;
        };
        let (span, r) = (t.span(), t.get_ref());
        let mut def = TrackDef {
            min: r.min,
            max: r.max,
            start: r.start,
            band: r.band.map(|[a, b]| (a, b)),
            band_pays: r.band_pays,
        };
        if r.band_pays.is_some() && r.band.is_none() {
            c.error(
                span.clone(),
                format!("`{}`: band_pays needs a band", m.id()),
            );
        }
        if r.min >= r.max || r.min < 0 {
            c.error(
                span.clone(),
                format!(
                    "`{}`: min {} must be at least 0 and below max {}",
                    m.id(),
                    r.min,
                    r.max
                ),
            );
            def = fallback;
        } else if !(r.min..=r.max).contains(&r.start) {
            c.error(
                span.clone(),
                format!(
                    "`{}`: start {} is outside {}..={}",
                    m.id(),
                    r.start,
                    r.min,
                    r.max
                ),
            );
            def.start = r.min;
        }
        if let Some((lo, hi)) = def.band
            && (lo > hi || lo < def.min || hi > def.max)
        {
            c.error(
                span,
                format!(
                    "`{}`: band {lo}..={hi} must lie inside {}..={} with low <= high",
                    m.id(),
                    def.min,
                    def.max
                ),
            );
            def.band = None;
        }
        tracks[m.index()] = def;
    }
    tracks
}

fn check_shock_rules(c: &mut Checker, raw: &RawRules, rules: &mut Rules) {
    let sizes = &raw.shocks.size_by_uncertainty;
    let want = usize::try_from(rules.track(Meter::Uncertainty).max).unwrap_or(0) + 1;
    if sizes.get_ref().len() != want {
        c.error(sizes.span(), format!("size_by_uncertainty has {} entries, but it needs one for each uncertainty value 0..={} ({want})", sizes.get_ref().len(), want - 1));
        rules.size_by_uncertainty = vec![0; want];
    }
    let layers = raw.shocks.layers.get_ref();
    for d in Domain::ALL {
        match layers.get(&d) {
            None => c.error(
                raw.shocks.layers.span(),
                format!("[shocks.layers] is missing `{}`", d.name()),
            ),
            Some(m) if !Meter::LAYERS.contains(m.get_ref()) => c.error(
                m.span(),
                format!(
                    "`{}` is not a strategy layer (self_help, alliance, partnership, solidarity)",
                    m.get_ref().id()
                ),
            ),
            Some(m) => rules.layer_for[d.index()] = *m.get_ref(),
        }
    }
}

fn check_side_ops(c: &mut Checker, raw: &RawKindOps, side: &str) -> [Vec<OpsOption>; 4] {
    let lists = [&raw.cost, &raw.mission, &raw.role, &raw.leverage];
    std::array::from_fn(|k| {
        let kind = Kind::ALL[k].name();
        if lists[k].is_empty() {
            c.error(
                0..0,
                format!(
                    "[ops.{side}] has no `{kind}` option; every side needs at least one per kind"
                ),
            );
        }
        let mut seen = HashSet::new();
        lists[k]
            .iter()
            .map(|o| {
                let o = o.get_ref();
                check_id(c, &o.id);
                if !seen.insert(o.id.get_ref().clone()) {
                    c.error(
                        o.id.span(),
                        format!(
                            "duplicate option id `{}` in ops.{side}.{kind}",
                            o.id.get_ref()
                        ),
                    );
                }
                if o.per_point.is_empty() {
                    c.error(
                        o.id.span(),
                        "an operations option needs at least one step in `per_point`",
                    );
                }
                let per_point = o.per_point.iter().map(|s| c.step(s, "per_point")).collect();
                OpsOption {
                    id: o.id.get_ref().clone(),
                    label: o.label.clone(),
                    per_point,
                }
            })
            .collect()
    })
}

fn check_aims(c: &mut Checker, raw: &[toml::Spanned<RawAim>], rules: &Rules) -> Vec<Aim> {
    raw.iter()
        .map(|a| {
            let (span, r) = (a.span(), a.get_ref());
            let t = rules.track(r.meter);
            if r.thresholds.is_empty() || r.thresholds.len() != r.points.len() {
                c.error(
                    span.clone(),
                    "an aim needs as many `points` as `thresholds`, and at least one",
                );
            }
            if r.thresholds.windows(2).any(|w| w[0] >= w[1]) {
                c.error(span.clone(), "an aim's thresholds must rise strictly");
            }
            if let Some(x) = r.thresholds.iter().find(|x| **x < t.min || **x > t.max) {
                c.error(
                    span,
                    format!(
                        "threshold {x} can never be reached: `{}` runs {}..={}",
                        r.meter.id(),
                        t.min,
                        t.max
                    ),
                );
            }
            Aim {
                meter: r.meter,
                thresholds: r.thresholds.clone(),
                points: r.points.clone(),
                doubled_by: r.doubled_by,
            }
        })
        .collect()
}
