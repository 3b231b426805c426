//! The negotiation part of the walk: offers, replies with their answer times, and deal results.
//! Counters leave no event of their own, so replies are read from the recorded steps.

use super::build::Walk;
use super::model::OfferLine;
use crate::classroom::record::Step;
use crate::engine::{Action, Side, Term};

impl Walk<'_> {
    fn term_label(&self, term: &Term) -> String {
        match term {
            Term::Vocab(i) => self
                .content
                .rules
                .deals
                .terms
                .get(usize::from(*i))
                .map_or_else(|| format!("term {i}"), |t| t.label.clone()),
            Term::Card(c) => format!("the card `{}`", self.content.card(*c).title),
        }
    }

    pub(super) fn offer(&mut self, by: Side, gives: &[Term], asks: &[Term], counter: u8) {
        let stats = &mut self.stats[by.index()];
        if counter == 0 {
            stats.offers += 1;
        } else {
            stats.counters += 1;
        }
        let line = OfferLine {
            by,
            gives: gives.iter().map(|t| self.term_label(t)).collect(),
            asks: asks.iter().map(|t| self.term_label(t)).collect(),
            counter,
            reply: "unanswered".into(),
            answer_ms: None,
        };
        if let Some(deal) = self.round().and_then(|r| r.deals.last_mut()) {
            deal.offers.push(line);
        }
    }

    /// Notes the reply to the last offer, before the step's events are read.
    pub(super) fn note_answer(&mut self, step: &Step) {
        let reply = match step.action {
            Action::Accept => "accepted",
            Action::Reject if step.timed_out => "timed out",
            Action::Reject => "rejected",
            Action::Counter => "countered",
            _ => return,
        };
        let side = step.side.index();
        match step.action {
            Action::Accept => self.stats[side].accepted += 1,
            _ if step.timed_out => self.stats[side].timeouts += 1,
            _ => {}
        }
        if let Some(ms) = step.answer_ms {
            self.answer_ms[side].push(ms);
            let times = &self.answer_ms[side];
            let s = &mut self.stats[side];
            s.timed_answers = times.len() as u32;
            s.mean_answer_ms = Some(times.iter().sum::<u64>() / times.len() as u64);
            s.max_answer_ms = times.iter().max().copied();
        }
        let offer = self
            .round()
            .and_then(|r| r.deals.last_mut())
            .and_then(|d| d.offers.last_mut());
        if let Some(o) = offer {
            o.reply = reply.into();
            o.answer_ms = step.answer_ms;
        }
    }

    pub(super) fn deal_result(&mut self, result: &str) {
        if let Some(deal) = self.round().and_then(|r| r.deals.last_mut()) {
            let timed_out = deal.offers.last().is_some_and(|o| o.reply == "timed out");
            deal.result = if timed_out { "timed out" } else { result }.into();
        }
    }
}
