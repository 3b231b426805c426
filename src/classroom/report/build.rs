//! Builds the report by walking the events of a replayed record, never by diffing states: setup's
//! events first, then each decision's, in order.

use super::model::*;
use super::{debrief, outcome};
use crate::classroom::record::{GameRecord, Step, Timeline};
use crate::engine::{Cause, Content, Event, Meter, PlayMode, ScoreReason, Side};
use std::collections::BTreeMap;

/// Everything the walk keeps while reading events.
pub(super) struct Walk<'c> {
    pub content: &'c Content,
    pub meters: [i8; crate::engine::METERS],
    pub priority: crate::engine::Priority,
    pub rounds: Vec<RoundReport>,
    pub stats: [NegotiationStats; 2],
    pub answer_ms: [Vec<u64>; 2],
    pub(crate) breakdown: [ScoreBreakdown; 2],
    pub(crate) swings: Vec<TurningPoint>,
    pub cohesion_path: Vec<i8>,
    pub outcome: Option<crate::engine::Outcome>,
    /// What last moved cohesion down, to say what broke a ruptured alliance.
    pub(crate) last_cohesion_drop: Option<String>,
    pub decision: usize,
}

pub fn build(file: &str, record: &GameRecord, content: &Content, timeline: &Timeline) -> Report {
    let mut walk = Walk::new(content);
    walk.events(&timeline.setup, None);
    for (i, (step, events)) in record.steps.iter().zip(&timeline.steps).enumerate() {
        walk.decision = i + 1;
        walk.events(events, Some(step));
    }
    walk.finish_open_round();
    let info = game_info(file, record, content);
    let debrief = debrief::questions(content, &walk.rounds, walk.outcome.as_ref());
    let outcome = outcome::report(&walk, content);
    let mut turning_points = std::mem::take(&mut walk.swings);
    // The largest swings first; the earlier one wins a tie, so the list reads as a story.
    turning_points.sort_by(|a, b| b.swing.cmp(&a.swing).then(a.decision.cmp(&b.decision)));
    turning_points.retain(|t| t.swing >= 2);
    turning_points.truncate(5);
    let negotiation = Side::BOTH
        .iter()
        .map(|s| (s.id().to_owned(), walk.stats[s.index()].clone()))
        .collect();
    Report {
        game: info,
        rounds: walk.rounds,
        outcome,
        turning_points,
        negotiation,
        debrief,
        steering: record.steering.clone(),
    }
}

fn game_info(file: &str, record: &GameRecord, content: &Content) -> GameInfo {
    let scenario = content.scenario.as_ref();
    GameInfo {
        file: file.to_owned(),
        scenario: record.scenario.clone(),
        scenario_name: scenario.map_or_else(|| "The plain rules".into(), |s| s.name.clone()),
        scenario_description: scenario.map_or_else(String::new, |s| s.description.clone()),
        hypothetical: scenario.is_some_and(|s| s.hypothetical),
        seed: record.seed,
        fingerprint: record.fingerprint.clone(),
        players: record.players.clone(),
        lens: format!("{:?}", content.rules.lens).to_lowercase(),
        rounds_planned: content.rules.rounds,
        targets: content.rules.targets,
        drill_seconds: record.drill_seconds,
        decisions: record.steps.len(),
    }
}

impl<'c> Walk<'c> {
    fn new(content: &'c Content) -> Self {
        let meters = std::array::from_fn(|i| content.rules.tracks[i].start);
        let zero = || ScoreBreakdown {
            aims: 0,
            symmetry: 0,
            effects: 0,
        };
        Walk {
            content,
            meters,
            priority: content.rules.priority_start,
            rounds: Vec::new(),
            stats: Default::default(),
            answer_ms: Default::default(),
            breakdown: [zero(), zero()],
            swings: Vec::new(),
            cohesion_path: vec![meters[Meter::Cohesion.index()]],
            outcome: None,
            last_cohesion_drop: None,
            decision: 0,
        }
    }

    pub(crate) fn meter(&self, m: Meter) -> i8 {
        self.meters[m.index()]
    }

