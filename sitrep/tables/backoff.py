"""The back-off policy and the broad verb classes (read by `sitrep/coder/backoff.py`), loaded once.

`verb_classes.tsv` is derived by `scripts/verb_classes.py` from PETRARCH2's verb dictionary;
`backoff.tsv` is sitrep's own policy over it (which roots, which lemmas never, which are mutual).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .files import table_rows

__all__ = ["Policy", "policy", "reset_caches", "verb_classes"]


@dataclass(frozen=True)
class Policy:
    """Which verb classes sitrep backs off to (read from ``data/backoff.tsv``)."""

    roots: dict[str, float]
    """Allowed CAMEO roots and the confidence a backed-off event of that root gets."""
    skip: frozenset[str]
    """Lemmas never backed off (light verbs whose object, not the verb, carries the act)."""
    symmetric: frozenset[str]
    """Lemmas whose act is mutual: coordinated subjects act on each other ("A and B signed a plan")."""
    classes: dict[str, str]
    """sitrep's own general code for a lemma, over the derived table ("sign" 057)."""


@lru_cache(maxsize=1)
def policy() -> Policy:
    """The packaged back-off policy, loaded once."""
    roots: dict[str, float] = {}
    classes: dict[str, str] = {}
    skip, symmetric = set(), set()
    for row in table_rows("backoff.tsv"):
        kind, value = row["kind"].strip(), row["value"].strip()
        if kind == "root":
            roots[value] = float(row["confidence"])
        elif kind == "skip":
            skip.add(value)
        elif kind == "symmetric":
            symmetric.add(value)
        elif kind == "class":
            lemma, code = value.rsplit(" ", 1)
            classes[lemma] = code
    return Policy(roots, frozenset(skip), frozenset(symmetric), classes)


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, tuple[str, str | None]]:
    """Lemma ("sign", "lash out") -> (code, reverse) for lemmas whose classes agree on one root; a
    lemma PETRARCH2 files under two roots ("tend": aid and defend) is ambiguous and left out. The
    policy's own "class" rows come last and win."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for row in table_rows("verb_classes.tsv"):
        reverse = row["reverse"].strip()
        found.setdefault(row["lemma"].strip(), []).append((row["code"].strip(), None if reverse == "-" else reverse))
    classes = {lemma: codes[0] for lemma, codes in found.items() if len({c[:2] for c, _ in codes}) == 1}
    classes.update((lemma, (code, None)) for lemma, code in policy().classes.items())
    return classes


def reset_caches() -> None:
    """Forget the loaded policy and verb classes."""
    policy.cache_clear()
    verb_classes.cache_clear()
