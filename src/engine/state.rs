//! The game state: the public board, the hidden hands and decks, and the phase machine that says
//! whose decision it is.

use super::action::{Action, Term};
use super::content::{CardId, Content, ShockId};
use super::ids::{METERS, Meter, Priority, Side};
use super::outcome::Outcome;
use super::rng::Rng;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A set of card indices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardSet(Vec<u64>);

impl CardSet {
    /// An empty set sized for a content's cards, so inserting never reallocates.
    pub(crate) fn with_capacity(cards: usize) -> Self {
        CardSet(vec![0; cards.div_ceil(64)])
    }
    /// Whether the card is in the set.
    pub fn contains(&self, card: CardId) -> bool {
        let i = usize::from(card);
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    /// Adds a card, growing the set if the card lies beyond its size.
    pub(crate) fn insert(&mut self, card: CardId) {
        let i = usize::from(card);
        if self.0.len() <= i / 64 {
            self.0.resize(i / 64 + 1, 0);
        }
        self.0[i / 64] |= 1 << (i % 64);
    }
}

/// Up to four deal terms, inline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    items: [Option<Term>; 4],
    len: u8,
}

impl Terms {
    /// How many terms.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }
    /// Whether there are no terms.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The terms in order.
    pub fn iter(&self) -> impl Iterator<Item = Term> + '_ {
        self.items[..self.len()].iter().flatten().copied()
    }
    /// Whether the term is already in the list (a term may appear once).
    #[inline]
    pub(crate) fn contains(&self, term: Term) -> bool {
        self.items[..self.len()].contains(&Some(term))
    }
    /// The term at a position, as [`Action::Drop`](crate::engine::Action::Drop) names it.
    pub(crate) fn get(&self, index: usize) -> Option<Term> {
        self.items[..self.len()].get(index).copied().flatten()
    }
    pub(crate) fn push(&mut self, term: Term) {
        self.items[self.len()] = Some(term);
        self.len += 1;
    }
    pub(crate) fn remove(&mut self, index: usize) -> Term {
        let term = self.items[index].take().unwrap_or(Term::Vocab(0));
        let len = self.len();
        self.items[index..len].rotate_left(1);
        self.len -= 1;
        term
    }
    /// The terms as a list, for events and records.
    pub fn to_vec(&self) -> Vec<Term> {
        self.iter().collect()
    }
}

/// A deal in progress. Both parties see all of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    /// The side that spent its action to open the deal.
    pub opener: Side,
    /// The side whose bundle this is.
    pub offerer: Side,
    /// What the offerer gives.
    pub gives: Terms,
    /// What the offerer asks for.
    pub asks: Terms,
    /// Whether the bundle has been sent and awaits an answer.
    pub sent: bool,
    /// Counters made so far, bounded by the rules.
    pub counters: u8,
    /// Adds and drops made to this bundle (bounded, so a deal always ends).
    pub(crate) edits: u8,
    /// While a counter is being built: whether the offer it answers was a bare demand.
    /// Withdrawing the counter rejects that offer.
    pub(crate) standing_bare: bool,
}

impl Deal {
    /// A deal `side` has just opened, with an empty bundle.
    pub(crate) fn open(side: Side) -> Deal {
        Deal {
            opener: side,
            offerer: side,
            gives: Terms::default(),
            asks: Terms::default(),
            sent: false,
            counters: 0,
            edits: 0,
            standing_bare: false,
        }
    }

    /// The deal once the receiver counters: a fresh bundle, offered by the receiver.
    pub(crate) fn countered(&self) -> Deal {
        Deal {
            offerer: self.offerer.other(),
            gives: Terms::default(),
            asks: Terms::default(),
            sent: false,
            counters: self.counters + 1,
            edits: 0,
            standing_bare: self.is_bare(),
            ..*self
        }
    }

    /// A bare demand gives nothing and asks something.
    pub(crate) fn is_bare(&self) -> bool {
        self.gives.is_empty() && !self.asks.is_empty()
    }
    /// Both give and ask; only the engine's own tests tell this shape apart.
    #[cfg(test)]
    pub(crate) fn is_mutual(&self) -> bool {
        !self.gives.is_empty() && !self.asks.is_empty()
    }
    /// The side that must decide next.
    pub fn to_move(&self) -> Side {
        if self.sent {
            self.offerer.other()
        } else {
            self.offerer
        }
    }
}

/// A headline choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pick {
    /// Not chosen yet.
    Pending,
    /// Chosen; only the picker's view shows which card.
    Chosen(CardId),
    /// The side had no card to headline.
    Skipped,
    /// In a view: the other side has chosen, and the card is not shown.
    Hidden,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
