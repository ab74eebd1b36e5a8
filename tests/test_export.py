"""Exports read back with each format's usual reader (pandas, pyarrow, json) and checked value by value
against the store. The store is built from hand-made rows (no spaCy parse), merged by the real rebuild."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import sitrep.api as api
from sitrep.cli import app
from sitrep.corpus import rebuild
from sitrep.store import SCHEMA, Store
from sitrep.tables import cameo

pd = pytest.importorskip("pandas")

GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
"""GDELT 2.0 event table columns as GDELT's codebook publishes them (written out here, not imported)."""

GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]

ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]

# the dtypes docs/exports.md tells pandas users to pass
GDELT_DTYPES = {"GLOBALEVENTID": "int64", "SQLDATE": "int64", "MonthYear": "int64", "Year": "int64",
                "EventCode": "string", "EventBaseCode": "string", "EventRootCode": "string",
                "Actor1Code": "string", "Actor2Code": "string", "Actor1Name": "string", "Actor2Name": "string",
                "Actor1CountryCode": "string", "Actor2CountryCode": "string", "Actor1Type1Code": "string",
                "Actor2Type1Code": "string", "ActionGeo_CountryCode": "string", "ActionGeo_ADM1Code": "string",
                "ActionGeo_FeatureID": "string", "ActionGeo_FullName": "string", "SOURCEURL": "string",
                "DATEADDED": "int64"}
ICEWS_DTYPES = {"Event ID": "int64", "CAMEO Code": "string", "Story ID": "string", "Event Date": "string"}
OWN_DTYPES = {"code": "string", "root": "string", "date": "string", "event_id": "string"}

INGESTED = "2024-06-25T08:15:00+00:00"
TEXT_A = ("Biden condemned North Korea in Pyongyang on Monday. Japan visited the region this week. "
          'He said "no"\tand left.')
TEXT_B = "Russia did not attack Ukraine in May. Gunmen attacked civilians. The UN asked the US in Texas for aid."

MENTIONS = [
    # article, sentence index, source actor id, target actor id, code, date, precision, place, modality, trigger
    ("a1", 0, "person:joe-biden", "PRKGOV", "111", "2024-06-24", "day",
     ("Pyongyang", "PRK", 39.03, 125.75, "city"), "", "condemned"),
    ("a2", 0, "person:joe-biden", "PRKGOV", "111", "2024-06-24", "day",
     ("Pyongyang", "PRK", 39.03, 125.75, "city"), "", "condemned"),
    ("a1", 1, "JPN", None, "042", "2024-W25", "week", ("Japan", "JPN", 36.0, 138.0, "country"), "", "visited"),
    ("a1", 2, "person:joe-biden", "PRKGOV", "012", "2024-06-24", "publication", None, "attributed", "said"),
    ("b1", 0, "RUS", "UKR", "190", "2024-05", "month", None, "negated", "attack"),
    ("b1", 1, None, "UKRCVL", "190", "2024-06-20", "publication", None, "", "attacked"),
    ("b1", 2, "org:un", "USA", "020", "2024-06-20", "day", ("Texas", "USA", 31.0, -100.0, "region"), "", "asked"),
]

ACTORS = {  # actor id -> code, country, sector, name, kind, office
    "person:joe-biden": ("USAGOV", "USA", "GOV", "Joe Biden", "person", "President"),
    "PRKGOV": ("PRKGOV", "PRK", "GOV", "North Korea government", "sector", None),
    "JPN": ("JPN", "JPN", None, "Japan", "country", None),
    "RUS": ("RUS", "RUS", None, "Russia", "country", None),
    "UKR": ("UKR", "UKR", None, "Ukraine", "country", None),
    "UKRCVL": ("UKRCVL", "UKR", "CVL", "Ukraine civilians", "sector", None),
    "org:un": ("IGO", "IGO", None, "United Nations", "organisation", None),
    "USA": ("USA", "USA", None, "United States", "country", None),
}


