//! The analysis as readable text (flagged cards first) and as Markdown for `docs/`.

use super::cards::{CardRow, MIN_SAMPLE, ShockRow};
use super::doc::Doc;
use super::dominated::Dominated;
use super::summary::Analysis;
use std::fmt::Write;

impl Analysis {
    /// The report as plain text, flagged cards first.
    pub(crate) fn to_text(&self) -> String {
        self.render(false)
    }

    /// The report as Markdown, for `docs/`.
    pub(crate) fn to_markdown(&self) -> String {
        self.render(true)
    }

    fn render(&self, md: bool) -> String {
        let mut d = Doc {
            md,
            out: String::new(),
        };
        self.heading(&mut d);
        self.flags(&mut d);
        self.sides(&mut d);
        self.shape(&mut d);
        self.table_time(&mut d);
        self.plays(&mut d);
        self.tracks(&mut d);
        d.heading("Every card");
        d.table(
            &CARD_HEAD,
            &self.cards.iter().map(card_cells).collect::<Vec<_>>(),
        );
        d.heading("Every shock");
        d.table(
            &SHOCK_HEAD,
            &self.shocks.iter().map(shock_cells).collect::<Vec<_>>(),
        );
        d.out
    }

    fn heading(&self, d: &mut Doc) {
        let r = &self.run;
        let scenario = r.scenario.as_deref().unwrap_or("default rules");
        let budget = r
            .iterations
            .map_or(String::new(), |k| format!(", {k} iterations"));
        let swap = if r.swap { ", seats swapped" } else { "" };
        let title = format!(
            "{} games ({scenario}, {:?} lens), seed {}, {} (Washington) v {} (Seoul){budget}{swap}",
            self.games, r.lens, r.seed, r.washington_bot, r.seoul_bot
        );
        if d.md {
            let _ = writeln!(d.out, "**{title}**");
        } else {
            let _ = writeln!(d.out, "{title}");
        }
    }

    fn flags(&self, d: &mut Doc) {
        d.heading(&format!("Flagged cards ({})", self.flagged_cards.len()));
        d.text(&format!(
            "Never played, or the player's success interval (95%) lies wholly off that side's \
             average on at least {MIN_SAMPLE} games; about one card in 20 does so by chance."
        ));
        if self.flagged_cards.is_empty() {
            d.text("none");
        } else {
            let rows: Vec<_> = self.flagged_cards.iter().map(flag_cells_card).collect();
            d.table(&["card", "side", "plays", "why"], &rows);
        }
        d.heading(&format!("Flagged shocks ({})", self.flagged_shocks.len()));
        if self.flagged_shocks.is_empty() {
            d.text("none");
        } else {
            let rows: Vec<_> = self.flagged_shocks.iter().map(flag_cells_shock).collect();
            d.table(&["shock", "revealed", "why"], &rows);
        }
        d.heading(&format!(
            "Dominated cards ({} same kind, {} across kinds)",
            self.dominated.len(),
            self.dominated_across_kinds.len()
        ));
        for x in self.dominated.iter().chain(&self.dominated_across_kinds) {
            d.text(&dominated_line(x, d.md));
        }
        if self.dominated.is_empty() && self.dominated_across_kinds.is_empty() {
            d.text("none");
        }
        self.deck_lines(d);
    }

    fn deck_lines(&self, d: &mut Doc) {
        let k = &self.deck;
        d.heading("The deck");
        d.line(
            "cards that only move meters",
            format!("{} of {}", k.meter_only, k.cards),
        );
        d.line("cards with a requirement", k.with_requirement.to_string());
        let kinds: Vec<String> = k
            .cards_by_effect
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        d.line("cards using each effect kind", kinds.join(", "));
        for side in crate::engine::Side::BOTH {
            let free = &k.free_for_other_side[side.index()];
            d.line(
                &format!("{side} events free for the other side"),
                format!("{} of {}", free.len(), k.side_cards[side.index()]),
            );
        }
    }

