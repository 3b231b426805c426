//! Decision-time statistics for the simulator, in constant memory.

use super::TimingReport;

/// Decision times, kept as a log-scale histogram so memory stays flat however many games run.
#[derive(Clone, Debug)]
pub(super) struct Timing {
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
    pub(super) fn add(&mut self, ns: u64, iterations: u64) {
        self.buckets[Self::bucket(ns)] += 1;
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
