"""Context for actor mentions with no country: the article's dateline and the sentence's places.

Stage 4 of `actors.find_mentions`, after the noun groups and coreference of `actor_mentions.py`:
wire copy names a country once and then writes "the government", "police", "demonstrators in
Baghdad". These rules give such a mention the country its context makes plain, conservatively (a
sentence that names another country leaves it without one).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..tables.actors import ActorDictionary
from ..tables.words import actor_words
from ..text import doc_text
from .resolve import CONTESTED_DATELINES, Actor, ActorMention, _Atom, _code, named_actor, sector_actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["dateline_context", "described_bodies", "owner_context", "place_context", "repeated_context", "repeated_groups",
           "sentence_context", "settle", "story_context"]

# -- the dateline as context ----------------------------------------------------------------------

_CONTEXT_SECTORS = actor_words("context-sectors")
_CONTEXT_MILITARY = actor_words("context-military")


def dateline_context(doc: Doc, mentions: list[ActorMention], atoms: Sequence[_Atom], date: str | None,
                     dictionary: ActorDictionary) -> list[ActorMention]:
    """Give a bare state or rebel noun the country of the article's dateline, conservatively.

    Wire copy names its country once and then writes "the government", "the army", "rebels",
    "government spokesman Abdirahman Dinari" (MOGADISHU) or "spokesman Michael McCurry"
    (WASHINGTON). Such a mention, with no country of its own, takes the dateline's country when:
    1. the dateline names a place in one country (not "UNITED NATIONS", not a contested city);
    2. the noun is a state organ (government, ministry, parliament, courts, police, intelligence,
       "the army"/"the military" -- not "troops", often foreign) or rebels, militants, Islamists,
       or a title with no name ("the interior minister", "a former defence minister": ELI);
    3. its sentence names no other country: any other country, capital or city there (as actor or
       place) leaves the mention without a country, since the noun may then belong to it. For rebel
       nouns, foreign *troops* in the sentence do not count (rebels fight them: "Islamist fighters
       opened fire on Ethiopian troops").
    A provisional person ("spokesman Michael McCurry") takes the country in all its mentions.
    """
    from ..tables.gazetteer import dateline_place

    place = dateline_place(doc_text(doc))
    if place is None or place.country is None or place.name in CONTESTED_DATELINES:
        return mentions
    home = place.country

    def atom_country(atom: _Atom) -> str | None:
        named = atom.entry.named
        if named is None:
            return None
        return named_actor(named, date, dictionary).country

    def foreign_in_sentence(mention: ActorMention) -> bool:
        sent = doc[mention.token_start].sent
        rebel = mention.actor.sector == "REB"
        for other in mentions:
            if other is mention or not (sent.start <= other.token_start < sent.end):
                continue
            if other.actor.country in {None, home, "IGO"}:
                continue
            if rebel and other.actor.sector == "MIL":
                continue
            return True
        covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
        for atom in atoms:  # places are not mentions: "fighting against rebels in Ivory Coast"
            if sent.start <= atom.start < sent.end and atom.start not in covered:
                if atom_country(atom) not in {None, home, "IGO"}:
                    return True
        return False

    def eligible(mention: ActorMention) -> bool:
        actor = mention.actor
        if actor.country is not None or mention.how not in {"dictionary", "title", "pending", "pending-title"}:
            return False
        if actor.kind == "person" and not actor.provisional:
            return False
        if actor.sector in _CONTEXT_SECTORS or (mention.how == "pending-title" and actor.sector == "ELI"):
            return True  # "a former defence minister" (MOSCOW) was Russia's
        return actor.sector == "MIL" and mention.text.lower().split()[-1] in _CONTEXT_MILITARY

    people: dict[str, Actor] = {}
    out = []
    for mention in mentions:
        actor = mention.actor
        if actor.kind == "person" and actor.id in people:
            out.append(dataclasses.replace(mention, actor=people[actor.id]))
            continue
        if eligible(mention) and not foreign_in_sentence(mention):
            if actor.kind == "person":
                new = dataclasses.replace(actor, code=_code(home, actor.sector), country=home)
                people[actor.id] = new
            else:
                new = sector_actor(home, actor.sector or "", dictionary)
            out.append(dataclasses.replace(mention, actor=new, how="dateline"))
            continue
        out.append(mention)
    return out


# -- the story's state as context --------------------------------------------------------------------

_STORY_WINDOW = 2  # sentences back that "the military" may look for the state the story is about
_STORY_SECTORS = actor_words("story-sectors")
_STORY_MILITARY = actor_words("story-military")


def story_context(doc: Doc, mentions: list[ActorMention], dictionary: ActorDictionary) -> list[ActorMention]:
    """Give a bare state noun the country of the one state the story has just been about.

    "The Philippine government met rebel leaders on Monday. The military deployed a battalion": wire
    copy names a state and then writes "the military", "the armed forces", "senior military
    commanders", "the government", "police". Such a mention with no country takes the country of the
    state actors (countries, their governments, forces and officials) named in its sentence before
    it and in the two sentences before, when they are all of one country and no actor of another
    country is named in its own sentence. Nothing when two states are in play ("Kenya accused
    Ethiopia ... The military deployed troops": whose?); the dateline rule runs after it, so the story's
    state beats the place it is filed from (a WASHINGTON story about Manila).
    """
    starts = [s.start for s in doc.sents]
    out: list[ActorMention] = []
    for mention in mentions:
        if not _bare_state(doc, mention):
            out.append(mention)
            continue
        here = max(k for k, start in enumerate(starts) if start <= mention.token_start)
        window = starts[max(0, here - _STORY_WINDOW)]
        sent = doc[mention.token_start].sent
        states = {m.actor.country for m in out if window <= m.token_start and _state_like(m.actor)}
        named = {m.actor.country for m in mentions if sent.start <= m.token_start < sent.end} - {None, "IGO"}
        if len(states) != 1 or None in states or "IGO" in states or not named <= states:
            out.append(mention)
            continue
        new = sector_actor(states.pop(), mention.actor.sector or "", dictionary)
        out.append(dataclasses.replace(mention, actor=new, how="story"))
    return out


def _bare_state(doc: Doc, mention: ActorMention) -> bool:
    """A state organ named without a country: "the government", "police", "the military", "the armed
    forces", "military commanders" (not "troops" or "forces" alone, often foreign), not a person."""
    actor = mention.actor
    if actor.country is not None or actor.kind != "sector" or mention.how not in {"dictionary", "pending"}:
        return False
    if actor.sector in _STORY_SECTORS:
        return True
    words = [doc[i].lower_ for i in range(mention.token_start, mention.token_end)]
    return actor.sector == "MIL" and (words[-1] in _CONTEXT_MILITARY or "-".join(words[-2:]) in _STORY_MILITARY)


def _state_like(actor: Actor) -> bool:
    """A country, or an organ or official of its state, with a country."""
    return actor.country is not None and (actor.kind == "country" or actor.sector in _STATE_SECTORS)


# -- a place in the sentence as context -------------------------------------------------------------

_LOCAL_SECTORS = actor_words("local-sectors")
"""Sectors that are people of the place where they act ("demonstrators in Baghdad", "police"); not
refugees (from elsewhere by definition) nor troops (often foreign)."""
_VISITORS = actor_words("visitors")
"""People and offices that are, by what the noun says, often not of the place where they are
("settlers in the West Bank" are Israelis; "the US embassy in Belgrade" is American)."""


def place_context(doc: Doc, mentions: list[ActorMention], dictionary: ActorDictionary) -> list[ActorMention]:
    """Give a sector noun with no country the country of the place its sentence happens in.

    "Up to 100 ethnic Albanians demonstrated in Serbia", "demonstrators protesting election results in
    Monrovia": the people of a local sector (civilians, protesters, police, workers ...) are, unless
    said otherwise, of the place where they act. The mention takes the place's country when a
    locative place in its sentence is attached to it ("demonstrators in Baghdad"), or else when every
    locative place of the sentence lies in one country and no actor of another country is named there.
    """
    from .places import find_places

    places_of: dict[int, list] = {}
    out = []
    for mention in mentions:
        actor = mention.actor
        if actor.country is not None or actor.kind == "person" or actor.sector not in _LOCAL_SECTORS \
                or mention.how == "pending-title" \
                or (actor.sector == "MIL" and mention.text.lower().split()[-1] not in _CONTEXT_MILITARY) \
                or doc[mention.token_end - 1].lemma_.lower() in _VISITORS:
            out.append(mention)
            continue
        sent = doc[mention.token_start].sent
        if sent.start not in places_of:  # several sector nouns in one sentence share its places
            places_of[sent.start] = [p for p in find_places(sent) if p.country]
        places = places_of[sent.start]
        home = _attached_place(doc, mention, places)
        if home is None and len({p.country for p in places}) == 1:
            others = {m.actor.country for m in mentions if sent.start <= m.token_start < sent.end} - {None, "IGO"}
            home = places[0].country if others <= {places[0].country} else None
        if home is None:
            out.append(mention)
            continue
        out.append(dataclasses.replace(mention, actor=sector_actor(home, actor.sector or "", dictionary), how="place"))
    return out


def _attached_place(doc: Doc, mention: ActorMention, places) -> str | None:
    """The country of a place in a prepositional phrase on the mention itself ("police in Lagos")."""
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        prep = span.root.head
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "at") and \
                mention.token_start <= prep.head.i < mention.token_end:
            return place.country
    return None


# -- "his forces": the owner a possessive pronoun stands for ---------------------------------------

_OWNER_PRONOUNS = {"his": frozenset({"person"}), "her": frozenset({"person"}),
                   "its": frozenset({"country", "organisation", "sector"}), "their": None}


def owner_context(doc: Doc, mentions: list[ActorMention], dictionary: ActorDictionary) -> list[ActorMention]:
    """ "Zenawi said his forces had killed ...", "Israel said its troops withdrew": a sector noun with no
    country owned by a possessive pronoun takes the country of the subject of the clause above it
    that the pronoun can stand for ("his" a person, "its" a state or body, "their" any)."""
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    out = []
    for mention in mentions:
        actor = mention.actor
        head = doc[mention.token_end - 1]
        pronoun = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS), None)
        if actor.country is not None or actor.kind != "sector" or pronoun is None:
            out.append(mention)
            continue
        owner = _clause_subject_above(head, by_token, _OWNER_PRONOUNS[pronoun.lower_])
        if owner is None:
            out.append(mention)
            continue
        new = sector_actor(owner.actor.country, actor.sector or "", dictionary)
        out.append(dataclasses.replace(mention, actor=new, how="owner"))
    return out


