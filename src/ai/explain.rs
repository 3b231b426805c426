//! Why a bot turned an offer down, from its own evaluation of its own view: the one term of the
//! offer that costs it most, so the screen can say in one line what it could not accept. It reads
//! only the view and the offer on the table (which both sides see), so it names nothing secret.
//!
//! The answer model is the greedy bot's (accept when accepting is worth at least what rejecting
//! leaves, on the shared evaluation); the hard bot searches with the same evaluation, so its
//! rejections are explained by the same terms. (The hard bot weighs a rupture no one is blamed
//! for as a realist, `Temper::Realist`; that changes its answer only to offers that take the
//! alliance near the brink, where the reason given is the cautious one.)

use super::eval::Evaluator;
use super::greedy::{accepted, rejected};
use crate::engine::{Deal, Term, View};

/// What a bot could not accept in the offer it rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Objection {
    /// This term costs the bot more than the rest of the offer gives it. `asked` is true when
    /// the bot was asked to give the term, false when the term was offered to it.
    Term { term: Term, asked: bool },
    /// No single term: the offer as a whole leaves the bot worse off than no deal (a deal's
    /// cohesion change, or terms that each help a little but not enough).
    Whole,
}

/// Why the side of `view`, answering the sent offer `deal`, would reject it; `None` when the
/// evaluation says accepting is worth at least as much (a random bot's rejection has no reason).
pub fn objection(view: &View, deal: &Deal) -> Option<Objection> {
    let me = view.side;
    if !deal.sent || deal.offerer == me {
        return None;
    }
    let ev = Evaluator::new(view.content);
    let worth = |d: &Deal| ev.value(&accepted(view, d).pos, me);
    let (yes, no) = answers(&ev, view, deal);
    if yes >= no {
        return None;
    }
    // Each term's share: what the offer is worth with it, against the offer without it.
    let mut worst: Option<(f32, Objection)> = None;
    for (asked, terms) in [(false, &deal.gives), (true, &deal.asks)] {
        for (i, term) in terms.iter().enumerate() {
            let mut without = *deal;
            let list = if asked {
                &mut without.asks
            } else {
                &mut without.gives
            };
            list.remove(i);
            let share = yes - worth(&without);
            if share < 0.0 && worst.is_none_or(|(w, _)| share < w) {
                worst = Some((share, Objection::Term { term, asked }));
            }
        }
    }
    Some(worst.map_or(Objection::Whole, |(_, o)| o))
}

/// What accepting and what rejecting `deal` are worth to the side of `view`.
fn answers(ev: &Evaluator, view: &View, deal: &Deal) -> (f32, f32) {
    let me = view.side;
    // The greedy bot's own sketches of the two answers, so the reason given is the one it used.
    let yes = ev.value(&accepted(view, deal).pos, me);
    let no = rejected(view, deal.is_bare(), deal.offerer);
    (yes, ev.value(&no.pos, me))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ai::sketch::agrees::random_positions;
    use crate::ai::{Bot, GreedyBot};
    use crate::engine::{Action, Phase, rng};

    /// The greedy bot rejects only offers this finds a reason against (or, by its noise, offers
    /// worth about the same either way), and a named term is always one of the offer's.
    #[test]
    fn every_greedy_rejection_has_a_reason_from_the_offer() {
        let (mut rejections, mut terms, mut even) = (0, 0, 0);
        random_positions(30, |game| {
            let Phase::Deal(deal) = game.phase() else {
                return;
            };
            if !deal.sent {
                return;
            }
            let side = deal.offerer.other();
            let view = game.view(side);
            let legal = game.legal_actions();
            // An offer that can no longer be carried out is rejected for that alone.
            if !legal.contains(&Action::Accept) {
                return;
            }
            let mut bot = GreedyBot::new(rng::bot_stream(7, side));
            if bot.choose(&view, &legal) != Action::Reject {
                return;
            }
            rejections += 1;
            match objection(&view, deal) {
                Some(Objection::Term { term, asked }) => {
                    let list = if asked { &deal.asks } else { &deal.gives };
                    assert!(list.iter().any(|t| t == term), "{term:?} not in {deal:?}");
                    terms += 1;
                }
                Some(Objection::Whole) => {}
                None => {
                    let (yes, no) = answers(&Evaluator::new(view.content), &view, deal);
                    assert!(
                        yes - no <= 0.0101,
                        "rejected an offer worth {yes} against {no}"
                    );
                    even += 1;
                }
            }
        });
        assert!(rejections > 20, "only {rejections} rejections seen");
        assert!(
            terms >= 5,
            "{terms} of {rejections} named a term ({even} were even)"
        );
    }

    #[test]
    fn an_offer_not_yet_sent_or_its_own_has_no_objection() {
        random_positions(3, |game| {
            if let Phase::Deal(deal) = game.phase() {
                assert_eq!(objection(&game.view(deal.offerer), deal), None);
            }
        });
    }
}
