"""Who reports and what is reported, read off the dependency parse around one cue word.

The parse-reading half of `sitrep.attributions`: the speaker's noun phrase as PolNeAR and PARC
underline it, the speaker token (subject, passive agent or shared subject), and the content a cue
governs (a clause, an object, a phrase, a passive subject or the sentence an "as"-aside comments on).
Every function takes spaCy tokens and returns tokens; offsets are left to the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..text import doc_text
from .cues import (
    ATTITUDE,
    BELIEF_OBJECT,
    CLAUSE_ONLY,
    DOBJ_CONTENT,
    EVIDENCE,
    FRAME_ONLY,
    OBJECT_CONTENT,
    PREP_CONTENT,
    SPEECH,
    STANCE,
    STATEMENT_NOUNS,
    TO_ADDRESSEE,
    VIEW,
    WRITINGS,
    XCOMP_CONTENT,
    cue_lemma,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "before_comma", "in_paragraph", "loose_content", "reported_content", "speaker_phrase", "speaker_token",
]


def speaker_phrase(head: Token) -> list:
    """The speaker's noun phrase as PolNeAR and PARC underline it: the head with its modifiers, its
    appositions (however deep: "Johnnie Wilson, of Springfield, Va") and a relative clause on the head
    or its apposition even when set off by commas ("Luis Rubio, who heads the centre,"), or a "who"
    clause wherever the parse hangs it ("Peter Morgan, a lawyer for the Sierra Club, who ..."). Left out:
    clauses set off by commas that hang deeper in the phrase ("Mulgrew, president of the UFT, which
    represents teachers," -> "Mulgrew, president of the UFT"),
    a relative clause that reports speech itself ("Obama, who said ...," is its own attribution),
    participial and adverbial clauses set off by commas, a comparison set off by commas ("Clinton, like
    Obama,"), dates ("a panel in 2001"), a focusing adverb
    ("even China") and a dateline before a dash ("WASHINGTON -- President Obama", "BRUSSELS - ...")."""
    doc = head.doc
    heads = {head.i} | {c.i for c in head.children if c.dep_ == "appos"}
    drop: set[int] = set()
    for tok in head.subtree:
        if tok.i in drop or tok.i == head.i:
            continue
        left = tok.left_edge
        comma_set = left.i > 0 and doc[left.i - 1].text in (",", "(", "—", "–", "--")
        on_head = tok.head.i in heads
        if tok.dep_ == "relcl" and comma_set:
            speaks = any(t.pos_ == "VERB" and cue_lemma(t) in SPEECH for t in tok.subtree)
            # "who" describes the person however deep the parse hangs it; "which" an organisation
            personal = left.lower_ in ("who", "whom", "whose")
            if (on_head or personal) and not speaks:
                continue
        elif tok.dep_ == "prep" and tok.head.i == head.i and any(
                g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in tok.children):
            drop.update(t.i for t in tok.subtree)
            continue
        elif tok.dep_ == "prep" and tok.head.i == head.i and comma_set and tok.lower_ in ("like", "unlike"):
            # "Hillary Clinton, like Obama, has said": a comparison set off by commas, not the name
            drop.update(t.i for t in tok.subtree)
            drop.add(left.i - 1)
            continue
        elif tok.dep_ == "advmod" and tok.head.i == head.i and tok.i == left.i == head.left_edge.i \
                and tok.lower_ in ("even", "only", "also"):
            drop.add(tok.i)
            continue
        if tok.dep_ not in ("relcl", "acl", "advcl") or not comma_set:
            continue
        drop.update(t.i for t in tok.subtree)
        drop.add(left.i - 1)
    if head.i in drop:
        return list(head.subtree)
    tokens = [t for t in head.subtree if t.i not in drop]
    for k, tok in enumerate(tokens[:-1]):
        # a dateline: "WASHINGTON -- President Obama"
        if tok.text in ("--", "—", "–", "-") and k > 0 and (tok.i < head.i or head.text.isupper()) and all(
                t.text.isupper() or not t.text.isalpha() for t in tokens[:k]):
            return tokens[k + 1:]
    return tokens


def in_paragraph(tokens: list, anchor) -> list:
    """The tokens in the anchor's paragraph: a parse that runs over a line break (a caption, a
    heading) must not carry a speaker or content across it."""
    text = doc_text(anchor.doc)
    lo = text.rfind("\n", 0, anchor.idx) + 1
    hi = text.find("\n", anchor.idx)
    hi = len(text) if hi < 0 else hi
    return [t for t in tokens if lo <= t.idx < hi]


def speaker_token(verb: Token, depth: int = 0) -> Token | None:
    """The speaker token: subject, passive agent, or the subject shared with the governing verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        # two subjects means the parse ran over a line break: keep the one in the verb's paragraph
        near = in_paragraph(subjects, verb)
        return near[-1] if near else subjects[-1]
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    aside = verb.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if aside or any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        # "it was stated in the text published by X", "as stated in Davis' commentary": the document
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "by"):
                doc_noun = next((g for g in c.children if g.dep_ == "pobj"), None)
                if doc_noun is not None and doc_noun.lemma_.lower() in STATEMENT_NOUNS | WRITINGS:
                    return doc_noun
        return None
    # a subject shared with the governing verb: "Japan protested, saying ...", "he was able to tout"
    # (the infinitive hangs on the adjective, the subject on "was"), "concludes by stressing"; never
    # the "it" of "it is worth noting" or "it goes without saying", which stands for a clause
    holder = None
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "acomp") and verb.head.i != verb.i:
        holder = verb.head
    elif depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        holder = verb.head.head
    shared = speaker_token(holder, depth + 1) if holder is not None else None
    if shared is None and holder is not None and verb.tag_ == "VBG":
        # "After saying her foot was swollen, she was whisked off": a gerund's subject is that of the
        # clause it hangs on, passive or not
        shared = next((c for c in holder.children if c.dep_ == "nsubjpass"), None)
    if shared is not None and holder is not None and shared.lower_ == "it" and holder.lemma_ in ("be", "go"):
        return None
    return shared


