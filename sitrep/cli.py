"""The `sitrep` command line: each command calls the `api` function of the same name and prints it."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import api
from .errors import SitrepError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="sitrep: who did what to whom, when and where, from news text.")
console = Console(width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True)

DbOption = Annotated[Optional[Path], typer.Option("--db", envvar="SITREP_DB", help="DuckDB file (default ./sitrep.duckdb).")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")]

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
) -> None:
    """Read, code and store articles; unchanged articles are skipped, changed ones replaced."""
    from rich.progress import Progress

    try:
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("coding articles", total=None)
            report = api.ingest(paths, db=db, published=published, outlet=outlet,
                                progress=lambda n: progress.advance(task, n),
                                actor_files=actors_file or (), lexicon_files=lexicon_file or (), dask=dask)
    except SitrepError as error:
        _fail(error)
    for rejected in report.rejected:
        err.print(f"[yellow]skipped[/yellow] {rejected.path}: {rejected.reason}", highlight=False)
    err.print(f"read {report.read} articles: {report.written} coded, {report.unchanged} unchanged, "
              f"{len(report.rejected)} skipped; {report.events} events in the store", highlight=False)
    if show:
        events(db=db)
    if report.exit_code:  # 1 some inputs rejected, 2 nothing read (README, "Exit codes")
        raise typer.Exit(report.exit_code)


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor code prefix on either side (PRK, JPNGOV) or actor id.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="SOURCE,TARGET code prefixes, e.g. USA,PRK.")] = None,
    code: Annotated[Optional[str], typer.Option(help="CAMEO code prefix, e.g. 04 or 042.")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root, e.g. 11.")] = None,
    plover: Annotated[Optional[str], typer.Option(help="PLOVER event type, e.g. ACCUSE.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest event date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest event date (YYYY-MM-DD).")] = None,
    text: Annotated[Optional[str], typer.Option(help="Words in the evidence sentence.")] = None,
    min_confidence: Annotated[float, typer.Option(help="Drop events below this confidence (0-1).")] = 0.0,
    all_: Annotated[bool, typer.Option("--all", help="Include negated, hypothetical and historical events.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events.")] = None,
    format: FormatOption = "table",
) -> None:
    """List events with their evidence sentences."""
    try:
        from .checks import parse_dyad

        table = api.events(db=db, actor=actor, dyad=parse_dyad(dyad), code=code, root=root,
                           plover=plover, since=since, until=until, text=text, min_confidence=min_confidence,
                           include_all=all_, limit=limit)
    except SitrepError as error:
        _fail(error)
    rows = table.to_pylist()
    if format == "table":
        _print_events(rows)
    else:
        _print(rows, _EVENT_COLUMNS, format, title="events")


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[Optional[str], typer.Option(help="Words of the speaker's name or description.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Speaker's actor code prefix, e.g. JPNGOV.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest publication date.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest publication date.")] = None,
    format: FormatOption = "table",
) -> None:
    """List quotes with their speakers and the speakers' roles."""
    try:
        table = api.quotes(db=db, speaker=speaker, actor=actor, since=since, until=until)
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
    console.print(f"[bold]{event['event_id']}[/bold] {event['source_code']} {event['code']} {event['target_code']} "
                  f"({event['name']}) on {event['date']}: {event['num_mentions']} mentions in "
                  f"{event['num_articles']} articles from {event['num_sources']} outlets", highlight=False)
    for mention in result["mentions"]:
        console.print(f"  - {mention['article_id']} ({mention['outlet']}): {mention['evidence']}", highlight=False)
    for reason in result["reasons"]:
        console.print(f"  why: {reason}", highlight=False)


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
    from .report import report as make_report
    from .store import default_db_path

    try:
        typer.echo(make_report(db or default_db_path(), actor=actor, dyad=dyad, since=since, until=until, format=format))
    except SitrepError as error:
        _fail(error)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_host: Annotated[Optional[list[str]], typer.Option("--allow-host", help="Also answer requests naming this host (repeatable); localhost and the bound address always.")] = None,
) -> None:
    """Serve the web explorer and the read-only HTTP API (docs at /docs) on localhost."""
    from .web.app import serve as run_server

    try:
        run_server(db, host=host, port=port, allow_hosts=allow_host or ())
    except SitrepError as error:
        _fail(error)


def _print_events(rows: list[dict]) -> None:
    """Events as an analyst reads them: who did what to whom, when, where, and the evidence below."""
    console.print(f"[bold]{len(rows)} events[/bold]")
    for row in rows:
        where = f" in {row['place_name']}" if row.get("place_name") else ""
        flags = escape(f" [{row['modality']}]") if row.get("modality") else ""
        goldstein = "" if row.get("goldstein") is None else f"Goldstein {row['goldstein']:+.1f}, "
        console.print(
            f"\n[bold]{row.get('date') or '?'}[/bold] ({row.get('date_precision')}){where}  "
            f"[cyan]{row['source_code']}[/cyan] -[bold]{row['code']}[/bold]-> [cyan]{row['target_code']}[/cyan]  "
            f"{row.get('name') or ''}{flags}", highlight=False)
        console.print(f"  {goldstein}confidence {row['confidence']:.2f}, {row['num_articles']} article(s), "
                      f"{row['num_sources']} outlet(s); event {row['event_id']}", style="dim", highlight=False)
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
        table = Table(title=f"{len(rows)} {title}", show_lines=True)
        for column in columns:
            table.add_column(column, overflow="fold", max_width=70 if column in ("evidence", "text") else None)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        console.print(table)
    else:
        _fail(SitrepError(f"unknown format {format!r}; use table, csv or json"))


def main() -> None:  # pragma: no cover - console entry point
    app()
