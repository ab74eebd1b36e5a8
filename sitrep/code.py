"""Code sentences into CAMEO/PLOVER events: who did what to whom, with the evidence kept.

The coder reads the dependency parse, not word windows. For every predicate in the lexicon it
1. checks the predicate's frame (object noun, preposition, infinitive complement);
2. finds the source: the subject, the subject inherited through coordination, control, participles
   and relative clauses, the agent of a passive, or the speaker for "we" inside reported speech;
3. finds the target in the slot the frame names (object, a preposition's object, a phrase under the
   object such as "concern about X" or "agreement between X and Y");
4. emits one event per (source, target) pair with different countries (or, inside one country,
   different sectors), with modality flags, a confidence, its date and place, and the sentence.
Nominal events ("the visit of Putin to Pyongyang", "talks between A and B") are coded from a small
table of event nouns. Precision comes first: no actor on either side, no event.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .lexicon import Frame, Lexicon, default_lexicon

__all__ = ["Event", "code_doc", "DEFAULT_EXCLUDED_MODALITY"]

DEFAULT_EXCLUDED_MODALITY = frozenset({"negated", "hypothetical", "historical"})
"""Events with any of these flags are stored and shown, but left out of default counts and scores."""

SPEECH_VERBS = frozenset(
    "say add note stress tell declare state announce insist claim report write affirm reaffirm emphasize "
    "emphasise indicate mention conclude explain argue assert warn told".split()
)
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj", "pcomp"})
_FIRST_PERSON = frozenset({"we", "i", "us", "our"})
_HEDGES = frozenset({"could", "might", "may", "would", "should"})
_NEGATIVE_DETS = frozenset({"no", "neither"})
# An infinitive under these verbs has not happened: "urged X to withdraw", "wants to meet".
_UNREALISED = frozenset(
    "urge ask call invite press persuade force tell allow help want wish hope seek try refuse fail need "
    "threaten consider propose suggest offer demand request appeal warn encourage "
    "postpone cancel block scrap delay suspend".split()
)
# An infinitive under these verbs is planned: "agreed to meet", "is scheduled to visit".
_PLANNED = frozenset("plan schedule expect intend agree decide promise pledge vow prepare set due be".split())
_CONTROL_BY_OBJECT = frozenset({"urge", "ask", "call", "invite", "press", "persuade", "force", "tell", "allow", "help"})

# Event nouns: noun lemma -> (code, reverse code). Source: possessor or "of"; target: "to"/"with"/
# "between". Only nouns that report an occurrence; "possible", "planned" etc. mark them hypothetical.
_EVENT_NOUNS: dict[str, tuple[str, str | None]] = {
    "visit": ("042", "043"),
    "trip": ("042", "043"),
    "summit": ("040", "040"),
    "talks": ("040", "040"),
    "meeting": ("040", "040"),
    "ceasefire": ("0871", "0871"),
    "truce": ("0871", "0871"),
}
_UNREAL_MODIFIERS = frozenset({"possible", "proposed", "potential", "future", "likely", "rumoured", "rumored"})
_PLANNED_MODIFIERS = frozenset({"planned", "scheduled", "expected", "upcoming", "forthcoming", "coming"})


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event occurrence in one sentence of one article (a *mention* of a real event).

    Character offsets point into the article's raw text, so the evidence is never lost.
    """

    article_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    evidence: str
    code: str
    source_code: str
    source_country: str | None
    source_sector: str | None
    source_text: str
    source_start: int
    source_end: int
    source_actor_id: str
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    target_text: str | None
    target_start: int | None
    target_end: int | None
    target_actor_id: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    pattern: str
    confidence: float
    modality: tuple[str, ...] = ()
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: str | None = None
    name: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover_event: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    quote_index: int | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def mention_id(self) -> str:
        """Stable id of this occurrence: re-coding the same article gives the same ids."""
        key = f"{self.article_id}|{self.trigger_start}|{self.source_start}|{self.target_start}|{self.code}|{self.source_code}|{self.target_code}"
        return "m-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def counted(self) -> bool:
        """True if the event counts by default (not negated, hypothetical or historical)."""
        return not DEFAULT_EXCLUDED_MODALITY.intersection(self.modality)


# ---------------------------------------------------------------------------------------------------
# Coding one document


