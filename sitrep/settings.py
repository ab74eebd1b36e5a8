"""Every tunable a user may set, declared once: its type, default and help.

A value comes from, last one winning: the default here, the settings file (``sitrep.toml`` in the
working directory, or the file named by ``$SITREP_CONFIG``; a ``[sitrep]`` table), the environment
(``SITREP_<NAME>``, e.g. ``SITREP_DB``), and the command line. ``sitrep settings`` prints each value
with where it came from, so an analyst never has to guess why a run used another database.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import UsageError

__all__ = ["Settings", "load", "describe", "SETTINGS_FILE"]

SETTINGS_FILE = "sitrep.toml"
"""Read from the working directory unless ``$SITREP_CONFIG`` names another file."""


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """The effective settings of one run (frozen: pass it on, never mutate it)."""

    db: Path | str = _setting(Path("sitrep.duckdb"), "The store: a DuckDB file, or a PostgreSQL address (postgresql://user@host/name).")
    actors: tuple[Path, ...] = _setting((), "Your own actor tables (TSV: name, code[, start, end, office]), read after the shipped ones.")
    lexicon: tuple[Path, ...] = _setting((), "Your own verb tables (the format of sitrep/data/verbs.tsv), read after the shipped one.")
    backoff: bool = _setting(True, "Code a political verb that no precise frame matched at its general CAMEO level, with a lower confidence.")
    ingest_batch: int = _setting(32, "Articles coded and written per step of an ingest (a killed run keeps every finished step).")
    workers: int | None = _setting(None, "Worker processes `sitrep ingest` codes on (default: the free cores; 1 codes in the ingest's own process).")
    story_window_days: int = _setting(7, "Days apart two copies of a text may be published and still be one story (0: no limit; memory grows with the corpus).")
    min_confidence: float = _setting(0.0, "Default lowest confidence of the events that queries and exports return (0-1).")
    host: str = _setting("127.0.0.1", "Address `sitrep serve` listens on.")
    port: int = _setting(8000, "Port `sitrep serve` listens on.")
    allowed_hosts: tuple[str, ...] = _setting((), "Host names the server also answers besides localhost and its bound address.")
    shared: Path | None = _setting(None, "The shared gold folder the scorers read (default: ../shared beside the checkout).")


def _database(raw: Any) -> Path | str:
    """A DuckDB path, or a PostgreSQL address kept as text (a Path would fold its "//")."""
    text = str(raw)
    return text if text.startswith(("postgresql://", "postgres://")) else Path(text)


_TYPES: dict[str, Any] = {"db": _database, "actors": Path, "lexicon": Path, "backoff": bool, "ingest_batch": int,
                          "workers": int, "story_window_days": int, "min_confidence": float, "host": str, "port": int, "allowed_hosts": str,
                          "shared": Path}
"""The type of one value (of each item, for the tuple settings)."""

_LISTS = frozenset({"actors", "lexicon", "allowed_hosts"})
_BOOLS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _convert(name: str, raw: Any, origin: str) -> Any:
    """`raw` (a TOML value or an environment string) as the type of setting `name`."""
    kind = _TYPES[name]
    if name in _LISTS:
        items = raw.split(",") if isinstance(raw, str) else raw
        if not isinstance(items, list | tuple):
            raise UsageError(f"{origin}: {name} must be a list or a comma-separated string")
        return tuple(_convert_one(name, kind, item, origin) for item in items if str(item).strip())
    return _convert_one(name, kind, raw, origin)


def _convert_one(name: str, kind: type, raw: Any, origin: str) -> Any:
    try:
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            return _BOOLS[str(raw).strip().lower()]
        if kind in (int, float) and isinstance(raw, bool):
            raise ValueError(raw)
        value = kind(raw.strip() if isinstance(raw, str) else raw)
    except (KeyError, TypeError, ValueError):
        raise UsageError(f"{origin}: {name} must be {kind.__name__}, not {raw!r}") from None
    if name in ("ingest_batch", "port", "workers") and not (0 < value <= (65535 if name == "port" else 100_000)):
        raise UsageError(f"{origin}: {name} out of range: {raw!r}")
    if name == "story_window_days" and not 0 <= value <= 100_000:
        raise UsageError(f"{origin}: story_window_days out of range (0 or more days): {raw!r}")
    if name == "min_confidence" and not 0.0 <= value <= 1.0:
        raise UsageError(f"{origin}: min_confidence must be between 0 and 1, not {raw!r}")
    return value


def _file_values(path: Path) -> dict[str, Any]:
    """The ``[sitrep]`` table of a settings file; an unknown key or a TOML error names the file (and line)."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the settings file ({error})") from None
    table = document.get("sitrep", {})
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [sitrep] must be a table")
    known = {f.name for f in fields(Settings)}
    for key in table:
        if key not in known:
            raise UsageError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
    base = path.parent
    values = {key: _convert(key, raw, f"{path} [sitrep] {key}") for key, raw in table.items()}
    for key in ("db", "shared"):  # a path in the file is relative to the file, not to where sitrep runs
        if key in values and isinstance(values[key], Path) and not values[key].is_absolute():
            values[key] = base / values[key]
    for key in ("actors", "lexicon"):
        if key in values:
            values[key] = tuple(p if p.is_absolute() else base / p for p in values[key])
    return values


def _sources(cli: Mapping[str, Any] | None, env: Mapping[str, str],
             cwd: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """Each setting's value and origin, from the file, the environment and the command line."""
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    named = env.get("SITREP_CONFIG")
    path = Path(named) if named else cwd / SETTINGS_FILE
    if named and not path.is_file():
        raise UsageError(f"SITREP_CONFIG names {path}, which is not a file")
    if path.is_file():
        for key, value in _file_values(path).items():
            values[key], origins[key] = value, str(path)
    for f in fields(Settings):
        variable = f"SITREP_{f.name.upper()}"
        if env.get(variable, "").strip():
            values[f.name], origins[f.name] = _convert(f.name, env[variable], variable), variable
    for key, value in (cli or {}).items():
        if value is None or (key in _LISTS and not value):
            continue  # not given on the command line: the earlier layers stand
        values[key] = tuple(value) if key in _LISTS else value
        origins[key] = "command line"
    return values, origins


def load(cli: Mapping[str, Any] | None = None, *, env: Mapping[str, str] | None = None,
         cwd: Path | None = None) -> Settings:
    """The effective settings: defaults, then the settings file, the environment, then `cli` (the
    options given on the command line; None means not given)."""
    values, _ = _sources(cli, os.environ if env is None else env, cwd or Path.cwd())
    return replace(Settings(), **values)


def describe(cli: Mapping[str, Any] | None = None, *, env: Mapping[str, str] | None = None,
             cwd: Path | None = None) -> list[dict[str, Any]]:
    """One row per setting: name, value, where it came from, and its help."""
    values, origins = _sources(cli, os.environ if env is None else env, cwd or Path.cwd())
    settings = replace(Settings(), **values)
    return [{"name": f.name, "value": getattr(settings, f.name), "from": origins.get(f.name, "default"),
             "help": f.metadata["help"]} for f in fields(Settings)]
