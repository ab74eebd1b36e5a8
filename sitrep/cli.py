"""The `sitrep` command line: each command calls the `api` function of the same name and prints it."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated, Optional, cast

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import api, settings
from .checks import parse_dyad
from .errors import SitrepError
from .tables import cameo, kinds

app = typer.Typer(add_completion=False, no_args_is_help=True, help="sitrep: who did what to whom, when and where, from news text.")
console = Console(width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True)

DbOption = Annotated[Optional[str], typer.Option("--db", help="DuckDB file or postgresql://user@host/name address (default: the `db` setting, $SITREP_DB or ./sitrep.duckdb).")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")]

_PLOVER_TYPES = ", ".join(sorted({c.plover_event for c in cameo.codes() if c.plover_event}))
_KINDS = ", ".join(kinds.kinds())
_EVENT_COLUMNS = ("date", "source_code", "code", "target_code", "name", "goldstein", "confidence", "num_articles", "evidence")


def _fail(error: Exception) -> None:
    err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Text, HTML or JSONL files, or folders of them.")],
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for texts without one.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name for texts without one.")] = None,
    show: Annotated[bool, typer.Option("--show/--quiet", help="Print the coded events afterwards.")] = False,
    actors_file: Annotated[Optional[list[Path]], typer.Option("--actors", help="Your own actors TSV (name, code[, start, end, office]).")] = None,
    lexicon_file: Annotated[Optional[list[Path]], typer.Option("--lexicon", help="Your own verb lexicon TSV (format of sitrep/data/verbs.tsv).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="SCHEDULER", help="Code on Dask: synchronous, threads, processes or a scheduler address (tcp://host:8786); see docs/scale.md.")] = None,
    backoff: Annotated[Optional[bool], typer.Option("--backoff/--no-backoff", help="Code a political verb no precise frame matched at its general CAMEO level (lower confidence; default: the `backoff` setting, on).")] = None,
    progress_bar: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar on stderr (default: when stderr is a terminal).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", metavar="N", help="Worker processes coding in parallel (default: the `workers` setting, else the free cores; 1 codes in this process).")] = None,
    handoff: Annotated[Optional[Path], typer.Option("--handoff", metavar="DIR", help="After the ingest, write the store's Parquet hand-off to DIR (for `sitrep load` elsewhere).")] = None,
) -> None:
    """Read, code and store articles; unchanged articles are skipped, changed ones replaced."""
    _check_published(published)
    try:
        run = settings.load({"db": db, "actors": actors_file, "lexicon": lexicon_file, "backoff": backoff,
                             "workers": workers})
        with _ingest_progress(progress_bar) as advance:
            report = api.ingest(paths, db=run.db, published=published, outlet=outlet, progress=advance,
                                batch_size=run.ingest_batch, actor_files=run.actors, lexicon_files=run.lexicon,
                                dask=dask, backoff=run.backoff,
                                workers="auto" if run.workers is None else run.workers, handoff=handoff)
    except SitrepError as error:
        _fail(error)
    _print_found(report)
    _warn_unread(paths)
    for rejected in report.rejected:
        err.print(f"[yellow]skipped[/yellow] {rejected.path}: {rejected.reason}", highlight=False)
    err.print(f"read {report.read} articles: {report.written} coded, {report.unchanged} unchanged, "
              f"{len(report.rejected)} skipped; {report.events} events in the store", highlight=False)
    if show:
        events(db=str(run.db))
    if report.exit_code:  # 1 some inputs rejected, 2 nothing read (README, "Exit codes")
        raise typer.Exit(report.exit_code)


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor code prefix on either side (PRK, JPNGOV) or actor id.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="SOURCE,TARGET code prefixes, e.g. USA,PRK.")] = None,
    code: Annotated[Optional[str], typer.Option(help="CAMEO code prefix, e.g. 04 or 042.")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root, e.g. 11.")] = None,
    plover: Annotated[Optional[str], typer.Option(help=f"PLOVER event type: {_PLOVER_TYPES}.")] = None,
    kind: Annotated[Optional[str], typer.Option(help=f"Plain-word kind of event (sitrep/data/kinds.tsv): {_KINDS}.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest event date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest event date (YYYY-MM-DD).")] = None,
    text: Annotated[Optional[str], typer.Option(help="Words in the evidence sentence.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(help="Drop events below this confidence (0-1; default: the `min_confidence` setting, 0).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include negated, hypothetical and historical events.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events.")] = None,
    format: FormatOption = "table",
) -> None:
    """List events with their evidence sentences."""
    try:
        table = api.events(db=db, actor=actor, dyad=parse_dyad(dyad), code=code, root=root,
                           plover=plover, since=since, until=until, text=text,
                           min_confidence=_min_confidence(min_confidence),
                           include_all=all_, limit=limit, kind=kind)
    except SitrepError as error:
        _fail(error)
    if format == "table":
        _print_events(table.to_pylist())
    elif format == "csv":  # the HTTP API's CSV too (api.csv_text)
        sys.stdout.write(api.csv_text(table))
    else:
        _print(table.to_pylist(), _EVENT_COLUMNS, format, title="events")


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[Optional[str], typer.Option(help="Words of the speaker's name or description.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Speaker's actor code prefix, e.g. JPNGOV.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest publication date.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest publication date.")] = None,
    format: FormatOption = "table",
    limit: Annotated[Optional[int], typer.Option(help="At most this many quotes (newest first).")] = None,
) -> None:
    """List quotes with their speakers and the speakers' roles."""
    try:
        table = api.quotes(db=db, speaker=speaker, actor=actor, since=since, until=until, limit=limit)
    except SitrepError as error:
        _fail(error)
    _print(table.to_pylist(), ("published", "speaker_text", "speaker_code", "cue", "text"), format, title="quotes")


