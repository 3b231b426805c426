//! Carrying out effects and testing requirements. Every change made here carries its cause.

use super::content::CardId;
use super::effect::{Condition, Effect};
use super::event::{Cause, Event, Fizzle, PlayMode, ScoreReason};
use super::ids::{Duration, Meter, Side};
use super::rulings::Situation;
use super::state::Game;
use rand::RngExt;

impl Game {
    /// Moves a meter, clamped to its range. A cohesion of 0 marks a rupture, blamed on `actor`.
    /// Inlined: every effect and every ops point comes through here.
    #[inline]
    pub(crate) fn move_meter(
        &mut self,
        meter: Meter,
        by: i32,
        cause: Cause,
        actor: Option<Side>,
        ev: &mut Vec<Event>,
    ) {
        if by == 0 {
            return;
        }
        let track = self.content.rules.track(meter);
        let from = self.board.meters[meter.index()];
        let to = track.moved(from, by);
        if to == from {
            // Nothing moved: the track stood at the end the change pushed toward. Players are
            // told, so a wasted step is never a silent one.
            ev.push(Event::Unmoved {
                meter,
                at: from,
                cause,
            });
            return;
        }
        self.board.meters[meter.index()] = to;
        ev.push(Event::Moved {
            meter,
            from,
            to,
            cause,
        });
        if meter == Meter::Cohesion && to <= 0 && self.rupture.is_none() {
            self.rupture = Some(actor);
        }
    }

    /// Applies effects for side `me` (who `self` means), stopping at once if the alliance ruptures.
    pub(crate) fn apply_effects(
        &mut self,
        effects: &[Effect],
        me: Side,
        cause: Cause,
        actor: Option<Side>,
        ev: &mut Vec<Event>,
    ) {
        for effect in effects {
            if self.rupture.is_some() {
                return;
            }
            self.apply_effect(*effect, me, cause, actor, ev);
        }
    }

    fn apply_effect(
        &mut self,
        effect: Effect,
        me: Side,
        cause: Cause,
        actor: Option<Side>,
        ev: &mut Vec<Event>,
    ) {
        match effect {
            Effect::Move { meter, by } => self.move_meter(meter, i32::from(by), cause, actor, ev),
            Effect::Draw { who, count } => self.draw(who.resolve(me), usize::from(count), ev),
            Effect::Discard { who, count } => {
                for _ in 0..count {
                    self.discard_random(who.resolve(me), cause, ev);
                }
            }
            Effect::ShockSize { by } => {
                self.board.next_shock_mod =
                    self.board.next_shock_mod.saturating_add(by).clamp(-6, 6);
                ev.push(Event::NextShockModified { by, cause });
            }
            Effect::FlipPriority => self.set_priority(self.board.priority.flipped(), cause, ev),
            Effect::SetPriority { to } => self.set_priority(to, cause, ev),
            Effect::EndStructural { domain } => {
                let content = self.content.clone();
                let ends = |s: &u16| {
                    let shock = content.shock(*s);
                    shock.duration == Duration::Structural
                        && domain.is_none_or(|d| d == shock.domain)
                };
                let ended: Vec<u16> = self.board.in_play.iter().copied().filter(ends).collect();
                self.board.in_play.retain(|s| !ended.contains(s));
                ev.extend(ended.into_iter().map(|shock| Event::ShockEnded { shock }));
            }
            Effect::Prevent { card } => {
                self.board.prevented.insert(card.0);
                ev.push(Event::Prevented {
                    card: card.0,
                    cause,
                });
            }
            Effect::Score { who, points } => {
                self.add_score(who.resolve(me), points, ScoreReason::Effect, cause, ev)
            }
            Effect::Actions { who, by } => {
                let side = who.resolve(me);
                let cap = i16::from(self.content.rules.actions_per_round) + 2;
                let left = &mut self.board.actions_left[side.index()];
                *left = (i16::from(*left) + i16::from(by)).clamp(0, cap) as u8;
                ev.push(Event::ActionsChanged { side, by, cause });
            }
        }
    }

