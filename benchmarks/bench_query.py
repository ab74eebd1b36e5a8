"""Query latency on a synthetic 1M-row events table in DuckDB: dyad-month group-by and filtered lists.

The table has the columns the queries touch, with realistic skew (a few dyads carry most events, as in
real event data): source/target codes drawn from 60 country codes with sectors, CAMEO codes and roots,
dates over five years, a counted flag and an evidence string. It is built with DuckDB's own generators
(no Python loop), then each query runs `--repeat` times; the median and the best are reported.

    python benchmarks/bench_query.py --rows 1000000
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

BUILD = """
CREATE TABLE events AS
WITH c AS (SELECT ['USA','CHN','RUS','PRK','KOR','JPN','UKR','ISR','IRN','IND','PAK','GBR','FRA','DEU','TUR',
                   'SYR','IRQ','AFG','SAU','EGY','NGA','KEN','ETH','SDN','ZAF','BRA','MEX','COL','VEN','ARG',
                   'CAN','AUS','IDN','PHL','VNM','THA','MMR','BGD','LKA','NPL','POL','ITA','ESP','NLD','BEL',
                   'SWE','NOR','FIN','GRC','SRB','HUN','ROU','BLR','GEO','ARM','AZE','KAZ','UZB','LBN','JOR'] AS codes,
                  ['', 'GOV', 'MIL', 'OPP', 'REB', 'CVL'] AS sectors)
SELECT 'event-' || i AS event_id,
       codes[1 + floor(60 * pow(random(), 3))::INT] || sectors[1 + (i % 6)] AS source_code,
       codes[1 + floor(60 * pow(random(), 3))::INT] || sectors[1 + ((i // 7) % 6)] AS target_code,
       lpad((1 + floor(20 * random()))::INT::VARCHAR, 2, '0') AS root,
       lpad((1 + floor(20 * random()))::INT::VARCHAR, 2, '0') || (floor(10 * random()))::INT::VARCHAR AS code,
       strftime(DATE '2020-01-01' + (floor(1826 * random()))::INT, '%Y-%m-%d') AS date,
       random() < 0.9 AS counted,
       (1 + floor(4 * random()))::INT AS quad_class,
       0.5 + 0.5 * random() AS confidence,
       'Evidence sentence number ' || i || ' about a meeting, a protest or a strike.' AS evidence,
       (1 + floor(5 * random()))::INT AS num_articles
FROM c, range(?) t(i)
"""

QUERIES = {
    "dyad-month group-by (all events, counted)": """
        SELECT left(source_code, 3) AS src, left(target_code, 3) AS tgt, left(date, 7) AS month,
               count(*) AS events, sum(num_articles) AS articles
        FROM events WHERE counted GROUP BY ALL ORDER BY events DESC""",
    "dyad-month group-by (one dyad, like the trends view)": """
        SELECT left(date, 7) AS month, quad_class, count(*) AS events
        FROM events WHERE counted AND source_code LIKE 'USA%' AND target_code LIKE 'CHN%'
        GROUP BY ALL ORDER BY month""",
    "filtered events page (api.events: dyad + since + root, newest 100)": """
        SELECT * FROM events
        WHERE counted AND source_code LIKE 'RUS%' AND target_code LIKE 'UKR%' AND date >= '2023-01-01' AND root = '19'
        ORDER BY date DESC NULLS LAST, event_id LIMIT 100""",
    "text search (evidence ILIKE, newest 100)": """
        SELECT * FROM events WHERE counted AND evidence ILIKE '%number 4242%' ORDER BY date DESC LIMIT 100""",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "bench.duckdb"))
        start = time.perf_counter()
        con.execute("SELECT setseed(0.42)")
        con.execute(BUILD, [args.rows])
        built = time.perf_counter() - start
        print(json.dumps({"build_rows": args.rows, "build_s": round(built, 2)}))
        for name, sql in QUERIES.items():
            times, rows = [], 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                relation = con.sql(sql)  # fetched as Arrow, as Store.query does
                rows = (getattr(relation, "to_arrow_table", None) or relation.fetch_arrow_table)().num_rows
                times.append(time.perf_counter() - start)
            print(json.dumps({"query": name, "rows_out": rows, "median_s": round(statistics.median(times), 4),
                              "best_s": round(min(times), 4)}))
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
