//! A cheap "what if" of one decision on the public board, for the greedy bot. It mirrors the
//! engine's effects on meters, scores and priority without cloning a game, which keeps greedy
//! play at thousands of games a second. Hidden parts (draws, discards) are valued, not played.

use super::eval::Position;
use crate::engine::{Action, Board, CardId, Content, Effect, Meter, Side, Situation, Term, View};

/// What a card in hand is worth in projected points (drawing one, or giving one away).
pub(crate) const CARD_WORTH: f32 = 0.8;
/// What one more action this round is worth.
const ACTION_WORTH: f32 = 1.0;
/// What one step of the next shock's size costs Seoul (shocks mostly hit Seoul's items).
const SHOCK_STEP: f32 = 0.5;

/// A position being changed by effects, with the board it started from for requirements.
pub(crate) struct Sketch<'a> {
    pub content: &'a Content,
    pub board: &'a Board,
    pub(crate) pos: Position<'a>,
}

impl<'a> Sketch<'a> {
    pub(crate) fn new(content: &'a Content, board: &'a Board) -> Self {
        let pos = Position::of(board);
        Sketch {
            content,
            board,
            pos,
        }
    }

    pub(crate) fn of_view(view: &'a View) -> Self {
        Self::new(view.content, view.board)
    }

    /// Moves a meter as the engine does: held to its range, and a cohesion of 0 is a rupture
    /// blamed on `actor`.
    pub(crate) fn move_meter(&mut self, meter: Meter, by: i32, actor: Option<Side>) {
        if by == 0 || self.pos.rupture.is_some() {
            return;
        }
        let v = &mut self.pos.meters[meter.index()];
        let to = self.content.rules.track(meter).moved(*v, by);
        if to == *v {
            return;
        }
        *v = to;
        if meter == Meter::Cohesion && to <= 0 {
            self.pos.rupture = Some(actor);
        }
    }

    pub(crate) fn effects(&mut self, effects: &[Effect], me: Side, actor: Option<Side>) {
        for e in effects {
            if self.pos.rupture.is_some() {
                return;
            }
            match *e {
                Effect::Move { meter, by } => self.move_meter(meter, i32::from(by), actor),
                Effect::Draw { who, count } => {
                    self.pos.extra[who.resolve(me).index()] += CARD_WORTH * f32::from(count)
                }
                Effect::Discard { who, count } => {
                    self.pos.extra[who.resolve(me).index()] -= CARD_WORTH * f32::from(count)
                }
                Effect::ShockSize { by } => {
                    self.pos.extra[Side::Seoul.index()] -= SHOCK_STEP * f32::from(by)
                }
                Effect::FlipPriority => self.pos.priority = self.pos.priority.flipped(),
                Effect::SetPriority { to } => self.pos.priority = to,
                Effect::Score { who, points } => {
                    self.pos.scores[who.resolve(me).index()] += i16::from(points)
                }
                Effect::Actions { who, by } => {
                    self.pos.extra[who.resolve(me).index()] += ACTION_WORTH * f32::from(by)
                }
                Effect::EndStructural { .. } | Effect::Prevent { .. } => {}
            }
        }
    }

