"""Stories: syndicated copies of one text are one story, with the wire agency that sent it.

A wire story is republished by dozens of outlets, each with its own masthead, captions and credits;
counted naively, one kidnapping becomes hundreds of rows. `cluster_articles` groups near-duplicate
articles into `Story` records: MinHash LSH Ensemble (datasketch, containment-aware LSH) on word
3-shingles of the cleaned text finds candidate pairs, an exact check confirms them (Jaccard, or
containment for a truncated copy), and connected pairs form a story. The wire agency is read from
attributions, datelines and sign-offs (`wire_agency`).

Stories are text lineage (copies of one text); events are real-world happenings, merged from coded
mentions in `sitrep.merge`. Two independent reports of one summit are two stories but one event.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import SitrepError
from ..text.clean import clean

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = [
    "AGENCIES",
    "Story",
    "cluster_articles",
    "shingles",
    "similarity",
    "wire_agency",
]

# ---------------------------------------------------------------------------------------------------
# Stories
# ---------------------------------------------------------------------------------------------------

SHINGLE_WORDS = 3
"""Words per shingle: 3 survives a translator's word swaps better than 5 and is still rare across texts."""
NUM_PERM = 128
LSH_THRESHOLD = 0.7
"""Candidate containment threshold of the LSH index, as a share of the clustering threshold: below it,
so that MinHash's estimation error does not lose true copies; the exact check then decides."""
NUM_PART = 16
"""Size partitions of the LSH Ensemble index (datasketch's default; more helps very skewed sizes)."""
MIN_SHINGLES_FOR_CONTAINMENT = 25
"""A text shorter than this is not judged by containment: three shared sentences are not a copy."""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that are copies of one text (syndicated, translated, trimmed), and its wire agency.

    `id` is ``"story-"`` + a hash of the smallest member id: re-clustering after new copies arrive keeps
    the id unless a new member sorts first.
    """

    id: str
    article_ids: tuple[str, ...]
    agency: str | None


AGENCIES: dict[str, tuple[str, ...]] = {
    "EFE": ("EFE", "Agencia EFE"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "Yonhap": ("Yonhap", "Yonhap News Agency", "Yonhap News"),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "TASS": ("TASS", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Lusa": ("Lusa",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "Europa Press": ("Europa Press",),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "APA": ("APA",),
    "UPI": ("UPI", "United Press International"),
}
"""Wire agencies by canonical name, with the spellings that name them in credits. Case-sensitive:
"AP" must not match "ap"."""

_ALIAS = {alias: name for name, aliases in AGENCIES.items() for alias in aliases}
_ALIAS_ALT = "|".join(re.escape(a) for a in sorted(_ALIAS, key=len, reverse=True))
_ALIAS_RE = re.compile(rf"(?<![\w-])({_ALIAS_ALT})(?![\w-])")
_ATTRIBUTION = re.compile(
    r"\((?:[Ww]ith )?(?:information|reporting|input|files|text)(?: from| by)? ([^()\n]{1,80})\)"
    r"|\((?:[Ss]ource|[Ff]onte|[Ff]uente)s?\s*:\s*([^()\n]{1,60})\)"
)
_DATELINE = re.compile(rf"\(({_ALIAS_ALT})\)\s*(?:-{{1,2}}|–|—|:)")
_SOURCE_LINE = re.compile(rf"^\s*(?:Source|Fonte|Fuente|Quelle)s?\s*:\s*({_ALIAS_ALT})\b", re.MULTILINE)
_SIGN_OFF = re.compile(rf"(?:^|\s)(?:[-–—]{{1,2}}\s*|©\s*|\(c\)\s*)({_ALIAS_ALT})(?:\s+\d{{4}})?\s*\.?\s*$")
_PHOTO_CREDIT = re.compile(rf"(?:^|[\s.(])({_ALIAS_ALT})\s*/\s*[A-Z]", re.MULTILINE)
_PHOTO_ONLY = {"EPA", "Getty Images", "Sputnik"}  # photo pools: their credit does not name the text's wire


def wire_agency(text: str) -> str | None:
    """The wire agency a text credits as its source, or None: pass the raw text (credits are debris).

    Evidence in order of strength: an attribution ("(With information from EFE)", "(Reporting by
    Reuters)"), a dateline in the first 400 characters ("SEOUL, June 24 (Yonhap) --"), a "Source: AFP"
    line or a closing sign-off ("-- AFP", "© AFP 2024"), then the agency opening most photo credits
    ("EFE/EPA/Kev Hui Yeung") when at least two credits agree. An agency merely cited in the body ("KCNA reported") is a source of a
    claim, not the wire the text came from, and is not counted.

    >>> wire_agency("SEOUL, June 24 (Yonhap) -- South Korea said ...")
    'Yonhap'
    >>> wire_agency("Talks ended.\\n(With information from EFE)")
    'EFE'
    >>> wire_agency("KCNA reported that Kim met Putin.") is None
    True
    """
    m: re.Match[str] | None
    for m in _ATTRIBUTION.finditer(text):
        if found := _ALIAS_RE.search(m.group(1) or m.group(2)):
            return _ALIAS[found.group(1)]
    if m := _DATELINE.search(text[:400]):
        return _ALIAS[m.group(1)]
    if m := _SOURCE_LINE.search(text):
        return _ALIAS[m.group(1)]
    if m := _SIGN_OFF.search(text[-200:]):
        return _ALIAS[m.group(1)]
    credits = Counter(_ALIAS[m.group(1)] for m in _PHOTO_CREDIT.finditer(text))
    credits = Counter({k: v for k, v in credits.items() if k not in _PHOTO_ONLY and v >= 2})
    if credits:  # one photo is often bought from another agency; two agreeing credits are a habit
        return min(credits, key=lambda name: (-credits[name], name))
    return None


def shingles(text: str, *, k: int = SHINGLE_WORDS) -> frozenset[str]:
    """Word k-shingles of `text`, lower-cased, punctuation ignored: the unit copies are compared on."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < k:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + k]) for i in range(len(words) - k + 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How much two shingle sets are one text: Jaccard, or containment of the smaller when it is long.

    Containment (shared / size of the smaller set) lets an outlet's trimmed copy of a wire story join
    it; texts under `MIN_SHINGLES_FOR_CONTAINMENT` shingles are judged by Jaccard alone.
    """
    if not a or not b:
        return 0.0
    shared = len(a & b)
    jaccard = shared / len(a | b)
    if min(len(a), len(b)) < MIN_SHINGLES_FOR_CONTAINMENT:
        return jaccard
    return max(jaccard, shared / min(len(a), len(b)))


def cluster_articles(articles: Sequence[tuple[str, str]], *, threshold: float = 0.5) -> list[Story]:
    """Group articles that are copies of one text into stories, ordered by their first article id.

    `articles` are ``(article_id, text)`` pairs. The text may be raw or already cleaned: it is cleaned
    here (cleaning is idempotent) so mastheads and credits shared by one outlet's unrelated articles do
    not make them look alike, and the wire agency is read from the text as given (raw text keeps the
    credits that name it). Two articles are one story when `similarity` of their shingles reaches
    `threshold`; stories are the connected groups.

    >>> wire = "Officials from both countries met in Geneva on Monday to discuss a ceasefire and prisoner swaps."
    >>> [s.article_ids for s in cluster_articles([("a", wire), ("b", "Geneva Times\\nTalks\\n" + wire), ("c", "Rain.")])]
    [('a', 'b'), ('c',)]
    """
    ids = [article_id for article_id, _ in articles]
    if len(set(ids)) != len(ids):
        dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
        raise SitrepError(f"duplicate article ids {dupes[:5]}: give each article one id before clustering")
    texts = dict(articles)
    sets = {article_id: shingles(clean(text).text) for article_id, text in articles}

    # 1. Candidate pairs from MinHash LSH Ensemble, which indexes containment: querying with a trimmed
    #    copy finds the full text it came from, which plain Jaccard LSH misses when sizes differ a lot.
    #    (Containment of the smaller set is never below Jaccard, so it finds near-equal copies too.)
    #    A fixed seed keeps the result reproducible.
    from datasketch import MinHash, MinHashLSHEnsemble  # imported here: it pulls in scipy (1-2 s), which
    # an ingest that rebuilds nothing (a re-ingest of unchanged files) never needs

    hashes: dict[str, MinHash] = {}
    for article_id in sorted(sets):
        mh = MinHash(num_perm=NUM_PERM, seed=1)
        mh.update_batch([s.encode("utf-8") for s in sorted(sets[article_id])])
        hashes[article_id] = mh
    entries = [(a, hashes[a], len(sets[a])) for a in sorted(sets) if sets[a]]
    lsh = MinHashLSHEnsemble(threshold=LSH_THRESHOLD * threshold, num_perm=NUM_PERM, num_part=NUM_PART)
    if entries:
        lsh.index(entries)

    # 2. Exact check of each candidate pair, joining confirmed pairs (union-find).
    parent = {article_id: article_id for article_id in sets}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for article_id in sorted(sets):
        if not sets[article_id]:
            continue
        for other in sorted(set(lsh.query(hashes[article_id], len(sets[article_id])))):
            if other == article_id:
                continue
            if similarity(sets[article_id], sets[other]) >= threshold:
                ra, rb = find(article_id), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)

    # 3. Stories: connected groups, with the agency most members credit.
    groups: dict[str, list[str]] = {}
    for article_id in sorted(sets):
        groups.setdefault(find(article_id), []).append(article_id)
    stories = []
    for members in groups.values():
        votes = Counter(a for m in members if (a := wire_agency(texts[m])) is not None)
        agency = min(votes, key=lambda name: (-votes[name], name)) if votes else None
        stories.append(Story(id=_stable_id("story", members[0]), article_ids=tuple(members), agency=agency))
    return sorted(stories, key=lambda s: s.article_ids[0])


def _stable_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"
