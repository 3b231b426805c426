//! The tutorial's prompts: one table, in the order they are taught. Each prompt appears when the
//! game reaches the situation it explains ([`When`], read from the engine's phase and the screen's
//! mode, never from particular cards or numbers, so deck and rule changes leave it working) and is
//! done when the player takes the step it asks for ([`Until`]). To teach a new mechanic, add a row.
//!
//! Text is short (two lines at 80 columns, checked by a test) and may say `{me}`, `{other}` (the
//! sides' names) and `{o}` (the letter the hand marks the other side's cards with).

use crate::engine::{Action, Phase, Recorded, Side};
use crate::tui::mode::Mode;
use crate::tui::session::Session;

/// One step of the tutorial.
pub(crate) struct Prompt {
    /// Its name in the saved progress: never reuse or rename one, or old saves lose their place.
    pub id: &'static str,
    /// Prompts that must be done before this one appears.
    pub after: &'static [&'static str],
    /// Prompts that make this one unneeded once done (it is then skipped).
    pub unless: &'static [&'static str],
    pub show: When,
    pub done: Until,
    pub text: &'static str,
}

/// A situation a prompt appears in (it shows only while the situation holds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    /// The player is to pick a headline.
    Headline,
    /// The player's action, on the main list.
    OwnTurn,
    /// The player's action, with a card of the other side in hand.
    HoldsOtherCard,
    /// The ways to play a card are open: for a card of the other side, or for one of the
    /// player's own or either side's.
    Chooser { other: bool },
    /// The player drafts a bundle.
    Drafting,
    /// The player answers an offer.
    Answering,
    /// From this round on, the player's headline or action.
    FromRound(u8),
    /// Any moment of the game until its end.
    Playing,
}

/// The step that completes a prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Until {
    /// The player picked a headline.
    Picked,
    /// The ways to play a card are open.
    ChooserOpen,
    /// The ways to play a card of the other side are open.
    ChooserOnOther,
    /// The ways to play a card closed (played, or Esc).
    ChooserClosed,
    /// The player played a card for its event or its ops.
    Played,
    /// The player sent a bundle.
    Sent,
    /// The player accepted, rejected or countered an offer.
    Answered,
    /// The player took any action.
    Acted,
}

pub(crate) const PROMPTS: &[Prompt] = &[
    Prompt {
        id: "headline",
        after: &[],
        unless: &[],
        show: When::Headline,
        done: Until::Picked,
        text: "Each round opens with a headline: both sides pick a card in secret, then both \
               cards fire their events. Pick yours: its number, then Enter.",
    },
    Prompt {
        id: "your-turn",
        after: &["headline"],
        unless: &[],
        show: When::OwnTurn,
        done: Until::ChooserOpen,
        text: "Both headlines fired (the log says how). Now the sides take actions in turn. \
               Press a card's number to see how it can be played.",
    },
    Prompt {
        id: "chooser-other",
        after: &[],
        unless: &[],
        show: When::Chooser { other: true },
        done: Until::ChooserClosed,
        text: "A {other} card: played for ops, its event fires for {other}. With 2 leverage \
               you may set it aside unfired. Pick a row, or Esc.",
    },
    Prompt {
        id: "event-or-ops",
        after: &[],
        unless: &[],
        show: When::Chooser { other: false },
        done: Until::Played,
        text: "Event: the card's printed effects, for you. Ops: its points buy the moves of one \
               option of its kind. Pick a row: its number, or ↑↓ and Enter.",
    },
    Prompt {
        id: "other-card",
        after: &["event-or-ops"],
        unless: &["chooser-other"],
        show: When::HoldsOtherCard,
        done: Until::ChooserOnOther,
        text: "Cards marked {o} are {other}'s: their events fire for {other} when played, or \
               at the round's end if you hold over two. Press one's number.",
    },
    Prompt {
        id: "deal-open",
        after: &["event-or-ops"],
        unless: &["deal-edit"],
        show: When::OwnTurn,
        done: Until::Sent,
        text: "An action can open a deal instead: terms you give and ask, which {other} \
               accepts, rejects or counters. Press d to open one.",
    },
    Prompt {
        id: "deal-edit",
        after: &[],
        unless: &[],
        show: When::Drafting,
        done: Until::Sent,
        text: "Add terms by their letters: + give is yours, + ask is {other}'s. Below the list: \
               what the selected term does. Then press s to send.",
    },
    Prompt {
        id: "offer",
        after: &[],
        unless: &[],
        show: When::Answering,
        done: Until::Answered,
        text: "{other} offers a deal: its terms and their effects are above. Press a to accept, \
               r to reject, or c to counter with a bundle of your own.",
    },
    Prompt {
        id: "deal-answer",
        after: &["deal-edit"],
        unless: &[],
        show: When::OwnTurn,
        done: Until::Acted,
        text: "The log (PgUp scrolls it) says how {other} answered, and why if it said no. An \
               accepted deal moves the tracks at once. Next: a card's number, or d.",
    },
    Prompt {
        id: "summit",
        after: &[],
        unless: &[],
        show: When::FromRound(2),
        done: Until::Acted,
        text: "The summit scored each aim for its level: ×2 if Washington's priority names it, \
               once more if starred ★ on the agenda. Headline: number, Enter.",
    },
    Prompt {
        id: "bands",
        after: &["summit"],
        unless: &[],
        show: When::FromRound(2),
        done: Until::Acted,
        text: "A balance in its band pays one side; both, with cohesion, pay both. Pushing the \
               other's out may pay. «Symmetric alliance?» says what is missing.",
    },
    Prompt {
        id: "finish",
        after: &["bands"],
        unless: &[],
        show: When::Playing,
        done: Until::Acted,
        text: "That is the tutorial. Play on to the last summit, or press q to leave: the game \
               is saved, and Load resumes it. ? shows help and how to win.",
    },
];

