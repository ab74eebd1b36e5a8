"""Ingest at scale: sitrep against the bare parser, per-stage costs, workers, memory, no-op re-ingest.

    python benchmarks/bench_scale.py ratio --articles 96      # end to end vs bare nlp.pipe, same texts, same run
    python benchmarks/bench_scale.py stages --articles 96     # seconds per stage, as a share of the parse
    python benchmarks/bench_scale.py workers --articles 96    # --workers 2 vs 1, Dask 2 workers vs 1
    python benchmarks/bench_scale.py memory --sizes 1000 10000   # peak RSS and the no-op re-ingest
    python benchmarks/bench_scale.py stories --sizes 1000 10000 --before ../main   # the rebuild's story clustering
    python benchmarks/bench_scale.py small --sizes 1000 5000  # a 10-article ingest into a store: full vs incremental rebuild
    python benchmarks/bench_scale.py small --clones --sizes 1000 5000  # the rebuild alone, the merge's worst case

Each command prints one JSON line per run, then a Markdown table, and rewrites its section of
docs/benchmarks.md (``--no-docs`` to leave it alone).

Two corpora:
- **real**: the texts of ``examples/`` and ``../shared/gold/handcoded-dev*/`` (news articles), repeated
  with distinct ids (``AFP_ENG_...~0003``) so nothing is skipped by content hash;
- **synthetic (speed and memory only, never accuracy)**: a headline and 2-4 paragraphs of sentences
  drawn at random (seeded) from the real texts, with made-up ids and dates, for sizes the real texts
  do not reach. Their events mean nothing; they exercise the same code on text of the same kind.

Every timed run of ``workers`` and ``memory`` is its own process (model load, pool or cluster start
included, and ``ru_maxrss`` from ``os.wait4`` is that run's own peak); ``ratio`` and ``stages`` time
the warm model in this process, interleaving the runs it compares (medians of ``--repeats``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
REAL = [ROOT / "examples", *sorted(GOLD.glob("handcoded-dev*"))]


def originals() -> list:
    """The real articles: the texts of examples/ and handcoded-dev*/, read as `sitrep ingest` reads them."""
    from sitrep.records import Article
    from sitrep.text.read import iter_articles

    return [a for a in iter_articles([p for p in REAL if p.exists()])
            if isinstance(a, Article) and not a.id.startswith("README")]  # the gold folders' own notes


def real_articles(n: int) -> list:
    """`n` real articles: the examples and handcoded-dev texts, repeated with distinct ids."""
    originals_ = originals()
    return [replace(a, id=f"{a.id}~{k // len(originals_):04d}") if k >= len(originals_) else a
            for k, a in ((k, originals_[k % len(originals_)]) for k in range(n))]


def synthetic_articles(n: int, *, seed: int = 21, per_day: float | None = None) -> list:
    """`n` SYNTHETIC articles (speed and memory only): a headline and 2-4 paragraphs of 2-4 sentences,
    each sentence drawn at random from the real texts. Sentences, not paragraphs, are drawn so that
    two synthetic articles rarely share enough text to read as copies of one story (which would make
    one giant story and merge its events pathologically, as no real feed does)."""
    from sitrep.text.read import article_from_text

    sentences = sorted({s.strip().rstrip(".") + "." for a in originals() for p in a.text.split("\n\n")
                        for s in p.replace("\n", " ").split(". ") if len(s.split()) >= 6})
    rng = random.Random(seed)
    out = []
    for i in range(n):
        headline = " ".join(rng.choice(sentences).split()[:8]).rstrip(".,;:")
        body = ["  ".join(rng.choice(sentences) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(2, 4))]
        span = max(1, round(n / per_day)) if per_day else 700  # days: a fixed 700, or as a feed of per_day a day
        day = date.fromordinal(date(2023, 1, 1).toordinal() + rng.randrange(span)).isoformat()
        out.append(article_from_text("\n\n".join([headline, *body]), published=day, id=f"synthetic-{i:06d}"))
    return out


def write_feed(articles: list, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a.id, "text": a.text, "published": a.published, "outlet": a.outlet}) + "\n")
    return path


def words(articles: list) -> int:
    return sum(len(a.text.split()) for a in articles)


def machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"measured {date.today().isoformat()} on {len(os.sched_getaffinity(0))} cores shared with other "
            f"sessions (load average {load} at the end), Python {platform.python_version()}")


# -- 1. end to end vs the bare parser -----------------------------------------------------------------


def bench_ratio(n: int, repeats: int) -> tuple[list[dict], str]:
    """Bare `nlp.pipe` and the whole `api.ingest` on the same texts, in pairs run back to back (the
    order alternating), in this process with the model warm. The machine is shared, so each pair is
    timed in wall seconds and in this process's CPU seconds (which other processes' load does not
    inflate), and the ratio is the median of the pairs' ratios."""
    import sitrep.api as api
    from sitrep.text import nlp

    articles = real_articles(n)
    texts = [a.text for a in articles]
    pipeline = nlp()
    for _ in pipeline.pipe(texts[:4], batch_size=16):  # load and warm the model
        pass
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "sitrep": []}
    with tempfile.TemporaryDirectory() as tmp:
        feed = write_feed(articles, Path(tmp) / "feed.jsonl")
        api.ingest([feed], db=":memory:", workers=1)  # warm sitrep's own tables and caches
        for k in range(repeats):
            for run in (("bare", "sitrep") if k % 2 == 0 else ("sitrep", "bare")):
                start, cpu = time.perf_counter(), time.process_time()
                if run == "bare":
                    for _ in pipeline.pipe(texts, batch_size=16):
                        pass
                else:
                    db = Path(tmp) / f"run{k}.duckdb"
                    report = api.ingest([feed], db=db, workers=1)
                    assert report.written == n, report
                    db.unlink()
                runs[run].append((time.perf_counter() - start, time.process_time() - cpu))
    n_words = words(articles)
    rows = [{"run": run, "articles": n, "words": n_words, "wall_s": [round(w, 2) for w, _ in times],
             "cpu_s": [round(c, 2) for _, c in times]} for run, times in runs.items()]
    pairs = list(zip(runs["bare"], runs["sitrep"], strict=True))
    wall = statistics.median(b[0] / s[0] for b, s in pairs)
    cpu = statistics.median(b[1] / s[1] for b, s in pairs)
    med = {run: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for run, t in runs.items()}
    lines = [f"{n} real articles ({n_words:,} words), {repeats} pairs run back to back (order alternating), "
             f"the model warm in one process; medians; the ratio is the median of the pairs' ratios; {machine()}:", "",
             "| run | wall s | CPU s | words/s (CPU) | rate vs bare parse, wall | rate vs bare parse, CPU |",
             "|---|---|---|---|---|---|",
             f"| bare `nlp.pipe(texts, batch_size=16)` | {med['bare'][0]:.2f} | {med['bare'][1]:.2f} | "
             f"{n_words / med['bare'][1]:,.0f} | 1.00 | 1.00 |",
             f"| `api.ingest(workers=1)`: read, clean, parse, actors, quotes, code, situate, write, rebuild | "
             f"{med['sitrep'][0]:.2f} | {med['sitrep'][1]:.2f} | {n_words / med['sitrep'][1]:,.0f} | "
             f"**{wall:.2f}** | **{cpu:.2f}** |"]
    return rows, "\n".join(lines)


