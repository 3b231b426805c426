//! One game's figures, read from its events as they arrive. The tally is reset for each game and
//! folded into the totals when the game ends, so memory does not grow with the number of games.

use crate::engine::{
    Action, CardId, Cause, Content, Event, METERS, Meter, PlayMode, Priority, ScoreReason, ShockId,
    Side, leader_on,
};

/// What one summit paid and left behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SummitLine {
    pub round: u8,
    /// The scores after the summit.
    pub scores: [i16; 2],
    /// What the summit itself paid each side (its aims and the symmetry bonus).
    pub paid: [i16; 2],
    /// Whether Deal and Strategy would have scored Washington's aims differently here.
    pub priority_mattered: bool,
}

/// How a card was played, for the per-card counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayKind {
    Headline,
    Event,
    Ops,
    /// Set aside with leverage: neither an event nor operations.
    SetAside,
}

/// One card play in this game.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Play {
    pub card: CardId,
    pub side: Side,
    pub kind: PlayKind,
}

/// What moved the cohesion track to zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuptureCause {
    /// A card's event (headline, event play, or the owner's event on an ops play).
    CardEvent,
    Ops,
    Shock,
    Deal,
    /// A summit pressure, or a strategy layer, an inject or the summit itself.
    Rules,
}

impl RuptureCause {
    pub(crate) const ALL: [RuptureCause; 5] = [
        RuptureCause::CardEvent,
        RuptureCause::Ops,
        RuptureCause::Shock,
        RuptureCause::Deal,
        RuptureCause::Rules,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
    pub(crate) fn name(self) -> &'static str {
        match self {
            RuptureCause::CardEvent => "a card's event",
            RuptureCause::Ops => "operations",
            RuptureCause::Shock => "an order shock",
            RuptureCause::Deal => "a deal",
            RuptureCause::Rules => "a summit pressure or other rule",
        }
    }
    fn of(cause: Cause) -> RuptureCause {
        match cause {
            Cause::Card { .. } => RuptureCause::CardEvent,
            Cause::Ops { .. } => RuptureCause::Ops,
            Cause::Shock { .. } => RuptureCause::Shock,
            Cause::Deal { .. } => RuptureCause::Deal,
            _ => RuptureCause::Rules,
        }
    }
}

/// Which deal steps happened, indexed by the side that took them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DealSteps {
    pub opened: [u64; 2],
    /// First offers (not counters).
    pub sent: [u64; 2],
    pub countered: [u64; 2],
    pub accepted: [u64; 2],
    pub rejected: [u64; 2],
    /// Opened and abandoned before any offer was sent.
    pub withdrawn: [u64; 2],
}

impl DealSteps {
    pub(crate) fn merge(&mut self, o: &DealSteps) {
        for i in 0..2 {
            self.opened[i] += o.opened[i];
            self.sent[i] += o.sent[i];
            self.countered[i] += o.countered[i];
            self.accepted[i] += o.accepted[i];
            self.rejected[i] += o.rejected[i];
            self.withdrawn[i] += o.withdrawn[i];
        }
    }
}

/// Everything the analyser keeps about the game being played.
#[derive(Clone, Debug)]
pub struct GameTally {
    /// The board's meters and priority as the events have moved them.
    meters: [i8; METERS],
    priority: Priority,
    /// The aims on this round's summit agenda.
    on_table: [Option<Meter>; 2],
    /// What the summit being scored has paid so far.
    paying: [i16; 2],
    pub summits: Vec<SummitLine>,
    pub plays: Vec<Play>,
    pub deals: DealSteps,
    /// Symmetry bonus points each side scored this game.
    pub(crate) symmetry_points: [i16; 2],
    /// Top-level decisions (headline, card play, deal opened, pass) and deal steps, by side.
    pub decisions: [u32; 2],
    pub deal_decisions: [u32; 2],
    /// How often the side to decide changed from one decision to the next.
    pub handoffs: u32,
    last_mover: Option<Side>,
    /// Each shock revealed, with the net steps it moved each side's own items.
    pub shocks: Vec<(ShockId, [i32; 2])>,
    pub rupture_cause: Option<RuptureCause>,
    /// The targets the lead is read against (the absolute lens's), or none (`Rules::lead_targets`).
    lead_targets: Option<[i16; 2]>,
    /// The lowest cohesion of the game: how near the alliance came to rupture.
    pub lowest_cohesion: i8,
    /// Steps each meter rose and fell this game.
    pub rises: [u32; METERS],
    pub falls: [u32; METERS],
    /// For each aim (Washington's, then Seoul's, in the rules' order): the summits at which its
    /// meter stood at its top threshold, and the first round it did.
    pub aims_at_top: Vec<(u32, Option<u8>)>,
    /// The other side's cards left in each side's hand at the end.
    pub hoarded: [u32; 2],
    /// Leverage spent by each side: boosted operations and cards set aside (rules v2).
    pub leverage_uses: [[u32; 2]; 2],
}

