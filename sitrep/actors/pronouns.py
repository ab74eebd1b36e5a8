"""The last step of `actors.find_mentions`: pronouns that stand for an actor named just before.

"Syria, which Israel accused of arming Hezbollah", "The UN said it would send aid", "The army said it
had repelled them": a relative pronoun, an "it" or a "they"/"them" repeats an actor the text named,
and an event whose subject or object is that pronoun is about that actor. Each such pronoun becomes a
mention of its antecedent (how "pronoun"), so every later stage (the coder's slots, the quote stage)
reads it like a name. It runs after the context rules, so "the government" already has its country.

The rules prefer nothing to a guess (news "it" is as often the plan, the charge or the weather):
1. a relative pronoun ("who", "which", "that") is the noun its relative clause hangs on, when that
   noun is an actor mention;
2. a subject "it"/"they" is the nearest subject before it, in its sentence or the one before, when
   that subject is an actor that agrees in number ("it": a state, a body or a singular group noun;
   "they": a plural group noun); any other nearest subject (a thing, a person, a plural) gives none;
3. an object "it"/"them" is the nearest agreeing noun phrase before it that is not the subject its
   own clause has or inherits ("Japan condemned North Korea and urged it to stop"); a thing of the
   same number nearer than any actor ("Iran denied the charge and ... lying about it") gives none;
4. an object "him"/"her" is the nearest person named before it outside its clause's subject
   ("Putin said Bush had invited him"), none when that person is one no table knows;
5. never across a quote mark: '"It must stop," Abe said' is not the state named before the quote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.words import actor_words
from .resolve import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["pronoun_mentions"]

_RELATIVE = actor_words("relative-pronouns")
_RELATIVE_PEOPLE = frozenset({"who", "whom"})
_SINGULAR = actor_words("singular-pronouns")
_PLURAL = actor_words("plural-pronouns")
_PERSON_OBJECTS = actor_words("person-object-pronouns")
_COPULAS = actor_words("copula-verbs")
_GROUP_PREPOSITIONS = actor_words("group-prepositions")
_QUOTE_MARKS = frozenset('"“”«»„')
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "obj", "pobj", "dative"})
_PHRASE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative", "attr", "appos", "conj"})
_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_STATE_KINDS = frozenset({"country", "organisation"})
_WINDOW = 1  # sentences back (besides its own) that a pronoun may look for its antecedent


def pronoun_mentions(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """`mentions` plus a mention for each relative or third-person pronoun whose antecedent is one of
    them (or an earlier pronoun already resolved), in text order."""
    cover = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    added: list[ActorMention] = []
    for token in doc:
        if token.i in cover or token.pos_ != "PRON":
            continue
        word = token.lower_
        if word in _RELATIVE and token.tag_ in ("WDT", "WP"):
            antecedent = _relative_antecedent(token, cover)
        elif word in _SINGULAR or word in _PLURAL:
            antecedent = _personal_antecedent(token, cover)
        elif word in _PERSON_OBJECTS and token.tag_ == "PRP" and token.dep_ in _OBJECTS:
            antecedent = _person_antecedent(token, cover)
        else:
            continue
        if antecedent is None:
            continue
        mention = ActorMention(token.idx, token.idx + len(token.text), token.i, token.i + 1, token.text,
                               antecedent.actor, "pronoun")
        cover[token.i] = mention
        added.append(mention)
    return sorted([*mentions, *added], key=lambda m: m.token_start) if added else mentions


def _relative_antecedent(token: Token, cover: dict[int, ActorMention]) -> ActorMention | None:
    """ "Mobutu, who the rebels have called on to resign": the noun the relative clause hangs on, when
    the clause follows that noun's phrase at once and nothing else may be what the pronoun repeats."""
    clause = token
    for _ in range(3):  # "who ... called on", "on whom ... relied": pronoun -> (prep ->) relative verb
        if clause.dep_ == "relcl":
            break
        if clause.dep_ not in _SUBJECTS | _OBJECTS | {"prep"} or clause.head.i == clause.i:
            return None
        clause = clause.head
    noun = clause.head
    if clause.dep_ != "relcl" or noun.i > token.i or noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children):
        return None  # "Putin and Kim, who held talks": the clause may be about both, one mention is not
    phrase_end = max([noun.i] + [t.i for c in noun.children if c.i < token.i and c.i != clause.i for t in c.subtree])
    first = min(token.i, clause.left_edge.i)
    if any(not noun.doc[i].is_punct for i in range(phrase_end + 1, first)):
        return None  # "Hu will visit India from Nov. 20 to 23, which will be the first visit": the visit
    mention = cover.get(noun.i)
    if mention is None or not mention.actor.country:
        return None
    if token.lower_ in _RELATIVE_PEOPLE:  # "Pyongyang, who signed ...": no city or state is a "who"
        people = mention.actor.kind in ("person", "sector") or noun.tag_ in _PLURAL_TAGS  # "the Palestinians, who"
        return mention if people and noun.ent_type_ not in ("GPE", "LOC") else None
    if mention.actor.kind == "person":
        return None
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return None  # "a request from NATO, which we are willing to meet": the request, maybe
    return mention


