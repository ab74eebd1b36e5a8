"""Who did it and to whom: the source and target actors of a predicate, read off the parse.

The source is the subject, the subject inherited through coordination (with the verb it agrees with
in number), control, participles, "after meeting ..." and relative clauses, the agent of a passive,
actors written right before a subjectless verb, or the speaker for "we" in reported speech. The target
sits in the slot a lexicon frame names; national adjectives ("the Israeli raid") and travel
destinations ("flew into southern Albania") give derived actors. No country, no actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.lexicon import Frame
from ..tables.words import speech_verbs, word_list
from ..text import names_a_pair
from .antecedents import coordinated_subject, pair_antecedent, previous_subject
from .derived import DESTINATION_PREPS, Derived, dateline_host, destination, national, participle_agents
from .phrases import Context, actors_in, author

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "PROTEST_CODES", "PROTEST_NOUNS", "SPEECH_VERBS", "condition_clauses", "that_clause", "verb_arguments",
    "visiting_object",
]

SPEECH_VERBS = speech_verbs("report")
_FIRST_PERSON = frozenset({"we", "i", "us", "our"})
_THIRD_PERSON = frozenset({"it", "they", "he", "she"})


# ---------------------------------------------------------------------------------------------------
# Arguments


def verb_arguments(verb: Token, frame: Frame, ctx: Context) -> tuple[list, list]:
    """Source and target actor mentions of a verb coded with `frame`."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive and verb.lemma_ in _PRESENCE:  # "Velayati is expected in Damascus": the one expected comes
        return actors_in(next((c for c in verb.children if c.dep_ == "nsubjpass"), None), ctx), _target(verb, frame, ctx)
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        sources = actors_in(next((g for g in agent.children if g.dep_ == "pobj"), None), ctx) if agent else []
        if not agent and frame.code[:2] in ("18", "19", "20"):
            sources = _attack_agent(verb, ctx)
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        targets = actors_in(subject, ctx) if frame.target[0] in ("dobj", "possobj") else _target(verb, frame, ctx)
        return sources, targets
    visitor = _visiting_person(verb, ctx)
    if visitor:
        return visitor, _visit_host(verb, visitor, ctx)
    return _subject_actors(verb, ctx), _target(verb, frame, ctx)


def visiting_object(verb: Token) -> Token | None:
    """The phrase right after a "visiting" the parser read as a verb ("told visiting French Defence
    Minister Millon"): when it names a person, "visiting" is that person's title of the moment."""
    if verb.lower_ != "visiting" or verb.tag_ != "VBG":
        return None
    node = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return node if node is not None and node.left_edge.i == verb.i + 1 else None


def _visiting_person(verb: Token, ctx: Context) -> list:
    """ "Li told visiting French Defence Minister Millon": the visitor a "visiting" title names;
    "visiting China" stays a verb with its destination."""
    node = visiting_object(verb)
    if node is None:
        return []
    found = actors_in(node, ctx, max_depth=1)
    return found if found and all(m.actor.kind == "person" for m in found) else []


def _act_agent(node: Token | None, ctx: Context) -> list:
    """ "welcomed the agreement reached by Israel and the Palestinians", "condemned the attacks carried
    out by Hamas": the agent of a participle on the object is whose act the object is."""
    if node is None:
        return []
    for agent in participle_agents(node):
        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
        if pobj is not None:
            return actors_in(pobj, ctx)
    return []


def _visitor_noun(prep: Token):
    """ "met with visiting Pakistani Prime Minister Aziz": the person a "visiting" title names, when the
    parser hangs the title on the preposition as a clause (pcomp) instead of an object."""
    title = next((g for g in prep.children if g.dep_ == "pcomp" and g.lower_ == "visiting"), None)
    return next((c for c in title.children if c.dep_ in ("dobj", "obj")), None) if title is not None else None


def _visit_host(verb: Token, visitors: list, ctx: Context) -> list:
    """Who a visitor named as "visiting X" visits: the subject of the clause it is named in ("Li told
    visiting ..."), else the country the story was filed from."""
    away = {m.actor.country for m in visitors}
    hosts = _subject_actors(verb.head, ctx) if verb.head.i != verb.i else []
    hosts = [m for m in hosts if m.actor.country and m.actor.country not in away]
    if hosts:
        return hosts
    host = dateline_host(ctx)
    return [host] if host is not None and host.actor.country not in away else []




