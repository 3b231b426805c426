//! Which actions are legal now. `legal_actions` lists them; `check` tests one without listing,
//! and the two always agree (a test in `tests/playout.rs` holds them to it).

use super::action::{Action, Term};
use super::content::{CardId, Rules};
use super::ids::Side;
use super::rulings::Situation;
use super::state::{Deal, Game, Phase, Pick, Terms};
use thiserror::Error;

/// Why an action was refused. The state is unchanged whenever one is returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("the game is over")]
    /// No action is legal after the end.
    GameOver,
    #[error("that is not a move for this phase")]
    /// The action belongs to another phase (a headline during actions, a deal step outside a deal).
    WrongPhase,
    #[error("that card is not in the hand of the side to move")]
    /// The card is not in the mover's hand.
    NotInHand,
    #[error("only your own or an either-side card can be played for its event")]
    /// The other side's card cannot be played for its event.
    NotYourEvent,
    #[error("that card's event cannot fire now (requirement or prevention)")]
    /// A requirement fails or the event was prevented.
    EventBlocked,
    #[error("no such operations option for that card")]
    /// The option index is out of range for the card's side and kind.
    NoSuchOption,
    #[error("the event can fire first only when playing the other side's card")]
    /// `event_first` was set on an own-side card.
    EventOrder,
    #[error("not enough leverage for that")]
    /// A set-aside or boost the side's leverage cannot pay for. (One the rules switch off is
    /// refused as [`RuleError::NoSuchOption`].)
    NoLeverage,
    #[error("passing is allowed only with an empty hand")]
    /// A side that holds cards must play one.
    HandNotEmpty,
    #[error("that deal term is not allowed here")]
    /// The term is unknown, already in the bundle, beyond the limit, or not allowed now.
    BadTerm,
    #[error("the deal cannot take that step now")]
    /// The deal is in a state where this step does not apply.
    BadDealStep,
}

impl Game {
    /// The operations points a card gives now, after shocks in play.
    pub fn ops_value(&self, card: CardId) -> u8 {
        self.content.ops_value(card, &self.board)
    }

    /// Every legal action for the side to move, appended to `out` (which is cleared first).
    pub fn legal_actions_into(&self, out: &mut Vec<Action>) {
        out.clear();
        match &self.phase {
            Phase::Over(_) => {}
            Phase::Headline { .. } => {
                if let Some(side) = self.to_move() {
                    out.extend(
                        self.hand(side)
                            .iter()
                            .map(|&card| Action::Headline { card }),
                    );
                }
            }
            Phase::Actions { to_move } => self.action_phase_moves(*to_move, out),
            Phase::Deal(deal) => self.deal_moves(deal, out),
        }
    }

    /// Every action the side to move may take now; empty once the game is over. The screen and bots offer only these, so no rule check lives outside the engine.
    pub fn legal_actions(&self) -> Vec<Action> {
        let mut out = Vec::with_capacity(48);
        self.legal_actions_into(&mut out);
        out
    }

    fn action_phase_moves(&self, side: Side, out: &mut Vec<Action>) {
        let hand = self.hand(side);
        if hand.is_empty() {
            out.push(Action::Pass);
        }
        // One situation for the whole hand, and each card's moves copied from the content's
        // table: this runs at every decision.
        let situation = Situation::of_board(&self.content, &self.board);
        let facts = self.content.facts();
        for &card in hand {
            let fires = situation.event_blocked(&self.content, card).is_none();
            facts.push_moves(&self.content, (card, side, fires), out);
        }
        self.leverage_moves(side, out);
        if !self.content.rules.deals.terms.is_empty() {
            out.push(Action::OpenDeal);
        }
    }

    /// The moves leverage buys (rules v2): setting aside each of the other side's cards in hand,
    /// and a boosted operations play of each own-side or either-side card.
    fn leverage_moves(&self, side: Side, out: &mut Vec<Action>) {
        let lev = self.content.rules.leverage;
        let have = self.board.meter(Rules::leverage_meter(side));
        let set_aside = lev.set_aside > 0 && have >= lev.set_aside;
        let boost = lev.boost_cost > 0 && lev.boost_ops > 0 && have >= lev.boost_cost;
        if !(set_aside || boost) {
            return;
        }
        for &card in self.hand(side) {
            let c = self.content.card(card);
            let theirs = c.side.owner() == Some(side.other());
            if theirs && set_aside {
                out.push(Action::SetAside { card });
            }
            if !theirs && boost {
                let options = self.content.rules.ops_options(side, c.kind).len() as u8;
                out.extend((0..options).map(|option| Action::Boost { card, option }));
            }
        }
    }

