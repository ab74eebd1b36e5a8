"""Who did it and to whom: the source and target actors of a predicate, read off the parse.

The source is the subject, the subject inherited through coordination (with the verb it agrees with
in number), control, participles, "after meeting ..." and relative clauses, the agent of a passive,
actors written right before a subjectless verb, or the speaker for "we" in reported speech. The target
sits in the slot a lexicon frame names; national adjectives ("the Israeli raid") and travel
destinations ("flew into southern Albania") give derived actors. No country, no actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..tables.lexicon import Frame
from ..tables.words import speech_verbs
from .antecedents import names_a_pair, pair_antecedent, previous_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Context", "PROTEST_CODES", "PROTEST_NOUNS", "SPEECH_VERBS", "actors_in", "dateline_host", "goes_nowhere", "ground",
    "condition_clauses", "struck_place", "that_clause", "verb_arguments",
]

SPEECH_VERBS = speech_verbs("report")
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj", "pcomp"})
_FIRST_PERSON = frozenset({"we", "i", "us", "our"})
_THIRD_PERSON = frozenset({"it", "they", "he", "she"})
_CONTROL_BY_OBJECT = frozenset({"urge", "ask", "call", "invite", "press", "persuade", "force", "tell", "allow", "help"})
_UNREAL_MODIFIERS = frozenset({"possible", "proposed", "potential", "future", "likely", "rumoured", "rumored"})


@dataclass
class Context:
    """What argument finding needs to know about the document being coded."""

    doc: Doc
    by_token: dict
    quotes: Sequence
    published: str | None
    article_id: str
    cache: dict = field(default_factory=dict)
    """Per-document facts computed once on demand (the dateline's country)."""


# ---------------------------------------------------------------------------------------------------
# Arguments


def verb_arguments(verb, frame: Frame, ctx: Context) -> tuple[list, list]:
    """Source and target actor mentions of a verb coded with `frame`."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        sources = actors_in(next((g for g in agent.children if g.dep_ == "pobj"), None), ctx) if agent else []
        if not agent and frame.code[:2] in ("18", "19", "20"):
            sources = _attack_agent(verb, ctx)
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        targets = actors_in(subject, ctx) if frame.target[0] in ("dobj", "possobj") else _target(verb, frame, ctx)
        return sources, targets
    return _subject_actors(verb, ctx), _target(verb, frame, ctx)


_ATTACK_NOUNS = frozenset("raid raids attack attacks offensive strike strikes airstrike airstrikes air-strike bombing "
                          "bombings shelling operation incursion invasion ambush assault".split())


def _attack_agent(verb, ctx: Context) -> list:
    """ "an Israeli raid into Gaza where six Palestinians were killed": whoever made the attack a
    passive act of force happened in did it."""
    if verb.dep_ not in ("relcl", "acl", "advcl"):
        return []
    noun = verb.head
    for _ in range(3):  # the clause may hang on the raid's place: "raid into northern Gaza where ..."
        if noun.lemma_.lower() in _ATTACK_NOUNS:
            return _author(noun, ctx)
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return []
        noun = noun.head.head
    return []


def _subject_actors(verb, ctx: Context, depth: int = 0) -> list:
    """Actors of the verb's subject, following coordination, control and relative clauses."""
    if depth > 4:
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is not None:
        if subject.lower_ in _FIRST_PERSON:
            return _speaker_actors(verb, ctx, depth)
        if subject.lower_ in _THIRD_PERSON and subject.i not in ctx.by_token:
            # "He and Arafat met ...": the pronoun's conjuncts act with it
            return _reporter_actors(verb, subject, ctx) + [m for c in subject.conjuncts for m in actors_in(c, ctx)]
        if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return actors_in(verb.head, ctx)
        if subject.i not in ctx.by_token and names_a_pair(subject):
            return pair_antecedent(subject, ctx.by_token)
        return actors_in(subject, ctx)
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "conj":
        return _subject_actors(_agreeing_head(verb), ctx, depth + 1) or _surface_subject(verb, ctx)
    if verb.dep_ == "acomp":  # "Syria is ready to help": the adjective's subject is the copula's
        return _subject_actors(head, ctx, depth + 1)
    if verb.dep_ == "xcomp":
        if head.lemma_ in _CONTROL_BY_OBJECT:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            on = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
            if obj is None and on is not None:
                obj = next((g for g in on.children if g.dep_ == "pobj"), None)
            return actors_in(obj, ctx) if obj is not None else []
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None:  # "Bush is scheduled to visit Jordan"
            return actors_in(raised, ctx)
        return _subject_actors(head, ctx, depth + 1)
    if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or _to_infinitive(verb)):
        # "demonstrated in Kirkuk, calling for ...", "flew to Cairo to meet Mubarak": the main subject's
        return _subject_actors(head, ctx, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        governor = head.head  # "Merkel spoke after meeting Clark"
        if governor.lemma_ in SPEECH_VERBS and head.i < governor.i:
            # "X left Libya, after holding talks with Y, TV said": misattached to the trailing tag
            clause = next((c for c in governor.children if c.dep_ == "ccomp" and c.i < head.i), None)
            if governor.dep_ in ("advcl", "parataxis"):
                governor = governor.head
            elif clause is not None:
                governor = clause
        return _subject_actors(governor, ctx, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "a German court ruling accusing X": the noun's author; "a statement condemning X": the
        # statement's issuer is the subject of its verb
        author = _author(head, ctx)
        if author:
            return author
        governor = head.head if head.dep_ in ("dobj", "pobj", "nsubj") else None
        while governor is not None and governor.dep_ == "prep":
            governor = governor.head
        return _subject_actors(governor, ctx, depth + 1) if governor is not None and governor.pos_ in ("VERB", "AUX") else []
    if verb.dep_ == "acl" and _to_infinitive(verb):
        # "China's decision to postpone visits", "a refusal by Iraq to comply": the noun's owner acts
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i < verb.i), None)
        if owner is None and by is not None:
            owner = next((g for g in by.children if g.dep_ == "pobj"), None)
        return actors_in(owner, ctx, max_depth=1) if owner is not None else []
    if verb.dep_ == "relcl":
        return actors_in(head, ctx)
    return []


