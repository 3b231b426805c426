//! Every fixed sentence the screen shows, in one place. Sentences built from game data live next
//! to the data they describe (`describe.rs`, `log.rs`).

use super::msg::Msg;

pub const APP_TITLE: &str = "Symmetric Alliance";
pub const TAGLINE: &str =
    "Washington and Seoul steer the ROK-U.S. alliance through a shifting order";

pub const MENU_HOTSEAT: &str = "New hot-seat game (two players, one terminal)";
pub const MENU_SOLO_WASHINGTON: &str = "Solo as Washington";
pub const MENU_SOLO_SEOUL: &str = "Solo as Seoul";
pub const MENU_WATCH: &str = "Watch two bots";
pub const MENU_SCENARIOS: &str = "Scenarios (classroom, crisis…)";
pub const MENU_LOAD: &str = "Load a saved game";
pub const MENU_RULES: &str = "Rules";
pub const MENU_CARDS: &str = "Card encyclopedia";
pub const MENU_QUIT: &str = "Quit";
pub const MENU_OPPONENT: &str = "Bot";
/// The hot-seat row's drill clock setting (◂ ▸ change it).
pub const MENU_DRILL: &str = "drill";

pub const TOO_SMALL: &str = "Terminal too small";
pub const TOO_SMALL_HINT: &str = "Please resize to at least 80×24. q quits.";

pub const CONFIRM_QUIT: &str = "A game is in progress. Quit anyway? (y / n)";
pub const HANDOFF_HINT: &str = "The other player looks away. Press Enter when ready.";
pub const HEADLINE_SECRET: &str = "Pick a headline card in secret; both are revealed together.";
pub const BOT_THINKING: &str = "is thinking…";
pub const BOT_GONE: &str = "The bot stopped answering; the game cannot go on. Press q to quit.";
pub const NOTHING_TO_UNDO: &str =
    "Nothing to take back: the last action revealed something or was not yours.";
pub const DRILL_TIMEOUT: &str =
    "did not answer in time: the offer counts as rejected (negotiation drill).";
pub const NOT_SAVED: &str = "NOT SAVED";
pub const NO_LIBRARY: &str = "Scenarios and saves are not available in this session.";
pub const REPORT_WRITTEN: &str = "After-action report written to";
pub const END_REPORT_HINT: &str = "Press r to write the after-action report (Markdown, JSON, CSV).";
pub const LOAD_TITLE: &str = "Load a saved game";
pub const LOAD_EMPTY: &str = "No saved games yet. Every game saves itself after each action.";
pub const LOAD_NO_DIR: &str = "This system has no data folder, so there are no saves.";
pub const LOAD_BROKEN: &str = "cannot be loaded (kept as it is)";
pub const SCENARIOS_TITLE: &str = "Scenarios";
pub const SCENARIOS_EMPTY: &str = "No scenarios were found.";
pub const HYPOTHETICAL: &str = "HYPOTHETICAL";
pub const REPLAY_TITLE: &str = "Replay";

pub const DEAL_EDITOR_TITLE: &str = "Deal editor";
pub const DEAL_IN_OFFER: &str = "In the offer (its key drops it). ";
pub const DEAL_SLOT_FULL: &str = "This list is full: drop a term to add this one. ";
pub const DEAL_NOT_NOW: &str = "Not offered now. ";
pub const DEAL_WITHDRAW_ROW: &str = "Withdraw… (asks first)";
pub const CONFIRM_WITHDRAW: &str =
    "Withdraw this deal? Your action stays spent and no term applies. (y / n)";
pub const CONFIRM_WITHDRAW_COUNTER: &str =
    "Withdraw your counter? That rejects the offer it answers, and the deal ends. (y / n)";
pub const DEAL_ANSWER_TITLE: &str = "An offer on the table";
pub const END_TITLE: &str = "The alliance after the last summit";

/// The help's key list: what each group of messages does. The keys themselves come from the
/// key table ([`super::keys::help_keys`]); the key bar shows the ones that work at each moment.
pub const HELP_KEYS: &[(&[Msg], &str)] = &[
    (&[Msg::Up, Msg::Down], "move the selection"),
    (&[Msg::Left, Msg::Right], "bot, players; replay: step"),
    (&[Msg::Pick(0), Msg::OpenDeal], "pick a row; d opens a deal"),
    (&[Msg::Confirm], "play, pick, add or drop"),
    (&[Msg::Back], "back out of a popup"),
    (&[Msg::Help], "this help"),
    (&[Msg::Undo], "take back your last action"),
    (&[Msg::PageUp, Msg::PageDown], "scroll the log or a text"),
    (&[Msg::CardUp, Msg::CardDown], "scroll the card text"),
    (
        &[
            Msg::Send,
            Msg::Withdraw,
            Msg::Accept,
            Msg::Counter,
            Msg::Reject,
        ],
        "deal: send withdraw; answer",
    ),
    (
        &[Msg::Quit, Msg::Yes, Msg::No],
        "quit (asks first in a game)",
    ),
    (
        &[Msg::Report, Msg::Home, Msg::End],
        "end: report; replay: ends",
    ),
    (
        &[
            Msg::Find,
            Msg::NextMatch,
            Msg::PrevMatch,
            Msg::Erase,
            Msg::FilterSide,
            Msg::FilterKind,
            Msg::FilterEra,
            Msg::ClearFilter,
        ],
        "search; cards filter s t e x",
    ),
];

/// The help's lines for what the key table does not hold.
pub const HELP_NOT_KEYS: &[(&str, &str)] = &[
    ("Ctrl-C", "quit at once"),
    ("mouse", "click a card, term or key"),
    ("⏱ Ns left", "drill: answer before it ends"),
];