# -- per-stage costs ----------------------------------------------------------------------------------


def bench_stages(n: int, repeats: int) -> tuple[list[dict], str]:
    """The stages of `pipeline.process_batch` timed one by one (the same calls, in the same order),
    `repeats` times over the same articles; the median of each stage."""
    from sitrep import actors, coder, corpus, quotes, situate, text
    from sitrep.pipeline import process_batch
    from sitrep.store import Store

    articles = real_articles(n)
    process_batch(articles[:16])  # load the model and every table
    stages = ("clean", "parse (spaCy)", "actors", "quotes", "code", "situate", "write", "rebuild")
    runs: list[dict[str, float]] = []
    for _ in range(repeats):
        cost = dict.fromkeys(stages, 0.0)

        def timed(stage: str, call, *args, cost=cost, **kwargs):
            start = time.process_time()  # CPU seconds: other processes' load does not inflate them
            out = call(*args, **kwargs)
            cost[stage] += time.process_time() - start
            return out

        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "stages.duckdb") as store:
            for i in range(0, n, 16):
                chunk = articles[i:i + 16]
                cleaned = [timed("clean", text.clean, a.text) for a in chunk]
                docs = timed("parse (spaCy)", lambda cleaned=cleaned: list(text.parse([c.text for c in cleaned], batch_size=16)))
                captions = timed("parse (spaCy)", lambda cleaned=cleaned: list(text.parse(
                    [r.text for c in cleaned for r in c.captions], batch_size=16)))
                caption_docs = iter(captions)
                for article, clean_text, doc in zip(chunk, cleaned, docs, strict=True):
                    found = timed("actors", actors.find_mentions, doc, date=article.published)
                    beside = timed("actors", actors.doc_actors, doc, date=article.published)
                    said = timed("quotes", quotes.find_quotes, doc, found)
                    events = timed("code", coder.code_doc, doc, article_id=article.id, mentions=found,
                                   doc_actors=beside, published=article.published, quotes=said)
                    pairs = [(c, timed("actors", actors.find_mentions, c, date=article.published))
                             for c in (next(caption_docs) for _ in clean_text.captions)]
                    timed("situate", situate.situate, events, doc, published=article.published, places=beside.places,
                          captions=pairs)
                timed("write", store.write, process_batch(chunk))  # the rows of the same chunk (coded again, untimed)
            timed("rebuild", corpus.rebuild, store)
        runs.append(cost)
    cost = {k: statistics.median(run[k] for run in runs) for k in stages}
    parse = cost["parse (spaCy)"]
    own = statistics.median(sum(v for k, v in run.items() if k not in ("parse (spaCy)", "write", "rebuild"))
                            for run in runs)
    rows = [{"stage": k, "seconds": round(v, 3), "share_of_parse": round(v / parse, 3)} for k, v in cost.items()]
    lines = [f"{n} real articles ({words(articles):,} words), one process, the model warm, {repeats} runs, the "
             f"median of each stage in CPU seconds; {machine()}:", "",
             "| stage | CPU seconds | share of the parse |", "|---|---|---|"]
    lines += [f"| {r['stage']} | {r['seconds']:.2f} | {100 * r['share_of_parse']:.0f} % |" for r in rows]
    lines.append(f"| **sitrep's own stages (clean to situate)** | {own:.2f} | **{100 * own / parse:.0f} %** |")
    return rows, "\n".join(lines)


