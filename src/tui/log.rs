//! The game log, written from the engine's events (never from diffs of states): what happened and
//! why. Each entry remembers how long the record was, so an undo can drop its lines.

use super::describe::{card_title, term};
use crate::engine::{Cause, Content, Event, Fizzle, PlayMode, ScoreReason, Side, Viewer};

/// How an entry is drawn: a headline line, an indented consequence, or a bot's hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Head,
    Detail,
    Hint,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    pub side: Option<Side>,
    pub tone: Tone,
    /// The record length after the action that produced this entry.
    pub rec: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Log {
    pub entries: Vec<Entry>,
}

impl Log {
    /// Logs the events `viewer` may see; the engine decides which those are.
    pub fn push_events(&mut self, content: &Content, viewer: Viewer, events: &[Event], rec: usize) {
        for e in events.iter().filter(|e| e.visible_to(viewer)) {
            if let Some((text, side, tone)) = describe(content, e) {
                self.entries.push(Entry {
                    text,
                    side,
                    tone,
                    rec,
                });
            }
        }
    }
    /// A bot's hint. Only the newest is kept (and the panel shows it on one line), so hints
    /// never push the game's own lines out of a small log.
    pub fn push_hint(&mut self, text: String, side: Side, rec: usize) {
        self.entries
            .retain(|e| !(e.tone == Tone::Hint && e.side.is_some()));
        let tone = Tone::Hint;
        self.entries.push(Entry {
            text,
            side: Some(side),
            tone,
            rec,
        });
    }
    /// A line from the screen itself (where the game saves, a drill timeout), not from an event.
    pub fn push_note(&mut self, text: String, rec: usize) {
        let tone = Tone::Hint;
        self.entries.push(Entry {
            text,
            side: None,
            tone,
            rec,
        });
    }
    /// Forgets the lines of actions that were taken back.
    pub fn truncate_to(&mut self, rec: usize) {
        self.entries.retain(|e| e.rec <= rec);
    }
}

pub fn cause(content: &Content, c: &Cause) -> String {
    match *c {
        Cause::Card { card, side } => format!("{side}'s event «{}»", card_title(content, card)),
        Cause::Ops { card, side } => format!("{side}'s ops with «{}»", card_title(content, card)),
        Cause::Shock { shock } => format!(
            "shock «{}»",
            content
                .shocks
                .get(usize::from(shock))
                .map_or("?", |s| s.title.as_str())
        ),
        Cause::Inject { round } => format!("the instructor's inject for round {round}"),
        Cause::Deal { opener } => format!("the deal {opener} opened"),
        Cause::Layer { layer } => format!("{} absorbing", layer.name()),
        Cause::Summit => "the summit".into(),
        Cause::Pressure { index } => content
            .rules
            .pressures
            .get(usize::from(index))
            .map_or_else(|| "a summit pressure".into(), |p| p.name.clone()),
    }
}

fn play_mode(content: &Content, side: Side, card: u16, mode: PlayMode) -> String {
    let title = card_title(content, card);
    match mode {
        PlayMode::Headline => format!("{side} headlines «{title}»"),
        PlayMode::Event => format!("{side} plays «{title}» for its event"),
        PlayMode::Held => format!("{side} held «{title}» past the actions: its event fires"),
        PlayMode::SetAside => format!("{side} spends leverage to set «{title}» aside: no event"),
        PlayMode::Ops { option, points } => {
            let kind = content.cards.get(usize::from(card)).map(|c| c.kind);
            let label = kind
                .and_then(|k| content.rules.ops_options(side, k).get(usize::from(option)))
                .map_or("?", |o| o.label.as_str());
            format!("{side} plays «{title}» for {points} ops: {label}")
        }
    }
}

type Line = (String, Option<Side>, Tone);

fn head(text: String, side: Option<Side>) -> Option<Line> {
    Some((text, side, Tone::Head))
}

fn detail(text: String) -> Option<Line> {
    Some((text, None, Tone::Detail))
}

fn describe(content: &Content, e: &Event) -> Option<Line> {
    round_event(content, e)
        .or_else(|| play_event(content, e))
        .or_else(|| deal_event(content, e))
}

