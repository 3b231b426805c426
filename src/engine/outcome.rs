//! How a game ended.

use super::ids::Side;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
/// The way a game ended; which one depends on the rules' [`Lens`](crate::engine::Lens) and on cohesion.
pub enum Ending {
    /// Relative lens: the higher score wins; `None` is a draw.
    Relative {
        /// The winner, or `None` for a draw.
        winner: Option<Side>,
    },
    /// Absolute lens: each side succeeded if it reached its target.
    Absolute {
        /// Whether each side reached its target, indexed by [`Side::index`].
        success: [bool; 2],
    },
    /// Cohesion reached 0. `blame` is the side that caused it, or `None` if a shock or the
    /// summit did, in which case both lose.
    Rupture {
        /// The side that broke the alliance, if one did.
        blame: Option<Side>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// How a game ended, with the final scores.
pub struct Outcome {
    /// Which way it ended.
    pub ending: Ending,
    /// Final scores, indexed by [`Side::index`].
    pub scores: [i16; 2],
    /// Whether the alliance was symmetric at the end.
    pub symmetric: bool,
    /// The round it ended in (earlier than the last on a rupture).
    pub round: u8,
}

impl Outcome {
    /// The side that won outright, if one did.
    pub fn winner(&self) -> Option<Side> {
        match self.ending {
            Ending::Relative { winner } => winner,
            Ending::Absolute { success } => match success {
                [true, false] => Some(Side::Washington),
                [false, true] => Some(Side::Seoul),
                _ => None,
            },
            Ending::Rupture { blame } => blame.map(Side::other),
        }
    }
    /// Whether `side` achieved what the lens asks of it.
    pub fn succeeded(&self, side: Side) -> bool {
        match self.ending {
            Ending::Absolute { success } => success[side.index()],
            _ => self.winner() == Some(side),
        }
    }
    /// A side's final score.
    pub(crate) fn score(&self, side: Side) -> i16 {
        self.scores[side.index()]
    }
    pub(crate) fn is_rupture(&self) -> bool {
        matches!(self.ending, Ending::Rupture { .. })
    }
    /// One line that says how the game ended.
    pub(crate) fn summary(&self) -> String {
        let [w, s] = self.scores;
        match self.ending {
            Ending::Rupture { blame: Some(side) } => {
                format!(
                    "The alliance ruptured in round {} and {side} is to blame: {} wins.",
                    self.round,
                    side.other()
                )
            }
            Ending::Rupture { blame: None } => {
                format!(
                    "The alliance ruptured in round {} with no one to blame: both sides lose.",
                    self.round
                )
            }
            Ending::Relative { winner: Some(side) } => format!("{side} wins, {w} to {s}."),
            Ending::Relative { winner: None } => format!("A draw at {w} each."),
            Ending::Absolute { success } => {
                let word = |ok: bool| if ok { "succeeds" } else { "falls short" };
                format!(
                    "Washington {} ({w}); Seoul {} ({s}).",
                    word(success[0]),
                    word(success[1])
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(ending: Ending) -> Outcome {
        Outcome {
            ending,
            scores: [10, 8],
            symmetric: false,
            round: 8,
        }
    }

    #[test]
    fn winners_follow_the_lens() {
        assert_eq!(
            outcome(Ending::Relative {
                winner: Some(Side::Seoul)
            })
            .winner(),
            Some(Side::Seoul)
        );
        let both = outcome(Ending::Absolute {
            success: [true, true],
        });
        assert_eq!(both.winner(), None);
        assert!(both.succeeded(Side::Washington) && both.succeeded(Side::Seoul));
        let blamed = outcome(Ending::Rupture {
            blame: Some(Side::Washington),
        });
        assert_eq!(blamed.winner(), Some(Side::Seoul));
        assert!(!blamed.succeeded(Side::Washington));
        assert!(
            outcome(Ending::Rupture { blame: None })
                .summary()
                .contains("both sides lose")
        );
    }
}