def _insert(store: Store, table: str, rows: list[dict]) -> None:
    schema = pa.schema([(n, {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
                             "BOOLEAN": pa.bool_()}[k]) for n, k in SCHEMA[table].items()])
    store.con.register("_rows", pa.Table.from_pylist(rows, schema=schema))
    store.con.execute(f"INSERT INTO {table} SELECT * FROM _rows")
    store.con.unregister("_rows")


def _article_rows(article_id: str) -> dict[str, list[dict]]:
    """The base-table rows one article would be stored with (as `Store.write` writes them)."""
    text = TEXT_A if article_id in ("a1", "a2") else TEXT_B
    outlet = {"a1": "Wire A", "a2": "Daily B", "b1": "Wire A"}[article_id]
    url = {"a1": "https://example.org/a1", "a2": None, "b1": "https://example.org/b1"}[article_id]
    starts = [0] + [i + 2 for i, ch in enumerate(text) if ch == "." and i + 2 < len(text)]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    out: dict[str, list[dict]] = {"articles": [{
        "article_id": article_id, "content_hash": hashlib.sha1(text.encode()).hexdigest(), "published": "2024-06-24",
        "outlet": outlet, "url": url, "title": "Test", "language": "en", "path": None, "text": text,
        "warnings": "[]", "story_id": None, "agency": None, "ingested_at": INGESTED}],
        "sentences": [{"article_id": article_id, "sentence_index": i, "start": s, "end": e, "kind": "body",
                       "text": text[s:e]} for i, (s, e) in enumerate(zip(starts, ends, strict=True))],
        "mentions": [], "actor_mentions": []}
    for art, index, src, tgt, code, date, precision, place, modality, trigger in MENTIONS:
        if art != article_id:
            continue
        start, end = starts[index], ends[index]
        trigger_start = text.index(trigger, start)
        facts = cameo.lookup(code)
        row = {"mention_id": "m-" + hashlib.sha1(f"{art}:{index}:{code}".encode()).hexdigest()[:16],
               "event_id": None, "article_id": art, "outlet": outlet, "sentence_index": index,
               "sentence_start": start, "sentence_end": end, "evidence": text[start:end], "code": code,
               "root": facts.root, "name": facts.name, "goldstein": facts.goldstein, "quad_class": facts.quad_class,
               "plover_event": facts.plover_event, "plover_mode": facts.plover_mode,
               "plover_context": facts.plover_context, "trigger": trigger, "trigger_start": trigger_start,
               "trigger_end": trigger_start + len(trigger), "pattern": "test", "confidence": 0.8 if src else 0.48,
               "modality": modality, "counted": bool(src and tgt) and modality in ("", "attributed"),
               "date": date, "date_precision": precision, "date_text": None, "quote_index": None}
        for side, actor_id in (("source", src), ("target", tgt)):
            code_, country, sector, name, kind, office = ACTORS[actor_id] if actor_id else (None,) * 6
            row.update({f"{side}_code": code_, f"{side}_country": country, f"{side}_sector": sector,
                        f"{side}_actor_id": actor_id, f"{side}_text": name, f"{side}_start": start if actor_id else None,
                        f"{side}_end": start + 3 if actor_id else None})
            if actor_id:
                out["actor_mentions"].append({
                    "article_id": art, "sentence_index": index, "start": start, "end": start + 3, "text": name,
                    "actor_id": actor_id, "code": code_, "country": country, "sector": sector, "name": name,
                    "kind": kind, "office": office, "provisional": False, "how": "dictionary",
                    "published": "2024-06-24"})
        name_, country_, lat, lon, place_precision = place or (None,) * 5
        row.update(place_name=name_, place_country=country_, lat=lat, lon=lon, place_precision=place_precision)
        out["mentions"].append(row)
    return out