/// The round's automatic steps: start, draws, shocks, injects, headlines.
fn round_event(content: &Content, e: &Event) -> Option<Line> {
    match e {
        Event::RoundStarted { round } => head(format!("── Round {round} ──"), None),
        Event::Drew { side, count } => detail(format!("{side} draws {count}")),
        Event::Reshuffled { cards } => detail(format!("the discard pile ({cards}) is reshuffled")),
        Event::CardsEntered { round, cards } => head(
            format!("A new era: {cards} cards enter the draw deck in round {round}"),
            None,
        ),
        Event::ShockRevealed {
            shock,
            size,
            absorbed,
            layer,
            injected,
        } => {
            let s = content.shocks.get(usize::from(*shock));
            let (title, text) = s.map_or(("?", ""), |s| (s.title.as_str(), s.text.as_str()));
            let by = if *injected {
                " (instructor's inject)"
            } else {
                ""
            };
            // The shock's whole text, which the board's two shock lines may cut at 80x24, is
            // kept here, where the log can be scrolled back to it.
            head(
                format!(
                    "Shock «{title}»{by}, size {size}: {} absorbs {absorbed}. {text}",
                    layer.name()
                ),
                None,
            )
        }
        Event::ShockEnded { shock } => detail(format!(
            "shock «{}» ends",
            content
                .shocks
                .get(usize::from(*shock))
                .map_or("?", |s| s.title.as_str())
        )),
        Event::InjectFired { title, .. } => head(format!("Inject: {title}"), None),
        Event::AgendaRevealed { agenda, on_table } => {
            let title = content
                .rules
                .agenda
                .get(usize::from(*agenda))
                .map_or("?", |a| a.title.as_str());
            let named: Vec<String> = Side::BOTH
                .iter()
                .filter_map(|s| on_table[s.index()].map(|m| format!("{s} {}", m.name())))
                .collect();
            head(
                format!(
                    "Summit agenda «{title}»: pays {} {}",
                    super::describe::agenda_pays(content.rules.agenda_weight),
                    named.join(", ")
                ),
                None,
            )
        }
        Event::HeadlineChosen { side } => head(
            format!("{side} has picked a headline (secret)"),
            Some(*side),
        ),
        Event::HeadlinesRevealed { washington, seoul } => {
            let t = |c: &Option<u16>| {
                c.map_or("none".to_string(), |c| {
                    format!("«{}»", card_title(content, c))
                })
            };
            head(
                format!(
                    "Headlines revealed: Washington {}, Seoul {}",
                    t(washington),
                    t(seoul)
                ),
                None,
            )
        }
        _ => None,
    }
}

