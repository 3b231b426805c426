//! What one side may know, and how a bot turns that back into a full game to search.

use super::action::Term;
use super::content::{CardId, Content};
use super::ids::Side;
use super::rng::Rng;
use super::state::{Board, Game, Phase, Pick, Terms};
use rand::seq::SliceRandom;
use rand::{Rng as _, RngExt, SeedableRng};
use std::sync::Arc;

/// Exactly what one side may know: the board, its own hand, how many cards the other side holds,
/// and which cards are somewhere it cannot see. Deck orders, the seed and the other side's
/// headline pick are not in it.
#[derive(Clone, Debug)]
pub struct View {
    pub side: Side,
    pub content: Arc<Content>,
    pub board: Board,
    pub phase: Phase,
    pub hand: Vec<CardId>,
    pub other_hand_len: usize,
    pub deck_len: usize,
    /// Cards in the draw deck or the other side's hand, in id order.
    pub unseen: Vec<CardId>,
}

impl PartialEq for View {
    fn eq(&self, o: &Self) -> bool {
        self.side == o.side
            && self.board == o.board
            && self.phase == o.phase
            && self.hand == o.hand
            && self.other_hand_len == o.other_hand_len
            && self.deck_len == o.deck_len
            && self.unseen == o.unseen
    }
}

impl View {
    pub fn to_move(&self) -> Option<Side> {
        self.phase.to_move()
    }

    /// Cards the other side is known to hold (those it has offered in the deal on the table).
    fn known_other_cards(&self) -> Vec<CardId> {
        match &self.phase {
            Phase::Deal(d) if d.offerer != self.side => d
                .gives
                .iter()
                .filter_map(|t| match t {
                    Term::Card(c) => Some(c),
                    Term::Vocab(_) => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl Game {
    /// What `side` may know now.
    pub fn view(&self, side: Side) -> View {
        let mut phase = self.phase;
        match &mut phase {
            Phase::Headline { picks } => {
                let other = &mut picks[side.other().index()];
                if matches!(other, Pick::Chosen(_)) {
                    *other = Pick::Hidden;
                }
            }
            Phase::Deal(deal) if !deal.sent && deal.offerer != side => {
                deal.gives = Terms::default();
                deal.asks = Terms::default();
            }
            _ => {}
        }
        let mut unseen: Vec<CardId> = self
            .deck
            .iter()
            .chain(&self.hands[side.other().index()])
            .copied()
            .collect();
        unseen.sort_unstable();
        View {
            side,
            content: self.content.clone(),
            board: self.board.clone(),
            phase,
            hand: self.hands[side.index()].clone(),
            other_hand_len: self.hands[side.other().index()].len(),
            deck_len: self.deck.len(),
            unseen,
        }
    }

    /// A full game consistent with `view`: the unseen cards dealt at random between the draw deck
    /// and the other side's hand, the unrevealed shocks in a random order, and a fresh draw stream.
    pub fn determinize(view: &View, rng: &mut Rng) -> Game {
        let other = view.side.other();
        let known = view.known_other_cards();
        let mut pool: Vec<CardId> = view
            .unseen
            .iter()
            .copied()
            .filter(|c| !known.contains(c))
            .collect();
        pool.shuffle(rng);
        let take = view
            .other_hand_len
            .saturating_sub(known.len())
            .min(pool.len());
        let mut other_hand = known;
        other_hand.extend(pool.drain(..take));
        let content = view.content.clone();
        let mut shock_deck: Vec<u16> = view.board.shocks_seen.clone();
        let mut future: Vec<u16> = (0..content.shocks.len() as u16)
            .filter(|s| !shock_deck.contains(s))
            .collect();
        future.shuffle(rng);
        shock_deck.extend(future);
        let mut phase = view.phase;
        if let Phase::Headline { picks } = &mut phase
            && picks[other.index()] == Pick::Hidden
        {
            picks[other.index()] = match other_hand.len() {
                0 => Pick::Skipped,
                n => Pick::Chosen(other_hand[rng.random_range(0..n)]),
            };
        }
        let mut hands = [Vec::new(), Vec::new()];
        hands[view.side.index()] = view.hand.clone();
        hands[other.index()] = other_hand;
        Game {
            content,
            seed: 0,
            board: view.board.clone(),
            phase,
            hands,
            deck: pool,
            shock_deck,
            draw_rng: Rng::seed_from_u64(rng.next_u64()),
            record: Vec::new(),
            undo_floor: 0,
            rupture: None,
        }
    }
}
