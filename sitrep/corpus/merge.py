"""Events: one real event is one event with N mentions, however many articles and copies report it.

`merge_events` groups coded mentions (`MentionRow`, one per event occurrence in one article) into
events: same source and target country, compatible sectors, the same CAMEO root (or, for a headline,
its QuadClass), compatible dates and places; a copy that read a moved sentence differently is folded
into its twins' event. `explain_merge` says why a group is one event, and `event_counts` how widely it
was reported. Story ids come from `sitrep.stories.cluster_articles`: copies of one text may differ a
little more (a place, a day) than independent reports of one happening.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..coder import DEFINITE_NOUN
from ..errors import SitrepError
from ..tables.cameo import quad_class_for_root

__all__ = [
    "COPY_DATE_SLACK_DAYS",
    "PUBLICATION_WINDOW_DAYS",
    "TWIN_SIMILARITY",
    "EventCounts",
    "MentionRow",
    "UnknownEventError",
    "event_counts",
    "explain_merge",
    "merge_events",
]


class UnknownEventError(SitrepError, KeyError):
    """`explain_merge` was asked about an event id that no mention maps to; pass the rows it came from."""


_SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "LAB", "REF",
    "HLH", "ELI", "AGR", "LEG", "REL", "UAF", "MOD", "RAD", "DEV", "ENV", "HRI", "INS", "SEP", "IGO",
    "NGO", "MNC", "IMG", "PPL", "ELC", "TOP", "MID", "LOW", "BOT", "NGM",
}
_ORGANISATION_PREFIXES = ("IGO", "NGO", "MNC", "IMG")
_PRECISION_RANK = {"day": 0, "publication": 1, "week": 2, "month": 3, "year": 4}
PUBLICATION_WINDOW_DAYS = 7
"""A mention dated only by its article's publication ("publication" precision: the sentence names no
date) happened on or up to this many days before publication. The window is used only between mentions
of one article or story, where a copy that dropped "on Monday" or came out a day later must still meet
the dated original; across independent stories a publication date must agree to the day."""

COPY_DATE_SLACK_DAYS = 1
"""Copies of one text (same story, different articles) may date one happening a day apart: a relative
date ("on Wednesday", "yesterday") read against another publication day, or against another sentence
after a paragraph was dropped or moved. Mentions in one article, or in independent stories, get none."""


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One coded event occurrence in one article, as the coder produced it.

    Actor codes are CAMEO-style: a 3-letter country followed by role codes ("JPNGOV", "PRK", "RUSMIL");
    an organisation code ("IGOUNO") is kept whole; a bare sector ("GOV") has no country. `date` is ISO at
    its precision: "2023-09-13" (day or publication), "2024-W25" (ISO week), "2024-05" (month), "2019"
    (year), or None. `headline` marks a mention coded from the article's headline, which restates the
    lead in headlinese and may code to another root of the same QuadClass ("reject" for "condemned").
    `evidence` is the sentence the mention was coded from (used to find its twins in other copies).
    `pattern` is how the coder found it (a definite event noun's, "definite noun visit -> 042", may
    be a further mention of an event its article reported before: `further_mentions`), and
    `sentence_start` where its sentence begins in the article (which of two mentions came first).
    """

    mention_id: str
    article_id: str
    story_id: str | None
    outlet: str | None
    source: str | None
    target: str | None
    root: str
    code: str
    date: str | None
    date_precision: str | None
    place: str | None
    confidence: float
    headline: bool = False
    evidence: str | None = None
    pattern: str | None = None
    sentence_start: int | None = None


@dataclass(frozen=True, slots=True)
class EventCounts:
    """How widely one event was reported: the numbers the store keeps per event.

    `stories` counts independent texts (syndicated copies count once), which is what "N sources"
    should mean; `outlets` counts publishers, copies included.
    """

    mentions: int
    articles: int
    outlets: int
    stories: int


def _actor(code: str | None) -> tuple[str | None, str | None]:
    """(country or organisation, sector) of an actor code: "JPNGOV" -> ("JPN", "GOV")."""
    if not code:
        return None, None
    code = code.strip().upper()
    if code.startswith(_ORGANISATION_PREFIXES):
        return code, None
    if code[:3] in _SECTORS:
        return None, code[:3]
    return code[:3], (code[3:6] or None)


