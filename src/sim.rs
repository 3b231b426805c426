//! Headless bot-vs-bot games for balance checks: many seeded games, summarised. Results depend
//! only on the master seed, never on the thread count.

use crate::ai::{self, BotKind, Budget};
use crate::engine::{Content, Ending, Event, Game, Lens, Side, rng};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What to simulate.
#[derive(Clone, Debug)]
pub struct SimConfig {
    pub games: u64,
    pub seed: u64,
    pub bots: [BotKind; 2],
    pub budget: Budget,
    pub threads: usize,
    /// Play every seed twice, the second time with the bots in each other's seats, so that
    /// neither bot profits from a seat or a deal of the cards.
    pub swap: bool,
    /// Draw a progress bar on standard error when it is a terminal.
    pub progress: bool,
}

/// Decision times, kept as a log-scale histogram so memory stays flat however many games run.
#[derive(Clone, Debug)]
struct Timing {
    buckets: Vec<u64>,
    count: u64,
    total_ns: u128,
    max_ns: u64,
    iterations: u64,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            buckets: vec![0; 64 * 16],
            count: 0,
            total_ns: 0,
            max_ns: 0,
            iterations: 0,
        }
    }
}

impl Timing {
    /// Buckets by the bit length of the time in nanoseconds and its next four bits.
    fn bucket(ns: u64) -> usize {
        let ns = ns.max(1);
        let lz = ns.leading_zeros();
        let frac = ((ns << lz) << 1) >> 60;
        ((64 - lz) as usize * 16 + frac as usize).min(64 * 16 - 1)
    }
    fn add(&mut self, ns: u64, iterations: u64) {
        self.buckets[Self::bucket(ns)] += 1;
        self.count += 1;
        self.total_ns += u128::from(ns);
        self.max_ns = self.max_ns.max(ns);
        self.iterations += iterations;
    }
    fn merge(&mut self, o: &Timing) {
        self.buckets
            .iter_mut()
            .zip(&o.buckets)
            .for_each(|(a, b)| *a += b);
        self.count += o.count;
        self.total_ns += o.total_ns;
        self.max_ns = self.max_ns.max(o.max_ns);
        self.iterations += o.iterations;
    }
    /// An upper estimate of the 99th percentile (the bucket's bound, within about 5%).
    fn p99_ns(&self) -> u64 {
        let want = (self.count * 99).div_ceil(100);
        let mut seen = 0;
        for (i, n) in self.buckets.iter().enumerate() {
            seen += n;
            if seen >= want && *n > 0 {
                return Self::bucket_upper(i).min(self.max_ns);
            }
        }
        self.max_ns
    }
    fn bucket_upper(i: usize) -> u64 {
        let (bits, frac) = ((i / 16) as u32, (i % 16) as u64);
        if bits == 0 {
            return 1;
        }
        let base = 1u64 << (bits - 1);
        base + base * (frac + 1) / 16
    }
    fn report(&self, bot: &str) -> TimingReport {
        let n = self.count.max(1);
        TimingReport {
            bot: bot.to_string(),
            decisions: self.count,
            mean_ms: self.total_ns as f64 / n as f64 / 1e6,
            p99_ms: self.p99_ns() as f64 / 1e6,
            max_ms: self.max_ns as f64 / 1e6,
            iterations_per_decision: self.iterations as f64 / n as f64,
        }
    }
}

/// Running totals for a batch of games.
#[derive(Clone, Debug, Default)]
struct Totals {
    games: u64,
    wins: [u64; 2],
    draws: u64,
    success: [u64; 2],
    ruptures: [u64; 3],
    symmetric: u64,
    score_sum: [i64; 2],
    score_sq: [i64; 2],
    rounds: u64,
    actions: u64,
    offered: u64,
    countered: u64,
    accepted: u64,
    /// Wins and successes of the first and second bot (`bots[0]`, `bots[1]`) whatever their seat.
    bot_wins: [u64; 2],
    bot_success: [u64; 2],
    /// Decision times of the first and second bot.
    timing: [Timing; 2],
}

