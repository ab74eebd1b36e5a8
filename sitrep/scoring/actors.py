"""Score actor resolution on NGEC's actor tests, ported as data (no Elasticsearch, no Wikipedia).

NGEC-2025 (ahalterman/NGEC-2025, MIT) tests its actor resolver with pytest functions such as
`agent_to_code("Hashim Thaci", "", "2011-12-01")` -> country XKX, sector GOV. The shared gold holds a
data-only extraction of those functions (`cases.actor_resolution.jsonl`); this scorer replays the
ones that map a name or short text to a country/sector (`agent_to_code`, `short_text_to_agent`,
`search_nat`, `trf_agent_match`) through `sitrep.actors.resolve`, and the co-actor cases
(`cases.multiple_actors.jsonl`) through `find_mentions` + `coordinated`. The `query_wiki` cases test a
Wikipedia search sitrep does not have; they are listed as out of scope.

A second part replays the PLOVER gold standard records (`evaluate_gsr`): for each of the 322
sentences, every gold source and target `{actorText, code, sector}` must be covered by a
`find_mentions` mention (on the parsed sentence, at the record's date) that overlaps the actor text
and has the gold country (country accuracy) and also the gold sector (sector accuracy, over the
actors the gold gives a sector). This measures mentions in running text, as the event coder sees them.

Where sitrep's conventions differ from NGEC's, the expected value is translated before comparing,
and the translation is listed in the report (`CONVENTIONS`):
- UN organs: NGEC country "UNO", the EU's councils "EUR"; sitrep "IGO" (the hand-coded gold's rule).
- Media and health: NGEC (PLOVER) JRN = press and MED = medicine; sitrep (CAMEO) MED and HLH.
- NGEC PRM (pro-government militia) = sitrep UAF.
- "former" officials: NGEC CVL; sitrep ELI (CAMEO's elites: former officials).
- Nothing to code ("he", "two men"): NGEC sector UNK with no country; sitrep returns no actor.
- NGEC gives up to two sectors (code_1, code_2); sitrep keeps one, counted right when it equals
  either ("Defense Minister": GOV or MIL; state media: GOV+JRN, sitrep MED). A few cases assert two
  different values for code_1 (unsatisfiable as written: "GRU" MIL and SPY); either counts.
- NGEC's optional context argument (a country hint: "Defense Minister" + "German") gives the
  country when the text alone has none. Wikipedia titles are not compared.

>>> print(format_report(evaluate()))  # doctest: +SKIP
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import GoldError
from . import SHARED

__all__ = ["CONVENTIONS", "DEFAULT_CASES", "DEFAULT_MULTIPLE", "GSR_CONVENTIONS", "evaluate", "evaluate_gsr",
           "format_report"]

DEFAULT_CASES = SHARED / "gold" / "ngec-actor-tests" / "cases.actor_resolution.jsonl"
DEFAULT_MULTIPLE = SHARED / "gold" / "ngec-actor-tests" / "cases.multiple_actors.jsonl"

IN_SCOPE = frozenset({"agent_to_code", "short_text_to_agent", "search_nat", "trf_agent_match"})

NGEC_TODAY = "2022-01-01"
"""The date NGEC's "today" (or a missing date) stands for: the median of the 32 dates the tests state
explicitly. The tests were written around then and expect that time's office holders (Trump a
former president, Le Drian foreign minister), while sitrep's own "no date" means the latest known
state; the scorer pins the tests' time instead. A few tests were written later and disagree."""

PARAMETRIZED: Mapping[str, str] = MappingProxyType(
    {"cop": "cop_list", "crm": "crm_list", "med": "med_list", "code": "reb_list"})
"""Argument name -> parametrize list, from the upstream `@pytest.mark.parametrize` decorators (the
data extraction keeps the lists but not which argument each one feeds)."""