def _attack_agent(verb: Token, ctx: Context) -> list:
    """ "an Israeli raid into Gaza where six Palestinians were killed": whoever made the attack a
    passive act of force happened in did it."""
    if verb.dep_ not in ("relcl", "acl", "advcl"):
        return []
    noun = verb.head
    for _ in range(3):  # the clause may hang on the raid's place: "raid into northern Gaza where ..."
        if noun.lemma_.lower() in word_list("attack-agent-noun"):
            return author(noun, ctx)
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return []
        noun = noun.head.head
    return []


def _subject_actors(verb: Token, ctx: Context, depth: int = 0) -> list:
    """Actors of the verb's subject, following coordination, control and relative clauses."""
    if depth > 4:
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is not None:
        return _named_subject(verb, subject, ctx, depth)
    if verb.head.i == verb.i:
        return []
    reader = _INHERITED_SUBJECT.get(verb.dep_)
    return reader(verb, ctx, depth) if reader is not None else []


def _named_subject(verb: Token, subject: Token, ctx: Context, depth: int) -> list:
    """The actors a written subject stands for: the speaker for "we", the reporter or the conjuncts
    for "it"/"he", the noun a relative pronoun modifies, the two a "the two sides" repeats."""
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


def _conjunct_subject(verb: Token, ctx: Context, depth: int) -> list:
    """A coordinated verb shares the subject of the verb it agrees with ("... and urged")."""
    return _subject_actors(_agreeing_head(verb), ctx, depth + 1) or _surface_subject(verb, ctx)


def _copula_subject(verb: Token, ctx: Context, depth: int) -> list:
    """ "Syria is ready to help": the adjective's subject is the copula's."""
    return _subject_actors(verb.head, ctx, depth + 1)


def _controlled_subject(verb: Token, ctx: Context, depth: int) -> list:
    """An infinitive's subject: the object of "urged Iran to", the raised subject of "Bush is
    scheduled to visit", else the governing verb's subject."""
    head = verb.head
    if head.lemma_ in word_list("control-by-object"):
        obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        on = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
        if obj is None and on is not None:
            obj = next((g for g in on.children if g.dep_ == "pobj"), None)
        return actors_in(obj, ctx) if obj is not None else []
    raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if raised is not None:  # "Bush is scheduled to visit Jordan"
        return actors_in(raised, ctx)
    return _subject_actors(head, ctx, depth + 1)


def _adverbial_subject(verb: Token, ctx: Context, depth: int) -> list:
    """ "demonstrated in Kirkuk, calling for ...", "flew to Cairo to meet Mubarak": the main subject's."""
    if verb.tag_ == "VBG" or _to_infinitive(verb):
        return _subject_actors(verb.head, ctx, depth + 1)
    return []


def _prepositional_subject(verb: Token, ctx: Context, depth: int) -> list:
    """ "Merkel spoke after meeting Clark": the subject of the verb the preposition hangs from; the
    object of "accused X of ...", "thanked X for ..." (`gerund-by-object`)."""
    head = verb.head
    if not (verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX")):
        return []
    governor = head.head
    obj = next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and head.lower_ in ("of", "for") and governor.lemma_ in word_list("gerund-by-object"):
        return actors_in(obj, ctx)  # "accused German firms of supplying Iraq", "thanked Kenya for hosting": the object acts
    if governor.lemma_ in SPEECH_VERBS and head.i < governor.i:
        # "X left Libya, after holding talks with Y, TV said": misattached to the trailing tag
        clause = next((c for c in governor.children if c.dep_ == "ccomp" and c.i < head.i), None)
        if governor.dep_ in ("advcl", "parataxis"):
            governor = governor.head
        elif clause is not None:
            governor = clause
    return _subject_actors(governor, ctx, depth + 1)


def _clausal_modifier_subject(verb: Token, ctx: Context, depth: int) -> list:
    """A participle or infinitive on a noun: "a German court ruling accusing X" (the noun's author; a
    statement's issuer is the subject of its verb), "China's decision to postpone visits", "a refusal
    by Iraq to comply" (the noun's owner acts)."""
    head = verb.head
    if verb.tag_ == "VBG":
        issuer = author(head, ctx)
        if issuer:
            return issuer
        governor = head.head if head.dep_ in ("dobj", "pobj", "nsubj") else None
        while governor is not None and governor.dep_ == "prep":
            governor = governor.head
        return _subject_actors(governor, ctx, depth + 1) if governor is not None and governor.pos_ in ("VERB", "AUX") else []
    if _to_infinitive(verb):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i < verb.i), None)
        if owner is None and by is not None:
            owner = next((g for g in by.children if g.dep_ == "pobj"), None)
        return actors_in(owner, ctx, max_depth=1) if owner is not None else []
    return []


