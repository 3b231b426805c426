//! Greedy negotiation. A bundle's worth to its sender is what the sender gets if the receiver
//! would take it (the receiver accepts whenever accepting is worth at least as much to it as
//! rejecting), and what a rejection leaves otherwise. Bundles are built one term at a time, and
//! sent once no single term makes them better.

use super::super::eval::Evaluator;
use super::super::sketch::Sketch;
use crate::engine::{Action, Deal, Meter, Side, Situation, Term, Terms, View};

/// What a decision is judged with: the view and the evaluation of its rules.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub view: &'a View<'a>,
    pub ev: &'a Evaluator,
}

/// The position after `deal` is accepted, seen from the public board: its terms, then the
/// cohesion the engine moves for a deal of its shape.
pub(crate) fn accepted<'a>(view: &'a View, deal: &Deal) -> Sketch<'a> {
    let mut s = Sketch::of_view(view);
    let rules = &view.content.rules.deals;
    let (offerer, receiver) = (deal.offerer, deal.offerer.other());
    for t in deal.gives.iter() {
        s.term(t, offerer);
    }
    for t in deal.asks.iter() {
        s.term(t, receiver);
    }
    let cohesion = deal.accept_cohesion(rules, view.board);
    s.move_meter(Meter::Cohesion, i32::from(cohesion), None);
    s
}

/// The position after an offer is turned down; a bare demand costs cohesion and pays the
/// demander leverage, as the engine's rules say.
pub(crate) fn rejected<'a>(view: &'a View, bare: bool, demander: Side) -> Sketch<'a> {
    let mut s = Sketch::of_view(view);
    if bare {
        for (meter, by) in view.content.rules.deals.bare_rejection(demander) {
            s.move_meter(meter, i32::from(by), Some(demander));
        }
    }
    s
}

fn value_of(cx: Cx, s: &Sketch, side: Side) -> f32 {
    cx.ev.value(&s.pos, side)
}

/// What the board as it stands is worth to each side (what a rejected offer that is not a bare
/// demand leaves), computed once per decision since bundles are compared against it many times.
fn standing(cx: Cx) -> [f32; 2] {
    let s = Sketch::of_view(cx.view);
    Side::BOTH.map(|side| value_of(cx, &s, side))
}

/// What sending `deal` as it stands is worth to `me` (its offerer).
fn send_worth(cx: Cx, now: &[f32; 2], deal: &Deal, me: Side) -> f32 {
    let them = me.other();
    let yes = accepted(cx.view, deal);
    let no = if deal.is_bare() {
        let no = rejected(cx.view, true, me);
        [
            value_of(cx, &no, Side::Washington),
            value_of(cx, &no, Side::Seoul),
        ]
    } else {
        *now
    };
    if value_of(cx, &yes, them) >= no[them.index()] {
        value_of(cx, &yes, me)
    } else {
        no[me.index()]
    }
}

/// What abandoning the bundle being built is worth: nothing happens for a first offer; for a
/// counter, the offer it answered counts as rejected.
fn withdraw_worth(cx: Cx, deal: &Deal, me: Side) -> f32 {
    let bare = deal.counters > 0 && deal.standing_bare;
    value_of(cx, &rejected(cx.view, bare, me.other()), me)
}

/// Whether a vocabulary term may be added by `deal`'s offerer (asks are given by the receiver),
/// by the engine's rule; the edit count is left out, since a planned bundle is not yet typed.
fn addable(view: &View, deal: &Deal, ask: bool, index: u8) -> bool {
    let rules = &view.content.rules.deals;
    let situation = Situation::of_board(view.content, view.board);
    rules.term_allowed(&situation, deal, ask, Term::Vocab(index), &[])
}

fn with_term(deal: &Deal, ask: bool, term: Term) -> Deal {
    let mut d = *deal;
    let list: &mut Terms = if ask { &mut d.asks } else { &mut d.gives };
    if list.len() < 4 {
        list.push(term);
    }
    d
}

/// The worth of one deal step for the side to move.
pub(crate) fn worth(cx: Cx, deal: &Deal, action: Action) -> f32 {
    let me = cx.view.side;
    let now = standing(cx);
    match action {
        Action::Give(t) => send_worth(cx, &now, &with_term(deal, false, t), me),
        Action::Ask(t) => send_worth(cx, &now, &with_term(deal, true, t), me),
        // Sending is preferred to adding a term that changes nothing.
        Action::Send => send_worth(cx, &now, deal, me) + 1e-4,
        Action::Withdraw => withdraw_worth(cx, deal, me),
        Action::Accept => value_of(cx, &accepted(cx.view, deal), me),
        Action::Reject => value_of(cx, &rejected(cx.view, deal.is_bare(), me.other()), me),
        Action::Counter => counter_worth(cx, deal),
        _ => f32::NEG_INFINITY,
    }
}

/// Builds the best bundle term by term from `deal`, adding at most `steps` terms; returns it and
/// its worth to the offerer.
fn plan(cx: Cx, mut deal: Deal, steps: usize) -> (Deal, f32) {
    let me = deal.offerer;
    let now = standing(cx);
    let count = cx.view.content.rules.deals.terms.len() as u8;
    let mut best = send_worth(cx, &now, &deal, me);
    if deal.gives.is_empty() && deal.asks.is_empty() {
        best = withdraw_worth(cx, &deal, me);
    }
    for _ in 0..steps {
        let mut step = None;
        for ask in [false, true] {
            for i in (0..count).filter(|&i| addable(cx.view, &deal, ask, i)) {
                let d = with_term(&deal, ask, Term::Vocab(i));
                let v = send_worth(cx, &now, &d, me);
                if v > best + 1e-5 {
                    best = v;
                    step = Some(d);
                }
            }
        }
        match step {
            Some(d) => deal = d,
            None => break,
        }
    }
    (deal, best)
}

/// The best first offer the side to move could open with, and its worth.
pub(crate) fn plan_from_scratch(cx: Cx) -> (Deal, f32) {
    let deal = Deal::open(cx.view.side);
    // Two terms are enough to tell whether a deal is worth an action; the full bundle is built
    // step by step once the deal is open.
    plan(cx, deal, 2)
}

/// What countering is worth: the best counter-bundle, answered by the same model.
fn counter_worth(cx: Cx, deal: &Deal) -> f32 {
    let counter = deal.countered();
    // Countering costs the other side a chance to answer again; require a clear gain.
    plan(cx, counter, 2).1 - 0.005
}

#[cfg(test)]
#[path = "deal_tests.rs"]
mod tests;
