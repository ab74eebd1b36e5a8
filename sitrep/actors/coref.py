"""Stage 3 of `actors.find_mentions`: coreference -- surnames, descriptions and speaker pronouns.

"Kim" after "Kim Jong Un", "the Russian leader" after "Vladimir Putin" and "he added" after a named
speaker resolve to the person named before. `CorefStage` is a mixin of `actor_mentions.MentionFinder`
(split from it to keep each module readable): it reads and extends the finder's per-article state
(`people`, `mentions`, `taken`) and uses its token tests (`_is_name_token`, `_name_run`, `_heads` ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..tables.actors import Entry, Named, Sense, parts
from ..tables.words import actor_words
from .resolve import FORMER, SPEAKER_PRONOUNS, SPEECH_VERBS, Actor, _Atom, _head_sense, _slug, named_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import MentionFinder

__all__ = ["CorefStage"]

_PRONOUN_WINDOW = 3  # sentences back that a speaker pronoun may look for its antecedent
_DESCRIPTION_WINDOW = 40  # sentences back that "the Russian leader" may look for its antecedent
_HEAD_NOUNS = actor_words("head-nouns")
_ALLY_NOUNS = actor_words("ally-nouns")
_HEAD_VERBS = actor_words("head-verbs")


def _acting_for(org: Actor, name: str, person_id: str | None = None) -> Actor:
    """A person who speaks for a body he heads: the body's code, his own name and id."""
    return Actor(org.code, org.country, org.sector, name, "person", person_id or f"person:{_slug(name)}",
                 f"head of {org.name}", True)


@dataclass
class _Person:
    """A person mentioned so far: the actor and the name parts a later surname may repeat."""

    actor: Actor
    token: int
    sentence: int
    names: frozenset[str]
    roles: frozenset[str]


