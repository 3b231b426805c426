//! The `hard` bot: single-observer information-set MCTS searched root-parallel. Each thread grows
//! its own tree from its own seeded stream; the root statistics are then summed in a fixed
//! order, so a fixed iteration budget gives the same choice on any machine and any load.

mod search;
mod tree;

use super::eval::{Evaluator, Temper};
use super::greedy::evaluator_for;
use super::{Bot, Budget, Candidate, Explanation};
use crate::engine::{Action, View, rng::Rng};
use rand::{Rng as _, SeedableRng};
use search::{Search, Stop};
use std::sync::Arc;
use std::time::Instant;

/// Search threads per decision.
pub(crate) const THREADS: usize = 2;
/// How many of the moves the greedy evaluation ranks best the search considers at its root.
/// A v2 turn offers 30 to 60 moves (boosts and set-asides among them); spread over all of them, a
/// few hundred iterations learn little about any, and the best move is nearly always among the
/// greedy's first few.
const ROOT_MOVES: usize = 8;
/// Iterations beyond 500 that buy one more root move. At 2,000 iterations a root of 28 moves won
/// 66.1% and 56.2% of decisive games against 500 (seeds 1 and 2), a root of 20 won 53.6% and
/// 56.8%, of 14 50.3%: a bigger budget is best spent on more candidates.
const ROOT_STEP: u64 = 75;

pub struct HardBot {
    rng: Rng,
    budget: Budget,
    threads: usize,
    last: Option<Explanation>,
    ev: Option<(u64, Arc<Evaluator>)>,
}

/// One thread's result: root statistics, iterations, depth reached.
type Root = (Vec<(Action, u32, f32)>, u64, u32);

impl HardBot {
    pub fn new(rng: Rng, budget: Budget) -> Self {
        Self::with_threads(rng, budget, THREADS)
    }

    /// A bot searching on `threads` threads (the default is `THREADS`).
    pub fn with_threads(rng: Rng, budget: Budget, threads: usize) -> Self {
        HardBot {
            rng,
            budget,
            threads: threads.max(1),
            last: None,
            ev: None,
        }
    }

    /// How many root moves the budget can search well: `ROOT_MOVES` at 500 iterations, one more
    /// for every `ROOT_STEP` beyond, at most 28. (A time budget counts as 2,000 iterations, the
    /// width measured to play better than 500: `docs/BALANCE.md`.)
    fn root_width(&self) -> usize {
        let iterations = match self.budget {
            Budget::Iterations(k) => k.min(2_000),
            Budget::Time(_) => 2_000,
        };
        ROOT_MOVES + (iterations.saturating_sub(500) / ROOT_STEP) as usize
    }

    fn stop_for(&self, thread: usize, started: Instant) -> Stop {
        match self.budget {
            Budget::Iterations(k) => {
                let t = self.threads as u64;
                let extra = u64::from((thread as u64) < k % t);
                Stop::Iterations((k / t + extra).max(1))
            }
            Budget::Time(d) => Stop::Deadline(started + d),
        }
    }

    fn search(
        view: &View,
        ev: &Evaluator,
        job: (u64, &[Action]),
        thread: usize,
        stop: Stop,
    ) -> Root {
        let (seed, root) = job;
        let mut rng = Rng::seed_from_u64(seed);
        rng.set_stream(thread as u64);
        let mut s = Search::new(view, ev, rng, root);
        s.run(stop);
        let stats = s.tree.root_stats().collect();
        (stats, s.iterations, s.tree.depth())
    }

