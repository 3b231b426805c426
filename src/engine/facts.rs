//! What move generation needs of each card, worked out once per content: the actions a card adds
//! to a side's legal moves, with its event open and with it blocked. Listing a hand's moves then
//! copies one short block per card instead of asking the rules card by card (the list is built at
//! every decision of every game the simulator and the bots' playouts play).

use super::action::{Action, Term};
use super::content::{CardId, Content};
use super::ids::Side;
use super::rulings::Situation;
use super::state::{Deal, Terms};
use std::sync::OnceLock;

/// The most moves one card's block holds. A block is copied whole, padding and all, which is
/// cheaper than a copy of varying length; a card with more moves (none in the shipped rules,
/// which give at most six) takes the slower path.
const BLOCK: usize = 8;

/// The per-card move lists of one content, built on first use.
#[derive(Default)]
pub(crate) struct Facts(OnceLock<CardFacts>);

/// A copy starts empty and builds its own table: a cloned content is often changed before play
/// (scenarios change the rules and the deck), so the original's table may not fit it.
impl Clone for Facts {
    fn clone(&self) -> Self {
        Facts::default()
    }
}

impl std::fmt::Debug for Facts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Facts")
    }
}

/// One card's moves for one side, padded to a whole block.
#[derive(Clone, Copy)]
struct Block {
    moves: [Action; BLOCK],
    len: u8,
}

/// Every card's moves, and the deal vocabulary as bit sets.
pub(crate) struct CardFacts {
    /// By card, then side, then whether the event may fire; `None` when some card has more
    /// moves than a block holds.
    blocks: Option<Vec<[[Block; 2]; 2]>>,
    /// `None` when the vocabulary has more terms than a bit set holds.
    terms: Option<TermFacts>,
}

/// The deal vocabulary as bit sets, bit `t` standing for term `t`.
struct TermFacts {
    /// The terms each side gives, by side index.
    given_by: [u64; 2],
    /// The terms without a requirement.
    free: u64,
    /// The terms with one, whose requirement is tested on each call.
    conditional: Vec<u8>,
}

impl TermFacts {
    fn build(content: &Content) -> Option<TermFacts> {
        let terms = &content.rules.deals.terms;
        if terms.len() > 64 {
            return None;
        }
        let mut facts = TermFacts {
            given_by: [0; 2],
            free: 0,
            conditional: Vec::new(),
        };
        for (t, term) in terms.iter().enumerate() {
            facts.given_by[term.giver.index()] |= 1 << t;
            if term.requires.is_empty() {
                facts.free |= 1 << t;
            } else {
                facts.conditional.push(t as u8);
            }
        }
        Some(facts)
    }
}

/// The vocabulary terms in a bundle, as a bit set.
fn vocab_bits(list: &Terms) -> u64 {
    list.iter().fold(0, |bits, term| match term {
        Term::Vocab(t) if t < 64 => bits | 1 << t,
        _ => bits,
    })
}

impl CardFacts {
    fn build(content: &Content) -> CardFacts {
        let card_blocks = |card: CardId| {
            let [w, s] = Side::BOTH.map(|side| {
                let [blocked, open] = [false, true].map(|fires| block(content, card, side, fires));
                Some([blocked?, open?])
            });
            Some([w?, s?])
        };
        let blocks = (0..content.cards.len() as CardId)
            .map(card_blocks)
            .collect::<Option<Vec<_>>>();
        CardFacts {
            blocks,
            terms: TermFacts::build(content),
        }
    }

    /// Appends the vocabulary terms `deal`'s offerer may add now, in vocabulary order: the
    /// terms it gives while its gives have room (`room[0]`), those the other side gives while
    /// its asks have room (`room[1]`), each not yet in its list and with its requirement met.
    /// Returns false, adding nothing, when the vocabulary is too large for the bit sets.
    #[inline]
    pub(crate) fn push_terms(
        &self,
        (content, situation): (&Content, &Situation),
        deal: &Deal,
        room: [bool; 2],
        out: &mut Vec<Action>,
    ) -> bool {
        let Some(t) = &self.terms else { return false };
        let mut holds = t.free;
        for &i in &t.conditional {
            let term = &content.rules.deals.terms[usize::from(i)];
            if situation.holds(&term.requires) {
                holds |= 1 << i;
            }
        }
        let offerer = deal.offerer.index();
        let gives = if room[0] {
            t.given_by[offerer] & !vocab_bits(&deal.gives)
        } else {
            0
        };
        let asks = if room[1] {
            t.given_by[1 - offerer] & !vocab_bits(&deal.asks)
        } else {
            0
        };
        let mut open = (gives | asks) & holds;
        while open != 0 {
            let i = open.trailing_zeros();
            open &= open - 1;
            let v = Term::Vocab(i as u8);
            out.push(if gives & (1 << i) != 0 {
                Action::Give(v)
            } else {
                Action::Ask(v)
            });
        }
        true
    }