@app.command()
def actors(
    db: DbOption = None,
    country: Annotated[Optional[str], typer.Option(help="ISO-3 country code.")] = None,
    format: FormatOption = "table",
) -> None:
    """List canonical actors with their aliases and first/last dates seen."""
    try:
        table = api.actors(db=db, country=country)
    except SitrepError as error:
        _fail(error)
    _print(table.to_pylist(), ("actor_id", "code", "name", "office", "num_mentions", "aliases"), format, title="actors")


@app.command()
def stories(db: DbOption = None, format: FormatOption = "table") -> None:
    """List stories: syndicated copies of one wire story."""
    try:
        table = api.stories(db=db)
    except SitrepError as error:
        _fail(error)
    _print(table.to_pylist(), ("story_id", "agency", "num_articles", "article_ids"), format, title="stories")


@app.command()
def explain(event_id: Annotated[str, typer.Argument(help="An event id (or mention id).")], db: DbOption = None) -> None:
    """Show an event, every mention of it, and why the mentions were merged."""
    try:
        result = api.explain(event_id, db=db)
    except SitrepError as error:
        _fail(error)
    event = result["event"]
    console.print(f"[bold]{event['event_id']}[/bold] {event['source_code'] or '?'} {event['code']} {event['target_code'] or '?'} "
                  f"({event['name']}) on {event['date'] or 'an unknown date'}: {_n(event['num_mentions'], 'mention')} in "
                  f"{_n(event['num_articles'], 'article')} from {_n(event['num_sources'], 'outlet')}", highlight=False)
    for mention in result["mentions"]:
        console.print(f"  - {mention['article_id']} ({mention['outlet']}): {mention['evidence']}", highlight=False)
    for reason in result["reasons"]:
        console.print(f"  why: {reason}", highlight=False)
    _print_coding(result)


@app.command()
def score(
    target: Annotated[str, typer.Argument(help="A gold events JSONL file, or one of: plover-gsr, petrarch, actors, quotes, dates, stories.")],
    db: DbOption = None,
    articles: Annotated[Optional[Path], typer.Option(help="Code the gold's articles from this folder in memory instead of reading the store.")] = None,
    min_confidence: Annotated[float, typer.Option(help="Score only events at or above this confidence.")] = 0.0,
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N gold records (named scorers).")] = None,
    details: Annotated[bool, typer.Option("--details/--summary", help="List misses and false positives.")] = True,
) -> None:
    """Score against gold and print precision, recall and F1 (and the errors, with evidence)."""
    from . import scoring

    try:
        typer.echo(scoring.run(target, db=db, articles=articles, min_confidence=min_confidence, limit=limit,
                               details=details))
    except SitrepError as error:
        _fail(error)