    pub(super) fn round(&mut self) -> Option<&mut RoundReport> {
        self.rounds.last_mut()
    }

    fn events(&mut self, events: &[Event], step: Option<&Step>) {
        if let Some(step) = step {
            self.note_answer(step);
        }
        let mut group: Option<(Cause, Vec<Move>)> = None;
        for event in events {
            match event {
                Event::Moved {
                    meter,
                    from,
                    to,
                    cause,
                } => {
                    self.meters[meter.index()] = *to;
                    if *meter == Meter::Cohesion && to < from {
                        self.last_cohesion_drop = Some(super::describe_cause(self.content, *cause));
                    }
                    let mv = Move {
                        meter: meter.id().to_owned(),
                        from: *from,
                        to: *to,
                    };
                    match &mut group {
                        Some((c, moves)) if c == cause => moves.push(mv),
                        _ => {
                            self.close_swing(group.take());
                            group = Some((*cause, vec![mv]));
                        }
                    }
                }
                other => {
                    // A summit or a new round starts a new story; keep causes apart around them.
                    if matches!(other, Event::Summit { .. } | Event::RoundStarted { .. }) {
                        self.close_swing(group.take());
                    }
                    self.event(other);
                }
            }
        }
        self.close_swing(group);
    }

    fn event(&mut self, event: &Event) {
        match event {
            Event::RoundStarted { round } => self.start_round(*round),
            Event::ShockRevealed { .. } => self.shock(event),
            Event::InjectFired { round, title } => {
                let text = super::inject_text(self.content, *round, title);
                let title = title.clone();
                if let Some(r) = self.round() {
                    r.injects.push(InjectLine { title, text });
                }
            }
            Event::CardPlayed { side, card, mode } => self.play(*side, *card, *mode),
            Event::EventFired { card, side } => {
                self.event_result(*card, format!("fired for {side}"))
            }
            Event::EventFizzled { card, why, .. } => {
                let why = format!("fizzled ({})", format!("{why:?}").to_lowercase());
                self.event_result(*card, why)
            }
            Event::PriorityChanged { to, .. } => self.priority = *to,
            Event::Scored {
                side,
                points,
                reason,
                ..
            } => self.scored(*side, *points, *reason),
            Event::DealOpened { by } => {
                self.stats[by.index()].deals_opened += 1;
                let deal = DealLine {
                    opener: *by,
                    offers: Vec::new(),
                    result: "open".into(),
                };
                if let Some(r) = self.round() {
                    r.deals.push(deal);
                }
            }
            Event::OfferSent {
                by,
                gives,
                asks,
                counter,
            } => self.offer(*by, gives, asks, *counter),
            Event::DealAccepted { .. } => self.deal_result("accepted"),
            Event::DealRejected { by, .. } => {
                self.stats[by.index()].rejected += 1;
                self.deal_result("rejected")
            }
            Event::DealWithdrawn { .. } => self.deal_result("withdrawn"),
            Event::Summit {
                round,
                scores,
                symmetric,
                ..
            } => self.summit(*round, *scores, *symmetric),
            Event::GameOver { outcome } => self.outcome = Some(*outcome),
            _ => {}
        }
    }

    fn start_round(&mut self, round: u8) {
        self.finish_open_round();
        let scores = self.rounds.last().map_or([0, 0], |r| r.scores);
        self.rounds.push(RoundReport {
            round,
            shock: None,
            injects: Vec::new(),
            plays: Vec::new(),
            deals: Vec::new(),
            tracks: BTreeMap::new(),
            priority: String::new(),
            scores,
            gained: [0, 0],
            symmetric: false,
            responsibility_in_band: false,
            role_in_band: false,
            summit: false,
        });
    }

    /// A round the game left without a summit (a rupture) still shows where the tracks stood.
    pub(super) fn finish_open_round(&mut self) {
        if self
            .rounds
            .last()
            .is_some_and(|r| !r.summit && r.tracks.is_empty())
        {
            self.fill_tracks();
            self.cohesion_path.push(self.meter(Meter::Cohesion));
        }
    }

