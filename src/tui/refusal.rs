//! The bot's one-line reason for rejecting an offer, for the log: the term its own evaluation
//! could not accept ([`crate::ai::objection`]), worded for the person reading the log.

use super::describe;
use crate::ai::Objection;
use crate::engine::{Action, Content, Deal, Game, Phase, Side, Viewer};

/// Why `side`, about to play `action`, rejects the offer on the table, worded for `reader`;
/// `None` unless it is a rejection of a sent offer that the evaluation finds a reason against.
/// Asked before the rejection is applied, while the offer is still on the table.
pub(crate) fn reason(game: &Game, side: Side, action: Action, reader: Viewer) -> Option<String> {
    let Phase::Deal(deal) = game.phase() else {
        return None;
    };
    if action != Action::Reject || !deal.sent || !game.legal_actions().contains(&Action::Accept) {
        return None;
    }
    let objection = crate::ai::objection(&game.view(side), deal)?;
    Some(line(game.content(), side, deal, objection, reader))
}

/// The sentence: which term, and why, in the rejecting side's name.
fn line(content: &Content, side: Side, deal: &Deal, o: Objection, reader: Viewer) -> String {
    // A card given is shown only to the parties: the offerer knows its own card, and the log's
    // reader is the offerer in solo play; a public log names no card.
    let reveal = reader == Viewer::Side(deal.offerer);
    match o {
        Objection::Term { term, asked: true } => format!(
            "{side} rejects: «{}» costs it more than the offer gives",
            describe::term(content, term, reveal)
        ),
        Objection::Term { term, asked: false } => format!(
            "{side} rejects: it does not want «{}»",
            describe::term(content, term, reveal)
        ),
        Objection::Whole => {
            format!("{side} rejects: the offer as a whole leaves it worse off than no deal")
        }
    }
}
