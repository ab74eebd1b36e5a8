"""Cue words of attribution in news English: which verbs, nouns and prepositions introduce what
someone said, believed or stated, and where their content sits. The words are tables in `sitrep/data/`
(`quote-cues.tsv`, `cue-prepositions.tsv`, `speech-verbs.tsv`), each row saying why its words are there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.words import cue_prepositions, speech_verbs, word_classes

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ATTITUDE", "ATTITUDE_ADJECTIVES", "BELIEF_OBJECT", "CLAUSE_ONLY", "CUE_NOUNS", "DOBJ_CONTENT",
    "DOCUMENT_HEADS", "EVIDENCE", "FINDINGS", "FRAME_ONLY", "NOT_SPEAKERS", "TO_ADDRESSEE", "INTENT", "OBJECT_CONTENT", "PREP_CONTENT", "REACTION", "SPEECH", "STANCE",
    "STATEMENT_NOUNS", "STATEMENT_VERBS", "VIEW", "WRITINGS", "XCOMP_CONTENT", "cue_lemma",
]

SPEECH = speech_verbs("cue")
"""Verbs that report speech, writing, findings ("a poll shows that"), a stated belief ("Trump
believes that"), a view ("critics view it as a giveaway") or a public stance taken in words
("attacked her opponent as a fraud", "offered no proof", "unveiled a proposal", "weighed in").
Beliefs and findings count only with a clause, views with their object and "as" (see
`cue_parse.reported_content`). Intentions are in `INTENT`; other actions ("pushed", "voted",
"released") are left out: PolNeAR marks only a few of them."""

_CLASSES = word_classes("quote-cues.tsv")
"""The word classes of `data/quote-cues.tsv`; its `why` column says what each means and why its words are there."""

INTENT = _CLASSES["intent"]
"""Verbs of intention and refusal, attributed like speech only with what is intended."""
STANCE = _CLASSES["stance"]
"""Verbs of a stance taken toward a person, a party or a measure (only with an object)."""
ATTITUDE = _CLASSES["attitude"]
"""Verbs of feeling toward something (only with an object or infinitive)."""
ATTITUDE_ADJECTIVES = _CLASSES["attitude_adjectives"]
"""Adjectives of belief, feeling or stance, as the complement of "be" or "seem"."""
CLAUSE_ONLY = _CLASSES["clause_only"]
"""Cues that attribute only a clause: "the study found that ..." yes, "found the keys" no."""
BELIEF_OBJECT = _CLASSES["belief_object"]
"""Verbs of belief and knowledge whose object is what is believed."""
VIEW = _CLASSES["view"]
"""Cues that attribute a judgement as object and "as"."""
FRAME_ONLY = _CLASSES["frame_only"]
"""Verbs that report speech only when they frame a quotation."""
OBJECT_CONTENT = _CLASSES["object_content"]
"""Cues that judge someone or something: the object and what it was judged as or for."""
EVIDENCE = _CLASSES["evidence"]
"""Subjects that report findings: "polls show a close contest"."""
CUE_NOUNS = _CLASSES["cue_nouns"]
"""Nouns that carry an attribution with a possessor and a that-clause or an infinitive."""
XCOMP_CONTENT = _CLASSES["xcomp_content"]
"""Cues whose content may be an infinitive ("vowed to retaliate")."""
DOBJ_CONTENT = _CLASSES["dobj_content"]
"""Cues whose direct object is what was said ("confirmed the deal")."""
DOCUMENT_HEADS = _CLASSES["document_heads"]
"""Nouns that name a source already quoted ("the statement", "the spokesman")."""
NOT_SPEAKERS = _CLASSES["not_speakers"]
"""Page furniture heading a "Word: text" paragraph ("UPDATE:", "Photo:")."""
FINDINGS = _CLASSES["findings"]
"""Polls, studies and estimates a claim is credited to."""
TO_ADDRESSEE = _CLASSES["to_addressee"]
"""Verbs whose "to" phrase is who heard it."""
PREP_CONTENT = cue_prepositions()
"""Cues whose content hangs on a preposition ("warned of the risk"), from `data/cue-prepositions.tsv`."""
REACTION = _CLASSES["reaction"]
"""Verbs of a feeling shown in reaction to something, only with what it reacts to."""
STATEMENT_NOUNS = _CLASSES["statement_nouns"]
"""Nouns of a written or issued statement."""
WRITINGS = _CLASSES["writings"]
"""Writings that, besides `STATEMENT_NOUNS`, can be the source of a passive report."""
STATEMENT_VERBS = _CLASSES["statement_verbs"]
""""X issued a statement “...”": a quote beside these takes X as its speaker."""


_SPEECH_OR_INTENT = SPEECH | INTENT


def cue_lemma(tok: Token) -> str:
    """The token's lemma, lower-cased, as a cue: the idiom "put it" ("as the memo put it") reads as
    "say", and the small model's clipped lemmas are repaired: "hoped" and "hopes" come out as "hop",
    so a lemma that is not a cue but whose word starts with lemma + "e" (a cue) is read as that cue."""
    lemma = tok.lemma_.lower()
    if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
        return "say"  # "as a Homeland Security memo put it, ..."
    if lemma not in SPEECH and lemma + "e" in _SPEECH_OR_INTENT and tok.lower_.startswith(lemma + "e"):
        return lemma + "e"
    return lemma
