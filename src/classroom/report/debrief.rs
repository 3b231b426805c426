//! Debrief questions tied to the concepts the game played through: every card carries a concept,
//! so the cards a class actually played choose the questions it discusses.

use super::model::{DebriefQuestion, RoundReport};
use crate::engine::{Concept, Content, Outcome};
use std::collections::BTreeMap;

/// How many concept questions a report asks (the most-played concepts first).
const CONCEPT_QUESTIONS: usize = 6;

fn question(concept: Concept) -> &'static str {
    match concept {
        Concept::Structure => {
            "Which shocks came from the structure of the world order rather than from either capital? Could any play have moved that structure, or only prepared for it?"
        }
        Concept::Agency => {
            "Where did Washington's own change of behaviour, not the world order, drive the game? How did Seoul answer it?"
        }
        Concept::DealFocus => {
            "While the President's trade focus was up, which of Seoul's offers fitted it, and did fitting it pay?"
        }
        Concept::StrategyFocus => {
            "While the staff's Indo-Pacific focus was up, what did Washington ask for, and what did it cost the alliance's cohesion?"
        }
        Concept::Cost => {
            "How far did Seoul's spending and the cost-sharing talks move the responsibility balance? Was paying more the same as sharing responsibility?"
        }
        Concept::Mission => {
            "What did strategic flexibility for U.S. forces in Korea buy each side, and who carried its risks?"
        }
        Concept::Role => {
            "Where did Seoul's regional role sit between the free-riding charge and entrapment? Which plays pulled it each way?"
        }
        Concept::Status => {
            "When did Seoul gain status in the combined defence architecture, and what did it give for it?"
        }
        Concept::Opcon => {
            "How far did wartime OPCON transfer progress, and what held it back: conditions, trust, or the other side's priorities?"
        }
        Concept::Posture => {
            "Was the USFK posture a bargaining chip or a shared interest in this game? Who moved it, and why?"
        }
        Concept::SelfHelp => {
            "Did building self-help make the alliance more symmetric, or did it push the responsibility balance towards decoupling?"
        }
        Concept::AllianceLayer => {
            "When shocks hit, how much did the alliance layer absorb, and who took the trouble to renew it?"
        }
        Concept::Partnership => {
            "Which security partnerships beyond the alliance helped Seoul absorb regional shocks, and at what price in Washington's eyes?"
        }
        Concept::Solidarity => {
            "Did international solidarity calm the order, or only spread the risk? Which plays showed it?"
        }
        Concept::Masga => {
            "How much leverage did shipbuilding cooperation (MASGA) buy Seoul, and did it turn into anything at the summits?"
        }
        Concept::NuclearEnergy => {
            "Was nuclear-energy cooperation a win-win in this game, or a concession? Who gained from it?"
        }
        Concept::Flexibility2 => {
            "Did putting strategic flexibility 2.0 on the table first help Seoul shape the terms? What would have happened had Washington raised it instead?"
        }
        Concept::SymmetricAlliance => {
            "At which summits was the alliance symmetric, and what had both sides done in the rounds before?"
        }
        Concept::Cohesion => {
            "When did the two discourses converge, and when did they pull apart? Trace cohesion to the deals and plays that moved it."
        }
    }
}

pub(super) fn questions(
    content: &Content,
    rounds: &[RoundReport],
    outcome: Option<&Outcome>,
) -> Vec<DebriefQuestion> {
    let mut played: BTreeMap<Concept, u32> = BTreeMap::new();
    for play in rounds.iter().flat_map(|r| &r.plays) {
        if let Some(c) = content.card_by_id(&play.card) {
            *played.entry(content.card(c).concept).or_default() += 1;
        }
    }
    let mut ranked: Vec<(Concept, u32)> = played.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<DebriefQuestion> = ranked
        .into_iter()
        .take(CONCEPT_QUESTIONS)
        .map(|(c, n)| DebriefQuestion {
            concept: c.id().to_owned(),
            concept_name: c.name().to_owned(),
            plays: n,
            question: question(c).to_owned(),
        })
        .collect();
    let symmetric = rounds.iter().any(|r| r.symmetric);
    let closing = if outcome.is_some_and(|o| o.is_rupture()) {
        Some(
            "The alliance ruptured. Which decision, deal or shock broke it, and what earlier play could have left more cohesion in reserve?",
        )
    } else if !symmetric {
        Some(
            "The alliance never became symmetric. What kept the balances out of their bands, and which side could have moved first?",
        )
    } else {
        None
    };
    let lens = "Which lens makes the alliance cohesive: the relative one, where only the score difference counts, or the absolute one, where both sides can succeed together?";
    for q in closing.into_iter().chain([lens]) {
        out.push(DebriefQuestion {
            concept: Concept::SymmetricAlliance.id().to_owned(),
            concept_name: Concept::SymmetricAlliance.name().to_owned(),
            plays: 0,
            question: q.to_owned(),
        });
    }
    out
}