    /// Runs every thread and returns their results in thread order.
    fn roots(&mut self, view: &View, legal: &[Action]) -> Vec<Root> {
        let started = Instant::now();
        let seed = self.rng.next_u64();
        let ev = evaluator_for(&mut self.ev, view, Temper::Realist);
        let ev = &*ev;
        let root = root_moves(view, ev, legal, self.root_width());
        let root = &root[..];
        let stops: Vec<Stop> = (0..self.threads)
            .map(|t| self.stop_for(t, started))
            .collect();
        std::thread::scope(|scope| {
            let others: Vec<_> = (1..self.threads)
                .map(|t| {
                    let stop = stops[t];
                    scope.spawn(move || Self::search(view, ev, (seed, root), t, stop))
                })
                .collect();
            let mut out = vec![Self::search(view, ev, (seed, root), 0, stops[0])];
            out.extend(others.into_iter().filter_map(|h| h.join().ok()));
            out
        })
    }
}

/// The moves the search considers at its root: the `ROOT_MOVES` that the greedy evaluation
/// values most (ties keep the legal order), or all of them if there are no more.
fn root_moves(view: &View, ev: &Evaluator, legal: &[Action], width: usize) -> Vec<Action> {
    if legal.len() <= width {
        return legal.to_vec();
    }
    let cx = super::greedy::Cx { view, ev };
    let mut ranked: Vec<(f32, usize)> = legal
        .iter()
        .enumerate()
        .map(|(i, &a)| (super::greedy::GreedyBot::worth(cx, a), i))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // A card's operations come in several options and boosts, which can fill the root with one
    // card's variants; the event the greedy ranks best always keeps a place, so the search weighs
    // an event against operations on every turn that offers one.
    let event = |r: &(f32, usize)| matches!(legal[r.1], Action::Event { .. });
    if let Some(best_event) = ranked.iter().position(event)
        && best_event >= width
    {
        let e = ranked.remove(best_event);
        ranked.insert(width - 1, e);
    }
    ranked.truncate(width);
    ranked.sort_by_key(|r| r.1);
    ranked.into_iter().map(|(_, i)| legal[i]).collect()
}

/// Sums the threads' root statistics in thread order, keeping first-seen action order.
fn merge(roots: &[Root], legal: &[Action]) -> Explanation {
    let mut sums: Vec<(Action, u64, f64)> = Vec::new();
    for (stats, _, _) in roots {
        for &(a, visits, total) in stats {
            if !legal.contains(&a) {
                continue;
            }
            match sums.iter_mut().find(|s| s.0 == a) {
                Some(s) => {
                    s.1 += u64::from(visits);
                    s.2 += f64::from(total);
                }
                None => sums.push((a, u64::from(visits), f64::from(total))),
            }
        }
    }
    let mut candidates: Vec<Candidate> = sums
        .into_iter()
        .map(|(action, visits, total)| Candidate {
            action,
            visits,
            value: total / visits.max(1) as f64,
        })
        .collect();
    // A stable sort: ties keep the first-seen order, so the choice is reproducible.
    candidates.sort_by(|a, b| b.visits.cmp(&a.visits).then(b.value.total_cmp(&a.value)));
    Explanation {
        candidates,
        iterations: roots.iter().map(|r| r.1).sum(),
        depth: roots.iter().map(|r| r.2).max().unwrap_or(0),
    }
}

impl Bot for HardBot {
    fn choose(&mut self, view: &View, legal: &[Action]) -> Action {
        if legal.len() == 1 {
            self.last = Some(Explanation {
                candidates: vec![Candidate {
                    action: legal[0],
                    visits: 0,
                    value: 0.0,
                }],
                iterations: 0,
                depth: 0,
            });
            return legal[0];
        }
        // Every iteration deals the unseen cards afresh; a snapshot keeps them sorted once.
        let own = view.snapshot();
        let roots = self.roots(&own.view(), legal);
        let mut ex = merge(&roots, legal);
        let choice = ex.candidates.first().map_or(legal[0], |c| c.action);
        ex.candidates.truncate(3);
        self.last = Some(ex);
        choice
    }

    fn explain(&self) -> Option<Explanation> {
        self.last.clone()
    }

    fn last_iterations(&self) -> u64 {
        self.last.as_ref().map_or(0, |e| e.iterations)
    }
}