# -- workers and Dask -------------------------------------------------------------------------------


def child(run: str, feed: Path, db: Path) -> None:
    """One measured ingest (or story clustering), in its own process: prints {seconds, written}."""
    if run.startswith("stories:"):
        child_stories(run, db)
        return
    if run.startswith("small:"):
        child_small(run, feed, db)
        return
    if run.startswith("rebuild:"):
        child_rebuild(run, db)
        return
    import sitrep.api as api
    from sitrep.pipeline import distributed

    kind, _, count = run.partition(":")
    start = time.perf_counter()
    if kind == "workers":
        report = api.ingest([feed], db=db, workers=int(count))
    elif kind == "dask":
        report = distributed.ingest([feed], db=db, scheduler="processes", num_workers=int(count))
    else:
        raise SystemExit(f"unknown run {run}")
    print(json.dumps({"seconds": time.perf_counter() - start, "written": report.written, "read": report.read}))


_last_child: dict = {}
"""The last child's own printed figures (`measure` keeps the common ones in its row)."""


def measure(run: str, feed: Path, db: Path) -> dict:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "child", "--run", run, "--feed", str(feed), "--db", str(db)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    stdout = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{run} failed")
    result = json.loads(stdout.strip().splitlines()[-1])
    _last_child.clear()
    _last_child.update(result)
    return {"run": run, "seconds": round(result["seconds"], 2), "process_s": round(time.perf_counter() - start, 2),
            "written": result["written"], "peak_rss_mib": round(usage.ru_maxrss / 1024),
            **{k: v for k, v in result.items() if k in ("base_rss_mib", "own_peak_rss_mib", "code")}}


