//! Applying decisions: card plays, deals, passes; plus undo and replay from the record.

use super::action::{Action, Term};
use super::content::{CardId, Content};
use super::event::{Cause, Event, PlayMode};
use super::ids::{Meter, Side};
use super::legal::RuleError;
use super::rulings::DealShape;
use super::state::{Deal, Game, Phase, Pick, Recorded};
use std::sync::Arc;

impl Game {
    /// Applies the side to move's action and returns what happened. An illegal action is refused
    /// and the state stays exactly as it was.
    pub fn apply(&mut self, action: Action) -> Result<Vec<Event>, RuleError> {
        let mut events = Vec::new();
        self.apply_into(action, &mut events)?;
        Ok(events)
    }

    /// As [`Game::apply`], appending the events to `events` (for hot loops that reuse a buffer).
    pub fn apply_into(&mut self, action: Action, events: &mut Vec<Event>) -> Result<(), RuleError> {
        self.check(action)?;
        let side = self.to_move().ok_or(RuleError::GameOver)?;
        let start = events.len();
        self.record.push(Recorded { side, action });
        match self.phase {
            Phase::Headline { picks } => self.pick_headline(side, picks, action, events),
            Phase::Actions { .. } => self.take_action(side, action, events),
            Phase::Deal(deal) => self.deal_step(deal, action, events),
            Phase::Over(_) => {}
        }
        self.settle(events);
        if events[start..].iter().any(Event::reveals) {
            self.undo_floor = self.record.len();
        }
        Ok(())
    }

    fn pick_headline(
        &mut self,
        side: Side,
        mut picks: [Pick; 2],
        action: Action,
        ev: &mut Vec<Event>,
    ) {
        if let Action::Headline { card } = action {
            picks[side.index()] = Pick::Chosen(card);
            self.phase = Phase::Headline { picks };
            ev.push(Event::HeadlineChosen { side });
        }
    }

    fn take_action(&mut self, side: Side, action: Action, ev: &mut Vec<Event>) {
        self.board.actions_left[side.index()] -= 1;
        match action {
            Action::Event { card } => {
                self.take_from_hand(side, card);
                self.play_event(side, card, PlayMode::Event, ev);
                let gain = self
                    .content
                    .rules
                    .initiative_gain(self.content.card(card), side);
                if gain > 0 && self.rupture.is_none() {
                    let meter = super::content::Rules::leverage_meter(side);
                    let cause = Cause::Card { card, side };
                    self.move_meter(meter, i32::from(gain), cause, Some(side), ev);
                }
            }
            Action::Ops {
                card,
                option,
                event_first,
            } => self.play_ops(side, card, (option, 0), event_first, ev),
            Action::Boost { card, option } => {
                let lev = self.content.rules.leverage;
                self.spend_leverage(side, card, lev.boost_cost, ev);
                self.play_ops(side, card, (option, lev.boost_ops), false, ev);
            }
            Action::SetAside { card } => {
                let cost = self.content.rules.leverage.set_aside;
                self.take_from_hand(side, card);
                ev.push(Event::CardPlayed {
                    side,
                    card,
                    mode: PlayMode::SetAside,
                });
                self.spend_leverage(side, card, cost, ev);
                self.board.discard.push(card);
            }
            Action::OpenDeal => {
                self.phase = Phase::Deal(Deal::open(side));
                ev.push(Event::DealOpened { by: side });
                return;
            }
            _ => ev.push(Event::Passed { side }),
        }
        self.next_turn(side);
    }

    /// After `side` has acted, the other side moves if it has actions left.
    fn next_turn(&mut self, side: Side) {
        let other_left = self.board.actions_left[side.other().index()] > 0;
        let to_move = if other_left { side.other() } else { side };
        self.phase = Phase::Actions { to_move };
    }

    /// Lowers `side`'s leverage item by `cost`, as part of playing `card`.
    fn spend_leverage(&mut self, side: Side, card: CardId, cost: i8, ev: &mut Vec<Event>) {
        let meter = super::content::Rules::leverage_meter(side);
        let cause = Cause::Ops { card, side };
        self.move_meter(meter, -i32::from(cost), cause, Some(side), ev);
    }

    /// Plays `card` for operations: option `option.0`, with `option.1` points beyond the card's.
    fn play_ops(
        &mut self,
        side: Side,
        card: CardId,
        (option, bonus): (u8, u8),
        event_first: bool,
        ev: &mut Vec<Event>,
    ) {
        let (kind, owner) = (
            self.content.card(card).kind,
            self.content.card(card).side.owner(),
        );
        let theirs = owner == Some(side.other());
        let points = self.ops_value(card).saturating_add(bonus);
        self.take_from_hand(side, card);
        ev.push(Event::CardPlayed {
            side,
            card,
            mode: PlayMode::Ops { option, points },
        });
        let mut fired = false;
        if theirs && event_first {
            fired = self.fire_event(card, side, ev);
        }
        // The moves of `Content::ops_moves`, step by step by index, so no clone of the content's
        // `Arc` is needed to read them while the board changes (see `fire_event`).
        let option_index = usize::from(option);
        let step = |g: &Game, i: usize| {
            let options = g.content.rules.ops_options(side, kind);
            options
                .get(option_index)
                .and_then(|o| o.per_point.get(i))
                .copied()
        };
        for i in 0.. {
            let Some(step) = step(self, i).filter(|_| self.rupture.is_none()) else {
                break;
            };
            let by = step.scaled(i32::from(points));
            self.move_meter(step.meter, by, Cause::Ops { card, side }, Some(side), ev);
        }
        if theirs && !event_first && self.rupture.is_none() {
            fired = self.fire_event(card, side, ev);
        }
        self.dispose(card, fired, ev);
    }