    fn set_priority(&mut self, to: super::ids::Priority, cause: Cause, ev: &mut Vec<Event>) {
        if self.board.priority != to {
            self.board.priority = to;
            ev.push(Event::PriorityChanged { to, cause });
        }
    }

    fn discard_random(&mut self, side: Side, cause: Cause, ev: &mut Vec<Event>) {
        let hand = &mut self.hands[side.index()];
        if hand.is_empty() {
            return;
        }
        let i = self.draw_rng.random_range(0..hand.len());
        let card = hand.remove(i);
        self.board.discard.push(card);
        ev.push(Event::Discarded { side, card, cause });
    }

    /// Whether every condition holds now. Inlined: most cards and terms have no requirement, and
    /// the legal-move list asks this for each of them at every decision.
    #[inline]
    pub(crate) fn holds(&self, conditions: &[Condition]) -> bool {
        conditions.is_empty() || Situation::of_board(&self.content, &self.board).holds(conditions)
    }

    /// Why a card's event could not fire now, if it could not.
    pub(crate) fn event_blocked(&self, card: CardId) -> Option<Fizzle> {
        Situation::of_board(&self.content, &self.board).event_blocked(&self.content, card)
    }

    /// Fires a card's event for its owner (for an either-side card, for `actor`). Returns whether
    /// it fired.
    pub(crate) fn fire_event(&mut self, card: CardId, actor: Side, ev: &mut Vec<Event>) -> bool {
        let owner = self.content.card(card).side.owner().unwrap_or(actor);
        if let Some(why) = self.event_blocked(card) {
            ev.push(Event::EventFizzled {
                card,
                side: owner,
                why,
            });
            return false;
        }
        ev.push(Event::EventFired { card, side: owner });
        self.board.played.insert(card);
        // Effect by effect (they are `Copy`) rather than through a clone of the content's `Arc`:
        // an atomic count at every event was a visible share of a random game.
        let cause = Cause::Card { card, side: owner };
        let blame = event_blame(owner, actor);
        for i in 0..self.content.card(card).effects.len() {
            if self.rupture.is_some() {
                break;
            }
            let effect = self.content.card(card).effects[i];
            self.apply_effect(effect, owner, cause, blame, ev);
        }
        true
    }

    /// Plays a card already out of `side`'s hand for its event, then puts it away.
    pub(crate) fn play_event(
        &mut self,
        side: Side,
        card: CardId,
        mode: PlayMode,
        ev: &mut Vec<Event>,
    ) {
        ev.push(Event::CardPlayed { side, card, mode });
        let fired = self.fire_event(card, side, ev);
        self.dispose(card, fired, ev);
    }

    /// Puts a played card on the discard pile, or out of the game if its one-time event fired.
    pub(crate) fn dispose(&mut self, card: CardId, fired: bool, ev: &mut Vec<Event>) {
        if fired && self.content.card(card).once {
            self.board.removed.push(card);
            ev.push(Event::CardRemoved { card });
        } else {
            self.board.discard.push(card);
        }
    }

    pub(crate) fn take_from_hand(&mut self, side: Side, card: CardId) {
        let hand = &mut self.hands[side.index()];
        if let Some(i) = hand.iter().position(|c| *c == card) {
            // Shifted by hand rather than `Vec::remove`, whose call cost more than the shift of
            // a hand's few cards. The order is kept: random discards pick by position.
            for j in i + 1..hand.len() {
                hand[j - 1] = hand[j];
            }
            hand.pop();
        }
    }
}

/// Who is blamed when a card's event, fired for `owner` because `actor` played or held it,
/// ruptures the alliance: the actor for its own (or an either-side) card; no one for the other
/// side's card, so both lose (rules v2). The actor did not choose that event, and its owner did
/// not play it; before, the actor was blamed, and a side could win by leaving its cohesion-
/// cutting cards in the other's hand.
pub(crate) fn event_blame(owner: Side, actor: Side) -> Option<Side> {
    (owner == actor).then_some(actor)
}
