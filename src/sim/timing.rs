//! Decision-time statistics for the simulator, in constant memory.

use super::TimingReport;
use std::time::Instant;

/// A decision quicker than this is timed only now and then.
const QUICK_NS: u64 = 2_000;
/// After a quick decision, how many of the same bot's next decisions go untimed.
const SKIP_AFTER_QUICK: u32 = 63;

/// Times one bot's decisions. Reading the clock twice costs about as much as a random bot's
/// whole decision, so after a decision under [`QUICK_NS`] the next [`SKIP_AFTER_QUICK`] are
/// counted at that measured time instead of being timed; a bot that thinks longer is timed on
/// every decision. Timing never changes what is played, only the decision-time figures.
#[derive(Debug, Default)]
pub(super) struct Stopwatch {
    skip: u32,
    last_ns: u64,
}

impl Stopwatch {
    /// Call before a decision; pass what it returns to [`Stopwatch::stop`] after it.
    pub(super) fn start(&mut self) -> Option<Instant> {
        if self.skip > 0 {
            self.skip -= 1;
            None
        } else {
            Some(Instant::now())
        }
    }
    /// The decision's time in nanoseconds (measured, or the last measurement while skipping).
    pub(super) fn stop(&mut self, started: Option<Instant>) -> u64 {
        if let Some(t) = started {
            self.last_ns = t.elapsed().as_nanos() as u64;
            self.skip = if self.last_ns < QUICK_NS {
                SKIP_AFTER_QUICK
            } else {
                0
            };
        }
        self.last_ns
    }
}

/// Decision times, kept as a log-scale histogram so memory stays flat however many games run.
#[derive(Clone, Debug)]
pub(super) struct Timing {
    buckets: Vec<u64>,
    count: u64,
    total_ns: u128,
    max_ns: u64,
    iterations: u64,
    /// The last time added and its bucket: a skipped decision repeats the last time, so most
    /// additions find their bucket here.
    last: (u64, usize),
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            buckets: vec![0; 64 * 16],
            count: 0,
            total_ns: 0,
            max_ns: 0,
            iterations: 0,
            last: (0, Self::bucket(0)),
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
    pub(super) fn add(&mut self, ns: u64, iterations: u64) {
        if self.last.0 != ns {
            self.last = (ns, Self::bucket(ns));
        }
        self.buckets[self.last.1] += 1;
        self.count += 1;
        self.total_ns += u128::from(ns);
        self.max_ns = self.max_ns.max(ns);
        self.iterations += iterations;
    }
    pub(super) fn merge(&mut self, o: &Timing) {
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
    pub(super) fn report(&self, bot: &str) -> TimingReport {
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