impl GameTally {
    /// A tally for a game that starts from the rules' own track starts and priority.
    pub fn new(content: &Content) -> GameTally {
        let rules = &content.rules;
        GameTally {
            meters: std::array::from_fn(|i| rules.tracks[i].start),
            priority: rules.priority_start,
            on_table: [None; 2],
            paying: [0; 2],
            summits: Vec::with_capacity(usize::from(rules.rounds)),
            plays: Vec::with_capacity(64),
            deals: DealSteps::default(),
            symmetry_points: [0; 2],
            decisions: [0; 2],
            deal_decisions: [0; 2],
            handoffs: 0,
            last_mover: None,
            shocks: Vec::with_capacity(usize::from(rules.rounds)),
            rupture_cause: None,
            lead_targets: rules.lead_targets(),
            lowest_cohesion: rules.track(Meter::Cohesion).start,
            rises: [0; METERS],
            falls: [0; METERS],
            aims_at_top: vec![(0, None); rules.aims[0].len() + rules.aims[1].len()],
            hoarded: [0; 2],
            leverage_uses: [[0; 2]; 2],
        }
    }

    /// Clears the tally for a new game, keeping its buffers. Every game starts from the rules'
    /// track starts and priority; the start events then move them.
    pub(crate) fn restart(&mut self, content: &Content) {
        let rules = &content.rules;
        self.meters = std::array::from_fn(|i| rules.tracks[i].start);
        self.priority = rules.priority_start;
        self.paying = [0; 2];
        self.summits.clear();
        self.plays.clear();
        self.deals = DealSteps::default();
        self.symmetry_points = [0; 2];
        self.decisions = [0; 2];
        self.deal_decisions = [0; 2];
        self.handoffs = 0;
        self.last_mover = None;
        self.shocks.clear();
        self.rupture_cause = None;
        self.lead_targets = rules.lead_targets();
        self.lowest_cohesion = rules.track(Meter::Cohesion).start;
        self.rises = [0; METERS];
        self.falls = [0; METERS];
        self.aims_at_top.clear();
        let aims = rules.aims[0].len() + rules.aims[1].len();
        self.aims_at_top.resize(aims, (0, None));
        self.hoarded = [0; 2];
        self.leverage_uses = [[0; 2]; 2];
    }

    /// `side` took `action`.
    pub fn decision(&mut self, side: Side, action: Action) {
        let top = matches!(
            action,
            Action::Headline { .. }
                | Action::Event { .. }
                | Action::Ops { .. }
                | Action::OpenDeal
                | Action::Pass
                | Action::SetAside { .. }
                | Action::Boost { .. }
        );
        match action {
            Action::Boost { .. } => self.leverage_uses[side.index()][0] += 1,
            Action::SetAside { .. } => self.leverage_uses[side.index()][1] += 1,
            _ => {}
        }
        let counts = if top {
            &mut self.decisions
        } else {
            &mut self.deal_decisions
        };
        counts[side.index()] += 1;
        if self.last_mover.is_some_and(|s| s != side) {
            self.handoffs += 1;
        }
        self.last_mover = Some(side);
    }

    /// Reads what happened.
    pub fn events(&mut self, content: &Content, events: &[Event]) {
        for e in events {
            self.event(content, e);
        }
    }

    fn event(&mut self, content: &Content, e: &Event) {
        match *e {
            Event::Moved {
                meter,
                from,
                to,
                cause,
            } => self.moved(meter, from, to, cause),
            Event::PriorityChanged { to, .. } => self.priority = to,
            Event::AgendaRevealed { on_table, .. } => self.on_table = on_table,
            Event::Scored {
                side,
                points,
                reason,
                cause: Cause::Summit,
            } => {
                self.paying[side.index()] += i16::from(points);
                if matches!(reason, ScoreReason::Symmetry | ScoreReason::Band { .. }) {
                    self.symmetry_points[side.index()] += i16::from(points);
                }
            }
            Event::Summit { round, scores, .. } => self.summit(content, round, scores),
            Event::CardPlayed { side, card, mode } => self.plays.push(Play {
                card,
                side,
                kind: match mode {
                    PlayMode::Headline => PlayKind::Headline,
                    // A held card fires as an event: it is counted with them.
                    PlayMode::Event | PlayMode::Held => PlayKind::Event,
                    PlayMode::Ops { .. } => PlayKind::Ops,
                    PlayMode::SetAside => PlayKind::SetAside,
                },
            }),
            Event::ShockRevealed { shock, .. } => self.shocks.push((shock, [0; 2])),
            _ => self.deal_event(e),
        }
    }