class CorefStage:
    """Coreference rules of a `MentionFinder` pass (names, titles, surnames and pronouns that point back);
    it reads and extends the finder's per-article state."""

    def __init__(self, finder: MentionFinder) -> None:
        self.finder = finder

    def _describe(self, country: str | None, title: Sense, start: int) -> tuple[Actor, str] | None:
        """"the Russian leader", "the Chinese president": the person the description points to.

        The most recent person of that country whose office fits the title, within the last
        sentences; else whoever held the office at the date; else None (a sector actor).
        """
        if country is None:
            return None
        sentence = self.finder._sentence(start)
        for person in reversed(self.finder.people):
            if person.actor.country != country or person.token >= start:
                continue
            if sentence - person.sentence > 10_000:
                break
            if title.roles & person.roles or (not person.roles and person.actor.provisional is False):
                return person.actor, "coref"
        holder = self._office_holder(country, title)
        if holder is None:
            for role in sorted(title.roles):
                holder = self.finder.dictionary.holder_at(country, role, self.finder.date)
                if holder is not None:
                    break
        if holder is not None:
            return named_actor(holder, self.finder.date, self.finder.dictionary), "dictionary"
        return None

    def _office_holder(self, country: str, title: Sense) -> Named | None:
        """The holder at the date of the office the title names, whatever its role: "Iran's president"
        is the President (HOG there), not the Supreme Leader who holds the HOS role the title has."""
        if not title.office:
            return None
        dictionary, date = self.finder.dictionary, self.finder.date
        for role in ("HOS", "HOG", "LEADER"):
            for named in dictionary.holders(country, role):
                if any(t.country == country and (t.office or "").lower() == title.office.lower() and t.covers(date)
                       for t in named.terms):
                    return named
        return None

    # -- stage 3: coreference ----------------------------------------------------------------------

    def _unlisted(self, token: Token) -> None:
        """A token no dictionary form covers: a surname, an unknown titled name, a speaker pronoun."""
        i = token.i
        if token.lower_ in SPEAKER_PRONOUNS:
            self._pronoun(token)
            return
        if token.lower_ in _ALLY_NOUNS:  # one ally: "its allies" are a group it need not have named
            self._ally(token)
            return
        if self.finder._is_name_token(i):
            # "Sidney Seller, a former U.S. intelligence analyst": unknown name + titled apposition
            run = self.finder._name_run(i)
            person = any(self.finder.doc[t].ent_type_ == "PERSON" for t in range(i, run))
            if (person or run - i >= 2) and run - i <= 4:  # the tagger misses names: "Kenzo Oshima" (GPE)
                if self._unknown_with_apposition(i, run, titled_only=not person):
                    return
            if run - i == 1 and not self.finder._is_name_token(i - 1):
                self._surname(i)

    def _ally(self, token: Token) -> None:
        """"its regional ally": the other state its sentence names before it.

        "Washington ... put its weight behind Addis Ababa, but called on its regional anti-terrorism
        ally to exercise restraint": the possessor is the subject of the clause (Washington, also
        through a coordinated verb); the ally is the latest state (a country or a government) named
        earlier in the sentence with another country. Nothing when the possessor is unknown or no
        such state, or more than one country besides the possessor's, is named.
        """
        if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in token.children):
            return
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and verb.dep_ == "conj":
            subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        owner = next((m for m in self.finder.mentions for s in subjects if m.token_start <= s.i < m.token_end), None)
        if owner is None or owner.actor.country is None:
            return
        sentence = token.sent
        states = [m for m in self.finder.mentions if sentence.start <= m.token_start < token.i and m.actor.country
                  not in {None, owner.actor.country, "IGO"} and (m.actor.kind == "country" or m.actor.sector == "GOV")]
        if len({m.actor.country for m in states}) != 1:
            return
        start = min(c.i for c in token.children if c.dep_ == "poss") + 1
        self.finder._emit(start, token.i + 1, states[-1].actor, "coref")

    def _apposition(self, end: int) -> tuple[int, int, _Atom | None] | None:
        """The apposition after a name ending at `end` ("Vranitzky, the former Austrian chancellor"):
        None when no comma follows, else (j, k, modifier): j past the comma, articles and "former", k
        past an adjective or name modifier there (k == j without one), and that modifier or None."""
        doc = self.finder.doc
        if end >= len(doc) or doc[end].text != ",":
            return None
        j = end + 1
        while j < len(doc) and doc[j].lower_ in {"a", "an", "the"} | FORMER:
            j += 1
        modifier = self.finder.atom_at.get(j)
        if modifier is not None and modifier.is_modifier and modifier.entry.role in {"adjective", "name", "seat", "capital"}:
            after = modifier.end
            if modifier.entry.role == "name" and after < len(doc) and doc[after].lower_ in {"'s", "'"}:
                after += 1  # "Wang Daohan, China's top negotiator with Taiwan"
            return j, self.finder._skip_gap(after), modifier
        return j, j, None

    def _unknown_with_apposition(self, start: int, end: int, *, titled_only: bool = False) -> bool:
        """An unknown name with an apposition that says who he is; `titled_only` (a name the tagger
        did not call a person) demands a title or role noun there ("Kenzo Oshima, the United
        Nations Emergency Relief Coordinator"), not any actor noun ("Golan Heights, the Syrian ...")."""
        doc = self.finder.doc
        apposition = self._apposition(end)
        if apposition is None:
            return False
        j, k, modifier = apposition
        k = self.finder._skip_gap(k)
        heads, hend = self.finder._heads(k)
        if titled_only and not any(h.entry.sense and h.entry.sense.kind in {"title", "role"} for h in heads):
            return False
        role = self._current_role(j)
        if role is not None:  # "Franz Vranitzky, the former Austrian chancellor heading the OSCE mission"
            org, role_end = role
            self.finder._emit(start, max(hend, role_end) if heads else role_end,
                       _acting_for(org, doc[start:end].text), "title", name_tokens=(start, end))
            return True
        if not heads:  # "Sandra Rusciolelli, the first judge to ...": any actor noun in apposition
            return False
        senses = [h.entry.sense for h in heads if h.entry.sense is not None]
        head = _head_sense(senses)
        assert head is not None
        country = None
        if modifier is not None and modifier.entry.named is not None:
            country = named_actor(modifier.entry.named, self.finder.date, self.finder.dictionary).country
        former = self.finder._former_before(j + 1) or any(doc[t].lower_ in FORMER for t in range(end + 1, k))
        sector = "ELI" if former else head.sector
        name_text = doc[start:end].text
        office = doc[heads[0].start:heads[-1].end].text
        actor = Actor(f"{country or '---'}{sector}", country, sector, name_text, "person",
                      f"person:{_slug(name_text)}", f"former {office}" if former else office, True)
        title = next((s for s in senses if s.kind == "title"), None)
        self.finder._emit(start, hend, actor, "title", roles=title.roles if title else frozenset(),
                   name_tokens=(start, end))
        return True

    def _current_role(self, j: int) -> tuple[Actor, int] | None:
        """The body a person heads or acts for, said in his apposition from token j ("head of the
        Organization for Security and Cooperation in Europe mission", "the former Austrian chancellor
        heading the OSCE mission"): the organisation and the token after it, or None.

        What a person does now, said in the sentence, beats a past office in the tables: Vranitzky,
        Austria's chancellor until 1997, speaks for the OSCE as head of its mission to Albania.
        """
        doc = self.finder.doc
        n = len(doc)
        k = j
        while k < n and k < j + 10 and not doc[k].is_punct:
            word = doc[k].lower_
            at = None
            if word in _HEAD_NOUNS and k + 1 < n and doc[k + 1].lower_ == "of":
                at = k + 2
            elif word in _HEAD_VERBS:
                at = k + 1
            if at is not None:
                if at < n and doc[at].lower_ == "the":
                    at += 1
                atom = self.finder.atom_at.get(at)
                if atom is not None and atom.entry.named is not None and atom.entry.named.kind == "organisation":
                    return named_actor(atom.entry.named, self.finder.date, self.finder.dictionary), atom.end
            k += 1
        return None

    def _spelt_like(self, start: int, end: int, title: Sense | None, country: str | None) -> _Atom | None:
        """The one office holder of the title's office whose name the unknown run [start, end) spells
        differently ("President Laurent Gbago", "President Dos Sontas"): the name ends like his (same
        initial, close letters) and he held an office of the title's role (in the title's country,
        when it names one). Wire copy of transliterated names varies; no alias table can list it all.
        """
        if title is None or not title.roles:
            return None
        run = [p for p, _ in parts(self.finder.doc[start:end].text) if p.isalpha()]
        if not run:
            return None
        found = []
        # an office taken years after the date is not the one the text gives ("King Hassan" in 1997 is
        # no president of 2021); earlier holders stay (an archive's date may be later than the story's)
        latest = f"{int(self.finder.date[:4]) + 1}{self.finder.date[4:]}" if self.finder.date else None
        for named in self.finder.dictionary.people_with_roles(title.roles):
            if not any(t.roles & title.roles and country in {None, t.country}
                       and (latest is None or t.start is None or t.start <= latest) for t in named.terms):
                continue
            name = [p for p, _ in parts(named.name) if p.isalpha()]
            tail = name[-len(run):]
            if len(tail) < len(run) or tail[-1][:1] != run[-1][:1]:
                continue
            whole = SequenceMatcher(None, " ".join(run), " ".join(tail)).ratio()
            surname = SequenceMatcher(None, run[-1], tail[-1]).ratio()
            if whole >= 0.8 and surname >= (0.75 if len(run) > 1 else 0.85):
                found.append(named)
        if len(found) != 1:
            return None
        return _Atom(start, end, (Entry((), (), "name", found[0]),))

    def _surname(self, i: int) -> None:
        """"Kim", "Han": a lone name part that repeats part of a person named before."""
        norm = self.finder.doc[i].lower_
        for person in reversed(self.finder.people):
            if person.token < i and norm in person.names:
                apposition = self._apposition(i + 1)
                role = self._current_role(apposition[0]) if apposition is not None else None
                if role is not None:  # "said Vranitzky, head of the OSCE mission to Albania"
                    actor = _acting_for(role[0], person.actor.name, person.actor.id)
                    self.finder._emit(i, role[1], actor, "title", name_tokens=(i, i + 1))
                    return
                self.finder._emit(i, i + 1, person.actor, "coref")
                return

    def _pronoun(self, token: Token) -> None:
        """"he added": the subject pronoun of a speech verb is the most recent person named."""
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.lemma_.lower() not in SPEECH_VERBS:
            return
        sentence = token.sent
        earlier_sentences = 0
        start = sentence.start
        for person in reversed(self.finder.people):
            if person.token >= token.i:
                continue
            if person.sentence < start:
                earlier_sentences = sum(1 for s in self.finder.doc.sents if person.sentence <= s.start < start)
                if earlier_sentences > _PRONOUN_WINDOW:
                    return
            self.finder._emit(token.i, token.i + 1, person.actor, "pronoun")
            return