def bench_workers(n: int, repeats: int) -> tuple[list[dict], str]:
    articles = real_articles(n)
    runs = ["workers:1", "workers:2", "dask:1", "dask:2"]
    times: dict[str, list[float]] = {r: [] for r in runs}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        feed = write_feed(articles, Path(tmp) / "feed.jsonl")
        for k in range(repeats):
            for run in (runs if k % 2 == 0 else runs[::-1]):
                db = Path(tmp) / "w.duckdb"
                row = measure(run, feed, db)
                db.unlink()
                assert row["written"] == n, row
                rows.append(row)
                times[run].append(row["seconds"])
    med = {r: statistics.median(t) for r, t in times.items()}
    lines = [f"{n} real articles ({words(articles):,} words) into a fresh store, each run its own process (model load "
             f"and pool or cluster start included), {repeats} interleaved runs each, medians; {machine()}:", "",
             "| run | seconds (median) | articles/s | vs 1 |", "|---|---|---|---|"]
    for run, label in (("workers:1", "`--workers 1` (in this process)"), ("workers:2", "`--workers 2`"),
                       ("dask:1", "`--dask processes`, 1 worker"), ("dask:2", "`--dask processes`, 2 workers")):
        base = med["workers:1" if run.startswith("workers") else "dask:1"]
        lines.append(f"| {label} | {med[run]:.1f} | {n / med[run]:.2f} | **{base / med[run]:.2f}x** |")
    return rows, "\n".join(lines)


# -- memory and the no-op re-ingest -------------------------------------------------------------------


def bench_memory(sizes: list[int], workers: int) -> tuple[list[dict], str]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            articles = synthetic_articles(n)
            n_words = words(articles)
            feed = write_feed(articles, Path(tmp) / f"synthetic-{n}.jsonl")
            del articles
            db = Path(tmp) / f"m{n}.duckdb"
            row = measure(f"workers:{workers}", feed, db)
            row.update(articles=n, words=n_words)
            noop = []
            for _ in range(3):  # the CLI, as a user runs it: interpreter start, read, hash look-up
                start = time.perf_counter()
                done = subprocess.run([str(Path(sys.executable).with_name("sitrep")), "ingest", str(feed), "--db", str(db),
                                       "--no-progress"], capture_output=True, text=True, cwd=tmp)
                noop.append(time.perf_counter() - start)
                assert done.returncode == 0 and f"0 coded, {n} unchanged" in done.stderr, done.stderr[-500:]
            row["noop_s"] = round(statistics.median(noop), 2)
            row["db_mib"] = round(db.stat().st_size / 2**20, 1)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
            db.unlink()
            feed.unlink()
    lines = [f"SYNTHETIC articles (speed and memory only: sentences drawn at random from the real texts), `sitrep ingest "
             f"--workers {workers}` into a fresh store, each size its own process; the no-op is the same command "
             f"again on the unchanged feed (median of 3, interpreter start included); {machine()}:", "",
             "| articles | words | seconds | articles/s | peak RSS (MiB) | store (MiB) | no-op re-ingest (s) |",
             "|---|---|---|---|---|---|---|"]
    lines += [f"| {r['articles']:,} | {r['words']:,} | {r['seconds']:.0f} | {r['articles'] / r['seconds']:.2f} | "
              f"{r['peak_rss_mib']} | {r['db_mib']} | **{r['noop_s']:.2f}** |" for r in rows]
    return rows, "\n".join(lines)


