#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers of outside bytes, one target at a time.
#   scripts/fuzz.sh TARGET SECONDS     fuzz TARGET for SECONDS (deck, rules, scenario, record, report)
#   scripts/fuzz.sh all SECONDS        each target in turn, SECONDS each
#   scripts/fuzz.sh minimise TARGET    merge what fuzzing found into the committed corpus, smallest set
# Needs `cargo install cargo-fuzz`; runs on the stable toolchain without a sanitizer. New inputs
# go to fuzz/work/TARGET (not committed), crashes to fuzz/artifacts/TARGET. A crash found becomes a
# regression input: copy it to fuzz/regressions/TARGET/, where `cargo test --release --test
# fuzz_corpus` replays it with the corpus for good. libFuzzer's last lines give the executions
# (`stat::number_of_executed_units`) and the coverage (`cov:` and `ft:` on the final `DONE` line).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
targets=(deck rules scenario record report)
flags=(--sanitizer none --debug-assertions)

run() {
  local target="$1" seconds="$2"
  mkdir -p "work/$target" "regressions/$target"
  cargo fuzz run "${flags[@]}" "$target" "work/$target" "corpus/$target" "regressions/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1
}

minimise() {
  local target="$1" merged
  merged="$(mktemp -d)"
  cargo fuzz run "${flags[@]}" "$target" "$merged" "corpus/$target" "work/$target" -- -merge=1
  rm -rf "corpus/$target"
  mv "$merged" "corpus/$target"
  echo "corpus/$target: $(find "corpus/$target" -type f | wc -l) files"
}

case "${1:-}" in
  all) for t in "${targets[@]}"; do run "$t" "${2:?seconds}"; done ;;
  minimise) minimise "${2:?target}" ;;
  deck | rules | scenario | record | report) run "$1" "${2:?seconds}" ;;
  *) sed -n '2,10p' "$0"; exit 2 ;;
esac
