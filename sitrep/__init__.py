"""sitrep: news text -> an auditable database of who did what to whom, when and where.

The package's door is its API (`sitrep.ingest`, `sitrep.events`, ...; `sitrep.api.actors` and
`sitrep.api.quotes` keep their module, as `sitrep.actors` and `sitrep.quotes` are the stages of those
names). The stages live in packages named for what they do, in the order the data flows (see
docs/architecture.md): text -> actors, quotes -> coder -> situate -> pipeline -> store -> corpus ->
query, views, report.
"""

from .api import IngestReport, code_text, events, explain, export, ingest, open_store, stories
from .errors import SitrepError

__all__ = ["IngestReport", "SitrepError", "code_text", "events", "explain", "export", "ingest", "open_store", "stories"]