def _relative_subject(verb: Token, ctx: Context, depth: int) -> list:
    """A relative clause with no subject of its own is about the noun it modifies."""
    return actors_in(verb.head, ctx)


_INHERITED_SUBJECT = {
    "conj": _conjunct_subject, "acomp": _copula_subject, "xcomp": _controlled_subject, "advcl": _adverbial_subject,
    "pcomp": _prepositional_subject, "acl": _clausal_modifier_subject, "relcl": _relative_subject,
}
"""How a verb with no subject of its own inherits one, by its dependency on its head."""


# The protest words of news English and their CAMEO codes; the nouns among them are coded as events,
# with the "against" phrase as their target ("Palestinian riots against Israeli policies").
PROTEST_CODES = {"demonstrate": "141", "demonstration": "141", "protest": "141", "rally": "141", "march": "141",
                 "sit-in": "141", "picket": "141", "strike": "143", "walkout": "143", "riot": "145"}
PROTEST_NOUNS = ("demonstration", "protest", "riot")


def condition_clauses(verb: Token) -> list:
    """The "if"/"unless" clauses on a verb: "will withdraw unless Iraq pays", "... if Khartoum refused"."""
    return [c for c in verb.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]


def that_clause(node: Token) -> bool:
    """True when the clause headed by `node` is introduced by "that" ("its demand that Israel ...")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)


def _to_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_PRESENT = {"VBP": "plural", "VBZ": "singular", "VB": "plural"}
"""Present-tense number by tag; a bare "VB" with no "to" or modal before it is a finite plural that
the tagger misread (common in translated copy)."""


def _number(verb: Token) -> str | None:
    if verb.tag_ == "VB" and any(c.dep_ == "aux" for c in verb.children):
        return None
    return _PRESENT.get(verb.tag_)


def _agreeing_head(verb: Token):
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


def _surface_subject(verb: Token, ctx: Context) -> list:
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


def _reporter_actors(verb: Token, pronoun: Token, ctx: Context) -> list:
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
    if pronoun.lower_ == "they":
        return coordinated_subject(pronoun, ctx.by_token)
    return previous_subject(pronoun, ctx.by_token, ctx.quotes) if pronoun.lower_ in ("he", "she") else []


def _speaker_actors(verb: Token, ctx: Context, depth: int) -> list:
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
            return [Derived.of(quote)]
    return []


def _target(verb: Token, frame: Frame, ctx: Context) -> list:
    for slot in frame.target:
        found = _slot_actors(verb, slot, ctx)
        if found:
            return found
    return []


def _slot_actors(verb: Token, slot: str, ctx: Context) -> list:
    """The actors in one target slot of `verb` ("dobj", "prep:with", "objprep", ...; the lexicon's
    header lists them): the slot's reader from `_SLOT_READERS`, given the slot's word ("with")."""
    kind, _, word = slot.partition(":")
    reader = _SLOT_READERS.get(kind)
    return reader(verb, word or kind, ctx) if reader is not None else []


def _object_slot(verb: Token, slot: str, ctx: Context) -> list:
    """ "dobj" / "iobj": the direct or indirect object; for a verb of travel, the place it names."""
    deps = ("dobj", "obj") if slot == "dobj" else ("dative", "iobj")
    node = next((c for c in verb.children if c.dep_ in deps), None)
    if node is None and slot == "dobj" and verb.dep_ in ("relcl", "acl"):
        node = verb.head
    found = actors_in(node, ctx, max_depth=2) or _act_agent(node, ctx) or _national_modifier(node, ctx)
    if not found and slot == "dobj" and verb.lemma_ in word_list("motion-verb"):
        place = destination(node)
        found = [place] if place is not None else []
    return found


def _national_modifier(node: Token | None, ctx: Context) -> list:
    """The country a national adjective on a common-noun object names: whose people ("arrested three
    American hikers") or whose thing ("seized a British tanker", "rejected the American proposal") the
    act is done to. Only a modifier before the noun ("a Pakistani-born Briton" is not Pakistan's)."""
    if node is None or node.pos_ != "NOUN":
        return []
    for child in node.children:
        if child.dep_ in ("amod", "compound") and child.i < node.i:
            mention = national(child, ctx)
            if mention is not None:
                return [mention]
    return []


def _prep_slot(verb: Token, word: str, ctx: Context) -> list:
    """ "prep:with": the object of that preposition on the verb or on its object ("pulled out troops
    from Gaza", "sent aid to Albania"); for a verb of travel, the place it names."""
    children = list(verb.children)
    obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
    for child in children + ([c for c in obj.children if c.dep_ == "prep"] if obj is not None else []):
        if child.dep_ in ("prep", "dative", "prt", "agent") and child.lower_ == word:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None) or _visitor_noun(child)
        elif word == "outside" and child.dep_ == "prep" and child.lower_ == "in":
            pobj = _in_front_of(child)  # the multiword preposition: "a sit-in in front of the embassy"
        else:
            continue
        found = actors_in(pobj, ctx, max_depth=2) or (_place_left(pobj) if word == "from" else []) \
            or (_place_served(pobj) if word == "for" and _gives_means(obj) else [])
        if found:
            return found
    bare = not any(c.dep_ in ("dobj", "obj", "prep", "ccomp", "xcomp") for c in children)
    for later in (c for c in children if bare and c.dep_ == "conj" and c.pos_ == "VERB"):
        # "happy to cooperate and arrange exchanges with France": a phrase after coordinated verbs
        # completes a first verb that has no complement of its own
        if any(g.dep_ == "prep" and g.lower_ == word for g in later.children):
            found = _prep_slot(later, word, ctx)
            if found:
                return found
    if word in DESTINATION_PREPS and (verb.lemma_ in word_list("motion-verb") or verb.lemma_ in _PRESENCE):
        for child in children:
            if child.dep_ == "prep" and child.lower_ == word:
                place = destination(next((g for g in child.children if g.dep_ == "pobj"), None))
                if place is not None:
                    return [place]
    return []


_PRESENCE = frozenset({"be", "expect", "due"})
"""Lemmas of the announced-stay frames ("will be in", "is expected in", "is due in"): their place is a destination."""


def _place_served(pobj: Token | None) -> list:
    """The country of the place a force, mission or fund serves ("pledged 700 troops for the force in
    Albania", "promised aid for the victims in Pakistan"): what is given for something in X is given to X."""
    prep = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "in"), None) if pobj is not None else None
    place = destination(next((g for g in prep.children if g.dep_ == "pobj"), None)) if prep is not None else None
    return [place] if place is not None else []


