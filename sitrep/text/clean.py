"""Clean raw article text: blank out outlet debris, keep captions apart, never move an offset.

Debris (outlet mastheads and slogans, repeated titles, photo credits, "Source: TSF", "(With information
from EFE)", translation leftovers) is replaced by spaces of the same length, so the cleaned text has
exactly the raw text's character offsets: every span sitrep stores points into the raw article.
Captions are blanked in the body too and returned apart (kind ``caption``): a caption may date or place
an event ("... in Pyongyang, Wednesday, June 19, 2024") but describes a photo, not a reported event, so
the coder must not read it as one.

Every rule below is written for news in general, not for one outlet; a rule that cannot say why a
stretch is debris leaves it alone (a stray "Use in Ukraine." fragment stays, because a general rule
cannot tell it from a short sentence of content).

>>> raw = "Daily Wire Post\\nTalks resume\\nTalks resume in Geneva on Monday after a long pause.\\nSource: TSF"
>>> c = clean(raw)
>>> [r.text for r in c.removed]
['Daily Wire Post', 'Source: TSF']
>>> len(c.text) == len(raw)
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PHOTO_AGENCIES", "Cleaned", "Removal", "clean"]


@dataclass(frozen=True, slots=True)
class Removal:
    """A stretch of raw text taken out of the body, and why (``debris`` or ``caption``)."""

    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The body text (same length as the raw text) and what was removed from it, in text order."""

    text: str
    removed: tuple[Removal, ...]

    @property
    def captions(self) -> tuple[Removal, ...]:
        """Photo captions: not events, but their dates and places can support an event's."""
        return tuple(r for r in self.removed if r.kind == "caption")


PHOTO_AGENCIES = (
    "EFE", "EPA", "AP", "AFP", "Reuters", "Getty Images", "Getty", "Sputnik", "Xinhua", "Yonhap",
    "KCNA", "KCNA via KNS", "ANSA", "dpa", "Kyodo", "TASS", "Anadolu", "Lusa", "Europa Press",
    "Shutterstock", "Alamy", "Bloomberg", "Pool", "File",
)
"""Agencies whose names open a slash-joined photo credit ("EFE/EPA/Kev Hui Yeung", "REUTERS/Kim Hong-Ji")."""

_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(PHOTO_AGENCIES, key=len, reverse=True))

# A slash-joined credit closing a line: agency, then 1-5 "/name" parts.
# Each part after the agency is a capitalised name ("Kev Hui Yeung", "Kremlin Pool"), so "the AP/Ipsos
# poll found." (lower-case words, closing period) is not a credit.
_NAME = r"[A-Z][\w’'.&-]*(?:[ \t]+(?:[A-Z][\w’'.&-]*|de|da|van|von|al|bin))*"
_SLASH_CREDIT = re.compile(
    rf"(?:(?<=^)|(?<=[\s.]))(?i:(?:Photo|Foto|Image|Credit)\s*:\s*)?(?i:{_AGENCY_ALT})"
    rf"(?:[ \t]*/[ \t]*{_NAME}){{1,5}}[ \t]*$"
)
# A handout credit closing a line: "KCNA via REUTERS", "Yonhap via AP".
_VIA_CREDIT = re.compile(rf"(?:(?<=^)|(?<=[\s.]))(?i:{_AGENCY_ALT})[ \t]+via[ \t]+(?i:{_AGENCY_ALT})[ \t]*$")
# A parenthesised credit closing a line: "(AP Photo/Ahn Young-joon)", "(... photo via AP)".
_PAREN_CREDIT = re.compile(
    rf"\((?:[^()\n]{{0,120}}\b(?:photo|foto|image|picture)s?\b[^()\n]{{0,80}}"
    rf"|[^()\n]{{0,120}}\bvia (?:{_AGENCY_ALT}))\)\s*$",
    re.IGNORECASE,
)
# A labelled credit closing a line: "Photo: Reuters", "Photo by Jane Doe/AFP".
_LABEL_CREDIT = re.compile(r"(?:(?<=^)|(?<=[\s.]))(?:Photo|Image|Credit|Foto)s?\s*(?::|by)\s*[^.\n]{2,60}$")
_CREDITS = ((_PAREN_CREDIT, (")",)), (_SLASH_CREDIT, ("/",)), (_VIA_CREDIT, ("via",)),
            (_LABEL_CREDIT, ("Photo", "Image", "Credit", "Foto")))
