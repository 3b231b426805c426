//! The end of a round: held cards firing, the summit (ongoing shocks, pressures, aims, band
//! payments, the symmetry bonus) and the end of the game. The round's start is in `round.rs`.

use super::content::CardId;
use super::event::{Cause, Event, PlayMode, ScoreReason};
use super::ids::{Duration, Meter, Side};
use super::outcome::{Ending, Outcome};
use super::state::{Game, Phase};

impl Game {
    /// Under `held_cards_fire`, each side's cards of the other side still in hand fire for their
    /// owner, Washington's hand first, then leave the hand as a played card would, all but the
    /// `held_keep` most recently drawn. A rupture they cause is blamed on no one (the holder did
    /// not choose the event, and its owner did not play it: `event_blame`).
    pub(super) fn fire_held_cards(&mut self, ev: &mut Vec<Event>) {
        if !self.content.rules.held_cards_fire {
            return;
        }
        let keep = usize::from(self.content.rules.held_keep);
        for side in Side::BOTH {
            let mut held: Vec<CardId> = self.hands[side.index()]
                .iter()
                .copied()
                .filter(|c| self.content.card(*c).side.owner() == Some(side.other()))
                .collect();
            // The most recently drawn stay in hand (`held_keep`).
            held.truncate(held.len().saturating_sub(keep));
            for card in held {
                if self.rupture.is_some() {
                    return;
                }
                // An earlier held card's event may have discarded this one.
                if !self.hands[side.index()].contains(&card) {
                    continue;
                }
                self.take_from_hand(side, card);
                self.play_event(side, card, PlayMode::Held, ev);
            }
        }
    }

    /// Whether both balances are in their bands and cohesion is at or above its floor.
    pub(crate) fn is_symmetric(&self) -> bool {
        self.content.rules.is_symmetric(&self.board.meters)
    }

    pub(super) fn summit(&mut self, ev: &mut Vec<Event>) {
        let content = self.content.clone();
        let rules = &content.rules;
        let round = self.board.round;
        let last = round >= rules.rounds;
        for shock in self.board.in_play.clone() {
            let cause = Cause::Shock { shock };
            self.apply_effects(
                &content.shock(shock).ongoing,
                Side::Washington,
                cause,
                None,
                ev,
            );
        }
        for (index, pressure) in rules.pressures.iter().enumerate() {
            if self.rupture.is_none() && self.holds(&pressure.when) {
                let cause = Cause::Pressure { index: index as u8 };
                self.apply_effects(&pressure.effects, Side::Washington, cause, None, ev);
            }
        }
        if self.rupture.is_some() {
            return;
        }
        self.score_aims(ev);
        self.score_bands(ev);
        let symmetric = self.is_symmetric();
        if symmetric {
            let mult = if last {
                rules.final_symmetry_multiplier
            } else {
                1
            };
            let points = rules.symmetry_bonus.saturating_mul(mult);
            for side in Side::BOTH {
                self.add_score(side, points, ScoreReason::Symmetry, Cause::Summit, ev);
            }
        }
        let ended: Vec<u16> = self
            .board
            .in_play
            .iter()
            .copied()
            .filter(|s| content.shock(*s).duration == Duration::Round)
            .collect();
        self.board.in_play.retain(|s| !ended.contains(s));
        ev.extend(ended.into_iter().map(|shock| Event::ShockEnded { shock }));
        self.board.history.push(self.snapshot());
        let scores = self.board.scores;
        ev.push(Event::Summit {
            round,
            scores,
            symmetric,
            last,
        });
        if last {
            let ending = rules.ending_under(rules.lens, scores);
            self.finish(ending, ev);
        } else {
            self.begin_round(round + 1, ev);
        }
    }

    fn score_aims(&mut self, ev: &mut Vec<Event>) {
        let content = self.content.clone();
        for side in Side::BOTH {
            for aim in &content.rules.aims[side.index()] {
                let on_table = self.board.on_table[side.index()] == Some(aim.meter);
                let agenda = content.rules.agenda_times(on_table);
                let (points, doubled) =
                    aim.summit_points(self.meter(aim.meter), self.board.priority, agenda);
                let reason = ScoreReason::Aim {
                    meter: aim.meter,
                    doubled,
                    on_table,
                };
                self.add_score(side, points, reason, Cause::Summit, ev);
            }
        }
    }

    /// Pays each balance's side for its band holding (`band_pays`, `band_bonus`).
    fn score_bands(&mut self, ev: &mut Vec<Event>) {
        let content = self.content.clone();
        let rules = &content.rules;
        for m in Meter::ALL {
            let t = rules.track(m);
            if let (Some((lo, hi)), Some(side)) = (t.band, t.band_pays)
                && (lo..=hi).contains(&self.meter(m))
            {
                self.add_score(
                    side,
                    rules.band_bonus,
                    ScoreReason::Band { meter: m },
                    Cause::Summit,
                    ev,
                );
            }
        }
    }

    pub(crate) fn add_score(
        &mut self,
        side: Side,
        points: i8,
        reason: ScoreReason,
        cause: Cause,
        ev: &mut Vec<Event>,
    ) {
        if points != 0 {
            self.board.scores[side.index()] += i16::from(points);
            ev.push(Event::Scored {
                side,
                points,
                reason,
                cause,
            });
        }
    }

    pub(super) fn finish(&mut self, ending: Ending, ev: &mut Vec<Event>) {
        let symmetric = !matches!(ending, Ending::Rupture { .. }) && self.is_symmetric();
        let outcome = Outcome {
            ending,
            scores: self.board.scores,
            symmetric,
            round: self.board.round,
        };
        self.phase = Phase::Over(outcome);
        ev.push(Event::GameOver { outcome });
    }
}