# -- the rebuild's story clustering -------------------------------------------------------------------


def child_stories(run: str, db: Path) -> None:
    """The rebuild's story step over an articles table, in its own process. ``stories:SRC`` clusters
    as the code at SRC did (all texts read, one index over the corpus: the rebuild before windows);
    ``stories:window=N`` streams the articles in date order within N days, as the rebuild does now."""
    kind = run.partition(":")[2]
    if not kind.startswith("window="):
        sys.path.insert(0, kind)  # the code before, from its own checkout
    import datasketch  # noqa: F401  (imported before the baseline, as an ingest has it loaded)
    import duckdb

    from sitrep import corpus
    from sitrep.corpus import stories

    con = duckdb.connect(str(db), read_only=True)
    base = rss_mib()
    start = time.perf_counter()
    if kind.startswith("window="):  # as corpus.rebuild reads and clusters them
        found = corpus.cluster_stream(corpus.story_rows(con), window_days=int(kind.partition("=")[2]))
    else:
        found = stories.cluster_articles(con.execute("SELECT article_id, text FROM articles ORDER BY article_id").fetchall())
    print(json.dumps({"seconds": time.perf_counter() - start, "written": len(found), "read": 0, "base_rss_mib": base,
                      "own_peak_rss_mib": rss_mib("VmHWM"), "code": stories.__file__}))