    fn deal_step(&mut self, mut deal: Deal, action: Action, ev: &mut Vec<Event>) {
        let by = deal.to_move();
        match action {
            Action::Give(term) | Action::Ask(term) => {
                let ask = matches!(action, Action::Ask(_));
                if ask {
                    deal.asks.push(term)
                } else {
                    deal.gives.push(term)
                }
                deal.edits += 1;
                ev.push(Event::TermAdded { by, ask, term });
            }
            Action::Drop { ask, index } => {
                let list = if ask { &mut deal.asks } else { &mut deal.gives };
                let term = list.remove(usize::from(index));
                deal.edits += 1;
                ev.push(Event::TermDropped { by, ask, term });
            }
            Action::Send => {
                deal.sent = true;
                let (gives, asks) = (deal.gives.to_vec(), deal.asks.to_vec());
                ev.push(Event::OfferSent {
                    by,
                    gives,
                    asks,
                    counter: deal.counters,
                });
            }
            Action::Counter => {
                deal = deal.countered();
            }
            Action::Withdraw if deal.counters == 0 => {
                ev.push(Event::DealWithdrawn { by });
                let cost = self.content.rules.deals.withdraw_leverage;
                if cost > 0 {
                    let cause = Cause::Deal {
                        opener: deal.opener,
                    };
                    self.move_meter(Meter::leverage(by), -i32::from(cost), cause, Some(by), ev);
                }
                return self.end_deal(&deal);
            }
            Action::Withdraw | Action::Reject => {
                let bare = if action == Action::Reject {
                    deal.is_bare()
                } else {
                    deal.standing_bare
                };
                let demander = by.other();
                ev.push(Event::DealRejected { by, bare });
                if bare {
                    self.bare_demand_rejected(&deal, demander, ev);
                }
                return self.end_deal(&deal);
            }
            Action::Accept => {
                self.settle_deal(&deal, ev);
                return self.end_deal(&deal);
            }
            _ => {}
        }
        self.phase = Phase::Deal(deal);
    }

    fn bare_demand_rejected(&mut self, deal: &Deal, demander: Side, ev: &mut Vec<Event>) {
        let cause = Cause::Deal {
            opener: deal.opener,
        };
        for (meter, by) in self.content.rules.deals.bare_rejection(demander) {
            self.move_meter(meter, i32::from(by), cause, Some(demander), ev);
        }
    }

    /// Carries out an accepted bundle and its cohesion effect.
    fn settle_deal(&mut self, deal: &Deal, ev: &mut Vec<Event>) {
        let content = self.content.clone();
        let rules = &content.rules.deals;
        let (offerer, receiver) = (deal.offerer, deal.offerer.other());
        let cause = Cause::Deal {
            opener: deal.opener,
        };
        ev.push(Event::DealAccepted {
            by: receiver,
            bare: deal.is_bare(),
        });
        let bundle = deal
            .gives
            .iter()
            .map(|t| (offerer, t))
            .chain(deal.asks.iter().map(|t| (receiver, t)));
        for (giver, term) in bundle {
            match term {
                Term::Vocab(i) => {
                    let effects = &rules.terms[usize::from(i)].effects;
                    // Both sides chose this bundle, so a rupture it causes is blamed on
                    // neither: both lose (rules v2; before, the sender was blamed, and a
                    // receiver could win by accepting a bundle that broke the alliance).
                    self.apply_effects(effects, giver, cause, None, ev);
                }
                Term::Card(card) => {
                    self.take_from_hand(giver, card);
                    self.hands[giver.other().index()].push(card);
                    ev.push(Event::CardGiven {
                        from: giver,
                        to: giver.other(),
                        card,
                    });
                }
            }
        }
        let cohesion = deal.accept_cohesion(rules, &self.board);
        if deal.shape() == DealShape::Mutual && deal.bonus_open(&self.board) {
            self.board.deal_bonus_used[deal.opener.index()] = true;
        }
        // A term that ruptured the alliance ends it there: the bundle's cohesion change does not
        // follow (it would lift cohesion back above 0 after the rupture).
        if self.rupture.is_none() {
            self.move_meter(Meter::Cohesion, i32::from(cohesion), cause, None, ev);
        }
    }

    fn end_deal(&mut self, deal: &Deal) {
        self.next_turn(deal.opener);
    }

    /// Whether `side` may take back its last action: it was that side's, and it revealed nothing
    /// new (no draw, no shock, no reply from the other side).
    pub fn can_undo(&self, side: Side) -> bool {
        self.record.len() > self.undo_floor && self.record.last().is_some_and(|r| r.side == side)
    }

    /// Takes back the last action by rebuilding the game from the seed and the shortened record.
    pub fn undo(&mut self, side: Side) -> bool {
        if !self.can_undo(side) {
            return false;
        }
        let actions: Vec<Action> = self.record[..self.record.len() - 1]
            .iter()
            .map(|r| r.action)
            .collect();
        match Game::replay(self.content.clone(), self.seed, &actions) {
            Ok(game) => {
                *self = game;
                true
            }
            Err(_) => false,
        }
    }

    /// Rebuilds a game from its seed and actions. Fails at the first action the rules refuse.
    pub fn replay(
        content: Arc<Content>,
        seed: u64,
        actions: &[Action],
    ) -> Result<Game, (usize, RuleError)> {
        let mut game = Game::new(content, seed);
        let mut events = Vec::new();
        for (i, action) in actions.iter().enumerate() {
            events.clear();
            game.apply_into(*action, &mut events).map_err(|e| (i, e))?;
        }
        Ok(game)
    }
}