_MEANS = ("troop-object", "aid-object", "money-object", "weapon-object")


def _gives_means(obj: Token | None) -> bool:
    """True when the object is forces, aid, money or arms (the classes @troop, @aid, @money, @weapon of
    data/verbs.tsv), as what is given for a place's force or victims: not "promised a decision for the
    meeting in Brussels"."""
    if obj is None:
        return False
    words = {obj.lemma_.lower(), obj.lower_} | {c.lower_ for c in obj.children if c.dep_ == "compound"}
    return any(words & word_list(name) for name in _MEANS)


def _place_left(pobj: Token) -> list:
    """The country of the place an act leaves ("withdrew from Kabul", "the departure of staff from the
    embassy at Islamabad"): the place itself or the place of the building named."""
    if pobj is None:
        return []
    place = destination(pobj)
    for prep in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("at", "in")) if place is None else ():
        place = destination(next((g for g in prep.children if g.dep_ == "pobj"), None))
        if place is not None:
            break
    return [place] if place is not None else []


_OBJPREP_WORDS = ("about", "over", "at", "on", "regarding", "between", "with", "to", "of", "outside", "in")


def _objprep_slot(verb: Token, slot: str, ctx: Context) -> list:
    """ "objprep": a preposition phrase under the direct object or on the verb ("concern about X",
    "agreement between X and Y")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    anchors = [c for c in (obj.children if obj is not None else ()) if c.dep_ == "prep"]
    anchors += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _OBJPREP_WORDS]
    for prep in anchors:
        if prep.lower_ in ("in",) and obj is not None and prep.head.i == verb.i:
            continue
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        found = actors_in(pobj, ctx, max_depth=4) or _national_modifier(pobj, ctx)
        if found:
            return found
    if obj is not None and any(c.dep_ in ("acl", "relcl") and c.tag_ == "VB" for c in obj.children):
        # "expressed its willingness to cooperate with South Korea": the object's infinitive names whom
        return _xcomp_object_slot(verb, "xcomp-dobj", ctx)
    return []


def _possobj_slot(verb: Token, slot: str, ctx: Context) -> list:
    """ "possobj": the owner or doer of the object ("rejected Iran's proposal", "the sale of arms by
    German firms", "the Israeli raid"), else an earlier mention of it that named one."""
    children = list(verb.children)
    obj = next((c for c in children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    if obj is None:
        return []
    owner = next((c for c in obj.children if c.dep_ in ("poss", "amod", "compound") and c.i in ctx.by_token), None)
    if owner is not None:
        return actors_in(owner, ctx, max_depth=0)
    if obj.i in ctx.by_token:
        return actors_in(obj, ctx, max_depth=0)
    adjective = _national_modifier(obj, ctx)
    if adjective:
        return adjective
    # the act's doer: "the sale of arms by German firms", "the killing of X", "aid from Y"; a "by"
    # phrase hung on the verb after the object is the object's ("protest aid to Baghdad by German firms")
    preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")]
    preps += [c for c in children if c.dep_ == "prep" and c.lower_ == "by" and c.i > obj.i]
    for prep in sorted(preps, key=lambda c: c.lower_ != "by"):
        found = actors_in(next((g for g in prep.children if g.dep_ == "pobj"), None), ctx, max_depth=1)
        if found:
            return found
    return _earlier_owner(obj, ctx)


def _clause_subject_slot(verb: Token, slot: str, ctx: Context) -> list:
    """ "clause-subj": the one told to act ("demanded that the DPRK forsake ...", "reiterated its
    demand that Israel ease ...": the clause may hang on the object)."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp") and that_clause(c)), None) \
            if obj is not None else None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
    return actors_in(subject, ctx, max_depth=1) if subject is not None else []


def _condition_subject_slot(verb: Token, slot: str, ctx: Context) -> list:
    """ "condition-subj": the one a condition is put to ("warned that the US would go to Plan B if
    Khartoum refused ...")."""
    for clause in [verb] + [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]:
        for cond in condition_clauses(clause):
            subject = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            found = actors_in(subject, ctx, max_depth=1) if subject is not None else []
            if found:
                return found
    return []


def _xcomp_object_slot(verb: Token, slot: str, ctx: Context) -> list:
    """ "xcomp-dobj": the target of the infinitive or gerund the verb governs ("agreed to meet X",
    "scrapped plans to visit the United States", "ruled out sending troops to Afghanistan")."""
    children = list(verb.children)
    xcomp = next((c for c in children if c.dep_ == "xcomp" or _gerund_complement(c)), None)
    if xcomp is None:  # "scrapped plans to visit the United States": the infinitive hangs off the object
        obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
        xcomp = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"), None) if obj is not None else None
    if xcomp is None:
        return []
    # "ruled out sending German troops to Afghanistan": a state's own forces are what it sends
    states = {m.actor.country for m in _subject_actors(verb, ctx) if (m.actor.sector or "GOV") == "GOV"}
    for inner in ("dobj", "prep:with", "prep:to", "prep:between", "prep:for"):
        found = [m for m in _slot_actors(xcomp, inner, ctx)
                 if not (m.actor.country in states and m.actor.sector in _FORCES)]
        if found:
            return found
    if xcomp.lemma_ in word_list("control-by-object"):
        # "offered to help Ukraine rebuild its grid": the parser makes the one helped the subject of
        # a bare clause under "help"
        clause = next((c for c in xcomp.children if c.dep_ == "ccomp" and not that_clause(c)), None)
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
        return actors_in(subject, ctx, max_depth=1) if subject is not None else []
    return []


def _here_slot(verb: Token, slot: str, ctx: Context) -> list:
    """ "here": the dateline's country, when the verb says "here" ("Camdessus arrived here Monday" in a
    story filed from MOSCOW)."""
    if not any(c.dep_ == "advmod" and c.lower_ == "here" for c in verb.children):
        return []
    host = dateline_host(ctx)
    return [host] if host is not None else []


_SLOT_READERS = {
    "dobj": _object_slot, "iobj": _object_slot, "prep": _prep_slot, "objprep": _objprep_slot,
    "possobj": _possobj_slot, "clause-subj": _clause_subject_slot, "condition-subj": _condition_subject_slot,
    "xcomp-dobj": _xcomp_object_slot, "here": _here_slot,
}
"""Target slot kind -> the function that reads its actors off the parse ("none" has none)."""


_FORCES = frozenset({"MIL", "COP"})


def _gerund_complement(node: Token) -> bool:
    """ "ruled out sending troops to Afghanistan": a gerund the parser hung as an adverbial clause with
    no subordinator is the verb's complement."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in node.children)


_OWNER_WINDOW = 6  # sentences back that "the embargo" may look for "a UN air embargo"


def _earlier_owner(noun: Token, ctx: Context) -> list:
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
        owner = author(token, ctx)
        if owner:
            return owner
    return []


def _in_front_of(prep: Token):
    """The object of "in front of X" given the "in", or None."""
    front = next((g for g in prep.children if g.dep_ == "pobj" and g.lower_ == "front"), None)
    of = next((g for g in front.children if g.dep_ == "prep" and g.lower_ == "of"), None) if front is not None else None
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
