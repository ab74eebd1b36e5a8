"""Export speed and peak memory: `api.export` of N synthetic events in every format.

The store is a real sitrep store (the schema of `sitrep.store.SCHEMA`): N mentions, one per event, over
N/10 articles, built with DuckDB's generators (no Python loop), with real CAMEO codes and their PLOVER
mapping, 60 country codes with sectors (skewed as in bench_query.py), five years of dates, 10 % negated,
30 % placed; then `Store.rebuild_events` and `rebuild_actors` derive the events and actors tables as an
ingest does. Each export runs in a child process, so its peak resident memory (``ru_maxrss``) is its own;
``api.events`` (the whole result as one Arrow table) is measured beside them for comparison.

    python benchmarks/bench_export.py --rows 1000000            # prints a table, rewrites docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = {  # name -> (format, output name)
    "gdelt": ("gdelt", "events.export.tsv"),
    "gdelt-mentions": ("gdelt-mentions", "events.mentions.tsv"),
    "icews": ("icews", "events.tab"),
    "polecat": ("polecat", "events.polecat.jsonl"),
    "parquet (month folders)": ("parquet", "events-parquet"),
    "parquet (one file)": ("parquet", "events.parquet"),
    "csv": ("csv", "events.csv"),
    "jsonl": ("jsonl", "events.jsonl"),
}
SECTION = "## Export (`benchmarks/bench_export.py`)"

MENTIONS = """
INSERT INTO mentions BY NAME
WITH c AS (SELECT ['USA','CHN','RUS','PRK','KOR','JPN','UKR','ISR','IRN','IND','PAK','GBR','FRA','DEU','TUR',
                   'SYR','IRQ','AFG','SAU','EGY','NGA','KEN','ETH','SDN','ZAF','BRA','MEX','COL','VEN','ARG',
                   'CAN','AUS','IDN','PHL','VNM','THA','MMR','BGD','LKA','NPL','POL','ITA','ESP','NLD','BEL',
                   'SWE','NOR','FIN','GRC','SRB','HUN','ROU','BLR','GEO','ARM','AZE','KAZ','UZB','LBN','JOR'] AS codes,
                  ['', 'GOV', 'MIL', 'OPP', 'REB', 'CVL'] AS sectors),
