"""Modality: whether a coded act happened, and what an announced act expresses.

`modality()` reads the parse around a trigger for negation, hedges, plans, conditions, reported speech
and beliefs; `announced()` turns an act announced for the future into what CAMEO codes it as: an
intent (03x), a refusal (12x) or a threat (13x). Both are pure functions of the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.words import code_shifts, word_list
from .arguments import SPEECH_VERBS, condition_clauses, that_clause, visiting_object

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["FORCE_ROOTS", "announced", "habitual", "modality"]

_HEDGES = frozenset({"could", "might", "may", "would", "should", "must", "ought"})
_NEGATIVE_DETS = frozenset({"no", "neither"})
# The verbs and nouns these rules turn on are lists of data/coder-words.tsv (`word_list`): an infinitive
# under an "unrealised-verb" has not happened ("urged X to withdraw"), under a "planned-verb" it is
# planned ("agreed to meet"), under an "implicative-verb" it happened when they did ("the clashes
# forced the WFP to suspend its flights"; "would force Israel to withdraw" is still unrealised).


# CAMEO codes a promise or announced plan of cooperation, aid or concession as an *expression of
# intent* (03x): "Greece has promised 700 troops" is 0334, not 074; "Portugal will support Turkey's
# bid" is 032; "will visit Albania in June" is 036 (intent to meet).
# (data/code-shifts.tsv, `code_shifts("intent")`)
_NOT_INTENT = frozenset({"057"})  # "will sign the treaty" reports a scheduled signing, like a visit


# A refusal of cooperation is a rejection (12x): "refused to meet Jordan's king" is 125, "said it would
# not accept more refugees" 120, "will not lift the curfew" 124 (refuse to yield).
# (data/code-shifts.tsv, `code_shifts("refusal")`)

# A conflictual act threatened, announced on a condition, or announced as the use of force is a threat
# (13x): "threatened to impose a curfew" is 1323, "will withdraw its force unless ..." and "would impose
# sanctions if ..." are threats, as is "would blockade Paris" or "we will drive back the invaders".
# (Announced plainly, a non-violent sanction is the decision itself: "will postpone visits" is 16.)
# (data/code-shifts.tsv, `code_shifts("threat")`)
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
_UNDER_WAY_ROOTS = frozenset({"07", "08"})
"""Roots of transfers and withdrawals that, reported as under way ("said it was sending aid"), are announced
intentions; talks reported as under way ("we are discussing it") are going on."""
_PROGRESSIVE = frozenset({"is", "are", "was", "were", "'s", "'re"})
_ANNOUNCING = frozenset({"future", "refused", "conditional", "threatened", "unless"})


def announced(code: str, pattern: str, given: tuple[str, ...]) -> tuple[str, str, tuple[str, ...]]:
    """What an act announced for the future expresses, as CAMEO codes it: intent to cooperate (03x),
    refusal (12x) or threat (13x). The announcement itself happened, so it is counted. Returns the
    code, the pattern and the modality."""
    if "progressive" in given:
        # "France said it was sending 1,000 troops": a dispatch under way when announced is CAMEO's
        # intent (0334); an attack reported as under way is the attack
        given = tuple(dict.fromkeys("future" if m == "progressive" and code[:2] in _UNDER_WAY_ROOTS else m
                                    for m in given if m != "progressive" or code[:2] in _UNDER_WAY_ROOTS))
    flags = set(given)
    if not flags & _ANNOUNCING:
        return code, pattern, given
    stated = "future" in flags or "attributed" in flags
    tables: list[tuple[dict, str, set]] = []
    threats = code_shifts("threat")
    if "refused" in flags or ("negated" in flags and "future" in flags):
        tables.append((code_shifts("refusal"), "refusal", {"negated", "hypothetical", "future"}))
    elif "negated" not in flags:
        if "threatened" in flags or ("conditional" in flags and stated) or \
                ("future" in flags and "hypothetical" not in flags and code[:2] in FORCE_ROOTS):
            tables.append((threats, "threat", {"hypothetical", "future"}))
        if (("future" in flags and "hypothetical" not in flags) or ("conditional" in flags and stated)) \
                and code not in _NOT_INTENT:
            # "would meet the mediator if he ...": a conditional offer of cooperation is still intent
            tables.append((code_shifts("intent"), "intent", {"hypothetical"} if "conditional" in flags else set()))
    if "unless" in flags and "negated" not in flags:
        # "will withdraw its force unless Y holds elections": whatever X will do, it is a threat
        tables = [({**threats, code[:2]: threats.get(code[:2], "130")}, "threat", {"hypothetical", "future"})]
    for table, label, drop in tables:
        mapped = table.get(code[:4]) or table.get(code[:3]) or table.get(code[:2])
        if mapped:
            kept = tuple(m for m in given if m not in drop | _ANNOUNCING - {"future"})
            return mapped, f"{pattern} ({label})", kept
    return code, pattern, tuple(m for m in given if m not in _ANNOUNCING - {"future"})



def _visiting_title(trigger: Token) -> bool:
    """ "visiting" right before the person it describes, which the parser may read as a verb."""
    node = visiting_object(trigger)
    return node is not None and node.ent_type_ == "PERSON"


def modality(trigger: Token) -> tuple[str, ...]:
    """The modality flags of the act whose trigger (a spaCy token) is given; "refused", "threatened",
    "conditional" and "unless" are read by `announced` and not stored."""
    if _visiting_title(trigger):
        return ()  # "told visiting French Defence Minister Millon": the visit is under way, whatever is told
    flags: list[str] = []
    children = list(trigger.children)
    if any(c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither") for c in children) or any(
        c.dep_ == "nsubj" and any(g.lower_ in _NEGATIVE_DETS for g in c.children) for c in children
    ):
        flags.append("negated")
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.lower_ in word_list("planned-modifier") for c in children):
        flags.append("future")
    governors = _governors(trigger)
    if trigger.pos_ in ("NOUN", "PROPN") and governors:
        # A nominal event takes the modality of the verb that reports it ("would bring forward a meeting")
        inherited = modality(governors[0])
        flags.extend(f for f in inherited if f != "attributed")
    lemmas = {g.lemma_ for g in governors}
    reported = _reported_by(trigger)
    # the trigger states a condition ("... if Israel withdraws", "until Iraq pays"): not asserted at all
    # ("if America were to impose tariffs": the condition sits on the governing "were")
    condition = any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in children) or any(
        c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for g in governors if g.lemma_ == "be" for c in g.children)
    # the trigger is what happens on a condition ("will withdraw if ..."): an offer or a threat
    # ... but a warning or threat on a condition happened: the condition is its content's
    conditions = condition_clauses(trigger) if trigger.lemma_ not in word_list("warning-verb") else []
    conditional = bool(conditions) and not condition
    # "Sudan said it would only accept ...": after a past reporting verb "would" is a backshifted
    # "will", an announced intention, not a hypothesis.
    backshifted = "would" in auxes and reported is not None and reported.tag_ == "VBD" and not conditional
    if auxes & {"will", "shall", "'ll"} or lemmas & word_list("planned-verb") or backshifted or _planned_by(governors):
        flags.append("future")
    elif trigger.tag_ == "VBG" and auxes & _PROGRESSIVE and reported is not None and reported.lemma_ in SPEECH_VERBS \
            and reported.i < trigger.i:
        # "France said it was sending troops" announces; "the US is providing photographs, officials
        # said" reports what is going on. Read by `announced`, not stored.
        flags.append("progressive")
    if governors and governors[0].lemma_ in word_list("refusing-verb"):
        flags.append("refused")  # "refused to meet": read by `_intent`, not stored
    if governors and governors[0].lemma_ in word_list("threatening-verb"):
        flags.append("threatened")  # "threatened to impose a curfew": read by `_intent`, not stored
    if conditional:
        flags.append("conditional")  # "would meet him if ...": read by `_intent`, not stored
        if any(g.dep_ == "mark" and g.lower_ == "unless" for c in conditions for g in c.children):
            flags.append("unless")  # "will withdraw its force unless ...": the grammar of a threat
    hedged_governor = any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for g in governors for c in g.children)
    if (auxes & _HEDGES and not backshifted) or (backshifted and auxes & (_HEDGES - {"would"})) \
            or conditional or condition or hedged_governor or lemmas & word_list("unrealised-verb") or _believed(trigger) \
            or any(g.lemma_ in word_list("implicative-verb") and not _happened(g) for g in governors):
        flags.append("hypothetical")
    if reported is not None or _according_to(trigger):
        flags.append("attributed")
    if (reported is not None and any(c.dep_ == "neg" for c in reported.children)) or _denied(trigger):
        # "has not yet confirmed that he will meet Mobutu", "denied that its troops had attacked": not asserted
        flags.append("hypothetical")
    if _demanded(trigger):
        flags.append("hypothetical")
    return tuple(dict.fromkeys(flags))


# Verbs and nouns whose that-clause is an order, not a report ("told reporters that X had left" is a report).


def _demanded(trigger: Token) -> bool:
    """ "demanded that Israel ease restrictions", "its demand that ...": what is demanded or urged has
    not happened."""
    node = trigger
    while node.head.i != node.i and node.dep_ in ("conj", "ccomp", "acl", "xcomp"):
        if node.dep_ in ("ccomp", "acl") and node.head.lemma_ in word_list("directive"):
            return True
        node = node.head
    return False


_CONDITION_MARKS = frozenset({"if", "unless", "until", "once", "provided", "whether"})
# A that-clause under these verbs is a belief or a forecast, not a reported fact.




def _believed(trigger: Token) -> bool:
    """ "Washington expects that Iraqi soldiers will surrender", "amid reports that soldiers had
    surrendered": the trigger sits in the clause of a belief or of hearsay."""
    node = trigger
    while node.head.i != node.i:
        if node.dep_ == "ccomp":
            return node.head.lemma_ in word_list("believing-verb")
        if node.dep_ == "acl" and that_clause(node):
            # "had no hope that the army would withdraw", "hopes that ...": denied or only hoped for
            noun = node.head
            return noun.lemma_.lower() in word_list("hearsay-noun") | word_list("belief-noun") or any(c.lower_ in _NEGATIVE_DETS for c in noun.children)
        node = node.head
    return False


