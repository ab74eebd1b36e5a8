#!/usr/bin/env python3
"""Share of one-sided events among all coded events of a gold folder (issue 17's measure).

Usage: scripts/one_sided.py GOLD_DIR [GOLD_DIR ...] [--sitrep .venv/bin/sitrep]

Each folder (the format of shared/gold/handcoded-dev: articles.jsonl + text/) is ingested into a fresh
temporary database; `sitrep events --all --format json` lists every coded event, negated, hypothetical
and historical ones included. An event is one-sided when its source_actor_id or target_actor_id is
null. Prints one line per folder: coded events, one-sided events and their share.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def one_sided(gold: Path, sitrep: str) -> tuple[int, int]:
    """(coded events, one-sided events) of the articles in `gold`."""
    articles = [json.loads(line) for line in (gold / "articles.jsonl").read_text().splitlines() if line.strip()]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--sitrep", default=".venv/bin/sitrep")
    args = parser.parse_args()
    for gold in args.gold:
        total, single = one_sided(gold, args.sitrep)
        print(f"{gold.name}: events={total} one_sided={single} share={single / total if total else 0:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