/// Card plays and what they moved, with the cause of each move.
fn play_event(content: &Content, e: &Event) -> Option<Line> {
    match e {
        Event::CardPlayed { side, card, mode } => {
            head(play_mode(content, *side, *card, *mode), Some(*side))
        }
        Event::EventFired { card, side } => detail(format!(
            "event «{}» fires for {side}",
            card_title(content, *card)
        )),
        Event::EventFizzled { card, why, .. } => {
            let why = match why {
                Fizzle::Requirement => "its requirement fails",
                Fizzle::Prevented => "it was prevented",
            };
            detail(format!(
                "event «{}» does not fire: {why}",
                card_title(content, *card)
            ))
        }
        Event::CardRemoved { card } => {
            detail(format!("«{}» leaves the game", card_title(content, *card)))
        }
        Event::Unmoved {
            meter,
            at,
            cause: c,
        } => {
            let t = content.rules.track(*meter);
            let end = if *at >= t.max { "top" } else { "bottom" };
            detail(format!(
                "{} stays at {at}: at its {end} ({})",
                meter.name(),
                cause(content, c)
            ))
        }
        Event::Moved {
            meter,
            from,
            to,
            cause: c,
        } => {
            // A move that ends at the track's end says so: more that way would be wasted.
            let end = match content.rules.track(*meter).stopped_at_end(*from, *to) {
                Some(true) => "; now at its top".to_owned(),
                Some(false) => "; now at its bottom".to_owned(),
                None => String::new(),
            };
            detail(format!(
                "{} {from}→{to} ({}{end})",
                meter.name(),
                cause(content, c)
            ))
        }
        Event::PriorityChanged { to, cause: c } => detail(format!(
            "Washington's priority → {} ({})",
            to.name(),
            cause(content, c)
        )),
        Event::Discarded {
            side,
            card,
            cause: c,
        } => detail(format!(
            "{side} discards «{}» ({})",
            card_title(content, *card),
            cause(content, c)
        )),
        Event::Prevented { card, cause: c } => detail(format!(
            "«{}» can no longer fire ({})",
            card_title(content, *card),
            cause(content, c)
        )),
        Event::NextShockModified { by, cause: c } => {
            detail(format!("next shock size {by:+} ({})", cause(content, c)))
        }
        Event::ActionsChanged { side, by, cause: c } => {
            detail(format!("{side} actions {by:+} ({})", cause(content, c)))
        }
        Event::Scored {
            side,
            points,
            reason,
            cause: c,
        } => {
            let why = match reason {
                ScoreReason::Aim {
                    meter,
                    doubled,
                    on_table,
                } if *doubled || *on_table => {
                    let weight = content.rules.agenda_weight;
                    let by = match (doubled, on_table) {
                        (true, true) if weight == 1 => "tripled by priority and agenda".into(),
                        (true, true) => format!("×{} by priority and agenda", 2 + weight),
                        (true, false) => "doubled by priority".into(),
                        _ if weight == 1 => "doubled by the agenda".into(),
                        _ => format!("×{} by the agenda", 1 + weight),
                    };
                    format!("{} ({by})", meter.name())
                }
                ScoreReason::Aim { meter, .. } => meter.name().to_string(),
                ScoreReason::Symmetry => "the symmetric alliance".into(),
                ScoreReason::Band { meter } => format!("{} in its band", meter.name()),
                // A card's event, a shock or a summit pressure (the temptations): named.
                ScoreReason::Effect => cause(content, c),
            };
            detail(format!("{side} scores {points:+} for {why}"))
        }
        _ => None,
    }
}