def rss_mib(field: str = "VmRSS") -> int:
    """This process's resident set (VmRSS) or its peak since exec (VmHWM): unlike `ru_maxrss` from
    `os.wait4`, which counts the parent's pages at fork, so a parent holding 100,000 articles inflates it."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith(f"{field}:"))


def bench_stories(sizes: list[int], repeats: int, before: Path | None, window: int,
                  per_day: float | None) -> tuple[list[dict], str]:
    import duckdb
    import pyarrow as pa

    runs = ([f"stories:{before.resolve()}"] if before else []) + [f"stories:window={window}"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            articles = synthetic_articles(n, per_day=per_day)
            db = Path(tmp) / f"s{n}.duckdb"
            con = duckdb.connect(str(db))
            table = pa.table({"article_id": [a.id for a in articles], "published": [a.published for a in articles],
                              "text": [a.text for a in articles]})
            con.register("_articles", table)
            con.execute("CREATE TABLE articles AS SELECT * FROM _articles")
            con.close()
            del articles
            for k in range(repeats):
                for run in (runs if k % 2 == 0 else runs[::-1]):
                    row = measure(run, Path(os.devnull), db)
                    row.update(articles=n, label="before" if "window=" not in run else f"window {window} days")
                    rows.append(row)
                    print(json.dumps(row), file=sys.stderr)
            db.unlink()
    spread = f"{per_day:g} articles a day" if per_day else "dates spread over 700 days"
    lines = [f"SYNTHETIC articles ({spread}), the rebuild's story step alone over a stored articles "
             f"table, each run its own process, {repeats} interleaved runs each; start = resident set after "
             f"importing datasketch and opening the store; {machine()}:", "",
             "| articles | code | seconds | start RSS (MiB) | peak RSS (MiB) | stories |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['articles']:,} | {r['label']} | {r['seconds']:.1f} | {r['base_rss_mib']} | {r['own_peak_rss_mib']} | "
              f"{r['written']:,} |" for r in rows]
    return rows, "\n".join(lines)


# -- a small ingest into a large store -----------------------------------------------------------------


def child_small(run: str, feed: Path, db: Path) -> None:
    """``small:full`` or ``small:incremental``: `sitrep.ingest` of `feed` into `db` (one process, the
    model loaded), its final rebuild full (as before the incremental rebuild) or incremental."""
    import sitrep.api as api
    from sitrep.corpus import rebuild
    from sitrep.pipeline import ingest as ingest_loop

    how = run.partition(":")[2]
    spent: list[float] = []

    def timed_rebuild(store, **_options):
        start = time.perf_counter()
        done = rebuild(store, incremental=how == "incremental")
        spent.append(time.perf_counter() - start)
        return done

    ingest_loop.rebuild = timed_rebuild  # type: ignore[assignment]
    start = time.perf_counter()
    report = api.ingest([feed], db=db, workers=1)
    assert report.rebuilt is not None and report.rebuilt.how == how, report.rebuilt
    print(json.dumps({"seconds": time.perf_counter() - start, "written": report.written, "read": report.read,
                      "rebuild_s": round(sum(spent), 2), "own_peak_rss_mib": rss_mib("VmHWM"),
                      "rebuilt_articles": report.rebuilt.articles, "rebuilt_mentions": report.rebuilt.mentions}))


def bench_small(sizes: list[int], repeats: int, new: int = 10) -> tuple[list[dict], str]:
    """A `new`-article ingest (the newest day of the feed) into a store of each size, full rebuild vs
    incremental, each run its own process on its own copy of the store."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            articles = synthetic_articles(n + new)
            base, fresh = articles[:n], articles[n:]
            last = max(a.published for a in base)
            fresh = [replace(a, published=last) for a in fresh]  # the next batch of a feed: its newest day
            store = Path(tmp) / f"base{n}.duckdb"
            built = measure("workers:1", write_feed(base, Path(tmp) / "base.jsonl"), store)
            mentions = _count(store, "mentions")
            feed = write_feed(fresh, Path(tmp) / "new.jsonl")
            for k in range(repeats):
                for how in (("full", "incremental") if k % 2 == 0 else ("incremental", "full")):
                    db = Path(tmp) / f"copy-{how}.duckdb"
                    shutil.copyfile(store, db)
                    row = measure(f"small:{how}", feed, db)
                    row.update(articles=n, mentions=mentions, base_s=built["seconds"], how=how,
                               **{k: v for k, v in _last_child.items() if k.startswith(("rebuil", "own"))})
                    rows.append(row)
                    print(json.dumps(row), file=sys.stderr)
                differ = _differ(Path(tmp) / "copy-full.duckdb", Path(tmp) / "copy-incremental.duckdb")
                if differ:  # keep both stores to look at
                    for how in ("full", "incremental"):
                        shutil.copyfile(Path(tmp) / f"copy-{how}.duckdb", ROOT / f"differ-{how}.duckdb")
                assert not differ, f"the incremental rebuild's tables differ from the full one's: {differ}"
                for how in ("full", "incremental"):
                    (Path(tmp) / f"copy-{how}.duckdb").unlink()
            store.unlink()
    lines = [f"SYNTHETIC articles (speed and memory only), a store of N built by `sitrep ingest`, then {new} new "
             "articles of the feed's newest day ingested into a copy of it, `--workers 1`, each run its own process "
             f"(interpreter start and model load included), {repeats} interleaved runs each; after each pair the two "
             f"stores' tables were compared and are identical; {machine()}:", "",
             "| store (articles, mentions) | rebuild | ingest seconds | of which rebuild | own peak RSS (MiB) | "
             "stories re-decided | mentions re-merged |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r['articles']:,}, {r['mentions']:,} | {r['how']} | {r['seconds']:.1f} | {r['rebuild_s']:.1f} | "
              f"{r['own_peak_rss_mib']} | {r['rebuilt_articles']:,} | {r['rebuilt_mentions']:,} |" for r in rows]
    return rows, "\n".join(lines)


def child_rebuild(run: str, db: Path) -> None:
    """``rebuild:full`` or ``rebuild:incremental`` of the store `db`, alone, in its own process."""
    from sitrep.corpus import rebuild
    from sitrep.store import Store

    store = Store(db)
    base = rss_mib()
    start = time.perf_counter()
    store.con.execute("BEGIN TRANSACTION")
    done = rebuild(store, incremental=run.endswith("incremental"))
    store.con.execute("COMMIT")
    seconds = time.perf_counter() - start
    store.close()
    print(json.dumps({"seconds": seconds, "written": 0, "read": 0, "base_rss_mib": base, "rebuild_s": round(seconds, 2),
                      "own_peak_rss_mib": rss_mib("VmHWM"), "rebuilt_articles": done.articles,
                      "rebuilt_mentions": done.mentions}))