    /// The situation requirements read: the sketched levels on the starting board.
    fn situation(&self) -> Situation<'_> {
        Situation {
            shocks: &self.content.shocks,
            board: self.board,
            meters: &self.pos.meters,
            priority: self.pos.priority,
        }
    }

    /// Whether every condition holds at the sketched levels (the engine's test). Play asks it
    /// through [`Sketch::event`]; the agreement tests ask it directly.
    #[cfg(test)]
    pub(crate) fn holds(&self, conditions: &[crate::engine::Condition]) -> bool {
        self.situation().holds(conditions)
    }

    /// Fires a card's event for its owner (an either-side card for `actor`), if it may fire.
    pub(crate) fn event(&mut self, card: CardId, actor: Side) {
        if self.situation().event_blocked(self.content, card).is_some() {
            return;
        }
        let c = self.content.card(card);
        let owner = c.side.owner().unwrap_or(actor);
        self.effects(&c.effects, owner, crate::engine::event_blame(owner, actor));
    }

    /// Spends a card's operations points (as the engine counts them, plus `bonus`) on one of its
    /// options.
    pub(crate) fn ops(&mut self, side: Side, card: CardId, option: u8, bonus: u8) {
        let points = self
            .content
            .ops_value(card, self.board)
            .saturating_add(bonus);
        for (meter, by) in self.content.ops_moves(side, card, option, points) {
            self.move_meter(meter, by, Some(side));
        }
    }

    /// Plays a card action (headline, event or operations) by `side`. Card loss is not counted:
    /// every card play spends one card.
    pub(crate) fn card_action(&mut self, side: Side, action: Action) {
        match action {
            Action::Headline { card } => self.event(card, side),
            Action::Event { card } => {
                self.event(card, side);
                let rules = &self.content.rules;
                let gain = rules.initiative_gain(self.content.card(card), side);
                if gain > 0 {
                    self.move_meter(
                        crate::engine::Rules::leverage_meter(side),
                        gain.into(),
                        Some(side),
                    );
                }
            }
            Action::Ops {
                card,
                option,
                event_first,
            } => {
                let theirs = self.content.card(card).side.owner() == Some(side.other());
                if theirs && event_first {
                    self.event(card, side);
                }
                self.ops(side, card, option, 0);
                if theirs && !event_first {
                    self.event(card, side);
                }
            }
            Action::Boost { card, option } => {
                let lev = self.content.rules.leverage;
                self.spend_leverage(side, lev.boost_cost);
                self.ops(side, card, option, lev.boost_ops);
            }
            Action::SetAside { .. } => {
                self.spend_leverage(side, self.content.rules.leverage.set_aside)
            }
            _ => {}
        }
    }

    fn spend_leverage(&mut self, side: Side, cost: i8) {
        let meter = crate::engine::Rules::leverage_meter(side);
        self.move_meter(meter, -i32::from(cost), Some(side));
    }

    /// Under `held_cards_fire`, the events of the other side's cards that stay in `view`'s hand
    /// (all but `played`) fire for their owner when the round's actions end, so a bot that keeps
    /// one pays for it as surely as one that plays it. Sketched at once, after the decision.
    pub(crate) fn held_fire(&mut self, view: &View, played: Option<CardId>) {
        if !self.content.rules.held_cards_fire {
            return;
        }
        let me = view.side;
        let theirs = |c: &&CardId| {
            Some(**c) != played && self.content.card(**c).side.owner() == Some(me.other())
        };
        let held: Vec<CardId> = view.hand.iter().filter(theirs).copied().collect();
        let fire = held
            .len()
            .saturating_sub(usize::from(self.content.rules.held_keep));
        for &card in &held[..fire] {
            self.event(card, me);
        }
    }

    /// Carries out a deal term given by `giver` (as in the engine, a rupture an accepted bundle
    /// causes is blamed on neither side).
    pub(crate) fn term(&mut self, term: Term, giver: Side) {
        match term {
            Term::Vocab(i) => {
                let rules = &self.content.rules.deals;
                if let Some(t) = rules.terms.get(usize::from(i)) {
                    self.effects(&t.effects, giver, None);
                }
            }
            Term::Card(_) => {
                self.pos.extra[giver.index()] -= CARD_WORTH;
                self.pos.extra[giver.other().index()] += CARD_WORTH;
            }
        }
    }
}

#[cfg(test)]
#[path = "sketch_tests.rs"]
pub(crate) mod agrees;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Data;
    use crate::engine::{Event, Game, Phase};
    use rand::RngExt;
    use std::sync::Arc;

    /// The sketch must move the meters exactly as the engine does for every card action that
    /// draws and discards nothing, or the greedy bot would misjudge its options.
    #[test]
    fn sketch_matches_the_engine_on_card_actions() {
        let content = Arc::new(Data::embedded().build().expect("valid data"));
        let mut checked = 0;
        for seed in 0..40 {
            let mut game = Game::new(content.clone(), seed);
            let mut pick = crate::engine::rng::stream(seed, 7);
            while let Some(side) = game.to_move() {
                let legal = game.legal_actions();
                let in_actions = matches!(game.phase(), Phase::Actions { .. });
                let last = game.board().actions_left.iter().sum::<u8>() <= 1;
                if in_actions && !last {
                    for &a in legal
                        .iter()
                        .filter(|a| a.card().is_some() && !matches!(a, Action::Headline { .. }))
                    {
                        let mut after = game.clone();
                        let events = after.apply(a).expect("legal");
                        let hidden = events
                            .iter()
                            .any(|e| matches!(e, Event::Drew { .. } | Event::Discarded { .. }));
                        if hidden {
                            continue;
                        }
                        let mut s = Sketch::new(&content, game.board());
                        s.card_action(side, a);
                        assert_eq!(s.pos.meters, after.board().meters, "{a:?} in game {seed}");
                        assert_eq!(s.pos.priority, after.board().priority, "{a:?}");
                        checked += 1;
                    }
                }
                let a = legal[pick.random_range(0..legal.len())];
                game.apply(a).expect("legal");
            }
        }
        assert!(checked > 1000, "only {checked} actions checked");
    }
}