def _precision(row: MentionRow) -> str | None:
    if row.date is None:
        return None
    if row.date_precision in _PRECISION_RANK:
        return row.date_precision
    if _WEEK.match(row.date):
        return "week"
    return {10: "day", 7: "month", 4: "year"}.get(len(row.date))


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _span(date: str, precision: str | None) -> tuple[_dt.date, _dt.date] | None:
    """First and last calendar day a date at its precision covers, or None when it does not parse."""
    try:
        if m := _WEEK.match(date):
            first = _dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return first, first + _dt.timedelta(days=6)
        if len(date) >= 10:
            day = _dt.date.fromisoformat(date[:10])
            if precision == "publication":
                return day - _dt.timedelta(days=PUBLICATION_WINDOW_DAYS), day
            return day, day
        if len(date) == 7:
            first = _dt.date(int(date[:4]), int(date[5:7]), 1)
            following = _dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - _dt.timedelta(days=1)
        if len(date) == 4:
            return _dt.date(int(date), 1, 1), _dt.date(int(date), 12, 31)
    except ValueError:
        return None
    return None


def _dates_agree(a: MentionRow, b: MentionRow, *, linked: bool, slack: int = 0) -> bool:
    """Whether two dated mentions can be one event: the calendar days their dates cover overlap.

    For calendar-aligned precisions this is "same day, or the less precise date contains the other"
    ("2023-09" contains "2023-09-13"); an ISO week meets the days and months it overlaps. A
    publication-dated mention covers the `PUBLICATION_WINDOW_DAYS` before its article only when the
    two are `linked` (same article or story); otherwise it stands for its day. `slack` widens both by
    that many days (see `COPY_DATE_SLACK_DAYS`). Unparseable dates fall back to prefix containment.
    """
    assert a.date is not None and b.date is not None
    pa_, pb = _precision(a), _precision(b)
    if not linked:
        pa_ = "day" if pa_ == "publication" else pa_
        pb = "day" if pb == "publication" else pb
    sa, sb = _span(a.date, pa_), _span(b.date, pb)
    if sa is None or sb is None:
        return a.date.startswith(b.date) or b.date.startswith(a.date)
    pad = _dt.timedelta(days=slack)
    return sa[0] - pad <= sb[1] and sb[0] - pad <= sa[1]


def _place(row: MentionRow) -> str | None:
    return row.place.strip().casefold() if row.place and row.place.strip() else None


def _copies(row: MentionRow, member: MentionRow) -> bool:
    """Two articles that are copies of one text (same story, different articles)."""
    return row.article_id != member.article_id and row.story_id is not None and row.story_id == member.story_id


def _compatible(row: MentionRow, member: MentionRow) -> bool:
    """Pairwise test that `row` and `member` can be one event (same countries, root or QuadClass).

    Places must agree unless the two come from different copies of one text: a copy that paraphrased
    the place ("the North Korean capital" for "Pyongyang") or lost the sentence that named it still
    reports the same happening, and a place conflict between copies is the coder's, not the world's.
    For the same reason dates of copies may differ by `COPY_DATE_SLACK_DAYS`.
    """
    for a, b in ((row.source, member.source), (row.target, member.target)):
        sa, sb = _actor(a)[1], _actor(b)[1]
        if sa and sb and sa != sb:
            return False
    pa_, pb = _place(row), _place(member)
    if pa_ and pb and pa_ != pb and not _copies(row, member):
        return False
    slack = COPY_DATE_SLACK_DAYS if _copies(row, member) else 0
    if row.date and member.date and not _dates_agree(row, member, linked=_linked(row, member), slack=slack):
        return False
    return True


def _linked(row: MentionRow, member: MentionRow) -> bool:
    return row.article_id == member.article_id or (row.story_id is not None and row.story_id == member.story_id)


def _places_agree(row: MentionRow, members: Sequence[MentionRow]) -> bool:
    place = _place(row)
    return place is None or all(_place(m) in (None, place) for m in members)