@app.command()
def report(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor code prefix, e.g. PRK.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="SOURCE,TARGET code prefixes.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest event date.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest event date.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
) -> None:
    """Write a situation report: events ranked by salience with evidence, quotes, trends, new actors."""
    from .report import Format
    from .report import report as make_report
    from .store import default_db

    try:
        # make_report checks the format itself: anything but md or html is a SitrepError, reported below
        typer.echo(make_report(db or default_db(), actor=actor, dyad=dyad, since=since, until=until,
                               format=cast(Format, format)))
    except SitrepError as error:
        _fail(error)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on (default: the `host` setting, 127.0.0.1).")] = None,
    port: Annotated[Optional[int], typer.Option(min=1, max=65535, help="Port to listen on (default: the `port` setting, 8000).")] = None,
    allow_host: Annotated[Optional[list[str]], typer.Option("--allow-host", help="Also answer requests naming this host (repeatable); localhost and the bound address always.")] = None,
) -> None:
    """Serve the web explorer and the read-only HTTP API (docs at /docs) on localhost."""
    from .web.app import serve as run_server

    try:
        run = settings.load({"db": db, "host": host, "port": port})
        run_server(run.db, host=run.host, port=run.port, allow_hosts=allow_host or ())
    except SitrepError as error:
        _fail(error)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="gdelt, gdelt-mentions, icews, polecat, parquet, csv, jsonl, or handoff (the store for `sitrep load`; docs/exports.md).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write; for parquet, a folder is partitioned by event month.")],
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor code prefix on either side (PRK, JPNGOV) or actor id.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="SOURCE,TARGET code prefixes, e.g. USA,PRK.")] = None,
    code: Annotated[Optional[str], typer.Option(help="CAMEO code prefix, e.g. 04 or 042.")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root, e.g. 11.")] = None,
    plover: Annotated[Optional[str], typer.Option(help="PLOVER event type, e.g. ACCUSE.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest event date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest event date (YYYY-MM-DD).")] = None,
    text: Annotated[Optional[str], typer.Option(help="Words in the evidence sentence.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(help="Drop events below this confidence (0-1; default: the `min_confidence` setting, 0).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include negated, hypothetical and historical events.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events (the newest).")] = None,
) -> None:
    """Export events (the filters of `sitrep events`) as GDELT, ICEWS, POLECAT, Parquet, CSV or JSON Lines."""
    try:
        report = api.export(format, out=out, db=db, actor=actor, dyad=tuple(dyad.split(",")) if dyad else None,
                            code=code, root=root, plover=plover, since=since, until=until, text=text,
                            min_confidence=_min_confidence(min_confidence), include_all=all_, limit=limit)
    except SitrepError as error:
        _fail(error)
    err.print(f"wrote {report.rows} rows as {report.format} to {report.out} ({report.files} file(s))", highlight=False)


@app.command()
def load(
    path: Annotated[Path, typer.Argument(help="A hand-off folder (sitrep export --format handoff, or the Dask runner's handoff=).")],
    db: DbOption = None,
) -> None:
    """Load a Parquet hand-off into the store (DuckDB or PostgreSQL); loading again never duplicates rows."""
    try:
        report = api.load(path, db=settings.load({"db": db}).db)
    except SitrepError as error:
        _fail(error)
    for rejected in report.rejected:  # one line each, however long the path
        err.print(f"[yellow]skipped[/yellow] {escape(rejected.path)}: {escape(rejected.reason)}", highlight=False,
                  soft_wrap=True)
    err.print(f"loaded {report.written} articles from {path}, {len(report.rejected)} file(s) skipped; "
              f"{report.events} events in the store", highlight=False, soft_wrap=True)
    if report.exit_code:
        raise typer.Exit(report.exit_code)


@app.command()
def rebuild(db: DbOption = None) -> None:
    """Rebuild the stories, events and actors in full (an ingest rebuilds only what it changed)."""
    try:
        report = api.rebuild(db=settings.load({"db": db}).db)
    except SitrepError as error:
        _fail(error)
    done = report.rebuilt
    err.print(f"rebuilt {done.articles if done else 0} articles' stories and {done.mentions if done else 0} "
              f"mentions' events; {report.events} events in the store", highlight=False)


def _min_confidence(given: float | None) -> float:
    """The events' lowest confidence: the option if given, else the `min_confidence` setting."""
    return settings.load({"min_confidence": given}).min_confidence


@app.command("settings")
def show_settings(format: FormatOption = "table") -> None:
    """Print every setting, its value and where it came from (default, sitrep.toml, SITREP_*, ...)."""
    try:
        rows = [{**row, "value": _setting_text(row["value"])} for row in settings.describe()]
    except SitrepError as error:
        _fail(error)
    _print(rows, ("name", "value", "from", "help"), format, title="settings")


def _setting_text(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _print_events(rows: list[dict]) -> None:
    """Events as an analyst reads them: who did what to whom, when, where, and the evidence below."""
    console.print(f"[bold]{_n(len(rows), 'event')}[/bold]")
    for row in rows:
        where = f" in {row['place_name']}" if row.get("place_name") else ""
        flags = escape(f" [{row['modality']}]") if row.get("modality") else ""
        goldstein = "" if row.get("goldstein") is None else f"Goldstein {row['goldstein']:+.1f}, "
        console.print(
            f"\n[bold]{row.get('date') or '?'}[/bold] ({row.get('date_precision')}){where}  "
            f"[cyan]{row['source_code'] or '?'}[/cyan] -[bold]{row['code']}[/bold]-> [cyan]{row['target_code'] or '?'}[/cyan]  "
            f"{row.get('name') or ''}{flags}", highlight=False)
        console.print(f"  {goldstein}confidence {row['confidence']:.2f}, {_n(row['num_articles'], 'article')}, "
                      f"{_n(row['num_sources'], 'outlet')}; event {row['event_id']}", style="dim", highlight=False)
        console.print(f"  \u201c{escape(row['evidence'])}\u201d [dim]({row['article_id']})[/dim]", highlight=False)


def _print(rows: list[dict], columns: tuple[str, ...], format: str, *, title: str) -> None:
    if format == "json":
        sys.stdout.write(json.dumps(rows, default=str, ensure_ascii=False, indent=1) + "\n")
    elif format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
    elif format == "table":
        table = Table(title=_n(len(rows), title[:-1]) if title.endswith("s") else f"{len(rows)} {title}", show_lines=True)
        for column in columns:
            table.add_column(column, overflow="fold", max_width=70 if column in ("evidence", "text") else None)
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        console.print(table)
    else:
        _fail(SitrepError(f"unknown format {format!r}; use table, csv or json"))


@app.command()
def summary(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor code prefix on either side.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="SOURCE,TARGET code prefixes, e.g. USA,PRK (,PRK: any source).")] = None,
    code: Annotated[Optional[str], typer.Option(help="CAMEO code prefix, e.g. 11 or 111.")] = None,
    plover: Annotated[Optional[str], typer.Option(help=f"PLOVER event type: {_PLOVER_TYPES}.")] = None,
    kind: Annotated[Optional[str], typer.Option(help=f"Plain-word kind of event: {_KINDS}.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest event date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest event date (YYYY-MM-DD).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include negated, hypothetical, historical and one-sided events.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="At most this many rows.")] = None,
    format: FormatOption = "table",
) -> None:
    """Count events per dyad and type for a period: who did what to whom, how often."""
    try:
        table = api.summary(db=db, actor=actor, dyad=parse_dyad(dyad), code=code, plover=plover, kind=kind,
                            since=since, until=until, include_all=all_, limit=limit)
    except SitrepError as error:
        _fail(error)
    rows = [{**r, "source_code": r["source_code"] or "?", "target_code": r["target_code"] or "?"} if format == "table" else r
            for r in table.to_pylist()]
    _print(rows, ("source_code", "target_code", "root", "type", "plover_event", "events", "articles", "goldstein",
                  "first", "last"), format, title="rows")


# -- helpers of the commands above ----------------------------------------------------------------


def _cell(value: object) -> str:
    """A table cell: empty for no value, a list as "a, b" rather than Python's ['a', 'b']."""
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _n(count: int | None, word: str) -> str:
    """"1 event", "2 events"."""
    return f"{count or 0} {word}{'' if count == 1 else 's'}"


def _check_published(value: str | None) -> None:
    """A one-line error naming --published and the accepted form, before any file is read."""
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value.strip())
        if len(value.strip()) == 10:
            return
        problem = "is not YYYY-MM-DD"
    except ValueError as error:
        problem = "is not YYYY-MM-DD" if "format" in str(error) else f"is no date ({error})"
    _fail_line(f"--published {value} {problem}: use the ISO form YYYY-MM-DD, e.g. 1998-08-07")


def _fail_line(message: str) -> None:
    """An argument error on one line, however narrow the terminal."""
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _ingest_progress(enabled: bool | None) -> AbstractContextManager[Callable[[int], None] | None]:
    """A context giving `api.ingest`'s progress callback: a Rich bar on stderr when stderr is a terminal
    or when asked (--progress), else a no-op."""
    from contextlib import contextmanager, nullcontext

    if enabled is False or (enabled is None and not err.is_terminal):
        return nullcontext(None)

    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    @contextmanager
    def bar() -> Iterator[Callable[[int], None]]:
        with Progress(SpinnerColumn(), TextColumn("coding articles"), BarColumn(),
                      TextColumn("{task.completed} read"), TimeElapsedColumn(), console=err) as progress:
            task = progress.add_task("coding articles", total=None)
            yield lambda n: progress.advance(task, n)

    @contextmanager
    def lines() -> Iterator[Callable[[int], None]]:  # asked for, but stderr is a file or pipe: one plain line per batch, no animation
        done = [0]

        def advance(n: int) -> None:
            done[0] += n
            err.print(f"coding articles: {done[0]} read", highlight=False)

        yield advance

    return bar() if err.is_terminal else lines()


def _print_found(report: api.IngestReport) -> None:
    """What each coded article yielded, and a warning when articles had no publication date."""
    ranked = sorted(report.found.items(), key=lambda item: (-item[1][0], item[0]))
    shown = [item for item in ranked if item[1][0]][:20] or ranked[:20]
    for article_id, (found, counted) in shown:
        err.print(f"  {article_id}: {_n(found, 'event')} found, {counted} counted", highlight=False)
    rest = len(report.found) - len(shown)
    if rest:
        empty = sum(1 for found, _ in report.found.values() if not found)
        err.print(f"  ... and {_n(rest, 'more article')} ({empty} with no event)", highlight=False)
    if report.undated:
        err.print(f"[yellow]warning:[/yellow] {_n(len(report.undated), 'article')} without a publication date "
                  f"({', '.join(report.undated[:3])}{', ...' if len(report.undated) > 3 else ''}): their events are "
                  "undated unless the text dates them. Give --published YYYY-MM-DD, a YYYY-MM-DD in the file name, "
                  "or a 'published' field in an articles.jsonl sidecar.", highlight=False)


def _warn_unread(paths: list[Path]) -> None:
    """Name the files of the folders given that were passed over (TimeML, XML, PDF ...)."""
    from .text.unread import READABLE_SUFFIXES, unread_files

    counts = unread_files(paths)
    if counts:
        kinds_ = ", ".join(f"{n} {suffix}" for suffix, n in counts.most_common())
        err.print(f"[yellow]warning:[/yellow] not read: {_n(sum(counts.values()), 'file')} ({kinds_}); sitrep reads "
                  f"{' '.join(sorted(READABLE_SUFFIXES))} files: convert the others to text or JSONL "
                  "(one {\"id\", \"text\", \"published\"} record a line)", highlight=False)


def _print_coding(result: dict) -> None:
    """Why each mention has its code and its actors: the pattern, each side's actor path, the modality."""
    for mention in result["mentions"]:
        why = result.get("coding", {}).get(mention["mention_id"])
        if not why:
            continue
        console.print(f"  coded {mention['mention_id']}: pattern {why['pattern']!r} on {why['trigger']!r}", highlight=False)
        pattern_code = (why["pattern"] or "").partition("-> ")[2].split(" ")[0]
        if pattern_code and pattern_code != mention["code"]:
            console.print(f"    code {mention['code']}, not the pattern's {pattern_code}: recoded for the sides' roles "
                          "or an announcement (README, How it works)", highlight=False)
        for side in ("source", "target"):
            found = why["sides"][side]
            if found:
                who = ", ".join(x for x in (found["name"], found["office"]) if x)
                console.print(f"    {side}: {found['text']!r} -> {found['code'] or found['actor_id']} ({who}) by {found['how']}"
                              + (" (provisional)" if found["provisional"] else ""), highlight=False)
            elif mention[f"{side}_code"]:
                console.print(f"    {side}: {mention[f'{side}_text']!r} -> {mention[f'{side}_code']} "
                              "(inferred: no actor name in the span)", highlight=False)
            else:
                console.print(f"    {side}: none (one-sided event, not counted)", highlight=False)
        for flag, meaning in why["modality"].items():
            console.print(f"    modality: {flag}: {meaning}", highlight=False)
        if why["quote"]:
            q = why["quote"]
            console.print(f"    in a quote of {q['speaker_text']!r} ({q['speaker_code'] or '?'}), cue {q['cue']!r}", highlight=False)
        if why["date_text"]:
            console.print(f"    date from {why['date_text']!r} ({why['date_precision']})", highlight=False)


def main() -> None:  # pragma: no cover - console entry point
    app()