    fn sides(&self, d: &mut Doc) {
        d.heading("Sides");
        for s in &self.sides {
            d.line(
                &format!("{} wins (share of decisive)", s.side),
                format!("{} ({:.1}%)", s.wins, s.share_of_decisive),
            );
            d.line(
                &format!("{} success (played / relative / absolute)", s.side),
                format!(
                    "{:.1}% / {:.1}% / {:.1}%",
                    s.success, s.success_relative, s.success_absolute
                ),
            );
        }
        d.line(
            "decisive games, draws",
            format!("{}, {}", self.decisive, self.draws),
        );
        d.line(
            "symmetric endings",
            format!("{} ({:.1}%)", self.symmetric_endings, self.symmetric_share),
        );
        let a = &self.asymmetric;
        d.line(
            "short of it at the end: responsibility low / high, roles low / high, cohesion",
            format!(
                "{} / {} / {} / {} / {}",
                a.responsibility_low,
                a.responsibility_high,
                a.roles_low,
                a.roles_high,
                a.cohesion_low
            ),
        );
        let r = &self.ruptures;
        d.line(
            "ruptures (blamed on Washington / Seoul / no one)",
            format!(
                "{} ({:.1}%): {} / {} / {}",
                r.total, r.share, r.blamed_on_washington, r.blamed_on_seoul, r.from_outside
            ),
        );
        d.line(
            "lowest cohesion: median; games held at 1-2",
            format!(
                "{}; {} ({:.1}%)",
                r.lowest_cohesion_median, r.near_misses, r.near_miss_share
            ),
        );
        let causes: Vec<String> = r
            .by_cause
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(c, n)| format!("{} {n}", c.name()))
            .collect();
        if !causes.is_empty() {
            d.line("ruptures by what moved cohesion to 0", causes.join(", "));
        }
        for (b, which) in self.bots.iter().zip(["first", "second"]) {
            d.line(
                &format!("{which} bot ({}) success, either seat", b.bot),
                format!("{:.1}%", b.success_rate),
            );
        }
    }

    fn shape(&self, d: &mut Doc) {
        let s = &self.shape;
        d.heading("The game's shape");
        d.line(
            "lead changes per game (median)",
            format!("{:.2} ({})", s.lead_changes_per_game, s.lead_changes_median),
        );
        d.line(
            "drama (winner trailed after round 2+)",
            format!(
                "{:.1}% of decisive games ({})",
                s.drama_share, s.drama_games
            ),
        );
        d.line(
            "median final margin",
            format!(
                "{:.1}% of the total score ({} points)",
                s.median_margin_share, s.median_margin_points
            ),
        );
        d.line(
            "stagnant summit pairs from round 3",
            format!(
                "{:.1}% ({} of {})",
                s.stagnation_share, s.stagnant_pairs, s.summit_pairs
            ),
        );
        d.line(
            "summits where the priority mattered",
            format!(
                "{:.1}% ({} of {})",
                s.priority_mattered_share, s.priority_mattered_summits, s.summits
            ),
        );
        d.line(
            "symmetry bonus decided the winner",
            format!(
                "{:.1}% of decisive games ({})",
                s.symmetry_decided_share, s.symmetry_decided_games
            ),
        );
        for x in &self.sides {
            d.line(
                &format!("{} decisions a game (top / deal steps)", x.side),
                format!(
                    "{:.1} / {:.1} (medians {} / {}); bonus {:.1} points",
                    x.decisions_mean,
                    x.deal_steps_mean,
                    x.decisions_median,
                    x.deal_steps_median,
                    x.symmetry_points_per_game
                ),
            );
        }
        d.line("hand-offs a game", format!("{:.1}", s.handoffs_per_game));
    }

    fn table_time(&self, d: &mut Doc) {
        let t = &self.table_time;
        let m = &t.model;
        d.heading("Time at the table");
        d.text(&format!(
            "A newcomer's pace: {:.0} s a top-level decision, {:.0} s a deal step, {:.0} s a \
             hand-off, {:.0} s a summit, {:.0} min to sit down.",
            m.top_decision,
            m.deal_step,
            m.handoff,
            m.summit,
            m.setup / 60.0
        ));
        d.line(
            "decisions per player (Washington / Seoul)",
            format!(
                "{:.1} / {:.1} top, {:.1} / {:.1} deal steps",
                t.top_decisions[0], t.top_decisions[1], t.deal_steps[0], t.deal_steps[1]
            ),
        );
        d.line(
            "hand-offs and summits a game",
            format!("{:.1} and {:.1}", t.handoffs, t.summits),
        );
        d.line("estimated time a game", format!("{:.0} minutes", t.minutes));
    }

    fn plays(&self, d: &mut Doc) {
        let p = &self.play_mix;
        d.heading("The play mix");
        d.line(
            "card plays: headline / event / ops",
            format!("{} / {} / {}", p.headlines, p.events, p.ops),
        );
        d.line(
            "events (headlines included) / ops",
            format!(
                "{:.1}% / {:.1}% (action phase: {:.1}% events)",
                p.event_share, p.ops_share, p.action_event_share
            ),
        );
        d.line(
            "events by Washington / Seoul",
            format!(
                "{:.1}% / {:.1}%",
                p.event_share_by_side[0], p.event_share_by_side[1]
            ),
        );
        d.line(
            "plays of the other side's cards",
            format!(
                "{:.1}% (Washington {:.1}%, Seoul {:.1}%)",
                p.other_side_share, p.other_side_share_by_side[0], p.other_side_share_by_side[1]
            ),
        );
        d.line(
            "other side's cards in hand at the end (W / S)",
            format!("{:.2} / {:.2}", p.hoarded_at_end[0], p.hoarded_at_end[1]),
        );
        let u = &p.leverage_uses;
        d.line(
            "leverage spent a game: boosts / set-asides (W; S)",
            format!(
                "{:.2} / {:.2}; {:.2} / {:.2}",
                u[0][0], u[0][1], u[1][0], u[1][1]
            ),
        );
        let x = &self.deals;
        d.line(
            "deals opened / sent / countered",
            format!("{} / {} / {}", x.opened, x.sent, x.countered),
        );
        d.line(
            "deals accepted / rejected / withdrawn unsent",
            format!(
                "{} / {} / {}",
                x.accepted, x.rejected, x.withdrawn_without_offer
            ),
        );
        d.line(
            "deals opened a game (Washington / Seoul)",
            format!(
                "{:.2} ({} / {})",
                x.opened_per_game, x.opened_by_side[0], x.opened_by_side[1]
            ),
        );
    }
}

