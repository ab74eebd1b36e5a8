"""Attributions in a parsed article: cue, speaker and content spans, before any actor is attached.

The second stage of `sitrep.quotes`: cue verbs ("said", "warned of", "pointed out"), cue nouns ("his
claim that ..."), "according to", statements ("issued a statement “...”"), credit lines
("“...” ― Ana Silva") and transcript turns ("WALLACE: ..."), each read from the dependency parse with
the quote-mark spans of `sitrep.quote_marks`. A quote span with no cue of its own takes the cue of its
sentence, or the previous speaker when it reads as a full utterance. Speaker resolution is left to
`quotes.py`.

Every rule is written for news English in general; the lexicons below say why each word is there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import doc_text
from .cue_parse import (
    before_comma,
    in_paragraph,
    loose_content,
    reported_content,
    speaker_phrase,
    speaker_token,
)
from .cues import (
    ATTITUDE,
    ATTITUDE_ADJECTIVES,
    CLAUSE_ONLY,
    CUE_NOUNS,
    FINDINGS,
    FRAME_ONLY,
    INTENT,
    NOT_SPEAKERS,
    PREP_CONTENT,
    REACTION,
    SPEECH,
    STANCE,
    STATEMENT_NOUNS,
    STATEMENT_VERBS,
    cue_lemma,
)
from .marks import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Attribution", "find_attributions", "RELATIVE_PRONOUNS"]

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis", "ROOT", "csubj"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution before speaker resolution (internal to this module, exported for tests)."""

    parts: tuple[tuple[int, int], ...]
    kind: str
    cue: tuple[int, int] | None
    cue_text: str | None
    speaker: tuple[int, int, int] | None  # start, end, index of the head token
    inherit: bool = False
    statement: bool = False  # issued as, or spoken by, a statement: "the statement" refers back here


@dataclass(slots=True)
class _Draft:
    """A cue being filled in (mutable while one article is processed, never stored)."""

    cue_tokens: list[Token]
    speaker_head: Token | None
    speaker_tokens: list[Token]
    content: list[Token]
    quote_spans: list[QuoteSpan]
    sent: Span


def find_attributions(doc: Doc, spans: Sequence[QuoteSpan]) -> list[Attribution]:
    """Attributions in text order: cues from the parse, then the quote spans no cue claimed."""
    text = doc_text(doc)
    drafts = [d for d in (_draft(tok) for tok in _cue_candidates(doc, text)) if d is not None]
    for d in drafts:
        _repair_speaker(doc, d, spans)
    claimed: set[int] = set()
    # quote spans that overlap a cue's content, or sit right beside its frame, belong to it
    for d in drafts:
        content_chars = _char_parts(text, d.content)
        frame = _frame(d)
        inside = [q for q in spans if q.open < d.cue_tokens[0].idx < q.close]
        for k, q in enumerate(spans):
            if q in inside:
                continue  # a quote never holds its own cue: a cue inside it is a nested report
            if any(a < q.close and q.open < b for a, b in content_chars) or (
                frame is not None and _beside(text, q, frame, d.sent)
            ):
                if k not in claimed or not d.quote_spans:
                    d.quote_spans.append(q)
                    claimed.add(k)
        if not d.content and not d.quote_spans:
            d.content = _block_after_colon(doc, d) or (
                loose_content(d.cue_tokens[0], d.cue_tokens) if d.speaker_head is not None else [])
    # quotes credited after a dash ("“...” ― Ana Silva") and transcript turns ("WALLACE: ...")
    extra: list[Attribution] = []
    for k, q in enumerate(spans):
        if k not in claimed and (credit := _dash_credit(doc, q)) is not None:
            claimed.add(k)
            extra.append(credit)
    extra += _transcript_turns(doc)
    # unclaimed utterance-like quotes: the cue of their sentence, else the previous speaker
    orphans: list[tuple[QuoteSpan, _Draft | None]] = []
    for k, q in enumerate(spans):
        if k in claimed or not _utterance_like(doc, q) or any(
                a.parts[0][0] <= q.start < a.parts[-1][1] for a in extra):
            continue
        hosts = [d for d in drafts if d.sent.start_char <= q.open < d.sent.end_char
                 and not any(s.open < d.cue_tokens[0].idx < s.close for s in spans)]
        host = next((d for d in hosts if d.speaker_head is not None), hosts[0] if hosts else None)
        orphans.append((q, host))
    result: list[Attribution] = list(extra)
    kept = [d for d in drafts if not _nested_or_hedge(d, spans)]
    reported = _reported_tokens(kept)
    for d in kept:
        if reported.get(d.cue_tokens[0].i, d) is not d and d.cue_tokens[0].pos_ in ("VERB", "ADJ"):
            continue
        if _suggestion(d):
            continue
        att = _finish(text, d)
        if att is not None:
            result.append(att)
    for q, host in orphans:
        if host is not None:
            att = _finish(text, _Draft(host.cue_tokens, host.speaker_head, host.speaker_tokens, [], [q], host.sent))
            if att is not None:
                result.append(att)
        elif result or any(True for _ in drafts):
            result.append(Attribution(((q.start, q.end),), "direct", None, None, None, inherit=True))
    result.sort(key=lambda a: (a.parts[0][0], a.cue or (0, 0)))
    return _dedupe(result)


