#!/usr/bin/env python3
"""Re-records the committed game records after a change to the shipped data or the engine's rules.

A record carries the fingerprint of the data and rules it was made with, and a change to either
makes the program refuse it as "made with other rules" (or, if only the engine changed, a move
may no longer be legal). This script brings every committed record up to date:

- the fuzz seed records (`fuzz/seeds/record` and `fuzz/seeds/report`, the same files), played
  again by the bots their names give: `SCENARIO-SEED.json` (random v random),
  `SCENARIO-SEED-unfinished.json` (stopped after 12 decisions), `plain-SEED.json` (no scenario,
  greedy v random);
- the classroom fixtures (`tests/fixtures/classroom/game-a.json` and `game-b.json`), played on
  that folder's frozen data;
- the fuzz corpus records (`fuzz/corpus/record`, `fuzz/corpus/report`): these are what the
  fuzzer found, so they are not replayed; each old fingerprint is swapped for the new one of the
  same scenario, so they still reach the replay path.

Run it from the repository root after `cargo build --release`, then review `git diff --stat` and
rerun `cargo test --release` (insta snapshots of reports may then need
`INSTA_UPDATE=always cargo test --release --test classroom`).
"""
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "alliance"
SEEDS = [ROOT / "fuzz/seeds/record", ROOT / "fuzz/seeds/report"]
CORPORA = [ROOT / "fuzz/corpus/record", ROOT / "fuzz/corpus/report"]
FIXTURE = ROOT / "tests/fixtures/classroom"


def record(out, *args):
    out.unlink(missing_ok=True)
    cmd = [str(BIN), "record", "--out", str(out), *args]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return json.loads(out.read_text())["fingerprint"]


def seed_args(name):
    m = re.fullmatch(r"plain-(\d+)", name)
    if m:
        return ["--seed", m.group(1), "--washington", "greedy", "--seoul", "random"]
    m = re.fullmatch(r"(.+)-(\d+)(-unfinished)?", name)
    if not m:
        sys.exit(f"cannot tell how the seed record {name}.json was made")
    args = ["--scenario", m.group(1), "--seed", m.group(2)]
    return args + (["--stop-after", "12"] if m.group(3) else [])


def main():
    if not BIN.exists():
        sys.exit(f"{BIN} is missing: run `cargo build --release` first")
    renamed = {}
    for path in sorted(SEEDS[0].glob("*.json")):
        old = json.loads(path.read_text())["fingerprint"]
        new = record(path, *seed_args(path.stem))
        renamed[old] = new
        for other in SEEDS[1:]:
            (other / path.name).write_bytes(path.read_bytes())
        print(f"{path.relative_to(ROOT)}: {old} -> {new}")
    for name, bot_seed in [("game-a", "1"), ("game-b", "3")]:
        path = FIXTURE / f"{name}.json"
        args = ["--data", str(FIXTURE), "--scenario", "seminar", "--bot-seed", bot_seed]
        print(f"{path.relative_to(ROOT)}: {record(path, *args)}")
    swapped = 0
    for folder in CORPORA:
        for path in sorted(folder.iterdir()):
            data = path.read_bytes()
            m = re.search(rb'"fingerprint":\s*"([0-9a-f]{16})"', data)
            old = m and m.group(1).decode()
            if old in renamed and renamed[old] != old:
                start, end = m.span(1)
                path.write_bytes(data[:start] + renamed[old].encode() + data[end:])
                swapped += 1
    print(f"corpus records re-stamped: {swapped}")


if __name__ == "__main__":
    main()
