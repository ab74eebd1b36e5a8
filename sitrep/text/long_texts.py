"""Texts longer than spaCy's `max_length` (1,000,000 characters), parsed in parts that keep offsets.

spaCy refuses longer texts (error E088) because its parser's memory grows with the text. A long text
is cut at paragraph breaks (a blank line, else a line break, else a space) into parts under the limit;
each part is parsed on its own and the parts are joined with `Doc.from_docs`, which concatenates their
texts exactly, so the joined Doc's text is the raw text and every character offset stays valid. Only a
sentence that runs across a cut would be split, and cuts fall where paragraphs end.

>>> split_points("aaa\\n\\nbbb\\n\\nccc", limit=6)
[5, 10]
"""

from __future__ import annotations

from itertools import pairwise

__all__ = ["PART", "split_points", "parse_long"]

PART = 100_000
"""Longest part parsed at once: the parser's memory grows with the text (a part near the 1,000,000
limit took 3.5 GB here), so parts are kept well under the limit."""


def split_points(text: str, *, limit: int) -> list[int]:
    """Offsets at which to cut `text` so that no part is longer than `limit` characters."""
    cuts, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        for mark in ("\n\n", "\n", " "):
            cut = text.rfind(mark, start + 1, end)
            if cut > start:
                cut += len(mark)
                break
        else:
            cut = end  # one unbroken run of characters: cut it where it must be cut
        cuts.append(cut)
        start = cut
    return cuts


def parse_long(pipeline, text: str):  # -> spacy.tokens.Doc
    """Parse a text over the pipeline's `max_length` in parts, joined back into one Doc of the whole text."""
    from spacy.tokens import Doc

    bounds = [0, *split_points(text, limit=min(PART, pipeline.max_length)), len(text)]
    parts = [text[start:end] for start, end in pairwise(bounds)]
    doc = Doc.from_docs(list(pipeline.pipe(parts)), ensure_whitespace=False)
    if doc.text != text:  # from_docs concatenates exactly; anything else would move every offset
        from .errors import ModelError

        raise ModelError("the parts of a long text did not join back into the text; please report it")
    return doc