def _clause_subject_above(token: Token, by_token: dict, kinds: frozenset[str] | None):
    """The first subject with a country on the way up from `token` that is not inside its own phrase."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in node.children if c.dep_ == "nsubj" and not (c.i <= token.i <= c.right_edge.i)), None)
        if subject is None:
            continue
        mention = by_token.get(subject.i)
        if mention is not None and mention.actor.country and (kinds is None or mention.actor.kind in kinds):
            return mention
        return None
    return None


# -- the sentence's state as context ----------------------------------------------------------------

_DOMESTIC_SECTORS = actor_words("domestic-sectors")
"""Actors that act on their own country's state: a judge investigates, rebels fight, their own
government ("Judge Alejandro Rivera opened investigations against 28 Chilean government officials")."""


def sentence_context(doc: Doc, mentions: list[ActorMention], dictionary: ActorDictionary) -> list[ActorMention]:
    """Give a judge, court or rebel group with no country the country of the state its sentence names.

    When every other actor of the sentence that has a country is the government of one country
    (its officials, ministries, leaders; "Burundi's government", "Chilean government officials"),
    a judiciary or rebel mention with no country of its own is taken to be of that country. Not when
    a foreign army, another country or an international body is named there: a foreign judge trying
    a former head of state, rebels fighting foreign troops.
    """
    out = []
    for mention in mentions:
        actor = mention.actor
        if actor.country is not None or actor.sector not in _DOMESTIC_SECTORS or \
                (actor.kind == "person" and not actor.provisional):
            out.append(mention)
            continue
        sent = doc[mention.token_start].sent
        others = [m.actor for m in mentions if m is not mention and sent.start <= m.token_start < sent.end
                  and m.actor.country is not None]
        countries = {a.country for a in others}
        if len(countries) != 1 or "IGO" in countries or any(a.sector != "GOV" for a in others):
            out.append(mention)
            continue
        home = countries.pop()
        if actor.kind == "person":
            new = dataclasses.replace(actor, code=_code(home, actor.sector), country=home)
        else:
            new = sector_actor(home, actor.sector or "", dictionary)
        out.append(dataclasses.replace(mention, actor=new, how="sentence"))
    return out


_REPEAT_WINDOW = 3  # sentences back that "the veterans" may look for the veterans named before


def repeated_context(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"The veterans", "the rebels": a definite group noun with no country repeats the latest group
    named with the same noun in the last sentences ("Iranian war veterans ... The veterans vowed to
    stay") and is that actor, unless its own sentence names another country."""
    out: list[ActorMention] = []
    for mention in mentions:
        actor = mention.actor
        if actor.country is not None or actor.kind != "sector" or mention.how not in {"dictionary", "pending"} \
                or not _repeats(doc, mention):
            out.append(mention)
            continue
        head = doc[mention.token_end - 1].lemma_.lower()
        sentence = doc[mention.token_start].sent.start
        earlier = None
        for other in reversed(out):
            if _too_far_back(doc, other, sentence):
                break
            if other.actor.country is not None and other.actor.sector == actor.sector and \
                    doc[other.token_end - 1].lemma_.lower() == head:
                earlier = other
                break
        sent = doc[mention.token_start].sent
        # a repeated compound ("war veterans" after "Iranian war veterans") is the same group even in a
        # sentence naming another country ("... in front of the German embassy")
        start = _phrase_start(doc, mention)
        same_words = earlier is not None and mention.token_end - start > 1 and \
            earlier.text.lower().endswith(" " + doc[start:mention.token_end].text.lower())
        if earlier is None or not same_words and any(
                sent.start <= m.token_start < sent.end and m.actor.country not in {None, "IGO", earlier.actor.country}
                for m in mentions):
            out.append(mention)  # "Kenya asked Ethiopia to stop, and the government agreed": whose?
            continue
        out.append(dataclasses.replace(mention, actor=earlier.actor, how="coref"))
    return out


