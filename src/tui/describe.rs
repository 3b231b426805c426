//! Plain-language descriptions of game data: effects, requirements, deal terms and actions. The
//! card detail pane, the deal editor, the log and the action chooser all read these.

use crate::engine::{
    Action, CardId, Condition, Content, Deal, Effect, Game, Meter, Side, Step, Term, Who,
};

fn signed(by: i32) -> String {
    if by >= 0 {
        format!("+{by}")
    } else {
        by.to_string()
    }
}

fn who(w: Who) -> &'static str {
    match w {
        Who::Me => "owner",
        Who::Other => "other side",
        Who::Washington => "Washington",
        Who::Seoul => "Seoul",
    }
}

pub fn effect(content: &Content, e: &Effect) -> String {
    match *e {
        Effect::Move { meter, by } => format!("{} {}", meter.name(), signed(i32::from(by))),
        Effect::Draw { who: w, count } => format!("{} draws {count}", who(w)),
        Effect::Discard { who: w, count } => format!("{} discards {count} at random", who(w)),
        Effect::ShockSize { by } => format!("next shock size {}", signed(i32::from(by))),
        Effect::FlipPriority => "Washington's priority turns over".into(),
        Effect::SetPriority { to } => format!("Washington's priority set to {}", to.name()),
        Effect::EndStructural { domain } => match domain {
            Some(d) => format!("ends structural {} shocks", d.name()),
            None => "ends structural shocks".into(),
        },
        Effect::Prevent { card } => format!("«{}» can no longer fire", card_title(content, card.0)),
        Effect::Score { who: w, points } => format!("{} scores {}", who(w), signed(points.into())),
        Effect::Actions { who: w, by } => format!("{} actions {}", who(w), signed(by.into())),
    }
}