# The protest words of news English and their CAMEO codes; the nouns among them are coded as events,
# with the "against" phrase as their target ("Palestinian riots against Israeli policies").
PROTEST_CODES = {"demonstrate": "141", "demonstration": "141", "protest": "141", "rally": "141", "march": "141",
                 "sit-in": "141", "picket": "141", "strike": "143", "walkout": "143", "riot": "145"}
PROTEST_NOUNS = ("demonstration", "protest", "riot")


def condition_clauses(verb) -> list:
    """The "if"/"unless" clauses on a verb: "will withdraw unless Iraq pays", "... if Khartoum refused"."""
    return [c for c in verb.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]


def that_clause(node) -> bool:
    """True when the clause headed by `node` is introduced by "that" ("its demand that Israel ...")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)


def _to_infinitive(verb) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


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


def _surface_subject(verb, ctx: Context) -> list:
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
    return actors_in(top, ctx, max_depth=0)


def _reporter_actors(verb, pronoun, ctx: Context) -> list:
    """ "Japan said it had halted aid": "it"/"they"/"he"/"she" in a clause reported by a speech verb is
    the reporter when the reporter fits the pronoun: a country or organisation ("it"), several actors
    ("they"), a person ("he", "she")."""
    node = verb
    while node.head.i != node.i:
        parent = node.head
        if node.dep_ in ("ccomp", "parataxis") and parent.lemma_ in SPEECH_VERBS:
            subject = next((c for c in parent.children if c.dep_ == "nsubj"), None)
            found = actors_in(subject, ctx) if subject is not None else []
            if pronoun.lower_ == "it" and len(found) == 1 and found[0].actor.kind in ("country", "organisation"):
                return found
            if pronoun.lower_ == "they" and (len(found) > 1 or (found and subject is not None and subject.tag_ in ("NNS", "NNPS"))):
                return found
            if pronoun.lower_ in ("he", "she") and len(found) == 1 and found[0].actor.kind == "person":
                return found
            return []
        node = parent
    return previous_subject(pronoun, ctx.by_token) if pronoun.lower_ in ("he", "she") else []


def _speaker_actors(verb, ctx: Context, depth: int) -> list:
    """For "we"/"I": the speaker of the reported speech the verb sits in."""
    node = verb
    while node.head.i != node.i:
        parent = node.head
        if node.dep_ in ("ccomp", "parataxis") and parent.lemma_ in SPEECH_VERBS:
            subject = next((c for c in parent.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in _FIRST_PERSON:
                return actors_in(subject, ctx)
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


def _target(verb, frame: Frame, ctx: Context) -> list:
    for slot in frame.target:
        found = _slot_actors(verb, slot, ctx)
        if found:
            return found
    return []


def _slot_actors(verb, slot: str, ctx: Context) -> list:
    children = list(verb.children)
    if slot == "none":
        return []
    if slot in ("dobj", "iobj"):
        deps = ("dobj", "obj") if slot == "dobj" else ("dative", "iobj")
        node = next((c for c in children if c.dep_ in deps), None)
        if node is None and slot == "dobj" and verb.dep_ in ("relcl", "acl"):
            node = verb.head
        found = actors_in(node, ctx, max_depth=2)
        if not found and slot == "dobj" and verb.lemma_ in _MOTION_VERBS:
            place = _destination(node)
            found = [place] if place is not None else []
        return found
    if slot.startswith("prep:"):
        word = slot.split(":", 1)[1]
        obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
        # the phrase may hang on the object: "pulled out troops from Gaza", "sent aid to Albania"
        for child in children + ([c for c in obj.children if c.dep_ == "prep"] if obj is not None else []):
            if child.dep_ in ("prep", "dative", "prt", "agent") and child.lower_ == word:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif word == "outside" and child.dep_ == "prep" and child.lower_ == "in":
                pobj = _in_front_of(child)  # the multiword preposition: "a sit-in in front of the embassy"
            else:
                continue
            found = actors_in(pobj, ctx, max_depth=2)
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
            found = actors_in(pobj, ctx, max_depth=4)
            if found:
                return found
        return []
    if slot == "possobj":
        obj = next((c for c in children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
        if obj is None:
            return []
        owner = next((c for c in obj.children if c.dep_ in ("poss", "amod", "compound") and c.i in ctx.by_token), None)
        if owner is not None:
            return actors_in(owner, ctx, max_depth=0)
        if obj.i in ctx.by_token:
            return actors_in(obj, ctx, max_depth=0)
        adjective = next((m for m in (_adjective_actor(c, ctx) for c in obj.children) if m is not None), None)
        if adjective is not None:
            return [adjective]
        # the act's doer: "the sale of arms by German firms", "the killing of X", "aid from Y"; a "by"
        # phrase hung on the verb after the object is the object's ("protest aid to Baghdad by German firms")
        preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")]
        preps += [c for c in children if c.dep_ == "prep" and c.lower_ == "by" and c.i > obj.i]
        for prep in sorted(preps, key=lambda c: c.lower_ != "by"):
            found = actors_in(next((g for g in prep.children if g.dep_ == "pobj"), None), ctx, max_depth=1)
            if found:
                return found
        return _earlier_owner(obj, ctx)
    if slot == "clause-subj":
        # "demanded that the DPRK forsake ...", "urged that Israel halt ...": the one told to act
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        if clause is None:  # "reiterated its demand that Israel ease ...": the clause hangs on the object
            obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
            clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp") and that_clause(c)), None) \
                if obj is not None else None
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
        return actors_in(subject, ctx, max_depth=1) if subject is not None else []
    if slot == "condition-subj":
        # "warned that the US would go to Plan B if Khartoum refused ...": the one the condition is put to
        for clause in [verb] + [c for c in children if c.dep_ in ("ccomp", "xcomp")]:
            for cond in condition_clauses(clause):
                subject = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                found = actors_in(subject, ctx, max_depth=1) if subject is not None else []
                if found:
                    return found
        return []
    if slot == "xcomp-dobj":
        xcomp = next((c for c in children if c.dep_ == "xcomp" or _gerund_complement(c)), None)
        if xcomp is None:  # "scrapped plans to visit the United States": the infinitive hangs off the object
            obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
            xcomp = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"), None) if obj is not None else None
        if xcomp is None:
            return []
        # "ruled out sending German troops to Afghanistan": a state's own forces are what it sends
        states = {m.actor.country for m in _subject_actors(verb, ctx) if (m.actor.sector or "GOV") == "GOV"}
        for inner in ("dobj", "prep:with", "prep:to"):
            found = [m for m in _slot_actors(xcomp, inner, ctx)
                     if not (m.actor.country in states and m.actor.sector in _FORCES)]
            if found:
                return found
        return []
    return []


_FORCES = frozenset({"MIL", "COP"})


def _gerund_complement(node) -> bool:
    """ "ruled out sending troops to Afghanistan": a gerund the parser hung as an adverbial clause with
    no subordinator is the verb's complement."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in node.children)