_DASH_CREDIT = re.compile(r"[^\S\n]*(―|—|–|--?)[^\S\n]*(?=[A-Z@])")  # any space but a line break (often \xa0)


_FIRST_SECOND = frozenset("i we you me us one anybody anyone everybody everyone nobody".split())


def _repair_speaker(doc: Doc, d: _Draft, spans: Sequence[QuoteSpan]) -> None:
    """“...,” Flynn, a top Trump surrogate, said: when the parse gives the cue no subject, or one
    inside a quotation ("said on “Fox and Friends”"), the noun phrase between the closing mark and
    the cue is the speaker. A speaker is never inside the quotation it is credited with."""
    cue = d.cue_tokens[0]
    head = d.speaker_head
    if any(q.open < cue.idx < q.close for q in spans):
        return
    if head is not None and not any(q.start <= head.idx < q.end for q in spans):
        return
    before = [q for q in spans if q.close <= cue.idx and q.close >= d.sent.start_char - 2]
    if not before:
        if head is not None:
            d.speaker_head, d.speaker_tokens = None, []
        return
    q = max(before, key=lambda x: x.close)
    span = doc.char_span(q.close, cue.idx, alignment_mode="contract")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    plausible = (0 < len(words) <= 25 and (words[0].pos_ in ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM")
                                           or words[0].is_title and words[0].pos_ != "ADP")
                 and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words)
                 and not any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in words)
                 and "\n" not in doc_text(doc)[q.close:cue.idx])
    if not plausible:
        d.speaker_head, d.speaker_tokens = None, []
        return
    tokens = list(doc[words[0].i:words[-1].i + 1])
    d.speaker_head = doc[words[0].i:words[-1].i + 1].root
    d.speaker_tokens = tokens


def _nested_or_hedge(d: _Draft, spans: Sequence[QuoteSpan]) -> bool:
    """A cue inside a quotation ("“Putin reaffirmed his desire,” KCNA said") is part of the quote,
    not an attribution of its own; "I think", "you know" outside one are hedges, not reports."""
    cue = d.cue_tokens[0]
    at = cue.idx + len(cue.text) - len(cue.text.lstrip(_EDGE))  # "”according" starts after its mark
    if any(q.open < at < q.close for q in spans):
        return True
    if d.speaker_head is None or d.speaker_head.lower_ not in _FIRST_SECOND:
        return False
    # outside a quote, "I believe that ..." is the writer's own attribution (op-eds, first-person
    # reports); only a parenthetical "I think" or "you know" is a hedge
    return cue.dep_ in ("parataxis", "intj") or not d.content