def _according_to(trigger: Token) -> bool:
    """ "..., according to some reports": an "according to" phrase on the trigger's clause."""
    node = trigger
    while True:
        if any(c.lower_ == "according" and c.dep_ == "prep" for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ in ("ccomp", "parataxis"):
            return False
        node = node.head


"""Reporting verbs whose that-clause is denied, not reported as fact."""


def _denied(trigger: Token) -> bool:
    """ "Pakistan denied that its troops had attacked India": the trigger sits in a denied that-clause."""
    node = trigger
    while node.head.i != node.i and node.dep_ in ("conj", "ccomp", "xcomp"):
        if node.dep_ == "ccomp" and node.head.lemma_ in word_list("denying-verb"):
            return True
        node = node.head
    return False


def _reported_by(trigger: Token):
    """The speech verb whose reported clause holds the trigger, if any."""
    node = trigger
    while node.head.i != node.i:
        if node.dep_ in ("ccomp",) and node.head.lemma_ in SPEECH_VERBS:
            return node.head
        node = node.head
    return None


def _planned_by(governors) -> bool:
    """ "will begin withdrawing troops", "looked forward to visiting": a governor announces the act."""
    for governor in governors:
        children = list(governor.children)
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in children):
            return True
        if governor.lemma_ == "look" and any(c.lower_ == "forward" for c in children):
            return True
    return False


