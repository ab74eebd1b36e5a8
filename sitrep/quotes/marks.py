"""Quote marks: the spans of text between paired marks, the raw material of direct quotes.

Straight, curly, guillemet, typewriter (\'\'...\'\') and single curly marks are paired within a
paragraph; a quote still open at a paragraph's end runs to it (the convention for a quotation that goes
on into the next paragraph), and the usual typing slips are tolerated: a closing mark used as an
opening one, an opening mark never closed before the next one, straight and curly marks mixed in one
pair.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans"]

_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Text between a pair of quote marks: ``start``/``end`` exclude the marks, ``open``/``close``
    include them. ``closed`` is False for a quote left open at a paragraph's end, the news convention
    for a quotation that runs on into the next paragraph."""

    open: int
    start: int
    end: int
    close: int
    closed: bool = True


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quote-mark spans in text order, outermost only, never crossing a paragraph break.

    Straight double marks pair up in order within a paragraph; a single curly mark opens a quote
    only at a word's start and closes only where no letter follows, so apostrophes ("Korea’s",
    "don’t") are left alone.

    >>> text = "He said “yes” and ‘no’ but didn’t."
    >>> [text[s.start:s.end] for s in find_quote_spans(text)]
    ['yes', 'no']
    """
    spans: list[QuoteSpan] = []
    offset = 0
    for paragraph in text.split("\n"):
        spans.extend(_paragraph_spans(paragraph, offset))
        offset += len(paragraph) + 1
    return spans


def _paragraph_spans(par: str, offset: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened: int | None = None
    inner = 0  # where the quoted text starts (after a one- or two-character mark)
    mark = ""
    i = 0
    while i < len(par):
        ch = par[i]
        pair = par[i:i + 2]
        width = 2 if pair in ("''", "``") else 1  # typewriter-style marks (''...'' and ``...'')
        if opened is None:
            # a closing mark that opens a word (”Fear ...) is a mistyped opening mark
            misfit = ch in _CLOSE_DOUBLE and i + 1 < len(par) and par[i + 1].isalpha() and (
                i == 0 or not par[i - 1].isalnum())
            if width == 2 or ch in _OPEN_DOUBLE or ch == '"' or misfit:
                opened, inner, mark = i, i + width, (pair if width == 2 else "“" if misfit else ch)
            elif ch == "‘" and (i == 0 or not par[i - 1].isalnum()):
                opened, inner, mark = i, i + 1, ch
            i += width
            continue
        if ch == "“" and mark in _OPEN_DOUBLE and (i == 0 or par[i - 1].isspace()):
            # an opening mark inside an open quote: the quote before it was never closed
            end = len(par[:i].rstrip())
            if par[inner:end].strip():
                spans.append(QuoteSpan(offset + opened, offset + inner, offset + end, offset + end, False))
            opened, inner, mark = i, i + 1, ch
            i += 1
            continue
        closes = (
            (mark in ('"', "''", "``") and (ch == '"' or pair == "''"))
            or (mark in _OPEN_DOUBLE and ch in _CLOSE_DOUBLE)
            or (mark == "“" and ch == '"')
            or (mark == '"' and ch == "”")  # mixed typing: a straight mark closed by a curly one
            or (mark == "‘" and ch == "’" and (i + 1 == len(par) or not par[i + 1].isalpha()))
        )
        if closes:
            width = 2 if pair == "''" and mark != "‘" else 1
            if par[inner:i].strip():
                spans.append(QuoteSpan(offset + opened, offset + inner, offset + i, offset + i + width))
            opened = None
        i += width
    if opened is not None and mark != "‘":
        end = len(par.rstrip())
        if par[inner:end].strip():
            spans.append(QuoteSpan(offset + opened, offset + inner, offset + end, offset + end, False))
    return spans
