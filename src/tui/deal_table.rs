//! The deal editor's rows, laid out once per bundle so they never move: every term the drafter
//! could put in the bundle keeps its row (and its letter) whether it is in the offer, can be
//! added, or cannot be now because its slot is full. What each row does comes only from the
//! engine's legal actions; the row's state only says why a row does nothing.

use crate::engine::{Action, Deal, Game, Side, Term};

/// What a term row can do now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermState {
    /// The term can be added: the row's action adds it.
    Addable,
    /// The term is in the bundle: the row's action drops it (if edits are left).
    InOffer,
    /// The bundle's list for this term holds as many terms as the rules allow.
    Full,
    /// The engine does not offer the term now (a requirement, or no edits left).
    Unavailable,
}

/// One row of the editor or of the answer screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealRow {
    /// A term the bundle's offerer gives (`ask: false`) or asks for.
    Term {
        ask: bool,
        term: Term,
        state: TermState,
        action: Option<Action>,
    },
    /// Send, Accept, Counter or Reject, with whether the engine allows it now.
    Step { action: Action, legal: bool },
    /// Withdraw: asks first, so it is never taken by a slip.
    Withdraw,
}

impl DealRow {
    /// The engine action Enter (or the row's key) takes, if any; Withdraw asks first instead.
    pub fn action(&self) -> Option<Action> {
        match *self {
            DealRow::Term { action, .. } => action,
            DealRow::Step { action, legal } => legal.then_some(action),
            DealRow::Withdraw => None,
        }
    }
}

/// The letters that pick term rows in the editor, in row order: every lower-case letter the
/// editor's other keys (j k navigation, s send, w withdraw, q quit, u undo) leave free.
pub const TERM_LETTERS: [char; 20] = [
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'l', 'm', 'n', 'o', 'p', 'r', 't', 'v', 'x', 'y',
    'z',
];

/// The rows for the deal on the table, as its side to move sees it.
pub fn rows(game: &Game, deal: &Deal) -> Vec<DealRow> {
    let legal = game.legal_actions();
    if deal.sent {
        // Under rules with no counters at all the row could never be chosen, so it is left out;
        // counters used up stay listed, greyed, since the count in the title explains them.
        let counters = game.content().rules.deals.max_counters > 0;
        return [Action::Accept, Action::Counter, Action::Reject]
            .into_iter()
            .filter(|a| counters || *a != Action::Counter)
            .map(|action| DealRow::Step {
                action,
                legal: legal.contains(&action),
            })
            .collect();
    }
    let mut out: Vec<DealRow> = candidates(game, deal)
        .into_iter()
        .map(|(ask, term)| term_row(game, deal, &legal, ask, term))
        .collect();
    out.push(DealRow::Step {
        action: Action::Send,
        legal: legal.contains(&Action::Send),
    });
    out.push(DealRow::Withdraw);
    out
}

/// Every term the offerer could put in this bundle, gives first: the vocabulary terms the
/// offerer gives, the cards in its hand, then the terms it may ask of the other side.
fn candidates(game: &Game, deal: &Deal) -> Vec<(bool, Term)> {
    let content = game.content();
    let vocab = |giver: Side| {
        let terms = content.rules.deals.terms.iter().enumerate();
        terms
            .filter(move |(_, t)| t.giver == giver)
            .map(|(i, _)| Term::Vocab(i as u8))
    };
    let hand = game.view(deal.offerer).hand.iter().map(|c| Term::Card(*c));
    let mut out: Vec<(bool, Term)> = vocab(deal.offerer)
        .chain(hand)
        .map(|t| (false, t))
        .collect();
    out.extend(vocab(deal.offerer.other()).map(|t| (true, t)));
    out
}

fn term_row(game: &Game, deal: &Deal, legal: &[Action], ask: bool, term: Term) -> DealRow {
    let list = if ask { &deal.asks } else { &deal.gives };
    let at = (0..list.len()).find(|i| list.get(*i) == Some(term));
    let add = if ask {
        Action::Ask(term)
    } else {
        Action::Give(term)
    };
    let (state, action) = match at {
        Some(i) => {
            let drop = Action::Drop {
                ask,
                index: i as u8,
            };
            (TermState::InOffer, legal.contains(&drop).then_some(drop))
        }
        None if legal.contains(&add) => (TermState::Addable, Some(add)),
        None if list.len() >= usize::from(game.content().rules.deals.max_terms) => {
            (TermState::Full, None)
        }
        None => (TermState::Unavailable, None),
    };
    DealRow::Term {
        ask,
        term,
        state,
        action,
    }
}

