"""The read-only HTTP API and the explorer page: a thin layer over `sitrep.api` and `sitrep.views`.

Each route parses its parameters, opens the store read-only for the length of the request
(`views.reader`), calls one view function and renders its result as JSON or CSV. No SQL here.
An ingest never holds the file (it swaps a new copy in: `sitrep.writer`), so routes answer from the
last finished ingest, saying when it finished (``X-Sitrep-As-Of``, and ``as_of`` in list answers) and
whether a newer one is being written (``X-Sitrep-Stale``); only a foreign process writing the file in
place makes them answer 503 with a Retry-After header. Security headers and the Host check: `guard`.

    uvicorn "sitrep.web.app:create_app" --factory       # with SITREP_DB set; or `sitrep serve`
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import pyarrow as pa
from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BeforeValidator
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import api, views
from ..errors import SitrepError, StoreError
from ..store import default_db, is_postgres
from . import guard
from .docs import add_docs

__all__ = ["create_app", "serve"]

STATIC = Path(__file__).resolve().parent / "static"
Day = Annotated[date, BeforeValidator(guard.iso_day)]
"""A query date: YYYY-MM-DD only (pydantic alone would also read "0" as a Unix time)."""
Format = Literal["json", "csv"]


def create_app(db: str | Path | None = None, *, wait: float = 2.0, hosts: Sequence[str] | None = None) -> FastAPI:
    """The FastAPI app serving `db` (default `$SITREP_DB` or ./sitrep.duckdb) read-only.

    `wait` is how long a request waits for a writer to release the file before answering 503.
    `hosts` are the Host header names answered (default `guard.allowed_hosts()`: localhost names).
    """
    given = default_db() if db is None else db
    db_path = given if is_postgres(given) else Path(given)
    app = FastAPI(title="sitrep", version="0.1.0", docs_url=None, redoc_url=None, description=(
        "Read-only access to a sitrep event store: events with evidence, actors, dyad trends, quotes, "
        "stories, the actor network and each article's evidence spans."))

    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts) if hosts else guard.allowed_hosts())
    app.add_middleware(guard.GuardMiddleware)

    def read(view, *args, **kwargs):
        with views.reader(db_path, wait=wait) as store:
            guard.note_store(store, db_path)
            return view(store, *args, **kwargs)

    @app.exception_handler(SitrepError)
    async def _sitrep_error(request: Request, error: SitrepError) -> JSONResponse:
        if isinstance(error, views.NotFoundError):
            return JSONResponse({"detail": str(error)}, status_code=404)
        if isinstance(error, views.StoreBusyError):
            return JSONResponse({"detail": str(error)}, status_code=503, headers={"Retry-After": "2"})
        if isinstance(error, StoreError):
            return JSONResponse({"detail": str(error)}, status_code=503)
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    add_docs(app)

    @app.get("/api/events", summary="Events with evidence, filtered and paged")
    def events(
        actor: Annotated[str | None, Query(description="Actor code prefix on either side (PRK, JPNGOV) or actor id")] = None,
        dyad: Annotated[str | None, Query(pattern=guard.DYAD, description="SOURCE,TARGET code prefixes, e.g. USA,PRK")] = None,
        code: Annotated[str | None, Query(description="CAMEO code prefix, e.g. 04 or 042")] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root, e.g. 11")] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4, description="GDELT QuadClass 1-4")] = None,
        plover: Annotated[str | None, Query(description="PLOVER event type, e.g. ACCUSE")] = None,
        kind: Annotated[str | None, Query(description="Plain-word kind, e.g. criticism (sitrep/data/kinds.tsv)")] = None,
        since: Annotated[Day | None, Query(description="Earliest event date, YYYY-MM-DD")] = None,
        until: Annotated[Day | None, Query(description="Latest event date, YYYY-MM-DD")] = None,
        place: Annotated[str | None, Query(description="Words of the place name, or an ISO-3 country")] = None,
        text: Annotated[str | None, Query(description="Words in the evidence sentence")] = None,
        article: Annotated[str | None, Query(description="Events mentioned in this article")] = None,
        story: Annotated[str | None, Query(description="Events mentioned in this story")] = None,
        modality: Annotated[str | None, Query(description="negated, hypothetical, future, attributed or historical")] = None,
        min_confidence: Annotated[float, Query(ge=0, le=1)] = 0.0,
        include_all: Annotated[bool, Query(description="Include negated, hypothetical and historical events")] = False,
        limit: Annotated[int, Query(ge=1, le=10000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
        format: Format = "json",
    ) -> Response:
        page = read(views.events_page, limit=limit, offset=offset, actor=actor, dyad=dyad, code=code, root=root,
                    quad_class=quad_class, plover=plover, since=_iso(since), until=_iso(until), place=place,
                    text=text, article=article, story=story, modality=modality, min_confidence=min_confidence, kind=kind,
                    include_all=include_all or bool(modality and modality != "attributed" and modality != "future"))
        rows = page.pop("rows")
        return _render(rows, format, **page)

    @app.get("/api/events/{event_id}", summary="One event, every mention of it, and why they were merged")
    def event(event_id: str) -> dict[str, Any]:
        return read(views.event_detail, event_id)

    @app.get("/api/articles/{article_id}", summary="An article's text with all its evidence spans")
    def article(article_id: str) -> dict[str, Any]:
        return read(views.article_with_evidence, article_id)

    @app.get("/api/trends", summary="Dyad trends: events, mean Goldstein and QuadClass mix per period")
    def trends(
        interval: Literal["day", "week", "month"] = "week",
        level: Literal["country", "code"] = "country",
        actor: str | None = None, dyad: Annotated[str | None, Query(pattern=guard.DYAD)] = None, code: str | None = None,
        root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        since: Day | None = None, until: Day | None = None, include_all: bool = False, format: Format = "json",
    ) -> Response:
        rows = read(views.dyad_trends, interval=interval, level=level, actor=actor, dyad=dyad, code=code, root=root,
                    quad_class=quad_class, since=_iso(since), until=_iso(until), include_all=include_all)
        return _render(rows, format, interval=interval)

    @app.get("/api/network", summary="Actor network: nodes are actors, edges count events with mean Goldstein")
    def network(
        level: Literal["country", "code"] = "country", actor: str | None = None, code: str | None = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        since: Day | None = None, until: Day | None = None, include_all: bool = False,
    ) -> dict[str, Any]:
        result = read(views.network, level=level, actor=actor, code=code, quad_class=quad_class, since=_iso(since),
                      until=_iso(until), include_all=include_all)
        return {"nodes": result["nodes"].to_pylist(), "edges": result["edges"].to_pylist()}

    @app.get("/api/actors", summary="Canonical actors with aliases, first and last seen")
    def actors(country: str | None = None, kind: str | None = None, format: Format = "json") -> Response:
        return _render(read(lambda store: api.actors(db=store, country=country, kind=kind)), format)

    @app.get("/api/quotes", summary="Quotes with their speakers and roles")
    def quotes(
        speaker: str | None = None, actor: str | None = None, article: str | None = None,
        since: Day | None = None, until: Day | None = None,
        limit: Annotated[int | None, Query(ge=1, le=10000)] = None, format: Format = "json",
    ) -> Response:
        return _render(read(lambda store: api.quotes(db=store, speaker=speaker, actor=actor, article=article,
                                                     since=_iso(since), until=_iso(until), limit=limit)), format)

    @app.get("/api/summary", summary="Events per dyad and type for a period (one GROUP BY in the store)")
    def summary(
        actor: str | None = None,
        dyad: Annotated[str | None, Query(description="SOURCE,TARGET code prefixes; ,PRK for any source")] = None,
        code: str | None = None, plover: str | None = None,
        kind: Annotated[str | None, Query(description="Plain-word kind, e.g. criticism, threat, meeting")] = None,
        since: date | None = None, until: date | None = None, include_all: bool = False,
        limit: Annotated[int | None, Query(ge=1, le=10000)] = None, format: Format = "json",
    ) -> Response:
        pair = views.event_filters(dyad=dyad).get("dyad")
        return _render(read(lambda store: api.summary(db=store, actor=actor, dyad=pair, code=code, plover=plover, kind=kind,
                                                      since=_iso(since), until=_iso(until), include_all=include_all,
                                                      limit=limit)), format)

    @app.get("/api/stories", summary="Stories: syndicated copies of one wire story")
    def stories(format: Format = "json") -> Response:
        return _render(read(lambda store: api.stories(db=store)), format)

    guard.document_answers(app)
    return app


def serve(db: str | Path | None = None, *, host: str = "127.0.0.1", port: int = 8000,
          allow_hosts: Sequence[str] = ()) -> None:
    """Serve the explorer and HTTP API on http://host:port until interrupted (blocks); requests must
    name the bound address, a localhost name or one of `allow_hosts` in their Host header."""
    import uvicorn

    uvicorn.run(create_app(db, hosts=guard.allowed_hosts(host, allow_hosts)), host=host, port=port, log_level="info")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _render(table: pa.Table, format: str, **meta: Any) -> Response:
    """The one renderer: an Arrow table as JSON ``{**meta, "rows": [...]}`` or as CSV."""
    if format == "csv":
        return Response(api.csv_text(table), media_type="text/csv; charset=utf-8")
    return JSONResponse({**guard.freshness(), **meta, "rows": table.to_pylist()})


def _app_from_env() -> FastAPI:  # pragma: no cover - for `uvicorn sitrep.web.app:_app_from_env --factory`
    return create_app(os.environ.get("SITREP_DB"))
