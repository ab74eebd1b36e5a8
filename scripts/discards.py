#!/usr/bin/env python3
"""Derive sitrep's discard table (`sitrep/data/discards.tsv`) from PETRARCH2's discard list.

Usage: scripts/discards.py PATH/TO/Phoenix.discards.txt > sitrep/data/discards.tsv

The source is `petrarch2/data/dictionaries/Phoenix.discards.txt` (openeventdata/petrarch2, commit 676801c,
MIT, (c) 2014 Open Event Data Alliance): phrases whose sentence (or, marked "+", whose story) PETRARCH2
does not code because news about them borrows political verbs ("France beat Brazil", "restore baseball
competition with Gondor"): sports, entertainment, disasters, celebrities.

Only the phrases are kept, as lower-case words. Left out, because sitrep decides them elsewhere:
- bare numbers and years ("1914" ... "1999", "#2000"): the dates stage flags background by its date,
  and a year alone would discard every sentence of a 1997 wire story;
- relative time phrases ("YEARS AGO", "MONTHS LATER"): likewise dates, not topics;
- entries with a year ("2014 COMPETITION", "APRIL 1942") or a one-letter word ("GROUP A": matched in
  lower case it would discard "... the group a day later");
- entries commented out upstream ("#NAZI").
Story-level entries ("+") are kept with scope "story"; sitrep applies every entry to its sentence only
(a story about a football match may also report a real arrest).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

HEADER = """\
# sitrep discards: phrases whose sentence is not coded (news about sports, entertainment, disasters and
# celebrities borrows the verbs of war and diplomacy: "France attacked", "restore baseball competition").
#
# Facts derived by scripts/discards.py from the PETRARCH2 discard list Phoenix.discards.txt
# (https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/Phoenix.discards.txt, commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf; MIT, (c) 2014 Open Event Data Alliance). Regenerate with
#   scripts/discards.py Phoenix.discards.txt > sitrep/data/discards.tsv
# Years, relative time phrases and one-letter words of the source are left out (the dates stage judges
# background; "group a" would match "the group a day later").
# Read by sitrep/tables/words.py (`discards()`); the coder skips a sentence holding one of the phrases
# as whole words, case-insensitively.
#
# Columns (tab-separated):
#   phrase   lower-case words, separated by one space
#   scope    "sentence" or "story" (PETRARCH2's "+"; sitrep applies both to the sentence)
"""

_TIME = re.compile(r"\b(ago|later)$")


def entries(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(phrase, scope) for each usable entry of a PETRARCH2 discard file, in file order."""
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        scope = "story" if text.startswith("+") else "sentence"
        words = re.findall(r"[a-z0-9'&.-]+", text.lstrip("+").lower())
        phrase = " ".join(words)
        if not phrase or all(w.isdigit() for w in words) or _TIME.search(phrase):
            continue
        if any(w.isdigit() and len(w) == 4 for w in words) or any(len(w) == 1 and w.isalpha() for w in words):
            continue  # "2014 COMPETITION", "APRIL 1942": dated; "GROUP A": lower-cased, "group a day ago"
        yield phrase, scope


def render(rows: Iterable[tuple[str, str]]) -> str:
    """The table in sitrep's TSV format, first occurrence of a phrase kept."""
    out, seen = [HEADER + "phrase\tscope"], set()
    for phrase, scope in rows:
        if phrase in seen:
            continue
        seen.add(phrase)
        out.append(f"{phrase}\t{scope}")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    sys.stdout.write(render(entries(Path(argv[1]).read_text(encoding="utf-8", errors="replace").splitlines())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