def _personal_antecedent(token: Token, cover: dict[int, ActorMention]) -> ActorMention | None:
    """The actor an "it"/"they"/"them" stands for (rules 2, 3 and 5 of the module), or None."""
    plural = token.lower_ in _PLURAL
    if token.dep_ in _SUBJECTS:
        if token.head.lemma_ in _COPULAS:  # "it is clear that", "it was time": no actor
            return None
        candidates = _subjects_before(token)
        excluded: set[int] = set()
    elif token.dep_ in _OBJECTS:
        if token.head.lower_ in _GROUP_PREPOSITIONS:  # "the war between them": two, not one
            return None
        candidates = (t for t in _before(token) if t.dep_ in _PHRASE_DEPS and t.pos_ in ("NOUN", "PROPN", "PRON"))
        excluded = _own_subjects(token)
    else:
        return None
    for candidate in candidates:
        if candidate.i in excluded or candidate.ent_type_ in ("DATE", "TIME"):
            continue
        mention = cover.get(candidate.i)
        if mention is not None and _agrees(mention, candidate, plural):
            if _quote_between(candidate, token) or _thing_between(candidate, token, cover, plural) \
                    or _inside_thing(candidate, cover, plural):
                return None
            return mention
        if token.dep_ in _SUBJECTS or _same_number(candidate, plural):
            return None  # the nearest subject, or a nearer thing of its number, is no actor it fits
    return None


def _thing_between(antecedent: Token, pronoun: Token, cover: dict[int, ActorMention], plural: bool) -> bool:
    """A direct object of the pronoun's number that names no actor stands between the two, outside
    any relative clause: "Hamas rejected Abbas's call, warning that it amounted to ..." (the call)."""
    for i in range(antecedent.i + 1, pronoun.i):
        token = pronoun.doc[i]
        if token.dep_ in ("dobj", "obj") and i not in cover and _same_number(token, plural) \
                and token.ent_type_ not in ("DATE", "TIME") \
                and not any(a.dep_ == "relcl" for a in token.ancestors if a.i > antecedent.i):
            return True
    return False


def _inside_thing(candidate: Token, cover: dict[int, ActorMention], plural: bool) -> bool:
    """The actor is named inside a phrase about something else of the pronoun's number ("their
    customers, including government ministries, are indebted to them"): that phrase's head comes
    first."""
    node = candidate
    while node.dep_ in ("pobj", "prep", "appos") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            return node.i not in cover and _same_number(node, plural)
    return False


def _person_antecedent(token: Token, cover: dict[int, ActorMention]) -> ActorMention | None:
    """ "Tung said he was disappointed with Lee and warned him": an object "him"/"her" is the nearest
    person named before it who is not the subject its clause has or inherits; nothing when that
    nearest person is one no table knows, or a quote mark stands between."""
    excluded = _own_subjects(token)
    for candidate in _before(token):
        if candidate.i in excluded:
            continue
        mention = cover.get(candidate.i)
        if mention is not None and mention.actor.kind == "person":
            return None if not mention.actor.country or _quote_between(candidate, token) else mention
        if mention is None and candidate.ent_type_ == "PERSON":
            return None
    return None


