#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers of outside bytes, one target at a time.
#   scripts/fuzz.sh TARGET SECONDS     fuzz TARGET for SECONDS (deck, rules, scenario, record, report)
#   scripts/fuzz.sh all SECONDS        each target in turn, SECONDS each
#   scripts/fuzz.sh runs TARGET N      fuzz TARGET for N executions (however long that takes)
#   scripts/fuzz.sh minimise TARGET    fold what fuzzing found into the committed corpus (100 files at most)
# Needs `cargo install cargo-fuzz`; runs on the stable toolchain without a sanitizer. New inputs
# go to fuzz/work/TARGET (not committed), crashes to fuzz/artifacts/TARGET. The named seeds made
# from the shipped data and the test fixtures are in fuzz/seeds/TARGET, the minimised corpus of
# what fuzzing found in fuzz/corpus/TARGET. A crash found becomes a
# regression input: copy it to fuzz/regressions/TARGET/, where `cargo test --release --test
# engine fuzz_corpus` replays it with the corpus for good. libFuzzer's last lines give the executions
# (`stat::number_of_executed_units`) and the coverage (`cov:` and `ft:` on the final `DONE` line).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
targets=(deck rules scenario record report)
flags=(--sanitizer none --debug-assertions)

# SECONDS 0 is no time limit; RUNS (default: none) stops after that many executions.
run() {
  local target="$1" seconds="$2" runs="${3:--1}"
  mkdir -p "work/$target" "corpus/$target" "regressions/$target"
  cargo fuzz run "${flags[@]}" "$target" "work/$target" "seeds/$target" "corpus/$target" \
    "regressions/$target" -- \
    -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1
}

# The committed corpus stays small: libFuzzer's set-cover merge keeps the inputs that together
# reach every feature found, and of those the $keep smallest (error paths) and $keep largest
# (whole games replayed and reported) are kept.
minimise() {
  local target="$1" merged keep=50
  merged="$(mktemp -d)"
  mkdir -p "corpus/$target" "work/$target"
  cargo fuzz run "${flags[@]}" "$target" "$merged" "seeds/$target" "corpus/$target" "work/$target" \
    -- -set_cover_merge=1
  rm -rf "corpus/$target"
  mkdir -p "corpus/$target"
  # Listed first, so no `head` closes a pipe on a writer (under pipefail that would stop here).
  local by_size
  by_size="$(ls -S "$merged")"
  { head -n "$keep" <<<"$by_size"; tail -n "$keep" <<<"$by_size"; } | sort -u |
    while read -r f; do cp "$merged/$f" "corpus/$target/"; done
  rm -rf "$merged"
  echo "corpus/$target: $(find "corpus/$target" -type f | wc -l) files"
}

case "${1:-}" in
  all) for t in "${targets[@]}"; do run "$t" "${2:?seconds}"; done ;;
  minimise) minimise "${2:?target}" ;;
  runs) run "${2:?target}" 0 "${3:?executions}" ;;
  deck | rules | scenario | record | report) run "$1" "${2:?seconds}" ;;
  *) sed -n '2,11p' "$0"; exit 2 ;;
esac
