"""Where a people or a group comes from: the phrases after an actor noun that give it a country.

"the government of Lebanon", "officials from Uganda", "rebels in Ivory Coast", "Albanians of southern
Serbia", "ethnic Albanians in Macedonia", "a missionary from Calgary", "Druze inhabitants of the
Syrian Golan Heights". `OriginStage` is a mixin of `actor_mentions.MentionFinder` (split from it to
keep each module readable), like `actor_coref.CorefStage`: it reads the finder's atoms and emits
through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.actors import Sense
from ..tables.words import actor_words
from .resolve import Actor, _Atom, named_actor, sector_actor

if TYPE_CHECKING:
    from .mentions import MentionFinder

__all__ = ["OriginStage"]

_POSSESSIVE = frozenset({"'s", "\u2019s"})
_COMPASS = actor_words("compass")
_HOME_SECTORS = actor_words("home-sectors")
_HOME_CIVILIANS = actor_words("home-civilians")
_ORIGIN_SECTORS = actor_words("origin-sectors")
_AFFILIATED = actor_words("affiliated")
_ARMED_SECTORS = actor_words("armed-sectors")


class OriginStage:
    """Origin rules of a `MentionFinder` pass: which country a people, a group or a sector noun is of;
    it reads the finder's per-article state."""

    def __init__(self, finder: MentionFinder) -> None:
        self.finder = finder

    def _community(self, atom: _Atom) -> int | None:
        """A people living in another country: "Bosnian Serbs", "Kosovo Albanians" are civilians of
        the first country; "ethnic Albanians" of the country they are in ("ethnic Albanians in
        Macedonia"), else of no country -- never of the country their name comes from."""
        doc = self.finder.doc
        own = atom.entry.named
        before = next((a for a in self.finder.atom_at.values() if a.end == atom.start), None)
        if before is not None and before.entry.role in {"adjective", "name"} and before.is_place and \
                before.entry.named is not own and before.start not in self.finder.taken:
            country = named_actor(before.entry.named, self.finder.date, self.finder.dictionary).country  # type: ignore[arg-type]
            self.finder._emit(before.start, atom.end, sector_actor(country, "CVL", self.finder.dictionary), "dictionary")
            return atom.end
        after = self._in_country(atom.end, ("of",))
        if after is not None and after != named_actor(own, self.finder.date, self.finder.dictionary).country:  # type: ignore
            # "Albanians of southern Serbia"; not "in" ("Americans in Iraq" are still Americans)
            j = atom.end + 1
            while doc[j].lower_ in _COMPASS:
                j += 1
            self.finder._emit(atom.start, self.finder.atom_at[j].end, sector_actor(after, "CVL", self.finder.dictionary), "dictionary")
            return self.finder.atom_at[j].end
        if atom.start > 0 and doc[atom.start - 1].lower_ == "ethnic":
            country = self._in_country(atom.end, ("in", "of"))
            self.finder._emit(atom.start - 1, atom.end, sector_actor(country, "CVL", self.finder.dictionary), "dictionary")
            return atom.end
        return None

    def _of_country(self, i: int) -> Actor | None:
        """The country or body named right after "of"/"from" at token i ("the government of
        Lebanon", "officials from Uganda", "Ismail Haneya of Hamas"), when it names one as a whole:
        a country's name or an organisation, not a capital or city (a place of residence) and not
        the first word of a longer noun group ("of Lebanese origin")."""
        doc = self.finder.doc
        if i >= len(doc) or doc[i].lower_ not in {"of", "from"}:
            return None
        j = i + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        atom = self.finder.atom_at.get(j)
        if atom is None or atom.entry.named is None or atom.entry.role != "name" or \
                atom.entry.named.kind not in {"country", "organisation"}:
            return None
        nxt = doc[atom.end] if atom.end < len(doc) else None
        if nxt is not None and (nxt.pos_ in {"NOUN", "PROPN"} or nxt.lower_ in _POSSESSIVE):
            return None
        k = atom.end
        while k < len(doc) and doc[k].lower_ in {",", "and", "or", "the"}:
            k += 1
        listed = self.finder.atom_at.get(k)
        if k > atom.end and listed is not None and listed.is_place:
            return None  # "diplomats from North Korea, South Korea and the US": the list is the actor
        actor = named_actor(atom.entry.named, self.finder.date, self.finder.dictionary)
        return actor if actor.country else None

    def _home_country(self, i: int, head: Sense, noun: _Atom) -> str | None:
        """The country named right after "in"/"throughout" at token i, for a group that belongs
        where it is: state organs, rebels, opposition, students, villagers ("rebels in Ivory Coast",
        "opposition parties in Nepal", "students throughout Indonesia"). Not troops, refugees,
        workers, tourists or the press, often foreign where they are; not a capital or city (a
        place of residence); not a longer place ("in Ivory Coast's north" still counts)."""
        doc = self.finder.doc
        if head.sector not in _HOME_SECTORS and doc[noun.end - 1].lemma_.lower() not in _HOME_CIVILIANS:
            return None
        return self._in_country(i)

    def _in_country(self, i: int, words: tuple[str, ...] = ("in", "throughout", "across", "inside")) -> str | None:
        """The country of "in [the] <country name>" at token i, when the name ends the phrase."""
        doc = self.finder.doc
        if i >= len(doc) or doc[i].lower_ not in words:
            return None
        j = i + 1
        while j < len(doc) and doc[j].lower_ in _COMPASS:
            j += 1
        atom = self.finder.atom_at.get(j)
        if atom is None or atom.entry.named is None or atom.entry.role != "name" or \
                atom.entry.named.kind != "country":
            return None
        nxt = doc[atom.end] if atom.end < len(doc) else None
        if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}:
            return None
        return named_actor(atom.entry.named, self.finder.date, self.finder.dictionary).country

    def _origin_country(self, i: int, head: Sense) -> str | None:
        """Where people with no country of their own come from or work, told by the phrase at token i:
        "a missionary from Calgary", "doctors from two American aid groups", "Druze inhabitants of
        the Syrian Golan Heights", "an editor at the official Armenian news agency", "workers
        affiliated with the Serbian Workers' Union". Only for people (civilians, doctors, clergy,
        teachers, the press, workers ...), not for state organs or forces, whose "of"/"from" phrases
        `_of_country` reads more strictly; a city counts here (people come from cities).
        """
        doc = self.finder.doc
        n = len(doc)
        if head.sector not in _ORIGIN_SECTORS or i >= n:
            return None
        word = doc[i].lower_
        if word in _AFFILIATED and i + 1 < n and doc[i + 1].lower_ in {"with", "to"}:
            i, word = i + 1, "of"
        if word not in {"from", "of", "at"}:
            return None
        j, skipped = i + 1, 0
        while j < n and skipped < 3 and (doc[j].pos_ in {"DET", "NUM", "ADJ", "ADV"} or doc[j].lower_ in _COMPASS):
            atom = self.finder.atom_at.get(j)  # "the official Armenian news agency": "official" is a gap here
            if atom is not None and atom.is_place:
                break
            j, skipped = (atom.end if atom is not None else j + 1), skipped + 1
        atom = self.finder.atom_at.get(j)
        if atom is None or atom.entry.named is None or atom.entry.named.kind != "country" or \
                atom.entry.role == "demonym":
            return None
        return named_actor(atom.entry.named, self.finder.date, self.finder.dictionary).country

    def _allegiance_country(self, i: int, head: Sense) -> str | None:
        """Armed men loyal to someone are of his country ("militants loyal to Iraq's al-Qaeda
        frontman", "troops loyal to President Gbagbo"); refugees are of the country they flee
        ("refugees fleeing the civil war in Liberia"). The country is the first person, country or
        body named within a few words of the phrase, when it has one."""
        doc = self.finder.doc
        n = len(doc)
        if i >= n:
            return None
        word = doc[i].lower_
        if head.sector in _ARMED_SECTORS and word == "loyal" and i + 1 < n and doc[i + 1].lower_ == "to":
            j = i + 2
        elif head.sector == "REF" and word in {"fleeing", "escaping"}:
            j = i + 1
        else:
            return None
        for k in range(j, min(n, j + 7)):
            if doc[k].is_punct or doc[k].pos_ == "VERB":
                return None
            atom = self.finder.atom_at.get(k)
            if atom is not None and atom.entry.named is not None and atom.entry.role != "demonym":
                return named_actor(atom.entry.named, self.finder.date, self.finder.dictionary).country
        return None
