"""The verb lexicon: which predicate, in which frame, means which CAMEO event.

The table lives in ``data/verbs.tsv`` (documented in its header). A `Lexicon` is immutable and loaded
once per process; users extend it with their own TSV in the same format (`Lexicon.load(extra=...)`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import SitrepError
from .files import data_text
from .words import word_list

__all__ = ["Frame", "Lexicon", "default_lexicon", "reset_caches"]


@dataclass(frozen=True, slots=True)
class Frame:
    """One row of the lexicon: a verb in a frame, the code it means and where its target is."""

    lemma: str
    particle: str | None
    objects: frozenset[str] | None
    """Allowed direct-object lemmas (None: any, or no object)."""
    preps: frozenset[str] | None
    """Required preposition children (any one of them)."""
    xcomps: frozenset[str] | None
    """Required infinitive complement lemmas ({"*"}: any)."""
    code: str
    target: tuple[str, ...]
    reverse: str | None
    confidence: float

    @property
    def label(self) -> str:
        """A short, stable name for the pattern, stored with each event for audit."""
        parts = [self.lemma + (f" {self.particle}" if self.particle else "")]
        if self.objects:
            parts.append("obj:" + "|".join(sorted(self.objects))[:40])
        if self.preps:
            parts.append("prep:" + "|".join(sorted(self.preps)))
        if self.xcomps:
            parts.append("xcomp:" + "|".join(sorted(self.xcomps))[:40])
        return " ".join(parts) + f" -> {self.code}"


@dataclass(frozen=True)
class Lexicon:
    """Frames by lemma, in the table's order (the first matching frame wins)."""

    frames: dict[str, tuple[Frame, ...]]
    backoff: bool = True
    """Code a political verb no frame matched at its general level (see `sitrep/coder/backoff.py`)."""

    @classmethod
    def load(cls, *, extra: Iterable[str | Path] = (), backoff: bool = True) -> Lexicon:
        text = data_text("verbs.tsv")
        rows = list(_parse(text, "data/verbs.tsv"))
        for path in extra:
            rows = list(_parse(Path(path).read_text(encoding="utf-8"), str(path))) + rows
        frames: dict[str, list[Frame]] = {}
        for frame in rows:
            frames.setdefault(frame.lemma, []).append(frame)
        return cls({lemma: tuple(items) for lemma, items in frames.items()}, backoff)

    def get(self, lemma: str) -> tuple[Frame, ...]:
        return self.frames.get(lemma.lower(), ())


def _parse(text: str, where: str) -> Iterable[Frame]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    for number, row in enumerate(reader, 2):
        try:
            words = row["lemma"].split()
            frame = row["frame"].strip()
            conditions = {} if frame == "*" else dict(part.split(":", 1) for part in frame.split("+"))
            preps = set(conditions["prep"].split("|")) if "prep" in conditions else set()
            particle = words[1] if len(words) > 1 else None
            if particle:
                preps.add(particle)
            yield Frame(
                lemma=words[0].lower(),
                particle=particle,
                objects=_objects(conditions["obj"]) if "obj" in conditions else None,
                preps=frozenset(preps) or None,
                xcomps=frozenset(conditions["xcomp"].split("|")) if "xcomp" in conditions else None,
                code=row["code"].strip(),
                target=_slots(row["target"]),
                reverse=None if row["reverse"].strip() in ("", "-") else row["reverse"].strip(),
                confidence=float(row["confidence"]),
            )
        except (KeyError, ValueError, AttributeError) as error:
            raise SitrepError(f"{where}: bad lexicon row {number} ({error}); see the column notes in its header") from error


_SLOT_NAMES = frozenset({"dobj", "iobj", "objprep", "possobj", "xcomp-dobj", "clause-subj", "condition-subj", "here", "none"})


def _slots(text: str) -> tuple[str, ...]:
    """Target alternatives; "prep:on|upon" is short for "prep:on|prep:upon"."""
    slots: list[str] = []
    for part in text.strip().split("|"):
        if part not in _SLOT_NAMES and ":" not in part and slots and slots[-1].startswith("prep:"):
            part = "prep:" + part
        if part not in _SLOT_NAMES and not part.startswith("prep:"):
            raise ValueError(f"unknown target slot {part!r}")
        slots.append(part)
    return tuple(slots)


def _objects(spec: str) -> frozenset[str]:
    """A frame's object words, with each object class ("@weapon") replaced by the words of its list
    in ``data/coder-words.tsv`` ("weapon-object"); "@person" is any person's name, checked in the coder."""
    words: set[str] = set()
    for word in spec.split("|"):
        if word.startswith("@") and word != "@person":
            words |= word_list(word[1:] + "-object")
        else:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    return Lexicon.load()


def reset_caches() -> None:
    default_lexicon.cache_clear()