def _happened(verb: Token) -> bool:
    """A verb in the past indicative with no modal: "forced", "has forced", "was forced"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & (_HEDGES | {"will", "shall", "'ll", "to"}):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes))


def _governors(trigger: Token) -> list:
    """Verbs that govern the trigger's infinitive or nominal chain, nearest first, up to a finite clause.

    "sought to sponsor a resolution criticising China": criticising -> sponsor -> sought.
    """
    out = []
    node = trigger
    for _ in range(8):
        head = node.head
        # "help the president kill", "let them go": a base-form verb with no auxiliary under another verb
        # is a bare infinitive (a finite present would be VBP/VBZ), whether or not it has a subject
        bare_infinitive = node.dep_ == "ccomp" and node.tag_ == "VB" and not any(c.dep_ == "aux" for c in node.children)
        if head.i == node.i or node.dep_ in ("parataxis", "ROOT") or (node.dep_ == "ccomp" and not bare_infinitive):
            break
        if bare_infinitive:  # "help the president kill": the killing is what is helped, not a fact
            out.append(head)
            node = head
            continue
        if node.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_ in word_list("planned-verb"):
            out.append(head)  # "is willing to withdraw", "ready to host": the copula ends the chain
            break
        if node.dep_ == "conj":
            node = head  # "decided to grant ..., but turned down ...": a conjunct shares its head's governors
            continue
        if node.dep_ == "acl" and that_clause(node):
            break  # "reports that soldiers had surrendered": a content clause, like a that-complement
        if head.lemma_ == "be" and node.dep_ != "xcomp":
            break  # only "was to meet" makes the copula a plan
        if node.dep_ in ("xcomp", "acl", "dobj", "pobj", "pcomp", "prep", "conj", "nsubjpass", "advcl") and head.pos_ in ("VERB", "AUX", "NOUN", "ADP", "PROPN"):
            if head.pos_ in ("VERB", "AUX"):
                out.append(head)
                finite = any(c.dep_ == "nsubj" for c in head.children) and head.dep_ not in ("xcomp",)
                if finite and node.dep_ not in ("conj",):
                    break
            node = head
            continue
        break
    return out


_TIME_UNITS = frozenset({"day", "week", "month", "year", "fortnight", "quarter", "time"})


def habitual(trigger: Token) -> bool:
    """True for a habit, not an occurrence: a verb in the simple present with a frequency ("visits
    Baghdad every two months", "regularly meets the envoy"), or a stance held a long time ("have long
    expressed concern", "has long opposed"). CAMEO codes events, so a habit is none."""
    if trigger.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in trigger.children) \
            and any(c.dep_ == "advmod" and c.lower_ == "long" for c in trigger.children):
        return True
    if trigger.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in word_list("habitual-adverb") for c in trigger.children):
        return True
    for token in trigger.subtree:
        if token.dep_ == "det" and token.lower_ in ("every", "each") and token.head.lemma_.lower() in _TIME_UNITS:
            node = token.head
            while node.i != trigger.i and node.pos_ not in ("VERB", "AUX"):
                node = node.head
            if node.i == trigger.i:
                return True
    return False
