//! The simulator's summary as a plain-text table.

use super::SimReport;

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
            "  of which symmetric Washington {}, Seoul {}\n",
            self.washington_successes_symmetric, self.seoul_successes_symmetric
        );
        s += &format!(
            "  ruptures          {} blamed on Washington, {} on Seoul, {} on no one\n",
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
