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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..errors import SitrepError
from ..text.clean import clean

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSHEnsemble

__all__ = [
    "AGENCIES",
    "Story",
    "cluster_articles",
    "cluster_stream",
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
SMALL_BLOCK_PAIRS = 5000
"""A block whose queries times entries is at most this is compared pair by pair, not through an index
(an LSH Ensemble costs about 0.15 s to build; the exact check of 5,000 pairs about as much)."""
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


def cluster_articles(articles: Sequence[tuple[str, str]], *, threshold: float = 0.5,
                     published: Mapping[str, str | None] | None = None,
                     window_days: int | None = None) -> list[Story]:
    """Group articles that are copies of one text into stories, ordered by their first article id.

    `articles` are ``(article_id, text)`` pairs. The text may be raw or already cleaned: it is cleaned
    here (cleaning is idempotent) so mastheads and credits shared by one outlet's unrelated articles do
    not make them look alike, and the wire agency is read from the text as given (raw text keeps the
    credits that name it). Two articles are one story when `similarity` of their shingles reaches
    `threshold`; stories are the connected groups. With `published` (article id -> ISO date) and
    `window_days`, only copies at most that many days apart are compared (`cluster_stream`).

    >>> wire = "Officials from both countries met in Geneva on Monday to discuss a ceasefire and prisoner swaps."
    >>> [s.article_ids for s in cluster_articles([("a", wire), ("b", "Geneva Times\\nTalks\\n" + wire), ("c", "Rain.")])]
    [('a', 'b'), ('c',)]
    """
    dates = published or {}
    rows = sorted(((article_id, dates.get(article_id), text) for article_id, text in articles),
                  key=lambda row: (row[1] is None, (row[1] or "")[:10], row[0]))
    return cluster_stream(rows, threshold=threshold, window_days=window_days)


def cluster_stream(articles: Iterable[tuple[str, str | None, str]], *, threshold: float = 0.5,
                   window_days: int | None = None) -> list[Story]:
    """`cluster_articles` over ``(article_id, published, text)`` rows read once, in date order, in
    memory bounded by the window: what the rebuild streams from the store.

    Rows come sorted by the publication day (the first 10 characters of the ISO date), then id;
    undated rows (no date, or not ISO) may come anywhere. Days are cut into blocks of `window_days`; each block is compared with itself and the block
    before, and a pair joins only if its days are at most `window_days` apart, so two copies further
    apart than the window are two stories (unless copies in between chain them). Only two blocks'
    shingles and MinHashes are held at once; what outlives a block is each article's id, day and
    wire agency. Undated articles are compared with each other only, all at once. `window_days` None
    (or 0) compares every dated article with every other, as one block.

    >>> rows = [("a", "2024-06-01", "Officials met in Geneva on Monday to discuss a ceasefire and swaps."),
    ...         ("b", "2024-06-03", "Officials met in Geneva on Monday to discuss a ceasefire and swaps."),
    ...         ("c", "2024-07-20", "Officials met in Geneva on Monday to discuss a ceasefire and swaps.")]
    >>> [s.article_ids for s in cluster_stream(rows, window_days=7)]
    [('a', 'b'), ('c',)]
    """
    clusters = _Clusters(threshold=threshold)
    span = window_days or None
    block: list[_Entry] = []
    previous: list[_Entry] = []
    undated: list[_Entry] = []
    current: int | None = None
    last_key = ("", "")
    for article_id, published, text in articles:
        entry = clusters.add(article_id, published, text)
        if entry.day is None:
            undated.append(entry)
            continue
        key = (published[:10] if published else "", article_id)
        if key < last_key:
            raise SitrepError(f"article {article_id!r} is out of date order: stream articles sorted by "
                              "publication day (then id), undated ones last")
        last_key = key
        number = entry.day // span if span else 0
        if current is not None and number != current:
            clusters.join_block(block, previous, span)
            previous = block if number == current + 1 else []
            block = []
        current = number
        block.append(entry)
    clusters.join_block(block, previous, span)
    clusters.join_block(undated, [], None)
    return clusters.stories()


@dataclass(slots=True)
class _Entry:
    """One article while its block is compared: shingles and MinHash, dropped with the block."""

    id: str
    day: int | None
    shingles: frozenset[str]
    minhash: MinHash | None


class _Clusters:
    """Union-find over article ids, fed block by block; keeps ids and agencies, not texts."""

    def __init__(self, *, threshold: float) -> None:
        self.threshold = threshold
        self.parent: dict[str, str] = {}
        self.agency: dict[str, str | None] = {}

    def add(self, article_id: str, published: str | None, text: str) -> _Entry:
        from datasketch import MinHash  # imported here: it pulls in scipy (1-2 s), which an ingest
        # that rebuilds nothing (a re-ingest of unchanged files) never needs

        if article_id in self.parent:
            raise SitrepError(f"duplicate article ids [{article_id!r}]: give each article one id before clustering")
        self.parent[article_id] = article_id
        self.agency[article_id] = wire_agency(text)
        sets = shingles(clean(text).text)
        mh = None
        if sets:  # a fixed seed keeps the result reproducible
            mh = MinHash(num_perm=NUM_PERM, seed=1)
            mh.update_batch([s.encode("utf-8") for s in sorted(sets)])
        return _Entry(article_id, _day(published), sets, mh)

    def find(self, x: str) -> str:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join_block(self, block: list[_Entry], previous: list[_Entry], span: int | None) -> None:
        """Join each article of `block` with its copies in `block` and `previous` (days within `span`).

        1. Candidates: every pair of a small block, else from MinHash LSH Ensemble, which indexes
           containment: querying with a trimmed copy finds the full text it came from, which plain
           Jaccard LSH misses when sizes differ a lot (containment of the smaller set is never below
           Jaccard, so it finds near-equal copies too). 2. The exact check of each candidate pair
           (and of the days between them); confirmed pairs are joined.
        """
        entries = sorted((e for e in (*previous, *block) if e.minhash is not None), key=lambda e: e.id)
        queries = [e for e in sorted(block, key=lambda e: e.id) if e.minhash is not None]
        if not queries:
            return
        by_id = {e.id: e for e in entries}
        # a small block is compared pair by pair: cheaper than building an index
        index = None if len(queries) * len(entries) <= SMALL_BLOCK_PAIRS else self._index(entries)
        for entry in queries:
            assert entry.minhash is not None
            candidates = by_id if index is None else sorted(set(index.query(entry.minhash, len(entry.shingles))))
            for other_id in candidates:
                other = by_id[other_id]
                if other_id == entry.id or (span and abs((entry.day or 0) - (other.day or 0)) > span):
                    continue
                if similarity(entry.shingles, other.shingles) >= self.threshold:
                    ra, rb = self.find(entry.id), self.find(other_id)
                    if ra != rb:
                        self.parent[max(ra, rb)] = min(ra, rb)

    def _index(self, entries: list[_Entry]) -> MinHashLSHEnsemble:
        from datasketch import MinHashLSHEnsemble

        index = MinHashLSHEnsemble(threshold=LSH_THRESHOLD * self.threshold, num_perm=NUM_PERM, num_part=NUM_PART)
        index.index([(e.id, e.minhash, len(e.shingles)) for e in entries])
        return index

    def stories(self) -> list[Story]:
        """Connected groups, with the agency most members credit."""
        groups: dict[str, list[str]] = {}
        for article_id in sorted(self.parent):
            groups.setdefault(self.find(article_id), []).append(article_id)
        stories = []
        for members in groups.values():
            votes = Counter(a for m in members if (a := self.agency[m]) is not None)
            agency = min(votes, key=lambda name: (-votes[name], name)) if votes else None
            stories.append(Story(id=_stable_id("story", members[0]), article_ids=tuple(members), agency=agency))
        return sorted(stories, key=lambda s: s.article_ids[0])


def _day(published: str | None) -> int | None:
    """The publication day as a day number, or None when the date is missing or not ISO."""
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


def _stable_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"