def _suggestion(d: _Draft) -> bool:
    """"Let's say you think ...", "let's focus on understanding ...": the writer's suggestion, a
    supposition rather than a report; what it supposes is not reported either (its cues stay nested)."""
    head = d.speaker_head
    return head is not None and head.lemma_.lower() == "us" and head.lower_ in ("'s", "’s") and any(
        t.lemma_.lower() == "let" for t in (head.head, head.head.head))


def _reported_tokens(drafts: list[_Draft]) -> dict[int, _Draft]:
    """Token index -> the draft whose reported content holds it. A cue inside what someone else
    reports ("Clinton said she thinks ...", "Merrill says Machado promised ...") is part of that
    report, not a second attribution: PolNeAR marks the outer one only. A cue noun with its owner
    ("rejected Trump's claim that ...") still stands on its own."""
    owner: dict[int, _Draft] = {}
    for d in drafts:
        if d.speaker_head is None:
            continue
        below = {t.i for t in d.cue_tokens[0].subtree}
        for t in d.content:
            if t.i in below:
                owner.setdefault(t.i, d)
    return owner


def _dash_credit(doc: Doc, q: QuoteSpan) -> Attribution | None:
    """A quote followed by a dash and a name: the pull-quote and vox-pop credit line."""
    text = doc_text(doc)
    m = _DASH_CREDIT.match(text, q.close)
    if m is None:
        return None
    start = m.end()
    stop = start
    while stop < len(text) and text[stop] not in "\n“\"‘" and stop - start < 120:
        if text[stop:stop + 2] == ". " and not (stop >= 1 and text[stop - 1].isupper()
                                               and (stop < 2 or not text[stop - 2].isalpha())):
            break  # a full stop ends the credit, an initial ("Edwin G. Monroy") does not
        stop += 1
    name = _trim(text, start, stop)
    span = doc.char_span(name[0], name[1], alignment_mode="expand") if name else None
    if name is None or span is None or not (span[0].pos_ == "PROPN" or span[0].text.startswith("@")):
        return None
    content = _trim(text, q.start, q.end) or (q.start, q.end)
    return Attribution((content,), "direct", (m.start(1), m.end(1)), m.group(1),
                       (name[0], name[1], span.root.i))


