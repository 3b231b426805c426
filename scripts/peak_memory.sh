#!/usr/bin/env bash
# Peak memory over a whole watched game: two random bots at --pace-ms 0 play to the end screen
# at 120x40 in a private tmux server, under /usr/bin/time -v; Enter then leaves the game.
#   cargo build --release --bin alliance && scripts/peak_memory.sh [seed] [bot]
# The bot is `random` unless given (`hard` searches with its default 150 ms budget per decision).
set -euo pipefail
seed="${1:-3}"
bot="${2:-random}"
root="$(cd "$(dirname "$0")/.." && pwd)"
report="$(mktemp)"
server="alliance-mem-$$"
t() { tmux -L "$server" -f /dev/null "$@"; }
cleanup() {
  local socket
  socket="$(t display-message -p '#{socket_path}' 2>/dev/null || true)"
  t kill-server 2>/dev/null || true
  [ -n "$socket" ] && rm -f "$socket"
  rm -f "$report"
}
trap cleanup EXIT
t new-session -d -x 120 -y 40 \; set-option -g remain-on-exit on
t respawn-pane -k "/usr/bin/time -v -o $report $root/target/release/alliance play \
  --washington $bot --seoul $bot --seed $seed --pace-ms 0"
for _ in $(seq 3000); do
  t capture-pane -p | grep -q "Final scores" && break
  sleep 0.1
done
t capture-pane -p | grep -q "Final scores" || { echo "no end screen within 300 s"; exit 1; }
t send-keys Enter
for _ in $(seq 100); do grep -q "Exit status" "$report" && break; sleep 0.1; done
grep -E "Exit status|Maximum resident" "$report"
kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")"
echo "peak resident memory: $((kb / 1024)) MB (target <= 30 MB)"