_PERSONAL = frozenset("i you he she we they who".split())


def reported_content(verb: Token, lemma: str) -> list:
    """Tokens of what the cue reports, from the parse (may be empty: a quote may supply it).

    In order: a clause of the verb (`_clause_content`); then the reading of the first class of cue
    the lemma belongs to that finds something (`_CONTENT_BY_LEMMA`; a class that always decides, such
    as `VIEW`, ends the search even with nothing); then a parataxis head's clause."""
    clause = _clause_content(verb)
    if clause is not None:
        return clause
    for applies, read in _CONTENT_BY_LEMMA:
        if applies(lemma):
            found = read(verb, lemma)
            if found is not None:
                return found
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        # '“Yes,” he said' parsed as the content's parataxis: the content is the head's clause
        own = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i not in own]
    return []


def _clause_content(verb: Token) -> list | None:
    """The verb's clausal complement, or a clause misread as adverbial; None when it has neither."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            return list(c.subtree)
    for c in verb.children:
        # "Trump said after the convention he would not ...", "Trump tweeted in the early hours that
        # Machado was ...": a clause with its own subject and no conjunction, or opened by "that",
        # misread as an adverbial clause
        if c.dep_ == "advcl" and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) \
                and not any(g.dep_ in ("mark", "advmod") and g.i < c.i and not (
                    g.lower_ == "that" and g.i == c.left_edge.i) for g in c.children):
            return list(c.subtree)
    return None


def _view_content(verb: Token, lemma: str) -> list:
    # "critics view reauthorization as a giveaway"
    obj = [c for c in verb.children if c.dep_ == "dobj"]
    as_ = [c for c in verb.children if c.dep_ in ("prep", "oprd") and c.lower_ == "as"] or [
        # "the group views Obama more favorably than Trump": the judgement as a manner adverb
        c for c in verb.children if c.dep_ == "advmod" and c.lower_.endswith("ly") and c.i > verb.i]
    return [t for c in obj + as_ for t in c.subtree] if obj and as_ else []


def _clause_only_content(verb: Token, lemma: str) -> list:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    source = speaker_token(verb) if lemma == "show" else None
    if (subject is not None and subject.lemma_.lower() in EVIDENCE) or lemma in BELIEF_OBJECT or (
            # "polling averages show Clinton with a lead": whatever is not a person shows a finding
            source is not None and source.ent_type_ != "PERSON" and source.lower_ not in _PERSONAL):
        if obj := [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]:
            return obj
    # a hope is also an intention: "she hopes to be elected"
    return [t for c in verb.children if c.dep_ == "xcomp" and lemma in XCOMP_CONTENT for t in c.subtree]


def _object_content(verb: Token, lemma: str) -> list | None:
    obj = [c for c in verb.children if c.dep_ == "dobj"]
    if not obj:
        return None
    more = [c for c in verb.children if c.dep_ in ("prep", "oprd") and c.lower_ in ("as", "for", "of", "to", "with")]
    return [t for c in obj + more[:1] for t in c.subtree]


def _called_content(verb: Token, lemma: str) -> list | None:
    # "called the charges “unsubstantiated”": the object and what it was called
    obj = [c for c in verb.children if c.dep_ == "dobj"]
    comp = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "attr")]
    return [t for c in obj + comp for t in c.subtree] if obj and comp else None


def _xcomp_content(verb: Token, lemma: str) -> list | None:
    for c in verb.children:
        if c.dep_ == "xcomp":
            return list(c.subtree)
        if c.dep_ == "prep" and c.lower_ in ("for", "on"):  # "called for talks", "called on X to"
            return [t for g in c.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
    return None


def _prep_content(verb: Token, lemma: str) -> list | None:
    preps = PREP_CONTENT[lemma]
    for h in [verb] + [c for c in verb.children if c.dep_ == "dobj"]:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                return [t for g in c.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
    return None


def _stance_content(verb: Token, lemma: str) -> list:
    # a side taken or a feeling held: its object, or for a feeling an infinitive ("likes to sing")
    for c in verb.children:
        if c.dep_ == "dobj" or (c.dep_ == "xcomp" and lemma in ATTITUDE):
            return list(c.subtree)
    if any(c.dep_ == "agent" for c in verb.children):  # "the plan is supported by a coalition"
        return [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
    return []


def _dobj_content(verb: Token, lemma: str) -> list | None:
    for c in verb.children:
        if c.dep_ == "dobj" and c.pos_ != "PRON":
            return list(c.subtree)
    return None


_CONTENT_BY_LEMMA: tuple[tuple[Callable[[str], bool], Callable[..., list | None]], ...] = (
    (lambda lemma: lemma in VIEW, _view_content),
    (lambda lemma: lemma in CLAUSE_ONLY, _clause_only_content),
    (lambda lemma: lemma in OBJECT_CONTENT, _object_content),
    (lambda lemma: lemma == "call", _called_content),
    (lambda lemma: lemma in XCOMP_CONTENT, _xcomp_content),
    (lambda lemma: lemma in PREP_CONTENT, _prep_content),
    (lambda lemma: lemma in STANCE or lemma in ATTITUDE, _stance_content),
    (lambda lemma: lemma in DOBJ_CONTENT, _dobj_content),
)
"""Classes of cue lemma, in the order they are tried, and how each reads the content: a reader
returning a list decides (even an empty one), None passes on to the next class."""


def before_comma(verb: Token, speaker_tokens: list) -> list:
    """"People like Scott, he said.": the words before the comma that opens the speaker's clause."""
    first = min([verb] + speaker_tokens, key=lambda t: t.i)
    sent = verb.sent
    if first.i - 1 > sent.start and verb.doc[first.i - 1].text == ",":
        return list(verb.doc[sent.start:first.i - 1])
    return []