_OWNER_WINDOW = 6  # sentences back that "the embargo" may look for "a UN air embargo"


def _earlier_owner(noun, ctx: Context) -> list:
    """ "Libya violated the embargo" after "a UN air embargo": a definite noun with no owner of its own
    repeats the latest earlier mention of that noun which named one."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return []
    doc, sentences = noun.doc, 0
    for i in range(noun.sent.start - 1, -1, -1):
        token = doc[i]
        if token.is_sent_start:
            sentences += 1
            if sentences > _OWNER_WINDOW:
                return []
        if token.lemma_ != noun.lemma_ or token.pos_ != "NOUN":
            continue
        owner = _author(token, ctx)
        if owner:
            return owner
    return []


def _in_front_of(prep):
    """The object of "in front of X" given the "in", or None."""
    front = next((g for g in prep.children if g.dep_ == "pobj" and g.lower_ == "front"), None)
    of = next((g for g in front.children if g.dep_ == "prep" and g.lower_ == "of"), None) if front is not None else None
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def actors_in(node, ctx: Context, *, max_depth: int = 2, conjuncts: bool = True) -> list:
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
            for mention in list(found) if conjuncts else ():
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
    "protest protests demonstration demonstrations riot riots "
    "bombing shelling operation blockade crackdown policy policies position stance proposal plan warning "
    "statement complaint demand demands decision move threat threats ultimatum changes mediation offer "
    "call request invitation initiative bid "
    "town towns city cities village villages positions territory airspace waters embassy consulate goods "
    "products ships ship vessel vessels aircraft planes interests border bases base targets".split()
)


def _adjective_actor(token, ctx: Context):
    """A national adjective on an agentive noun ("Israeli raid", "U.S. warning") as an actor mention."""
    if token.dep_ not in ("amod", "compound") or token.head.lemma_.lower() not in _AGENTIVE_NOUNS:
        return None
    return _national(token, ctx)


def _author(noun, ctx: Context) -> list:
    """Who issued a statement-like noun, from its own modifiers: "Iran's statement", "a German court
    ruling", "the Libyan note"; empty if none names a country."""
    for child in noun.children:
        if child.dep_ not in ("poss", "compound", "amod") or child.i > noun.i:
            continue
        found = actors_in(child, ctx, max_depth=1)
        if found:
            return found
        national = next((m for m in (_national(t, ctx) for t in child.subtree) if m is not None), None)
        if national is not None:
            return [national]
    return []