def _write_articles(store: Store, article_ids: list[str]) -> None:
    """Replace these articles' rows, as a re-ingest of changed articles does, then rebuild."""
    for article_id in article_ids:
        for table, rows in _article_rows(article_id).items():
            store.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            if rows:
                _insert(store, table, rows)
    rebuild(store)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    with Store(path) as store:
        _write_articles(store, ["a1", "a2", "b1"])
    return path


def _events(db: Path, **filters) -> list[dict]:
    return api.events(db=db, **filters).to_pylist()


def _number(event_id: str) -> int:
    return int(event_id.split("-")[-1][:15], 16)


def _actor_names(db: Path) -> dict[str, str]:
    return {r["actor_id"]: r["name"] for r in api.actors(db=db).to_pylist()}


def _empty(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def test_export_gdelt_has_gdelts_61_columns_in_order_and_the_stores_values(store_path, tmp_path):
    out = tmp_path / "events.export.CSV"
    report = api.export("gdelt", out=out, db=store_path)
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_EVENT_COLUMNS, dtype=GDELT_DTYPES)
    assert len(GDELT_EVENT_COLUMNS) == 61
    assert all(len(line.split("\t")) == 61 for line in out.read_text(encoding="utf-8").splitlines())
    events = {_number(e["event_id"]): e for e in _events(store_path)}
    assert report.rows == len(frame) == len(events) > 0
    names = _actor_names(store_path)
    for row in frame.to_dict("records"):
        event = events[row["GLOBALEVENTID"]]
        if event["date_precision"] == "day":
            assert row["SQLDATE"] == int(event["date"].replace("-", ""))
        assert str(row["SQLDATE"])[:6] == str(row["MonthYear"]) and str(row["Year"]) == event["date"][:4]
        assert row["Actor1Code"] == event["source_code"] and row["Actor2Code"] == event["target_code"]
        assert row["Actor1Name"] == names[event["source_actor_id"]].upper()
        assert row["Actor2Name"] == names[event["target_actor_id"]].upper()
        assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == (event["code"], event["code"][:3],
                                                                                  event["root"])
        assert (row["QuadClass"], row["GoldsteinScale"]) == (event["quad_class"], event["goldstein"])
        assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (
            event["num_mentions"], event["num_sources"], event["num_articles"])
        assert row["DATEADDED"] == 20240625081500
        assert row["SOURCEURL"] in ("https://example.org/a1", "https://example.org/b1", event["article_id"])
        if event["place_name"]:
            assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == (event["lat"], event["lon"])
        for column in ("Actor1KnownGroupCode", "Actor1EthnicCode", "Actor2Religion1Code", "Actor1Type2Code",
                       "IsRootEvent", "AvgTone", "Actor1Geo_Type", "Actor2Geo_Lat", "ActionGeo_ADM2Code"):
            assert _empty(row[column]), column


def test_export_gdelt_geography_uses_fips_codes_and_gdelt_geo_types(store_path, tmp_path):
    out = tmp_path / "events.tsv"
    api.export("gdelt", out=out, db=store_path, include_all=True)
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_EVENT_COLUMNS, dtype=GDELT_DTYPES)
    places = {r["ActionGeo_FullName"]: r for r in frame.to_dict("records") if not _empty(r["ActionGeo_FullName"])}
    assert places["Pyongyang, North Korea"]["ActionGeo_CountryCode"] == "KN"
    assert places["Pyongyang, North Korea"]["ActionGeo_Type"] == 4  # WORLDCITY
    assert _empty(places["Pyongyang, North Korea"]["ActionGeo_ADM1Code"])
    assert (places["Japan"]["ActionGeo_Type"], places["Japan"]["ActionGeo_CountryCode"],
            places["Japan"]["ActionGeo_FeatureID"]) == (1, "JA", "JA")  # COUNTRY
    assert places["Texas, United States"]["ActionGeo_Type"] == 2  # USSTATE
    un = frame[frame["Actor1Code"] == "IGO"].iloc[0]
    assert _empty(un["Actor1CountryCode"]) and un["Actor2CountryCode"] == "USA"