CONVENTIONS: Mapping[str, str] = MappingProxyType({
    "country UNO -> IGO": "UN organs are coded IGO in sitrep (hand-coded gold guideline 2)",
    "country EUR -> IGO": "EU institutions are IGO in sitrep",
    "sector JRN -> MED": "CAMEO MED is the press (PLOVER calls it JRN)",
    "sector MED -> HLH": "PLOVER MED is medicine (CAMEO HLH)",
    "sector PRM -> UAF": "pro-government militias are unaligned armed forces in CAMEO",
    "sector BUD/CHR/MOS/JEW/HIN -> REL": "CAMEO religion codes are a dimension of their own; sitrep's "
                                          "sector of a religious group is REL",
    "sector CVL -> ELI for 'former'": "former officials are CAMEO elites (ELI) in sitrep",
    "sector UNK -> no actor": "a bare pronoun or 'two men' is not an actor mention in sitrep",
})
GSR_CONVENTIONS: Mapping[str, str] = MappingProxyType({
    "country NGO/IMG/ISM -> none": "NGOs, international militant groups (al-Qaeda) and 'Muslim' have no "
                                   "country in sitrep (code '---')",
    "country VTN -> VNM": "the gold's one pre-ISO Vietnam code",
    "sector JRN -> MED, MED -> HLH": "the gold spells sectors the PLOVER way; sitrep keeps CAMEO's",
    "sector CIV -> CVL, MOS -> REL": "the gold's variant spellings of civilians and Muslims",
    "sector SOC -> not compared": "no CAMEO sector for 'social' bodies",
})
_GSR_COUNTRY_MAP: Mapping[str, str | None] = MappingProxyType({"NGO": None, "IMG": None, "ISM": None, "VTN": "VNM"})
_GSR_SECTOR_MAP: Mapping[str, str | None] = MappingProxyType(
    {"JRN": "MED", "MED": "HLH", "CIV": "CVL", "MOS": "REL", "SOC": None})
_COUNTRY_MAP = {"UNO": "IGO", "EUR": "IGO"}
_SECTOR_MAP = {"JRN": "MED", "MED": "HLH", "PRM": "UAF", "BUD": "REL", "CHR": "REL", "MOS": "REL", "JEW": "REL",
               "HIN": "REL"}
_ASSERT = re.compile(
    r"^(?P<lhs>cc|code\['country'\]|code\['code_[12]'\]|code)\s*(?P<op>==|!=|in|is)\s*(?P<rhs>.+)$")


def _literal(text: str, context: Mapping[str, Any]) -> Any:
    """An argument as written in the test: a literal, or `d['actor']`-style lookups into the case."""
    match = re.fullmatch(r"d\['(\w+)'\]", text.strip())
    if match:
        return context.get(match.group(1))
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return context.get(text.strip(), text)


def _date(value: Any) -> str:
    """NGEC dates are free text ("today", "10 May 2015", "October 1, 2021", "2022-04-01")."""
    if not value or str(value).strip().lower() in {"today", "now", "''", ""}:
        return NGEC_TODAY
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else NGEC_TODAY