def _too_far_back(doc: Doc, earlier: ActorMention, sentence_start: int) -> bool:
    """More than `_REPEAT_WINDOW` sentence starts lie between `earlier` and the sentence starting at
    `sentence_start`: too far back for a definite group noun to repeat it."""
    return sum(1 for s in doc.sents if earlier.token_start <= s.start <= sentence_start) > _REPEAT_WINDOW


_GROUP_SECTORS = actor_words("group-repeat-sectors")


def repeated_groups(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "The Islamic Courts ... the Islamists", "Hamas ... the militants": a definite armed-group noun
    with no country stands for the one armed group of its sector (with a country) named in its
    sentence before it or in the last sentences, whatever noun named it; none when two are named
    there. Foreign states in its sentence do not count (rebels fight them), so this runs before the
    dateline and the sentence's state are asked."""
    out: list[ActorMention] = []
    for mention in mentions:
        actor = mention.actor
        group = None
        if actor.country is None and actor.kind == "sector" and actor.sector in _GROUP_SECTORS \
                and mention.how in {"dictionary", "pending"} and _repeats(doc, mention):
            group = _one_group_before(doc, out, mention)
        out.append(mention if group is None else dataclasses.replace(mention, actor=group.actor, how="coref"))
    return out


def _one_group_before(doc: Doc, before: list[ActorMention], mention: ActorMention) -> ActorMention | None:
    sector = mention.actor.sector
    sentence = doc[mention.token_start].sent
    groups: dict[str, ActorMention] = {}
    for other in reversed(before):
        if _too_far_back(doc, other, sentence.start):
            break
        if other.actor.country is not None and other.actor.sector == sector:
            groups.setdefault(other.actor.code, other)
    return next(iter(groups.values())) if len(groups) == 1 else None


_COUNTS = actor_words("counts")


def _repeats(doc: Doc, mention: ActorMention) -> bool:
    """Worded like a group already named: "the veterans", or a count of them ("dozens of war veterans"
    after the headline's "Iranian war veterans")."""
    start = _phrase_start(doc, mention)
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ == "the":
        return True
    head = doc[mention.token_end - 1]
    return head.tag_ == "NNS" and before.lower_ == "of" and before.head.lower_ in _COUNTS


def _phrase_start(doc: Doc, mention: ActorMention) -> int:
    """Where the mention's noun phrase starts once its noun compounds are included ("war veterans")."""
    start = mention.token_start
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "NOUN" \
            and mention.token_start <= doc[start - 1].head.i < mention.token_end:
        start -= 1
    return start


def settle(mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop the mentions that waited for a context and found none ("people" with no place named, a
    title with no country and no dateline): a common noun with no country names no actor."""
    return [m for m in mentions if m.how not in {"pending", "pending-title"}]


# -- "the movement": a non-state body named just before ---------------------------------------------

_BODY_DESCRIPTIONS = actor_words("body-descriptions")
_BODY_WINDOW = 2  # sentences back that "the movement" may look for the body it stands for
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos"})


def described_bodies(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"The West ... is demanding that the movement recognize Israel" after "Hamas": a bare "the
    movement", "the group", "the organisation" that is an argument of its clause stands for the one
    non-state body (armed group, party, NGO, international body) named in its sentence before it or
    in the two sentences before. Nothing when two such bodies are named there, when the noun has a
    qualifier of its own ("the group of experts", "a rebel group"), or when it is no argument."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    sentence_starts = [s.start for s in doc.sents]
    added: list[ActorMention] = []
    for token in doc:
        if token.lower_ not in _BODY_DESCRIPTIONS or token.i in covered or token.dep_ not in _ARGUMENT_DEPS \
                or [c.lower_ for c in token.children if c.dep_ != "punct" and not _gerund_of(c)] != ["the"] or token.i == 0 \
                or doc[token.i - 1].lower_ != "the":
            continue
        here = max(k for k, start in enumerate(sentence_starts) if start <= token.i)
        window_start = sentence_starts[max(0, here - _BODY_WINDOW)]
        bodies = {m.actor.id: m.actor for m in mentions if window_start <= m.token_start < token.i
                  and m.actor.kind == "organisation" and not (m.actor.country not in {None, "IGO"}
                                                               and m.actor.sector in _STATE_SECTORS)}
        if len(bodies) != 1:
            continue
        actor = next(iter(bodies.values()))
        added.append(ActorMention(token.idx, token.idx + len(token.text), token.i, token.i + 1, token.text, actor,
                                  "coref"))
    return sorted([*mentions, *added], key=lambda m: m.token_start) if added else mentions


def _gerund_of(child: Token) -> bool:
    """ "accused the movement of breaking the truce": an "of" + gerund the parser hung on the noun is
    the verb's complement, no qualifier of the noun (unlike "the group of experts")."""
    return child.dep_ == "prep" and child.lower_ == "of" and any(g.dep_ == "pcomp" and g.tag_ == "VBG"
                                                                  for g in child.children)