    fn deal_event(&mut self, e: &Event) {
        let d = &mut self.deals;
        match *e {
            Event::DealOpened { by } => d.opened[by.index()] += 1,
            Event::OfferSent { by, counter: 0, .. } => d.sent[by.index()] += 1,
            Event::OfferSent { by, .. } => d.countered[by.index()] += 1,
            Event::DealAccepted { by, .. } => d.accepted[by.index()] += 1,
            Event::DealRejected { by, .. } => d.rejected[by.index()] += 1,
            Event::DealWithdrawn { by } => d.withdrawn[by.index()] += 1,
            _ => {}
        }
    }

    fn moved(&mut self, meter: Meter, from: i8, to: i8, cause: Cause) {
        self.meters[meter.index()] = to;
        let step = i32::from(to) - i32::from(from);
        self.rises[meter.index()] += step.max(0) as u32;
        self.falls[meter.index()] += (-step).max(0) as u32;
        if meter == Meter::Cohesion {
            self.lowest_cohesion = self.lowest_cohesion.min(to);
            if to <= 0 && self.rupture_cause.is_none() {
                self.rupture_cause = Some(RuptureCause::of(cause));
            }
        }
        if let (Cause::Shock { shock }, Some(owner)) = (cause, meter.owner())
            && let Some((_, net)) = self.shocks.iter_mut().rev().find(|(s, _)| *s == shock)
        {
            net[owner.index()] += i32::from(to) - i32::from(from);
        }
    }

    fn summit(&mut self, content: &Content, round: u8, scores: [i16; 2]) {
        let rules = &content.rules;
        let under = |p| rules.aim_total(Side::Washington, &self.meters, p, self.on_table);
        self.summits.push(SummitLine {
            round,
            scores,
            paid: std::mem::take(&mut self.paying),
            priority_mattered: under(Priority::Deal) != under(Priority::Strategy),
        });
        let aims = rules.aims[0].iter().chain(&rules.aims[1]);
        for (aim, top) in aims.zip(&mut self.aims_at_top) {
            let at_top = aim
                .thresholds
                .last()
                .is_some_and(|t| self.meters[aim.meter.index()] >= *t);
            if at_top {
                top.0 += 1;
                top.1.get_or_insert(round);
            }
        }
    }

    /// Notes the cards left in the hands at the end: those of the other side were hoarded.
    pub fn hands_at_end(&mut self, content: &Content, hands: [&[CardId]; 2]) {
        for side in Side::BOTH {
            let theirs = hands[side.index()].iter().filter(|c| {
                let card = content.cards.get(usize::from(**c));
                card.and_then(|c| c.side.owner()) == Some(side.other())
            });
            self.hoarded[side.index()] = theirs.count() as u32;
        }
    }

    /// How often the leader changed, by the engine's rule (`engine::lead_changes`), which the
    /// end screen also reads.
    pub fn lead_changes(&self) -> u32 {
        let summits = self.summits.iter().map(|s| (s.round, s.scores));
        crate::engine::lead_changes(summits, self.lead_targets).len() as u32
    }

    /// Whether `side` was behind after some summit from round 2 on.
    pub fn trailed(&self, side: Side) -> bool {
        self.summits
            .iter()
            .any(|s| s.round >= 2 && leader_on(s.scores, self.lead_targets) == Some(side.other()))
    }

    /// Summits from round 3 on that paid both sides exactly what the summit before paid, and how
    /// many such pairs of consecutive summits the game had.
    pub fn stagnation(&self) -> (u32, u32) {
        let mut stagnant = 0;
        let mut pairs = 0;
        for w in self.summits.windows(2) {
            if w[1].round >= 3 && w[1].round == w[0].round + 1 {
                pairs += 1;
                stagnant += u32::from(w[1].paid == w[0].paid);
            }
        }
        (stagnant, pairs)
    }

    /// Each side's own items moved by shocks: those with a net fall, by side.
    pub fn shocks_hurting(&self) -> impl Iterator<Item = (ShockId, [bool; 2])> + '_ {
        self.shocks
            .iter()
            .map(|(s, net)| (*s, [net[0] < 0, net[1] < 0]))
    }
}

/// The side ahead on these scores, or `None` on a tie (the engine's rule).
pub use crate::engine::leader;
