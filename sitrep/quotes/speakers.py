"""Quotes: who said what, with the speaker's span, the cue and the resolved actor.

A situation report is half "who said what". This stage finds three kinds of attribution in a parsed
article and keeps character offsets into ``doc.text`` for every part, so a quote is always evidence:

- direct quotes between quote marks (straight, curly, guillemets, single curly marks around a phrase),
  split quotes ("“A,” he said, “B.”") and quotes running over several sentences;
- indirect speech governed by a cue verb ("Japan warned of ...", "Putin declared that ...");
- attributions to an agency or a document ("KCNA stressed", "the statement added", "according to ...").

Speakers are the cue verb's subject (or the passive agent, or the object of "according to"), taken
with their whole noun phrase as a reader would underline it ("the new Japanese Foreign Minister, Yoko
Kamikawa"). Pronouns, "the same source" and documents ("the statement") are resolved to the previous
speaker, because news prose names a speaker once and then refers back to it. Actors come from the
mentions another stage found (``sitrep.actors.find_mentions``); this module only attaches them.

Stage modules: `sitrep.quote_marks` pairs quote marks, `sitrep.attributions` reads cues, speakers and
contents from the parse (with `sitrep.cue_parse` for the phrases around one cue); this module resolves
speakers and builds the `Quote` records.

>>> doc = nlp()("“We watch with concern,” said the minister.")   # doctest: +SKIP
>>> [(q.text, q.speaker_text, q.cue) for q in find_quotes(doc)]  # doctest: +SKIP
[('We watch with concern', 'the minister', 'said')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Actor, ActorMention, Quote
from ..text import doc_text, sentence_chars
from .attributions import RELATIVE_PRONOUNS, Attribution, find_attributions
from .cues import DOCUMENT_HEADS, STATEMENT_NOUNS
from .marks import QuoteSpan, find_quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Quote", "QuoteSpan", "find_quotes", "find_quote_spans"]

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us",
                       "his", "their", "its", "our", "my", "your"})
"""Speaker pronouns resolved to the previous speaker ("he noted")."""


def find_quotes(doc: Doc, mentions: Sequence[ActorMention] = ()) -> list[Quote]:
    """Every quote in a parsed article, in text order, with its speaker resolved where possible.

    Stages:
      1. quote-mark spans (direct quotes, including unclosed multi-paragraph ones);
      2. attributions from cue verbs and "according to" in the parse, extended over the quote spans
         they touch; quote spans with no cue of their own take the cue of their sentence or, when
         they read as a full utterance, the previous speaker;
      3. speaker resolution: the mention on the speaker span, else the previous speaker for
         pronouns, relative pronouns, "the same source" and documents.

    ``mentions`` are actor mentions (objects with ``start``, ``end`` and ``actor``); without them
    ``speaker`` stays None but every span is still found.
    """
    text = doc_text(doc)
    # 1.
    spans = find_quote_spans(text)
    # 2.
    found = find_attributions(doc, spans)
    # 3.
    quotes: list[Quote] = []
    previous: Actor | None = None
    issuer: Actor | None = None  # who last issued a statement: what "the statement" points back to
    for att in found:
        actor, how = _resolve(doc, att, mentions, previous, issuer)
        if att.speaker is None and att.inherit:
            how = "previous" if previous is not None else None
            actor = previous
        if actor is not None:
            previous = actor
            if att.statement:
                issuer = actor
        quotes.append(_to_quote(doc, att, actor, how))
    return quotes


def _resolve(
    doc: Doc, att: Attribution, mentions: Sequence[ActorMention], previous: Actor | None, issuer: Actor | None
) -> tuple[Actor | None, str | None]:
    """The actor for an attribution's speaker span, and how it was found."""
    if att.speaker is None:
        return None, None
    s_start, s_end, head_i = att.speaker
    words = doc_text(doc)[s_start:s_end].lower().split()
    mention = _attached_mention(doc, s_start, s_end, head_i, mentions)
    if len(words) == 1 and words[0] in _PRONOUNS:
        return _antecedent(doc, att, mentions) or previous, "pronoun"
    if len(words) == 1 and words[0] in RELATIVE_PRONOUNS:
        # "..., who said": the speaker is the noun the relative clause hangs on.
        antecedent = doc[head_i].head
        if antecedent.i != head_i:
            mention = _attached_mention(doc, antecedent.left_edge.idx, antecedent.idx + len(antecedent),
                                        antecedent.i, mentions)
        return (mention.actor if mention is not None else None), "explicit"
    if mention is not None:
        return mention.actor, "explicit"
    head = doc[head_i]
    definite = words[0] in {"the", "this", "that", "its", "their"}
    if head.lemma_.lower() in STATEMENT_NOUNS and definite:
        return issuer or previous, "same-source"
    if "same" in words or (head.lemma_.lower() in DOCUMENT_HEADS and definite):
        return previous, "same-source"
    return None, "explicit"