_TURN = re.compile(r"^[ \t\"“]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.M)
"""Words that head a "Word: text" paragraph without being anyone speaking."""


def _transcript_turns(doc: Doc) -> list[Attribution]:
    """Paragraphs of a transcript or a headline credit: "WALLACE: Let's start ..." or
    "Pat Caddell: Democrats worried ...". The name must be in capitals, be a person entity, or open
    the article's headline ("Sanders: Clinton needs to ...")."""
    text = doc_text(doc)
    turns = []
    for m in _TURN.finditer(text):
        name = m.group(1)
        if name.lower() in NOT_SPEAKERS or name.split()[0].lower() in NOT_SPEAKERS:
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        capitals = name.replace(" ", "").replace(".", "").isupper() and len(name) >= 2
        person = any(e.label_ in ("PERSON", "ORG", "NORP") for e in span.ents) or any(
            e.label_ == "PERSON" and e.start_char <= m.start(1) < e.end_char for e in doc.ents)
        # the headline convention "Sanders: Clinton needs to ...", "Poll: Clinton and Trump tied"
        # (a name of one or two words, not a title such as "The Latest:" or "Stealth Over Health:")
        words = name.split()
        headline = (not text[:m.start()].strip() and len(words) <= 2 and all(w[0].isupper() for w in words)
                    and words[0].lower() not in ("the", "a", "an"))
        if not (capitals or person or headline):
            continue
        end = text.find("\n", m.end())
        content = _trim(text, m.end(), len(text) if end < 0 else end)
        if content is None:
            continue
        turns.append(Attribution((content,), "direct", (m.end(1), m.end(1) + 1), ":",
                                 (m.start(1), m.end(1), span.root.i)))
    return turns


def _block_after_colon(doc: Doc, d: _Draft) -> list:
    """"The governor added:" closing a paragraph introduces the next paragraph as the quote."""
    last = max(d.cue_tokens + d.speaker_tokens, key=lambda t: t.i)
    text = doc_text(doc)
    colon = last.idx + len(last)
    tail = text[colon:text.find("\n", colon) if "\n" in text[colon:] else len(text)]
    if tail.strip() != ":":
        return []
    nxt = colon + len(tail)
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    end = text.find("\n", nxt)
    span = doc.char_span(nxt, len(text) if end < 0 else end, alignment_mode="contract")
    return list(span) if span is not None else []


def _according_draft(tok: Token) -> _Draft | None:
    """"according to X": X the speaker, the clause the phrase hangs on the content."""
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    own = set(t.i for t in tok.subtree)
    if head.i != tok.i:
        content = [t for t in head.subtree if t.i not in own]
    elif tok.sent.start > 0:
        # "... neighbours.” According to the spokesman." : a fragment crediting the sentence before
        content = list(tok.doc[tok.sent.start - 1].sent)
    else:
        content = []
    return _Draft([tok, to], pobj, in_paragraph(list(pobj.subtree), tok),
                  in_paragraph(content, tok), [], tok.sent)


_CUE_LEMMAS = frozenset(SPEECH | INTENT | STATEMENT_VERBS | FRAME_ONLY | STANCE | ATTITUDE | REACTION
                        | ATTITUDE_ADJECTIVES | CUE_NOUNS | {"put"}
                        | {w[:-1] for w in SPEECH | INTENT if w.endswith("e")})
"""Every lemma `cue_lemma` can read as a cue (its clipped forms, "hop" for "hope", and "put it" included)."""


def _cue_candidates(doc: Doc, text: str) -> list[Token]:
    """The tokens `_draft` may turn into a cue, in order: a verb, noun or adjective (or a VBD/VBZ tag)
    whose lemma can be a cue, a preposition, or an "according". The others (most tokens) never are, so
    they are skipped from one array of the parse instead of reading each one's lemma."""
    import numpy as np
    from spacy.attrs import DEP, LEMMA, POS, TAG

    strings = doc.vocab.strings
    pos, tag, dep, lemma = doc.to_array([POS, TAG, DEP, LEMMA]).T
    word = (pos == strings["VERB"]) | (pos == strings["NOUN"]) | (pos == strings["ADJ"]) \
        | (tag == strings["VBD"]) | (tag == strings["VBZ"])
    is_cue: dict[int, bool] = {}  # lemma hash -> whether the lemma can be a cue, once per distinct lemma
    chosen = set(np.flatnonzero(dep == strings["prep"]).tolist())
    for i, h in zip(np.flatnonzero(word).tolist(), lemma[word].tolist(), strict=True):
        if (cue := is_cue.get(h)) is None:
            cue = is_cue[h] = strings[h].lower() in _CUE_LEMMAS
        if cue:
            chosen.add(i)
    if "according" in text.lower():
        chosen |= {t.i for t in doc if t.lower_.lstrip(_EDGE) == "according"}
    return [doc[i] for i in sorted(chosen)]


def _draft(tok: Token) -> _Draft | None:
    """A cue draft for a token that can govern an attribution, or None."""
    if tok.lower_.lstrip(_EDGE) == "according" and any(c.lower_ == "to" for c in tok.children):
        return _according_draft(tok)
    if tok.dep_ == "prep" and tok.lower_ in ("in", "by"):
        return _finding_draft(tok)
    lemma = cue_lemma(tok)
    if tok.is_title and tok.tag_ in ("VBD", "VBZ") and lemma in SPEECH and tok.i == tok.sent.start:
        return _inverted_draft(tok)
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and lemma in ATTITUDE_ADJECTIVES:
        return _adjective_draft(tok)
    if tok.pos_ == "NOUN" and (lemma in CUE_NOUNS or (lemma in SPEECH and tok.tag_ == "NNS")):
        return _noun_draft(tok)
    if tok.pos_ != "VERB" or not (lemma in SPEECH or lemma in INTENT or lemma in STATEMENT_VERBS
                                  or lemma in FRAME_ONLY or lemma in STANCE or lemma in ATTITUDE
                                  or lemma in REACTION):
        return None
    if tok.dep_ == "amod" or (tok.i >= 2 and tok.doc[tok.i - 1].text == "-"):  # "so-called", "a said deal"
        return None
    cue = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    if tok.lemma_.lower() == "put":  # the idiom "put it" (see `cue_lemma`)
        cue += [c for c in tok.children if c.dep_ == "dobj"]
    if lemma == "point" and len(cue) == 1 and not any(c.lower_ == "to" for c in tok.children):
        return None
    cue += _verb_group(tok, lemma)
    subject = speaker_token(tok)
    speaker_tokens = in_paragraph(speaker_phrase(subject), tok) if subject is not None else []
    # the speaker stays on its own side of the cue: an apposition the parse hung on it from across the
    # verb ("A union ... endorsed Clinton, another example of ...") describes the sentence, not the union
    if subject is not None:
        speaker_tokens = [t for t in speaker_tokens if (t.i < tok.i) == (subject.i < tok.i)]
    if subject is not None and not in_paragraph([subject], tok):
        subject, speaker_tokens = None, []
    content = reported_content(tok, lemma)
    if (lemma in INTENT or lemma in STANCE or lemma in ATTITUDE or lemma in REACTION) and not content:
        return None  # "the rate would decline by four points": nothing intended, no attribution
    if lemma in STATEMENT_VERBS and lemma not in SPEECH:
        # "X issued a statement", "the text published by X": the quote beside it is X's
        on_statement = any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in tok.children)
        if not on_statement and not (tok.dep_ == "acl" and tok.head.lemma_.lower() in STATEMENT_NOUNS):
            return None
        content = []
    taken = {t.i for t in speaker_tokens} | {t.i for t in cue}
    if lemma in FRAME_ONLY:
        content = []  # only a quotation beside it or a block after its colon
    elif not content and subject is not None and lemma not in CLAUSE_ONLY:
        content = before_comma(tok, speaker_tokens)
    content = [t for t in in_paragraph(content, tok) if t.i not in taken]
    semicolons = [t.i for t in content if t.text == ";" and t.i > tok.i]
    if semicolons:  # "X said A; they learned B": what follows the semicolon is the writer's again
        content = [t for t in content if t.i < semicolons[0]]
    return _Draft(cue, subject, speaker_tokens, content, [], tok.sent)


