//! Per card and per shock, as card-game designers track them: how often each is played (and how),
//! and how the side that played it (or that a shock hurt) did against that side's average.

use super::game::{GameTally, PlayKind};
use crate::engine::Content;
use serde::Serialize;

/// A card or shock needs this many games behind it before its success rate can flag it.
pub(crate) const MIN_SAMPLE: u64 = 30;

/// Running counts for one card.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardCounts {
    /// Plays by the side that made them.
    pub plays: [u64; 2],
    pub headlines: [u64; 2],
    pub events: [u64; 2],
    /// Games in which each side played it at least once, and how many of those it succeeded in.
    pub games: [u64; 2],
    pub successes: [u64; 2],
}

/// Running counts for one shock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShockCounts {
    pub revealed: u64,
    /// Games in which it moved each side's own items down on balance, and that side's successes.
    pub(crate) hurt: [u64; 2],
    pub(crate) hurt_successes: [u64; 2],
}

impl CardCounts {
    fn merge(&mut self, o: &CardCounts) {
        for i in 0..2 {
            self.plays[i] += o.plays[i];
            self.headlines[i] += o.headlines[i];
            self.events[i] += o.events[i];
            self.games[i] += o.games[i];
            self.successes[i] += o.successes[i];
        }
    }
}

impl ShockCounts {
    fn merge(&mut self, o: &ShockCounts) {
        self.revealed += o.revealed;
        for i in 0..2 {
            self.hurt[i] += o.hurt[i];
            self.hurt_successes[i] += o.hurt_successes[i];
        }
    }
}

/// Counts for every card and shock of a content, grown to its size on first use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deck {
    pub cards: Vec<CardCounts>,
    pub shocks: Vec<ShockCounts>,
}

impl Deck {
    /// Adds one finished game; `succeeded` says whether each side achieved what the lens asks.
    pub(crate) fn add(&mut self, content: &Content, tally: &GameTally, succeeded: [bool; 2]) {
        self.cards
            .resize(content.cards.len(), CardCounts::default());
        self.shocks
            .resize(content.shocks.len(), ShockCounts::default());
        for (i, play) in tally.plays.iter().enumerate() {
            let Some(c) = self.cards.get_mut(usize::from(play.card)) else {
                continue;
            };
            let s = play.side.index();
            c.plays[s] += 1;
            c.headlines[s] += u64::from(play.kind == PlayKind::Headline);
            c.events[s] += u64::from(play.kind != PlayKind::Ops);
            // A card replayed after a reshuffle counts once for the game.
            let first = !tally.plays[..i]
                .iter()
                .any(|p| p.card == play.card && p.side == play.side);
            if first {
                c.games[s] += 1;
                c.successes[s] += u64::from(succeeded[s]);
            }
        }
        for (i, (shock, hurt)) in tally.shocks_hurting().enumerate() {
            let Some(c) = self.shocks.get_mut(usize::from(shock)) else {
                continue;
            };
            c.revealed += 1;
            let first = !tally.shocks[..i].iter().any(|(s, _)| *s == shock);
            // A shock that came up twice counts once for the game.
            for s in (0..2).filter(|s| first && hurt[*s]) {
                c.hurt[s] += 1;
                c.hurt_successes[s] += u64::from(succeeded[s]);
            }
        }
    }

    pub(crate) fn merge(&mut self, o: &Deck) {
        grow_merge(&mut self.cards, &o.cards, CardCounts::merge);
        grow_merge(&mut self.shocks, &o.shocks, ShockCounts::merge);
    }
}

fn grow_merge<T: Default + Clone>(into: &mut Vec<T>, from: &[T], add: fn(&mut T, &T)) {
    if into.len() < from.len() {
        into.resize(from.len(), T::default());
    }
    for (a, b) in into.iter_mut().zip(from) {
        add(a, b);
    }
}

/// A success rate with its sample, its 95% interval and the average it is measured against.
#[derive(Clone, Copy, Debug, Serialize, PartialEq)]
pub struct Rate {
    pub games: u64,
    pub successes: u64,
    /// Percentages.
    pub rate: f64,
    pub(crate) low: f64,
    pub(crate) high: f64,
    /// The success rate that side (or those sides, weighted by games) has in every game.
    pub(crate) average: f64,
}

impl Rate {
    /// `k` successes in `n` games against `average` (a percentage), with the Wilson score interval.
    pub(crate) fn new(successes: u64, games: u64, average: f64) -> Rate {
        let (low, high) = wilson(successes, games);
        Rate {
            games,
            successes,
            rate: 100.0 * successes as f64 / games.max(1) as f64,
            low,
            high,
            average,
        }
    }
    /// Whether the interval lies wholly above or below the average, on enough games to tell.
    pub(crate) fn stands_out(&self) -> bool {
        self.games >= MIN_SAMPLE && (self.low > self.average || self.high < self.average)
    }
}

