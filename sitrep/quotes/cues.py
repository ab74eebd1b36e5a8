"""Cue words of attribution in news English: which verbs, nouns and prepositions introduce what
someone said, believed or stated, and where their content sits. Each list says why its words are there.
"""

from __future__ import annotations

from ..tables.words import speech_verbs

__all__ = [
    "ATTITUDE", "ATTITUDE_ADJECTIVES", "BELIEF_OBJECT", "CLAUSE_ONLY", "CUE_NOUNS", "DOBJ_CONTENT",
    "EVIDENCE", "FRAME_ONLY", "INTENT", "OBJECT_CONTENT", "PREP_CONTENT", "REACTION", "SPEECH", "STANCE",
    "STATEMENT_NOUNS", "STATEMENT_VERBS", "VIEW", "WRITINGS", "XCOMP_CONTENT", "cue_lemma",
]

SPEECH = speech_verbs("cue")
"""Verbs that report speech, writing, findings ("a poll shows that"), a stated belief ("Trump
believes that"), a view ("critics view it as a giveaway") or a public stance taken in words
("attacked her opponent as a fraud", "offered no proof", "unveiled a proposal", "weighed in").
Beliefs and findings count only with a clause, views with their object and "as" (see
`cue_parse.reported_content`). Intentions are in `INTENT`; other actions ("pushed", "voted",
"released") are left out: PolNeAR marks only a few of them."""

INTENT = frozenset("want plan seek intend aim decide decline refuse hope".split())
"""Verbs of intention and refusal, which PolNeAR attributes like speech ("Clinton wants to triple
AmeriCorps", "the court declined to step in"), but only with what is intended: an infinitive, a
clause or an object ("wants policies that ..."); "the rate would decline by four points" is not one."""

STANCE = frozenset("support oppose back favor favour resist approve disapprove protest".split())
"""Verbs of a stance taken toward a person, a party or a measure ("others have opposed the
resolution", "China and Russia support the government"): the source takes a side, which PARC and
PolNeAR count as an attribution, with the object as what is attributed. Only with an object: "Washington
backed out" takes no side on anything."""

ATTITUDE = frozenset("""
love like hate despise detest loathe adore admire respect resent trust distrust dislike prefer
""".split())
"""Verbs of feeling toward something, whose subject holds the attitude ("she despises his rhetoric",
"her daughter likes to sing"): a sentiment is attributed like a belief, with its object or infinitive as
the content, and never without one."""

ATTITUDE_ADJECTIVES = frozenset("""
concerned worried afraid fearful anxious nervous wary confident sure certain convinced skeptical sceptical
doubtful hopeful optimistic pessimistic critical supportive aware determined eager frustrated angry upset
furious disappointed proud adamant
""".split())
"""Adjectives of belief, feeling or stance, which attribute like the verbs they stand beside: "she was
sure that ...", "Republicans weren't concerned about the shift", "he has been critical of the plan".
Only as the complement of "be" or "seem" with a clause, an infinitive or a phrase saying what about."""

CLAUSE_ONLY = frozenset("""
show find believe think know feel expect hope fear doubt worry understand realize realise recognize
recognise assume suspect wonder imagine learn sense guess reckon rule view regard
""".split())
"""Cues that attribute only a clause: "the study found that ..." yes, "found the keys" no."""

BELIEF_OBJECT = frozenset("""
believe understand recognize recognise realize realise doubt suspect
""".split())
"""Verbs of belief and knowledge whose object is what is believed ("he believed the online polls",
"no one expected a full debate", "we recognize the danger"), unlike "find" or "learn" ("found the
keys"), whose object need not be a proposition."""

VIEW = frozenset("view regard".split())
"""Cues that attribute a judgement as object and "as": "critics view reauthorization as a giveaway"
("see" and "consider" are left out: "officers saw Scott get out of a car" is perception)."""

FRAME_ONLY = frozenset("continue".split())
"""Verbs that report speech only when they frame a quotation: "She continued, “For us ...”",
"Limbaugh continued:" before a quoted paragraph; never "Trump continues his attacks"."""

OBJECT_CONTENT = frozenset("""
describe cite accuse blame praise criticize criticise condemn denounce slam blast question reject dismiss
rebuke applaud hail defend charge mock deride chastise scold chide lambast lambaste laud herald compliment
characterize label brand liken thank endorse tout attack compare link paint portray grill champion
""".split())
"""Cues that judge someone or something: the object and what it was judged as or for ("accused the
GOP of stoking the issue", "described Clinton as a “disgrace”")."""

