"""What every HTTP answer carries besides its data: security headers, and how fresh the data is.

- Only requests whose ``Host`` is an allowed name are answered (Starlette's `TrustedHostMiddleware`):
  a page on ``evil.example`` that rebinds its DNS name to 127.0.0.1 cannot read the API, since the
  browser sends ``Host: evil.example``. Allowed by default: localhost, 127.0.0.1, [::1] and the address
  the server is bound to; more with ``sitrep serve --allow-host NAME`` or ``$SITREP_ALLOWED_HOSTS``.
- A Content-Security-Policy that allows scripts, styles, images and requests only from the server
  itself, ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` and no referrer.
- ``X-Sitrep-As-Of``: when the data answered was published (the end of the ingest that wrote it), and
  ``X-Sitrep-Stale`` while a newer ingest is being written (its process and start time).

The as-of time is read from the store each request opened (`note_store`), so it describes exactly
the data in the answer, even when an ingest swaps a new file in between two requests.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from .. import settings
from ..store import Store
from ..writer import as_of, ingest_running

__all__ = ["CSP", "allowed_hosts", "note_store", "freshness", "GuardMiddleware", "document_answers", "DYAD", "iso_day"]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
"""The explorer's policy: everything from this server; inline style attributes only (the SVG charts)."""

_DOCS_CSP = ("default-src 'self' https://cdn.jsdelivr.net; script-src 'self' 'unsafe-inline' "
             "https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
             "img-src 'self' data: https://fastapi.tiangolo.com; frame-ancestors 'none'")
"""FastAPI's /docs and /redoc pages: its inline loader and the CDN it names (unreachable offline)."""

DYAD = r"^\s*[^,\s][^,]*,\s*[^,\s][^,]*$"
"""A ``dyad`` query: two non-empty code prefixes around one comma (declared so the schema says it)."""

_LOCAL = ("localhost", "127.0.0.1", "[::1]", "::1")

_request: ContextVar[dict[str, Any] | None] = ContextVar("sitrep_request", default=None)


def allowed_hosts(bound: str | None = None, extra: Sequence[str] = ()) -> list[str]:
    """Host names answered: the local names, the bound address (unless a wildcard), `extra` and the
    `allowed_hosts` setting (``$SITREP_ALLOWED_HOSTS``, comma-separated, or sitrep.toml)."""
    names = [*_LOCAL, *extra, *settings.load().allowed_hosts]
    if bound and bound not in ("0.0.0.0", "::", ""):
        names.append(bound)
    return list(dict.fromkeys(name.strip() for name in names))


def note_store(store: Store, db: Path) -> None:
    """Remember, for the current request, the as-of time of the store it reads."""
    holder = _request.get()
    if holder is not None:
        holder["as_of"] = as_of(store)
        holder["stale"] = ingest_running(db)


def freshness() -> dict[str, Any]:
    """``as_of`` and ``ingest_running`` of the current request, for JSON answers."""
    holder = _request.get() or {}
    return {"as_of": holder.get("as_of"), "ingest_running": holder.get("stale")}


class GuardMiddleware:
    """Pure ASGI middleware: sets the security and freshness headers on every HTTP answer."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        holder: dict[str, Any] = {}
        token = _request.set(holder)
        docs = scope.get("path", "").startswith(("/docs", "/redoc"))

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", (_DOCS_CSP if docs else CSP).encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                if holder.get("as_of"):
                    headers.append((b"x-sitrep-as-of", str(holder["as_of"]).encode()))
                if holder.get("stale"):
                    headers.append((b"x-sitrep-stale", f"an ingest is writing newer data ({holder['stale']})".encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            _request.reset(token)


_ERRORS = {
    "400": "A parameter has the wrong form (the detail names it), or the Host header is not allowed",
    "404": "No event or article with this id",
    "503": "The database is missing, damaged, or written in place by another process (see Retry-After)",
}


def document_answers(app: Any) -> None:
    """Add to the OpenAPI schema what every API route can answer besides JSON: CSV where the route has
    a ``format`` parameter, and its error answers with their ``{"detail": ...}`` body."""
    from fastapi.routing import APIRoute

    detail = {"application/json": {"schema": {"type": "object", "properties": {"detail": {"type": "string"}}}}}
    for route in app.routes:
        if not isinstance(route, APIRoute) or not route.path.startswith("/api/"):
            continue
        for status, description in _ERRORS.items():
            if status == "404" and "{" not in route.path:
                continue
            content = {**detail, "text/plain": {"schema": {"type": "string"}}} if status == "400" else detail
            route.responses.setdefault(status, {"description": description, "content": content})
        if any(p.name == "format" for p in route.dependant.query_params):
            ok = route.responses.setdefault(200, {})
            ok.setdefault("content", {})["text/csv"] = {"schema": {"type": "string"}}


def iso_day(value: Any) -> Any:
    """Let only a ``YYYY-MM-DD`` string through to pydantic's date parsing (which would take "0" as
    1970-01-01): the HTTP API reads dates as its schema documents them."""
    import re

    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date must be YYYY-MM-DD, e.g. 2024-06-24")
    return value