rows AS (
    SELECT i, codes[1 + floor(60 * pow(random(), 3))::INT] AS sc, sectors[1 + (i % 6)] AS ss,
           codes[1 + floor(60 * pow(random(), 3))::INT] AS tc, sectors[1 + ((i // 7) % 6)] AS ts,
           random() < 0.1 AS negated, random() < 0.3 AS placed, (i % 10) * 100 AS s0
    FROM c, range(?) t(i)
)
SELECT 'm-' || left(md5(i::VARCHAR), 16) AS mention_id, 'art-' || (i // 10) AS article_id,
       'Outlet ' || ((i // 10) % 50) AS outlet, i % 10 AS sentence_index, s0 AS sentence_start,
       s0 + 90 AS sentence_end, 'Evidence sentence number ' || i || ' about a meeting, a protest or a strike.' AS evidence,
       k.code, k.root, k.name, k.goldstein, k.quad_class, k.plover_event, k.plover_mode, k.plover_context,
       sc || ss AS source_code, sc AS source_country, nullif(ss, '') AS source_sector, sc || ss AS source_actor_id,
       sc AS source_text, s0 AS source_start, s0 + 3 AS source_end,
       tc || ts AS target_code, tc AS target_country, nullif(ts, '') AS target_sector, tc || ts AS target_actor_id,
       tc AS target_text, s0 + 20 AS target_start, s0 + 23 AS target_end,
       'met' AS trigger, s0 + 10 AS trigger_start, s0 + 13 AS trigger_end, 'synthetic' AS pattern,
       0.5 + 0.5 * random() AS confidence, CASE WHEN negated THEN 'negated' ELSE '' END AS modality,
       NOT negated AS counted, strftime(DATE '2020-01-01' + (i % 1826)::INT, '%Y-%m-%d') AS date,
       'day' AS date_precision, CASE WHEN placed THEN 'Paris' END AS place_name,
       CASE WHEN placed THEN 'FRA' END AS place_country, CASE WHEN placed THEN 48.85341 END AS lat,
       CASE WHEN placed THEN 2.3488 END AS lon, CASE WHEN placed THEN 'city' END AS place_precision
FROM rows JOIN k ON k.idx = hash(rows.i) % (SELECT count(*) FROM k)
"""

ARTICLES = """
INSERT INTO articles BY NAME
SELECT 'art-' || i AS article_id, md5(i::VARCHAR) AS content_hash,
       strftime(DATE '2020-01-01' + ((i * 10) % 1826)::INT, '%Y-%m-%d') AS published,
       'Outlet ' || (i % 50) AS outlet, 'https://example.org/news/' || i AS url, 'Article ' || i AS title,
       'en' AS language, repeat('Synthetic article text. ', 40) AS text, '[]' AS warnings,
       '2026-12-02T12:00:00+00:00' AS ingested_at
FROM range(?) t(i)
"""

ACTORS = """
INSERT INTO actor_mentions BY NAME
SELECT DISTINCT 'art-0' AS article_id, source_actor_id AS actor_id, source_code AS code,
       source_country AS country, source_sector AS sector, source_code || ' actor' AS name, 'sector' AS kind,
       false AS provisional, 'dictionary' AS how, '2020-01-01' AS published, 0 AS start, 3 AS "end", source_text AS text
FROM mentions
"""


def build(path: Path, rows: int) -> float:
    """A store with `rows` synthetic events; returns the seconds it took."""
    import pyarrow as pa

    from sitrep.store import Store
    from sitrep.tables import cameo

    start = time.perf_counter()
    codes = [c for c in cameo.codes() if len(c.code) == 3]
    with Store(path) as store:
        store.con.register("k", pa.Table.from_pylist([
            {"idx": i, "code": c.code, "root": c.root, "name": c.name, "goldstein": c.goldstein,
             "quad_class": c.quad_class, "plover_event": c.plover_event, "plover_mode": c.plover_mode,
             "plover_context": c.plover_context} for i, c in enumerate(codes)]))
        store.con.execute("SELECT setseed(0.42)")
        store.con.execute(MENTIONS, [rows])
        store.con.execute(ARTICLES, [max(rows // 10, 1)])
        store.con.execute(ACTORS)
        store.rebuild_events({})
        store.rebuild_actors()
    return time.perf_counter() - start


def child(db: Path, run: str, out: Path) -> None:
    """One measured run, in its own process: prints {rows, seconds}."""
    import sitrep.api as api

    start = time.perf_counter()
    if run == "api.events (one Arrow table)":
        rows = api.events(db=db, include_all=True).num_rows
    else:
        rows = api.export(RUNS[run][0], out=out / RUNS[run][1], db=db, include_all=True).rows
    print(json.dumps({"rows": rows, "seconds": time.perf_counter() - start}))


def measure(db: Path, run: str, out: Path) -> dict:
    process = subprocess.Popen([sys.executable, __file__, "--child", run, "--db", str(db), "--out", str(out)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    stdout = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{run} failed")
    result = json.loads(stdout.strip().splitlines()[-1])
    target = out / RUNS[run][1] if run in RUNS else None
    size = (sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) if target and target.is_dir()
            else target.stat().st_size if target else 0)
    if target:  # free the disk before the next run
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    return {"run": run, "rows": result["rows"], "seconds": round(result["seconds"], 2),
            "peak_rss_mib": round(usage.ru_maxrss / 1024), "output_mib": round(size / 2**20, 1)}


def table(results: list[dict], rows: int, built: float) -> str:
    lines = [f"{rows:,} synthetic events (one mention each, {max(rows // 10, 1):,} articles; store built in "
             f"{built:.1f} s), all events (`include_all=True`), measured {date.today().isoformat()} on "
             f"{os.cpu_count()} cores shared with other sessions (Python {platform.python_version()}):", "",
             "| run | rows out | seconds | rows/s | peak RSS (MiB) | output (MiB) |", "|---|---|---|---|---|---|"]
    for r in results:
        rate = f"{r['rows'] / r['seconds']:,.0f}" if r["seconds"] else ""
        lines.append(f"| {r['run']} | {r['rows']:,} | {r['seconds']} | {rate} | {r['peak_rss_mib']} | "
                     f"{r['output_mib'] or ''} |")
    return "\n".join(lines)


def write_section(text: str) -> None:
    """Replace (or add) the export section of docs/benchmarks.md."""
    path = ROOT / "docs" / "benchmarks.md"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\nMethod and scripts: `benchmarks/README.md`.\n"
    head, _, rest = old.partition(SECTION)
    tail = rest[rest.find("\n## "):] if "\n## " in rest else ""
    path.write_text(f"{head.rstrip()}\n\n{SECTION}\n\n{text}\n{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-docs", action="store_true", help="Print only; leave docs/benchmarks.md alone.")
    args = parser.parse_args()
    if args.child == "build":
        print(json.dumps({"seconds": build(args.db, args.rows)}))
        return 0
    if args.child:
        child(args.db, args.child, args.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "bench.duckdb", Path(tmp) / "out"
        out.mkdir()
        # built in a child: Linux keeps a process's peak RSS across fork and exec, so a parent that held
        # the store while building it would pass its peak on to every measured child
        done = subprocess.run([sys.executable, __file__, "--child", "build", "--db", str(db), "--rows",
                               str(args.rows)], check=True, capture_output=True, text=True, cwd=ROOT)
        built = json.loads(done.stdout.strip().splitlines()[-1])["seconds"]
        results = []
        for run in ["api.events (one Arrow table)", *RUNS]:
            results.append(measure(db, run, out))
            print(json.dumps(results[-1]), flush=True)
    text = table(results, args.rows, built)
    print(text)
    if not args.no_docs:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
