//! How many worker threads a `--threads N` gets: never more than there are games to share out,
//! nor more than four per core. A huge N once made the program try to start that many threads
//! (and panic), or reserve room for them (and abort on a 103 GB allocation).

use std::num::NonZeroUsize;

/// Threads beyond this many per core only wait for a turn on it.
const THREADS_PER_CORE: usize = 4;

/// The worker threads for `asked` threads over `games` games: at least one, at most one per
/// game and [`THREADS_PER_CORE`] per core. Every command with `--threads` goes through this
/// (`sim`, `analyze`); results never depend on the count.
pub(crate) fn worker_threads(asked: usize, games: u64) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    capped(asked, games, cores)
}

fn capped(asked: usize, games: u64, cores: usize) -> usize {
    let games = usize::try_from(games).unwrap_or(usize::MAX);
    asked
        .min(games)
        .min(cores.saturating_mul(THREADS_PER_CORE))
        .max(1)
}

/// Parses `--threads`: a whole number of at least 1.
pub(crate) fn parse_threads(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("the thread count must be at least 1".into()),
        Ok(n) => Ok(n),
        // Any larger number is capped anyway, so it means "as many as are useful".
        Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => Ok(usize::MAX),
        Err(_) => Err(format!("`{text}` is not a whole number of threads")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_is_capped_by_games_and_cores() {
        assert_eq!(capped(100_000, 1000, 2), 8);
        assert_eq!(capped(usize::MAX, u64::MAX, 2), 8);
        assert_eq!(capped(4_294_967_296, 3, 64), 3);
        assert_eq!(capped(6, 1000, 2), 6);
        assert_eq!(capped(1, 0, 2), 1, "no games still needs the one thread");
        assert_eq!(capped(5, 1000, usize::MAX), 5);
    }

    #[test]
    fn the_machine_cap_holds() {
        let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        assert_eq!(
            worker_threads(usize::MAX, u64::MAX),
            cores * THREADS_PER_CORE
        );
    }

    #[test]
    fn a_bad_thread_count_is_named() {
        assert_eq!(parse_threads("3"), Ok(3));
        assert_eq!(parse_threads("99999999999999999999999"), Ok(usize::MAX));
        assert!(parse_threads("0").is_err_and(|e| e.contains("at least 1")));
        assert!(parse_threads("-2").is_err_and(|e| e.contains("`-2`")));
        assert!(parse_threads("four").is_err_and(|e| e.contains("whole number")));
        assert!(parse_threads("").is_err());
    }
}
