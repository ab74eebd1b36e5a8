"""Stage 5: predicates and event nouns coded into CAMEO events between resolved actors.

Takes a parsed Doc, its actor mentions, the actor stage's `DocActors` and the quotes; returns `Event`s
with modality flags, confidence and evidence offsets (date and place are the next stage's, which
picks an event's place with `event_place`). It never calls back into actor resolution.
"""

from ..records import DEFAULT_EXCLUDED_MODALITY, Event
from .derived import event_place
from .events import code_doc
from .nouns import DEFINITE_NOUN

__all__ = ["DEFAULT_EXCLUDED_MODALITY", "DEFINITE_NOUN", "Event", "code_doc", "event_place"]