    fn deal_moves(&self, deal: &Deal, out: &mut Vec<Action>) {
        if deal.sent {
            if self.deal_acceptable(deal) {
                out.push(Action::Accept);
            }
            out.push(Action::Reject);
            if deal.counters < self.content.rules.deals.max_counters {
                out.push(Action::Counter);
            }
            return;
        }
        // The same tests as `term_addable`, hoisted out of the loop: this runs at every step of
        // every deal in the bots' playouts.
        let rules = &self.content.rules.deals;
        let open = deal.edits < self.edit_cap();
        let room = |list: &Terms| open && list.len() < usize::from(rules.max_terms);
        let (give_room, ask_room) = (room(&deal.gives), room(&deal.asks));
        let hand = self.hand(deal.offerer);
        // Every move at most once, so no push below grows the list.
        out.reserve(rules.terms.len() + hand.len() + 2 * usize::from(rules.max_terms) + 2);
        let situation = Situation::of_board(&self.content, &self.board);
        let pieces = (&*self.content, &situation);
        let room = [give_room, ask_room];
        // The content's bit sets list the vocabulary; this loop is for a vocabulary too large.
        if (give_room || ask_room) && !self.content.facts().push_terms(pieces, deal, room, out) {
            for (t, term) in rules.terms.iter().enumerate() {
                let v = Term::Vocab(t as u8);
                let (has_room, list, action) = if term.giver == deal.offerer {
                    (give_room, &deal.gives, Action::Give(v))
                } else {
                    (ask_room, &deal.asks, Action::Ask(v))
                };
                let free = term.requires.is_empty();
                if has_room && !list.contains(v) && (free || situation.holds(&term.requires)) {
                    out.push(action);
                }
            }
        }
        if give_room {
            for &card in hand {
                if !deal.gives.contains(Term::Card(card)) {
                    out.push(Action::Give(Term::Card(card)));
                }
            }
        }
        if deal.edits < self.edit_cap() {
            for (ask, list) in [(false, &deal.gives), (true, &deal.asks)] {
                out.extend((0..list.len() as u8).map(|index| Action::Drop { ask, index }));
            }
        }
        if !deal.gives.is_empty() || !deal.asks.is_empty() {
            out.push(Action::Send);
        }
        out.push(Action::Withdraw);
    }

    pub(crate) fn edit_cap(&self) -> u8 {
        self.content.rules.deals.max_terms.saturating_mul(4)
    }

    /// Whether a `Give` or `Ask` may be added to the bundle being built.
    pub(crate) fn term_addable(&self, deal: &Deal, action: Action) -> Result<(), RuleError> {
        let rules = &self.content.rules.deals;
        let (ask, term) = match action {
            Action::Give(t) => (false, t),
            Action::Ask(t) => (true, t),
            _ => return Err(RuleError::BadTerm),
        };
        let list = if ask { &deal.asks } else { &deal.gives };
        let giver = if ask {
            deal.offerer.other()
        } else {
            deal.offerer
        };
        if deal.sent || deal.edits >= self.edit_cap() || list.len() >= usize::from(rules.max_terms)
        {
            return Err(RuleError::BadDealStep);
        }
        let situation = Situation::of_board(&self.content, &self.board);
        if rules.term_allowed(&situation, deal, ask, term, self.hand(giver)) {
            Ok(())
        } else {
            Err(RuleError::BadTerm)
        }
    }

    /// Whether every term of a sent bundle can still be carried out.
    pub(crate) fn deal_acceptable(&self, deal: &Deal) -> bool {
        let terms = &self.content.rules.deals.terms;
        let vocab_ok = |t: Term| match t {
            Term::Vocab(i) => terms
                .get(usize::from(i))
                .is_some_and(|d| self.holds(&d.requires)),
            Term::Card(c) => self.hand(deal.offerer).contains(&c),
        };
        deal.gives.iter().chain(deal.asks.iter()).all(vocab_ok)
    }

