"""Benchmark 3: latency of the views on 1 M and 10 M stored events, in DuckDB and PostgreSQL.

SYNTHETIC ROWS, SPEED ONLY: the events are generated in sitrep's own schema (never coded from text,
never used for accuracy): source and target from 60 country codes with sectors, skewed as real event
data is (a few dyads carry most events); CAMEO codes drawn from sitrep's CAMEO table with their root,
QuadClass, Goldstein and PLOVER type; dates over five years; ten events per article. One mention per
event, so `explain` and the report's evidence work as on a real store.

Each view runs through `sitrep.views` / `sitrep.report` exactly as the HTTP API calls it; the median
of `--repeat` runs is reported, and each store is queried in its own process, whose peak RSS is
reported too. `--before PATH` also times the same calls with the sitrep checkout at PATH (e.g. the
main branch, which pages in Python) on the same DuckDB file.

    python benchmarks/bench_query.py --rows 1000000 --postgres postgresql://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GENERATE = """
WITH c AS (SELECT ['USA','CHN','RUS','PRK','KOR','JPN','UKR','ISR','IRN','IND','PAK','GBR','FRA','DEU','TUR',
                   'SYR','IRQ','AFG','SAU','EGY','NGA','KEN','ETH','SDN','ZAF','BRA','MEX','COL','VEN','ARG',
                   'CAN','AUS','IDN','PHL','VNM','THA','MMR','BGD','LKA','NPL','POL','ITA','ESP','NLD','BEL',
                   'SWE','NOR','FIN','GRC','SRB','HUN','ROU','BLR','GEO','ARM','AZE','KAZ','UZB','LBN','JOR'] AS codes,
                  ['', 'GOV', 'MIL', 'OPP', 'REB', 'CVL'] AS sectors),
     g AS (SELECT i, codes[1 + floor(60 * pow(random(), 3))::INT] AS sc, sectors[1 + (i % 6)] AS ss,
                  codes[1 + floor(60 * pow(random(), 3))::INT] AS tc, sectors[1 + ((i // 7) % 6)] AS ts,
                  1 + floor(random() * (SELECT count(*) FROM cameo))::INT AS k,
                  DATE '2020-01-01' + floor(1826 * random())::INT AS day
           FROM c, range(?) t(i))
SELECT 'event-' || g.i AS event_id, cameo.code, cameo.root, cameo.name, cameo.goldstein, cameo.quad_class,
       cameo.plover_event, NULL::VARCHAR AS plover_mode, NULL::VARCHAR AS plover_context,
       g.sc || g.ss AS source_code, g.sc AS source_country, nullif(g.ss, '') AS source_sector, g.sc || g.ss AS source_actor_id,
       'Source ' || g.sc AS source_text, g.tc || g.ts AS target_code, g.tc AS target_country,
       nullif(g.ts, '') AS target_sector, g.tc || g.ts AS target_actor_id, 'Target ' || g.tc AS target_text,
       CASE WHEN g.i % 50 = 0 THEN strftime(g.day, '%Y-%m') ELSE strftime(g.day, '%Y-%m-%d') END AS date,
       CASE WHEN g.i % 50 = 0 THEN 'month' ELSE 'day' END AS date_precision,
       NULL::VARCHAR AS place_name, NULL::VARCHAR AS place_country, NULL::DOUBLE AS lat, NULL::DOUBLE AS lon,
       NULL::VARCHAR AS place_precision, CASE WHEN g.i % 13 = 0 THEN 'attributed' ELSE '' END AS modality,
       g.i % 10 <> 3 AS counted,
       'Evidence sentence ' || g.i || ': Source ' || g.sc || ' met Target ' || g.tc || ' about a protest.' AS evidence,
       'art-' || (g.i // 10) AS article_id, (g.i % 10)::BIGINT AS sentence_index, 'met' AS trigger,
       30::BIGINT AS trigger_start, 33::BIGINT AS trigger_end, 0::BIGINT AS source_start, 10::BIGINT AS source_end,
       34::BIGINT AS target_start, 44::BIGINT AS target_end, 'm-' || g.i AS best_mention_id, 1::BIGINT AS num_mentions,
       (1 + floor(4 * pow(random(), 4)))::BIGINT AS num_articles, 1::BIGINT AS num_sources, 1::BIGINT AS num_stories,
       0.5 + 0.5 * random() AS confidence, strftime(g.day, '%Y-%m-%d') AS published
FROM g JOIN cameo ON cameo.k = g.k
"""

VIEWS = ("events page", "events page, dyad", "events page, offset 10,000", "dyad trend (month)", "timeline (week)",
         "top actors (network)", "report (dyad)")


def build_duckdb(path: Path, rows: int) -> dict[str, float]:
    """A DuckDB store of `rows` synthetic events (with their mentions and articles), indexed for the views."""
    import pyarrow as pa

    from sitrep.store import EVENT_COLUMNS, Store
    from sitrep.tables import cameo

    codes = [c for c in cameo.codes() if c.quad_class]
    table = pa.table({"k": list(range(1, len(codes) + 1)), "code": [c.code for c in codes], "root": [c.root for c in codes],
                      "name": [c.name for c in codes], "goldstein": [float(c.goldstein) for c in codes],
                      "quad_class": [int(c.quad_class) for c in codes], "plover_event": [c.plover_event for c in codes]})
    start = time.perf_counter()
    with Store(path) as store:
        con = store.con
        con.register("cameo", table)
        con.execute("SELECT setseed(0.42)")
        con.execute(f"CREATE TEMP TABLE synthetic AS {GENERATE}", [rows])
        con.execute("""INSERT INTO articles (article_id, content_hash, published, outlet, url, title, language, text)
                       SELECT article_id, article_id, any_value(published), 'Synthetic Wire', 'https://example.org/' || article_id,
                              'Synthetic article ' || article_id, 'en', string_agg(evidence, ' ') FROM synthetic GROUP BY article_id""")
        con.execute("""INSERT INTO mentions (mention_id, event_id, article_id, outlet, sentence_index, sentence_start,
                           sentence_end, evidence, code, root, name, goldstein, quad_class, plover_event, source_code,
                           source_country, source_sector, source_text, source_start, source_end, source_actor_id,
                           target_code, target_country, target_sector, target_text, target_start, target_end,
                           target_actor_id, trigger, trigger_start, trigger_end, pattern, confidence, modality, counted,
                           date, date_precision)
                       SELECT best_mention_id, event_id, article_id, 'Synthetic Wire', sentence_index, 0, 80, evidence,
                              code, root, name, goldstein, quad_class, plover_event, source_code, source_country,
                              source_sector, source_text, source_start, source_end, source_actor_id, target_code,
                              target_country, target_sector, target_text, target_start, target_end, target_actor_id,
                              trigger, trigger_start, trigger_end, 'synthetic', confidence, modality, counted, date,
                              date_precision FROM synthetic""")
        con.execute(f"CREATE OR REPLACE TABLE events AS SELECT {', '.join(EVENT_COLUMNS)} FROM synthetic")
        con.execute("DROP TABLE synthetic")
        generated = time.perf_counter() - start
        store.index_events()
        indexed = time.perf_counter() - start - generated
        con.execute("CHECKPOINT")
    return {"generate_s": round(generated, 1), "index_s": round(indexed, 1)}


def copy_to_postgres(duck: Path, dsn: str) -> dict[str, float]:
    """The same store in PostgreSQL: every table copied over with COPY, then indexed for the views."""
    import duckdb

    from sitrep.pgstore import PostgresStore, copy_in
    from sitrep.store import SCHEMA

    start = time.perf_counter()
    with PostgresStore(dsn) as store, duckdb.connect(str(duck), read_only=True) as source:
        for table in ("articles", "mentions"):
            store.con.execute(f"DELETE FROM {table}")
            reader = source.sql(f"SELECT {', '.join(chr(34) + c + chr(34) for c in SCHEMA[table])} FROM {table}").to_arrow_reader(100_000)
            for batch in reader:
                import pyarrow as pa

                copy_in(store.pg.raw, table, pa.Table.from_batches([batch]))
        events = source.sql("SELECT * EXCLUDE (when_day, when_precision, page_key) FROM events")
        first = True
        for batch in events.to_arrow_reader(100_000):
            import pyarrow as pa

            chunk = pa.Table.from_batches([batch])
            if first:
                store.pg.register("events_load", chunk.slice(0, 0))
                first = False
            copy_in(store.pg.raw, "events_load", chunk)
        copied = time.perf_counter() - start
        store.index_events("SELECT * FROM events_load")
        store.pg.unregister("events_load")
        store.con.execute("ANALYZE articles")
        store.con.execute("ANALYZE mentions")
    return {"copy_s": round(copied, 1), "index_s": round(time.perf_counter() - start - copied, 1)}


def _calls(db: str) -> dict[str, object]:
    from sitrep import report, views

    return {
        "events page": lambda s: views.events_page(s, limit=100),
        "events page, dyad": lambda s: views.events_page(s, limit=100, dyad="RUS,UKR"),
        "events page, offset 10,000": lambda s: views.events_page(s, limit=100, offset=10_000),
        "dyad trend (month)": lambda s: views.dyad_trends(s, interval="month", dyad="USA,CHN"),
        "timeline (week)": lambda s: views.dyad_trends(s, interval="week"),
        "top actors (network)": lambda s: views.network(s),
        "report (dyad)": lambda s: report.report(s, dyad=("USA", "CHN")),
    }


def measure(db: str, repeat: int) -> dict[str, object]:
    """Median seconds of each view on `db` (run in this process), and this process's peak RSS."""
    import resource
    import statistics

    from sitrep import views

    out: dict[str, object] = {}
    with views.reader(db) as store:
        for name, call in _calls(db).items():
            times = []
            for _ in range(repeat if name != "report (dyad)" else max(1, repeat // 2)):
                start = time.perf_counter()
                call(store)  # type: ignore[operator]
                times.append(time.perf_counter() - start)
            out[name] = round(statistics.median(times), 4)
    status = Path("/proc/self/status")  # VmHWM: this process's own peak (ru_maxrss counts the parent's too)
    peak = [line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM")] if status.exists() else []
    out["peak_rss_mib"] = round(int(peak[0]) / 1024) if peak else round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def _in_process(db: str, repeat: int, python: str = sys.executable, path: str | None = None) -> dict[str, object]:
    code = ("import json, sys; sys.path.insert(0, sys.argv[3]) if sys.argv[3] else None; "
            "sys.path.insert(0, sys.argv[4]); import bench_query; "
            "print(json.dumps(bench_query.measure(sys.argv[1], int(sys.argv[2]))))")
    if path:  # the old checkout: its sitrep, this file's timing loop
        code = code.replace("bench_query.measure", "bench_query.measure_old")
    run = subprocess.run([python, "-c", code, db, str(repeat), path or "", str(Path(__file__).parent)],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def measure_old(db: str, repeat: int) -> dict[str, object]:
    """`measure` for a checkout whose report takes a path (the same calls)."""
    return measure(db, repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="a PostgreSQL server address; a database is created on it and dropped")
    parser.add_argument("--before", help="a sitrep checkout to time the same calls with (its own code)")
    parser.add_argument("--keep", help="keep the DuckDB store at this path (reused if it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        duck = Path(args.keep) if args.keep else Path(tmp) / "bench.duckdb"
        if not duck.exists():
            print(json.dumps({"rows": args.rows, "store": "duckdb", **build_duckdb(duck, args.rows)}), flush=True)
        results = {"duckdb": _in_process(str(duck), args.repeat)}
        print(json.dumps({"rows": args.rows, "store": "duckdb", **results["duckdb"]}), flush=True)
        if args.before:
            results["duckdb, before"] = _in_process(str(duck), args.repeat, python=str(Path(args.before) / ".venv/bin/python"),
                                                    path=args.before)
            print(json.dumps({"rows": args.rows, "store": "duckdb, before", **results["duckdb, before"]}), flush=True)
        if args.postgres:
            import psycopg
            from psycopg import sql

            name = f"sitrep_bench_{args.rows}"
            with psycopg.connect(args.postgres, autocommit=True) as con:
                con.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
                con.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            from urllib.parse import urlsplit, urlunsplit

            dsn = urlunsplit(urlsplit(args.postgres)._replace(path="/" + name))
            try:
                print(json.dumps({"rows": args.rows, "store": "postgresql", **copy_to_postgres(duck, dsn)}), flush=True)
                results["postgresql"] = _in_process(dsn, args.repeat)
                print(json.dumps({"rows": args.rows, "store": "postgresql", **results["postgresql"]}), flush=True)
            finally:
                with psycopg.connect(args.postgres, autocommit=True) as con:
                    con.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    print(f"\n{args.rows:,} synthetic events (speed only), median seconds of {args.repeat} runs:\n")
    names = list(results)
    print("| view | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for view in (*VIEWS, "peak_rss_mib"):
        label = "peak RSS (MiB)" if view == "peak_rss_mib" else view
        print(f"| {label} | " + " | ".join(str(results[n].get(view, "")) for n in names) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