/// Deals, passes, summits and the end of the game.
fn deal_event(content: &Content, e: &Event) -> Option<Line> {
    match e {
        Event::DealOpened { by } => head(format!("{by} opens a deal"), Some(*by)),
        Event::TermAdded { .. } | Event::TermDropped { .. } | Event::DealWithdrawn { .. } => {
            deal_edit(content, e)
        }
        Event::OfferSent {
            by,
            gives,
            asks,
            counter,
        } => {
            let list = |ts: &Vec<crate::engine::Term>| {
                if ts.is_empty() {
                    "nothing".to_string()
                } else {
                    ts.iter()
                        .map(|t| term(content, *t, false))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            let what = if *counter > 0 { "counters" } else { "offers" };
            head(
                format!("{by} {what}: gives {}; asks {}", list(gives), list(asks)),
                Some(*by),
            )
        }
        Event::DealAccepted { by, bare } => {
            let b = if *bare { " (a bare demand)" } else { "" };
            head(format!("{by} accepts the deal{b}"), Some(*by))
        }
        Event::DealRejected { by, bare } => {
            let b = if *bare { " (a bare demand)" } else { "" };
            head(format!("{by} rejects the deal{b}"), Some(*by))
        }
        Event::CardGiven { from, to, .. } => detail(format!("{from} hands a card to {to}")),
        Event::Passed { side } => head(format!("{side} passes"), Some(*side)),
        Event::Summit {
            round,
            scores,
            symmetric,
            last,
        } => {
            let s = if *symmetric {
                "symmetric"
            } else {
                "not symmetric"
            };
            let l = if *last { "Final summit" } else { "Summit" };
            head(
                format!(
                    "{l} of round {round}: {s}; Washington {} – Seoul {}",
                    scores[0], scores[1]
                ),
                None,
            )
        }
        Event::GameOver { outcome } => head(format!("Game over: {}", outcome.summary()), None),
        _ => None,
    }
}

/// Drafting steps reach the log only for a viewer the engine lets see them (the drafter); the
/// sent offer lists its terms for everyone.
fn deal_edit(content: &Content, e: &Event) -> Option<Line> {
    match e {
        Event::DealWithdrawn { by } => head(format!("{by} withdraws the deal"), Some(*by)),
        Event::TermAdded { by, ask, term: t } => {
            let verb = if *ask { "asks" } else { "gives" };
            detail_by(
                format!("{by} drafts: {verb} {}", term(content, *t, true)),
                *by,
            )
        }
        Event::TermDropped { by, ask, term: t } => {
            let list = if *ask { "asked" } else { "given" };
            detail_by(
                format!("{by} drops {list} {}", term(content, *t, true)),
                *by,
            )
        }
        _ => None,
    }
}

fn detail_by(text: String, side: Side) -> Option<Line> {
    Some((text, Some(side), Tone::Detail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Term;

    #[test]
    fn a_drafted_term_reaches_only_the_drafters_log() {
        let content = crate::content::Data::embedded()
            .build()
            .expect("valid data");
        let events = [Event::TermAdded {
            by: Side::Seoul,
            ask: true,
            term: Term::Vocab(0),
        }];
        let lines = |viewer| {
            let mut log = Log::default();
            log.push_events(&content, viewer, &events, 1);
            log.entries.len()
        };
        assert_eq!(lines(Viewer::Public), 0);
        assert_eq!(lines(Viewer::Side(Side::Washington)), 0);
        assert_eq!(lines(Viewer::Side(Side::Seoul)), 1);
    }

    #[test]
    fn a_score_from_a_pressure_or_an_event_names_what_paid_it() {
        let content = crate::content::Data::embedded()
            .build()
            .expect("valid data");
        let index = content
            .rules
            .pressures
            .iter()
            .position(|p| p.name.starts_with("Staying out of the region"))
            .expect("the shipped temptation") as u8;
        let events = [
            Event::Scored {
                side: Side::Seoul,
                points: 3,
                reason: ScoreReason::Effect,
                cause: Cause::Pressure { index },
            },
            // A band's payment is not the symmetric alliance's bonus, and says so.
            Event::Scored {
                side: Side::Seoul,
                points: 1,
                reason: ScoreReason::Band {
                    meter: crate::engine::Meter::Responsibility,
                },
                cause: Cause::Summit,
            },
        ];
        let mut log = Log::default();
        log.push_events(&content, Viewer::Public, &events, 1);
        let text: Vec<String> = log.entries.into_iter().map(|e| e.text).collect();
        assert_eq!(
            text,
            [
                "Seoul scores +3 for Staying out of the region pays Seoul",
                "Seoul scores +1 for Responsibility balance in its band",
            ]
        );
    }

    #[test]
    fn the_log_says_how_many_times_the_agenda_paid() {
        let mut content = crate::content::Data::embedded()
            .build()
            .expect("valid data");
        let scored = |doubled, on_table| Event::Scored {
            side: Side::Seoul,
            points: 6,
            reason: ScoreReason::Aim {
                meter: crate::engine::Meter::Opcon,
                doubled,
                on_table,
            },
            cause: Cause::Summit,
        };
        let events = [
            Event::AgendaRevealed {
                agenda: 0,
                on_table: [None, Some(crate::engine::Meter::Opcon)],
            },
            scored(false, true),
            scored(true, true),
        ];
        let texts = |content: &Content| {
            let mut log = Log::default();
            log.push_events(content, Viewer::Public, &events, 1);
            log.entries.into_iter().map(|e| e.text).collect::<Vec<_>>()
        };
        let plain = texts(&content).join("\n");
        assert!(plain.contains("pays once more Seoul"), "{plain}");
        assert!(plain.contains("(doubled by the agenda)"), "{plain}");
        assert!(
            plain.contains("(tripled by priority and agenda)"),
            "{plain}"
        );
        content.rules.agenda_weight = 4;
        let heavy = texts(&content).join("\n");
        assert!(heavy.contains("pays 4 times more Seoul"), "{heavy}");
        assert!(heavy.contains("(×5 by the agenda)"), "{heavy}");
        assert!(heavy.contains("(×6 by priority and agenda)"), "{heavy}");
    }
}
