#!/usr/bin/env python3
"""Share of one-sided events among all coded events of a gold folder (issue 17's measure).

Usage: scripts/one_sided.py GOLD_DIR [GOLD_DIR ...] [--sitrep .venv/bin/sitrep]
       scripts/one_sided.py GOLD_DIR [GOLD_DIR ...] --show     (tune folders only)

Each folder (the format of shared/gold/handcoded-dev: articles.jsonl + text/) is ingested into a fresh
temporary database; `sitrep events --all --format json` lists every coded event, negated, hypothetical
and historical ones included. An event is one-sided when its source_actor_id or target_actor_id is
null. Prints one line per folder: coded events, one-sided events and their share.

`--show` codes the folder in this process instead and prints, for each one-sided event, its sentence,
trigger and the noun phrase of the trigger's missing side (its subject or object in the parse), with
a cause bucket for that phrase (`bucket`); then the bucket counts. It refuses a held-out folder
(`handcoded-check`): its texts are never to be read.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_HELD_OUT = ("handcoded-check",)


def _articles(gold: Path) -> list[dict]:
    return [json.loads(line) for line in (gold / "articles.jsonl").read_text().splitlines() if line.strip()]


def one_sided(gold: Path, sitrep: str) -> tuple[int, int]:
    """(coded events, one-sided events) of the articles in `gold`."""
    articles = _articles(gold)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        with source.open("w") as out:
            for record in articles:
                text = (gold / "text" / record["file"]).read_text(encoding="utf-8")
                out.write(json.dumps({"id": record["id"], "published": record["published"],
                                      "outlet": record.get("outlet", ""), "language": "en", "title": "",
                                      "text": text}) + "\n")
        db = str(Path(tmp) / "g.duckdb")
        subprocess.run([sitrep, "ingest", str(source), "--db", db], check=True, capture_output=True)
        listed = subprocess.run([sitrep, "events", "--db", db, "--all", "--format", "json", "--limit", "1000000"],
                                check=True, capture_output=True, text=True)
    events = json.loads(listed.stdout or "[]")
    return len(events), sum(1 for e in events if e.get("source_actor_id") is None or e.get("target_actor_id") is None)


# -- --show: why the missing side was not resolved ------------------------------------------------

_SUBJECTS = {"nsubj", "nsubjpass", "agent", "csubj"}
_OBJECTS = {"dobj", "pobj", "dative", "attr", "obj"}


def _missing_phrase(doc, trigger_start: int, side: str):
    """The noun phrase that should have been the missing side: the trigger's subject (source) or
    its object, or the object of a preposition on it (target); climbs one conj/xcomp link for the
    subject of a coordinated or controlled verb. None when the parse gives none."""
    span = doc.char_span(trigger_start, trigger_start + 1, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    for _ in range(3):
        if side == "source":
            found = [c for c in verb.children if c.dep_ in _SUBJECTS]
            if found:
                head = found[0]
                if head.dep_ == "agent":
                    head = next((c for c in head.children if c.dep_ == "pobj"), head)
                return head
        else:
            found = [c for c in verb.children if c.dep_ in _OBJECTS]
            if found:
                return found[0]
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                pobj = [c for c in prep.children if c.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
            return None
        if verb.dep_ in {"conj", "xcomp", "advcl", "ccomp", "relcl"} and verb.head.i != verb.i:
            if verb.dep_ == "relcl":
                return verb.head
            verb = verb.head
            continue
        return None
    return None


def bucket(head, covered: dict | None = None) -> str:
    """The cause bucket of the missing side's head token (a spaCy Token) or None; `covered` maps the
    token indices of the article's actor mentions to their country (a head inside a mention with a
    country is the coder's miss; one with no country is the actor stage's: the coder skips it)."""
    if head is None:
        return "no argument in the parse"
    if covered and head.i in covered:
        if covered[head.i] is None:
            return "an actor mention with no country (the coder skips it)"
        return "resolved: an actor mention the coder did not link"
    phrase = list(head.subtree)
    if head.pos_ == "PRON":
        return "pronoun"
    words = {t.lower_ for t in phrase}
    if {"both", "two"} & words and head.tag_ == "NNS":
        return "pair ('the two sides')"
    ents = {t.ent_type_ for t in phrase if t.ent_type_}
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and "PERSON" in ents):
        return "named person"
    if head.ent_type_ in {"GPE", "NORP", "ORG", "LOC", "FAC"} or (head.pos_ == "PROPN" and ents):
        return f"named entity {head.ent_type_ or sorted(ents)[0]}"
    if head.pos_ == "PROPN":
        return "proper noun, no entity"
    if "NORP" in ents or "GPE" in ents:
        return "group/description with nationality"
    if any(t.lower_ in {"the", "this", "that"} for t in head.children):
        return "definite description"
    if head.pos_ in {"NOUN"}:
        return "common noun (no actor?)"
    return f"other ({head.pos_})"


def show(golds: list[Path]) -> int:
    """Print the one-sided events of tune folders with their missing side's phrase and bucket."""
    from sitrep import text as sitrep_text
    from sitrep.pipeline import process_batch
    from sitrep.text import article_from_text

    counts: collections.Counter[str] = collections.Counter()
    total = single = 0
    for gold in golds:
        if any(name in str(gold.resolve()) for name in _HELD_OUT):
            print(f"{gold}: a held-out folder; --show reads tune folders only", file=sys.stderr)
            return 2
        for record in _articles(gold):
            raw = (gold / "text" / record["file"]).read_text(encoding="utf-8")
            article = article_from_text(raw, published=record["published"], id=record["id"])
            result = process_batch([article])[0]
            doc = next(iter(sitrep_text.parse([sitrep_text.clean(article.text).text])))
            covered = {i: m.actor.country for m in result.mentions for i in range(m.token_start, m.token_end)}
            for event in result.events:
                total += 1
                missing = [side for side in ("source", "target") if getattr(event, f"{side}_actor_id") is None]
                if not missing:
                    continue
                single += 1
                sentence = article.text[event.sentence_start:event.sentence_end].replace("\n", " ")
                for side in missing:
                    head = _missing_phrase(doc, event.trigger_start, side)
                    cause = bucket(head, covered)
                    counts[cause] += 1
                    phrase = " ".join(t.text for t in head.subtree) if head is not None else "-"
                    if len(phrase) > 90:
                        phrase = phrase[:90] + "..."
                    known = event.target_text if side == "source" else event.source_text
                    print(f"[{cause}] {record['id']} {event.code} trigger={event.trigger!r} missing={side} "
                          f"phrase={phrase!r} other={known!r}\n    {sentence.strip()[:300]}")
    print(f"\nevents={total} one_sided={single}")
    for cause, n in counts.most_common():
        print(f"{n:4d}  {cause}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--sitrep", default=".venv/bin/sitrep")
    parser.add_argument("--show", action="store_true", help="print each one-sided event of tune folders")
    args = parser.parse_args()
    if args.show:
        return show(args.gold)
    for gold in args.gold:
        total, single = one_sided(gold, args.sitrep)
        print(f"{gold.name}: events={total} one_sided={single} share={single / total if total else 0:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