/// The row a new list opens on: the first that does something (an addable term, or Accept).
pub fn first_sensible(rows: &[DealRow]) -> usize {
    let addable = |r: &DealRow| {
        matches!(
            r,
            DealRow::Term {
                state: TermState::Addable,
                ..
            }
        )
    };
    rows.iter()
        .position(addable)
        .or_else(|| rows.iter().position(|r| r.action().is_some()))
        .unwrap_or(0)
}

/// The mirror of an offer, as the counter that answers it starts: what the offer asked of the
/// counterer it now gives, and what the offer gave it now asks for. A card of the other side's
/// hand cannot be asked for, so it is left out (the offer stays shown beside the editor).
pub fn mirrored(offer: &Deal) -> Vec<Action> {
    let gives = offer.asks.iter().map(Action::Give);
    let asks = offer.gives.iter().filter_map(|t| match t {
        Term::Vocab(_) => Some(Action::Ask(t)),
        Term::Card(_) => None,
    });
    gives.chain(asks).collect()
}

use super::session::Session;
use crate::engine::Phase;

/// Which list the main cursor is on: a bundle being drafted keeps its list (and so its cursor)
/// from one edit to the next; anything else is a new list, which opens on its first row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ListKey(Option<(Side, u8)>);

impl Session {
    /// The deal editor's or the answer screen's rows, for the player at the keyboard.
    pub fn deal_table(&self) -> Vec<DealRow> {
        match self.game().phase() {
            Phase::Deal(deal) if self.human_to_move().is_some() => rows(self.game(), deal),
            _ => Vec::new(),
        }
    }

    pub(crate) fn list_key(&self) -> ListKey {
        ListKey(match self.game().phase() {
            Phase::Deal(d) if !d.sent => Some((d.offerer, d.counters)),
            _ => None,
        })
    }

    /// Puts the cursor on the first sensible row of a list that has just opened.
    pub(crate) fn open_list(&mut self) {
        self.cursor = first_sensible(&self.deal_table());
        self.deal_hidden = false;
        self.confirm_withdraw = false;
        if self.list_key().0.is_none() {
            self.answered = None;
        }
    }

    /// Enter on a deal row: its action, or for Withdraw the question first.
    pub(crate) fn confirm_deal_row(&mut self) {
        match self.deal_table().get(self.cursor).copied() {
            Some(DealRow::Withdraw) => self.confirm_withdraw = true,
            Some(DealRow::Step {
                action: Action::Counter,
                legal: true,
            }) => self.counter(),
            Some(row) => match row.action() {
                Some(a) => self.act(a),
                None => self.notice = Some(why_not(self.game(), &row)),
            },
            None => {}
        }
    }

    /// A number key (hand card, chooser option) or a letter (deal term): selects that row and
    /// takes it as Enter would.
    pub(crate) fn pick(&mut self, index: usize) {
        let len = match (&self.chooser, matches!(self.game().phase(), Phase::Deal(_))) {
            (Some(c), _) => c.options.len(),
            (None, true) => self.deal_table().len(),
            (None, false) => self.rows().len(),
        };
        if index >= len {
            return;
        }
        match &mut self.chooser {
            Some(c) => c.cursor = index,
            None => self.cursor = index,
        }
        self.confirm();
    }

    /// Counters the offer on the table: the new bundle starts as the offer's mirror, term by
    /// term through the engine (a term it no longer allows is left out), and the offer stays on
    /// screen beside it.
    pub(crate) fn counter(&mut self) {
        let Phase::Deal(offer) = *self.game().phase() else {
            return;
        };
        if !offer.sent {
            return;
        }
        self.act(Action::Counter);
        for a in mirrored(&offer) {
            if self.game().legal_actions().contains(&a) {
                self.act(a);
            }
        }
        self.answered = Some(offer);
        self.cursor = first_sensible(&self.deal_table());
    }
}

/// Why a row does nothing now, in words for the notice line.
fn why_not(game: &Game, row: &DealRow) -> String {
    let max = game.content().rules.deals.max_terms;
    match row {
        DealRow::Term {
            state: TermState::Full,
            ask,
            ..
        } => {
            let list = if *ask { "asks" } else { "gives" };
            format!("The bundle's {list} are full ({max}/{max}): drop one to add this.")
        }
        DealRow::Term {
            state: TermState::InOffer,
            ..
        } => "No edits are left for this bundle: send it or withdraw.".into(),
        DealRow::Term { .. } => {
            "This term cannot be offered now (its requirement is not met, or no edits are left)."
                .into()
        }
        DealRow::Step {
            action: Action::Send,
            ..
        } => "Add a term before sending.".into(),
        DealRow::Step {
            action: Action::Accept,
            ..
        } => "This offer can no longer be carried out: reject or counter.".into(),
        DealRow::Step {
            action: Action::Counter,
            ..
        } => "No counters are left in this deal.".into(),
        _ => String::new(),
    }
}
