"""Code sentences into CAMEO/PLOVER events: who did what to whom, with the evidence kept.

The coder reads the dependency parse, not word windows. For every predicate in the lexicon it
1. checks the predicate's frame (object noun, preposition, infinitive complement);
2. finds the source and 3. the target with `arguments.py` (subjects through coordination, control,
   passives and reported speech; targets in the slot the frame names);
4. emits one event per (source, target) pair with different countries (or, inside one country,
   different sectors), with modality flags, a confidence, its date and place, and the sentence.
Nominal events ("the visit of Putin to Pyongyang", "talks between A and B") are coded from a small
table of event nouns. Precision comes first: no actor on either side, no event.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..records import DEFAULT_EXCLUDED_MODALITY, DocActors, Event
from ..tables.lexicon import Frame, Lexicon, default_lexicon
from ..tables.words import discards, event_nouns, resolution_trust, sport_words, word_list
from .arguments import PROTEST_CODES, SPEECH_VERBS, verb_arguments
from .backoff import backoff_frame, policy, wider_targets
from .condemnation import DISAPPROVING_ROOTS, perpetrators
from .derived import dateline_host, filing_place_only, goes_nowhere, ground, home_target, struck_place
from .gapping import remnants
from .modality import FORCE_ROOTS, announced, habitual, modality
from .nouns import noun_arguments, noun_pattern
from .phrases import Context

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Event", "code_doc", "DEFAULT_EXCLUDED_MODALITY"]

ONE_SIDED_TRUST = 0.6
"""How much confidence an event keeps when one side is unknown (it then is not counted by default)."""

# Event nouns: noun lemma -> (code, reverse code). Source: possessor or "of"; target: "to"/"with"/
# "between". Only nouns that report an occurrence; "possible", "planned" etc. mark them hypothetical.


# ---------------------------------------------------------------------------------------------------
# Coding one document


def code_doc(
    doc: Doc,
    *,
    article_id: str,
    mentions: Sequence,
    doc_actors: DocActors,
    published: str | None = None,
    quotes: Sequence = (),
    lexicon: Lexicon | None = None,
) -> list[Event]:
    """All events of a parsed article. `mentions` are `actors.ActorMention`s found in `doc`;
    `doc_actors` is what the actor stage read beside them (`actors.doc_actors(doc, date=published)`)."""
    lexicon = lexicon or default_lexicon()
    by_token = {}
    for mention in mentions:
        for i in range(mention.token_start, mention.token_end):
            by_token[i] = mention
    context = Context(doc, by_token, quotes, published, article_id, doc_actors)
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        if not sent.text.strip():
            continue
        if _is_sport(sent):
            continue
        found = [event for token in sent for event in _code_predicate(token, index, sent, context, lexicon)]
        events.extend(_prune(found))
    return events


def _prune(found: Sequence[Event]) -> list[Event]:
    """One sentence's events without repeats: the first of each (source, target, code), and of each
    code between the same two countries and sectors (two names of one side are one event); a one-sided
    event whose known side also has a two-sided event of that root; and a root's general code where
    a specific code of that root was coded for the same pair ("agreed to send troops": 0334, not also
    030; "threatened to impose a curfew": 1323, not also 130)."""
    dyadic_roots = {(side, e.root) for e in found if e.source_actor_id and e.target_actor_id
                    for side in (("s", e.source_actor_id), ("t", e.target_actor_id))}
    specific = {(e.source_actor_id, e.target_actor_id, e.root) for e in found if not _general(e.code)}
    kept: list[Event] = []
    seen: set[tuple] = set()
    for event in found:
        key = (event.source_actor_id, event.target_actor_id, event.code)
        pair = key[:2]
        # "will travel to Washington for talks with Bush": two triggers, one intent of Japan's to the US
        sides = (event.source_country, event.source_sector or "GOV", event.target_country, event.target_sector or "GOV", event.code)
        if key in seen or (None not in pair and sides in seen) or (_general(event.code) and (*pair, event.root) in specific):
            continue
        if None in pair:
            side = ("s", event.source_actor_id) if event.source_actor_id else ("t", event.target_actor_id)
            if (side, event.root) in dyadic_roots:
                continue
        seen |= {key, sides} if None not in pair else {key}
        kept.append(event)
    return kept


def _general(code: str) -> bool:
    """A root's unspecified code: "030", "130" (CAMEO's "..., not specified below")."""
    return len(code) == 3 and code.endswith("0")


_SCORELINE = re.compile(r"\b\d{1,3}-\d{1,3}\b(?!\s*(?:million|billion|percent|%))")


def _is_sport(sent: Span) -> bool:
    """Sports, entertainment and disaster reports borrow the verbs of war and diplomacy ("France
    attacked", "Brazil beat", "restore baseball competition with"): a sentence with a sports term, a
    scoreline with a result verb, or one of PETRARCH2's discard phrases (`data/discards.tsv`) is not coded."""
    nouns = sport_words("noun")
    if any(t.lower_ in nouns and t.pos_ != "PROPN" for t in sent):  # not "the Arab League"
        return True
    if _SCORELINE.search(sent.text) and any(t.lemma_ in sport_words("verb") for t in sent):
        return True
    phrases = discards()
    words = [t.lower_ for t in sent]
    for i, word in enumerate(words):
        for phrase in phrases.get(word, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                return True
    return False


def _code_predicate(token: Token, index: int, sent: Span, ctx: Context, lexicon: Lexicon) -> Iterable[Event]:
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or (token.pos_ == "ADJ" and token.dep_ == "acomp"):
        frame = _match_frame(token, lexicon.get(token.lemma_)) or _obligation_frame(token) or _presence_frame(token) \
            or _judgement_frame(token)
        backed_off = frame is None and lexicon.backoff and (frame := backoff_frame(token)) is not None
        if frame is None or frame.code == "-" or habitual(token):
            return  # no frame, a sense that is no event ("met the deadline"), or a habit ("visits every month")
        # "rallied to demand ...", "a hunger strike to protest ...": the demand or objection is the protest
        protest = _protest_purpose(token) if frame.code[:2] in ("02", "10") or token.lemma_ == "protest" else None
        if protest is not None:
            frame = dataclasses.replace(frame, code=protest, reverse=None)
        sources, targets = verb_arguments(token, frame, ctx)
        if sources and (gapped := remnants(token, ctx)):
            # "Greece promised 700 troops, Turkey 500": each listed state gives its share, none receives
            targets = [t for t in targets if t not in gapped]
            sources = sources + [g for g in gapped if g not in sources]
        if frame.code[:2] in DISAPPROVING_ROOTS:
            targets = perpetrators(token, targets)  # "condemned the bombing of the US embassy": not the US
        if frame.lemma == "be" and not (sources and targets):
            return  # "the talks will be in Geneva", "Putin will be in power": no visit
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        fought_thing = frame.code[:2] in FORCE_ROOTS and frame.objects is None and \
            any(c.dep_ in ("dobj", "obj") for c in token.children)
        if not targets and len(sources) >= 2 and not passive and not fought_thing and \
                (frame.reverse == frame.code or _mutual(token)):
            # ... but "Britain and France vowed to fight terrorism" fight something else
            targets = sources  # "Israel and Syria met", "accused each other": an act among coordinated subjects
        if not sources and frame.reverse == frame.code and passive:
            sources, targets = _visit_parties(token, ctx) or (sources, targets)
        if sources and not targets and not backed_off and not frame.reverse and "none" not in frame.target \
                and frame.code[:2] not in DISAPPROVING_ROOTS:
            # the frame's slot is empty ("pulled its troops out of Iraq"): the verb's object or first preposition naming an actor
            targets = wider_targets(token, frame, sources, ctx)
        if backed_off and not (sources and targets):
            return  # a verb coded by its class alone needs an actor on each side
        label = "backoff " + frame.label if backed_off else frame.label
        yield from _pairs(token, frame.code, frame.reverse, label, frame.confidence, sources, targets, index, sent, ctx)
    elif token.pos_ == "NOUN" and (entry := event_nouns().get(token.lower_.replace("-", ""))
                                   or event_nouns().get(token.lemma_.lower().replace("-", ""))):
        code, reverse = entry  # "talks" lemmatises to "talk"; "cease-fire" is a ceasefire
        if token.lemma_ == "exchange" and not any(g.lower_ in ("fire", "gunfire", "shots") for c in token.children
                                                  if c.lower_ == "of" for g in c.children):
            return  # an exchange of fire, not of views or prisoners
        sources, targets, reciprocal = noun_arguments(token, ctx)
        if not sources and not targets and code == "190":
            sources, targets = _fight_sides(sent, ctx, lexicon)
        reverse = reverse if reciprocal else None
        yield from _pairs(token, code, reverse, noun_pattern(token, code), 0.7, sources, targets, index, sent, ctx)


def _mutual(verb: Token) -> bool:
    """ "Japan and the US met", "accused each other", "pledged to sign a treaty": an act whose
    coordinated subjects do it to each other, by its verb (`backoff.tsv`'s "symmetric" lemmas), a
    reciprocal object, or a planned mutual act or relation (`coder-words.tsv`'s "relation-noun")."""
    if verb.lemma_.lower() in policy().symmetric or _reciprocal(verb):
        return True
    # "Russia and Japan pledged to sign a treaty", "vowed to boost their ties": a joint commitment to a
    # mutual act, or to a relation between them, is made to each other
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if xcomp is None or verb.lemma_.lower() not in word_list("planned-verb"):
        return False
    objects = [c for c in xcomp.children if c.dep_ in ("dobj", "obj")]
    if any({o.lemma_.lower(), o.lower_} & word_list("relation-noun") for o in objects):
        return True
    return xcomp.lemma_.lower() in policy().symmetric and not objects  # not "vowed to fight terrorism"


def _reciprocal(verb: Token) -> bool:
    """ "accused each other", "fired at one another": the act's target is its other subject."""
    return any(c.dep_ in ("dobj", "pobj") and c.lower_ in ("other", "another") and
               any(g.lower_ in ("each", "one") for g in c.children) for c in verb.subtree)


_ARMED = frozenset({"MIL", "REB", "UAF", "COP", "SPY"})


def _fight_sides(sent: Span, ctx: Context, lexicon: Lexicon) -> tuple[list, list]:
    """ "Fighting resumed after Islamist fighters opened fire on Ethiopian troops": fighting with no
    sides named is between the attacker and the armed side its sentence says was attacked."""
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        frame = _match_frame(verb, lexicon.get(verb.lemma_))
        if frame is None or frame.code[:2] not in FORCE_ROOTS:
            continue
        sources, targets = verb_arguments(verb, frame, ctx)
        targets = [t for t in targets if t.actor.sector in _ARMED]
        if sources and targets:
            return sources, targets
    return [], []


def _visit_parties(verb: Token, ctx: Context) -> tuple[list, list] | None:
    """ "The agreement was signed during Putin's visit to Pyongyang": a symmetric act in the passive
    with no agent, done during a visit, is between the visitor and the host."""
    for token in verb.subtree:
        if token.pos_ == "NOUN" and token.lemma_.lower() in word_list("visit-noun") and not _in_own_clause(token, verb):
            visitors, hosts, _ = noun_arguments(token, ctx)
            if visitors and hosts:
                return visitors, hosts
    return None


def _in_own_clause(token: Token, verb: Token) -> bool:
    """True when `token` sits in a finite clause of its own below `verb` (a relative or that-clause)."""
    while token.i != verb.i:
        if token.dep_ in ("relcl", "ccomp", "csubj"):
            return True
        token = token.head
    return False


# A demand made by protesting is the protest, as CAMEO codes it: "demonstrated in Kirkuk calling for
# independence" and "continued their hunger strike to demand the resignation of X" are 14x.


def _protest_purpose(trigger: Token) -> str | None:
    """The protest code when the appeal or demand `trigger` is the purpose of a protest it hangs from."""
    node = trigger
    for _ in range(3):
        if node.dep_ not in ("advcl", "xcomp", "acl", "relcl", "prep", "pobj", "pcomp") or node.head.i == node.i:
            return None
        node = node.head
        # the protest is the head itself or its object ("continued their hunger strike to demand ...")
        for word in (node, *(c for c in node.children if c.dep_ == "dobj")):
            code = PROTEST_CODES.get(word.lemma_.lower())
            if code is not None:
                return "142" if any(c.lower_ == "hunger" for c in word.children) else code
    return None


# "X said Y must/should do Z" is X demanding (10) or asking (02) something of Y, whatever Z is.
_OBLIGATIONS = {"must": "100", "should": "020", "ought": "020"}
_STATING = SPEECH_VERBS | {"reiterate", "repeat", "write", "tell"}


def _obligation_frame(verb: Token) -> Frame | None:
    """A frame for a statement that another actor must or should act (its target is that actor)."""
    if verb.lemma_ not in _STATING:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    modal = next((c.lower_ for c in clause.children if c.dep_ == "aux" and c.lower_ in _OBLIGATIONS), None) if clause is not None else None
    if modal is None:
        return None
    return Frame(verb.lemma_, None, None, None, None, _OBLIGATIONS[modal], ("clause-subj",), None, 0.7)


def _pejorative(word) -> bool:
    """ "a liar", "a provocation", "a terrorist group", "irresponsible": a word (or its modifier) of blame."""
    blame = word_list("pejorative")
    return word.lemma_.lower() in blame or word.lower_ in blame or any(
        c.dep_ in ("amod", "compound") and c.lower_ in blame for c in word.children)


def _judgement_frame(verb: Token) -> Frame | None:
    """A frame for verbal conflict by naming: "called the president a liar", "branded the militia a
    terrorist group" (111 to the one named), and "said Abbas's call was a provocation" (111 to the
    one whose act is judged: the that-clause's subject or its owner)."""
    children = list(verb.children)
    if verb.lemma_ in word_list("naming-verb"):
        obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
        named = [c for c in children if c.dep_ in ("oprd", "ccomp", "xcomp")]
        named += [c for c in (obj.children if obj is not None else ()) if c.dep_ == "appos"]
        if obj is not None and any(_pejorative(n) for n in named):
            return Frame(verb.lemma_, None, None, None, None, "111", ("dobj",), None, 0.6)
    if verb.lemma_ in _STATING:
        clause = next((c for c in children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
        judged = [c for c in (clause.children if clause is not None else ()) if c.dep_ in ("attr", "acomp")]
        if not any(c.dep_ == "neg" for c in (clause.children if clause is not None else ())) \
                and any(_pejorative(j) for j in judged):
            return Frame(verb.lemma_, None, None, None, None, "111", ("clause-subj",), None, 0.55)
    return None


def _presence_frame(verb: Token) -> Frame | None:
    """A frame for an announced stay: "US envoy Elliot Abrams will be in Jerusalem on Tuesday" is a
    visit (042; as an announcement, intent to meet), and so are "Velayati is expected in Damascus on
    Monday" and "Yeltsin is due in Helsinki". Only these: "is in" is often a role."""
    children = list(verb.children)
    if not any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in children):
        return None
    if verb.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in children):
        pass
    elif verb.lemma_ == "expect" and any(c.dep_ == "auxpass" for c in children) and \
            not any(c.dep_ in ("xcomp", "ccomp") for c in children):
        pass
    elif not (verb.lemma_ == "due" and verb.dep_ == "acomp"):
        return None
    return Frame(verb.lemma_, None, None, frozenset({"in", "at"}), None, "042", ("prep:in", "prep:at"), None, 0.6)


"""Verbs of motion that mean "lead" when they take a direct object."""




def _object_names(obj: Token) -> set[str]:
    """The words a frame's object list is checked against: the object, its compound modifier ("a
    mediation mission"), its conjuncts ("photographs and military intelligence"), the whole a part
    names ("captured part of a stronghold"), and "@person" for a person ("released Chaudhry")."""
    heads = [obj, *obj.conjuncts]
    if obj.lower_ in word_list("part-noun"):
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        heads += [g for g in (of.children if of is not None else ()) if g.dep_ == "pobj"]
    names = set()
    for head in heads:
        names |= {head.lemma_.lower(), head.lower_} | {c.lemma_.lower() for c in head.children if c.dep_ == "compound"}
        if head.ent_type_ == "PERSON":
            names.add("@person")
    return names


_OBJECT_HELD_PREPS = frozenset({"with", "to"})


def _match_frame(verb: Token, frames: Sequence[Frame]) -> Frame | None:
    if not frames:
        return None
    children = list(verb.children)
    preps = {c.lower_ for c in children if c.dep_ in ("prep", "prt", "agent", "dative")}
    preps |= {c.lower_ for c in children if c.dep_ == "advmod" and c.lower_ in word_list("frame-adverb")}
    obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None:
        # "discussed the crisis with Scholz", "sent tanks to Ukraine": a comitative or recipient phrase
        # the parser hung on the object is the verb's
        preps |= {c.lower_ for c in obj.children if c.dep_ == "prep" and c.lower_ in _OBJECT_HELD_PREPS}
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
    if verb.lemma_ in word_list("leading-verb") and any(c.dep_ in ("dobj", "obj") for c in children):
        return None  # "heading the OSCE mission to Albania" leads it; it does not travel
    if goes_nowhere(verb):
        return None
    for frame in frames:
        if frame.preps and not (frame.preps & preps):
            continue
        if frame.objects is not None:
            if obj is None:
                continue
            if "*" not in frame.objects and not _object_names(obj) & frame.objects:
                continue
        if frame.xcomps is not None:
            if xcomp is None or ("*" not in frame.xcomps and xcomp.lemma_.lower() not in frame.xcomps):
                continue
        return frame
    return None


# ---------------------------------------------------------------------------------------------------
# Events


def _pairs(trigger: Token, code: str, reverse: str | None, pattern: str, confidence: float, sources, targets, index: int, sent: Span, ctx: Context) -> Iterable[Event]:
    if not sources and not targets:
        return
    if code == "042" and trigger.lemma_ in word_list("visit-noun") and sources and not targets:
        host = dateline_host(ctx)
        if host is not None and host.actor.country not in {s.actor.country for s in sources}:
            targets, reverse = [host], None  # a visit with no destination named went where the story was filed
    if code[:2] in FORCE_ROOTS:
        # force strikes places: a capital struck is its country, not its government ("attacked Kuwait
        # City"); with no victim named it is used against the place it strikes ("troops demolished a
        # home in Surif", "a large-scale operation in Beit Hanoun"), as CAMEO coders code it
        targets = [struck_place(t) or t for t in targets]
        place = ground(trigger, ctx) if sources and not targets and all(s.actor.country for s in sources) else None
        if place is not None and place.actor.country not in {s.actor.country for s in sources}:
            targets, reverse = [place], None
        elif sources and not targets and (home := home_target(trigger, code, sources, ctx)) is not None:
            targets, reverse = [home], None  # "police detained the opposition leader": at home
    coded, pattern, flags = announced(code, pattern, modality(trigger))
    if coded != code:
        code, reverse = coded, None  # a promise, refusal or threat is one side's: no reciprocal
    if not sources or not targets:
        # One side unknown ("Up to 100 ethnic Albanians demonstrated", "a bombing killed three
        # soldiers"): kept as a one-sided event, as GDELT keeps a blank actor, but not counted.
        for side in sources or targets:
            source, target = (side, None) if sources else (None, side)
            yield _event(trigger, code, pattern + " (one-sided)", confidence * ONE_SIDED_TRUST, source, target, flags, index,
                         sent, ctx)
        return
    for source in sources:
        for target in targets:
            if not _distinct(source.actor, target.actor):
                continue
            if source.actor.country == target.actor.country and filing_place_only(source.actor.country, ctx):
                continue  # one state's two sides, both only where the story was filed: not the story's state
            yield _event(trigger, _by_sides(trigger, code, source, target), pattern, confidence, source, target, flags, index, sent, ctx)
            if reverse and not {"future", "hypothetical", "negated"} & set(flags) and getattr(target, "how", "") != "destination":
                # the other side of a meeting or visit is asserted only for what happened, and a place
                # travelled to did not host anyone
                yield _event(trigger, _by_sides(trigger, reverse, target, source), pattern + " (reciprocal)",
                             confidence * 0.9, target, source, flags, index, sent, ctx)


_SECURITY = frozenset({"COP", "MIL", "SPY"})
_UNARMED = frozenset({"OPP", "CVL", "EDU", "LAB", "AGR", "REL", "REF", "MED", "BUS", "HLH", "NGO"})


def _by_sides(trigger: Token, code: str, source, target) -> str:
    """The code as the sides make it: police clashing with demonstrators repress them (175) and the
    demonstrators protest violently (145), not "use conventional military force"; demonstrators
    protesting a decision demonstrate (141) where a government protesting one criticises it (111)."""
    lemma = trigger.lemma_.lower()
    own, other = source.actor.sector, target.actor.sector
    if code == "190" and lemma in ("clash", "clashes"):
        if own in _SECURITY and other in _UNARMED:
            return "175"
        if own in _UNARMED and other in _SECURITY:
            return "145"
    if code == "111" and lemma == "protest" and own in _UNARMED:
        return "141"
    return code


def _distinct(a, b) -> bool:
    if a is None or b is None or a.id == b.id:
        return False
    if a.country and b.country and a.country == b.country:
        # inside one country the sides must be different sectors; a bare country acting is its state
        # ("Colombia declared a truce with the ELN rebels" is GOV -> REB)
        return (a.sector or "GOV") != (b.sector or "GOV")
    return True


# How much an event's confidence keeps when an actor was not named outright: linked by coreference,
# a pronoun, the dateline's country, a quote's speaker, a national adjective or a travel destination.
# (data/resolution-trust.tsv, `resolution_trust()`)


def _event(trigger: Token, code, pattern, confidence, source, target, flags, index, sent: Span, ctx: Context) -> Event:
    if "future" in flags and "hypothetical" in flags:
        flags = tuple(m for m in flags if m != "future")
    quote_index = next((i for i, q in enumerate(ctx.quotes) if q.start <= trigger.idx < q.end), None)
    for side in (source, target):
        if side is not None:
            confidence *= resolution_trust().get(getattr(side, "how", "dictionary"), 1.0)
    return Event(
        article_id=ctx.article_id,
        sentence_index=index,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        evidence=sent.text.strip(),
        code=code,
        **_side("source", source),
        **_side("target", target),
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
        pattern=pattern,
        confidence=round(confidence, 3),
        modality=flags,
        quote_index=quote_index,
        trigger_token=trigger.i,
    )


def _side(role: str, mention) -> dict:
    """The Event fields of one side (`source_*` or `target_*`); all None for an unknown side."""
    actor = mention.actor if mention is not None else None
    return {
        f"{role}_code": actor.code if actor else None,
        f"{role}_country": actor.country if actor else None,
        f"{role}_sector": actor.sector if actor else None,
        f"{role}_text": mention.text if mention is not None else None,
        f"{role}_start": mention.start if mention is not None else None,
        f"{role}_end": mention.end if mention is not None else None,
        f"{role}_actor_id": actor.id if actor else None,
    }