def clone_feed(n: int, *, seed: int = 21) -> tuple[list, list]:
    """`n` coded SYNTHETIC articles over 700 days and 10 more of the newest day: the 38 texts of
    gold/syndicated (coded once) republished under new ids on other days, their event dates moved with
    them. Every day then reports the same few dyads, the merge's worst case (its blocks chain in time)."""
    from datetime import timedelta

    from sitrep.pipeline import process_batch
    from sitrep.records import Article
    from sitrep.text.read import iter_articles

    coded = process_batch([a for a in iter_articles([ROOT / "gold" / "syndicated" / "articles.jsonl"])
                           if isinstance(a, Article)])
    rng = random.Random(seed)
    first = date(2023, 1, 1)

    def clone(result, article_id: str, day: str):
        delta = date.fromisoformat(day) - date.fromisoformat(result.article.published[:10])

        def moved(when: str | None) -> str | None:
            return (date.fromisoformat(when[:10]) + delta).isoformat() if when and len(when) >= 10 else when

        events = tuple(replace(e, article_id=article_id, date=moved(e.date)) for e in result.events)
        return replace(result, article=replace(result.article, id=article_id, published=day), events=events)

    base = [clone(rng.choice(coded), f"clone-{i:06d}", (first + timedelta(days=rng.randrange(700))).isoformat())
            for i in range(n)]
    newest = (first + timedelta(days=700)).isoformat()
    return base, [clone(rng.choice(coded), f"clone-new-{i:03d}", newest) for i in range(10)]


def bench_small_clones(sizes: list[int], repeats: int) -> tuple[list[dict], str]:
    """The rebuild alone after 10 cloned articles are written into a store of each size: full vs
    incremental, each run its own process on its own copy of the store."""
    from sitrep.corpus import rebuild
    from sitrep.store import Store

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            base, fresh = clone_feed(n)
            path = Path(tmp) / f"clones{n}.duckdb"
            store = Store(path)
            for i in range(0, n, 500):
                store.write(base[i:i + 500])
            rebuild(store)
            store.write(fresh)
            mentions = store.con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]
            store.close()
            for k in range(repeats):
                for how in (("full", "incremental") if k % 2 == 0 else ("incremental", "full")):
                    db = Path(tmp) / f"copy-{how}.duckdb"
                    shutil.copyfile(path, db)
                    row = measure(f"rebuild:{how}", Path(os.devnull), db)
                    row.update(articles=n, mentions=mentions, how=how,
                               **{k: v for k, v in _last_child.items() if k.startswith(("rebuil", "own", "base"))})
                    rows.append(row)
                    print(json.dumps(row), file=sys.stderr)
                differ = _differ(Path(tmp) / "copy-full.duckdb", Path(tmp) / "copy-incremental.duckdb")
                assert not differ, f"the incremental rebuild's tables differ from the full one's: {differ}"
            path.unlink()
    lines = ["SYNTHETIC coded articles, the merge's worst case (the 38 texts of gold/syndicated republished under "
             "new ids over 700 days, their event dates moved with them, so every day reports the same dyads), a "
             "store of N, then 10 more of the newest day written; the rebuild alone, each run its own process on "
             f"its own copy of the store, {repeats} interleaved runs each, the two stores' tables compared after each "
             f"pair (identical); {machine()}:", "",
             "| store (articles, mentions) | rebuild | seconds | start -> own peak RSS (MiB) | stories re-decided | "
             "mentions re-merged |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['articles']:,}, {r['mentions']:,} | {r['how']} | {r['rebuild_s']:.1f} | {r['base_rss_mib']} -> "
              f"{r['own_peak_rss_mib']} | {r['rebuilt_articles']:,} | {r['rebuilt_mentions']:,} |" for r in rows]
    return rows, "\n".join(lines)


