//! Dominated cards: a card of the same side whose ops are no higher and whose event is no better
//! than another's is one nobody should choose. `analyze` lists them and `validate` warns.
//!
//! "No better" is judged for the side the event fires for, effect by effect: its own items, the
//! cohesion and the strategy layers are better higher (the layers absorb the shocks that hit the
//! alliance), order uncertainty is better lower, the other side's items are better lower, and so
//! are the other side's draws, points and actions. Anything without a direction (the two
//! balances, which must stay in a band; the shock size; the priority; ending shocks; preventing a
//! card) must match exactly. The better card may not ask more (its requirements are among the
//! worse card's) and may not be a one-time card where the worse card is not.

use crate::engine::{Card, CardSide, Content, Effect, Kind, METERS, Meter, Side, Who};
use serde::Serialize;

/// One card no better than another of the same side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Dominated {
    pub(crate) worse: String,
    pub better: String,
    pub side: CardSide,
    pub(crate) worse_kind: Kind,
    pub(crate) better_kind: Kind,
    /// The two cards have the same ops and the same event: each is as good as the other.
    pub(crate) equal: bool,
}

impl Dominated {
    /// The one-line warning `validate` prints.
    pub(crate) fn warning(&self) -> String {
        let what = if self.equal {
            "has the same ops and event as"
        } else {
            "has no more ops and no better event than"
        };
        let kinds = if self.worse_kind == self.better_kind {
            format!("both {}", self.worse_kind.name())
        } else {
            format!("{} and {}", self.worse_kind.name(), self.better_kind.name())
        };
        format!(
            "warning: {} card `{}` {what} `{}` ({kinds}); change one so each has a use.",
            self.side.name(),
            self.worse,
            self.better
        )
    }
}

/// Pairs of cards of the same side and kind where one is no better than the other.
pub(crate) fn dominated(content: &Content) -> Vec<Dominated> {
    pairs(content, true)
}

/// The same test across kinds (the ops buy different things, so these are weaker findings).
pub(crate) fn dominated_across_kinds(content: &Content) -> Vec<Dominated> {
    pairs(content, false)
        .into_iter()
        .filter(|d| d.worse_kind != d.better_kind)
        .collect()
}

fn pairs(content: &Content, same_kind: bool) -> Vec<Dominated> {
    let cards = &content.cards;
    let mut out = Vec::new();
    for (i, a) in cards.iter().enumerate() {
        for (j, b) in cards.iter().enumerate() {
            if i == j || a.side != b.side || (same_kind && a.kind != b.kind) {
                continue;
            }
            if !no_better(a, b) {
                continue;
            }
            let equal = no_better(b, a) && a.kind == b.kind;
            // An equal pair is listed once.
            if equal && j < i {
                continue;
            }
            out.push(Dominated {
                worse: a.id.clone(),
                better: b.id.clone(),
                side: a.side,
                worse_kind: a.kind,
                better_kind: b.kind,
                equal,
            });
        }
    }
    out
}

/// Whether `a` has no more ops and no better event than `b`, for every side it can fire for.
fn no_better(a: &Card, b: &Card) -> bool {
    let for_sides = match a.side.owner() {
        Some(side) => vec![side],
        None => Side::BOTH.to_vec(),
    };
    a.ops <= b.ops
        && b.requires.iter().all(|r| a.requires.contains(r))
        && (!b.once || a.once)
        && for_sides.into_iter().all(|me| {
            let (pa, pb) = (Profile::of(a, me), Profile::of(b, me));
            pa.exact == pb.exact && pa.graded.iter().zip(&pb.graded).all(|(x, y)| x <= y)
        })
}

/// Graded dimensions after the meters: own and other draws, discards, points and actions.
const EXTRA: usize = 8;

/// An event seen from the side it fires for: how good it is along each graded dimension, and
/// the parts that have no direction.
struct Profile {
    graded: [i32; METERS + EXTRA],
    exact: Vec<Effect>,
}

impl Profile {
    fn of(card: &Card, me: Side) -> Profile {
        let mut p = Profile {
            graded: [0; METERS + EXTRA],
            exact: Vec::new(),
        };
        let mut banded = [0i32; METERS];
        for effect in &card.effects {
            let mine = |who: Who| who.resolve(me) == me;
            let (dim, good) = match *effect {
                Effect::Move { meter, by } => match direction(meter, me) {
                    0 => {
                        banded[meter.index()] += i32::from(by);
                        continue;
                    }
                    d => (meter.index(), d * i32::from(by)),
                },
                Effect::Draw { who, count } => graded(0, mine(who), i32::from(count)),
                Effect::Discard { who, count } => graded(2, !mine(who), i32::from(count)),
                Effect::Score { who, points } => graded(4, mine(who), i32::from(points)),
                Effect::Actions { who, by } => graded(6, mine(who), i32::from(by)),
                other => {
                    p.exact.push(other);
                    continue;
                }
            };
            p.graded[dim] += good;
        }
        for (i, by) in banded.iter().enumerate().filter(|(_, by)| **by != 0) {
            p.exact.push(Effect::Move {
                meter: Meter::ALL[i],
                by: *by as i8,
            });
        }
        p.exact.sort_by_key(|e| format!("{e:?}"));
        p
    }
}