def _antecedent(doc: Doc, att: Attribution, mentions: Sequence[ActorMention]) -> Actor | None:
    """A pronoun speaker's antecedent in its own sentence: the nearest earlier subject that names an
    actor ("Xi hosted Putin for a summit in which they claimed ..."), outside the quoted content."""
    if att.speaker is None or not mentions:
        return None
    pronoun = doc[att.speaker[2]]
    for tok in reversed(doc[pronoun.sent.start:pronoun.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or any(a <= tok.idx < b for a, b in att.parts):
            continue
        mention = _attached_mention(doc, tok.idx, tok.idx + len(tok), tok.i, mentions)
        if mention is not None:
            return mention.actor
    return None


def _attached_mention(
    doc: Doc, start: int, end: int, head_i: int, mentions: Sequence[ActorMention]
) -> ActorMention | None:
    """The mention that names the speaker: the one on the head word, else on the head's modifiers
    ("South Korean government representatives"), else on an apposition ("Kim, the minister")."""
    inside = [m for m in mentions if m.start < end and m.end > start]
    if not inside:
        return None
    head = doc[head_i]
    candidates = [head]
    candidates += [c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    for acl in (c for c in head.children if c.dep_ == "acl"):
        candidates += [g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    for appos in (c for c in head.children if c.dep_ == "appos"):
        candidates.append(appos)
        candidates += [c for c in appos.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    for tok in candidates:
        for m in inside:
            if m.start <= tok.idx and tok.idx + len(tok) <= m.end:
                return m
    return None


def _to_quote(doc: Doc, att: Attribution, actor: Actor | None, how: str | None) -> Quote:
    text = doc_text(doc)
    parts = att.parts
    start, end = parts[0][0], parts[-1][1]
    content = " ".join(text[a:b] for a, b in parts)
    cue_start = cue_end = None
    if att.cue is not None:
        cue_start, cue_end = att.cue
    s_start = s_end = None
    if att.speaker is not None:
        s_start, s_end = att.speaker[0], att.speaker[1]
    lo = min(x for x in (start, cue_start, s_start) if x is not None)
    hi = max(x for x in (end, cue_end, s_end) if x is not None)
    sent_start, sent_end = _sentence_bounds(doc, lo, hi)
    return Quote(
        start=start,
        end=end,
        text=content,
        kind=att.kind,
        cue=att.cue_text,
        cue_start=cue_start,
        cue_end=cue_end,
        speaker_text=text[s_start:s_end] if s_start is not None else None,
        speaker_start=s_start,
        speaker_end=s_end,
        speaker=actor,
        speaker_how=how,
        sentence_start=sent_start,
        sentence_end=sent_end,
        parts=tuple(parts) if len(parts) > 1 else (),
    )


def _sentence_bounds(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """The start of the sentence holding ``lo`` and the end of the one holding ``hi - 1``."""
    start, end = lo, hi
    for sent_start, sent_end in sentence_chars(doc):
        if sent_start <= lo < sent_end:
            start = sent_start
        if sent_start < hi <= sent_end:
            end = sent_end
    return start, end
