//! Small steps the engine's scenario tests share: a card or a deal term by its id, and a list of
//! actions applied in order.

use symmetric_alliance::engine::{Action, CardId, Content, Event, Game, Term};

/// The card with this id, which the data must have.
pub fn card(content: &Content, id: &str) -> CardId {
    content.card_by_id(id).expect("card exists")
}

/// The deal term with this id, which the rules must have.
pub fn term(content: &Content, id: &str) -> Term {
    let terms = &content.rules.deals.terms;
    let i = terms.iter().position(|t| t.id == id).expect("term exists");
    Term::Vocab(i as u8)
}

/// Applies every action in order, panicking on the first one refused; returns all their events.
pub fn apply_all(game: &mut Game, actions: &[Action]) -> Vec<Event> {
    let mut all = Vec::new();
    for a in actions {
        all.extend(
            game.apply(*a)
                .unwrap_or_else(|e| panic!("{a:?} refused: {e}")),
        );
    }
    all
}