/// The 95% Wilson score interval of `k` in `n`, in percent.
pub(crate) fn wilson(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 100.0);
    }
    let (n, z) = (n as f64, 1.96_f64);
    let p = k as f64 / n;
    let denom = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denom;
    (
        100.0 * (centre - half).max(0.0),
        100.0 * (centre + half).min(1.0),
    )
}

/// One card's line in the report.
#[derive(Clone, Debug, Serialize)]
pub struct CardRow {
    pub id: String,
    pub title: String,
    pub side: String,
    pub plays: u64,
    /// Plays for the event (headlines included).
    pub event_plays: u64,
    pub headlines: u64,
    /// Plays by the side the card does not belong to (none for either-side cards).
    pub other_side_plays: u64,
    /// The success of the side that played it, against that side's average.
    pub success: Rate,
    /// Why the card is flagged, if it is.
    pub flag: Option<String>,
}

/// One shock's line in the report.
#[derive(Clone, Debug, Serialize)]
pub struct ShockRow {
    pub id: String,
    pub title: String,
    pub revealed: u64,
    pub(crate) hurt_washington: u64,
    pub(crate) hurt_seoul: u64,
    /// The success of the side it hurt, against that side's average.
    pub success: Rate,
    pub flag: Option<String>,
}

/// The per-card rows; `average` is each side's success rate in every game, in percent.
pub(crate) fn card_rows(content: &Content, deck: &Deck, average: [f64; 2]) -> Vec<CardRow> {
    content
        .cards
        .iter()
        .enumerate()
        .map(|(i, card)| {
            let c = deck.cards.get(i).copied().unwrap_or_default();
            let other = card.side.owner().map_or(0, |o| c.plays[o.other().index()]);
            let success = weighted(c.successes, c.games, average);
            let plays = c.plays[0] + c.plays[1];
            CardRow {
                id: card.id.clone(),
                title: card.title.clone(),
                side: card.side.name().to_string(),
                plays,
                event_plays: c.events[0] + c.events[1],
                headlines: c.headlines[0] + c.headlines[1],
                other_side_plays: other,
                flag: flag(plays == 0, "never played", &success),
                success,
            }
        })
        .collect()
}

/// The per-shock rows.
pub(crate) fn shock_rows(content: &Content, deck: &Deck, average: [f64; 2]) -> Vec<ShockRow> {
    content
        .shocks
        .iter()
        .enumerate()
        .map(|(i, shock)| {
            let c = deck.shocks.get(i).copied().unwrap_or_default();
            let success = weighted(c.hurt_successes, c.hurt, average);
            ShockRow {
                id: shock.id.clone(),
                title: shock.title.clone(),
                revealed: c.revealed,
                hurt_washington: c.hurt[0],
                hurt_seoul: c.hurt[1],
                flag: flag(c.revealed == 0, "never revealed", &success),
                success,
            }
        })
        .collect()
}

/// Successes over both sides, against the sides' averages weighted by their games.
fn weighted(successes: [u64; 2], games: [u64; 2], average: [f64; 2]) -> Rate {
    let n = games[0] + games[1];
    let avg = if n == 0 {
        (average[0] + average[1]) / 2.0
    } else {
        (games[0] as f64 * average[0] + games[1] as f64 * average[1]) / n as f64
    };
    Rate::new(successes[0] + successes[1], n, avg)
}

fn flag(unused: bool, unused_text: &str, success: &Rate) -> Option<String> {
    if unused {
        Some(unused_text.to_string())
    } else if success.stands_out() {
        let dir = if success.low > success.average {
            "above"
        } else {
            "below"
        };
        Some(format!(
            "success {:.1}% (95% {:.1}-{:.1}) lies wholly {dir} the average {:.1}%",
            success.rate, success.low, success.high, success.average
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_intervals_and_flags() {
        let (lo, hi) = wilson(50, 100);
        assert!(
            (lo - 40.38).abs() < 0.01 && (hi - 59.62).abs() < 0.01,
            "{lo} {hi}"
        );
        assert_eq!(wilson(0, 0), (0.0, 100.0));
        // 25 of 29 stands out but is too few games; 26 of 30 against 50% is flagged.
        assert!(!Rate::new(25, 29, 50.0).stands_out());
        assert!(Rate::new(26, 30, 50.0).stands_out());
        assert!(!Rate::new(16, 30, 50.0).stands_out());
        let low = flag(false, "never played", &Rate::new(3, 40, 50.0));
        assert!(low.is_some_and(|f| f.contains("below")));
    }
}