_BELIEF_PREPS = {"believe": ("in",), "know": ("of",), "think": ("of",), "learn": ("of",)}
_LOOSE_PREPS = frozenset("about on with to by against over of".split())


def loose_content(verb: Token, cue_tokens: list) -> list:
    """What a cue verb with a speaker but no clause or quotation reports, the way PolNeAR reads it:
    a passive subject ("the nominee has been endorsed by dozens of papers"), the main clause of an
    "as"-aside ("Hawaii, as one adviser pointed out, rarely gets hurricanes") or, for a verb of
    speech, the phrase it takes ("responded with attacks", "did not respond to requests")."""
    if verb.pos_ != "VERB":
        return []
    lemma = cue_lemma(verb)
    if lemma not in SPEECH or lemma in FRAME_ONLY:
        return []
    if any(c.dep_ == "agent" for c in verb.children):
        return [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # the aside stands in for its own object: "as police have said", not "as he issued a statement"
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ != "it" for c in verb.children):
            return []
        own = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i not in own]
    if lemma in CLAUSE_ONLY:
        # a belief about something ("I know all about normalizing hate", "worried about the cost"),
        # or in or of something ("I believe in the good sense of the people", "learned of the meeting")
        preps = ("about",) + _BELIEF_PREPS.get(lemma, ())
        return [t for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children) for t in c.subtree]
    cue = {t.i for t in cue_tokens}
    for c in verb.children:
        # "commented on the death": the preposition is the cue's, its object what was commented on
        if c.dep_ == "prep" and c.i in cue and (
                obj := [t for g in c.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]):
            return obj
    for c in verb.children:
        if (c.dep_ == "prep" and c.lower_ in _LOOSE_PREPS and c.i not in cue
                and not (c.lower_ == "to" and lemma in TO_ADDRESSEE)
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children)):
            return list(c.subtree)
    for c in verb.children:
        # "what Liz Wahl said": the relative pronoun stands for what was said
        if c.dep_ == "dobj" and (c.pos_ != "PRON" or c.tag_ in ("WP", "WDT")):
            return list(c.subtree)
    return []