def code_doc(
    doc,
    *,
    article_id: str,
    mentions: Sequence,
    published: str | None = None,
    quotes: Sequence = (),
    lexicon: Lexicon | None = None,
) -> list[Event]:
    """All events of a parsed article. `mentions` are `actors.ActorMention`s found in `doc`."""
    lexicon = lexicon or default_lexicon()
    by_token = {}
    for mention in mentions:
        for i in range(mention.token_start, mention.token_end):
            by_token[i] = mention
    context = _Context(doc, by_token, quotes, published, article_id)
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        if not sent.text.strip():
            continue
        if _is_sport(sent):
            continue
        seen: set[tuple] = set()
        for token in sent:
            for event in _code_predicate(token, index, sent, context, lexicon):
                key = (event.source_actor_id, event.target_actor_id, event.code)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
    return events


_SPORT_WORDS = frozenset(
    "tournament championship championships league striker midfielder goalkeeper stadium innings wicket "
    "olympics olympic medal semifinal semi-final quarterfinal quarter-final playoff playoffs qualifier "
    "fifa uefa grand-prix derby".split()
)
_SCORELINE = re.compile(r"\b\d{1,3}-\d{1,3}\b(?!\s*(?:million|billion|percent|%))")


def _is_sport(sent) -> bool:
    """Sports reports borrow the verbs of war and diplomacy ("France attacked", "Brazil beat"): a
    sentence with a sports term or a scoreline is not coded."""
    if any(t.lower_ in _SPORT_WORDS for t in sent):
        return True
    text = sent.text
    return ("World Cup" in text) or bool(_SCORELINE.search(text) and any(t.lemma_ in ("beat", "win", "lose", "draw", "defeat") for t in sent))


@dataclass
class _Context:
    doc: object
    by_token: dict
    quotes: Sequence
    published: str | None
    article_id: str


def _code_predicate(token, index: int, sent, ctx: _Context, lexicon: Lexicon) -> Iterable[Event]:
    if token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB")):
        frame = _match_frame(token, lexicon.get(token.lemma_))
        if frame is None:
            return
        sources, targets = _arguments(token, frame, ctx)
        if not targets and frame.reverse == frame.code and len(sources) >= 2:
            targets = sources  # "Israel and Syria met": a symmetric act among coordinated subjects
        yield from _pairs(token, frame.code, frame.reverse, frame.label, frame.confidence, sources, targets, index, sent, ctx)
    elif token.pos_ == "NOUN" and token.lemma_.lower() in _EVENT_NOUNS:
        code, reverse = _EVENT_NOUNS[token.lemma_.lower()]
        sources, targets = _noun_arguments(token, ctx)
        yield from _pairs(token, code, reverse, f"noun {token.lemma_} -> {code}", 0.7, sources, targets, index, sent, ctx)


