"""Stage 5: predicates and event nouns coded into CAMEO events between resolved actors.

Takes a parsed Doc, its actor mentions and quotes; returns `Event`s with modality flags, confidence
and evidence offsets (date and place are the next stage's).
"""

from ..records import DEFAULT_EXCLUDED_MODALITY, Event
from .events import code_doc

__all__ = ["DEFAULT_EXCLUDED_MODALITY", "Event", "code_doc"]
