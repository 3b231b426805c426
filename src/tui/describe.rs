//! Plain-language descriptions of game data: effects, requirements, deal terms and actions. The
//! card detail pane, the deal editor, the log and the action chooser all read these.

use crate::engine::{
    Action, CardId, Condition, Content, Deal, DealShape, Effect, Game, Meter, Side, Standing, Step,
    Term, Who,
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

/// The cohesion effect of a deal as it stands, for the editor and the answer screen, as the
/// engine rules it for the deal's shape.
pub fn deal_cohesion(game: &Game, deal: &Deal) -> String {
    let rules = &game.content().rules.deals;
    let cohesion = deal.accept_cohesion(rules, game.board());
    match deal.shape() {
        DealShape::Mutual if !deal.bonus_open(game.board()) => {
            "Both give: no cohesion change (the bonus was already used this round).".into()
        }
        DealShape::Mutual => format!(
            "Both give: cohesion {} if accepted.",
            signed(cohesion.into())
        ),
        DealShape::Bare => {
            let [(_, leverage), (_, rejected)] = rules.bare_rejection(deal.offerer);
            format!(
                "A bare demand: cohesion {} whether accepted or rejected; if rejected the demander gains {leverage} leverage.",
                signed(rejected.into()),
            )
        }
        DealShape::Empty => "Nothing on the table yet.".into(),
        DealShape::Gift => "A gift: no cohesion change.".into(),
    }
}

/// An operations option's label and what `points` of it buy, for `side` playing `card`.
fn ops_option(
    content: &Content,
    side: Side,
    (card, option): (CardId, u8),
    points: u8,
) -> (&str, String) {
    let kind = content.card(card).kind;
    let opt = content
        .rules
        .ops_options(side, kind)
        .get(usize::from(option));
    let label = opt.map_or("?", |o| o.label.as_str());
    (
        label,
        opt.map(|o| steps(&o.per_point, points)).unwrap_or_default(),
    )
}

/// A one-line label for a legal action, as the action chooser lists it.
pub fn action(game: &Game, side: Side, a: Action) -> String {
    let content = game.content();
    match a {
        Action::Headline { card } => format!("Headline «{}»", card_title(content, card)),
        Action::Event { card } => {
            let gain = content.rules.initiative_gain(content.card(card), side);
            let initiative = if gain > 0 {
                format!(" (+{gain} leverage for the initiative)")
            } else {
                String::new()
            };
            format!(
                "Play for its event{initiative}: {}",
                effects(content, &content.card(card).effects)
            )
        }
        Action::Ops {
            card,
            option,
            event_first,
        } => {
            let points = game.ops_value(card);
            let (label, gain) = ops_option(content, side, (card, option), points);
            let theirs = content.card(card).side.owner() == Some(side.other());
            // First, so the words that tell two such options apart are never the ones cut.
            let order = match (theirs, event_first) {
                (false, _) => "",
                (true, true) => ", event first",
                (true, false) => ", event after",
            };
            format!("Ops {points}{order}: {label} ({gain})")
        }
        Action::Boost { card, option } => {
            let lev = content.rules.leverage;
            let points = game.ops_value(card).saturating_add(lev.boost_ops);
            let (label, gain) = ops_option(content, side, (card, option), points);
            format!(
                "Ops {points} (+{} for {} leverage): {label} ({gain})",
                lev.boost_ops, lev.boost_cost
            )
        }
        Action::SetAside { .. } => format!(
            "Set aside for {} leverage: discarded, its event never fires",
            content.rules.leverage.set_aside
        ),
        Action::OpenDeal => "Open a deal (no card needed)".into(),
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

/// Why a card's event cannot be played now, from the engine's [`Game::event_bar`].
pub fn event_bar(content: &Content, bar: &(crate::engine::Fizzle, Vec<Condition>)) -> String {
    match bar {
        (crate::engine::Fizzle::Prevented, _) => {
            "Event: cannot fire now, it has been prevented.".into()
        }
        (_, unmet) => format!(
            "Event: cannot fire now, requires {}.",
            conditions(content, unmet)
        ),
    }
}

/// Which card an action uses, if any.
pub fn action_card(a: Action) -> Option<CardId> {
    a.card()
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

/// Why the alliance is or is not symmetric now, one reason per test of the engine's rule.
pub fn symmetry_reasons(game: &Game) -> Vec<String> {
    let rules = &game.content().rules;
    rules
        .symmetry_tests(&game.board().meters)
        .map(|t| match t.hi {
            Some(hi) => {
                let where_ = match t.standing {
                    Standing::Below => "below",
                    Standing::Inside => "inside",
                    Standing::Above => "above",
                };
                let (name, v, lo) = (t.meter.name(), t.value, t.lo);
                format!("{name} {v} is {where_} its band {lo}-{hi}")
            }
            None => {
                let cmp = if t.standing == Standing::Below {
                    "below"
                } else {
                    "at or above"
                };
                format!("Cohesion {} is {cmp} its floor {}", t.value, t.lo)
            }
        })
        .collect()
}

/// [`symmetry_reasons`] in few cells, for a small screen: "Responsibility 2 < 4-6 · Cohesion 6
/// ≥ 5" (each test as the engine rules it, its level against its band or floor).
pub fn symmetry_reasons_short(game: &Game) -> String {
    let rules = &game.content().rules;
    let parts: Vec<String> = rules
        .symmetry_tests(&game.board().meters)
        .map(|t| {
            let name = super::widgets::gauges::short(t.meter);
            let sign = match (t.standing, t.hi) {
                (Standing::Below, _) => "<",
                (Standing::Above, _) => ">",
                (Standing::Inside, Some(_)) => "in",
                (Standing::Inside, None) => "≥",
            };
            let bound = match t.hi {
                Some(hi) => format!("{}-{hi}", t.lo),
                None => t.lo.to_string(),
            };
            format!("{name} {} {sign} {bound}", t.value)
        })
        .collect();
    parts.join(" · ")
}

/// How much more the aim on the agenda pays, in words: "once more", or "4 times more" under a
/// heavier agenda (`agenda_weight`).
pub(crate) fn agenda_pays(weight: i8) -> String {
    if weight == 1 {
        "once more".into()
    } else {
        format!("{weight} times more")
    }
}