"""Each credit pattern, tried in this order, with the words one of which every match holds (most
lines hold none, and the patterns are tried at every position of a line's tail)."""
_CREDIT_TAIL = 240  # longest credit looked for, in characters from the end of a line
_MAX_CAPTION = 400  # longer lines are paragraphs; only their credit is removed

_SOURCE_LINE = re.compile(r"^\s*(?:Source|Sources|Fonte|Fuente|Quelle)\s*:\s*\S.{0,60}$", re.IGNORECASE)
# Web furniture lines. Each prefix needs what makes it furniture (a colon after "Read more", a year
# after "Copyright"), so "Advertisement spending rose 5%." is still content.
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:(?:Read more|Read also|Also read|See also|Related(?: articles?| stories| news)?)\s*[:»>|–-].{0,160}"
    r"|Advertisement|Share this(?: article| story)?|Share on \w+"
    r"|(?:Follow us on|Subscribe to|Sign up for|Click here|Download our app)\b.{0,100}"
    r"|(?:©|\(c\)|Copyright\s*(?:©|\(c\)|\d{4})).{0,100}|All rights reserved\.?)\s*$",
    re.IGNORECASE,
)
# Wire attributions in parentheses, often glued to the next text: "(With information from EFE)".
_ATTRIBUTION = re.compile(
    r"\((?:with (?:information|reporting|input|files|agencies|wires)(?: from [^()\n]{1,80})?"
    r"|(?:additional )?reporting by [^()\n]{1,160}|(?:writing|editing) by [^()\n]{1,160})\)",
    re.IGNORECASE,
)
# Machine-translation leftovers closing a paragraph: a 1-4 capitalised-word fragment ended by a doubled
# period ("... according to the agency. Yonhap News. ."). The doubled period is the signal: content
# never ends that way.
_DOUBLE_PERIOD_TAIL = re.compile(r"(?<=[.!?”\"])[ \t]+((?:[A-Z][\w’'&-]*[ \t]+){0,3}[A-Z][\w’'&-]*[ \t]*\.[ \t]*\.)[ \t]*$")
_STRAY_PERIOD_TAIL = re.compile(r"(?<=[.!?”\"])([ \t]+\.)[ \t]*$")

_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s*$")
_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "at", "a", "an", "de", "la", "du", "&", "to", "y", "e"}
_MASTHEAD_MAX_WORDS = 6


def clean(text: str) -> Cleaned:
    """Blank the debris out of `text`; offsets into the result equal offsets into `text`.

    Stages: 1. mastheads and repeated titles above the first body sentence; 2. line rules anywhere
    (source lines, web boilerplate, repeated titles, captions with their credits); 3. inline rules
    (wire attributions, translation leftovers). Cleaning is idempotent: cleaning a cleaned text removes
    nothing new.
    """
    lines = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    found = _Found(text)
    # 1. The top block: mastheads and slogans before the headline, and repeats of the headline.
    top = _top_block(lines)
    seen = _top_rules(top, found)
    # 2. Line rules anywhere in the text.
    _line_rules(lines, top, seen, found)
    # 3. Inline rules inside the lines that are left.
    _inline_rules(lines, found)

    removed = _without_overlaps(found.removed)
    chars = list(text)
    for r in removed:
        chars[r.start : r.end] = " " * (r.end - r.start)
    return Cleaned(text="".join(chars), removed=tuple(removed))


_Line = tuple[int, int, str]
"""(start, end, text) of one line of the article."""