def _quad(root: str) -> int | None:
    try:
        return quad_class_for_root(root.strip())
    except SitrepError:
        return None


def _event_id(members: Sequence[MentionRow]) -> str:
    """``"event-"`` + a hash of the smallest mention id: stable while that mention stays in the event."""
    key = min(m.mention_id for m in members)
    return f"event-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def _kinship(row: MentionRow, members: Sequence[MentionRow], *, same_root: bool) -> int:
    """How near an event that would take `row` is to `row`'s own text, nearest 0.

    0: its root, coded in its own article; 1: its root, coded in a copy of its story; 2: another root
    of its QuadClass in its own article (a headline restating its lead, rule 4); 3: its root, reported
    only by other stories. The story outranks another root in the article because copies of one text
    code its sentences alike: when a headline's own article lost (or read differently) the sentence the
    headline restates, the copies that kept it show which event that is.
    """
    if same_root and any(m.article_id == row.article_id for m in members):
        return 0
    if same_root and row.story_id is not None and any(m.story_id == row.story_id for m in members):
        return 1
    return 2 if any(m.article_id == row.article_id for m in members) else 3


def _sort_key(row: MentionRow) -> tuple[int, str, str]:
    precision = _precision(row)
    return (_PRECISION_RANK.get(precision, 5) if precision else 5, row.date or "", row.mention_id)


def merge_events(rows: Sequence[MentionRow]) -> dict[str, str]:
    """Map each mention id to an event id: mentions of one real event share it.

    Rule, in order (mentions are taken most precise date first, headlines last, so the result does not
    depend on input order):

    1. Block on (source country, target country, CAMEO root). Country-level codes, because one outlet
       writes "Japan" (JPN) and another "the Japanese government" (JPNGOV); roots strictly equal,
       because a family table would merge a statement (01) with an appeal (02).
    2. Within a block, a mention joins an event only if it is compatible with *every* mention already
       in it (complete link, so a vague "2023" mention cannot chain a March and a June event together):
       sectors equal or one unspecified; places equal or one unknown (or the two from different copies
       of one story); dates covering overlapping days (the same day, the less precise one containing
       the other, an ISO week meeting its days; a publication date stands for the week before it
       within one article or story, see `PUBLICATION_WINDOW_DAYS`; copies of one story may differ by
       `COPY_DATE_SLACK_DAYS`).
    3. An undated mention joins only an event that holds a mention from the same article or story (the
       headline and body of one text, or its syndicated copies); otherwise it stays its own event.
    4. A headline mention may also join an event of another root in the same QuadClass that holds a
       mention from its own article: a headline restates its lead ("Seoul and Tokyo reject the pact"
       over "... condemned the pact on Monday"), so it is one more mention of that event. An event of
       its own root that copies of its story report comes first (rule 6): a copy that dropped the lead
       the headline restates still carries that lead's event, not a neighbour's of another root.
    5. Twins: an event whose every mention is a copy of a sentence coded in a larger event (another
       copy of the story, the same root, one side's country in common) is that event read differently
       after the copy moved its paragraphs, and is folded into it (`_absorb_twins`).
    6. When several events would take a mention, the closest kin wins (`_kinship`: its root in its
       article, its root in its story, another root in its article, its root elsewhere), then the one
       sharing its date without slack, then its place, then the largest, then the earliest formed.
    7. Further mentions: a definite or possessive event noun that names again an event its article
       reported before ("his visit", "the talks") joins the event of that earlier mention, whatever
       its own date (`_further_mentions`).

    The event id is ``"event-"`` + a hash of the smallest mention id in the event.
    """
    ids = [r.mention_id for r in rows]
    if len(set(ids)) != len(ids):
        dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
        raise SitrepError(f"duplicate mention ids {dupes[:5]}: each coded mention needs its own id")
    further = _further_mentions(rows)
    blocks: dict[tuple[str | None, str | None, str], list[list[MentionRow]]] = {}
    order: list[list[MentionRow]] = []  # every event, in the order formed (the last tie-break)
    ordered = sorted((r for r in rows if r.mention_id not in further), key=lambda r: (r.headline, _sort_key(r)))
    for row in ordered:
        src, tgt, root = _actor(row.source)[0], _actor(row.target)[0], row.root.strip()
        pools = [(True, blocks.setdefault((src, tgt, root), []))]
        if row.headline and (quad := _quad(root)) is not None:
            pools += [(False, events) for (s, t, r), events in sorted(blocks.items(), key=lambda kv: str(kv[0]))
                      if (s, t) == (src, tgt) and r != root and _quad(r) == quad]
        candidates = [
            (same_root, members) for same_root, events in pools for members in events
            if (same_root or any(m.article_id == row.article_id for m in members))
            and all(_compatible(row, m) for m in members)
            and (row.date is not None or any(_linked(row, m) for m in members))
        ]
        if not candidates:
            event = [row]
            blocks[(src, tgt, root)].append(event)
            order.append(event)
            continue
        _, best = min(candidates, key=lambda c: (
            _kinship(row, c[1], same_root=c[0]),
            not all(_dates_agree(row, m, linked=_linked(row, m)) for m in c[1] if row.date and m.date),
            not _places_agree(row, c[1]),
            -len(c[1]),
            next(i for i, e in enumerate(order) if e is c[1]),
        ))
        best.append(row)

    home = {m.mention_id: event for event in order for m in event}
    for row in sorted((r for r in rows if r.mention_id in further), key=lambda r: r.mention_id):
        home[further[row.mention_id].mention_id].append(row)  # its earlier mention's event (rule 7)
    order = _absorb_twins(order)
    result: dict[str, str] = {}
    for members in order:
        event_id = _event_id(members)
        for m in members:
            result[m.mention_id] = event_id
    return result


