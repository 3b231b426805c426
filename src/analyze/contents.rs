//! The deck read as data, without playing: how many cards only move meters, which effect kinds
//! the others use, and which side cards' events cost the other side nothing (so playing the
//! opponent's card for its ops is free under the absolute lens).

use crate::engine::{Card, Content, Effect, Meter, Side};
use serde::Serialize;
use std::collections::BTreeMap;

/// The deck's make-up.
#[derive(Clone, Debug, Serialize)]
pub struct DeckFigures {
    pub cards: usize,
    /// Cards whose event does nothing but move meters.
    pub(crate) meter_only: usize,
    /// Cards whose event can be blocked by a requirement.
    pub(crate) with_requirement: usize,
    /// Cards using each effect kind, by the kind's data name.
    pub(crate) cards_by_effect: BTreeMap<String, usize>,
    /// Washington's and Seoul's cards whose event costs the other side nothing.
    pub(crate) free_for_other_side: [Vec<String>; 2],
    /// Washington's and Seoul's own cards.
    pub(crate) side_cards: [usize; 2],
}

/// The make-up of `content`'s deck.
pub(crate) fn deck_figures(content: &Content) -> DeckFigures {
    let cards = &content.cards;
    let mut by_effect = BTreeMap::new();
    for card in cards {
        let mut kinds: Vec<&str> = card.effects.iter().map(kind_name).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for k in kinds {
            *by_effect.entry(k.to_string()).or_insert(0) += 1;
        }
    }
    let owned_by = |side: Side| cards.iter().filter(move |c| c.side.owner() == Some(side));
    DeckFigures {
        cards: cards.len(),
        meter_only: cards
            .iter()
            .filter(|c| c.effects.iter().all(|e| matches!(e, Effect::Move { .. })))
            .count(),
        with_requirement: cards.iter().filter(|c| !c.requires.is_empty()).count(),
        cards_by_effect: by_effect,
        free_for_other_side: Side::BOTH.map(|side| {
            owned_by(side)
                .filter(|c| !costs_other_side(content, c, side))
                .map(|c| c.id.clone())
                .collect()
        }),
        side_cards: Side::BOTH.map(|side| owned_by(side).count()),
    }
}

/// Whether `card`'s event, fired for `owner`, takes something from the other side: lowers one
/// of its items or the cohesion, raises the order uncertainty (bigger shocks), makes it discard, lose points or actions, or prevents one of
/// its cards. (Under the relative lens every gain of the owner costs the other side; this asks
/// the absolute lens's question.)
pub(crate) fn costs_other_side(content: &Content, card: &Card, owner: Side) -> bool {
    let other = owner.other();
    card.effects.iter().any(|e| match *e {
        Effect::Move { meter, by } => {
            (by < 0 && (meter.owner() == Some(other) || meter == Meter::Cohesion))
                || (by > 0 && meter == Meter::Uncertainty)
        }
        Effect::Discard { who, .. } => who.resolve(owner) == other,
        Effect::Score { who, points } => who.resolve(owner) == other && points < 0,
        Effect::Actions { who, by } => who.resolve(owner) == other && by < 0,
        Effect::Prevent { card } => content
            .cards
            .get(usize::from(card.0))
            .is_some_and(|c| c.side.owner() == Some(other)),
        _ => false,
    })
}

fn kind_name(e: &Effect) -> &'static str {
    match e {
        Effect::Move { .. } => "move",
        Effect::Draw { .. } => "draw",
        Effect::Discard { .. } => "discard",
        Effect::ShockSize { .. } => "shock_size",
        Effect::FlipPriority => "flip_priority",
        Effect::SetPriority { .. } => "set_priority",
        Effect::EndStructural { .. } => "end_structural",
        Effect::Prevent { .. } => "prevent",
        Effect::Score { .. } => "score",
        Effect::Actions { .. } => "actions",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Data;

    #[test]
    fn an_event_costs_the_other_side_only_when_it_takes_from_it() {
        let content = Data::embedded().build().expect("the shipped data builds");
        let mut card = content.cards[0].clone();
        card.effects = vec![Effect::Move {
            meter: Meter::UsRole,
            by: 2,
        }];
        assert!(!costs_other_side(&content, &card, Side::Washington));
        card.effects.push(Effect::Move {
            meter: Meter::Opcon,
            by: -1,
        });
        assert!(costs_other_side(&content, &card, Side::Washington));
        // Lowering your own item costs the other side nothing.
        card.effects = vec![Effect::Move {
            meter: Meter::Opcon,
            by: -1,
        }];
        assert!(!costs_other_side(&content, &card, Side::Seoul));
        let deck = deck_figures(&content);
        assert_eq!(deck.cards, content.cards.len());
        assert!(deck.meter_only < deck.cards && deck.cards_by_effect["move"] >= deck.meter_only);
    }
}