    fn fill_tracks(&mut self) {
        let tracks = Meter::ALL
            .iter()
            .map(|m| (m.id().to_owned(), self.meter(*m)))
            .collect();
        let in_band = |w: &Walk, m: Meter| {
            let band = w.content.rules.track(m).band;
            band.is_none_or(|(lo, hi)| (lo..=hi).contains(&w.meter(m)))
        };
        let (resp, role) = (
            in_band(self, Meter::Responsibility),
            in_band(self, Meter::RoleBalance),
        );
        let priority = self.priority.name().to_owned();
        if let Some(r) = self.round() {
            r.tracks = tracks;
            r.responsibility_in_band = resp;
            r.role_in_band = role;
            r.priority = priority;
        }
    }

    fn shock(&mut self, event: &Event) {
        let Event::ShockRevealed {
            shock,
            size,
            absorbed,
            layer,
            injected,
        } = event
        else {
            return;
        };
        let s = self.content.shock(*shock);
        let line = ShockLine {
            id: s.id.clone(),
            title: s.title.clone(),
            domain: s.domain.name().to_owned(),
            size: *size,
            absorbed: *absorbed,
            layer: layer.id().to_owned(),
            injected: *injected,
        };
        if let Some(r) = self.round() {
            r.shock = Some(line);
        }
    }

    fn play(&mut self, side: Side, card: u16, mode: PlayMode) {
        let c = self.content.card(card);
        let (used_for, points) = match mode {
            PlayMode::Headline => ("headline".to_owned(), 0),
            PlayMode::Event => ("event".to_owned(), 0),
            PlayMode::Held => ("event: held past the actions".to_owned(), 0),
            PlayMode::SetAside => ("set aside with leverage (no event)".to_owned(), 0),
            PlayMode::Ops { option, points } => {
                let opts = self.content.rules.ops_options(side, c.kind);
                let label = opts
                    .get(usize::from(option))
                    .map_or("?", |o| o.label.as_str());
                (format!("ops: {label}"), points)
            }
        };
        let line = PlayLine {
            side,
            card: c.id.clone(),
            title: c.title.clone(),
            concept: c.concept.id().to_owned(),
            used_for,
            points,
            event: String::new(),
        };
        if let Some(r) = self.round() {
            r.plays.push(line);
        }
    }

    fn event_result(&mut self, card: u16, what: String) {
        let id = self.content.card(card).id.clone();
        if let Some(play) = self
            .round()
            .and_then(|r| r.plays.iter_mut().rev().find(|p| p.card == id))
        {
            play.event = what;
        }
    }

    fn scored(&mut self, side: Side, points: i8, reason: ScoreReason) {
        let b = &mut self.breakdown[side.index()];
        let p = i16::from(points);
        match reason {
            ScoreReason::Aim { .. } => b.aims += p,
            ScoreReason::Symmetry | ScoreReason::Band { .. } => b.symmetry += p,
            ScoreReason::Effect => b.effects += p,
        }
        if let Some(r) = self.round() {
            r.gained[side.index()] += p;
        }
    }

    fn summit(&mut self, round: u8, scores: [i16; 2], symmetric: bool) {
        self.fill_tracks();
        self.cohesion_path.push(self.meter(Meter::Cohesion));
        if let Some(r) = self.rounds.iter_mut().rfind(|r| r.round == round) {
            r.scores = scores;
            r.symmetric = symmetric;
            r.summit = true;
        }
    }

    fn close_swing(&mut self, group: Option<(Cause, Vec<Move>)>) {
        let Some((cause, moves)) = group else { return };
        let shared = [
            Meter::Responsibility,
            Meter::RoleBalance,
            Meter::Cohesion,
            Meter::Uncertainty,
        ];
        let swing: i16 = moves
            .iter()
            .filter(|m| shared.iter().any(|s| s.id() == m.meter))
            .map(|m| (i16::from(m.to) - i16::from(m.from)).abs())
            .sum();
        let round = self.rounds.last().map_or(0, |r| r.round);
        self.swings.push(TurningPoint {
            round,
            decision: self.decision,
            cause: super::describe_cause(self.content, cause),
            moves,
            swing,
        });
    }
}