pub fn effects(content: &Content, list: &[Effect]) -> String {
    if list.is_empty() {
        return "no effect".into();
    }
    list.iter()
        .map(|e| effect(content, e))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn condition(content: &Content, c: &Condition) -> String {
    match *c {
        Condition::AtLeast { meter, value } => format!("{} at least {value}", meter.name()),
        Condition::AtMost { meter, value } => format!("{} at most {value}", meter.name()),
        Condition::Priority { is } => format!("priority is {}", is.name()),
        Condition::Structural { domain } => match domain {
            Some(d) => format!("a structural {} shock in play", d.name()),
            None => "a structural shock in play".into(),
        },
        Condition::Played { card } => format!("«{}» played before", card_title(content, card.0)),
    }
}

pub fn conditions(content: &Content, list: &[Condition]) -> String {
    list.iter()
        .map(|c| condition(content, c))
        .collect::<Vec<_>>()
        .join(" and ")
}

pub fn steps(steps: &[Step], points: u8) -> String {
    steps
        .iter()
        .map(|s| format!("{} {}", s.meter.name(), signed(s.scaled(i32::from(points)))))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn card_title(content: &Content, card: CardId) -> &str {
    content
        .cards
        .get(usize::from(card))
        .map_or("?", |c| c.title.as_str())
}

/// A deal term's label; `reveal` shows a card's title (only the parties to the deal see it).
pub fn term(content: &Content, t: Term, reveal: bool) -> String {
    match t {
        Term::Vocab(i) => content
            .rules
            .deals
            .terms
            .get(usize::from(i))
            .map_or_else(|| "?".into(), |d| d.label.clone()),
        Term::Card(c) if reveal => format!("the card «{}»", card_title(content, c)),
        Term::Card(_) => "a card from hand".into(),
    }
}

/// What a term does when the deal is carried out.
pub fn term_effect(content: &Content, t: Term, giver: Side) -> String {
    match t {
        Term::Vocab(i) => content
            .rules
            .deals
            .terms
            .get(usize::from(i))
            .map_or_else(String::new, |d| effects(content, &d.effects)),
        Term::Card(_) => format!("the card moves to {}'s hand", giver.other()),
    }
}

/// The cohesion effect of a deal as it stands, for the editor and the answer screen.
pub fn deal_cohesion(game: &Game, deal: &Deal) -> String {
    let rules = &game.content().rules.deals;
    if deal.is_mutual() {
        if game.board().deal_bonus_used[deal.opener.index()] {
            "Both give: no cohesion change (the bonus was already used this round).".into()
        } else {
            format!(
                "Both give: cohesion {} if accepted.",
                signed(rules.mutual_cohesion.into())
            )
        }
    } else if deal.is_bare() {
        format!(
            "A bare demand: cohesion {} whether accepted or rejected; if rejected the demander gains {} leverage.",
            signed(rules.bare_cohesion.into()),
            rules.bare_reject_leverage
        )
    } else if deal.gives.is_empty() {
        "Nothing on the table yet.".into()
    } else {
        "A gift: no cohesion change.".into()
    }
}

/// A one-line label for a legal action, as the action chooser lists it.
pub fn action(game: &Game, side: Side, a: Action) -> String {
    let content = game.content();
    match a {
        Action::Headline { card } => format!("Headline «{}»", card_title(content, card)),
        Action::Event { card } => format!(
            "Play for its event: {}",
            effects(content, &content.card(card).effects)
        ),
        Action::Ops {
            card,
            option,
            event_first,
        } => {
            let kind = content.card(card).kind;
            let points = game.ops_value(card);
            let opt = content
                .rules
                .ops_options(side, kind)
                .get(usize::from(option));
            let label = opt.map_or("?", |o| o.label.as_str());
            let gain = opt.map(|o| steps(&o.per_point, points)).unwrap_or_default();
            let theirs = content.card(card).side.owner() == Some(side.other());
            let order = match (theirs, event_first) {
                (false, _) => "",
                (true, true) => " — their event fires first",
                (true, false) => " — their event fires after",
            };
            format!("Ops {points}: {label} ({gain}){order}")
        }
        Action::OpenDeal => "Open a deal (uses an action, no card)".into(),
        Action::Give(t) => format!("Give: {}", term(content, t, true)),
        Action::Ask(t) => format!("Ask: {}", term(content, t, true)),
        Action::Drop { ask, index } => format!(
            "Drop {} term {}",
            if ask { "asked" } else { "given" },
            index + 1
        ),
        Action::Send => "Send the offer".into(),
        Action::Withdraw => "Withdraw".into(),
        Action::Accept => "Accept".into(),
        Action::Reject => "Reject".into(),
        Action::Counter => "Counter with a new bundle".into(),
        Action::Pass => "Pass (your hand is empty)".into(),
    }
}

/// Which card an action uses, if any.
pub fn action_card(a: Action) -> Option<CardId> {
    match a {
        Action::Headline { card } | Action::Event { card } | Action::Ops { card, .. } => Some(card),
        _ => None,
    }
}

/// A meter's range as a short string, with its band when it has one.
pub fn band(content: &Content, m: Meter) -> String {
    let t = content.rules.track(m);
    match t.band {
        Some((lo, hi)) => format!("band {lo}-{hi}"),
        None if m == Meter::Cohesion => format!("floor {}", content.rules.cohesion_floor),
        None => String::new(),
    }
}

/// Why the alliance is or is not symmetric now, one reason per condition.
pub fn symmetry_reasons(game: &Game) -> Vec<String> {
    let content = game.content();
    let mut out = Vec::new();
    for m in [Meter::Responsibility, Meter::RoleBalance] {
        let v = game.meter(m);
        if let Some((lo, hi)) = content.rules.track(m).band {
            let where_ = if v < lo {
                "below"
            } else if v > hi {
                "above"
            } else {
                "inside"
            };
            out.push(format!("{} {v} is {where_} its band {lo}-{hi}", m.name()));
        }
    }
    let (c, floor) = (game.meter(Meter::Cohesion), content.rules.cohesion_floor);
    let cmp = if c >= floor { "at or above" } else { "below" };
    out.push(format!("Cohesion {c} is {cmp} its floor {floor}"));
    out
}
