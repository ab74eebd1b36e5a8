"""The converted Phoenix tables: the conversion script on an inline sample, and dated people of
1990-2010 news resolved by name and date to what they then were."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from sitrep.actors import resolve

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = """\
# a comment line
# Generated at: Thu Jan 30 16:06:18 2014
RUSSIA_  [RUS]
+MOSCOW_
KURSK_REGIONAL_POLICE_DIRECTORATE_
+KRPD
	[RUSCOP]
FEDERAL_SECURITY_SERVICE_
	[RUSSPY]
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_PUTIN_
	[RUSELI 700101-990809]
	[RUSGOV 990809-000507]
	[RUSELI]
JOHN_SMITH_  # CountryInfo.txt
	[GBRGOV 900101-950101]
PETER_SMITH_
	[USAGOV 900101-950101]
ALAN_SMITH_
	[AUSGOV 900101-950101]
JOHN_BROWNE_
	[IRLGOV 900101-950101]
JOHN_GREENE_
	[NZLGOV 900101-950101]
GEORGE_FOOTBALLSTAR_
	[BRAELI]
NEWS_AGENCY_OF_NOWHERE_ [FRAMED]
ZURAB_ZHVANIA_
	[GEOGOV 031127-050203]
	[GEOELI]
MSWATI_III_
	[SWZELI 470101-610226]
	[SWZGOV 610226-990723]
SAMUELA_SAUMATUA_
	[FJIGOVDEV >100401]
SAK'ART'VELO_
	[GEOGOV 900101-950101]
