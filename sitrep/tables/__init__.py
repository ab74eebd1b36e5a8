"""The shipped tables (actors, verb lexicon, CAMEO codes, gazetteer) loaded once per process.

Every stage reads its facts from here; `reset_caches()` forgets every loaded table at once (tests
and long-lived processes that edit `sitrep/data/` call it).
"""

from . import cameo, kinds
from .actors import ActorDictionary, ActorTableError
from .lexicon import Frame, Lexicon, default_lexicon

__all__ = ["ActorDictionary", "ActorTableError", "Frame", "Lexicon", "cameo", "default_lexicon", "kinds", "reset_caches"]


def reset_caches() -> None:
    """Forget every cached table and model, so the next use reloads them from disk."""
    from ..text import analyse
    from . import actors, backoff, files, gazetteer, lexicon, words

    for module in (actors, lexicon, backoff, cameo, kinds, gazetteer, words, files, analyse):
        module.reset_caches()