def _national(token, ctx: Context):
    """A national adjective or country name token ("German", "U.S.") as a derived actor mention."""
    if token.ent_type_ not in ("NORP", "GPE"):
        return None
    from .. import actors

    actor = actors.resolve(token.text, date=ctx.published)
    if actor is None or not actor.country:
        return None
    return _Derived(token.idx, token.idx + len(token.text), token.text, actor, token.i, token.i + 1, "adjective")


def _conjuncts(mention, ctx: Context) -> list:
    doc = ctx.doc
    head = None
    for i in range(mention.token_start, mention.token_end):
        tok = doc[i]
        if not (mention.token_start <= tok.head.i < mention.token_end) or tok.head.i == tok.i:
            head = tok
            break
    if head is None:
        return []
    out: list = []
    seen = {head.i}
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        if tok.i in seen:
            continue  # a conjunct inside a mention's span can point back at the mention
        seen.add(tok.i)
        out.extend(m for m in actors_in(tok, ctx, max_depth=1, conjuncts=False) if m not in out)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out


# Verbs of travel: their destination is a place, and the place's country is the target ("flew into
# southern Albania" -> ALB). Actor mentions leave places out, so the gazetteer answers here.
_MOTION_VERBS = frozenset({"visit", "tour", "travel", "fly", "arrive", "head", "go", "withdraw", "pull", "be"})
_DESTINATION_PREPS = frozenset({"to", "into", "in", "at", "for", "from", "of"})


