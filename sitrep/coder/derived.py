"""Actors the coder derives itself, shaped like actor mentions: a quote's speaker, a national adjective
("the Israeli raid"), a travel destination's country, the dateline's host, the place an act strikes.

Actor mentions leave places out, so the gazetteer (`tables.gazetteer`) answers for a destination's
name, and the actor stage's `DocActors` for national words, the places the text names locatively and
the dateline: the coder reads what it is given and never calls back into actor resolution.
`arguments.py` and `nouns.py` put these beside the mentions they find.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import Actor, Place
from ..tables.gazetteer import lookup
from ..tables.words import word_list
from ..text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DESTINATION_PREPS", "Derived", "dateline_host", "destination", "event_place", "filing_place_only", "goes_nowhere", "ground", "home_target", "national",
           "participle_agents", "place_mention", "struck_place"]


@dataclass(frozen=True)
class Derived:
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
    def of(cls, quote) -> Derived:
        return cls(quote.speaker_start or quote.start, quote.speaker_end or quote.start, quote.speaker_text or "", quote.speaker)


def national(token: Token, ctx: Any, *, tagged: bool = True):
    """A national adjective or country name token ("German", "U.S.") as a derived actor mention; with
    `tagged=False` also one the tagger left without an entity type ("Palestinian" in "Israeli-Palestinian")."""
    if tagged and token.ent_type_ not in ("NORP", "GPE"):
        return None
    actor = ctx.doc_actors.nationals.get(token.i)  # only words that name a country are there
    if actor is None:
        return None
    return Derived(token.idx, token.idx + len(token.text), token.text, actor, token.i, token.i + 1, "adjective")


# Verbs of travel ("motion-verb" in data/coder-words.tsv): their destination is a place, and the place's
# country is the target ("flew into southern Albania" -> ALB). Actor mentions leave places out, so the
# gazetteer answers here.
DESTINATION_PREPS = frozenset({"to", "into", "in", "at", "for", "from", "of"})


def goes_nowhere(verb: Token) -> bool:
    """Idioms of motion verbs that travel nowhere: "has gone to war with Iraq", "went to great lengths",
    "went to court", "go to the polls"."""
    return verb.lemma_ in word_list("motion-verb") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in word_list("not-destination")
        for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children)


def destination(token: Token | None):
    """The country of a destination phrase ("southern Albania", "Dar es Salaam") as an actor mention."""
    if token is None:
        return None
    names = [t for t in token.subtree if t.pos_ == "PROPN" or t.i == token.i]
    names = [t for t in names if t.head.i == token.i or t.i == token.i or t.dep_ == "compound"]
    if not names or token.pos_ != "PROPN":
        return None
    start, end = min(t.i for t in names), max(t.i for t in names) + 1
    span = token.doc[start:end]
    place = lookup(span.text)
    if place is None or not place.country:
        return None
    return place_mention(place, span.start_char, span.end_char, span.text, "destination", start, end)


def place_mention(place, start: int, end: int, text: str, how: str, token_start: int = -1, token_end: int = -1) -> Derived:
    """A place's country as a derived actor mention over the given span of text."""
    actor = Actor(code=place.country, country=place.country, sector=None, name=place.name, kind="country", id=place.country)
    return Derived(start, end, text, actor, token_start, token_end, how)


def dateline_host(ctx: Any):
    """The country of the article's dateline as a derived actor: where a visit with no destination
    named went ("Millon's five-day visit, which started Sunday" in a story filed from BEIJING)."""
    if "dateline_host" not in ctx.cache:
        place = ctx.doc_actors.dateline  # in one state, with its offsets (`DocActors.dateline`)
        host = None
        if place is not None and place.country and place.start is not None and place.end is not None:
            host = place_mention(place, place.start, place.end, doc_text(ctx.doc)[place.start:place.end], "dateline")
        ctx.cache["dateline_host"] = host
    return ctx.cache["dateline_host"]


_NAMED_OUTRIGHT = frozenset({"dictionary", "title", "metonym", "place"})
"""How a mention names its country in its own words (a name, a national title, a capital); the
others ("dateline", "story", "coref", "pronoun", ...) borrow it from elsewhere in the article."""


def filing_place_only(country: str | None, ctx: Any) -> bool:
    """Whether `country` is, in this article, only where the story was filed: the dateline lies in it,
    no word of the text names it (no name, national title, capital or national adjective), and the
    text names another state. "STOCKHOLM (Xinhua) -- The Norwegian government plans to send troops
    ... 'we are discussing it with the other parties in parliament,' the defence minister said": the
    minister and the parliament are Norway's, whatever the dateline gave them. A news agency's credit
    ("(Xinhua)", "(AFP)") names no state the story is about."""
    place = ctx.doc_actors.dateline
    if country is None or place is None or place.country != country:
        return False
    if "named_countries" not in ctx.cache:
        named = {m.actor.country for m in ctx.by_token.values()
                 if m.how in _NAMED_OUTRIGHT and m.actor.country and m.actor.sector != "MED"}
        filed = range(place.start or 0, place.end or 0)  # the dateline's own word names where, not who
        named |= {a.country for i, a in ctx.doc_actors.nationals.items() if a.country and ctx.doc[i].idx not in filed}
        ctx.cache["named_countries"] = named
    named = ctx.cache["named_countries"]
    return country not in named and bool(named - {"IGO"})