def test_export_gdelt_mentions_lists_every_mention_of_every_exported_event(store_path, tmp_path):
    events_out, mentions_out = tmp_path / "e.tsv", tmp_path / "m.tsv"
    api.export("gdelt", out=events_out, db=store_path)
    api.export("gdelt-mentions", out=mentions_out, db=store_path)
    events = pd.read_csv(events_out, sep="\t", header=None, names=GDELT_EVENT_COLUMNS, dtype=GDELT_DTYPES)
    mentions = pd.read_csv(mentions_out, sep="\t", header=None, names=GDELT_MENTION_COLUMNS,
                           dtype={"GLOBALEVENTID": "int64", "MentionIdentifier": "string"})
    per_event = mentions.groupby("GLOBALEVENTID").size().to_dict()
    assert per_event == dict(zip(events["GLOBALEVENTID"], events["NumMentions"], strict=True))
    with Store(store_path, read_only=True) as store:
        stored = {(r["article_id"], r["trigger_start"]): r for r in store.query("SELECT * FROM mentions").to_pylist()}
    for row in mentions.to_dict("records"):
        article = "a1" if row["MentionIdentifier"] == "https://example.org/a1" else (
            "b1" if row["MentionIdentifier"] == "https://example.org/b1" else row["MentionIdentifier"])
        mention = stored[(article, row["ActionCharOffset"])]
        assert _number(mention["event_id"]) == row["GLOBALEVENTID"]
        assert row["SentenceID"] == mention["sentence_index"] + 1
        assert row["Actor1CharOffset"] == (mention["source_start"] if mention["source_start"] is not None else -1)
        assert row["Actor2CharOffset"] == (mention["target_start"] if mention["target_start"] is not None else -1)
        assert row["Confidence"] == round(100 * mention["confidence"])
        assert row["MentionSourceName"] == mention["outlet"]
        if article == "a2":  # no URL: not a WEB mention, and sitrep knows no other type
            assert _empty(row["MentionType"])
        else:
            assert row["MentionType"] == 1
        assert row["EventTimeDate"] == row["MentionTimeDate"] == 20240625081500
        assert row["MentionDocLen"] == len(TEXT_A if article in ("a1", "a2") else TEXT_B)


def test_export_icews_reads_with_its_header_and_the_stores_values(store_path, tmp_path):
    out = tmp_path / "events.tab"
    api.export("icews", out=out, db=store_path, include_all=True)
    frame = pd.read_csv(out, sep="\t", dtype=ICEWS_DTYPES)
    assert list(frame.columns) == ICEWS_COLUMNS
    events = {_number(e["event_id"]): e for e in _events(store_path, include_all=True)}
    assert frame["Event ID"].is_unique and set(frame["Event ID"]) == set(events)
    names = _actor_names(store_path)
    for row in frame.to_dict("records"):
        event = events[row["Event ID"]]
        assert row["CAMEO Code"] == event["code"] and row["Event Text"] == event["name"]
        assert row["Intensity"] == event["goldstein"]
        assert row["Story ID"] == event["article_id"] and row["Sentence Number"] == event["sentence_index"] + 1
        assert _empty(row["Source Name"]) if event["source_actor_id"] is None else (
            row["Source Name"] == names[event["source_actor_id"]])
    biden = frame[(frame["Source Name"] == "Joe Biden") & (frame["CAMEO Code"] == "111")].iloc[0]
    assert (biden["Source Sectors"], biden["Source Country"], biden["Target Country"]) == (
        "Government", "United States", "North Korea")
    assert biden["City"] == "Pyongyang" and biden["Country"] == "North Korea"
    texas = frame[frame["Province"] == "Texas"].iloc[0]
    assert _empty(texas["City"]) and texas["Country"] == "United States"
    week = frame[frame["CAMEO Code"] == "042"].iloc[0]
    assert week["Event Date"] == "2024-06-17"  # 2024-W25 starts on Monday 17 June


