"""The assembly stage of `actors.find_mentions`: dictionary atoms -> actor mentions in a parsed Doc.

Kept apart from `actors.py` because it is the long, rule-heavy part; `actors.py` holds the records,
the public functions and how a table entry becomes an actor. The rules here read the spaCy parse only
lightly (part of speech, entity labels, the subject of a speech verb) so they survive the small
model's mistakes on machine-translated news.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..tables.actors import ActorDictionary, Sense, parts
from ..tables.words import actor_words
from .coref import CorefStage, _acting_for, _Person
from .origin import _COMPASS, _POSSESSIVE, OriginStage
from .resolve import (
    _GAP_POS,
    _NAME_PARTICLES,
    FORMER,
    HONORIFICS,
    PLACE_PREPOSITIONS,
    Actor,
    ActorMention,
    _Atom,
    _head_sense,
    _match,
    _slug,
    _token_parts,
    named_actor,
    sector_actor,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MentionFinder"]

_TITLE_PREFIXES = actor_words("title-prefixes")
_FORCE_MEANS = actor_words("force-means")
"""Nouns after an army or police noun that are the means it acts through, not a compound's head."""
_EVENT_NOUNS = actor_words("act-nouns")
"""Acts whose nationality is the actor's, not the people's: "Israeli raid victims" are not Israeli."""
_AIM_AT_HEADS = actor_words("aim-at-heads")
"""Verbs whose "at" names what the act is aimed at ("lashed out at Colombia"), not where it happened."""