    /// Tests one action without listing them all. Agrees with `legal_actions`.
    pub fn check(&self, action: Action) -> Result<(), RuleError> {
        let side = self.to_move().ok_or(RuleError::GameOver)?;
        match (&self.phase, action) {
            (Phase::Headline { picks }, Action::Headline { card }) => {
                let pending = picks[side.index()] == Pick::Pending;
                if pending && self.hand(side).contains(&card) {
                    Ok(())
                } else {
                    Err(RuleError::NotInHand)
                }
            }
            (Phase::Actions { .. }, a) => self.check_action_phase(side, a),
            (Phase::Deal(deal), a) => self.check_deal(deal, a),
            _ => Err(RuleError::WrongPhase),
        }
    }

    fn check_action_phase(&self, side: Side, action: Action) -> Result<(), RuleError> {
        // `any` rather than `contains`, which calls out for its wide-slice search: a hand is a
        // few cards, and every card play is checked here.
        #[allow(clippy::manual_contains)]
        let in_hand = |card: CardId| {
            if self.hand(side).iter().any(|&c| c == card) {
                Ok(())
            } else {
                Err(RuleError::NotInHand)
            }
        };
        match action {
            Action::Event { card } => {
                in_hand(card)?;
                let owner = self.content.card(card).side.owner();
                if owner.is_some_and(|o| o != side) {
                    return Err(RuleError::NotYourEvent);
                }
                if self.event_blocked(card).is_some() {
                    Err(RuleError::EventBlocked)
                } else {
                    Ok(())
                }
            }
            Action::Ops {
                card,
                option,
                event_first,
            } => {
                in_hand(card)?;
                let c = self.content.card(card);
                if usize::from(option) >= self.content.rules.ops_options(side, c.kind).len() {
                    return Err(RuleError::NoSuchOption);
                }
                let theirs =
                    c.side.owner() == Some(side.other()) && self.event_blocked(card).is_none();
                if event_first && !theirs {
                    Err(RuleError::EventOrder)
                } else {
                    Ok(())
                }
            }
            Action::SetAside { card } | Action::Boost { card, .. } => {
                in_hand(card)?;
                self.check_leverage(side, action)
            }
            Action::OpenDeal if !self.content.rules.deals.terms.is_empty() => Ok(()),
            Action::Pass if self.hand(side).is_empty() => Ok(()),
            Action::Pass => Err(RuleError::HandNotEmpty),
            _ => Err(RuleError::WrongPhase),
        }
    }

    /// Whether `side` may spend leverage on this set-aside or boost (the card is in hand).
    fn check_leverage(&self, side: Side, action: Action) -> Result<(), RuleError> {
        let lev = self.content.rules.leverage;
        let have = self.board.meter(Rules::leverage_meter(side));
        let (card, cost) = match action {
            Action::SetAside { card } => (card, lev.set_aside),
            Action::Boost { card, .. } => (card, lev.boost_cost),
            _ => return Err(RuleError::WrongPhase),
        };
        let c = self.content.card(card);
        let theirs = c.side.owner() == Some(side.other());
        let shape_ok = match action {
            Action::SetAside { .. } => theirs,
            Action::Boost { option, .. } => {
                !theirs
                    && lev.boost_ops > 0
                    && usize::from(option) < self.content.rules.ops_options(side, c.kind).len()
            }
            _ => false,
        };
        if !shape_ok || cost <= 0 {
            Err(RuleError::NoSuchOption)
        } else if have < cost {
            Err(RuleError::NoLeverage)
        } else {
            Ok(())
        }
    }

    fn check_deal(&self, deal: &Deal, action: Action) -> Result<(), RuleError> {
        let step = |ok: bool| {
            if ok {
                Ok(())
            } else {
                Err(RuleError::BadDealStep)
            }
        };
        match action {
            Action::Give(_) | Action::Ask(_) => self.term_addable(deal, action),
            Action::Drop { ask, index } => {
                let list = if ask { &deal.asks } else { &deal.gives };
                step(!deal.sent && deal.edits < self.edit_cap() && usize::from(index) < list.len())
            }
            Action::Send => step(!deal.sent && (!deal.gives.is_empty() || !deal.asks.is_empty())),
            Action::Withdraw => step(!deal.sent),
            Action::Accept => step(deal.sent && self.deal_acceptable(deal)),
            Action::Reject => step(deal.sent),
            Action::Counter => {
                step(deal.sent && deal.counters < self.content.rules.deals.max_counters)
            }
            _ => Err(RuleError::WrongPhase),
        }
    }
}