class _Found:
    """The removals found so far in one text, and the starts of the lines removed whole."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.removed: list[Removal] = []
        self.whole_lines: set[int] = set()

    def take(self, start: int, end: int, kind: str) -> None:
        # Trim blanks so a removal covers exactly the debris, not its surrounding whitespace.
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            self.removed.append(Removal(start, end, kind, text[start:end]))

    def take_line(self, start: int, end: int, kind: str) -> None:
        self.take(start, end, kind)
        self.whole_lines.add(start)


def _top_rules(top: list[_Line], found: _Found) -> set[str]:
    """Mastheads and repeats of the headline in the top block; returns the top lines seen."""
    headline = _headline(top)
    seen_top: set[str] = set()
    for start, end, line in top:
        key = line.strip()
        if not key or _caption_split(line) is not None:
            continue
        if key in seen_top or (key != headline and _is_masthead(key)):
            found.take_line(start, end, "debris")
        seen_top.add(key)
    return seen_top


def _line_rules(lines: list[_Line], top: list[_Line], seen_top: set[str], found: _Found) -> None:
    """Source lines, boilerplate, titles repeated below the top, and captions with their credits."""
    seen: set[str] = set(seen_top)
    for start, end, line in lines:
        if start in found.whole_lines:
            continue
        key = line.strip()
        if not key:
            continue
        if _SOURCE_LINE.match(line) or _BOILERPLATE_LINE.match(line):
            found.take_line(start, end, "debris")
        elif key in seen and len(key) > 20 and not any(s <= start < e for s, e, _ in top):
            found.take_line(start, end, "debris")  # a title or paragraph repeated further down
        elif (split := _caption_split(line)) is not None:
            credit_at = start + split
            if len(line) <= _MAX_CAPTION:
                found.take(start, credit_at, "caption")
            found.take(credit_at, end, "debris")
            found.whole_lines.add(start)
        seen.add(key)


def _inline_rules(lines: list[_Line], found: _Found) -> None:
    """Wire attributions and stray tails inside the lines no line rule removed."""
    m: re.Match[str] | None
    for start, _end, line in lines:
        if start in found.whole_lines:
            continue
        for m in _ATTRIBUTION.finditer(line):
            found.take(start + m.start(), start + m.end(), "debris")
        for pattern in (_DOUBLE_PERIOD_TAIL, _STRAY_PERIOD_TAIL):
            if m := pattern.search(line):
                found.take(start + m.start(1), start + m.end(1), "debris")
                break


def _top_block(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Lines before the first body sentence (a line of 8+ words ending in sentence punctuation)."""
    block = []
    for item in lines:
        line = item[2].strip()
        if len(line.split()) >= 8 and _SENTENCE_END.search(line) and _caption_split(item[2]) is None:
            break
        block.append(item)
    if len(block) == len(lines):  # no body sentence at all: too odd to judge the top
        return []
    return block


def _headline(top: list[tuple[int, int, str]]) -> str | None:
    """The last distinct non-caption line above the body: the headline, kept even when title-cased."""
    for _, _, line in reversed(top):
        key = line.strip()
        if key and _caption_split(line) is None:
            return key
    return None


def _is_masthead(line: str) -> bool:
    """A short title-case line without sentence punctuation: an outlet name or slogan, not a headline.

    Only asked of lines above the headline, where a news page puts its masthead and slogan.
    """
    words = line.split()
    if not 1 <= len(words) <= _MASTHEAD_MAX_WORDS or re.search(r"[.!?;,:\"“”]", line):
        return False
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def _caption_split(line: str) -> int | None:
    """Offset in `line` where its closing photo credit starts, or None when it has no credit."""
    tail = max(0, len(line.rstrip()) - _CREDIT_TAIL)  # credits close a line: skip scanning long paragraphs
    end = line[tail:]
    for pattern, needs in _CREDITS:
        if any(word in end for word in needs) and (m := pattern.search(line, tail)):
            return m.start()
    return None


def _without_overlaps(removals: list[Removal]) -> list[Removal]:
    """Sort by position and drop a removal that overlaps an earlier one (the first rule wins)."""
    kept: list[Removal] = []
    for r in sorted(removals, key=lambda r: (r.start, -r.end)):
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept
