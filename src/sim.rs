//! Headless bot-vs-bot games for balance checks: many seeded games, summarised. Results depend
//! only on the master seed, never on the thread count.

use crate::ai::{self, BotKind, Budget};
use crate::engine::{Action, Content, Ending, Event, Game, Lens, Side, rng};
use serde::Serialize;
use timing::{Stopwatch, Timing};

mod report;
mod timing;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;
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
    /// The second bot's budget, when it differs from the first's (to compare budgets).
    pub second_budget: Option<Budget>,
    pub threads: usize,
    /// Play every seed twice, the second time with the bots in each other's seats, so that
    /// neither bot profits from a seat or a deal of the cards.
    pub swap: bool,
    /// Draw a progress bar on standard error when it is a terminal.
    pub progress: bool,
}

/// Running totals for a batch of games.
#[derive(Clone, Debug, Default)]
struct Totals {
    games: u64,
    wins: [u64; 2],
    draws: u64,
    success: [u64; 2],
    /// Successes in games that ended with the alliance symmetric.
    success_symmetric: [u64; 2],
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

/// Watches every game the simulator plays. `alliance sim`'s totals are one observer and
/// `alliance analyze`'s figures another, so both see the same games from the same seeds.
///
/// Each worker thread has its own observer; the simulator merges them in thread order when the
/// games are done, so an observer whose `merge` is order-free gives the same result for any
/// thread count.
pub trait Observer: Default + Send {
    /// A game begins with `events` (setup and round 1's draw and shock); `swapped` says the
    /// second bot plays Washington.
    fn begin(&mut self, _game: &Game, _events: &[Event], _swapped: bool) {}
    /// `side` took `action`, and `events` followed; `game` is the state after it.
    fn step(&mut self, _game: &Game, _side: Side, _action: Action, _events: &[Event]) {}
    /// Bot `bot` (0 for the first bot, 1 for the second, whatever its seat) took `nanos` and
    /// `iterations` for one decision. Decisions of a few microseconds are timed one in many
    /// (reading the clock would cost as much as the decision); the others repeat the last time.
    fn decided(&mut self, _bot: usize, _nanos: u64, _iterations: u64) {}
    /// The game is over.
    fn finish(&mut self, game: &Game, swapped: bool);
    /// Adds another worker's observations.
    fn merge(&mut self, other: Self);
}

impl Observer for Totals {
    fn step(&mut self, _game: &Game, _side: Side, _action: Action, events: &[Event]) {
        for e in events {
            match e {
                Event::OfferSent { counter, .. } if *counter > 0 => self.countered += 1,
                Event::OfferSent { .. } => self.offered += 1,
                Event::DealAccepted { .. } => self.accepted += 1,
                _ => {}
            }
        }
    }
    fn decided(&mut self, bot: usize, nanos: u64, iterations: u64) {
        self.timing[bot].add(nanos, iterations);
    }
    fn finish(&mut self, game: &Game, swapped: bool) {
        self.add_game(game, swapped);
    }
    fn merge(&mut self, o: Totals) {
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
            self.success_symmetric[i] += o.success_symmetric[i];
            self.score_sum[i] += o.score_sum[i];
            self.score_sq[i] += o.score_sq[i];
            self.timing[i].merge(&o.timing[i]);
        }
        for i in 0..3 {
            self.ruptures[i] += o.ruptures[i];
        }
    }
}

impl Totals {
    /// Adds a finished game; `swapped` says the second bot played Washington.
    fn add_game(&mut self, game: &Game, swapped: bool) {
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
            self.success_symmetric[side.index()] += u64::from(o.succeeded(side) && o.symmetric);
            self.score_sum[side.index()] += s;
            self.score_sq[side.index()] += s * s;
        }
        self.symmetric += u64::from(o.symmetric);
        self.rounds += u64::from(o.round);
        self.actions += game.record().len() as u64;
    }
}

/// Plays one game between two bots, telling `obs` everything that happens. `scratch` lives as
/// long as the worker.
fn play_one<O: Observer>(
    content: &Arc<Content>,
    seed: u64,
    cfg: &SimConfig,
    swapped: bool,
    obs: &mut O,
    scratch: &mut Scratch,
) {
    let (mut game, start) = Game::start(content.clone(), seed);
    obs.begin(&game, &start, swapped);
    let bot_at = |s: Side| s.index() ^ usize::from(swapped);
    let budget = |bot: usize| match (bot, cfg.second_budget) {
        (1, Some(b)) => b,
        _ => cfg.budget,
    };
    let mut bots = Side::BOTH.map(|s| ai::build(cfg.bots[bot_at(s)], s, seed, budget(bot_at(s))));
    let Scratch {
        legal,
        events,
        watches,
    } = scratch;
    while let Some(side) = game.to_move() {
        game.legal_actions_into(legal);
        let (bot, watch) = (&mut bots[side.index()], &mut watches[bot_at(side)]);
        let started = watch.start();
        let mut action = bot.choose(&game.view(side), legal);
        obs.decided(bot_at(side), watch.stop(started), bot.last_iterations());
        events.clear();
        if game.apply_into(action, events).is_err() {
            // A bot that offers an illegal action forfeits its choice to the first legal one.
            events.clear();
            action = legal[0];
            let _ = game.apply_into(action, events);
        }
        obs.step(&game, side, action, events);
    }
    obs.finish(&game, swapped);
}

/// What a worker reuses from game to game, so a decision allocates nothing.
#[derive(Default)]
struct Scratch {
    legal: Vec<Action>,
    events: Vec<Event>,
    watches: [Stopwatch; 2],
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
    pub(crate) washington_share_of_decisive: f64,
    pub(crate) washington_successes: u64,
    pub(crate) seoul_successes: u64,
    /// Of those successes, how many came in games that ended symmetric.
    pub(crate) washington_successes_symmetric: u64,
    pub(crate) seoul_successes_symmetric: u64,
    pub(crate) ruptures_blamed_on_washington: u64,
    pub(crate) ruptures_blamed_on_seoul: u64,
    pub(crate) ruptures_from_outside: u64,
    pub(crate) symmetric_endings: u64,
    pub(crate) washington_score_mean: f64,
    pub(crate) washington_score_sd: f64,
    pub(crate) seoul_score_mean: f64,
    pub(crate) seoul_score_sd: f64,
    pub(crate) mean_rounds: f64,
    pub(crate) mean_actions: f64,
    pub(crate) offers_per_game: f64,
    pub(crate) counters_per_game: f64,
    pub(crate) acceptances_per_game: f64,
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
    pub(crate) mean_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) max_ms: f64,
    pub(crate) iterations_per_decision: f64,
}

/// Runs the games on `cfg.threads` threads and summarises them.
pub fn run(content: &Arc<Content>, cfg: &SimConfig) -> SimReport {
    let (totals, elapsed) = observe::<Totals>(content, cfg);
    summarise(&totals, cfg, content.rules.lens, elapsed)
}

/// Plays every game of `cfg` on `cfg.threads` threads, each worker with its own observer, and
/// returns the observers merged in thread order with the time taken.
pub fn observe<O: Observer>(content: &Arc<Content>, cfg: &SimConfig) -> (O, Duration) {
    let started = Instant::now();
    // A worker beyond the number of games would have nothing to play.
    let games = usize::try_from(cfg.games).unwrap_or(usize::MAX);
    let threads = cfg.threads.clamp(1, games.max(1));
    let done = AtomicU64::new(0);
    let bar = progress_bar(cfg);
    // Worker `t` plays games t, t + threads, t + 2 * threads, ...
    let work = |t: usize| {
        // Each worker plays on its own copy of the content, so the games' clones of its `Arc`
        // never bounce one reference count between the cores.
        let content = &Arc::new(Content::clone(content));
        let mut obs = O::default();
        let mut scratch = Scratch::default();
        let mut index = t as u64;
        while index < cfg.games {
            let seed = rng::game_seed(cfg.seed, index);
            for swapped in [false, true].into_iter().take(1 + usize::from(cfg.swap)) {
                play_one(content, seed, cfg, swapped, &mut obs, &mut scratch);
            }
            done.fetch_add(1, Ordering::Relaxed);
            index += threads as u64;
        }
        obs
    };
    let merged = on_threads(threads, &work, || {
        if bar.is_hidden() {
            return false;
        }
        bar.set_position(done.load(Ordering::Relaxed));
        std::thread::sleep(Duration::from_millis(100));
        true
    });
    bar.set_position(cfg.games);
    bar.finish();
    (merged, started.elapsed())
}

/// Runs `work(t)` for every share `t` of `0..threads`, each on a thread of its own, and merges
/// the observers in share order. `waiting` is called while the workers play, until it returns
/// false (the workers only count; the bar is drawn from here, so they never wait on a terminal).
fn on_threads<O: Observer>(
    threads: usize,
    work: &(impl Fn(usize) -> O + Sync),
    mut waiting: impl FnMut() -> bool,
) -> O {
    let mut merged = O::default();
    std::thread::scope(|scope| {
        let mut workers = Vec::new();
        for t in 0..threads {
            match std::thread::Builder::new().spawn_scoped(scope, move || work(t)) {
                Ok(worker) => workers.push(worker),
                Err(_) => break,
            }
        }
        // The shares of the workers the system would not start are played on this thread, so
        // a machine out of threads plays the same games and gives the same results, slower.
        let here: Vec<O> = (workers.len()..threads).map(work).collect();
        while workers.iter().any(|w| !w.is_finished()) && waiting() {}
        for w in workers {
            if let Ok(obs) = w.join() {
                merged.merge(obs);
            }
        }
        for obs in here {
            merged.merge(obs);
        }
    });
    merged
}

/// A bar on standard error when `cfg` asks for one and standard error is a terminal.
fn progress_bar(cfg: &SimConfig) -> ProgressBar {
    if !cfg.progress || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("[{bar:30}] {pos}/{len} games, {rate}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key("rate", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}/s", s.per_sec());
        })
        .progress_chars("# ");
    ProgressBar::with_draw_target(Some(cfg.games), ProgressDrawTarget::stderr()).with_style(style)
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
        washington_successes_symmetric: t.success_symmetric[0],
        seoul_successes_symmetric: t.success_symmetric[1],
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