def _subjects_before(token: Token):
    """Subjects the pronoun may repeat, likeliest first: the subjects of the clauses it is part of
    ("The veterans came after the authorities accused X, saying they ...": the veterans), then the
    other subjects before it in its sentence, nearest first, then the main subject of the sentence
    before ("Some officials fear that militant groups will rearm. They fear ...": the officials)."""
    doc = token.doc
    above = [c for a in token.ancestors for c in a.children if c.dep_ in _SUBJECTS and c.i < token.i]
    yield from above
    yield from (doc[i] for i in range(token.i - 1, token.sent.start - 1, -1) if doc[i].dep_ in _SUBJECTS
                and doc[i] not in above)
    if token.sent.start == 0:
        return
    previous = token.doc[token.sent.start - 1].sent
    roots = [previous.root, *(c for c in previous.root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    for root in reversed(roots):
        yield from (c for c in root.children if c.dep_ in _SUBJECTS)


def _before(token: Token):
    """The tokens before `token`, nearest first, in its sentence and the `_WINDOW` sentences before."""
    doc = token.doc
    sentences = [s for s in doc.sents if s.start <= token.i][-(_WINDOW + 1):]
    for i in range(token.i - 1, sentences[0].start - 1, -1):
        yield doc[i]


def _agrees(mention: ActorMention, head: Token, plural: bool) -> bool:
    """ "it" fits a state, a body or a singular group noun ("the government"); "they"/"them" a plural
    group noun ("the rebels", "Palestinians"); neither fits a person or an actor with no country."""
    actor = mention.actor
    if not actor.country or actor.kind == "person":
        return False
    if plural:
        return head.tag_ in _PLURAL_TAGS  # "the rebels", "Palestinians", "Italian military sources"
    return actor.kind in _STATE_KINDS or head.tag_ in _SINGULAR_TAGS


def _same_number(token: Token, plural: bool) -> bool:
    """A noun (not a person) that could be what the pronoun repeats."""
    if token.pos_ == "PRON" or token.ent_type_ == "PERSON":
        return False
    return token.tag_ in (_PLURAL_TAGS if plural else _SINGULAR_TAGS)


def _own_subjects(pronoun: Token) -> set[int]:
    """Token indices the pronoun cannot repeat: the subject its clause has or inherits (through
    coordinated verbs, infinitives and gerunds), with all its words, and the objects of a verb that
    controls an infinitive or gerund above it. "Japan condemned X and urged it": "it" is not Japan; in
    "accused Washington of lying about it" Washington does the lying; in "appealed to the Council to
    lift the sanctions against it" the Council does the lifting."""
    found: set[int] = set()
    node = pronoun
    controlled = False
    for _ in range(8):
        if node.head.i == node.i:
            break
        controlled = controlled or node.dep_ in ("xcomp", "pcomp") or node.dep_ == "advcl" and node.tag_ in ("VBG", "VB")
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue  # a noun or preposition on the way up: "the sanctions against it"
        if controlled:
            controlled = False
            found.update(t.i for c in node.children if c.dep_ in ("dobj", "obj", "dative") for t in c.subtree)
            found.update(t.i for c in node.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                         for t in g.subtree)
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
        # "deaths of 400 Palestinians, half of them militants, forced ...": a subject holding the
        # pronoun is no subject of its clause
        found.update(t.i for s in subjects if not s.left_edge.i <= pronoun.i <= s.right_edge.i for t in s.subtree)
        if subjects or node.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "dobj"):
            break
    return found


def _quote_between(earlier: Token, later: Token) -> bool:
    """A quote mark between the two tokens: the pronoun is in other words than its antecedent."""
    doc = earlier.doc
    return any(ch in _QUOTE_MARKS for ch in doc.text[earlier.idx:later.idx])
