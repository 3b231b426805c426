//! Raw data to checked engine types. Every problem is collected with its place, so an instructor
//! sees all of them at once.

use super::error::{DataError, Source};
use super::raw::{RawCondition, RawEffect};
use crate::engine::{CardRef, Condition, Effect, METERS, Meter, Step, TrackDef};
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;

/// Collects errors for one file.
pub(crate) struct Checker<'a> {
    pub source: &'a Source,
    pub errors: &'a mut Vec<DataError>,
}

impl Checker<'_> {
    pub(crate) fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.errors.push(self.source.error(span, message));
    }

    /// An integer in `range`, or an error at its place.
    pub(crate) fn int<T: TryFrom<i64> + Default>(
        &mut self,
        v: &Spanned<i64>,
        what: &str,
        range: Range<i64>,
    ) -> T {
        let n = *v.get_ref();
        if !range.contains(&n) {
            let hi = range.end - 1;
            self.error(
                v.span(),
                format!(
                    "{what} is {n}, but it must be between {} and {hi}",
                    range.start
                ),
            );
            return T::default();
        }
        T::try_from(n).unwrap_or_default()
    }

    /// Checks a meter step rule (used by ops options and shock hits).
    pub(crate) fn step(&mut self, step: &Spanned<Step>, what: &str) -> Step {
        let s = *step.get_ref();
        if s.by == 0 || !(-5..=5).contains(&s.by) {
            self.error(
                step.span(),
                format!("{what}: `by` is {}, but it must be -5..=5 and not 0", s.by),
            );
        }
        if s.every == 0 || s.every > 4 {
            self.error(
                step.span(),
                format!("{what}: `every` is {}, but it must be 1..=4", s.every),
            );
        }
        s
    }
}

/// Resolves card ids and checks value ranges in effects and conditions, once every card is known.
pub(crate) struct Resolver<'r> {
    pub cards: &'r HashMap<String, u16>,
    /// False when a deck file could not be parsed: its cards are unknown, so a reference to one
    /// is not reported (it would only echo the parse error).
    pub(crate) complete: bool,
    pub tracks: Option<[TrackDef; METERS]>,
}

impl Resolver<'_> {
    fn card(&self, c: &mut Checker, id: &str, span: Range<usize>) -> CardRef {
        match self.cards.get(id) {
            Some(i) => CardRef(*i),
            None => {
                if self.complete {
                    c.error(span, format!("unknown card id `{id}`"));
                }
                CardRef(0)
            }
        }
    }

    pub(crate) fn effects(&self, c: &mut Checker, raw: &[RawEffect]) -> Vec<Effect> {
        raw.iter().map(|e| self.effect(c, e)).collect()
    }

    pub(crate) fn effect(&self, c: &mut Checker, raw: &RawEffect) -> Effect {
        let span = raw.span();
        let mut range = |name: &str, v: i8, lo: i8, hi: i8| {
            if v == 0 || v < lo || v > hi {
                c.error(
                    span.clone(),
                    format!("`{name}` is {v}, but it must be {lo}..={hi} and not 0"),
                );
            }
        };
        match raw.get_ref() {
            Effect::Move { by, .. } => range("by", *by, -5, 5),
            Effect::Draw { count, .. } => range("count", *count as i8, 1, 3),
            Effect::Discard { count, .. } => range("count", *count as i8, 1, 2),
            Effect::ShockSize { by } => range("by", *by, -3, 3),
            Effect::Score { points, .. } => range("points", *points, -3, 3),
            Effect::Actions { by, .. } => range("by", *by, -1, 1),
            _ => {}
        }
        let effect = raw.get_ref().clone();
        effect
            .try_map_card(|id| Ok::<_, ()>(self.card(c, &id, span)))
            .unwrap_or(Effect::FlipPriority)
    }

    pub(crate) fn conditions(&self, c: &mut Checker, raw: &[RawCondition]) -> Vec<Condition> {
        raw.iter().map(|r| self.condition(c, r)).collect()
    }

    fn condition(&self, c: &mut Checker, raw: &RawCondition) -> Condition {
        let cond = raw.get_ref().clone();
        if let (
            Some(rules),
            Condition::AtLeast { meter, value } | Condition::AtMost { meter, value },
        ) = (self.tracks, &cond)
        {
            let t = rules[meter.index()];
            let never = match cond {
                Condition::AtLeast { .. } => *value > t.max,
                _ => *value < t.min,
            };
            if never || *value < t.min || *value > t.max {
                let why = if never {
                    "can never hold"
                } else {
                    "is outside the meter's range"
                };
                c.error(
                    raw.span(),
                    format!(
                        "this requirement {why}: `{}` runs {}..={}, and the value is {value}",
                        meter_id(*meter),
                        t.min,
                        t.max
                    ),
                );
            }
        }
        cond.try_map_card(|id| Ok::<_, ()>(self.card(c, &id, raw.span())))
            .unwrap_or(Condition::Structural { domain: None })
    }
}

pub(crate) fn meter_id(m: Meter) -> &'static str {
    m.id()
}

/// Ids are lowercase letters, digits and dashes.
pub(crate) fn check_id(c: &mut Checker, id: &Spanned<String>) {
    let s = id.get_ref();
    let ok = !s.is_empty()
        && s.chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
    if !ok {
        c.error(
            id.span(),
            format!("id `{s}` must be lowercase letters, digits and dashes"),
        );
    }
}
