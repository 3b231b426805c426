//! The automatic parts of a round: setup, draw, the order shock, the headline reveal, the summit
//! and the end of the game. Decisions are handled in `play.rs`.

use super::content::{CardId, Content, Inject};
use super::effect::Effect;
use super::event::{Cause, Event, PlayMode};
use super::ids::{Duration, Meter, Side};
use super::outcome::Ending;
use super::rng::{self, AGENDA_STREAM, DRAW_STREAM, SHOCK_STREAM};
use super::state::{Board, CardSet, Game, Phase, Pick, Snapshot};
use rand::seq::SliceRandom;
use std::sync::Arc;

impl Game {
    /// A new game from a seed, ready for round 1's headline.
    pub fn new(content: Arc<Content>, seed: u64) -> Game {
        Self::start(content, seed).0
    }

    /// A new game, with the events of setup and round 1's draw and shock.
    pub fn start(content: Arc<Content>, seed: u64) -> (Game, Vec<Event>) {
        let rules = &content.rules;
        let mut shock_deck: Vec<u16> = (0..content.shocks.len() as u16).collect();
        shock_deck.shuffle(&mut rng::stream(seed, SHOCK_STREAM));
        let mut draw_rng = rng::stream(seed, DRAW_STREAM);
        let mut agenda_deck: Vec<u8> = (0..rules.agenda.len() as u8).collect();
        agenda_deck.shuffle(&mut rng::stream(seed, AGENDA_STREAM));
        // Cards of a later era wait outside the deck (rules `middle_era`, `late_era`).
        let mut deck: Vec<CardId> = (0..content.cards.len() as u16)
            .filter(|c| content.entry_round(*c) <= 1)
            .collect();
        deck.shuffle(&mut draw_rng);
        let meters = std::array::from_fn(|i| rules.tracks[i].start);
        let board = Board {
            round: 0,
            meters,
            priority: rules.priority_start,
            scores: [0, 0],
            actions_left: [0, 0],
            shock: None,
            agenda: None,
            on_table: [None; 2],
            shock_size: 0,
            in_play: Vec::new(),
            shocks_seen: Vec::new(),
            next_shock_mod: 0,
            prevented: CardSet::with_capacity(content.cards.len()),
            played: CardSet::with_capacity(content.cards.len()),
            discard: Vec::with_capacity(content.cards.len()),
            removed: Vec::new(),
            deal_bonus_used: [false; 2],
            history: Vec::new(),
        };
        let mut game = Game {
            content: content.clone(),
            seed,
            board,
            phase: Phase::Headline {
                picks: [Pick::Skipped; 2],
            },
            hands: [Vec::with_capacity(10), Vec::with_capacity(10)],
            deck,
            shock_deck,
            agenda_deck,
            draw_rng,
            // Room for a whole game, so the simulator's hot loop never regrows it.
            record: Vec::with_capacity(256),
            undo_floor: 0,
            rupture: None,
        };
        game.board.history.push(game.snapshot());
        let mut events = Vec::new();
        game.begin_round(1, &mut events);
        game.settle(&mut events);
        (game, events)
    }

    pub(crate) fn snapshot(&self) -> Snapshot {
        Snapshot {
            round: self.board.round,
            meters: self.board.meters,
            scores: self.board.scores,
            priority: self.board.priority,
            on_table: self.board.on_table,
        }
    }

    pub(crate) fn begin_round(&mut self, round: u8, ev: &mut Vec<Event>) {
        let per_round = self.content.rules.actions_per_round;
        self.board.round = round;
        self.board.deal_bonus_used = [false; 2];
        self.board.actions_left = [per_round; 2];
        self.board.shock = None;
        ev.push(Event::RoundStarted { round });
        self.enter_era_cards(round, ev);
        for side in Side::BOTH {
            let want = usize::from(self.content.rules.hand_size);
            let have = self.hands[side.index()].len();
            self.draw(side, want.saturating_sub(have), ev);
        }
        self.reveal_shock(ev);
        self.fire_injects(ev);
        self.reveal_agenda(ev);
        let pick = |g: &Game, s: Side| {
            if g.hands[s.index()].is_empty() {
                Pick::Skipped
            } else {
                Pick::Pending
            }
        };
        self.phase = Phase::Headline {
            picks: [pick(self, Side::Washington), pick(self, Side::Seoul)],
        };
    }