"""


def _script():
    spec = importlib.util.spec_from_file_location("convert_phoenix_actors", ROOT / "scripts" / "convert_phoenix_actors.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_convert_phoenix_actors_sample_gives_dated_people_and_bodies(tmp_path: Path) -> None:
    script = _script()
    tables = ROOT / "sitrep" / "data" / "actors"
    for name in ("countries.tsv", "sectors.tsv", "people.tsv", "organisations.tsv"):
        (tmp_path / name).write_text((tables / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "Sample.actors.txt").write_text(SAMPLE, encoding="utf-8")
    assert script.main([str(tmp_path / "in"), "--out", str(tmp_path), "--files", "Sample.actors.txt"]) == 0
    people = (tmp_path / "people_phoenix.tsv").read_text(encoding="utf-8")
    orgs = (tmp_path / "organisations_phoenix.tsv").read_text(encoding="utf-8")
    assert "MIT License, Copyright (c) 2014 Open Event" in people and "Sample.actors.txt" in orgs
    rows = [line.split("\t") for line in people.splitlines() if not line.startswith("#")]
    zhvania = [r for r in rows if r[1] == "Zurab Zhvania"]
    # upstream ends are inclusive (he died in office on 2005-02-03), sitrep's exclusive
    assert [(r[3], r[4], r[7], r[8]) for r in zhvania] == [("GEO", "ELI", "", "2003-11-27"),
                                                         ("GEO", "GOV", "2003-11-27", "2005-02-04")]
    # a hand-over day belongs to the next term; a regnal number is no common surname
    king = [(r[1], r[4], r[7], r[8]) for r in rows if r[0] == "px-mswati-iii"]
    assert king == [("Mswati III", "ELI", "1947-01-01", "1961-02-26"),  # invented dates
                    ("Mswati III", "GOV", "1961-02-26", "1999-07-24")]
    # a term open upstream is known only until the file was made (2014-01-30)
    assert [(r[4], r[7], r[8]) for r in rows if r[1] == "Samuela Saumatua"] == [("GOV", "2010-04-01", "2014-01-31")]
    # hand-written people keep priority; a common surname, an elite-only person, a country's own
    # names and a news agency are not converted
    names = {r[1] for r in rows}
    assert "Vladimir Putin" not in names and "John Smith" not in names
    assert "Peter Smith" in names  # a common surname, but the only Peter
    assert "George Footballstar" not in names and "Moscow" not in people + orgs
    assert "Nowhere" not in orgs
    assert "Sak'art'velo" not in names  # one word of text (a country's own name), though _key splits it
    org_rows = [line.split("\t") for line in orgs.splitlines() if not line.startswith("#")]
    # a body's one-word acronym is dropped; one the hand-written table has stays there
    assert [(r[1], r[2], r[3], r[4]) for r in org_rows] == [("Kursk Regional Police Directorate", "", "RUS", "COP")]


def test_convert_phoenix_actors_dates_read_two_and_four_digit_years() -> None:
    script = _script()
    assert script.parse_code("RUSGOV 991231-080507") == ("RUSGOV", "1999-12-31", "2008-05-07")
    assert script.parse_code("USAGOV >090120") == ("USAGOV", "2009-01-20", None)
    assert script.parse_code("AFGELI 19270101-730717") == ("AFGELI", "1927-01-01", "1973-07-17")
    assert script.parse_code("KORGOVBUS 2004017-20061201") is None  # malformed upstream: skipped
    assert script.split_phoenix("RUSGOVBUS", frozenset({"RUS"})) == ("RUS", "GOV")
    assert script.split_phoenix("KKLREB", frozenset({"RUS"})) is None


NEWS_PEOPLE = [  # name, date of a story, the code sitrep should give (facts from the converted table)
    ("Ramiz Alia", "1991-06-01", "ALBGOV"), ("Sam Nujoma", "1995-03-01", "NAMGOV"),
    ("Lee Hae Chan", "2005-01-10", "KORGOV"), ("Ibrahim Hassane Mayaki", "1998-05-01", "NERGOV"),
    ("Surya Bahadur Thapa", "1998-01-15", "NPLGOV"), ("Ali Kafi", "1993-02-01", "DZAGOV"),
    ("Newt Gingrich", "1996-03-01", "USAGOV"), ("Zurab Zhvania", "2004-06-01", "GEOGOV"),
    ("Zurab Noghaideli", "2006-04-01", "GEOGOV"), ("Alberto Fujimori", "1995-04-01", "PERGOV"),
    ("Goh Chok Tong", "1995-08-01", "SGPGOV"), ("Chuan Leekpai", "1998-06-01", "THAGOV"),
    ("Robert Kocharyan", "2000-05-01", "ARMGOV"), ("Franjo Tudjman", "1995-08-04", "HRVGOV"),
    ("Emil Constantinescu", "1998-01-01", "ROUGOV"), ("Lech Walesa", "1993-05-01", "POLGOV"),
    ("Vaclav Havel", "1995-01-01", "CZEGOV"), ("Arpad Goncz", "1994-05-01", "HUNGOV"),
    ("Frederick Chiluba", "1996-11-01", "ZMBGOV"), ("Yitzhak Rabin", "1994-10-26", "ISRGOV"),
    ("Tansu Ciller", "1995-01-01", "TURGOV"), ("Brian Mulroney", "1990-08-01", "CANGOV"),
    ("Paul Keating", "1994-06-01", "AUSGOV"), ("Jim Bolger", "1995-06-01", "NZLGOV"),
    ("Kakha Bendukidze", "2004-09-01", "GEOGOV"), ("Davud Danesh Jafari", "2006-01-01", "IRNGOV"),
    ("Masatoshi Wakabayashi", "2007-03-01", "JPNGOV"), ("Christine Albanel", "2008-01-01", "FRAGOV"),
    ("Sari Sarkomaa", "2008-01-01", "FINGOV"), ("Sophia Simba", "2007-01-01", "TZAGOV"),
]


@pytest.mark.parametrize(("name", "date", "code"), NEWS_PEOPLE)
def test_actors_phoenix_person_resolves_to_the_office_held_at_the_date(name: str, date: str, code: str) -> None:
    actor = resolve(name, date=date)
    assert actor is not None and actor.code == code and actor.kind == "person"


def test_actors_phoenix_person_out_of_office_is_an_elite_of_his_country() -> None:
    assert resolve("Lech Walesa", date="1998-01-01").code == "POLELI"  # after his term
    assert resolve("Goh Chok Tong", date="1985-01-01").code == "SGPELI"  # before it
    assert resolve("Vladimir Putin", date="2009-06-01").office == "Prime Minister"  # people.tsv wins
