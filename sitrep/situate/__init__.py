"""Stage 6: each event's own date (relative expressions anchored on publication) and place.

Takes coded `Event`s and their Doc; returns the same events with date, precision and place filled in.
"""

from ..tables.gazetteer import Place
from .assign import CONTEXT_SENTENCES, context_dates, situate
from .dates import When, event_date, find_dates

__all__ = ["CONTEXT_SENTENCES", "Place", "When", "context_dates", "event_date", "find_dates", "situate"]
