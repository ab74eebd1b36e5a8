"""The package tree is the data flow: stages import one way, and no package reaches into another's
private names (STYLE.md; docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "sitrep"

LAYERS = ["errors", "settings", "checks", "records", "tables", "text", "actors", "quotes", "coder", "situate", "store", "pgstore", "writer", "corpus",
          "pipeline", "query", "views", "report", "exports", "api", "scoring", "web", "cli"]
"""Each unit may import only units listed before it (or itself). `tables` sits low: every stage reads
its facts from there."""

LOWER_ALLOWED = {("tables", "situate"), ("tables", "text")}
"""Lazy imports that go down only to reset caches held by a later stage (`tables.reset_caches`)."""


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(absolute module, imported names, line) for every `from ... import` in a sitrep module."""
    rel = path.relative_to(ROOT).with_suffix("")
    here = list(rel.parts if rel.name == "__init__" else rel.parts[:-1])
    if here and here[-1] == "__init__":
        here = here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module == "sitrep" or module.startswith("sitrep."):
                found.append((module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("sitrep."):
                    found.append((alias.name, [], node.lineno))
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_architecture_no_package_imports_another_packages_private_names():
    offences = []
    for path in _modules():
        mine = _unit(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for module, names, line in _imports(path):
            other = _unit(module)
            private = [n for n in names if n.startswith("_") and n != "__version__"]
            module_private = any(part.startswith("_") and part != "__init__" for part in module.split("."))
            if other != mine and (private or module_private):
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {private or module} from {module}")
    assert not offences, "\n".join(offences)


def test_architecture_stages_import_only_what_comes_before_them():
    offences = []
    for path in _modules():
        mine = _unit(".".join(path.relative_to(ROOT).with_suffix("").parts))
        if mine not in LAYERS:
            continue
        for module, names, line in _imports(path):
            targets = [_unit(module)] if _unit(module) else [n for n in names if n in LAYERS]
            for other in targets:
                if other in LAYERS and LAYERS.index(other) > LAYERS.index(mine) and (mine, other) not in LOWER_ALLOWED:
                    offences.append(f"{path.relative_to(ROOT)}:{line} ({mine}) imports {module} {names} ({other})")
    assert not offences, "\n".join(offences)


def test_architecture_the_coder_and_situate_never_call_back_into_actor_resolution():
    """One-way flow (issue 15): the actor stage hands the coder and `situate` every actor mention they
    need (`records.DocActors`: national words, places, the dateline); they read it and the tables,
    and import nothing of `sitrep.actors`."""
    offences = []
    for unit in ("coder", "situate"):
        for path in sorted((PACKAGE / unit).rglob("*.py")):
            for module, names, line in _imports(path):
                if module == "sitrep.actors" or module.startswith("sitrep.actors.") or (module == "sitrep" and "actors" in names):
                    offences.append(f"{path.relative_to(ROOT)}:{line} imports {module} {names}")
    assert not offences, "\n".join(offences)


def test_architecture_every_stage_package_has_a_documented_door():
    for unit in ("text", "tables", "actors", "quotes", "coder", "situate", "pipeline", "corpus"):
        door = PACKAGE / unit / "__init__.py"
        tree = ast.parse(door.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{unit}/__init__.py says what the stage takes and returns"
        names = [n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "__all__"]
        assert names, f"{unit}/__init__.py lists its public names in __all__"


def test_architecture_the_layer_list_names_every_unit():
    units = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" and p.stem != "__init__") or (p.is_dir() and (p / "__init__.py").exists())}
    assert units == set(LAYERS), f"add new units to LAYERS in order: {units ^ set(LAYERS)}"


def test_every_shipped_table_has_a_header_saying_where_its_facts_come_from():
    """Rules live in tables (sitrep/data/); each says what it holds and its source, as verbs.tsv does."""
    tables = sorted((ROOT / "sitrep" / "data").rglob("*.tsv"))
    assert len(tables) >= 20
    for table in tables:
        header = [line for line in table.read_text(encoding="utf-8").splitlines()[:40] if line.startswith("#")]
        assert len(header) >= 3, f"{table.name}: no '#' header"
        said = " ".join(header).lower()
        assert any(word in said for word in ("written for sitrep", "converted", "source", "come from")), \
            f"{table.name}: the header does not say where its facts come from"
