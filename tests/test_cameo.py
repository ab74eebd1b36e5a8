"""Tests for sitrep.tables.cameo and the packaged table sitrep/data/cameo.tsv."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.tables import cameo

from .conftest import SHARED

SHARED_CAMEO = SHARED / "reference" / "cameo"
SHARED_PLOVER = SHARED / "reference" / "plover" / "CAMEO2PLOVER-2021.txt"

# GDELT's copy spells 044 with mis-decoded curly quotes; sitrep writes the intended name.
GDELT_MOJIBAKE = {"044": "Meet at a 'third' location"}
EXTRA_CODES = {"155", "176", "1834", "1951", "1952", "1213", "1214"}


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _gdelt_table(name: str) -> dict[str, str]:
    path = SHARED_CAMEO / name
    if not path.exists():
        pytest.skip(f"shared reference table {path} is absent")
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(row.split("\t", 1) for row in rows if row)


@pytest.fixture(autouse=True)
def _fresh_table():
    cameo.reset_caches()
    yield
    cameo.reset_caches()


def test_cameo_every_gdelt_code_has_gdelt_name():
    gdelt = _gdelt_table("CAMEO.eventcodes.txt")
    assert len(gdelt) == 311
    for code, name in gdelt.items():
        expected = GDELT_MOJIBAKE.get(code, _collapse(name))
        assert cameo.lookup(code).name == expected, code


def test_cameo_every_gdelt_code_has_gdelt_goldstein_score():
    gdelt = _gdelt_table("CAMEO.goldsteinscale.txt")
    for code, score in gdelt.items():
        assert cameo.lookup(code).goldstein == pytest.approx(float(score)), code


def test_cameo_table_is_gdelt_plus_the_documented_extras():
    gdelt = _gdelt_table("CAMEO.eventcodes.txt")
    ours = {entry.code for entry in cameo.codes()}
    assert ours - set(gdelt) == EXTRA_CODES
    assert set(gdelt) <= ours


def test_cameo_extra_codes_take_their_parents_goldstein_score():
    parents = {"155": "150", "176": "170", "1834": "183", "1951": "195", "1952": "195", "1213": "121",
               "1214": "121"}
    for code, parent in parents.items():
        assert cameo.lookup(code).goldstein == cameo.lookup(parent).goldstein, code
        assert cameo.lookup(code).goldstein is not None


def test_cameo_quad_class_follows_gdelt_convention():
    expected = {"01": 1, "05": 1, "06": 2, "08": 2, "09": 3, "13": 3, "14": 4, "20": 4}
    for root, quad in expected.items():
        assert cameo.quad_class_for_root(root) == quad
        assert cameo.lookup(root).quad_class == quad
    assert cameo.lookup("0874").quad_class == 2
    assert cameo.lookup("145").quad_class == 4
    assert cameo.QUAD_CLASS_NAMES[3] == "Verbal Conflict"


def test_cameo_every_entry_is_consistent_with_its_code():
    for entry in cameo.codes():
        assert entry.root == entry.code[:2]
        assert entry.quad_class == cameo.quad_class_for_root(entry.root)
        assert 2 <= len(entry.code) <= 4 and entry.code.isdigit()
        assert entry.goldstein is not None and -10 <= entry.goldstein <= 10
        assert entry.plover_mode is None or entry.plover_event is not None


def test_cameo_codes_are_strings_with_leading_zeros():
    assert cameo.lookup("010").name != cameo.lookup("10").name
    assert cameo.lookup("010").root == "01"
    assert cameo.lookup("10").root == "10"
    assert not cameo.is_valid(10)  # type: ignore[arg-type]
    with pytest.raises(cameo.UnknownCodeError):
        cameo.lookup(42)  # type: ignore[arg-type]


def test_cameo_root_codes_are_their_own_entries():
    root = cameo.lookup("10")
    generic = cameo.lookup("100")
    assert root.is_root and not generic.is_root
    assert root.name == "DEMAND" and generic.name.startswith("Demand, not specified")
    assert root.plover_event == generic.plover_event == "REQUEST"
    assert cameo.root_name("19") == "FIGHT"


def test_cameo_unknown_code_raises_sitrep_error_with_hint():
    with pytest.raises(SitrepError, match="leading zeros"):
        cameo.lookup("42")
    with pytest.raises(KeyError):
        cameo.lookup("999")
    with pytest.raises(cameo.UnknownCodeError):
        cameo.root_name("190")
    assert not cameo.is_valid(" 190")
    assert cameo.is_valid("190")


@pytest.mark.parametrize(
    ("code", "event", "mode", "context"),
    [
        ("190", "ASSAULT", None, "military"),
        ("193", "ASSAULT", "firearms", "military"),
        ("042", "CONSULT", "visit", None),
        ("041", "CONSULT", "phone", None),
        ("111", "ACCUSE", "disapprove", None),
        ("1122", "ACCUSE", "allege", "human_rights"),
        ("091", "ACCUSE", "investigate", "crime; corruption"),
        ("081", "CONCEDE", None, "legal"),
        ("0841", "RETREAT", "release", "legal"),
        ("163", "COERCE", "restrict", "diplomatic"),
        ("1712", "ASSAULT", "seize", "human_security"),
        ("191", "COERCE", "restrict", "military"),
        ("1213", "REJECT", "assist", "legal"),
        ("175", "ASSAULT", None, "pro_autocracy; military"),
    ],
)
def test_cameo_plover_mapping_matches_the_2021_table(code, event, mode, context):
    entry = cameo.lookup(code)
    assert (entry.plover_event, entry.plover_mode, entry.plover_context) == (event, mode, context)


def test_cameo_demand_family_maps_to_request_and_fight_to_assault():
    for entry in cameo.codes():
        if entry.root == "10":
            assert entry.plover_event == "REQUEST", entry.code
        if entry.root in ("18", "19", "20") and entry.code not in ("191", "192"):
            assert entry.plover_event == "ASSAULT", entry.code
    names = {entry.plover_event for entry in cameo.codes()} - {None}
    assert not names & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    assert len(names) == 16


def test_cameo_statement_family_has_no_plover_event_except_responsibility():
    statements = {e.code: e.plover_event for e in cameo.codes() if e.root == "01"}
    assert statements.pop("015") == "AGREE"
    assert statements.pop("016") == "REJECT"
    assert set(statements.values()) == {None}


def test_cameo_appeal_family_mirrors_the_demand_family():
    appeals = [e for e in cameo.codes() if e.root == "02" and not e.is_root]
    assert len(appeals) == 27
    for appeal in appeals:
        demand = cameo.lookup("10" + appeal.code[2:])
        assert appeal.plover_event == "REQUEST"
        assert (appeal.plover_mode, appeal.plover_context) == (demand.plover_mode, demand.plover_context)


def test_cameo_plover_fields_agree_with_shared_mapping_file():
    if not SHARED_PLOVER.exists():
        pytest.skip(f"shared PLOVER mapping {SHARED_PLOVER} is absent")
    pattern = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*(?:,\s*([^#]*?))?\s*#")
    checked = skipped = 0
    for line in SHARED_PLOVER.read_text(encoding="utf-8").splitlines():
        match = pattern.match(line.strip())
        if not match:
            continue
        if match.group(1) == "175":  # documented correction (a context in the mode slot)
            skipped += 1
            continue
        code, event, mode, context = match.groups()
        context = "; ".join(part.strip() for part in (context or "").split(";") if part.strip())
        entry = cameo.lookup(code)
        assert entry.plover_event == event, code
        assert (entry.plover_mode or "") == mode.strip(), code
        assert (entry.plover_context or "") == context, code
        checked += 1
    mapping_lines = re.findall(r"^\s*\d{3,4}:", SHARED_PLOVER.read_text(encoding="utf-8"), re.M)
    assert checked + skipped == len(mapping_lines)


def test_cameo_table_has_provenance_and_license_header():
    text = (Path(cameo.__file__).parents[1] / "data" / "cameo.tsv").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "CC BY-SA 4.0" in header
    assert "Goldstein (1992)" in header and "GDELT" in header


def test_cameo_reset_caches_rereads_table():
    first = cameo.codes()
    cameo.reset_caches()
    second = cameo.codes()
    assert first == second and first is not second
