//! What one side may know, and how a bot turns that back into a full game to search.

use super::action::{Action, Term};
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
///
/// A view borrows the game, so taking one costs a copy of the phase and nothing else: the
/// simulator asks for one at every decision, and most bots never read the unseen cards. A bot
/// that keeps a view past the game's next change takes a [`View::snapshot`].
#[derive(Clone, Copy)]
pub struct View<'a> {
    /// The side whose view this is.
    pub side: Side,
    /// The content, shared with the game.
    pub content: &'a Arc<Content>,
    /// The public board.
    pub board: &'a Board,
    /// The phase, with the other side's headline pick hidden.
    pub phase: Phase,
    /// This side's own hand.
    pub hand: &'a [CardId],
    pub(crate) other_hand_len: usize,
    pub(crate) deck_len: usize,
    /// Where the unseen cards lie (the draw deck and the other hand, or one sorted list in a
    /// snapshot). Private: their order and split are exactly what the side may not know.
    hidden: [&'a [CardId]; 2],
}

/// A view that owns its parts, to send to a bot's thread or keep across the game's changes.
#[derive(Clone)]
pub struct OwnedView {
    side: Side,
    content: Arc<Content>,
    board: Board,
    phase: Phase,
    hand: Vec<CardId>,
    other_hand_len: usize,
    deck_len: usize,
    /// In id order.
    unseen: Vec<CardId>,
}

impl OwnedView {
    /// The view this snapshot holds.
    pub fn view(&self) -> View<'_> {
        View {
            side: self.side,
            content: &self.content,
            board: &self.board,
            phase: self.phase,
            hand: &self.hand,
            other_hand_len: self.other_hand_len,
            deck_len: self.deck_len,
            hidden: [&self.unseen, &[]],
        }
    }
}

impl std::fmt::Debug for OwnedView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.view().fmt(f)
    }
}

impl PartialEq for View<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.side == o.side
            && self.board == o.board
            && self.phase == o.phase
            && self.hand == o.hand
            && self.other_hand_len == o.other_hand_len
            && self.deck_len == o.deck_len
            && self.unseen() == o.unseen()
    }
}

/// Shows only what the side may know: the unseen cards in id order, never the deck's order.
impl std::fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("View")
            .field("side", &self.side)
            .field("board", self.board)
            .field("phase", &self.phase)
            .field("hand", &self.hand)
            .field("other_hand_len", &self.other_hand_len)
            .field("deck_len", &self.deck_len)
            .field("unseen", &self.unseen())
            .finish_non_exhaustive()
    }
}

impl<'a> View<'a> {
    /// Cards in the draw deck or the other side's hand, in id order (computed on each call).
    pub(crate) fn unseen(&self) -> Vec<CardId> {
        let mut unseen = [self.hidden[0], self.hidden[1]].concat();
        unseen.sort_unstable();
        unseen
    }

    /// A copy that owns its parts.
    pub fn snapshot(&self) -> OwnedView {
        OwnedView {
            side: self.side,
            content: self.content.clone(),
            board: self.board.clone(),
            phase: self.phase,
            hand: self.hand.to_vec(),
            other_hand_len: self.other_hand_len,
            deck_len: self.deck_len,
            unseen: self.unseen(),
        }
    }

    /// Whether naming `action` to the other side now shows it nothing it may not see: never a
    /// card in this side's hand (so never a headline pick before the reveal, which keeps the
    /// card in hand), and never a term of a bundle this side is still drafting. A decision
    /// already taken may be named once this says so of the view after it.
    pub(crate) fn may_show(&self, action: Action) -> bool {
        let drafting = matches!(self.phase, Phase::Deal(d) if !d.sent && d.offerer == self.side);
        let card = match action {
            Action::Headline { card } | Action::Event { card } | Action::Ops { card, .. } => {
                Some(card)
            }
            Action::Give(_) | Action::Ask(_) if drafting => return false,
            Action::Drop { .. } if drafting => return false,
            Action::Give(Term::Card(card)) | Action::Ask(Term::Card(card)) => Some(card),
            _ => None,
        };
        card.is_none_or(|c| !self.hand.contains(&c))
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
    pub fn view(&self, side: Side) -> View<'_> {
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
        let other_hand = &self.hands[side.other().index()];
        View {
            side,
            content: &self.content,
            board: &self.board,
            phase,
            hand: &self.hands[side.index()],
            other_hand_len: other_hand.len(),
            deck_len: self.deck.len(),
            hidden: [&self.deck, other_hand],
        }
    }

    /// A full game consistent with `view`: the unseen cards dealt at random between the draw deck
    /// and the other side's hand, the unrevealed shocks in a random order, and a fresh draw stream.
    pub fn determinize(view: &View, rng: &mut Rng) -> Game {
        let other = view.side.other();
        let known = view.known_other_cards();
        let mut pool = view.unseen();
        pool.retain(|c| !known.contains(c));
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
        let agenda_deck = guess_agenda(&content, view.board, rng);
        let mut hands = [Vec::new(), Vec::new()];
        hands[view.side.index()] = view.hand.to_vec();
        hands[other.index()] = other_hand;
        Game {
            content,
            seed: 0,
            board: view.board.clone(),
            phase,
            hands,
            deck: pool,
            shock_deck,
            agenda_deck,
            draw_rng: Rng::seed_from_u64(rng.next_u64()),
            record: Vec::new(),
            undo_floor: 0,
            rupture: None,
        }
    }
}

/// A guess at the agenda deck's order from what a side has seen: the cards revealed so far in
/// their rounds, then the rest in a random order (the future agenda is hidden, as the shocks
/// are). Past rounds' cards are not kept on the board, so only this round's is pinned.
fn guess_agenda(content: &Content, board: &Board, rng: &mut Rng) -> Vec<u8> {
    let n = content.rules.agenda.len();
    if n == 0 {
        return Vec::new();
    }
    let mut rest: Vec<u8> = (0..n as u8).filter(|a| Some(*a) != board.agenda).collect();
    rest.shuffle(rng);
    if let Some(now) = board.agenda {
        let at = (usize::from(board.round).max(1) - 1) % n;
        rest.insert(at.min(rest.len()), now);
    }
    rest
}