impl Totals {
    /// Adds a finished game; `swapped` says the second bot played Washington.
    fn add_game(&mut self, game: &Game, deals: [u64; 3], swapped: bool) {
        let Some(o) = game.outcome() else { return };
        let seat_of = |bot: usize| Side::BOTH[bot ^ usize::from(swapped)];
        for bot in 0..2 {
            self.bot_wins[bot] += u64::from(o.winner() == Some(seat_of(bot)));
            self.bot_success[bot] += u64::from(o.succeeded(seat_of(bot)));
        }
        self.games += 1;
        match o.ending {
            Ending::Rupture { blame } => self.ruptures[blame.map_or(2, Side::index)] += 1,
            _ if o.winner().is_none() && matches!(o.ending, Ending::Relative { .. }) => {
                self.draws += 1
            }
            _ => {}
        }
        if let Some(w) = o.winner() {
            self.wins[w.index()] += 1;
        }
        for side in Side::BOTH {
            let s = i64::from(o.score(side));
            self.success[side.index()] += u64::from(o.succeeded(side));
            self.score_sum[side.index()] += s;
            self.score_sq[side.index()] += s * s;
        }
        self.symmetric += u64::from(o.symmetric);
        self.rounds += u64::from(o.round);
        self.actions += game.record().len() as u64;
        self.offered += deals[0];
        self.countered += deals[1];
        self.accepted += deals[2];
    }
    fn merge(&mut self, o: &Totals) {
        self.games += o.games;
        self.draws += o.draws;
        self.symmetric += o.symmetric;
        self.rounds += o.rounds;
        self.actions += o.actions;
        self.offered += o.offered;
        self.countered += o.countered;
        self.accepted += o.accepted;
        for i in 0..2 {
            self.bot_wins[i] += o.bot_wins[i];
            self.bot_success[i] += o.bot_success[i];
            self.wins[i] += o.wins[i];
            self.success[i] += o.success[i];
            self.score_sum[i] += o.score_sum[i];
            self.score_sq[i] += o.score_sq[i];
            self.timing[i].merge(&o.timing[i]);
        }
        for i in 0..3 {
            self.ruptures[i] += o.ruptures[i];
        }
    }
}

/// Plays one game between two bots. Returns the finished game and deal counts
/// (offered, countered, accepted).
fn play_one(
    content: &Arc<Content>,
    seed: u64,
    cfg: &SimConfig,
    swapped: bool,
    timing: &mut [Timing; 2],
) -> (Game, [u64; 3]) {
    let mut game = Game::new(content.clone(), seed);
    let bot_at = |s: Side| s.index() ^ usize::from(swapped);
    let mut bots = Side::BOTH.map(|s| ai::build(cfg.bots[bot_at(s)], s, seed, cfg.budget));
    let mut legal = Vec::new();
    let mut events = Vec::new();
    let mut deals = [0u64; 3];
    while let Some(side) = game.to_move() {
        game.legal_actions_into(&mut legal);
        let view = game.view(side);
        let started = Instant::now();
        let bot = &mut bots[side.index()];
        let action = bot.choose(&view, &legal);
        timing[bot_at(side)].add(started.elapsed().as_nanos() as u64, bot.last_iterations());
        events.clear();
        if game.apply_into(action, &mut events).is_err() {
            // A bot that offers an illegal action forfeits its choice to the first legal one.
            events.clear();
            let _ = game.apply_into(legal[0], &mut events);
        }
        for e in &events {
            match e {
                Event::OfferSent { counter, .. } => deals[usize::from(*counter > 0)] += 1,
                Event::DealAccepted { .. } => deals[2] += 1,
                _ => {}
            }
        }
    }
    (game, deals)
}

/// The summary `alliance sim` prints.
#[derive(Clone, Debug, Serialize)]
pub struct SimReport {
    pub games: u64,
    pub seed: u64,
    pub washington_bot: String,
    pub seoul_bot: String,
    pub lens: Lens,
    /// Each seed was played twice with the seats swapped; `games` counts both.
    pub swap: bool,
    pub threads: usize,
    pub washington_wins: u64,
    pub seoul_wins: u64,
    pub draws: u64,
    /// Percentage of decisive games Washington won.
    pub washington_share_of_decisive: f64,
    pub washington_successes: u64,
    pub seoul_successes: u64,
    pub ruptures_blamed_on_washington: u64,
    pub ruptures_blamed_on_seoul: u64,
    pub ruptures_from_outside: u64,
    pub symmetric_endings: u64,
    pub washington_score_mean: f64,
    pub washington_score_sd: f64,
    pub seoul_score_mean: f64,
    pub seoul_score_sd: f64,
    pub mean_rounds: f64,
    pub mean_actions: f64,
    pub offers_per_game: f64,
    pub counters_per_game: f64,
    pub acceptances_per_game: f64,
    /// The first bot (`--washington`) and the second, whatever seat they sat in.
    pub bots: [BotResult; 2],
    pub decision_time: Vec<TimingReport>,
    pub seconds: f64,
    pub games_per_second: f64,
}