EVIDENCE = frozenset("""
poll polls survey study report data analysis research figure figures statistic statistics number numbers
record records document documents video footage audit review investigation census estimate
""".split())
"""Subjects that report findings: "polls show a close contest" attributes its object too."""

CUE_NOUNS = frozenset("""
claim statement assertion argument warning promise pledge remark comment suggestion allegation insistence
belief announcement accusation demand threat denial admission prediction contention view position
vow call conclusion theory criticism
hope fear worry concern expectation suspicion doubt assurance acknowledgment acknowledgement emphasis
recognition realization
""".split())
"""Nouns that carry an attribution when a possessor says whose and a that-clause or an infinitive
says what ("his claim that people would learn nothing", "his promise to stick it to the rich"), and
nouns of belief or feeling ("her hope that", "his emphasis that"). Nouns of action are left out
("his decision to", "her plan to": +2 exact PolNeAR sources for +11 extra spans)."""

XCOMP_CONTENT = frozenset("""
claim promise pledge vow threaten urge ask agree demand call tell warn propose exhort plead recommend
want plan seek intend aim decide decline refuse hope
""".split())
"""Cues whose content may be an infinitive ("vowed to retaliate", "urged Pyongyang to stop")."""

DOBJ_CONTENT = frozenset("""
announce confirm deny indicate mention reiterate stress emphasize emphasise underline underscore point
cite acknowledge admit predict reveal disclose report repeat reaffirm affirm
propose discuss reference echo clarify specify articulate outline dispute rebut refute unveil detail
recommend advocate forecast retweet yell proclaim decry offer highlight publish unleash promote ignore
""".split())
"""Cues whose direct object is what was said ("confirmed the deal", "pointed out the risk")."""

PREP_CONTENT = {
    "warn": ("of", "about", "against"),
    "express": ("about", "over", "at", "of", "for", "with", "regarding"),
    "voice": ("about", "over", "at", "of", "for", "regarding"),
    "complain": ("about", "of"),
    "speak": ("of", "about", "on", "against", "out"),
    "talk": ("about", "of"),
    "joke": ("about",),
    "testify": ("about", "on", "before"),
    "rail": ("against", "at"),
    "apologize": ("for",),
    "point": ("to",),
    "rule": ("against", "for", "on", "in"),
    "refer": ("to",),
    "weigh": ("in", "on"),
    "press": ("on", "for"),
    "pepper": ("with",),
    "bristle": ("at", "over"),
    "balk": ("at",),
    "rejoice": ("in", "at", "over"),
    "seethe": ("at", "over", "about", "after"),
    "fume": ("at", "over", "about"),
    "marvel": ("at", "over"),
    "gloat": ("over", "about"),
    "chafe": ("at", "under"),
}
"""Cues whose content hangs on a preposition ("warned of the risk", "expressed concern about ...")."""

REACTION = frozenset("bristle balk rejoice seethe fume marvel gloat chafe".split())
"""Verbs of a feeling shown in reaction to something ("Republicans seethed after the disclosure",
"the United States was balking at the plan"): a sentiment attributed with what it reacts to (the
phrase of `PREP_CONTENT`), and never without it."""

STATEMENT_NOUNS = frozenset(
    "statement declaration communique communiqué text letter message note report".split())
WRITINGS = frozenset("commentary article column editorial op-ed essay book memo transcript".split())
"""Writings that, besides `STATEMENT_NOUNS`, can be the source of a passive report ("as stated in
his commentary"); an "as"-aside with no such source ("as predicted", "as expected") has no speaker."""

STATEMENT_VERBS = frozenset("issue publish release sign adopt send".split())
""""X issued a statement “...”": a quote beside these takes X as its speaker."""


_SPEECH_OR_INTENT = SPEECH | INTENT


def cue_lemma(tok) -> str:
    """The token's lemma, lower-cased, as a cue: the idiom "put it" ("as the memo put it") reads as
    "say", and the small model's clipped lemmas are repaired: "hoped" and "hopes" come out as "hop",
    so a lemma that is not a cue but whose word starts with lemma + "e" (a cue) is read as that cue."""
    lemma = tok.lemma_.lower()
    if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
        return "say"  # "as a Homeland Security memo put it, ..."
    if lemma not in SPEECH and lemma + "e" in _SPEECH_OR_INTENT and tok.lower_.startswith(lemma + "e"):
        return lemma + "e"
    return lemma