def _refers_back(row: MentionRow) -> bool:
    """A mention coded from a definite or possessive event noun in the article's body."""
    return bool(row.pattern and row.pattern.startswith(DEFINITE_NOUN)) and row.sentence_start is not None \
        and not row.headline


def _further_mentions(rows: Sequence[MentionRow]) -> dict[str, MentionRow]:
    """Mention id -> the earlier mention of its own article whose event it names again.

    A definite or possessive event noun ("his visit", "the talks", "Millon's landmark visit") coded to
    the root and between the two countries of a mention earlier in its article is a further mention of
    that event, not a new one: without this it would take its own sentence's date, often a neighbour's
    ("Millon's landmark visit is one of the highest-level visits since ... June 4, 1989"), and stand
    apart as a second visit. The nearest earlier mention that is not itself such a noun is the one
    named. The host's side of such a noun (its reciprocal) names the earlier host's side, or, when the
    article coded the event one way only, that event. Sectors need not agree: one minister is read
    as his government in one sentence and as its military in the next ("Defence Minister Millon",
    "the French defence chief"), and the noun names the event, not a new actor. Decided within each
    article, so any set of rows holding whole articles gives the same folds, and a copy that lost the
    earlier sentence keeps the noun as a mention of its own, which merges with its twins as any other.
    """
    by_article: dict[str, list[MentionRow]] = {}
    for row in rows:
        by_article.setdefault(row.article_id, []).append(row)
    found: dict[str, MentionRow] = {}
    for members in by_article.values():
        anchors = [r for r in members if r.sentence_start is not None and not _refers_back(r)]
        for row in members:
            if _refers_back(row) and (anchor := _earlier_mention(row, anchors)) is not None:
                found[row.mention_id] = anchor
    return found


def _earlier_mention(row: MentionRow, anchors: Sequence[MentionRow]) -> MentionRow | None:
    """The nearest of `anchors` before `row` of its root between its two countries (for a reciprocal,
    then between them the other way round), or None."""
    src, tgt = _actor(row.source)[0], _actor(row.target)[0]
    if src is None or tgt is None or row.sentence_start is None:
        return None
    sides = [(src, tgt)]
    if row.pattern and row.pattern.endswith("(reciprocal)"):
        sides.append((tgt, src))
    for side in sides:
        earlier = [
            a for a in anchors
            if a.sentence_start is not None and a.sentence_start < row.sentence_start
            and a.root.strip() == row.root.strip() and (_actor(a.source)[0], _actor(a.target)[0]) == side
        ]
        if earlier:
            return min(earlier, key=lambda a: (-(a.sentence_start or 0), a.mention_id))
    return None


