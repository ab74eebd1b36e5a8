"""Stage 8: across articles: syndicated copies grouped into stories, mentions merged into events.

Reads the stored articles and mentions; writes the derived tables (stories, events, actors).
"""

from .merge import MentionRow, UnknownEventError, event_counts, explain_merge, merge_events
from .rebuild import MENTION_ROWS_SQL, Rebuilt, mention_rows, rebuild, story_rows
from .stories import Story, cluster_articles, cluster_stream, wire_agency

__all__ = ["MENTION_ROWS_SQL", "MentionRow", "Rebuilt", "Story", "UnknownEventError", "cluster_articles", "cluster_stream", "event_counts",
           "explain_merge", "mention_rows", "merge_events", "rebuild", "story_rows", "wire_agency"]