def test_export_icews_ids_are_unique_and_stable_across_reingests(store_path, tmp_path):
    first, again = tmp_path / "first.tab", tmp_path / "again.tab"
    api.export("icews", out=first, db=store_path, include_all=True)
    copy = tmp_path / "copy.duckdb"
    with Store(copy) as store:
        _write_articles(store, ["b1", "a2", "a1"])  # another order, another database
        _write_articles(store, ["a1"])  # and one article re-ingested
        api.export("icews", out=again, db=store, include_all=True)
    ids = pd.read_csv(first, sep="\t", dtype=ICEWS_DTYPES)["Event ID"]
    assert ids.is_unique
    assert sorted(ids) == sorted(pd.read_csv(again, sep="\t", dtype=ICEWS_DTYPES)["Event ID"])


def test_export_tsv_text_never_breaks_a_row(store_path, tmp_path):
    out = tmp_path / "events.tsv"
    api.export("icews", out=out, db=store_path, include_all=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == len(ICEWS_COLUMNS) - 1 for line in lines)
    assert '"' not in out.read_text(encoding="utf-8")


def test_export_polecat_writes_plover_json_records(store_path, tmp_path):
    out = tmp_path / "events.jsonl"
    api.export("polecat", out=out, db=store_path, include_all=True)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    events = {e["event_id"]: e for e in _events(store_path, include_all=True)}
    assert {r["id"] for r in records} == {i for i, e in events.items() if e["plover_event"]}
    assert "012" not in {r["cameo"]["code"] for r in records}  # no PLOVER type, no PLOVER record
    for record in records:
        event = events[record["id"]]
        assert record["event"] == [event["plover_event"]]
        assert record["mode"] == ([event["plover_mode"]] if event["plover_mode"] else [])
        assert record["text"] == event["evidence"] and record["quad_code"] == event["quad_class"]
        assert record["modality"] == [f for f in (event["modality"] or "").split(",") if f]
        sides = [("actor", "source"), ("recipient", "target")]
        for key, side in sides:
            if event[f"{side}_code"] is None:
                assert record[key] == []
            else:
                entity = record[key][0]
                assert (entity["code"], entity["sector"], entity["entity_text"], entity["identifier_id"]) == (
                    event[f"{side}_country"], event[f"{side}_sector"], event[f"{side}_text"], event[f"{side}_actor_id"])
        if event["place_name"]:
            loc = record["event_loc"]
            assert (loc["resolved_place"], loc["lat"], loc["lon"], loc["country_code"]) == (
                event["place_name"], event["lat"], event["lon"], event["place_country"])
        assert record["text"][record["text_info"]["trigger_start"] - record["text_info"]["start"]:].startswith(
            event["trigger"])


def test_export_parquet_folder_is_partitioned_by_event_month(store_path, tmp_path):
    out = tmp_path / "events"
    report = api.export("parquet", out=out, db=store_path, include_all=True)
    assert sorted(p.name for p in out.iterdir()) == ["month=2024-05", "month=2024-06"]
    assert report.files == 2
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    stored = api.events(db=store_path, include_all=True)
    assert table.num_rows == stored.num_rows == report.rows
    by_id = {r["event_id"]: r for r in table.to_pylist()}
    for event in stored.to_pylist():
        row = by_id[event["event_id"]]
        assert row["month"] == ("2024-06" if event["date"] != "2024-05" else "2024-05")
        assert {k: row[k] for k in event} == event
        assert row["outlet"] in ("Wire A", "Daily B")
    frame = pd.read_parquet(out)
    assert len(frame) == stored.num_rows