_CUE_PREPS = {"call": ("for", "on"), "agree": ("with",), "ask": ("about",), "comment": ("on",)}


def _verb_group(verb: Token, lemma: str) -> list:
    """The rest of the cue as PolNeAR marks it: auxiliaries, negation and adverbs right before the
    verb ("has not said", "then pointed out") and the preposition that introduces the content right
    after it ("called for", "talked about")."""
    doc = verb.doc
    extra = []
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        extra.append(doc[i])
        i -= 1
    nxt = verb.i + 1 + sum(1 for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1)
    preps = PREP_CONTENT.get(lemma, ()) + _CUE_PREPS.get(lemma, ())
    if nxt < len(doc) and doc[nxt].head.i == verb.i and doc[nxt].dep_ == "prep" and doc[nxt].lower_ in preps:
        extra.append(doc[nxt])
    return extra


_ABOUT = frozenset("about of over with at on that".split())


def _adjective_draft(adj: Token) -> _Draft | None:
    """"Republicans weren't too concerned about the shift", "she is sure that ...": an adjective of
    belief or feeling after "be", with the copula's subject as the source and the clause, infinitive or
    "about"-phrase as the content. The cue runs from the copula's auxiliaries to the preposition."""
    verb = adj.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # its own, never a shared one
    if subject is None or not in_paragraph([subject], adj):
        return None
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in _ABOUT
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    clause = next((c for c in adj.children if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is not None:
        content = list(clause.subtree)
    elif prep is not None:
        content = [t for g in prep.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
    else:
        return None
    cue = [adj, verb] + _verb_group(verb, "") + [c for c in adj.children if c.dep_ == "advmod" and c.i < adj.i]
    if prep is not None and clause is None:
        cue.append(prep)
    speaker = in_paragraph(speaker_phrase(subject), adj)
    taken = {t.i for t in speaker}
    return _Draft(cue, subject, speaker, [t for t in in_paragraph(content, adj) if t.i not in taken], [], adj.sent)




def _finding_draft(prep: Token) -> _Draft | None:
    """"In the latest poll, Clinton led by five points", "by one estimate": a finding credited to the
    poll or study it comes from, like "according to". Not "said in a June report", where the report
    is where a speaker said it."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in FINDINGS:
        return None
    head = prep.head
    if cue_lemma(head) in SPEECH:
        return None
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    own = {t.i for t in prep.subtree}
    content = [t for t in head.subtree if t.i not in own] if head.i != prep.i else []
    if not content:
        return None
    return _Draft([prep], pobj, in_paragraph(speaker_phrase(pobj), prep), in_paragraph(content, prep), [],
                  prep.sent)


def _inverted_draft(verb: Token) -> _Draft | None:
    """"Said Ellis: “...”", "Says the mayor, “...”": a sentence opened by the cue verb, then the
    speaker up to a colon or comma, then the quotation (claimed later as a quote beside the frame)."""
    doc = verb.doc
    stop = next((t.i for t in doc[verb.i + 1:verb.sent.end] if t.text in (":", ",")), None)
    if stop is None or stop == verb.i + 1 or not (
            doc[stop].text == ":" or doc_text(doc)[doc[stop].idx + 1:].lstrip()[:1] in "“\"‘"):
        return None  # "Calls men derogatory names, like ...": a list of charges, not a credit
    words = list(doc[verb.i + 1:stop])
    if not (words[0].pos_ in ("PROPN", "DET", "NOUN") and all(t.pos_ not in ("VERB", "AUX") for t in words)):
        return None
    return _Draft([verb], doc[verb.i + 1:stop].root, words, [], [], verb.sent)


def _noun_draft(tok: Token) -> _Draft | None:
    """"his claim that ...", "the ministry's warning that ...", "his promise to cut taxes": a cue noun
    with its owner and a that-clause or an infinitive. A speech verb the tagger read as a plural noun
    ("Trump charges that ...", "Trump claims that ...") has its subject as a compound instead."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None and tok.tag_ == "NNS" and tok.lemma_.lower() in SPEECH:
        owner = next((c for c in tok.children if c.dep_ == "compound" and c.i < tok.i
                      and not any(d.dep_ == "det" for d in tok.children)), None)
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl", "advcl")
                   and any((t.lower_ == "that" and t.dep_ == "mark") or (t.lower_ == "to" and t.dep_ == "aux")
                           for t in c.children)), None)
    if owner is None or clause is None:
        return None
    speaker = list(owner.subtree)  # with its "'s", as PolNeAR marks it ("Trump's")
    return _Draft([tok], owner, in_paragraph(speaker, tok), in_paragraph(list(clause.subtree), tok), [],
                  tok.sent)


def _frame(d: _Draft) -> tuple[int, int] | None:
    """Character envelope of the cue and its speaker: where an adjacent quote must touch."""
    toks = d.cue_tokens + d.speaker_tokens
    if not toks:
        return None
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


_GLUE = re.compile(r"^[ \t,:;.—–-]*$")


def _beside(text: str, q: QuoteSpan, frame: tuple[int, int], sent: Span) -> bool:
    """A quote touches the frame when only punctuation lies between ("“A,” he said, “B.”")."""
    lo, hi = frame
    if q.close <= lo and q.close >= sent.start_char - 300:
        return bool(_GLUE.match(text[q.close:lo])) and q.open < sent.end_char
    if q.open >= hi:
        return bool(_GLUE.match(text[hi:q.open])) and q.open <= sent.end_char + 1
    return False


def _utterance_like(doc: Doc, q: QuoteSpan) -> bool:
    """A quote that reads as something said (a clause or a sentence), not a scare-quoted phrase."""
    words = doc_text(doc)[q.start:q.end].split()
    if len(words) >= 8:
        return True
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return span is not None and len(words) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in span)