TWIN_SIMILARITY = 0.8
"""Two evidence sentences are one sentence in two copies when their token-sort similarity (rapidfuzz)
reaches this: a translator's word swaps keep copies above it, two sentences of one story on one dyad
stay well below."""


def _twins(a: MentionRow, b: MentionRow) -> bool:
    """`a` and `b` are one sentence of one text in two of its copies, coded to the same root."""
    from rapidfuzz import fuzz

    if not (a.evidence and b.evidence and _copies(a, b) and a.root.strip() == b.root.strip()):
        return False
    return fuzz.token_sort_ratio(a.evidence.casefold(), b.evidence.casefold()) >= 100 * TWIN_SIMILARITY


def _absorb_twins(events: list[list[MentionRow]]) -> list[list[MentionRow]]:
    """Fold an event into a larger one when each of its mentions is a copy of a sentence coded there.

    A copy whose paragraphs were moved or dropped can read one sentence differently from the other
    copies: a pronoun resolved against another paragraph ("he added" -> another speaker), a date taken
    from a new neighbour. Such a mention forms an event of its own that no copy but its own reports. When
    every mention of an event has a twin (`_twins`: same sentence, same root, another copy of the story)
    in a larger event that agrees with it on the source or the target country, and its own article did
    not code the same sentence into the larger event as well (one sentence coding both is two events:
    "called on North Korea and Russia"), and none of its mentions is one-sided (an unknown side is
    a partial reading, not a different one), the smaller event is the larger one read differently, and is
    folded into it (the twins with more shared sides, then the
    largest event, win). Events are visited smallest first, in a fixed order.
    """
    alive = {id(e) for e in events}
    # Only an event holding a twin of the small event's first mention can take it: one with a mention
    # of the same story and root (`_twins`). Indexing events by (story, root) keeps this linear in the
    # corpus; the winner does not depend on the order candidates are tried (its key ends with its
    # smallest mention id, which no other event shares).
    by_id = {id(e): e for e in events}
    holders: dict[tuple[str, str], set[int]] = {}
    for event in events:
        _index_twins(holders, event, event)
    for small in sorted(events, key=lambda e: (len(e), min(m.mention_id for m in e))):
        if any(m.source is None or m.target is None for m in small):
            continue  # a one-sided reading is not the same event read differently: it stays apart
        first = small[0]
        if not first.evidence or first.story_id is None:
            continue  # its first mention has no twin anywhere
        best, best_key = None, None
        small_articles = len({m.article_id for m in small})
        for big in (by_id[i] for i in holders.get((first.story_id, first.root.strip()), ()) if i in alive):
            if big is small or len({m.article_id for m in big}) <= small_articles:
                continue
            if any(b.article_id == m.article_id and b.evidence == m.evidence for m in small for b in big):
                continue  # its article coded this very sentence into the larger event too: two events
            shared = []
            for m in small:
                sides = [
                    (_actor(m.source)[0] == _actor(t.source)[0]) + (_actor(m.target)[0] == _actor(t.target)[0])
                    for t in big if _twins(m, t)
                ]
                if not sides or max(sides) == 0:
                    break
                shared.append(max(sides))
            else:
                key = (-min(shared), -len(big), min(t.mention_id for t in big))
                if best_key is None or key < best_key:
                    best, best_key = big, key
        if best is not None:
            best.extend(small)
            _index_twins(holders, best, small)
            alive.discard(id(small))
    return [e for e in events if id(e) in alive]


def _index_twins(holders: dict[tuple[str, str], set[int]], event: list[MentionRow], members: list[MentionRow]) -> None:
    """Record that `event` holds `members`' (story, root) pairs: where a twin of theirs can be found."""
    for t in members:
        if t.evidence and t.story_id is not None:
            holders.setdefault((t.story_id, t.root.strip()), set()).add(id(event))


