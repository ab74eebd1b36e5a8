"""Read news articles from files, folders and JSONL into `Article` records.

Stage 1 of the pipeline (read -> clean -> analyse -> code -> store). Accepted inputs:

- a plain-text file (``.txt``): its publication date comes from a JSONL sidecar in the same folder
  (``articles.jsonl`` whose records name the file), else from a ``YYYY-MM-DD`` in the file name,
  else from ``published=``;
- an HTML page (``.html``/``.htm``): the article is extracted with trafilatura;
- a JSONL file: one record per line with ``id``, ``text`` (or ``file``, relative to the JSONL),
  ``published``, ``outlet``, ``url``, ``title``, ``language``;
- a folder: every file above inside it, recursively.

Bad input never stops a batch: each unreadable, empty, binary, huge or malformed input is yielded as a
`Rejected` record with its path and the reason, and the rest is read.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..records import Article, Rejected

__all__ = ["Article", "Rejected", "iter_articles", "article_from_text", "MAX_BYTES"]

MAX_BYTES = 20_000_000
"""Largest input file read (20 MB). Larger files are rejected, not truncated, so nothing is silently lost."""

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_HTML_SUFFIXES = {".html", ".htm"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_SIDECAR = "articles.jsonl"
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    published: str | date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    language: str = "en",
) -> Article:
    """Build an `Article` from a string (the Python API's entry point for text already in memory).

    >>> article_from_text("Japan warned North Korea.", published="2023-09-14").id[:8]
    'text-1b9'
    """
    if isinstance(published, date):
        published = published.isoformat()
    published = _check_date(published) if published else None
    text, warnings = _without_nul(text, ())
    if id is None:
        id = "text-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return Article(id=id, text=text, published=published, outlet=outlet, url=url, title=title, language=language,
                   warnings=warnings)


def iter_articles(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    outlet: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article | Rejected]:
    """Yield an `Article` for every readable input below `paths`, a `Rejected` for every other one."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path, published=published, outlet=outlet, max_bytes=max_bytes)
        elif path.exists():
            sidecar = _load_sidecar(path.parent) if path.suffix.lower() not in _JSONL_SUFFIXES else {}
            yield from _read_file(path, sidecar, published=published, outlet=outlet, max_bytes=max_bytes)
        else:
            yield Rejected(str(path), "no such file or folder; check the path")


def _read_folder(folder: Path, *, published: str | None, outlet: str | None, max_bytes: int) -> Iterator[Article | Rejected]:
    sidecar = _load_sidecar(folder)
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if path.name.startswith(".") or path.name == _SIDECAR:
            continue
        problem = _outside(path, folder) if path.is_symlink() else None
        if problem:
            yield Rejected(str(path), problem)
            continue
        if not path.is_file():
            continue
        if suffix in _JSONL_SUFFIXES and "gold" in path.name:
            continue  # gold files sit beside articles in examples/ and gold/ folders; they are not news
        if suffix not in _TEXT_SUFFIXES | _HTML_SUFFIXES | _JSONL_SUFFIXES:
            yield Rejected(str(path), f"skipped: {suffix or 'no suffix'} is not a type sitrep reads "
                                      "(.txt, .text, .md, .html, .htm, .jsonl, .ndjson); convert it to text first")
            continue
        if suffix in _TEXT_SUFFIXES | _HTML_SUFFIXES | _JSONL_SUFFIXES:
            local = sidecar if path.parent == folder else {**sidecar, **_load_sidecar(path.parent)}
            yield from _read_file(path, local, published=published, outlet=outlet, max_bytes=max_bytes)
    if (folder / _SIDECAR).exists():
        # Records of the sidecar that carry their text inline are articles too.
        for record in sidecar.values():
            if "text" in record and "file" not in record:
                yield _record_to_article(record, folder / _SIDECAR, folder, published, outlet, max_bytes)


def _load_sidecar(folder: Path) -> dict[str, dict]:
    """Map file name -> metadata record from ``articles.jsonl`` in `folder`, if there is one."""
    path = folder / _SIDECAR
    if not path.exists():
        return {}
    records: dict[str, dict] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            key = Path(str(record["file"])).name if record.get("file") else str(record.get("id") or f"line-{number}")
            records[key] = record
    return records


def _read_file(path: Path, sidecar: dict[str, dict], *, published: str | None, outlet: str | None, max_bytes: int) -> Iterator[Article | Rejected]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as error:
        yield Rejected(str(path), f"cannot read: {error.strerror or error}")
        return
    if size == 0:
        yield Rejected(str(path), "empty file; nothing to ingest")
        return
    if size > max_bytes:
        yield Rejected(str(path), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; split it or raise max_bytes")
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Rejected(str(path), f"cannot read: {error.strerror or error}")
        return
    text, problem, warnings = _decode(data)
    if text is None:
        yield Rejected(str(path), problem)
        return
    if suffix in _JSONL_SUFFIXES:
        yield from _read_jsonl(path, text, published=published, outlet=outlet, max_bytes=max_bytes)
        return
    if suffix in _HTML_SUFFIXES:
        text = _extract_html(text)
        if not text:
            yield Rejected(str(path), "no article text found in the HTML page")
            return
    if not text.strip():
        yield Rejected(str(path), "file holds only white space; nothing to ingest")
        return
    meta = sidecar.get(path.name, {})
    record = {**meta, "text": text}
    record.setdefault("id", path.stem)
    if not record.get("published"):
        match = _DATE_IN_NAME.search(path.name)
        record["published"] = (match.group(0) if match else None) or published
    yield _record_to_article(record, path, path.parent, published, outlet, max_bytes, warnings)


def _read_jsonl(path: Path, text: str, *, published: str | None, outlet: str | None, max_bytes: int) -> Iterator[Article | Rejected]:
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            last = number == len(lines)
            hint = " (the file looks half-written: its last line is cut off)" if last else ""
            yield Rejected(where, f"not valid JSON: {error.msg}{hint}")
            continue
        if not isinstance(record, dict):
            yield Rejected(where, "a JSONL record must be an object with at least 'text' or 'file'")
            continue
        yield _record_to_article(record, Path(where), path.parent, published, outlet, max_bytes)


def _record_to_article(
    record: dict,
    where: Path,
    base: Path,
    published: str | None,
    outlet: str | None,
    max_bytes: int,
    warnings: tuple[str, ...] = (),
) -> Article | Rejected:
    text = record.get("text")
    if text is None and record.get("file"):
        target = base / str(record["file"])
        problem = _outside(target, base)
        if problem:
            return Rejected(str(where), f"'file' {record['file']!r}: {problem}")
        results = list(_read_file(target, {}, published=published, outlet=outlet, max_bytes=max_bytes))
        if not results or isinstance(results[0], Rejected):
            return results[0] if results else Rejected(str(target), "unreadable")
        text, warnings = results[0].text, results[0].warnings
    if not isinstance(text, str) or not text.strip():
        return Rejected(str(where), "record has no 'text' (or 'file') with content")
    text, warnings = _without_nul(text, tuple(warnings))
    try:
        when = _check_date(record.get("published") or published)
    except ValueError as error:
        return Rejected(str(where), str(error))
    identifier = record.get("id") or Path(str(record.get("file") or where)).stem
    return Article(
        id=str(identifier),
        text=text,
        published=when,
        outlet=record.get("outlet") or outlet,
        url=record.get("url"),
        title=record.get("title"),
        language=record.get("language") or "en",
        path=str(where),
        warnings=tuple(warnings),
    )


def _check_date(value: str | None) -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD`` (a timestamp keeps its date part)."""
    if not value:
        return None
    text = str(value).strip()
    match = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", text)
    if not match:
        raise ValueError(f"publication date {text!r} is not YYYY-MM-DD; fix the 'published' field")
    year, month, day = (int(part) for part in match.groups())
    return date(year, month, day).isoformat()


def _outside(path: Path, folder: Path) -> str | None:
    """Why `path` may not be read as part of `folder` (it, or a symlink on the way, leads outside it,
    or it is a symlink loop), or None. Inputs name files inside their folder, never elsewhere."""
    try:
        resolved = path.resolve(strict=path.is_symlink())
    except (OSError, RuntimeError):
        return "skipped: a symlink loop or a link to nothing"
    if not resolved.is_relative_to(folder.resolve()):
        return f"refused: it resolves to {resolved}, outside {folder}; copy the file into the folder instead"
    return None


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Byte-order marks, UTF-32 first: the UTF-32-LE mark begins with the UTF-16-LE one."""


def _without_nul(text: str, warnings: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """NUL characters replaced by spaces (as `clean` blanks debris: every offset stays), with a warning."""
    count = text.count("\x00")
    if not count:
        return text, warnings
    return text.replace("\x00", " "), (*warnings, f"{count} NUL character(s) replaced by spaces")


def _decode(data: bytes) -> tuple[str | None, str, tuple[str, ...]]:
    """Decode bytes as text; refuse binary data instead of ingesting garbage."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), "", ()  # the codec reads the byte order and drops the mark
            except UnicodeDecodeError as error:
                return None, f"not valid {codec.upper()} (byte {error.start}) despite its byte-order mark", ()
    head = data[:8192]
    if sum(1 for byte in head if byte < 32 and byte not in b"\n\r\t\f") > len(head) * 0.05:
        return None, "binary file (NUL or control bytes); sitrep reads text, HTML or JSONL", ()
    try:
        return data.decode("utf-8-sig"), "", ()
    except UnicodeDecodeError as error:
        position = error.start
    # Not UTF-8: Windows-1252 decodes any byte sequence news systems commonly emit; say so.
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > len(text[:8192]) * 0.1:
        return None, "binary file (control bytes); sitrep reads text, HTML or JSONL", ()
    return text, "", (f"not valid UTF-8 (byte {position}); decoded as Windows-1252",)


def _extract_html(html: str) -> str:
    import trafilatura  # imported lazily: only HTML inputs need it

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""
