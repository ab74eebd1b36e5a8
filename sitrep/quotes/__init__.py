"""Stage 4b: who said what: quote marks, speech cues and their speakers, resolved to actors.

Takes a parsed Doc and its actor mentions; returns `Quote`s (content, cue and speaker spans).
"""

from ..records import Quote
from .marks import QuoteSpan, find_quote_spans
from .speakers import find_quotes

__all__ = ["Quote", "QuoteSpan", "find_quote_spans", "find_quotes"]
