"""Stage 6: each event's own date (relative expressions anchored on publication) and place.

Takes coded `Event`s and their Doc; returns the same events with date, precision and place filled in.
"""

from ..tables.gazetteer import Place
from .assign import CONTEXT_SENTENCES, situate
from .dates import When, find_dates

__all__ = ["CONTEXT_SENTENCES", "Place", "When", "find_dates", "situate"]