/// How the game is won under the rules in force: the first thing the help says.
pub fn how_to_win(rules: &crate::engine::Rules) -> String {
    let rupture = "Cohesion 0 ends the game: whoever caused it loses.";
    match rules.lens {
        crate::engine::Lens::Relative => format!(
            "How to win (relative lens): the higher score after the last summit wins. {rupture}"
        ),
        crate::engine::Lens::Absolute => format!(
            "How to win (absolute lens): reach your target by the last summit (Washington {}, \
             Seoul {}); both may. {rupture}",
            rules.targets[0], rules.targets[1]
        ),
    }
}

/// The one-screen rules summary on the help screen, with the numbers of the rules loaded (a
/// scenario may change them: the classroom plays 2 actions a round, Taiwan Strait 4).
pub fn rules_summary(rules: &crate::engine::Rules) -> Vec<String> {
    // "1 term", "2 terms": a scenario may allow one of anything.
    let count = |n: u8, noun: &str| match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    };
    let hand = rules.hand_size;
    let actions = count(rules.actions_per_round, "action");
    let terms = count(rules.deals.max_terms, "term");
    let mut lines = vec![
        format!("Each round: both hands draw to {hand}, an order shock hits (Seoul's layers absorb part of it),"),
        format!("both sides pick a headline in secret, then alternate {actions}."),
        "An action plays a card for its event (own or either-side card) or for operations. Playing".into(),
        "the other side's card for operations fires its event for them, before or after, your choice.".into(),
        match rules.deals.max_counters {
            0 => format!("Or open a deal: give and ask up to {terms}, the other side accepts or rejects (no counters)."),
            n => format!("Or open a deal: give and ask up to {terms}, the other side accepts, rejects or counters (at most {} a deal).", count(n, "counter")),
        },
        "A deal where both give raises cohesion; a bare demand costs cohesion either way.".into(),
        "At each summit both sides score their aims; Washington's priority doubles its matching aims.".into(),
    ];
    if !rules.agenda.is_empty() {
        let pays = super::describe::agenda_pays(rules.agenda_weight);
        lines.push(match rules.agenda_favours {
            crate::engine::AgendaFavours::Trailing => format!(
                "Each round's agenda card (★ on the board) names an aim of each side; the side \
                 behind when the round begins (both on a tie) has its aim pay {pays} at the summit."
            ),
            crate::engine::AgendaFavours::Both => format!(
                "Each round's agenda card (★ on the board) names an aim of each side that pays \
                 {pays} at the summit."
            ),
        });
    }
    if rules.held_cards_fire {
        lines.push(format!(
            "The other side's cards still in your hand after the actions fire for them (you keep {}).",
            rules.held_keep
        ));
    }
    let lev = rules.leverage;
    if lev.set_aside > 0 || lev.boost_cost > 0 {
        lines.push(format!(
            "Leverage buys: {} to set aside the other side's card unfired; {} for +{} ops on your own card.",
            lev.set_aside, lev.boost_cost, lev.boost_ops
        ));
    }
    lines.push(format!(
        "Symmetric alliance: both balances in their bands (4-6) and cohesion at or above {}: both score",
        rules.cohesion_floor
    ));
    lines.push(match rules.final_symmetry_multiplier {
        m if m > 1 => format!(
            "{} at each summit it holds, {m} times as much at the last.",
            rules.symmetry_bonus
        ),
        _ => format!("{} at each summit it holds.", rules.symmetry_bonus),
    });
    let paid: Vec<String> = crate::engine::Meter::ALL
        .iter()
        .filter_map(|m| Some(format!("{} pays {}", m.name(), rules.track(*m).band_pays?)))
        .collect();
    if rules.band_bonus > 0 && !paid.is_empty() {
        lines.push(format!(
            "A balance in its band also pays one side {} a summit: {}.",
            rules.band_bonus,
            paid.join(", ")
        ));
    }
    // The summit pressures that pay a side outright: the temptations to leave the bands.
    let tempting: Vec<&str> = rules
        .pressures
        .iter()
        .filter(|p| p.scores())
        .map(|p| p.name.as_str())
        .collect();
    if !tempting.is_empty() {
        lines.push(format!(
            "Summit pressures that pay a side (rulebook 5.2): {}.",
            tempting.join("; ")
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::how_to_win;
    use crate::content::Data;
    use crate::engine::Lens;

    #[test]
    fn the_rules_summary_prices_the_bonus_and_names_the_temptations() {
        let mut rules = Data::embedded().build().expect("shipped data").rules;
        let text = super::rules_summary(&rules).join("\n");
        assert!(
            text.contains("both score\n1 at each summit it holds."),
            "{text}"
        );
        assert!(
            text.contains("Burden shifting: Washington redeploys; Staying out of the region"),
            "{text}"
        );
        rules.final_symmetry_multiplier = 2;
        let text = super::rules_summary(&rules).join("\n");
        assert!(text.contains("2 times as much at the last"), "{text}");
    }

    #[test]
    fn how_to_win_names_the_lens_and_under_the_absolute_lens_the_targets() {
        let mut rules = Data::embedded().build().expect("shipped data").rules;
        assert!(how_to_win(&rules).contains("the higher score after the last summit wins"));
        rules.lens = Lens::Absolute;
        let [w, s] = rules.targets;
        let text = how_to_win(&rules);
        assert!(
            text.contains(&format!("Washington {w}, Seoul {s}")),
            "{text}"
        );
        // Two lines of the help at 80 columns, so the help still fits 80x24.
        assert!(
            text.chars().count() <= 2 * 78,
            "{} characters",
            text.chars().count()
        );
    }
}
