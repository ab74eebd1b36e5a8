"""The HTTP API's docs page at ``/docs``, served offline.

FastAPI's own ``/docs`` loads Swagger UI from a CDN, which is a blank page without the internet.
This page loads Swagger UI from `static/vendor/swagger-ui/` (copied unchanged from the npm package
`swagger-ui-dist`, see `static/vendor/LICENSES.md`) and its initialiser from a file, not an inline
script, so it works under a Content-Security-Policy that allows only this origin.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse

__all__ = ["add_docs"]

PAGE = Path(__file__).resolve().parent / "static" / "docs" / "index.html"


def add_docs(app: FastAPI) -> None:
    """Serve the offline Swagger UI page at ``/docs`` (create the app with ``docs_url=None``)."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(PAGE, media_type="text/html")