    /// Shuffles into the draw deck the cards whose era begins this round. Which cards wait for
    /// a later round is public (a function of the content and the round), so no state holds
    /// them, and a bot's guess at the hidden cards never includes them.
    fn enter_era_cards(&mut self, round: u8, ev: &mut Vec<Event>) {
        if round <= 1 || !self.content.rules.era_rounds[1..].contains(&round) {
            return;
        }
        let before = self.deck.len();
        for card in 0..self.content.cards.len() as u16 {
            if self.content.entry_round(card) == round {
                self.deck.push(card);
            }
        }
        let entered = self.deck.len() - before;
        if entered > 0 {
            self.deck.shuffle(&mut self.draw_rng);
            ev.push(Event::CardsEntered {
                round,
                cards: entered as u16,
            });
        }
    }

    /// Draws up to `count` cards, reshuffling the discard pile into the deck when it runs out.
    pub(crate) fn draw(&mut self, side: Side, count: usize, ev: &mut Vec<Event>) {
        let mut drawn = 0;
        for _ in 0..count {
            if self.deck.is_empty() && !self.board.discard.is_empty() {
                self.deck = std::mem::take(&mut self.board.discard);
                self.deck.shuffle(&mut self.draw_rng);
                ev.push(Event::Reshuffled {
                    cards: self.deck.len() as u16,
                });
            }
            let Some(card) = self.deck.pop() else { break };
            self.hands[side.index()].push(card);
            drawn += 1;
        }
        if drawn > 0 {
            ev.push(Event::Drew { side, count: drawn });
        }
    }

    fn reveal_shock(&mut self, ev: &mut Vec<Event>) {
        let round = self.board.round;
        let Some(id) = self.scheduled_shock(round) else {
            return;
        };
        let content = self.content.clone();
        let shock = content.shock(id);
        let rules = &content.rules;
        let uncertainty = usize::try_from(self.meter(Meter::Uncertainty)).unwrap_or(0);
        let modifier = rules
            .size_by_uncertainty
            .get(uncertainty)
            .copied()
            .unwrap_or(0);
        let size =
            (i16::from(shock.size) + i16::from(modifier) + i16::from(self.board.next_shock_mod))
                .clamp(0, 20) as u8;
        self.board.next_shock_mod = 0;
        let layer = rules.layer_for[shock.domain.index()];
        let absorbed = size.min(self.meter(layer).max(0) as u8);
        let injected = content
            .injects
            .iter()
            .any(|i| matches!(i, Inject::ReplaceShock { round: r, .. } if *r == round));
        ev.push(Event::ShockRevealed {
            shock: id,
            size,
            absorbed,
            layer,
            injected,
        });
        self.board.shock = Some(id);
        self.board.shock_size = size;
        self.board.shocks_seen.push(id);
        if absorbed > 0 {
            self.move_meter(layer, -1, Cause::Layer { layer }, None, ev);
        }
        let cause = Cause::Shock { shock: id };
        let remaining = i32::from(size - absorbed);
        for hit in &shock.hits {
            self.move_meter(hit.meter, hit.scaled(remaining), cause, None, ev);
        }
        self.apply_effects(&shock.effects, Side::Washington, cause, None, ev);
        if shock.duration != Duration::Instant {
            self.board.in_play.push(id);
        }
    }

    /// Reveals this round's agenda card and puts its aims on the table: both sides', or under
    /// `agenda_favours = "trailing"` only the side behind (both on a tie; under the absolute lens
    /// behind means the smaller share of its own target, `rulings::leader_on`). It comes after the
    /// shock and the injects, so the whole round's situation is known before the headlines.
    fn reveal_agenda(&mut self, ev: &mut Vec<Event>) {
        use super::content::AgendaFavours;
        let n = self.agenda_deck.len();
        if n == 0 {
            return;
        }
        let index = self.agenda_deck[(usize::from(self.board.round) - 1) % n];
        let card = &self.content.rules.agenda[usize::from(index)];
        let rules = &self.content.rules;
        let ahead = super::rulings::leader_on(self.board.scores, rules.lead_targets());
        let sides = match rules.agenda_favours {
            AgendaFavours::Both => [true, true],
            AgendaFavours::Trailing => Side::BOTH.map(|side| ahead != Some(side)),
        };
        let on_table = std::array::from_fn(|i| sides[i].then_some(card.aims[i]));
        self.board.agenda = Some(index);
        self.board.on_table = on_table;
        ev.push(Event::AgendaRevealed {
            agenda: index,
            on_table,
        });
    }