/// How one bot did over every game it played, in either seat.
#[derive(Clone, Debug, Serialize)]
pub struct BotResult {
    pub bot: String,
    pub wins: u64,
    /// Percentage of all games won.
    pub win_rate: f64,
    /// Percentage of all games in which it achieved what the lens asks (its target, or a win).
    pub success_rate: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct TimingReport {
    pub bot: String,
    pub decisions: u64,
    pub mean_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub iterations_per_decision: f64,
}

/// Runs the games on `cfg.threads` threads and summarises them.
pub fn run(content: &Arc<Content>, cfg: &SimConfig) -> SimReport {
    let started = Instant::now();
    let threads = cfg.threads.max(1);
    let done = AtomicU64::new(0);
    let show = cfg.progress && std::io::stderr().is_terminal();
    let mut totals = Totals::default();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let done = &done;
                scope.spawn(move || {
                    let mut acc = Totals::default();
                    let mut index = t as u64;
                    while index < cfg.games {
                        let seed = rng::game_seed(cfg.seed, index);
                        for swapped in [false, true].into_iter().take(1 + usize::from(cfg.swap)) {
                            let mut timing = std::mem::take(&mut acc.timing);
                            let (game, deals) = play_one(content, seed, cfg, swapped, &mut timing);
                            acc.timing = timing;
                            acc.add_game(&game, deals, swapped);
                        }
                        done.fetch_add(1, Ordering::Relaxed);
                        index += threads as u64;
                    }
                    acc
                })
            })
            .collect();
        while show && workers.iter().any(|w| !w.is_finished()) {
            progress_bar(done.load(Ordering::Relaxed), cfg.games, started.elapsed());
            std::thread::sleep(Duration::from_millis(100));
        }
        for w in workers {
            if let Ok(acc) = w.join() {
                totals.merge(&acc);
            }
        }
    });
    if show {
        progress_bar(cfg.games, cfg.games, started.elapsed());
        eprintln!();
    }
    summarise(&totals, cfg, content.rules.lens, started.elapsed())
}

fn progress_bar(done: u64, total: u64, elapsed: Duration) {
    let width = 30;
    let filled = (done * width).checked_div(total).unwrap_or(width) as usize;
    let rate = done as f64 / elapsed.as_secs_f64().max(1e-9);
    eprint!(
        "\r[{}{}] {done}/{total} games, {rate:.0}/s ",
        "#".repeat(filled),
        " ".repeat(width as usize - filled)
    );
    let _ = std::io::stderr().flush();
}

