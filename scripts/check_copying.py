#!/usr/bin/env python3
"""Flag card and shock prose that copies the reference article word for word.

The decks must tell the article's story in the project's own words. This script
reads every `title` and `text` in decks/*.toml (and, with --rulebook, the prose
of rules/RULEBOOK.md) and reports each run of N or more consecutive words
(default 6) that also appears, in the same order, in the article. Words are
compared lower-cased with punctuation dropped, so "U.S.," and "us" match.

Usage: scripts/check_copying.py [--article PATH] [--min-run N] [--rulebook]
Exit status: 0 if nothing is copied, 1 if any run is found, 2 on bad input.
"""

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = Path("/work/shared/reference/alliance-modernization-article.txt")
PROSE_FIELDS = ("title", "text")


def words(text):
    """Lower-cased words with all punctuation dropped, so "U.S.," and "us" compare equal."""
    text = text.replace("\u2019", "'").lower()
    return [w for w in (re.sub(r"[^a-z0-9%]", "", t) for t in text.split()) if w]


def article_ngrams(article_words, n):
    return {tuple(article_words[i : i + n]) for i in range(len(article_words) - n + 1)}


def copied_runs(prose, grams, n):
    """Maximal runs of >= n words in `prose` whose every n-gram is in the article."""
    ws = words(prose)
    hits = [tuple(ws[i : i + n]) in grams for i in range(len(ws) - n + 1)]
    runs, i = [], 0
    while i < len(hits):
        if not hits[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and hits[j + 1]:
            j += 1
        runs.append(" ".join(ws[i : j + n]))
        i = j + 1
    return runs


def deck_prose(deck_dir):
    """(label, prose) for every prose field of every card and shock."""
    for path in sorted(deck_dir.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            print(f"error: {path}: {err}", file=sys.stderr)
            sys.exit(2)
        for table in ("card", "shock"):
            for entry in data.get(table, []):
                for field in PROSE_FIELDS:
                    if field in entry:
                        yield f"{path.name}:{entry.get('id', '?')}.{field}", entry[field]


def rulebook_prose(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        yield f"{path.name}:{number}", line


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--decks", type=Path, default=ROOT / "decks")
    parser.add_argument("--min-run", type=int, default=6)
    parser.add_argument("--rulebook", action="store_true", help="also check rules/RULEBOOK.md")
    args = parser.parse_args()
    if args.min_run < 2:
        parser.error("--min-run must be at least 2")
    try:
        article = args.article.read_text(encoding="utf-8")
    except OSError as err:
        print(f"error: cannot read the article {args.article}: {err}", file=sys.stderr)
        return 2
    grams = article_ngrams(words(article), args.min_run)
    sources = list(deck_prose(args.decks))
    if args.rulebook:
        sources += list(rulebook_prose(ROOT / "rules" / "RULEBOOK.md"))
    found = 0
    for label, prose in sources:
        for run in copied_runs(prose, grams, args.min_run):
            found += 1
            print(f"{label}: {len(run.split())} words: \"{run}\"")
    print(f"checked {len(sources)} prose fields; {found} run(s) of {args.min_run}+ words copied")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