impl Analysis {
    fn tracks(&self, d: &mut Doc) {
        d.heading("Aims at their top threshold (they pay nothing new there)");
        let rows: Vec<_> = self
            .aims
            .iter()
            .map(|a| {
                vec![
                    format!("{} {}", a.side, a.meter.id()),
                    a.top_threshold.to_string(),
                    format!("{:.1}%", a.at_top_share),
                    format!("{:.1}%", a.reached_share),
                    format!("{:.1}", a.mean_first_round),
                ]
            })
            .collect();
        let head = [
            "aim",
            "top",
            "summits at top",
            "games reaching it",
            "first round",
        ];
        d.table(&head, &rows);
        d.heading("Meters: steps a game");
        let rows: Vec<_> = self
            .meters
            .iter()
            .map(|m| {
                vec![
                    m.meter.id().to_string(),
                    format!("{:.2}", m.rises_per_game),
                    format!("{:.2}", m.falls_per_game),
                ]
            })
            .collect();
        d.table(&["meter", "up", "down"], &rows);
    }
}

const CARD_HEAD: [&str; 9] = [
    "card",
    "side",
    "plays",
    "event",
    "headline",
    "other side",
    "success",
    "95%",
    "average",
];
const SHOCK_HEAD: [&str; 7] = [
    "shock",
    "revealed",
    "hurt W",
    "hurt S",
    "hurt side's success",
    "95%",
    "average",
];

fn rate_cells(r: &super::cards::Rate) -> [String; 3] {
    [
        format!("{:.1}% of {}", r.rate, r.games),
        format!("{:.1}-{:.1}", r.low, r.high),
        format!("{:.1}%", r.average),
    ]
}

fn card_cells(c: &CardRow) -> Vec<String> {
    let mut v = vec![
        c.id.clone(),
        c.side.clone(),
        c.plays.to_string(),
        c.event_plays.to_string(),
        c.headlines.to_string(),
        c.other_side_plays.to_string(),
    ];
    v.extend(rate_cells(&c.success));
    v
}

fn shock_cells(s: &ShockRow) -> Vec<String> {
    let mut v = vec![
        s.id.clone(),
        s.revealed.to_string(),
        s.hurt_washington.to_string(),
        s.hurt_seoul.to_string(),
    ];
    v.extend(rate_cells(&s.success));
    v
}

fn flag_cells_card(c: &CardRow) -> Vec<String> {
    let why = c.flag.clone().unwrap_or_default();
    vec![c.id.clone(), c.side.clone(), c.plays.to_string(), why]
}

fn flag_cells_shock(s: &ShockRow) -> Vec<String> {
    let why = s.flag.clone().unwrap_or_default();
    vec![s.id.clone(), s.revealed.to_string(), why]
}

fn dominated_line(x: &Dominated, md: bool) -> String {
    let line = x.warning().trim_start_matches("warning: ").to_string();
    if md { format!("- {line}") } else { line }
}