/// What a prompt's conditions read: the game on screen, the keyboard's mode, the player's side,
/// and the decisions recorded since the prompt first showed.
pub(crate) struct Cx<'a> {
    pub s: &'a Session,
    pub mode: Mode,
    pub me: Side,
    pub since: &'a [Recorded],
}

impl Cx<'_> {
    fn my_move(&self) -> bool {
        self.s.human_to_move() == Some(self.me)
    }

    /// Whether `card` belongs to the other side (its event would fire for them).
    fn others(&self, card: crate::engine::CardId) -> bool {
        self.s.game().content().card(card).side.owner() == Some(self.me.other())
    }

    fn acted(&self, pred: impl Fn(&Action) -> bool) -> bool {
        self.since
            .iter()
            .any(|r| r.side == self.me && pred(&r.action))
    }
}

impl When {
    pub(crate) fn holds(self, cx: &Cx) -> bool {
        let phase = cx.s.game().phase();
        let turn = cx.mode == Mode::Turn && cx.my_move();
        // The main list or the ways to play one of its cards.
        let choosing = matches!(cx.mode, Mode::Turn | Mode::Chooser) && cx.my_move();
        let actions = matches!(phase, Phase::Actions { .. });
        match self {
            When::Headline => choosing && matches!(phase, Phase::Headline { .. }),
            When::OwnTurn => turn && actions,
            When::HoldsOtherCard => {
                let hand = cx.s.view().map(|v| v.hand.to_vec()).unwrap_or_default();
                turn && actions && hand.iter().any(|c| cx.others(*c))
            }
            When::Chooser { other } => {
                let card = cx.s.chooser.as_ref().map(|c| c.card);
                cx.mode == Mode::Chooser && actions && card.is_some_and(|c| cx.others(c) == other)
            }
            When::Drafting => cx.mode == Mode::Deal,
            When::Answering => cx.mode == Mode::Answer,
            When::FromRound(n) => cx.s.game().board().round >= n && choosing,
            When::Playing => !cx.s.game().is_over(),
        }
    }
}

impl Until {
    pub(crate) fn met(self, cx: &Cx) -> bool {
        match self {
            Until::Picked => cx.acted(|a| matches!(a, Action::Headline { .. })),
            Until::ChooserOpen => cx.mode == Mode::Chooser,
            Until::ChooserOnOther => When::Chooser { other: true }.holds(cx),
            Until::ChooserClosed => cx.mode != Mode::Chooser,
            Until::Played => cx.acted(|a| matches!(a, Action::Event { .. } | Action::Ops { .. })),
            Until::Sent => cx.acted(|a| *a == Action::Send),
            Until::Answered => {
                cx.acted(|a| matches!(a, Action::Accept | Action::Reject | Action::Counter))
            }
            Until::Acted => cx.acted(|_| true),
        }
    }
}

/// A prompt's text for a player of side `me`.
pub(crate) fn text(prompt: &Prompt, me: Side) -> String {
    let other = me.other().to_string();
    let letter = other.chars().next().map_or_else(String::new, String::from);
    prompt
        .text
        .replace("{me}", &me.to_string())
        .replace("{other}", &other)
        .replace("{o}", &letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A prompt must fit the band of an 80×24 screen, for a player of either side.
    #[test]
    fn every_prompt_fits_two_lines_at_80_columns() {
        for p in PROMPTS {
            for side in Side::BOTH {
                let lines = crate::tui::tutorial::band::lines(&text(p, side), 80);
                let n = lines.len();
                assert!(
                    n <= usize::from(crate::tui::tutorial::band::LINES),
                    "{}: {lines:?}",
                    p.id
                );
            }
        }
    }

    /// Ids name progress in save files, and `after`/`unless` name ids: each must exist once.
    #[test]
    fn prompt_ids_are_unique_and_every_reference_exists() {
        for (i, p) in PROMPTS.iter().enumerate() {
            assert!(PROMPTS[..i].iter().all(|q| q.id != p.id), "{} twice", p.id);
            for r in p.after.iter().chain(p.unless) {
                assert!(
                    PROMPTS.iter().any(|q| q.id == *r),
                    "{}: no prompt {r}",
                    p.id
                );
            }
        }
    }
}