fn summarise(t: &Totals, cfg: &SimConfig, lens: Lens, elapsed: Duration) -> SimReport {
    let n = t.games.max(1) as f64;
    let mean = |s: i64| s as f64 / n;
    let sd = |s: i64, q: i64| (q as f64 / n - (s as f64 / n).powi(2)).max(0.0).sqrt();
    let decisive = t.wins[0] + t.wins[1];
    let names = cfg.bots.map(|b| BotKind::NAMES[b as usize].to_string());
    SimReport {
        games: t.games,
        seed: cfg.seed,
        washington_bot: names[0].clone(),
        seoul_bot: names[1].clone(),
        lens,
        swap: cfg.swap,
        threads: cfg.threads.max(1),
        washington_wins: t.wins[0],
        seoul_wins: t.wins[1],
        draws: t.draws,
        washington_share_of_decisive: if decisive == 0 {
            0.0
        } else {
            100.0 * t.wins[0] as f64 / decisive as f64
        },
        washington_successes: t.success[0],
        seoul_successes: t.success[1],
        ruptures_blamed_on_washington: t.ruptures[0],
        ruptures_blamed_on_seoul: t.ruptures[1],
        ruptures_from_outside: t.ruptures[2],
        symmetric_endings: t.symmetric,
        washington_score_mean: mean(t.score_sum[0]),
        washington_score_sd: sd(t.score_sum[0], t.score_sq[0]),
        seoul_score_mean: mean(t.score_sum[1]),
        seoul_score_sd: sd(t.score_sum[1], t.score_sq[1]),
        mean_rounds: t.rounds as f64 / n,
        mean_actions: t.actions as f64 / n,
        offers_per_game: t.offered as f64 / n,
        counters_per_game: t.countered as f64 / n,
        acceptances_per_game: t.accepted as f64 / n,
        bots: [0, 1].map(|b| BotResult {
            bot: names[b].clone(),
            wins: t.bot_wins[b],
            win_rate: 100.0 * t.bot_wins[b] as f64 / n,
            success_rate: 100.0 * t.bot_success[b] as f64 / n,
        }),
        decision_time: vec![t.timing[0].report(&names[0]), t.timing[1].report(&names[1])],
        seconds: elapsed.as_secs_f64(),
        games_per_second: t.games as f64 / elapsed.as_secs_f64().max(1e-9),
    }
}

impl SimReport {
    /// The report as a plain-text table.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let pct = |x: u64| 100.0 * x as f64 / self.games.max(1) as f64;
        let swap = if self.swap { ", seats swapped" } else { "" };
        s += &format!(
            "{} games, seed {}, {} (Washington) vs {} (Seoul){swap}, {:?} lens, {} thread(s)\n",
            self.games, self.seed, self.washington_bot, self.seoul_bot, self.lens, self.threads
        );
        s += &format!(
            "  Washington wins   {:>7} ({:.1}%)\n",
            self.washington_wins,
            pct(self.washington_wins)
        );
        s += &format!(
            "  Seoul wins        {:>7} ({:.1}%)\n",
            self.seoul_wins,
            pct(self.seoul_wins)
        );
        s += &format!(
            "  draws             {:>7} ({:.1}%)\n",
            self.draws,
            pct(self.draws)
        );
        s += &format!(
            "  Washington share of decisive games: {:.1}%\n",
            self.washington_share_of_decisive
        );
        s += &format!(
            "  targets reached   Washington {} ({:.1}%), Seoul {} ({:.1}%)\n",
            self.washington_successes,
            pct(self.washington_successes),
            self.seoul_successes,
            pct(self.seoul_successes)
        );
        s += &format!(
            "  ruptures          {} blamed on Washington, {} on Seoul, {} from outside shocks\n",
            self.ruptures_blamed_on_washington,
            self.ruptures_blamed_on_seoul,
            self.ruptures_from_outside
        );
        s += &format!(
            "  symmetric endings {:>7} ({:.1}%)\n",
            self.symmetric_endings,
            pct(self.symmetric_endings)
        );
        s += &format!(
            "  scores            Washington {:.1} ± {:.1}, Seoul {:.1} ± {:.1}\n",
            self.washington_score_mean,
            self.washington_score_sd,
            self.seoul_score_mean,
            self.seoul_score_sd
        );
        s += &format!(
            "  length            {:.2} rounds, {:.1} actions per game\n",
            self.mean_rounds, self.mean_actions
        );
        s += &format!(
            "  deals per game    {:.2} offered, {:.2} countered, {:.2} accepted\n",
            self.offers_per_game, self.counters_per_game, self.acceptances_per_game
        );
        for (i, b) in self.bots.iter().enumerate() {
            s += &format!(
                "  bot {} {:<8} wins {:>7} ({:.1}% of games), succeeds in {:.1}%\n",
                i + 1,
                b.bot,
                b.wins,
                b.win_rate,
                b.success_rate
            );
        }
        for t in &self.decision_time {
            s += &format!(
                "  {:<8} decisions {:>9}: mean {:.3} ms, p99 {:.3} ms, max {:.3} ms, {:.0} iterations each\n",
                t.bot, t.decisions, t.mean_ms, t.p99_ms, t.max_ms, t.iterations_per_decision
            );
        }
        s += &format!(
            "  {:.2} s, {:.0} games per second\n",
            self.seconds, self.games_per_second
        );
        s
    }
}
