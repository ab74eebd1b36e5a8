"""Situate coded events: their CAMEO/PLOVER facts, the day they happened and the place.

Stage after `code`: an event's date comes from its own clause, then its sentence, then the nearest
dated sentence before it (news discourse dates a story once, in the lede or the paragraph above),
then the publication date, flagged as such. A photo caption may sharpen a date: a week- or
month-dated event whose actors appear together in a caption dated to a day inside that week or month
takes the caption's day ("signed last week" + caption "..., Wednesday, June 19, 2024").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..coder import Event, event_place
from ..records import Place
from ..tables import cameo
from . import dates

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["situate", "context_dates", "CONTEXT_SENTENCES"]

VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
"""Roots of acts done in words: the place of what they speak of is not theirs (04 meetings are met in)."""

CONTEXT_SENTENCES = 3
"""How many sentences back an undated event looks for a day-precision date."""


def situate(events: Sequence[Event], doc: Doc, *, published: str | None, places: Sequence[Place], captions: Sequence = (),
             mentions: Sequence | None = None) -> list[Event]:
    """Add code-table facts, date and place to each event of `doc`.

    `places` are the article's locative places (`DocActors.places`, from the actor stage); an event
    takes the one its own clause names (`coder.event_place`).
    `captions` are (parsed caption Doc, actor mentions in it) pairs; their dates can sharpen a
    week- or month-dated event whose two actors the caption shows together. `mentions` are the
    article's actor mentions: given, a sentence before an undated event dates it only if one of the
    event's parties is a subject there (None: every sentence before may).
    """
    sentences = [s for s in doc.sents]
    actors_of = _subjects_by_sentence(doc, sentences, events, mentions) if mentions is not None else None
    found: dict[int, list[dates.When]] = {}

    def sentence_dates(index: int) -> list[dates.When]:
        if index not in found:
            found[index] = [w for w in dates.find_dates(sentences[index], published=published)
                            if w.value and w.precision == "day"]
        return found[index]

    caption_days = _caption_days(captions, published)
    out = []
    for event in events:
        trigger = doc[event.trigger_token]
        fields: dict = _code_facts(event.code)
        context: list[dates.When] = []
        if not {"future", "hypothetical"} & set(event.modality):
            own = {c for c in (event.source_country, event.target_country) if c}
            # "On Monday evening, the Knesset voted ...": a sentence about others dates their act,
            # not "Haneya also called on ..."; "Camdessus arrived here Monday" dates his talks
            context = context_dates(event.sentence_index, sentence_dates, may_date=None if actors_of is None
                                    else lambda earlier: bool(actors_of.get(earlier, set()) & own))
        when = dates.event_date(trigger, published=published, context=context)
        when = _sharpen(when, event, caption_days)
        if dates.is_later(when, published=published) and not {"future", "hypothetical"} & set(event.modality):
            when = dates.When(str(published)[:10], "publication", None)  # an act done has no later day
        past = dates.is_historical(when, published=published) or (
            dates.is_past_period(when, published=published) and "future" not in event.modality)
        if past and "future" in event.modality and published:
            # an act announced for the future is no background: "is to continue providing support
            # despite ... performance in 1996" took another thing's year
            when, past = dates.When(str(published)[:10], "publication", None), False
        fields.update(date=when.value, date_precision=when.precision, date_text=when.text)
        if past and "historical" not in event.modality:
            fields["modality"] = event.modality + ("historical",)
        place = event_place(trigger, places, in_object=event.root not in VERBAL_ROOTS)
        if place is not None:
            fields.update(place_name=place.name, place_country=place.country, lat=place.lat, lon=place.lon,
                          place_precision=place.precision)
        out.append(replace(event, **fields))
    return out


def context_dates(index: int, sentence_dates: Callable[[int], list[dates.When]], *,
                  may_date: Callable[[int], bool] | None = None) -> list[dates.When]:
    """The day-dated expressions of the `CONTEXT_SENTENCES` sentences before sentence `index`, the
    nearest sentence first and each sentence's last expression first: what `event_date` falls back
    on for an event its own sentence leaves undated. `may_date(earlier)` can refuse a sentence
    (one about other actors)."""
    context: list[dates.When] = []
    for back in range(1, CONTEXT_SENTENCES + 1):
        earlier = index - back
        if earlier >= 0 and (may_date is None or may_date(earlier)):
            context.extend(reversed(sentence_dates(earlier)))
    return context


def _subjects_by_sentence(doc: Doc, sentences, events: Sequence[Event], mentions: Sequence) -> dict[int, set[str]]:
    """Sentence index -> the countries of the actors that act in it: subjects and events' sources."""
    index_of = {}
    for index, sent in enumerate(sentences):
        for i in range(sent.start, sent.end):
            index_of[i] = index
    out: dict[int, set[str]] = {}
    for mention in mentions:
        country = mention.actor.country
        if country and any(doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(mention.token_start, mention.token_end)):
            out.setdefault(index_of.get(mention.token_start, -1), set()).add(country)
    for event in events:
        if event.source_country:
            out.setdefault(event.sentence_index, set()).add(event.source_country)
    return out


def _code_facts(code: str) -> dict:
    try:
        entry = cameo.lookup(code)
    except cameo.UnknownCodeError:
        return {}
    return {"name": entry.name, "goldstein": entry.goldstein, "quad_class": entry.quad_class,
            "plover_event": entry.plover_event, "plover_mode": entry.plover_mode,
            "plover_context": entry.plover_context}


def _caption_days(captions: Sequence, published: str | None) -> list[tuple[dates.When, set[str]]]:
    """Each caption's day-precision dates with the countries of the actors it shows."""
    out = []
    for doc, mentions in captions:
        countries = {m.actor.country for m in mentions if m.actor.country}
        for when in dates.find_dates(doc, published=published):
            if when.value and when.precision == "day" and len(countries) >= 2:
                out.append((when, countries))
    return out


def _sharpen(when: dates.When, event: Event, caption_days) -> dates.When:
    if when.precision not in ("week", "month") or not when.value:
        return when
    first, last = dates.interval(when.value)
    for day, countries in caption_days:
        if {event.source_country, event.target_country} <= countries and first.isoformat() <= day.value <= last.isoformat():
            return dates.When(day.value, "day", f"{when.text} (caption: {day.text})", when.start, when.end)
    return when