    fn fire_injects(&mut self, ev: &mut Vec<Event>) {
        let content = self.content.clone();
        let round = self.board.round;
        for inject in &content.injects {
            if let Inject::Event {
                round: r,
                title,
                effects,
                ..
            } = inject
                && *r == round
            {
                ev.push(Event::InjectFired {
                    round,
                    title: title.clone(),
                });
                self.apply_effects(effects, Side::Washington, Cause::Inject { round }, None, ev);
            }
        }
    }

    /// Fires an instructor's inject released during play (the facilitator's console of the
    /// class server): `effects` apply at once for side `me`, caused by this round's inject, and
    /// the game settles as after an action (a rupture ends it). The actions before it can no
    /// longer be taken back. The caller keeps it in its record, which replays it at this point.
    pub fn fire_inject(&mut self, title: &str, effects: &[Effect], me: Side) -> Vec<Event> {
        let round = self.board.round;
        let mut ev = vec![Event::InjectFired {
            round,
            title: title.to_owned(),
        }];
        if !self.is_over() {
            self.apply_effects(effects, me, Cause::Inject { round }, None, &mut ev);
            self.settle(&mut ev);
        }
        self.undo_floor = self.record.len();
        ev
    }

    /// Reveals both headline cards and resolves them, higher ops first (Washington on a tie).
    pub(crate) fn resolve_headlines(&mut self, picks: [Pick; 2], ev: &mut Vec<Event>) {
        let chosen = |p: Pick| match p {
            Pick::Chosen(c) => Some(c),
            _ => None,
        };
        let (w, s) = (chosen(picks[0]), chosen(picks[1]));
        ev.push(Event::HeadlinesRevealed {
            washington: w,
            seoul: s,
        });
        let ops = |c: Option<CardId>| c.map_or(0, |c| self.content.card(c).ops);
        let order = if ops(s) > ops(w) {
            [(Side::Seoul, s), (Side::Washington, w)]
        } else {
            [(Side::Washington, w), (Side::Seoul, s)]
        };
        // Both cards leave the hands at the reveal, so the first event cannot discard the second.
        for (side, card) in order {
            if let Some(card) = card {
                self.take_from_hand(side, card);
            }
        }
        for (side, card) in order {
            let Some(card) = card else { continue };
            if self.rupture.is_some() {
                self.board.discard.push(card);
                continue;
            }
            self.play_event(side, card, PlayMode::Headline, ev);
        }
        let first = if self.board.round % 2 == 1 {
            Side::Washington
        } else {
            Side::Seoul
        };
        self.phase = Phase::Actions { to_move: first };
    }

    /// Runs every automatic step until a side must decide or the game ends.
    #[inline]
    pub(crate) fn settle(&mut self, ev: &mut Vec<Event>) {
        // Most steps leave a side with an action to take, or a deal under way: nothing is
        // automatic then, and this runs after every decision.
        let waiting = match self.phase {
            Phase::Actions { to_move } => self.board.actions_left[to_move.index()] > 0,
            Phase::Deal(_) => true,
            _ => false,
        };
        if !(waiting && self.rupture.is_none()) {
            self.run_automatic_steps(ev);
        }
    }

    fn run_automatic_steps(&mut self, ev: &mut Vec<Event>) {
        loop {
            if let Some(blame) = self.rupture.take() {
                self.finish(Ending::Rupture { blame }, ev);
                return;
            }
            match self.phase {
                Phase::Headline { picks } if !picks.contains(&Pick::Pending) => {
                    self.resolve_headlines(picks, ev)
                }
                Phase::Actions { to_move } => {
                    let left = self.board.actions_left;
                    if left == [0, 0] {
                        self.fire_held_cards(ev);
                        if self.rupture.is_some() {
                            continue;
                        }
                        self.summit(ev);
                    } else {
                        if left[to_move.index()] == 0 {
                            self.phase = Phase::Actions {
                                to_move: to_move.other(),
                            };
                        }
                        return;
                    }
                }
                _ => return,
            }
        }
    }
}