def ground(trigger: Token, ctx: Any):
    """The country where an event happens, as a derived actor (how="place"): the place named in the
    trigger's own clause ("demolished a home in Surif", "an operation in Beit Hanoun"), or None."""
    place = event_place(trigger, ctx.doc_actors.places)
    if place is None or not place.country or place.start is None or place.end is None:
        return None
    return place_mention(place, place.start, place.end, doc_text(trigger.doc)[place.start:place.end], "place")


def struck_place(mention):
    """A capital struck by force is the place, not its government: "attacked Kuwait City" targets
    Kuwait, not KWTGOV. Returns a country-level derived actor, or None when the mention is no city
    (a seat of power such as "the Pentagon" stays the body it stands for)."""
    if getattr(mention, "how", "") != "metonym":
        return None
    place = lookup(mention.text)
    if place is None or place.precision != "city" or not place.country:
        return None
    return place_mention(place, mention.start, mention.end, mention.text, "place", mention.token_start, mention.token_end)


def event_place(verb: Any, places: Sequence[Place], *, in_object: bool = True) -> Place | None:
    """The place of the event whose predicate is `verb` (a spaCy token) among the article's locative
    `places` (`DocActors.places`), or None.

    Takes a locative name in the verb's own clause (a city over its country in a "city, country"
    pair, then the nearest). A place in another clause of the sentence belongs to that clause's event
    ("asked him not to travel to Pyongyang" does not happen in Pyongyang), so it is not used. Never
    guesses from the actors. `in_object=False` leaves out places inside the verb's object: a verbal
    act is not where the thing it speaks of is ("condemned the bombings in Kenya" is not in Kenya).
    """
    sent = verb.sent
    places = [p for p in places if p.start is not None and sent.start_char <= p.start < sent.end_char]
    if not places:
        return None
    own_tokens = {t.i for t in verb.subtree if not _in_other_clause(t, verb)}
    if not in_object:
        own_tokens -= {t.i for c in verb.children if c.dep_ in ("dobj", "obj") for t in c.subtree}
    doc = verb.doc

    def in_clause(place: Place) -> bool:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        return span is not None and span.root.i in own_tokens

    order = {"city": 0, "region": 1, "country": 2}
    pool = [p for p in places if in_clause(p)]
    if not pool:
        return None
    return min(pool, key=lambda p: (order.get(p.precision, 3), abs((p.start or 0) - verb.idx)))


def _in_other_clause(token: Any, verb: Any) -> bool:
    """True when `token` sits in a clause below `verb` with its own predicate (ccomp, advcl, relcl...)."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"} and token.pos_ in {"VERB", "AUX"}:
            return True
        token = token.head
    return False


def participle_agents(noun: Token) -> list[Token]:
    """The "by" phrases of passive participles on a noun: "the agreement reached by Israel", "the
    attacks carried out by Hamas" name whose act the noun is."""
    return [c for participle in noun.children if participle.dep_ == "acl" and participle.tag_ == "VBN"
            for c in participle.children if c.dep_ == "agent"]


# Coercion at home: an arrest, ban, curfew or crackdown by a state's own organs whose target names no
# other country is done to that state's own people, as CAMEO codes domestic repression.
_HOME_CODES = ("172", "173", "175")
_STATE_ORGANS = frozenset({None, "GOV", "COP", "JUD", "SPY", "MIL"})
_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "acl", "xcomp"})
_QUANTITIES = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores"})


def home_target(trigger: Token, code: str, sources: Sequence, ctx: Any):
    """The people of the source's own country as a derived target of a coercive act that names no
    foreign side ("Philippine police detained former defence secretary Abat", "Pakistan imposed a
    curfew in Karachi"), or None. Its sector is the one the object names ("the opposition party":
    OPP), else civilians. Armed forces act abroad as often as at home, so theirs needs a place of their
    own country named; a national word in the object ("the crew of a British tanker") or a place in
    another country leaves it to the rules that read those."""
    if not code.startswith(_HOME_CODES) or not sources:
        return None
    countries = {s.actor.country for s in sources}
    if len(countries) != 1 or None in countries or any(s.actor.sector not in _STATE_ORGANS for s in sources):
        return None
    country = next(iter(countries))
    if country == "IGO":
        return None
    place = ground(trigger, ctx)
    if (place is not None and place.actor.country != country) or \
            (place is None and any(s.actor.sector == "MIL" for s in sources)):
        return None
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if any((o.pos_ in ("PRON", "NUM") or o.like_num or o.lemma_.lower() in _QUANTITIES)
           and not any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children) for o in objects):
        return None  # "arrested dozens", "detained them": the people are named in another sentence
    phrase = [t for c in trigger.children if c.dep_ in ("dobj", "obj", "prep", "nsubjpass") for t in _phrase(c)]
    if any((m := national(t, ctx)) is not None and m.actor.country != country for t in phrase):
        return None
    named = next((ctx.by_token[t.i] for t in phrase if t.i in ctx.by_token and ctx.by_token[t.i].actor.sector), None)
    sector = named.actor.sector if named is not None else "CVL"
    actor = Actor(code=country + sector, country=country, sector=sector, name=f"{country} {sector}", kind="sector",
                  id=country + sector)
    if named is not None:
        return Derived(named.start, named.end, named.text, actor, named.token_start, named.token_end, "home")
    head = phrase[0] if phrase else trigger
    return Derived(head.idx, head.idx + len(head.text), head.text, actor, head.i, head.i + 1, "home")


def _phrase(node: Token) -> list:
    """The tokens of a noun phrase without the clauses under it."""
    out, todo = [], [node]
    while todo:
        token = todo.pop()
        out.append(token)
        todo.extend(c for c in token.children if c.dep_ not in _CLAUSES)
    return sorted(out, key=lambda t: t.i)