_NOT_DESTINATIONS = frozenset("war length lengths court polls poll extreme extremes trouble arms".split())


def goes_nowhere(verb) -> bool:
    """Idioms of motion verbs that travel nowhere: "has gone to war with Iraq", "went to great lengths",
    "went to court", "go to the polls"."""
    return verb.lemma_ in _MOTION_VERBS and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _NOT_DESTINATIONS
        for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children)


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
    from ..actors import places

    place = places.lookup(span.text)
    if place is None or not place.country:
        return None
    return _place_mention(place, span.start_char, span.end_char, span.text, "destination", start, end)


def _place_mention(place, start: int, end: int, text: str, how: str, token_start: int = -1, token_end: int = -1) -> _Derived:
    """A place's country as a derived actor mention over the given span of text."""
    from ..actors.resolve import Actor

    actor = Actor(code=place.country, country=place.country, sector=None, name=place.name, kind="country", id=place.country)
    return _Derived(start, end, text, actor, token_start, token_end, how)


def dateline_host(ctx: Context):
    """The country of the article's dateline as a derived actor: where a visit with no destination
    named went ("Millon's five-day visit, which started Sunday" in a story filed from BEIJING)."""
    if "dateline_host" not in ctx.cache:
        from ..actors import CONTESTED_DATELINES, places

        place = places.dateline_place(ctx.doc.text)
        host = None
        if place is not None and place.country and place.start is not None and place.end is not None \
                and place.name not in CONTESTED_DATELINES | {"United Nations"}:
            host = _place_mention(place, place.start, place.end, ctx.doc.text[place.start:place.end], "dateline")
        ctx.cache["dateline_host"] = host
    return ctx.cache["dateline_host"]


def ground(trigger):
    """The country where an event happens, as a derived actor (how="place"): the place named in the
    trigger's own clause ("demolished a home in Surif", "an operation in Beit Hanoun"), or None."""
    from ..actors import places

    place = places.event_place(trigger)
    if place is None or not place.country or place.start is None:
        return None
    return _place_mention(place, place.start, place.end, trigger.doc.text[place.start:place.end], "place")


def struck_place(mention):
    """A capital struck by force is the place, not its government: "attacked Kuwait City" targets
    Kuwait, not KWTGOV. Returns a country-level derived actor, or None when the mention is no city
    (a seat of power such as "the Pentagon" stays the body it stands for)."""
    from ..actors import places

    if getattr(mention, "how", "") != "metonym":
        return None
    place = places.lookup(mention.text)
    if place is None or place.precision != "city" or not place.country:
        return None
    return _place_mention(place, mention.start, mention.end, mention.text, "place", mention.token_start, mention.token_end)