// A plain tag byte: the phase is tested at every step of play, and a byte is cheaper to test
// than a tag folded into a pick's spare values.
#[repr(u8)]
/// Where the game stands: what kind of decision comes next.
pub enum Phase {
    /// Both sides pick a headline in secret.
    Headline {
        /// Each side's pick, indexed by [`Side::index`].
        picks: [Pick; 2],
    },
    /// Sides take turns playing cards or opening deals.
    Actions {
        /// The side whose action it is.
        to_move: Side,
    },
    /// A deal is being built or answered.
    Deal(Deal),
    /// The game has ended.
    Over(Outcome),
}

impl Phase {
    /// The side whose decision it is, or `None` once the game is over (or, in a view, while only
    /// a hidden choice is awaited).
    pub fn to_move(&self) -> Option<Side> {
        match self {
            Phase::Headline { picks } => match picks {
                [Pick::Pending, _] => Some(Side::Washington),
                [_, Pick::Pending] => Some(Side::Seoul),
                _ => None,
            },
            Phase::Actions { to_move } => Some(*to_move),
            Phase::Deal(deal) => Some(deal.to_move()),
            Phase::Over(_) => None,
        }
    }
}

/// The track values and scores at one summit, for charts and reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The round the summit ended.
    pub round: u8,
    /// Every meter, indexed by [`Meter::index`].
    pub meters: [i8; METERS],
    /// Scores, indexed by [`Side::index`].
    pub scores: [i16; 2],
    /// Washington's priority marker.
    pub priority: Priority,
    /// The aim each side had on the summit's agenda, if any.
    #[serde(default)]
    pub on_table: [Option<Meter>; 2],
}

/// Everything both sides may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    /// The round under way (1-based).
    pub round: u8,
    /// Every meter, indexed by [`Meter::index`].
    pub meters: [i8; METERS],
    /// Washington's priority marker.
    pub priority: Priority,
    /// Summit scores so far, indexed by [`Side::index`].
    pub scores: [i16; 2],
    /// Actions each side has left this round.
    pub actions_left: [u8; 2],
    /// The shock revealed this round.
    pub shock: Option<ShockId>,
    /// The summit agenda card revealed this round, by index in the rules' agenda.
    pub agenda: Option<u8>,
    /// The aim of each side that pays once more at this round's summit (rules v2's agenda).
    pub on_table: [Option<Meter>; 2],
    /// The size the current shock was played at.
    pub(crate) shock_size: u8,
    /// Round and structural shocks in play.
    pub(crate) in_play: Vec<ShockId>,
    /// Every shock revealed so far, in order.
    pub shocks_seen: Vec<ShockId>,
    pub(crate) next_shock_mod: i8,
    pub(crate) prevented: CardSet,
    /// Cards whose events have fired, for `played` requirements.
    pub played: CardSet,
    /// Face-up discards; shuffled back when the deck runs out.
    pub discard: Vec<CardId>,
    /// Once-only cards that left the game.
    pub removed: Vec<CardId>,
    /// Whether each side has already gained cohesion from a deal it opened this round.
    pub(crate) deal_bonus_used: [bool; 2],
    /// The state at setup and after each summit.
    pub history: Vec<Snapshot>,
}

impl Board {
    /// A meter's value.
    pub(crate) fn meter(&self, m: Meter) -> i8 {
        self.meters[m.index()]
    }
    /// A side's summit score so far.
    pub(crate) fn score(&self, side: Side) -> i16 {
        self.scores[side.index()]
    }
}

/// One recorded decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// The side that decided.
    pub side: Side,
    /// What it decided.
    pub action: Action,
}

/// A whole game: the board, the hidden parts, and the record that replays it.
#[derive(Clone, Debug)]
pub struct Game {
    pub(crate) content: Arc<Content>,
    pub(crate) seed: u64,
    pub(crate) board: Board,
    pub(crate) phase: Phase,
    pub(crate) hands: [Vec<CardId>; 2],
    pub(crate) deck: Vec<CardId>,
    /// The order-shock deck, in the order it was shuffled at setup.
    pub(crate) shock_deck: Vec<ShockId>,
    /// The summit agenda deck, in the order it was shuffled at setup (hidden until revealed).
    pub(crate) agenda_deck: Vec<u8>,
    pub(crate) draw_rng: Rng,
    pub(crate) record: Vec<Recorded>,
    /// The record length below which undo may not reach.
    pub(crate) undo_floor: usize,
    /// Set when cohesion reaches 0 during the current step: the side to blame, or `None`.
    pub(crate) rupture: Option<Option<Side>>,
}