def _match_frame(verb, frames: Sequence[Frame]) -> Frame | None:
    if not frames:
        return None
    children = list(verb.children)
    preps = {c.lower_ for c in children if c.dep_ in ("prep", "prt", "agent", "dative")}
    preps |= {c.lower_ for c in children if c.dep_ == "advmod" and c.lower_ in ("aside", "out", "off", "down", "back")}
    obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
    if obj is None and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the agreement, which they signed": the object is the noun the clause modifies
        if not any(c.dep_ in ("nsubj",) and c.tag_ in ("WDT", "WP") for c in children):
            obj = verb.head
    if obj is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        obj = verb.head  # "the agreement signed last week"
    if obj is None:
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        obj = passive
    xcomp = next((c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    for frame in frames:
        if frame.preps and not (frame.preps & preps):
            continue
        if frame.objects is not None:
            if obj is None:
                continue
            if "*" not in frame.objects and obj.lemma_.lower() not in frame.objects and obj.lower_ not in frame.objects:
                continue
        if frame.xcomps is not None:
            if xcomp is None or ("*" not in frame.xcomps and xcomp.lemma_.lower() not in frame.xcomps):
                continue
        return frame
    return None


# ---------------------------------------------------------------------------------------------------
# Arguments


def _arguments(verb, frame: Frame, ctx: _Context) -> tuple[list, list]:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        sources = _actors_in(next((g for g in agent.children if g.dep_ == "pobj"), None), ctx) if agent else []
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        targets = _actors_in(subject, ctx) if frame.target[0] in ("dobj", "possobj") else _target(verb, frame, ctx)
        return sources, targets
    return _subject_actors(verb, ctx), _target(verb, frame, ctx)


def _subject_actors(verb, ctx: _Context, depth: int = 0) -> list:
    """Actors of the verb's subject, following coordination, control and relative clauses."""
    if depth > 4:
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is not None:
        if subject.lower_ in _FIRST_PERSON:
            return _speaker_actors(verb, ctx, depth)
        if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return _actors_in(verb.head, ctx)
        return _actors_in(subject, ctx)
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "conj":
        return _subject_actors(_agreeing_head(verb), ctx, depth + 1) or _surface_subject(verb, ctx)
    if verb.dep_ == "xcomp":
        if head.lemma_ in _CONTROL_BY_OBJECT:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            on = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
            if obj is None and on is not None:
                obj = next((g for g in on.children if g.dep_ == "pobj"), None)
            return _actors_in(obj, ctx) if obj is not None else []
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None:  # "Bush is scheduled to visit Jordan"
            return _actors_in(raised, ctx)
        return _subject_actors(head, ctx, depth + 1)
    if verb.dep_ in ("advcl",) and verb.tag_ == "VBG":
        return _subject_actors(head, ctx, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return _subject_actors(head.head, ctx, depth + 1)  # "Merkel spoke after meeting Clark"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "a statement condemning X": the statement's issuer is the subject of its verb
        governor = head.head if head.dep_ in ("dobj", "pobj", "nsubj") else None
        while governor is not None and governor.dep_ == "prep":
            governor = governor.head
        return _subject_actors(governor, ctx, depth + 1) if governor is not None and governor.pos_ in ("VERB", "AUX") else []
    if verb.dep_ == "relcl":
        return _actors_in(head, ctx)
    return []


_PRESENT = {"VBP": "plural", "VBZ": "singular", "VB": "plural"}
"""Present-tense number by tag; a bare "VB" with no "to" or modal before it is a finite plural that
the tagger misread (common in translated copy)."""


def _number(verb) -> str | None:
    if verb.tag_ == "VB" and any(c.dep_ == "aux" for c in verb.children):
        return None
    return _PRESENT.get(verb.tag_)


def _agreeing_head(verb):
    """The verb a coordinated verb shares its subject with.

    Coordinated present-tense verbs agree in number; when the parser attached "urge" (plural) to
    "remains" (singular) inside a that-clause, the real partner is the nearest governing verb that
    agrees ("Seoul and Tokyo reaffirm that the path remains open and urge the DPRK ...").
    """
    head = verb.head
    number = _number(verb)
    if number is None or _number(head) in (None, number):
        return head
    node = head
    while node.head.i != node.i:
        node = node.head
        if _number(node) == number:
            return node
    return head


def _surface_subject(verb, ctx: _Context) -> list:
    """Actors written right before a finite verb that the parse left without a subject.

    Machine-translated copy often loses the punctuation that lets the parser see a subject
    ("... remains firm’ Seoul, Washington and Tokyo “reaffirm that ..."). Only quote marks may stand
    between the actors and the verb.
    """
    if _number(verb) is None and verb.tag_ != "VBD":
        return []
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].is_punct and verb.doc[i].is_quote:
        i -= 1
    mention = ctx.by_token.get(i) if i >= verb.sent.start else None
    if mention is None or not mention.actor.country:
        return []
    top = verb.doc[i]
    while top.dep_ == "conj" and top.head.i != top.i and top.head.i in ctx.by_token:
        top = top.head
    return _actors_in(top, ctx, max_depth=0)


def _speaker_actors(verb, ctx: _Context, depth: int) -> list:
    """For "we"/"I": the speaker of the reported speech the verb sits in."""
    node = verb
    while node.head.i != node.i:
        parent = node.head
        if node.dep_ in ("ccomp", "parataxis") and parent.lemma_ in SPEECH_VERBS:
            subject = next((c for c in parent.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in _FIRST_PERSON:
                return _actors_in(subject, ctx)
        node = parent
    for quote in ctx.quotes:
        if quote.start <= verb.idx < quote.end and getattr(quote, "speaker", None) is not None:
            return [_Derived.of(quote)]
    return []


@dataclass(frozen=True)
class _Derived:
    """An actor the coder derives itself, shaped like an actor mention: a quote's speaker, a national
    adjective ("the Israeli raid") or a travel destination's country."""

    start: int
    end: int
    text: str
    actor: object
    token_start: int = -1
    token_end: int = -1
    how: str = "speaker"

    @classmethod
    def of(cls, quote) -> _Derived:
        return cls(quote.speaker_start or quote.start, quote.speaker_end or quote.start, quote.speaker_text or "", quote.speaker)


def _target(verb, frame: Frame, ctx: _Context) -> list:
    for slot in frame.target:
        found = _slot_actors(verb, slot, ctx)
        if found:
            return found
    return []


def _slot_actors(verb, slot: str, ctx: _Context) -> list:
    children = list(verb.children)
    if slot == "none":
        return []
    if slot in ("dobj", "iobj"):
        deps = ("dobj", "obj") if slot == "dobj" else ("dative", "iobj")
        node = next((c for c in children if c.dep_ in deps), None)
        if node is None and slot == "dobj" and verb.dep_ in ("relcl", "acl"):
            node = verb.head
        found = _actors_in(node, ctx, max_depth=2)
        if not found and slot == "dobj" and verb.lemma_ in _MOTION_VERBS:
            place = _destination(node)
            found = [place] if place is not None else []
        return found
    if slot.startswith("prep:"):
        word = slot.split(":", 1)[1]
        for child in children:
            if child.dep_ in ("prep", "dative", "prt") and child.lower_ == word:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                found = _actors_in(pobj, ctx, max_depth=2)
                if found:
                    return found
        if word in _DESTINATION_PREPS and verb.lemma_ in _MOTION_VERBS:
            for child in children:
                if child.dep_ == "prep" and child.lower_ == word:
                    place = _destination(next((g for g in child.children if g.dep_ == "pobj"), None))
                    if place is not None:
                        return [place]
        return []
    if slot == "objprep":
        obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
        anchors = [c for c in (obj.children if obj is not None else ()) if c.dep_ == "prep"]
        anchors += [c for c in children if c.dep_ == "prep" and c.lower_ in ("about", "over", "at", "on", "regarding", "between", "with", "to", "of", "outside", "in")]
        for prep in anchors:
            if prep.lower_ in ("in",) and obj is not None and prep.head.i == verb.i:
                continue
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            found = _actors_in(pobj, ctx, max_depth=4)
            if found:
                return found
        return []
    if slot == "possobj":
        obj = next((c for c in children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
        if obj is None:
            return []
        owner = next((c for c in obj.children if c.dep_ in ("poss", "amod", "compound") and c.i in ctx.by_token), None)
        if owner is not None:
            return _actors_in(owner, ctx, max_depth=0)
        if obj.i in ctx.by_token:
            return _actors_in(obj, ctx, max_depth=0)
        adjective = next((m for m in (_adjective_actor(c, ctx) for c in obj.children) if m is not None), None)
        if adjective is not None:
            return [adjective]
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")), None)
        return _actors_in(next((g for g in of.children if g.dep_ == "pobj"), None), ctx, max_depth=1) if of else []
    if slot == "xcomp-dobj":
        xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
        if xcomp is None:
            return []
        for inner in ("dobj", "prep:with", "prep:to"):
            found = _slot_actors(xcomp, inner, ctx)
            if found:
                return found
        return []
    return []


def _actors_in(node, ctx: _Context, *, max_depth: int = 2) -> list:
    """Actor mentions of the phrase headed by `node`: its own mention, else the shallowest ones below.

    Coordinated actors come together ("South Korea, Japan and the United States" gives three);
    nested clauses are not entered, so "the man who met Putin" does not yield Putin.
    """
    if node is None:
        return []
    level = [node]
    for _ in range(max_depth + 1):
        found = []
        for tok in level:
            mention = ctx.by_token.get(tok.i)
            if mention is not None and mention not in found and mention.actor.country:
                found.append(mention)
        if not found:
            found = [m for m in (_adjective_actor(tok, ctx) for tok in level) if m is not None]
        if found:
            for mention in list(found):
                for other in _conjuncts(mention, ctx):
                    if other not in found:
                        found.append(other)
            return found
        level = [c for tok in level for c in tok.children if c.dep_ not in _CLAUSE_DEPS and c.dep_ != "cc"]
        if not level:
            return []
    return []


# Nouns whose national adjective names the country an event is done by or to: "the Israeli raid" was
# carried out by Israel; "shell Iraqi towns", "stormed the German embassy" are aimed at that country.
_AGENTIVE_NOUNS = frozenset(
    "raid attack attacks offensive occupation aggression invasion incursion strike strikes airstrike airstrikes "
    "bombing shelling operation blockade crackdown policy policies position stance proposal plan warning "
    "statement complaint demand demands decision move threat threats "
    "town towns city cities village villages positions territory airspace waters embassy consulate goods "
    "products ships ship vessel vessels aircraft planes interests border bases base targets".split()
)


def _adjective_actor(token, ctx: _Context):
    """A national adjective on an agentive noun ("Israeli raid", "U.S. warning") as an actor mention."""
    if token.dep_ not in ("amod", "compound") or token.head.lemma_.lower() not in _AGENTIVE_NOUNS:
        return None
    if token.ent_type_ not in ("NORP", "GPE"):
        return None
    from . import actors

    actor = actors.resolve(token.text, date=ctx.published)
    if actor is None or not actor.country:
        return None
    return _Derived(token.idx, token.idx + len(token.text), token.text, actor, token.i, token.i + 1, "adjective")


def _conjuncts(mention, ctx: _Context) -> list:
    doc = ctx.doc
    head = None
    for i in range(mention.token_start, mention.token_end):
        tok = doc[i]
        if not (mention.token_start <= tok.head.i < mention.token_end) or tok.head.i == tok.i:
            head = tok
            break
    if head is None:
        return []
    out = []
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        found = _actors_in(tok, ctx, max_depth=1)
        out.extend(found)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out


# Verbs of travel: their destination is a place, and the place's country is the target ("flew into
# southern Albania" -> ALB). Actor mentions leave places out, so the gazetteer answers here.
_MOTION_VERBS = frozenset({"visit", "tour", "travel", "fly", "arrive", "head", "go", "withdraw", "pull"})
_DESTINATION_PREPS = frozenset({"to", "into", "in", "at", "for", "from", "of"})


def _destination(token):
    """The country of a destination phrase ("southern Albania", "Dar es Salaam") as an actor mention."""
    if token is None:
        return None
    names = [t for t in token.subtree if t.pos_ == "PROPN" or t.i == token.i]
    names = [t for t in names if t.head.i == token.i or t.i == token.i or t.dep_ == "compound"]
    if not names or token.pos_ != "PROPN":
        return None
    start, end = min(t.i for t in names), max(t.i for t in names) + 1
    span = token.doc[start:end]
    from . import places
    from .actors import Actor

    place = places.lookup(span.text)
    if place is None or not place.country:
        return None
    actor = Actor(code=place.country, country=place.country, sector=None, name=place.name, kind="country", id=place.country)
    return _Derived(span.start_char, span.end_char, span.text, actor, start, end, "destination")


def _noun_arguments(noun, ctx: _Context) -> tuple[list, list]:
    if any(c.lower_ in _UNREAL_MODIFIERS for c in noun.children):
        return [], []
    if noun.lemma_.lower() in ("ceasefire", "truce") and noun.dep_ not in ("nsubj", "nsubjpass"):
        return [], []  # "a ceasefire between X and Y took effect"; elsewhere it is what is asked or brokered
    sources: list = []
    targets: list = []
    for child in noun.children:
        if child.dep_ == "poss":
            sources = _actors_in(child, ctx, max_depth=0)
        elif child.dep_ == "prep" and child.lower_ == "of" and not sources:
            sources = _actors_in(next((g for g in child.children if g.dep_ == "pobj"), None), ctx, max_depth=1)
        elif child.dep_ == "prep" and child.lower_ in ("to", "with"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            targets = _actors_in(pobj, ctx, max_depth=1)
            if not targets and child.lower_ == "to" and noun.lemma_.lower() in ("visit", "trip"):
                place = _destination(pobj)  # "a visit to China"
                targets = [place] if place is not None else []
        elif child.dep_ == "prep" and child.lower_ == "between":
            both = _actors_in(next((g for g in child.children if g.dep_ == "pobj"), None), ctx, max_depth=1)
            if len(both) >= 2:
                sources, targets = both[:1], both[1:]
    if not sources and targets:
        # "Vranitzky spoke after talks with Dini", "went to Athens for talks with Greek officials":
        # the talks are the doings of the subject of the verb they hang from.
        governor = _governing_verb(noun)
        if governor is not None:
            sources = _subject_actors(governor, ctx)
    return sources, targets


def _governing_verb(noun):
    """The verb a noun hangs from through objects and prepositions, if any (at most three steps)."""
    node = noun
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "prep", "npadvmod") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


# ---------------------------------------------------------------------------------------------------
# Events


def _pairs(trigger, code: str, reverse: str | None, pattern: str, confidence: float, sources, targets, index: int, sent, ctx: _Context) -> Iterable[Event]:
    if not sources or not targets:
        return
    modality = _modality(trigger, ctx)
    for source in sources:
        for target in targets:
            if not _distinct(source.actor, target.actor):
                continue
            yield _event(trigger, code, pattern, confidence, source, target, modality, index, sent, ctx)
            if reverse and not {"future", "hypothetical", "negated"} & set(modality) and getattr(target, "how", "") != "destination":
                # the other side of a meeting or visit is asserted only for what happened, and a place
                # travelled to did not host anyone
                yield _event(trigger, reverse, pattern + " (reciprocal)", confidence * 0.9, target, source, modality, index, sent, ctx)


def _distinct(a, b) -> bool:
    if a is None or b is None or a.id == b.id:
        return False
    if a.country and b.country and a.country == b.country:
        return bool(a.sector and b.sector and a.sector != b.sector)
    return True


def _modality(trigger, ctx: _Context) -> tuple[str, ...]:
    flags: list[str] = []
    children = list(trigger.children)
    if any(c.dep_ == "neg" for c in children) or any(
        c.dep_ == "nsubj" and any(g.lower_ in _NEGATIVE_DETS for g in c.children) for c in children
    ):
        flags.append("negated")
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.lower_ in _PLANNED_MODIFIERS for c in children):
        flags.append("future")
    governors = _governors(trigger)
    if trigger.pos_ in ("NOUN", "PROPN") and governors:
        # A nominal event takes the modality of the verb that reports it ("would bring forward a meeting")
        inherited = _modality(governors[0], ctx)
        flags.extend(f for f in inherited if f != "attributed")
    lemmas = {g.lemma_ for g in governors}
    if auxes & {"will", "shall", "'ll"} or lemmas & _PLANNED:
        flags.append("future")
    if (
        auxes & _HEDGES
        or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children)
        or lemmas & _UNREALISED
    ):
        flags.append("hypothetical")
    node = trigger
    while node.head.i != node.i:
        if node.dep_ in ("ccomp",) and node.head.lemma_ in SPEECH_VERBS:
            flags.append("attributed")
            break
        node = node.head
    return tuple(dict.fromkeys(flags))


def _governors(trigger) -> list:
    """Verbs that govern the trigger's infinitive or nominal chain, nearest first, up to a finite clause.

    "sought to sponsor a resolution criticising China": criticising -> sponsor -> sought.
    """
    out = []
    node = trigger
    for _ in range(8):
        head = node.head
        bare_infinitive = node.dep_ == "ccomp" and node.tag_ == "VB" and not any(c.dep_ == "nsubj" for c in node.children)
        if head.i == node.i or node.dep_ in ("parataxis", "ROOT") or (node.dep_ == "ccomp" and not bare_infinitive):
            break
        if bare_infinitive:  # "help the president kill": the killing is what is helped, not a fact
            out.append(head)
            node = head
            continue
        if node.dep_ in ("xcomp", "acl", "dobj", "pobj", "prep", "conj", "nsubjpass", "advcl") and head.pos_ in ("VERB", "AUX", "NOUN", "ADP", "PROPN"):
            if head.pos_ in ("VERB", "AUX"):
                out.append(head)
                finite = any(c.dep_ == "nsubj" for c in head.children) and head.dep_ not in ("xcomp",)
                if finite and node.dep_ not in ("conj",):
                    break
            node = head
            continue
        break
    return out


def _event(trigger, code, pattern, confidence, source, target, modality, index, sent, ctx: _Context) -> Event:
    if "future" in modality and "hypothetical" in modality:
        modality = tuple(m for m in modality if m != "future")
    quote_index = next((i for i, q in enumerate(ctx.quotes) if q.start <= trigger.idx < q.end), None)
    if getattr(source, "token_start", 0) < 0:
        confidence *= 0.9  # the source came from a quote's speaker
    return Event(
        article_id=ctx.article_id,
        sentence_index=index,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        evidence=sent.text.strip(),
        code=code,
        source_code=source.actor.code,
        source_country=source.actor.country,
        source_sector=source.actor.sector,
        source_text=source.text,
        source_start=source.start,
        source_end=source.end,
        source_actor_id=source.actor.id,
        target_code=target.actor.code,
        target_country=target.actor.country,
        target_sector=target.actor.sector,
        target_text=target.text,
        target_start=target.start,
        target_end=target.end,
        target_actor_id=target.actor.id,
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
        pattern=pattern,
        confidence=round(confidence, 3),
        modality=modality,
        quote_index=quote_index,
        extra={"trigger_token": trigger.i},
    )