def _differ(a: Path, b: Path) -> list[str]:
    """The tables whose rows differ between two stores (the articles' ingest times aside; sums of
    doubles to 9 digits, as DuckDB's parallel sums may add them in another order)."""
    import duckdb

    out = []
    for table in ("articles", "mentions", "events", "stories", "actors", "event_trends", "event_network",
                  "event_dyads", "event_dyad_top", "event_dyad_mentions"):
        seen = []
        for path in (a, b):
            con = duckdb.connect(str(path), read_only=True)
            cols = "* EXCLUDE (ingested_at)" if table == "articles" else "*"
            rows = con.execute(f"SELECT {cols} FROM {table}").fetchall()
            con.close()
            seen.append(sorted(repr(tuple(round(v, 9) if isinstance(v, float) else v for v in row)) for row in rows))
        if seen[0] != seen[1]:
            out.append(table)
    return out


def _count(db: Path, table: str) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    finally:
        con.close()


SECTIONS = {"ratio": "## Ingest: end to end vs the bare parser (`bench_scale.py ratio`)",
            "stages": "## Ingest: seconds per stage (`bench_scale.py stages`)",
            "workers": "## Ingest: workers and Dask, 2 vs 1 (`bench_scale.py workers`)",
            "memory": "## Ingest: peak memory by corpus size, and the no-op re-ingest (`bench_scale.py memory`)",
            "stories": "## Rebuild: story clustering memory by corpus size (`bench_scale.py stories`)",
            "small": "## Rebuild: a small ingest into a large store, full vs incremental (`bench_scale.py small`)"}


def write_section(title: str, text: str) -> None:
    """Replace (or add) one section of docs/benchmarks.md."""
    path = ROOT / "docs" / "benchmarks.md"
    old = path.read_text(encoding="utf-8")
    head, found, rest = old.partition(title)
    tail = rest[rest.find("\n## "):] if found and "\n## " in rest else ""
    path.write_text(f"{head.rstrip()}\n\n{title}\n\n{text}\n{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=[*SECTIONS, "child"])
    parser.add_argument("--articles", type=int, default=96, help="real articles (ratio, stages, workers)")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved runs of each kind (medians)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="synthetic corpus sizes (memory)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes for the memory runs")
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with (stories)")
    parser.add_argument("--per-day", type=float, help="stories: date the synthetic articles as a feed of this many a day "
                        "(default: any size over 700 days)")
    parser.add_argument("--clones", action="store_true", help="small: the rebuild alone over republished coded "
                        "texts (the merge's worst case), not an ingest of synthetic text")
    parser.add_argument("--window", type=int, default=7, help="story window in days (stories)")
    parser.add_argument("--no-docs", action="store_true", help="print only; leave docs/benchmarks.md alone")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--feed", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.command == "child":
        child(args.run, args.feed, args.db)
        return 0
    if args.command == "ratio":
        rows, text = bench_ratio(args.articles, args.repeats)
    elif args.command == "stages":
        rows, text = bench_stages(args.articles, args.repeats)
    elif args.command == "workers":
        rows, text = bench_workers(args.articles, max(1, args.repeats - 1))
    elif args.command == "small" and args.clones:
        rows, text = bench_small_clones(args.sizes, args.repeats)
    elif args.command == "small":
        rows, text = bench_small(args.sizes, args.repeats)
    elif args.command == "stories":
        rows, text = bench_stories(args.sizes, args.repeats, args.before, args.window, args.per_day)
    else:
        rows, text = bench_memory(args.sizes, args.workers)
    for row in rows:
        print(json.dumps(row))
    print(text)
    if not args.no_docs:
        write_section(SECTIONS[args.command], text)
    shutil.rmtree(ROOT / "benchmarks" / "__pycache__", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
