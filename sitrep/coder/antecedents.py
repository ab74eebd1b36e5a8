"""Who a phrase that names no one stands for: "the two sides", "both countries", a "he" or "she".

News names the parties once and then writes "the two leaders agreed" or "He also called on ...". These
helpers find the actor mentions such a phrase repeats, from the mentions of the text before it
(`by_token`: token index -> actor mention); `arguments.py` asks them when a subject has no actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..tables.words import word_list
from .derived import Derived

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["coordinated_subject", "pair_antecedent", "previous_subject"]

_PAIR_WINDOW = 3  # sentences back that "the two sides" may look for the two it stands for
_CHAIN_DEPTH = 3  # earlier pronouns a "he"/"she" may follow back to its person


def pair_antecedent(noun: Token, by_token: dict) -> list:
    """The two actors "the two sides" stands for: the nearest earlier stretch of text (the sentence so
    far, then each sentence before) naming actors of exactly two countries, or of one country in exactly
    two sectors ("talks between Muslim rebels and the Philippine government ... both sides agreed");
    none when it names more."""
    people = noun.lower_ in word_list("pair-person")
    doc = noun.doc
    sentences = [s for s in doc.sents if s.start <= noun.i]
    for back, sent in enumerate(reversed(sentences[-(_PAIR_WINDOW + 1):])):
        end = noun.i if back == 0 else sent.end
        found: dict[str, dict] = {}
        for i in range(sent.start, end):
            mention = by_token.get(i)
            if mention is None or not mention.actor.country or (people and mention.actor.kind != "person"):
                continue
            found.setdefault(mention.actor.country, {}).setdefault(mention.actor.sector or "", mention)
        if len(found) == 2:
            return [next(iter(sectors.values())) for sectors in found.values()]
        if len(found) == 1:
            sectors = next(iter(found.values()))
            if len(sectors) == 2 and not people:
                return list(sectors.values())
        if len(found) > 2 or len(found) == 1 and len(next(iter(found.values()))) > 2:
            return []
    return []


def previous_subject(pronoun: Token, by_token: dict, quotes: Sequence = (), depth: int = 0) -> list:
    """ "Annan deplored the attack. He also called on Lebanon ...": a "he"/"she" that no reporting verb
    explains is the nearest person who was a subject earlier in its sentence or in the one before
    (news keeps its subject as the topic); none if another person was named in between. An earlier
    subject "he" carries its person on: the speaker the quote stage gave "..., he said", or that
    pronoun's own antecedent ("Camdessus said ... 'It is time,' he said. He warned ...")."""
    doc = pronoun.doc
    sentences = [s for s in doc.sents if s.start <= pronoun.i][-2:]
    for i in range(pronoun.i - 1, sentences[0].start - 1, -1):
        token = doc[i]
        if i not in by_token and token.lower_ == pronoun.lower_ and token.dep_ in ("nsubj", "nsubjpass"):
            return _same_pronoun(token, by_token, quotes, depth)
        mention = by_token.get(i)
        if mention is None or mention.actor.kind != "person":
            continue
        if not mention.actor.country:
            return []
        head = doc[mention.token_end - 1]
        if head.dep_ in ("nsubj", "nsubjpass") or any(doc[t].dep_ in ("nsubj", "nsubjpass")
                                                      for t in range(mention.token_start, mention.token_end)):
            return [mention]
        return []  # another person stands closer: "Annan met Blair. He said ..." is ambiguous
    return []


def _same_pronoun(token: Token, by_token: dict, quotes: Sequence, depth: int) -> list:
    """The person an earlier subject pronoun stood for: its quote's speaker, else its own antecedent."""
    for quote in quotes:
        speaker = getattr(quote, "speaker", None)
        if quote.speaker_start == token.idx and speaker is not None and speaker.kind == "person":
            return [Derived.of(quote)] if speaker.country else []
    if depth >= _CHAIN_DEPTH:
        return []
    return previous_subject(token, by_token, quotes, depth + 1)


def coordinated_subject(pronoun: Token, by_token: dict) -> list:
    """ "Germany and France criticised Russia. They urged Moscow to withdraw": a "they" no reporting
    verb explains is a subject of two or more coordinated actors, when that is the nearest subject
    (of a clause it is part of, else before it in its sentence, else the main subject of the sentence
    before) and no quote mark stands between. One actor there is the actor stage's (`actors.pronouns`)."""
    doc = pronoun.doc
    sent = pronoun.sent
    above = [c for a in pronoun.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
    candidates = above + [doc[i] for i in range(pronoun.i - 1, sent.start - 1, -1)
                          if doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i] not in above]
    if not candidates and sent.start > 0:
        previous = doc[sent.start - 1].sent
        candidates = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not candidates or any(ch in '"“”' for ch in doc.text[candidates[0].idx:pronoun.idx]):
        return []
    found = []
    for token in (candidates[0], *candidates[0].conjuncts):
        mention = by_token.get(token.i)
        if mention is None or not mention.actor.country or mention.actor.kind == "person":
            return []
        if mention not in found:
            found.append(mention)
    return found if len({m.actor.country for m in found}) > 1 else []