@dataclass
class MentionFinder:
    """One pass over one Doc; holds the per-article state coreference needs (never module-level).

    Stage 2 (noun groups) lives here, stage 3 (coreference) in `CorefStage` (`coref.py`) and the
    origin rules in `OriginStage` (`origin.py`), each given this finder."""

    doc: Doc
    dictionary: ActorDictionary
    date: str | None
    mentions: list[ActorMention] = field(default_factory=list)
    people: list[_Person] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    atom_at: dict[int, _Atom] = field(default_factory=dict)
    atom_cover: dict[int, _Atom] = field(default_factory=dict)
    coref: CorefStage = field(init=False, repr=False)
    origin: OriginStage = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.coref = CorefStage(self)  # stage 3 rules, composed: they read and extend this pass's state
        self.origin = OriginStage(self)

    def run(self) -> list[ActorMention]:
        doc = self.doc
        atoms = _match(_token_parts(doc), self.dictionary, self.date)  # 1. dictionary forms
        self.atom_at = {a.start: a for a in atoms}
        # a city never blocks a name ("Austin", "Jackson" are people too); it only qualifies a noun
        self.atom_cover = {i: a for a in atoms for i in range(a.start, a.end) if a.entry.role != "city"}
        i = 0
        n = len(doc)
        while i < n:  # 2. noun groups, names, appositions; 3. coreference, in text order
            token = doc[i]
            atom = self.atom_at.get(i)
            if atom is not None and not self._inside_bigger_name(atom):
                i = max(i + 1, self._group(atom))
                continue
            if i not in self.taken:
                self.coref._unlisted(token)
            i += 1
        self.mentions.sort(key=lambda m: m.token_start)
        return self.mentions

    # -- emitting ---------------------------------------------------------------------------------

    def _emit(self, start: int, end: int, actor: Actor, how: str, *, roles: frozenset[str] = frozenset(),
              name_tokens: tuple[int, int] | None = None) -> None:
        doc = self.doc
        if any(t in self.taken for t in range(start, end)):
            return
        span = doc[start:end]
        self.mentions.append(ActorMention(span.start_char, span.end_char, start, end, span.text, actor, how))
        self.taken.update(range(start, end))
        if actor.kind == "person" and how in {"dictionary", "title"}:
            names: set[str] = set()
            for text in (actor.name, doc[name_tokens[0]:name_tokens[1]].text if name_tokens else ""):
                words = [p for p, _ in parts(text) if p.isalpha() and p not in _NAME_PARTICLES]
                if words:  # every part: wire copy repeats "Ngbanda" of "Honore Ngbanda Nzambo"
                    names.update(w for w in words if len(w) > 2 or w in {words[0], words[-1]})
            self.people.append(_Person(actor, start, self._sentence(start), frozenset(names), roles))

    def _sentence(self, i: int) -> int:
        return self.doc[i].sent.start

    # -- token tests ------------------------------------------------------------------------------

    def _is_name_token(self, i: int) -> bool:
        """A capitalised proper noun that is not itself a dictionary form (part of an unknown name)."""
        doc = self.doc
        if i < 0 or i >= len(doc):
            return False
        token = doc[i]
        if i in self.atom_cover or not token.text[:1].isupper() or token.ent_type_ in {"DATE", "TIME"}:
            return False
        return token.pos_ == "PROPN" or token.ent_type_ == "PERSON"

    def _inside_bigger_name(self, atom: _Atom) -> bool:
        """"Washington Post", "Kremlin Bull", "Great Russia": a name glued to another proper noun."""
        if atom.is_noun:
            return False
        doc = self.doc
        after = atom.end
        if after < len(doc) and self._is_name_token(after):
            if not atom.is_person:
                # "Dutch Economic Minister": a portfolio word before a title is no bigger name
                return not self._heads(self._skip_gap(after))[0]
            if atom.end - atom.start == 1:
                return True  # a bare surname inside another name: "Sergeant Sharon Edry"
        before = atom.start - 1
        if atom.is_place and before >= 0 and self._is_name_token(before):
            token = doc[before]
            if token.lower_.rstrip(".") not in HONORIFICS and not token.is_sent_start:
                return True
        return False

    def _is_place(self, atom: _Atom) -> bool:
        """A country or capital governed by "in", "at", "near" ... names a location, not an actor (but a
        national adjective does not: "fired at Pakistani soldiers")."""
        if not atom.is_place or self.doc[atom.end - 1].tag_ == "JJ":
            return False
        j = atom.start - 1
        doc = self.doc
        while j >= 0 and doc[j].lower_ in _COMPASS:
            j -= 1
        if j >= 1 and doc[j].text == ",":
            # "in Krynica, Poland", "in Pyongyang, North Korea": the country qualifies a place
            k = j - 1
            while k >= 0 and (doc[k].ent_type_ in {"GPE", "LOC", "FAC"} or k in self.atom_cover):
                k -= 1
            if k < j - 1:
                j = k
        if j >= 1 and doc[j].lower_ in {"and", "or"}:
            # "in Nairobi and Dar es Salaam": a place coordinated with a place
            before = next((a for a in self.atom_at.values() if a.end == j), None)
            if before is not None and before.start < atom.start and self._is_place(before):
                return True
        if j >= 0 and doc[j].lower_ == "at" and doc[j].head.lemma_.lower() in _AIM_AT_HEADS:
            return False  # "lashed out at Colombia": the act's aim, not where it happened
        return j >= 0 and doc[j].lower_ in PLACE_PREPOSITIONS

    def _skip_gap(self, i: int, limit: int = 2) -> int:
        """Skip up to `limit` words that are not dictionary forms between a country and its actor noun:
        adjectives/adverbs ("top"), title prefixes ("deputy", "acting") and capitalised portfolio
        words ("Dutch Economic Minister", "U.S. Special Envoy"). Callers only use the gap when an
        actor noun follows it, so a skipped word never makes a mention by itself."""
        doc = self.doc
        k = 0
        while k < limit and i < len(doc) and i not in self.atom_cover:
            token = doc[i]
            portfolio = token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ != "PERSON"
            if token.pos_ not in _GAP_POS and token.lower_ not in _TITLE_PREFIXES and not portfolio:
                break
            i += 1
            k += 1
        return i

    def _former_before(self, start: int) -> bool:
        doc = self.doc
        for j in range(max(0, start - 3), start):
            if doc[j].lower_ in FORMER:
                return True
        return False

    def _definite_before(self, start: int) -> bool:
        doc = self.doc
        j = start - 1
        while j >= 0 and doc[j].pos_ in _GAP_POS:
            j -= 1
        return j >= 0 and doc[j].lower_ in {"the", "this", "that"}

    def _name_run(self, i: int) -> int:
        """End of a run of unknown proper-noun tokens starting at i (a name the tables lack).

        Particles and hyphens join name parts ("Mohammad Said al-Sahhaf"); a known surname glued by a
        hyphen to an unknown name is part of another person's name ("Nkosazana Dlamini-Zuma" is not
        Jacob Zuma). The run stops before a known person the name leads into (see `_run_person`).
        """
        doc = self.doc
        n = len(doc)
        j = i
        while j < n:
            if self._is_name_token(j):
                j += 1
                continue
            if j > i and doc[j].text == "-" and not doc[j - 1].whitespace_:
                atom = self.atom_at.get(j + 1)
                if self._is_name_token(j + 1):
                    j += 1
                    continue
                if atom is not None and atom.is_person and doc[j - 1].lower_ not in _NAME_PARTICLES and \
                        doc[j + 1].ent_type_ == "PERSON" and doc[j + 1].ent_iob_ == "I":
                    j = atom.end  # one PERSON entity, unlike the "Kim-Putin summit"
                    continue
            if j > i and doc[j].lower_ in _NAME_PARTICLES and j + 1 < n and \
                    (self._is_name_token(j + 1) or doc[j + 1].text == "-"):
                j += 1
                continue
            break
        return j

    def _run_person(self, start: int, end: int) -> _Atom | None:
        """A known person that an unknown name run leads into: through a particle ("Mohammad Said
        al-Sahhaf"), or through a spelling of the person's own first name ("Libyan leader Moammer
        Kadhafi" for Muammar Gaddafi: same initial, similar letters). Another first name before a
        known surname is another person ("Hillary Clinton" is not Bill Clinton)."""
        doc = self.doc
        k = end
        while k < len(doc) and (doc[k].lower_ in _NAME_PARTICLES or doc[k].text == "-"):
            k += 1
        atom = self.atom_at.get(k)
        if atom is None or not atom.is_person:
            return None
        if k > end:
            return atom
        given = doc[start].lower_
        first = parts(atom.entry.named.name)[0][0]  # type: ignore[union-attr]
        if given[:1] == first[:1] and SequenceMatcher(None, given, first).ratio() >= 0.5:
            return atom
        return None

    # -- stage 2: groups ----------------------------------------------------------------------------

    def _heads(self, i: int) -> tuple[list[_Atom], int]:
        """Consecutive actor-noun atoms from token i ("Foreign Ministry spokesman")."""
        heads: list[_Atom] = []
        while (atom := self.atom_at.get(i)) is not None and atom.is_noun and self._noun_ok(atom):
            heads.append(atom)
            i = atom.end
            inner = self._name_inside(heads, i)
            if inner is not None:
                heads.append(inner)
                i = inner.end
        return heads, i

    def _name_inside(self, heads: list[_Atom], i: int) -> _Atom | None:
        """The people a capitalised body is named after, which say what it is: "Union of Teachers"
        (EDU), "Workers' Union" (LAB), "People's Party" (PTY). Only inside a capitalised name,
        and only after a collective noun ("Minister of Police" is still a minister)."""
        doc = self.doc
        last = heads[-1]
        if i + 1 >= len(doc) or not doc[i - 1].text[:1].isupper() or doc[i].lower_ not in {"of", "'", "'s", "\u2019s"}:
            return None
        if doc[i].lower_ == "of" and (last.entry.sense is None or last.entry.sense.kind != "group"):
            return None
        nxt = self.atom_at.get(i + 1)
        if nxt is None or not nxt.is_noun or not doc[i + 1].text[:1].isupper() or nxt.entry.sense is None or \
                nxt.entry.sense.kind != "group":
            return None
        return nxt

    def _heads_after_noun(self, i: int) -> tuple[list[_Atom], int]:
        """Actor nouns after one common noun that qualifies them ("French paper workers",
        "Bangladeshi peacekeeping troops"): only after a country adjective, whose nationality the
        actor then has; the common noun itself names nothing."""
        doc = self.doc
        if i >= len(doc) or i in self.atom_cover:
            return [], i
        token = doc[i]
        if token.pos_ != "NOUN" or not token.text[:1].islower() or token.lemma_.lower() in _EVENT_NOUNS:
            return [], i
        return self._heads(self._skip_gap(i + 1))

    def _noun_ok(self, atom: _Atom) -> bool:
        """An actor noun used as a noun: not "military" in "military cooperation", not "official"
        in "its official name", not "police" in "police station"."""
        doc = self.doc
        last = doc[atom.end - 1]
        nxt = doc[atom.end] if atom.end < len(doc) else None
        if last.pos_ == "VERB" or (last.pos_ == "ADJ" and not self._adjective_as_noun(atom)):
            return False
        if nxt is not None and nxt.pos_ == "NOUN" and atom.end not in self.atom_at and nxt.text[:1].islower():
            if nxt.ent_type_ in {"DATE", "TIME"}:
                return True  # "the German government today welcomed": a time, not a compound
            sense = atom.entry.sense
            if sense is not None and sense.sector in {"MIL", "COP"} and nxt.lemma_.lower() in _FORCE_MEANS:
                return True  # "Israeli army bulldozers demolished": the army acts through them
            return False
        return True

    def _adjective_as_noun(self, atom: _Atom) -> bool:
        """An actor noun the tagger calls an adjective is still a noun when it heads its phrase ("a US
        national and two British nationals", "a missionary from Calgary") or qualifies another actor
        noun ("Druze inhabitants", "Muslim hackers"); not before a common noun ("military
        cooperation") nor in a shared modifier ("civilian and military targets")."""
        doc = self.doc
        n = len(doc)
        if atom.end >= n:
            return True
        nxt = doc[atom.end]
        following = self.atom_at.get(atom.end)
        if following is not None and following.is_noun:
            return True
        if nxt.pos_ == "CCONJ":
            return atom.end + 1 < n and doc[atom.end + 1].pos_ not in {"ADJ", "NOUN"}
        return nxt.pos_ in {"PUNCT", "ADP", "AUX", "VERB", "SCONJ", "PART"}

    def _group(self, atom: _Atom) -> int:
        """Assemble the mention that starts with this atom; returns the token after it."""
        if atom.is_person:
            return self._person(atom)
        if atom.is_modifier:
            if self._is_place(atom):
                return atom.end
            if atom.entry.role == "city" and not self._city_qualifies(atom):
                return atom.start + 1  # a place; its tokens may still be a surname or a name
            return self._modified(atom)
        # a bare actor noun: "Prime Minister Han Duck-soo", "police", "spokesman Lin Jian"
        heads, end = self._heads(atom.start)
        return self._headed(None, atom.start, heads, end)

    def _city_qualifies(self, atom: _Atom) -> bool:
        """"Shanghai police", "Kano's governor": a city directly qualifying an actor noun."""
        doc = self.doc
        i = atom.end
        if i < len(doc) and doc[i].lower_ in {"'s", "\u2019s"}:
            i += 1
        heads, _ = self._heads(self._skip_gap(i))
        return bool(heads)

    def _modified(self, atom: _Atom) -> int:
        """A country, capital or organisation, with the actor nouns it may qualify."""
        doc = self.doc
        i = atom.end
        possessive = i < len(doc) and doc[i].lower_ in {"'s", "\u2019s", "'"}
        if possessive:
            i += 1
        # "Russian and Belorussian soldiers": adjectives sharing one head noun
        chain = [atom]
        if atom.entry.role == "adjective":
            j = i
            while j < len(doc) and doc[j].lower_ in {",", "and", "or"}:
                k = j
                while k < len(doc) and doc[k].lower_ in {",", "and", "or"}:
                    k += 1
                nxt = self.atom_at.get(k)  # "Belgian, British, French and US soldiers"
                if nxt is None or nxt.entry.role not in {"adjective", "name"} or nxt.entry.named is None \
                        or nxt.entry.named.kind != "country":
                    break
                chain.append(nxt)
                j = nxt.end
            if len(chain) > 1:
                i = chain[-1].end
        heads, end = self._heads(self._skip_gap(i))
        if not heads and chain[-1].entry.role == "adjective":
            heads, end = self._heads_after_noun(self._skip_gap(i))
        if not heads:  # adjectives without a head noun are not actors; the main loop re-visits them
            return self._bare(atom)
        for a in chain[:-1]:  # every adjective but the last gets the shared head as a separate mention
            self._emit_group(a, a.start, a.end, heads, name=None)
        return self._headed(chain[-1], chain[-1].start, heads, end)

    def _bare(self, atom: _Atom) -> int:
        """A country/capital/organisation with no actor noun after it."""
        doc = self.doc
        entry = atom.entry
        named = entry.named
        assert named is not None
        if entry.role == "adjective":
            nxt = doc[atom.end] if atom.end < len(doc) else None
            standalone = nxt is None or nxt.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}
            if not standalone or not doc[atom.start].text[:1].isupper():
                return atom.end
        nxt_atom = self.atom_at.get(atom.end)
        if nxt_atom is not None and nxt_atom.entry.role == "demonym" and nxt_atom.entry.named is not named \
                and entry.role in {"adjective", "name"} and atom.is_place:
            return atom.end  # "Kosovo Albanians": the people, read at the demonym
        if entry.role == "demonym":
            community = self.origin._community(atom)
            if community is not None:
                return community
        if entry.role in {"capital", "city"} and self._shouted(atom):
            return atom.end  # "KINSHASA, April 19 (AFP)": a dateline names where the story was filed
        if self._shouted(atom) and atom.end + 1 < len(doc) and doc[atom.end].text == "," and \
                doc[atom.end + 1].ent_type_ == "DATE":
            return atom.end  # "UNITED NATIONS, April 4 (AFP)": a dateline too
        if entry.role in {"capital", "seat"} and atom.end < len(doc):
            nxt = doc[atom.end]
            if nxt.pos_ == "NOUN" and nxt.text[:1].islower() and atom.end not in self.atom_at:
                return atom.end  # "the Nairobi bombing", "a Tel Aviv suicide bombing": a place
        actor = named_actor(named, self.date, self.dictionary)
        how = "dictionary"
        if entry.role in {"capital", "seat"}:
            how = "metonym"
            if actor.kind == "country":
                actor = sector_actor(actor.country, "GOV", self.dictionary)
        self._emit(atom.start, atom.end, actor, how)
        return atom.end

    def _shouted(self, atom: _Atom) -> bool:
        """A capital written all in capitals: a wire dateline or headline, not an actor."""
        text = self.doc[atom.start:atom.end].text
        letters = [c for c in text if c.isalpha()]
        return len(letters) > 3 and all(c.isupper() for c in letters)

    def _headed(self, modifier: _Atom | None, start: int, heads: list[_Atom], end: int) -> int:
        """A noun group with its head nouns known; look for the name it introduces or qualifies."""
        doc = self.doc
        senses = [h.entry.sense for h in heads if h.entry.sense is not None]
        has_title = any(s.kind in {"title", "role"} for s in senses)
        if has_title:
            # "Prime Minister Han Duck-soo": a name right after the title
            title = next((s for s in senses if s.kind == "title"), None)
            if title is not None:  # "Minister of Police Avi Dichter": the portfolio is part of the title
                end = self._past_portfolio(end)
            nxt = self.atom_at.get(end)
            if nxt is not None and nxt.is_person and nxt.end - nxt.start == 1 and self._is_name_token(nxt.end):
                run = self._name_run(nxt.end)  # "Sergeant Sharon Edry": a first name, not Ariel Sharon
                return self._emit_group(modifier, start, run, heads, name=(end, run))
            if nxt is not None and nxt.is_person:
                return self._titled_known(start, nxt, title)
            run = self._name_run(end)
            if run > end and run - end <= 4:
                person = self._run_person(end, run)
                if person is None:
                    country = None
                    if modifier is not None and modifier.entry.named is not None:
                        country = named_actor(modifier.entry.named, self.date, self.dictionary).country
                    person = self.coref._spelt_like(end, run, title, country)
                if person is not None:
                    return self._titled_known(start, person, title)
                return self._emit_group(modifier, start, run, heads, name=(end, run))
            # "the new Japanese Foreign Minister, Yoko Kamikawa": an apposition after a comma
            if end < len(doc) and doc[end].text == ",":
                nxt = self.atom_at.get(end + 1)
                if nxt is not None and nxt.is_person and self._apposition_ends(nxt.end):
                    return self._titled_known(start, nxt, title)
                run = self._name_run(end + 1)
                if run > end + 1 and run - end - 1 <= 4 and self._apposition_ends(run) and \
                        any(doc[t].ent_type_ == "PERSON" for t in range(end + 1, run)):
                    return self._emit_group(modifier, start, run, heads, name=(end + 1, run))
        return self._emit_group(modifier, start, end, heads, name=None)

    def _past_portfolio(self, i: int) -> int:
        """The token after a portfolio ("of Police", "for Interior", "for Planning and Investment")
        that a title at token i is followed by, when a person's name comes right after it; else i."""
        doc = self.doc
        n = len(doc)
        if i >= n or doc[i].lower_ not in {"of", "for"}:
            return i
        k = i + 1
        while k < n and k < i + 5 and doc[k].ent_type_ != "PERSON" and \
                (doc[k].lower_ in {"and", "&"} or doc[k].text[:1].isupper()) and \
                (k not in self.atom_cover or self.atom_cover[k].is_noun):
            k += 1
        if k < n and doc[k].ent_type_ != "PERSON":  # "of Police Avi Dichter": a known portfolio, then a name
            k = i + 1
            while k < n and k in self.atom_cover and self.atom_cover[k].is_noun:
                k += 1
            if self._name_run(k) - k < 2:
                return i
        if k == i + 1 or k >= n or doc[k - 1].lower_ in {"and", "&"}:
            return i
        return k

    def _apposition_ends(self, i: int) -> bool:
        doc = self.doc
        return i >= len(doc) or doc[i].is_punct or doc[i].pos_ in {"VERB", "AUX"}

    def _titled_known(self, start: int, person: _Atom, title: Sense | None = None) -> int:
        """A title followed by a name the dictionary knows: the dictionary decides who it is.

        When the person holds no office at the date but the text gives him the title of one of his
        terms ("Russian President Boris Yeltsin" in a story dated 2000), the text wins: the date
        may be the archive's, not the story's (not after "former": that is an elite)."""
        named = person.entry.named
        assert named is not None
        actor = named_actor(named, self.date, self.dictionary)
        term, _ = named.term_at(self.date)
        if actor.sector == "ELI" and title is not None and not self._former_before(start):
            titled = [t for t in named.terms if t.roles & title.roles]
            if not titled:  # "Chinese envoy Tang Jiaxuan" a year before he became minister; converted rows
                titled = [t for t in named.terms if t.sector == title.sector]  # know no offices
            if titled:
                term = max(titled, key=lambda t: t.start or "")
                actor = Actor(f"{term.country or '---'}{term.sector or ''}", term.country, term.sector, named.name,
                              named.kind, named.id, term.office)
        self._emit(start, person.end, actor, "dictionary", roles=term.roles,
                   name_tokens=(person.start, person.end))
        return self._possessed(person, person.end)

    def _emit_group(self, modifier: _Atom | None, start: int, end: int, heads: list[_Atom],
                    name: tuple[int, int] | None) -> int:
        """Emit a noun group: a provisional person (with a name), a description, or a sector."""
        doc = self.doc
        senses = [h.entry.sense for h in heads if h.entry.sense is not None]
        head = _head_sense(senses)
        if head is None:
            return end
        country, org, owner = None, None, None
        if modifier is not None and modifier.entry.named is not None:
            base = named_actor(modifier.entry.named, self.date, self.dictionary)
            country = base.country
            if modifier.entry.named.kind == "organisation":
                org = base
            elif modifier.entry.named.kind == "person":
                owner = base
        else:
            of = self.origin._of_country(end)  # "the government of Lebanon", "Antonio Monteiro of Portugal"
            if of is not None:
                country = of.country
                org = of if of.kind == "organisation" and name is None else None
            elif name is None and head.kind == "group":
                country = self.origin._home_country(end, head, heads[-1])  # "rebels in Ivory Coast"
                if country is None:  # "a missionary from Calgary"
                    country = self.origin._origin_country(end, head)
                if country is None:  # "militants loyal to Iraq's al-Qaeda frontman", "refugees fleeing Liberia"
                    country = self.origin._allegiance_country(end, head)
        if modifier is not None and modifier.entry.role == "adjective" and modifier.start > 0 and \
                doc[modifier.start - 1].lower_ == "ethnic":
            country = self.origin._in_country(end, ("in", "of"))  # "ethnic Albanian guerrillas" are not Albania's
        former = self._former_before(start if modifier is None else modifier.start)
        sector: str | None = head.sector
        if owner is not None and head.kind == "role":
            sector = owner.sector  # "Mobutu's aide" works for what Mobutu heads
        if former and head.kind != "group":
            sector = "ELI"
        office_text = doc[heads[0].start:heads[-1].end].text if heads else None
        title = next((s for s in senses if s.kind == "title"), None)
        if name is not None:
            named_text = doc[name[0]:name[1]].text
            if org is not None and head.kind != "group":
                country, sector = org.country, org.sector
            office = f"former {office_text}" if former and office_text else office_text
            actor = Actor(f"{country or '---'}{sector or ''}", country, sector, named_text, "person",
                          f"person:{_slug(named_text)}", office, True)
            roles = title.roles if title else frozenset()
            self._emit(start, end, actor, "title", roles=roles, name_tokens=name)
            return end
        if title is not None and title.roles and not former and head is title:
            described = self.coref._describe(country, title, start)
            if described is not None:
                actor, how = described  # the holder found by his office has that office's roles
                self._emit(start, end, actor, how, roles=title.roles)
                return end
        if org is not None and (head.kind != "group" or org.sector is not None):
            self._emit(start, end, org, "dictionary")  # "UN spokesman" = the UN; "Hamas gunmen" = Hamas
            return end
        if country is None and not (head.alone and head.kind == "group"):
            if head.kind == "group":  # "people blocked streets in Hong Kong": the context may tell
                self._emit(start, end, sector_actor(None, sector, self.dictionary), "pending")
            elif head is title and not any(p.roles & title.roles for p in self.people if p.token < start):
                # "the interior minister resigned" (MOSCOW): only the dateline may tell; not "the
                # president" after a president of any country was named (he may be the one meant)
                self._emit(start, end, sector_actor(None, sector, self.dictionary), "pending-title")
            return end
        self._emit(start, end, sector_actor(country, sector, self.dictionary),
                   "metonym" if modifier is not None and modifier.entry.role in {"capital", "seat"} else "dictionary")
        return end

    def _person(self, atom: _Atom) -> int:
        """A dictionary name, alone or with a title in apposition after it ("Kim Yung-ho, US
        Unification Minister"): the dictionary's person at the date wins over the title."""
        named = atom.entry.named
        assert named is not None
        end = atom.end
        actor = named_actor(named, self.date, self.dictionary)
        governs = self._governed_by(atom, actor)
        if governs is not None:
            return governs
        apposition = self.coref._apposition(end)
        if apposition is not None:
            role = self.coref._current_role(apposition[0]) if actor.sector == "ELI" else None
            if role is not None:  # out of office at the date, but "head of the OSCE mission" now
                self._emit(atom.start, role[1], _acting_for(role[0], actor.name, actor.id), "title",
                           name_tokens=(atom.start, atom.end))
                return role[1]
            if actor.sector == "ELI" and self.coref._unknown_with_apposition(atom.start, end, titled_only=True):
                return self.mentions[-1].token_end  # no office in the tables then: his apposition says which
            heads, hend = self._heads(apposition[1])
            if heads and any(h.entry.sense and h.entry.sense.kind in {"title", "role"} for h in heads):
                end = hend
        term, _ = named.term_at(self.date)
        self._emit(atom.start, end, actor, "dictionary", roles=term.roles, name_tokens=(atom.start, atom.end))
        if end == atom.end:
            return self._possessed(atom, end)
        return end

    def _governed_by(self, person: _Atom, actor: Actor) -> int | None:
        """"The Clinton administration", "the Yeltsin government", "the Milosevic regime": a state noun
        after a leader's name is his country's government (GOV), in office or not at the date (the
        Bush administration of 1998 is a past one, still the United States government). Returns the
        token after it, or None."""
        nxt = self.atom_at.get(person.end)
        sense = nxt.entry.sense if nxt is not None and nxt.is_noun else None
        if nxt is None or sense is None or sense.kind != "group" or sense.sector != "GOV" or \
                actor.country is None or not self._noun_ok(nxt):
            return None
        self._emit(person.start, nxt.end, sector_actor(actor.country, "GOV", self.dictionary), "dictionary")
        return nxt.end

    def _possessed(self, person: _Atom, end: int) -> int:
        """"Gbagbo's government", "Mobutu's aide, Honore Ngbanda": actor nouns a known person owns
        take the person's country (and a role noun his sector). Returns the token after them."""
        doc = self.doc
        if end < len(doc) and doc[end].lower_ in _POSSESSIVE:
            heads, hend = self._heads(self._skip_gap(end + 1))
            if heads:
                return self._headed(person, end + 1, heads, hend)
        return end