/// Declares a method private to the crate that the integration tests may also call, through the
/// `test-support` feature (their self dev-dependency turns it on; a plain build leaves it off).
macro_rules! test_support_pub {
    ($(#[$meta:meta])* fn $name:ident $($rest:tt)*) => {
        #[cfg(feature = "test-support")]
        $(#[$meta])* pub fn $name $($rest)*
        #[cfg(not(feature = "test-support"))]
        $(#[$meta])* pub(crate) fn $name $($rest)*
    };
}

impl PartialEq for Game {
    fn eq(&self, other: &Self) -> bool {
        self.seed == other.seed
            && self.board == other.board
            && self.phase == other.phase
            && self.hands == other.hands
            && self.deck == other.deck
            && self.shock_deck == other.shock_deck
            && self.agenda_deck == other.agenda_deck
            && self.draw_rng == other.draw_rng
            && self.record == other.record
    }
}

impl Game {
    /// The content the game is played with, shared with views and bots.
    pub fn content(&self) -> &Arc<Content> {
        &self.content
    }
    /// The seed every random stream derives from; with the record it replays the game.
    pub(crate) fn seed(&self) -> u64 {
        self.seed
    }
    /// The public board.
    pub fn board(&self) -> &Board {
        &self.board
    }
    /// Where the game stands.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }
    test_support_pub! {
        /// A side's hand. Secret: bots and screens read hands through a side's `View`.
        fn hand(&self, side: Side) -> &[CardId] {
            &self.hands[side.index()]
        }
    }
    /// Every decision so far, in order: with the seed and content, the whole game.
    pub fn record(&self) -> &[Recorded] {
        &self.record
    }
    /// A meter's value.
    pub fn meter(&self, m: Meter) -> i8 {
        self.board.meter(m)
    }
    /// The side whose decision it is, or `None` once the game is over.
    pub fn to_move(&self) -> Option<Side> {
        self.phase.to_move()
    }
    /// Whether the game has ended.
    pub fn is_over(&self) -> bool {
        matches!(self.phase, Phase::Over(_))
    }
    /// How the game ended, once it has.
    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.phase {
            Phase::Over(o) => Some(o),
            _ => None,
        }
    }
    /// The shock scheduled for a round (an inject's replacement, or the shock deck's card).
    pub fn scheduled_shock(&self, round: u8) -> Option<ShockId> {
        use super::content::Inject;
        let injected = self.content.injects.iter().find_map(|i| match i {
            Inject::ReplaceShock { round: r, shock } if *r == round => Some(*shock),
            _ => None,
        });
        let n = self.shock_deck.len();
        injected.or_else(|| (n > 0).then(|| self.shock_deck[(usize::from(round) - 1) % n]))
    }
    /// Cards in the draw deck, both hands, the discard pile, out of the game and waiting for a
    /// later era: always the whole deck.
    pub fn card_count(&self) -> usize {
        let round = self.board.round.max(1);
        let waiting = (0..self.content.cards.len() as CardId)
            .filter(|c| self.content.entry_round(*c) > round)
            .count();
        self.deck.len()
            + self.hands[0].len()
            + self.hands[1].len()
            + self.board.discard.len()
            + self.board.removed.len()
            + waiting
    }
}

/// Staging for tests: put the board in a chosen position before play. A game staged this way no
/// longer replays from its seed alone, so these exist only for the crate's own tests and, through
/// the `test-support` feature, for the integration tests.
#[cfg(any(test, feature = "test-support"))]
impl Game {
    /// Moves the named cards into `side`'s hand from wherever they are.
    pub fn stage_hand(&mut self, side: Side, cards: &[CardId]) {
        for &card in cards {
            self.deck.retain(|c| *c != card);
            self.board.discard.retain(|c| *c != card);
            self.board.removed.retain(|c| *c != card);
            for hand in &mut self.hands {
                hand.retain(|c| *c != card);
            }
            self.hands[side.index()].push(card);
        }
    }

    /// Sets a meter, clamped to its range.
    pub fn stage_meter(&mut self, meter: Meter, value: i8) {
        let t = self.content.rules.track(meter);
        self.board.meters[meter.index()] = value.clamp(t.min, t.max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_keep_order_when_one_is_dropped() {
        let mut t = Terms::default();
        for i in 0..3 {
            t.push(Term::Vocab(i));
        }
        assert_eq!(t.remove(1), Term::Vocab(1));
        assert_eq!(t.to_vec(), vec![Term::Vocab(0), Term::Vocab(2)]);
        assert!(t.contains(Term::Vocab(2)) && !t.contains(Term::Vocab(1)));
        assert_eq!(t.get(2), None);
    }

    #[test]
    fn card_sets_grow_on_demand() {
        let mut s = CardSet::with_capacity(10);
        s.insert(3);
        s.insert(200);
        assert!(s.contains(3) && s.contains(200) && !s.contains(4) && !s.contains(1000));
    }

    #[test]
    fn a_deal_knows_bare_and_mutual_bundles() {
        let mut d = Deal::open(Side::Washington);
        d.asks.push(Term::Vocab(0));
        assert!(d.is_bare() && !d.is_mutual());
        d.gives.push(Term::Vocab(5));
        assert!(!d.is_bare() && d.is_mutual());
        assert_eq!(d.to_move(), Side::Washington);
        d.sent = true;
        assert_eq!(d.to_move(), Side::Seoul);
    }
}
