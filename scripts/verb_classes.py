#!/usr/bin/env python3
"""Derive sitrep's broad verb-class table (`sitrep/data/verb_classes.tsv`) from PETRARCH2's verb dictionary.

Usage: scripts/verb_classes.py PATH/TO/CAMEO.2.0.txt > sitrep/data/verb_classes.tsv

The source is `petrarch2/data/dictionaries/CAMEO.2.0.txt` (openeventdata/petrarch2, commit 676801c, MIT,
(c) 2014 Open Event Data Alliance). Its verb section is a list of blocks:

    ---  DENOUNCE   [111]  ---          block name and its default code ("---": none)
    CONDEMN [111]                       a synonym verb, with its own code when it differs
    +LASH_OUT                           a phrasal verb: lemma plus particle
    - * (FOR PEACE)   [027]  # APPEAL   a pattern (object, preposition) with the code it means

Only the facts are kept, which lemma means which code at the general level: a synonym's own code,
else its block's default, else, for a block without a default ("SIGN [---]"), the code most of the
block's patterns share (the commonest 3-digit code, when at least half of at least 3 patterns
have it). Codes are cut to 3 digits (the back-off codes the verb class,
not the specific act), and a code whose patterns read "[057:057]" keeps its reciprocal.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

HEADER = """\
# sitrep broad verb classes: verb lemma -> CAMEO code at the verb's general level (back-off coding).
#
# Facts derived by scripts/verb_classes.py from the PETRARCH2 verb dictionary CAMEO.2.0.txt
# (https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt, commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf; MIT, (c) 2014 Open Event Data Alliance). Regenerate with
#   scripts/verb_classes.py CAMEO.2.0.txt > sitrep/data/verb_classes.tsv
# Which rows sitrep backs off to is decided in sitrep/data/backoff.tsv, not here.
#
# Columns (tab-separated):
#   lemma    verb lemma; "lash out" is lemma + particle/preposition child "out"
#   code     CAMEO code (3 digits) for source -> target
#   reverse  code of the reciprocal target -> source event ("-": none)
#   block    the PETRARCH2 verb block the lemma sits in
#   basis    "synonym" (the synonym's own code), "block" (the block's default code) or
#            "patterns n/m" (n of the block's m patterns have the code)
"""

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*(---)?\s*---")
_CODE = re.compile(r"\[([0-9]*)(?::([0-9]*))?\]")


@dataclass(frozen=True)
class VerbClass:
    lemma: str
    code: str
    reverse: str | None
    block: str
    basis: str


def _verb_section(lines: Iterable[str]) -> Iterator[str]:
    inside = False
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            inside = True
        elif line.startswith("########") and inside:
            return
        elif inside:
            yield line.rstrip("\n")


def _lemma(word: str) -> str | None:
    """ "+LASH_OUT" -> "lash out"; "CONDEMN" -> "condemn"; longer phrases are not kept."""
    parts = word.lstrip("+").lower().split("_")
    if len(parts) > 2 or not all(p.isalpha() for p in parts):
        return None
    return " ".join(parts)


def _patterns_code(codes: list[tuple[str, str | None]]) -> tuple[str, str | None, str] | None:
    """The general code at least half of a block's patterns share (of at least 3), or None.

    A block without a default code lists object-specific patterns; when fewer than half of them
    agree, the verb alone means none of their codes ("STRENGTHEN": 2 of 6 patterns are 172, tightened
    restrictions; "strengthened ties" is no coercion), so it gets no general class."""
    codes = [(c, r) for c, r in codes if len(c) >= 3]
    if len(codes) < 3:
        return None
    code, n = Counter(c[:3] for c, _ in codes).most_common(1)[0]
    if n * 2 < len(codes):
        return None
    symmetric = sum(1 for c, r in codes if c[:3] == code and r and r[:3] == code)
    return code, (code if symmetric * 2 > n else None), f"patterns {n}/{len(codes)}"


def parse(text: str) -> list[VerbClass]:
    """Verb classes of a PETRARCH2 verb dictionary's text, in file order."""
    rows: list[VerbClass] = []
    block = default = default_reverse = None
    synonyms: list[tuple[str, str | None]] = []
    patterns: list[tuple[str, str | None]] = []

    def close() -> None:
        if block is None:
            return
        fallback = None if default else _patterns_code(patterns)
        for lemma, own in synonyms:
            if own:
                rows.append(VerbClass(lemma, own[:3], None, block, "synonym"))
            elif default:
                rows.append(VerbClass(lemma, default[:3], default_reverse, block, "block"))
            elif fallback:
                rows.append(VerbClass(lemma, fallback[0], fallback[1], block, fallback[2]))

    for line in _verb_section(text.splitlines()):
        text_part = line.split("#", 1)[0].strip()
        if not text_part:
            continue
        if (head := _BLOCK.match(line)) is not None:
            close()
            block, synonyms, patterns = head.group(1), [], []
            code = _CODE.search("[" + head.group(2) + "]")
            default = code.group(1) if code and code.group(1) and not head.group(3) else None
            default_reverse = code.group(2)[:3] if default and code.group(2) else None
        elif text_part.startswith("-"):
            if (code := _CODE.search(text_part)) is not None and code.group(1):
                patterns.append((code.group(1), code.group(2)))
        elif block is not None:
            word = text_part.split()[0]
            own = _CODE.search(text_part)
            lemma = _lemma(word)
            if lemma:
                synonyms.append((lemma, own.group(1) if own and own.group(1) else None))
    close()
    return rows


def render(rows: Iterable[VerbClass]) -> str:
    """The table in sitrep's TSV format, one row per (lemma, code), first occurrence kept."""
    out, seen = [HEADER, "lemma\tcode\treverse\tblock\tbasis"], set()
    for row in rows:
        if (row.lemma, row.code) in seen:
            continue
        seen.add((row.lemma, row.code))
        out.append(f"{row.lemma}\t{row.code}\t{row.reverse or '-'}\t{row.block}\t{row.basis}")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    sys.stdout.write(render(parse(Path(argv[1]).read_text(encoding="utf-8", errors="replace"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