def _char_parts(text: str, tokens: list) -> list[tuple[int, int]]:
    """Contiguous runs of tokens as character spans, punctuation trimmed from both ends."""
    parts: list[tuple[int, int]] = []
    for tok in sorted(tokens, key=lambda t: t.i):
        a, b = tok.idx, tok.idx + len(tok)
        if parts and not text[parts[-1][1]:a].strip():
            parts[-1] = (parts[-1][0], b)
        else:
            parts.append((a, b))
    return [p for p in (_trim(text, a, b) for a, b in parts) if p is not None]


_EDGE = " \t\n,;:.—–-“”\"‘’«»()[]"


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and (text[a] in _EDGE or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in _EDGE or text[b - 1].isspace()):
        b -= 1
    if b <= a or not any(ch.isalnum() for ch in text[a:b]):
        return None
    return a, b


def _finish(text: str, d: _Draft) -> Attribution | None:
    """Merge the parse content with the draft's quote spans and decide the kind."""
    parts = _char_parts(text, d.content)
    if parts and len(parts) > 1:
        # a lone relative pronoun left of the speaker ("which Moscow says is ...") is not content
        parts = [p for p in parts if text[p[0]:p[1]].lower() not in RELATIVE_PRONOUNS] or parts
    quotes = sorted(d.quote_spans, key=lambda q: q.open)
    if not parts and not quotes:
        return None
    kind = "indirect"
    if quotes:
        outside = [p for p in parts if not any(q.open <= p[0] and p[1] <= q.close for q in quotes)]
        if not outside:
            parts = [(q.start, q.end) for q in quotes]
            parts = [p for p in (_trim(text, a, b) or (a, b) for a, b in parts)]
            kind = "direct"
        else:
            spans = sorted(parts + [(q.open, q.close) for q in quotes])
            merged = [spans[0]]
            for a, b in spans[1:]:
                if a <= merged[-1][1] or not text[merged[-1][1]:a].strip(_EDGE):
                    merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
                else:
                    merged.append((a, b))
            parts = merged
            kind = "mixed"
    cue_toks = sorted(d.cue_tokens, key=lambda t: t.i)
    cue = _trim(text, cue_toks[0].idx, cue_toks[-1].idx + len(cue_toks[-1])) or (
        cue_toks[0].idx, cue_toks[-1].idx + len(cue_toks[-1]))
    speaker = None
    if d.speaker_head is not None and d.speaker_tokens:
        span = _char_parts(text, d.speaker_tokens)
        if span:
            speaker = (span[0][0], span[-1][1], d.speaker_head.i)
    statement = d.cue_tokens[0].lemma_.lower() in STATEMENT_VERBS or (
        d.speaker_head is not None and d.speaker_head.lemma_.lower() in STATEMENT_NOUNS)
    return Attribution(tuple(parts), kind, cue, text[cue[0]:cue[1]], speaker, statement=statement)


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """One attribution per (content, speaker): a quote claimed twice keeps its first cue."""
    seen: set = set()
    out = []
    for a in atts:
        key = (a.parts, a.speaker[:2] if a.speaker else None)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