/// The dimension and goodness of an effect on one of the extra dimensions: `base` for the side
/// it helps (goodness up), `base + 1` for the side it hurts from `me`'s view (goodness down).
fn graded(base: usize, good_for_me: bool, amount: i32) -> (usize, i32) {
    if good_for_me {
        (METERS + base, amount)
    } else {
        (METERS + base + 1, -amount)
    }
}

/// +1 if `me` is better off with the meter higher, -1 if lower, 0 if it has no direction.
fn direction(meter: Meter, me: Side) -> i32 {
    match meter {
        Meter::Responsibility | Meter::RoleBalance => 0,
        Meter::Uncertainty => -1,
        Meter::Cohesion => 1,
        m if Meter::LAYERS.contains(&m) => 1,
        m => match m.owner() {
            Some(owner) if owner == me => 1,
            Some(_) => -1,
            None => 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Data;

    fn shipped() -> Content {
        Data::embedded().build().expect("the shipped data builds")
    }

    fn has(list: &[Dominated], worse: &str, better: &str) -> bool {
        list.iter().any(|d| d.worse == worse && d.better == better)
    }

    /// Rules v2: no card of the shipped deck is dominated by another, of its kind or across.
    #[test]
    fn the_shipped_deck_has_no_dominated_card() {
        let c = shipped();
        assert_eq!(dominated(&c), Vec::new());
        assert_eq!(dominated_across_kinds(&c), Vec::new());
    }

    /// Two Washington cards of one kind, the first made a weaker copy of the second: one op
    /// fewer, the same event.
    fn weaker_pair() -> (Content, usize, usize) {
        let mut c = shipped();
        let a = usize::from(c.card_by_id("us-beyond-the-peninsula").expect("a card"));
        let b = usize::from(c.card_by_id("us-missile-network").expect("a card"));
        c.cards[b].ops = c.cards[b].ops.max(2);
        let (id, title) = (c.cards[a].id.clone(), c.cards[a].title.clone());
        c.cards[a] = c.cards[b].clone();
        c.cards[a].ops -= 1;
        c.cards[a].id = id;
        c.cards[a].title = title;
        (c, a, b)
    }

    #[test]
    fn a_weaker_copy_is_dominated_of_its_kind_and_across_kinds() {
        let (mut c, a, b) = weaker_pair();
        let same = dominated(&c);
        assert!(has(&same, &c.cards[a].id, &c.cards[b].id), "{same:?}");
        assert!(!has(&same, &c.cards[b].id, &c.cards[a].id));
        assert!(same.iter().all(|d| d.worse != d.better));
        // Of another kind, the pair is only dominated across kinds.
        c.cards[a].kind = match c.cards[b].kind {
            crate::engine::Kind::Cost => crate::engine::Kind::Role,
            _ => crate::engine::Kind::Cost,
        };
        assert!(!has(&dominated(&c), &c.cards[a].id, &c.cards[b].id));
        let across = dominated_across_kinds(&c);
        assert!(has(&across, &c.cards[a].id, &c.cards[b].id), "{across:?}");
    }

    #[test]
    fn more_ops_a_worse_effect_or_a_stricter_requirement_breaks_dominance() {
        let (mut c, a, b) = weaker_pair();
        let check = |c: &Content| has(&dominated(c), &c.cards[a].id, &c.cards[b].id);
        assert!(check(&c), "the weaker copy starts dominated");
        let base = c.clone();
        c.cards[a].ops = c.cards[b].ops + 1;
        assert!(!check(&c), "more ops");
        c = base.clone();
        c.cards[b].effects.push(Effect::Move {
            meter: Meter::RokLeverage,
            by: 1,
        });
        assert!(!check(&c), "the better card also helps the other side");
        c = base.clone();
        c.cards[b]
            .requires
            .push(crate::engine::Condition::Priority {
                is: crate::engine::Priority::Deal,
            });
        assert!(!check(&c), "the better card asks more");
        c = base.clone();
        c.cards[a] = c.cards[b].clone();
        c.cards[a].id = "us-copy".into();
        let copies: Vec<_> = dominated(&c)
            .into_iter()
            .filter(|d| d.better == "us-copy" || d.worse == "us-copy")
            .collect();
        assert_eq!(copies.len(), 1, "an equal pair is listed once");
        assert!(copies[0].equal && copies[0].warning().contains("the same ops and event"));
    }
}
