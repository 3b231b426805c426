//! A cheap "what if" of one decision on the public board, for the greedy bot. It mirrors the
//! engine's effects on meters, scores and priority without cloning a game, which keeps greedy
//! play at thousands of games a second. Hidden parts (draws, discards) are valued, not played.

use super::eval::Position;
use crate::engine::{
    Action, Board, CardId, Condition, Content, Duration, Effect, Meter, Side, Term, View,
};

/// What a card in hand is worth in projected points (drawing one, or giving one away).
pub const CARD_WORTH: f32 = 0.8;
/// What one more action this round is worth.
const ACTION_WORTH: f32 = 1.0;
/// What one step of the next shock's size costs Seoul (shocks mostly hit Seoul's items).
const SHOCK_STEP: f32 = 0.5;

/// A position being changed by effects, with the board it started from for requirements.
pub struct Sketch<'a> {
    pub content: &'a Content,
    pub board: &'a Board,
    pub pos: Position,
}

impl<'a> Sketch<'a> {
    pub fn new(content: &'a Content, board: &'a Board) -> Self {
        let pos = Position::of(board);
        Sketch {
            content,
            board,
            pos,
        }
    }

    pub fn of_view(view: &'a View) -> Self {
        Self::new(view.content, view.board)
    }

    pub fn move_meter(&mut self, meter: Meter, by: i32, actor: Option<Side>) {
        if by == 0 || self.pos.rupture.is_some() {
            return;
        }
        let t = self.content.rules.track(meter);
        let v = &mut self.pos.meters[meter.index()];
        *v = (i32::from(*v) + by).clamp(i32::from(t.min), i32::from(t.max)) as i8;
        if meter == Meter::Cohesion && *v <= 0 {
            self.pos.rupture = Some(actor);
        }
    }

    pub fn effects(&mut self, effects: &[Effect], me: Side, actor: Option<Side>) {
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

    pub fn holds(&self, conditions: &[Condition]) -> bool {
        conditions.iter().all(|c| match *c {
            Condition::AtLeast { meter, value } => self.pos.meters[meter.index()] >= value,
            Condition::AtMost { meter, value } => self.pos.meters[meter.index()] <= value,
            Condition::Priority { is } => self.pos.priority == is,
            Condition::Structural { domain } => self.board.in_play.iter().any(|s| {
                let shock = self.content.shock(*s);
                shock.duration == Duration::Structural && domain.is_none_or(|d| d == shock.domain)
            }),
            Condition::Played { card } => self.board.played.contains(card.0),
        })
    }

    /// Fires a card's event for its owner (an either-side card for `actor`), if it may fire.
    pub fn event(&mut self, card: CardId, actor: Side) {
        let c = self.content.card(card);
        if self.board.prevented.contains(card) || !self.holds(&c.requires) {
            return;
        }
        let owner = c.side.owner().unwrap_or(actor);
        self.effects(&c.effects, owner, Some(actor));
    }

    /// The operations points a card gives now, after shocks in play (as the engine counts them).
    pub fn ops_value(&self, card: CardId) -> i32 {
        let c = self.content.card(card);
        let modifier: i32 = self
            .board
            .in_play
            .iter()
            .filter_map(|s| self.content.shock(*s).ops_mod)
            .filter(|(kind, _)| *kind == c.kind)
            .map(|(_, by)| i32::from(by))
            .sum();
        (i32::from(c.ops) + modifier).clamp(1, 9)
    }

    pub fn ops(&mut self, side: Side, card: CardId, option: u8) {
        let kind = self.content.card(card).kind;
        let points = self.ops_value(card);
        let options = self.content.rules.ops_options(side, kind);
        if let Some(opt) = options.get(usize::from(option)) {
            for step in &opt.per_point {
                self.move_meter(step.meter, step.scaled(points), Some(side));
            }
        }
    }

    /// Plays a card action (headline, event or operations) by `side`. Card loss is not counted:
    /// every card play spends one card.
    pub fn card_action(&mut self, side: Side, action: Action) {
        match action {
            Action::Headline { card } | Action::Event { card } => self.event(card, side),
            Action::Ops {
                card,
                option,
                event_first,
            } => {
                let theirs = self.content.card(card).side.owner() == Some(side.other());
                if theirs && event_first {
                    self.event(card, side);
                }
                self.ops(side, card, option);
                if theirs && !event_first {
                    self.event(card, side);
                }
            }
            _ => {}
        }
    }

    /// Carries out a deal term given by `giver`, in a deal opened by `opener`.
    pub fn term(&mut self, term: Term, giver: Side, opener: Side) {
        match term {
            Term::Vocab(i) => {
                let rules = &self.content.rules.deals;
                if let Some(t) = rules.terms.get(usize::from(i)) {
                    self.effects(&t.effects, giver, Some(opener));
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
                        .filter(|a| matches!(a, Action::Event { .. } | Action::Ops { .. }))
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