def event_counts(rows: Sequence[MentionRow], event_ids: dict[str, str] | None = None) -> dict[str, EventCounts]:
    """Mentions, articles, outlets and stories per event id (merging `rows` if `event_ids` is not given)."""
    event_ids = merge_events(rows) if event_ids is None else event_ids
    grouped: dict[str, list[MentionRow]] = {}
    for row in rows:
        grouped.setdefault(event_ids[row.mention_id], []).append(row)
    return {
        event_id: EventCounts(
            mentions=len(members),
            articles=len({m.article_id for m in members}),
            outlets=len({m.outlet or m.article_id for m in members}),
            stories=len({m.story_id or m.article_id for m in members}),
        )
        for event_id, members in sorted(grouped.items())
    }


def explain_merge(rows: Sequence[MentionRow], event_id: str) -> list[str]:
    """Human-readable reasons why the mentions of `event_id` are one event, one line per reason.

    Recomputes the merge from `rows` (the same rows `merge_events` was given), so the explanation is
    the rule's own, never a stored guess.
    """
    event_ids = merge_events(rows)
    members = sorted((r for r in rows if event_ids[r.mention_id] == event_id), key=lambda r: (r.headline, _sort_key(r)))
    if not members:
        raise UnknownEventError(f"no mention maps to {event_id!r}: pass the rows the event was merged from")
    counts = event_counts(members, {m.mention_id: event_id for m in members})[event_id]
    lines = [
        (f"{counts.mentions} mention(s) in {counts.articles} article(s) from {counts.outlets} outlet(s) "
        f"and {counts.stories} independent story(ies)")
    ]
    for role, codes in (("source", [m.source for m in members]), ("target", [m.target for m in members])):
        country = _actor(codes[0])[0] or "unknown"
        sectors = sorted({s for c in codes if (s := _actor(c)[1])})
        sector_text = f"sector {sectors[0]}" if sectors else "no sector given"
        lines.append(f"same {role} {country} ({sector_text}; codes: {', '.join(sorted({c or '-' for c in codes}))})")
    cameo_codes = sorted({m.code for m in members})
    roots = sorted({m.root.strip() for m in members})
    if len(roots) == 1:
        lines.append(f"same CAMEO root {roots[0]} (codes: {', '.join(cameo_codes)})")
    else:
        lines.append(f"same QuadClass {_quad(roots[0])}: roots {', '.join(roots)} (codes: {', '.join(cameo_codes)})")
        for m in members:
            if m.headline and m.root.strip() != members[0].root.strip():
                lines.append(f"{m.mention_id} is a headline ({m.root}) and restates its article's event ({m.article_id})")
    dated = [m for m in members if m.date]
    if dated:
        anchor = dated[0]
        others = sorted({m.date for m in dated if m.date and m.date != anchor.date})
        text = f"dates agree: {anchor.date} ({_precision(anchor)})"
        if others:
            text += f"; less precise {', '.join(d for d in others if d)} contain(s) it"
        lines.append(text)
    further = _further_mentions(members)
    for m in members:
        if m.mention_id in further:
            lines.append(f"{m.mention_id} is a further mention ({m.pattern}) of {further[m.mention_id].mention_id}, "
                         f"earlier in {m.article_id}")
    undated = [m for m in members if not m.date]
    for m in undated:
        link = "the same article" if any(o.article_id == m.article_id for o in members if o is not m) else "the same story"
        lines.append(f"{m.mention_id} is undated and joins through {link} ({m.article_id})")
    places = sorted({m.place.strip() for m in members if m.place and m.place.strip()})
    unknown = sum(1 for m in members if not (m.place and m.place.strip()))
    if len(places) > 1:
        lines.append(f"places {', '.join(places)} differ only between copies of one story (a coding difference)")
    elif places:
        lines.append(f"place {places[0]}" + (f" ({unknown} mention(s) give no place)" if unknown else ""))
    else:
        lines.append("no mention gives a place")
    for m in members:
        lines.append(
            f"{m.mention_id}: article {m.article_id} ({m.outlet or 'unknown outlet'}, story {m.story_id or '-'}), "
            f"{m.source or '-'} -> {m.target or '-'} {m.code}, date {m.date or '-'}, confidence {m.confidence:.2f}"
        )
    return lines