def test_export_parquet_file_keeps_the_full_schema(store_path, tmp_path):
    out = tmp_path / "events.parquet"
    api.export("parquet", out=out, db=store_path)
    table = pq.read_table(out)
    stored = api.events(db=store_path)
    by_id = {r["event_id"]: r for r in table.select(stored.column_names).to_pylist()}
    assert len(by_id) == table.num_rows and by_id == {e["event_id"]: e for e in stored.to_pylist()}
    assert {"evidence", "modality", "trigger_start", "source_start", "published", "url"} <= set(table.column_names)


def test_export_csv_and_jsonl_round_trip_the_stores_rows(store_path, tmp_path):
    stored = _events(store_path, include_all=True)
    api.export("csv", out=tmp_path / "e.csv", db=store_path, include_all=True)
    api.export("jsonl", out=tmp_path / "e.jsonl", db=store_path, include_all=True)
    from_csv = {r["event_id"]: r for r in pd.read_csv(tmp_path / "e.csv", dtype=OWN_DTYPES).to_dict("records")}
    from_json = {r["event_id"]: r for r in map(json.loads, (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines())}
    assert len(from_csv) == len(from_json) == len(stored) and set(from_csv) == set(from_json) == {
        e["event_id"] for e in stored}
    for event in stored:
        csv_row, json_row = from_csv[event["event_id"]], from_json[event["event_id"]]
        assert {k: json_row[k] for k in event} == event
        for key, value in event.items():
            if value is None or value == "":
                assert _empty(csv_row[key]), key
            else:
                assert csv_row[key] == value, key


def test_export_filters_mean_what_they_mean_for_events(store_path, tmp_path):
    out = tmp_path / "e.jsonl"
    report = api.export("jsonl", out=out, db=store_path, dyad=("USA", "PRK"), limit=1)
    ids = [json.loads(line)["event_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert report.rows == 1 and ids == [e["event_id"] for e in _events(store_path, dyad=("USA", "PRK"), limit=1)]
    report = api.export("gdelt", out=tmp_path / "none.tsv", db=store_path, root="20")
    assert report.rows == 0 and (tmp_path / "none.tsv").read_text() == ""


def test_export_iter_events_streams_the_rows_events_lists(store_path):
    batches = list(api.iter_events(db=store_path, include_all=True, batch_size=2))
    assert len(batches) > 1 and all(b.num_rows <= 2 for b in batches)
    streamed = pa.Table.from_batches(batches).to_pylist()
    assert sorted(streamed, key=lambda e: e["event_id"]) == sorted(_events(store_path, include_all=True),
                                                                    key=lambda e: e["event_id"])


def test_export_unknown_format_says_which_exist(store_path, tmp_path):
    from sitrep.errors import SitrepError

    with pytest.raises(SitrepError, match="gdelt-mentions"):
        api.export("tsv", out=tmp_path / "x", db=store_path)


def test_export_cli_is_the_api_twin(store_path, tmp_path):
    out = tmp_path / "cli.tab"
    result = CliRunner().invoke(app, ["export", "--db", str(store_path), "--format", "icews", "--out", str(out),
                                      "--all", "--dyad", "USA,PRK"])
    assert result.exit_code == 0, result.output
    api.export("icews", out=tmp_path / "api.tab", db=store_path, include_all=True, dyad=("USA", "PRK"))
    assert out.read_text(encoding="utf-8") == (tmp_path / "api.tab").read_text(encoding="utf-8")


def test_export_icews_ids_of_the_examples_are_unique_and_survive_a_fresh_ingest(example_db, examples, tmp_path):
    fresh = tmp_path / "fresh.duckdb"
    api.ingest([examples], db=fresh)
    api.ingest([examples], db=fresh)  # a re-ingest of unchanged articles
    ids = [pd.read_csv(tmp_path / f"{name}.tab", sep="\t", dtype=ICEWS_DTYPES)["Event ID"]
           for name, db in (("first", example_db), ("fresh", fresh))
           if api.export("icews", out=tmp_path / f"{name}.tab", db=db, include_all=True).rows]
    assert len(ids) == 2 and ids[0].is_unique and sorted(ids[0]) == sorted(ids[1])