def _cases(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise GoldError(f"NGEC actor cases not found at {path}; pass cases_path= to the file "
                        "cases.actor_resolution.jsonl from the shared gold")
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                out.append(json.loads(line))
    return out


def _expectations(case: dict[str, Any]) -> tuple[list[tuple[str, str, Any]], list[str]]:
    """(target, op, value) triples for country and sector asserts, plus the ones not compared."""
    context = dict(case.get("case") or {})
    wanted, ignored = [], []
    for text in case.get("asserts", []):
        match = _ASSERT.match(text.strip())
        if not match:
            ignored.append(text)
            continue
        lhs, op, rhs = match.group("lhs"), match.group("op"), match.group("rhs")
        target = {"cc": "country", "code['country']": "country", "code['code_1']": "sector",
                  "code['code_2']": "sector2", "code": "none"}[lhs]
        if target == "country" and lhs == "cc" and rhs.startswith("'") is False:
            ignored.append(text)
            continue
        value = _literal(rhs, context)
        if value == "????":
            ignored.append(text)
            continue
        wanted.append((target, op, value))
    return wanted, ignored


def _inputs(case: dict[str, Any], lists: Mapping[str, list[str]]) -> list[tuple[str, str, str]]:
    """The texts (and dates) one case resolves: one call, or a list of texts for the list cases."""
    context = dict(case.get("case") or {})
    literals = case.get("literals") or {}
    out: list[tuple[str, str, str]] = []
    for call in case.get("calls", []):
        if call["method"] not in IN_SCOPE:
            continue
        args = call.get("args", [])
        if not args:
            continue
        first = args[0].strip()
        local = [v for v in literals.values() if isinstance(v, list)]
        if not first.startswith(("'", '"', "d[")):
            values = local[0] if local else lists.get(PARAMETRIZED.get(first, ""), [])
            out.extend((str(t), NGEC_TODAY, "") for t in values)
            continue
        text = _literal(first, context)
        date = _date(_literal(args[2], context)) if len(args) > 2 else NGEC_TODAY
        hint = _literal(args[1], context) if len(args) > 1 else ""
        if isinstance(text, str):
            out.append((text, date, hint if isinstance(hint, str) else ""))
    return out


def _score_one(text: str, date: str, wanted: list[tuple[str, str, Any]], dictionary,
               context: str = "") -> tuple[dict, dict]:
    from ..actors.resolve import resolve

    actor = resolve(text, date=date, dictionary=dictionary)
    got_country = actor.country if actor else None
    if actor is not None and got_country is None and context:
        hint = resolve(context, date=date, dictionary=dictionary)
        got_country = hint.country if hint else None
    got_sector = actor.sector if actor else None
    former = bool(re.search(r"\b(former|retired|ex-)", text, re.I))
    result: dict[str, bool] = {}
    expected: dict[str, Any] = {}
    alternatives = [v for t, op, v in wanted if t in {"sector", "sector2"} and op == "==" and isinstance(v, str)]
    wanted = [w for w in wanted if w[0] != "sector2"]
    if sum(1 for t, op, _ in wanted if t == "sector" and op == "==") > 1:  # "code_1 == MIL", "code_1 == SPY"
        wanted = [w for w in wanted if not (w[0] == "sector" and w[1] == "==")] + [("sector", "in", alternatives)]
    elif any(t == "sector" for t, _, _ in wanted):
        wanted = [(t, "in", alternatives) if t == "sector" and op == "==" else (t, op, v) for t, op, v in wanted]
    for target, op, value in wanted:
        if target == "none":
            ok = actor is None
            result["country"] = ok
            expected["country"] = None
            continue
        if target == "country":
            values = [_COUNTRY_MAP.get(v, v) or None for v in (value if isinstance(value, list) else [value])]
            got = got_country
        else:
            values = []
            for v in value if isinstance(value, list) else [value]:
                v = _SECTOR_MAP.get(v, v)
                if v == "CVL" and former:
                    v = "ELI"
                values.append(v or None)
            if "UNK" in values:
                values = [None]
            got = got_sector
        ok = (got in values) if op in {"==", "in", "is"} else (got not in values)
        result[target] = result.get(target, True) and ok
        expected[target] = (f"not {values[0]}" if op == "!=" else values[0] if len(values) == 1 else values)
    return result, {"expected": expected, "got": {"code": actor.code if actor else None,
                                                  "country": got_country, "sector": got_sector}}


def evaluate(*, cases_path: str | Path | None = None, multiple_path: str | Path | None = None,
             limit: int | None = None, dictionary=None, with_multiple: bool = True, with_gsr: bool = True,
             gsr_path: str | Path | None = None) -> dict[str, Any]:
    """Replay NGEC's actor tests through sitrep; returns accuracies, failures and what was skipped.

    `with_multiple` also scores the co-actor cases and `with_gsr` the mentions on the PLOVER gold
    standard sentences (`evaluate_gsr`); both need the spaCy model.
    """
    cases = _cases(Path(cases_path) if cases_path else DEFAULT_CASES)
    if limit is not None:
        cases = cases[:limit]
    lists = {c["function"][len("<parametrize list "):-1]: c.get("values", []) for c in cases
             if c.get("function", "").startswith("<parametrize list ")}
    tally = {"country": [0, 0], "sector": [0, 0]}
    failures, out_of_scope, not_compared = [], [], 0
    for case in cases:
        if case.get("shadowed_by_later_def") or not case.get("collected_by_pytest", True) or not case.get("calls"):
            continue
        methods = {c["method"] for c in case["calls"]}
        if not methods & IN_SCOPE:
            out_of_scope.append(f"{case['function']} ({', '.join(sorted(methods))})")
            continue
        wanted, ignored = _expectations(case)
        not_compared += len(ignored)
        if not wanted:
            continue
        for text, date, hint in _inputs(case, lists):
            result, detail = _score_one(text, date, wanted, dictionary, hint)
            for target, ok in result.items():
                tally[target][1] += 1
                tally[target][0] += int(ok)
            if not all(result.values()):
                failures.append({"function": case["function"], "text": text, "date": date, **detail})
    report: dict[str, Any] = {
        "country": _accuracy(*tally["country"]),
        "sector": _accuracy(*tally["sector"]),
        "failures": failures,
        "out_of_scope": out_of_scope,
        "asserts_not_compared": not_compared,
        "conventions": dict(CONVENTIONS),
    }
    if with_multiple:
        report["multiple"] = evaluate_multiple(path=multiple_path, dictionary=dictionary)
    if with_gsr:
        report["gsr"] = evaluate_gsr(path=gsr_path, dictionary=dictionary, limit=limit)
    return report


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Character span of a gold actor text in its sentence: the first exact occurrence, else the
    first ignoring case, else None (the gold edited the text)."""
    start = text.find(actor_text)
    if start < 0:
        start = text.lower().find(actor_text.lower())
    return (start, start + len(actor_text)) if start >= 0 and actor_text else None


def evaluate_gsr(*, path: str | Path | None = None, dictionary=None, limit: int | None = None) -> dict[str, Any]:
    """Actor mentions on the PLOVER GSR sentences: is each gold actor found, with its country and sector?

    For every gold source and target, the mentions overlapping its text are looked at: the country
    is right when one of them has the gold country, the sector when one has both the gold country
    and the gold sector (`GSR_CONVENTIONS` translate the gold's codes). Needs the spaCy model.
    """
    from ..actors.resolve import find_mentions
    from ..text.analyse import nlp
    from .plover_gsr import DEFAULT_GOLD, load_records

    records = load_records(Path(path) if path else DEFAULT_GOLD)
    if limit is not None:
        records = records[:limit]
    tally = {"country": [0, 0], "sector": [0, 0]}
    failures: list[dict[str, Any]] = []
    not_located = 0
    for record in records:
        doc = nlp()(record.text)
        mentions = find_mentions(doc, date=record.date, dictionary=dictionary)
        for role, gold in [("source", a) for a in record.sources] + [("target", a) for a in record.targets]:
            if not gold.country:
                continue
            span = _locate(record.text, gold.text)
            if span is None:
                not_located += 1
                continue
            country = _GSR_COUNTRY_MAP.get(gold.country, gold.country)
            sector = _GSR_SECTOR_MAP.get(gold.sector, gold.sector) if gold.sector else None
            over = [m for m in mentions if m.start < span[1] and span[0] < m.end]
            country_ok = any(m.actor.country == country for m in over)
            tally["country"][0] += int(country_ok)
            tally["country"][1] += 1
            sector_ok = True
            if sector is not None:
                sector_ok = any(m.actor.country == country and m.actor.sector == sector for m in over)
                tally["sector"][0] += int(sector_ok)
                tally["sector"][1] += 1
            if not (country_ok and sector_ok):
                failures.append({"id": record.id, "role": role, "text": gold.text,
                                 "expected": f"{country or '---'}{sector or ''}",
                                 "got": [f"{m.text!r}={m.actor.code}" for m in over],
                                 "sentence": record.text})
    return {"country": _accuracy(*tally["country"]), "sector": _accuracy(*tally["sector"]),
            "failures": failures, "not_located": not_located, "conventions": dict(GSR_CONVENTIONS)}


def evaluate_multiple(*, path: str | Path | None = None, dictionary=None) -> dict[str, Any]:
    """Co-actor splitting: the actors coordinated with the phrase NGEC's QA step returned.

    A case passes when sitrep's coordinated mentions and NGEC's expected texts pair up one to one,
    a pair matching when one text contains the other ("Russian" and "Russian soldiers").
    """
    from ..actors.resolve import coordinated, find_mentions
    from ..text.analyse import nlp

    cases = _cases(Path(path) if path else DEFAULT_MULTIPLE)
    passed, total, failures = 0, 0, []
    for case in cases:
        if case.get("shadowed_by_later_def") or not case.get("asserts"):
            continue
        literals = case.get("literals") or {}
        text, phrase = literals.get("text"), literals.get("actor_phrase")
        match = re.search(r"==\s*set\(\[(.*)\]\)\s*$", case["asserts"][0])
        if not text or not phrase or not match:
            continue
        expected = list(ast.literal_eval("[" + match.group(1) + "]"))
        doc = nlp()(text)
        mentions = find_mentions(doc, dictionary=dictionary)
        start = text.find(phrase)
        anchor = next((m for m in mentions if m.start < start + len(phrase) and start < m.end), None)
        got = [m.text for m in coordinated(doc, mentions, anchor)] if anchor else []
        ok = len(got) == len(expected) and all(any(g in e or e in g for g in got) for e in expected)
        total += 1
        passed += int(ok)
        if not ok:
            failures.append({"function": case["function"], "text": text, "expected": expected, "got": got})
    return {"accuracy": _accuracy(passed, total), "failures": failures}


def _accuracy(correct: int, total: int) -> dict[str, Any]:
    return {"correct": correct, "total": total, "accuracy": round(correct / total, 4) if total else 0.0}


def _accuracy_lines(result: Mapping[str, Any]) -> list[str]:
    """The country and sector accuracy lines of a report part."""
    return [f"  {target:8} accuracy {result[target]['accuracy']:.3f}  ({result[target]['correct']}/{result[target]['total']})"
            for target in ("country", "sector")]


def format_report(result: Mapping[str, Any], *, max_failures: int = 200) -> str:
    """The scores as plain text: accuracies, conventions applied, failures, out-of-scope cases."""
    lines = ["NGEC actor-resolution cases (ported; no Elasticsearch)", *_accuracy_lines(result)]
    if "multiple" in result:
        acc = result["multiple"]["accuracy"]
        lines.append(f"  co-actors accuracy {acc['accuracy']:.3f}  ({acc['correct']}/{acc['total']})")
    lines.append("Conventions where sitrep differs from NGEC (expected values translated):")
    lines.extend(f"  {k}: {v}" for k, v in result["conventions"].items())
    failures = result["failures"]
    lines.append(f"Failures ({len(failures)}):")
    for f in failures[:max_failures]:
        lines.append(f"  {f['function']}: {f['text']!r} date={f['date']} expected={f['expected']} got={f['got']}")
    for f in result.get("multiple", {}).get("failures", []):
        lines.append(f"  co-actors {f['function']}: expected={f['expected']} got={f['got']}")
    lines.append(f"Out of scope ({len(result['out_of_scope'])}; Wikipedia lookups): "
                 + ", ".join(result["out_of_scope"]))
    lines.append(f"Asserts not compared (Wikipedia titles, patterns, second sectors): {result['asserts_not_compared']}")
    if "gsr" in result:
        lines.append("")
        lines.append(format_gsr_report(result["gsr"], max_failures=max_failures))
    return "\n".join(lines)


def format_gsr_report(result: Mapping[str, Any], *, max_failures: int = 200) -> str:
    """The PLOVER GSR part as plain text: accuracies, conventions, failures with their sentence."""
    lines = ["PLOVER GSR actor mentions (find_mentions on each gold sentence)", *_accuracy_lines(result)]
    lines.append(f"  gold actor texts not found in their sentence (not scored): {result['not_located']}")
    lines.append("Conventions (gold codes translated):")
    lines.extend(f"  {k}: {v}" for k, v in result["conventions"].items())
    failures = result["failures"]
    lines.append(f"Failures ({len(failures)}):")
    for f in failures[:max_failures]:
        got = ", ".join(f["got"]) or "no mention"
        lines.append(f"  {f['id']} {f['role']}: {f['text']!r} expected={f['expected']} got={got}")
        lines.append(f"      {f['sentence']}")
    return "\n".join(lines)