    /// Appends the moves `card` in `side`'s hand gives, when its event may fire or not.
    #[inline]
    pub(crate) fn push_moves(
        &self,
        content: &Content,
        (card, side, fires): (CardId, Side, bool),
        out: &mut Vec<Action>,
    ) {
        match &self.blocks {
            Some(blocks) => {
                let b = &blocks[usize::from(card)][side.index()][usize::from(fires)];
                let len = out.len();
                out.extend_from_slice(&b.moves);
                out.truncate(len + usize::from(b.len));
            }
            None => each_move(content, card, side, fires, |a| out.push(a)),
        }
    }
}

/// `card`'s moves as one block, or `None` if they do not fit in one.
fn block(content: &Content, card: CardId, side: Side, fires: bool) -> Option<Block> {
    let mut list = Vec::new();
    each_move(content, card, side, fires, |a| list.push(a));
    let mut b = Block {
        moves: [Action::Pass; BLOCK],
        len: list.len() as u8,
    };
    b.moves.get_mut(..list.len())?.copy_from_slice(&list);
    Some(b)
}

/// Calls `f` with each move `card` gives `side`, in the order the legal list has always had: the
/// event (own or either-side card), then each ops option, each followed by its event-first twin
/// for the other side's card.
fn each_move(content: &Content, card: CardId, side: Side, fires: bool, mut f: impl FnMut(Action)) {
    let c = content.card(card);
    let owner = c.side.owner();
    if fires && owner.is_none_or(|o| o == side) {
        f(Action::Event { card });
    }
    let theirs = fires && owner == Some(side.other());
    for option in 0..content.rules.ops_options(side, c.kind).len() as u8 {
        f(Action::Ops {
            card,
            option,
            event_first: false,
        });
        if theirs {
            f(Action::Ops {
                card,
                option,
                event_first: true,
            });
        }
    }
}

impl Content {
    /// The per-card move lists, built on the first call.
    #[inline]
    pub(crate) fn facts(&self) -> &CardFacts {
        self.facts.0.get_or_init(|| CardFacts::build(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Deal, Game};
    use std::sync::Arc;

    fn content() -> Content {
        crate::content::Data::embedded()
            .build()
            .expect("valid data")
    }

    fn listed(
        facts: &CardFacts,
        content: &Content,
        card: CardId,
        side: Side,
        fires: bool,
    ) -> Vec<Action> {
        let mut out = vec![Action::Pass];
        facts.push_moves(content, (card, side, fires), &mut out);
        out.split_off(1)
    }

    #[test]
    fn every_block_holds_the_moves_in_the_rules_order() {
        let content = content();
        let facts = content.facts();
        assert!(facts.blocks.is_some(), "the shipped cards fit in blocks");
        let slow = CardFacts {
            blocks: None,
            terms: None,
        };
        for card in 0..content.cards.len() as CardId {
            for side in Side::BOTH {
                for fires in [false, true] {
                    let fast = listed(facts, &content, card, side, fires);
                    assert_eq!(fast, listed(&slow, &content, card, side, fires));
                    let ops = content
                        .rules
                        .ops_options(side, content.card(card).kind)
                        .len();
                    assert!(
                        fast.len() >= ops,
                        "card {card}: every ops option is offered"
                    );
                }
            }
        }
    }

    #[test]
    fn a_copy_of_the_content_builds_its_own_table() {
        let content = content();
        let card = content
            .cards
            .iter()
            .position(|c| c.side.owner() == Some(Side::Seoul));
        let card = card.expect("a Seoul card") as CardId;
        let before = listed(content.facts(), &content, card, Side::Seoul, true);
        let mut changed = content.clone();
        let kind = changed.card(card).kind.index();
        changed.rules.ops[Side::Seoul.index()][kind].clear();
        let after = listed(changed.facts(), &changed, card, Side::Seoul, true);
        assert_eq!(after, vec![Action::Event { card }]);
        assert_ne!(before, after);
    }

    #[test]
    fn the_vocabulary_bits_list_what_the_term_rule_allows() {
        let game = Game::new(Arc::new(content()), 5);
        let content = game.content();
        let situation = Situation::of_board(content, game.board());
        let rules = &content.rules.deals;
        for offerer in Side::BOTH {
            let mut deal = Deal::open(offerer);
            deal.gives.push(Term::Vocab(0));
            for room in [[true, true], [true, false], [false, true]] {
                let mut out = Vec::new();
                assert!(
                    content
                        .facts()
                        .push_terms((content, &situation), &deal, room, &mut out)
                );
                let expected: Vec<Action> = (0..rules.terms.len() as u8)
                    .flat_map(|t| {
                        [
                            (false, Action::Give(Term::Vocab(t))),
                            (true, Action::Ask(Term::Vocab(t))),
                        ]
                    })
                    .filter(|(ask, _)| room[usize::from(*ask)])
                    .filter(|&(ask, a)| {
                        let term = match a {
                            Action::Give(t) | Action::Ask(t) => t,
                            _ => unreachable!(),
                        };
                        rules.term_allowed(&situation, &deal, ask, term, &[])
                    })
                    .map(|(_, a)| a)
                    .collect();
                assert_eq!(out, expected, "{offerer:?} with room {room:?}");
            }
        }
    }
}
