"""Score quote attribution (speaker, content, cue) on the PolNeAR dev split.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in 2016 US political news as BRAT
standoff: ``T`` lines are Source, Cue and Content spans (discontinuous spans written ``a b;c d``), ``E``
lines tie one attribution to its parts. The corpus declares no licence, so it is read at run time from
``../shared/gold/polnear-dev`` (root overridable with ``SITREP_SHARED``) and never copied.

Choices, so a number here can be compared with another:

- **One annotation per article.** Some articles were annotated by several annotators; the first
  annotation file in name order is used (deterministic, and no annotator is favoured). Scoring against
  the union would count every annotator's disagreement as a miss.
- **Spans are compared as their envelope** (first to last character, so a split quote "“A,” he said,
  “B”" is one span), with whitespace, punctuation and quote marks trimmed from both ends of gold and
  prediction alike: sitrep reports a direct quote without its marks, PolNeAR includes them.
- **Each field is scored on its own** as a set of spans per article: speaker (PolNeAR's Source),
  content and cue. *Exact* counts identical spans; *overlap* matches spans one-to-one, largest overlap
  first, when they share a character. A source span shared by several attributions counts once.
- **Speaker given content**: of the gold attributions whose content a predicted quote overlaps, the
  share whose speaker that quote also gets right (overlap) -- who said it, once we found what was said.

Reference point: BBC Citron reports source exact F1 0.82 and content exact F1 0.59 on PARC 3.0 (another
corpus and guideline; a reference, not the same test).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldError
from . import SHARED, prf

__all__ = ["POLNEAR_DIR", "GoldAttribution", "read_annotation", "evaluate", "format_report"]

POLNEAR_DIR = SHARED / "gold" / "polnear-dev"
"""Where the PolNeAR dev split (``text/``, ``attributions/``) is read at run time."""

_EDGE = " \t\r\n,;:.!?—–-“”\"‘’'«»()[]…"
FIELDS = ("speaker", "content", "cue")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution: its spans as (start, end) fragments; source may be empty."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


def read_annotation(path: Path) -> list[GoldAttribution]:
    """Attributions of one BRAT ``.ann`` file (Attribution and Attribution-no-source events)."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            fragments = tuple(
                (int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";") if piece.strip())
            )
            spans[fields[0]] = (label, fragments)
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(part.split(":", 1) for part in fields[1].split() if ":" in part))
    result = []
    for event in events:
        def frags(role: str) -> tuple[Span, ...]:
            ref = event.get(role)
            return spans[ref][1] if ref in spans else ()

        result.append(GoldAttribution(frags("Source"), frags("Cue"), frags("Content")))
    return result


def _norm(text: str, frags: tuple[Span, ...] | Span | None) -> Span | None:
    """Envelope of the fragments with punctuation, marks and space trimmed from both ends."""
    if not frags:
        return None
    if isinstance(frags[0], int):
        frags = (frags,)
    a0, b0 = min(f[0] for f in frags), max(f[1] for f in frags)
    a, b = a0, b0
    while a < b and (text[a] in _EDGE or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in _EDGE or text[b - 1].isspace()):
        b -= 1
    if b > a:
        return a, b
    # a cue that is only punctuation (the ":" of a transcript turn, the "―" of a credit) stays as is
    while a0 < b0 and text[a0].isspace():
        a0 += 1
    while b0 > a0 and text[b0 - 1].isspace():
        b0 -= 1
    return (a0, b0) if b0 > a0 else None


def _overlap(x: Span, y: Span) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def _match(gold: set[Span], pred: set[Span]) -> tuple[int, int]:
    """(exact matches, one-to-one overlap matches) between two span sets."""
    exact = len(gold & pred)
    pairs = sorted(((_overlap(g, p), g, p) for g in gold for p in pred if _overlap(g, p) > 0), reverse=True)
    used_g: set[Span] = set()
    used_p: set[Span] = set()
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
    return exact, len(used_g)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """The shared `prf` figures, rounded to three places for the report."""
    s = prf(tp, n_pred, n_gold)
    return {"p": round(s["precision"], 3), "r": round(s["recall"], 3), "f1": round(s["f1"], 3)}


def _files(folder: Path) -> list[tuple[Path, Path]]:
    """(text, first annotation) per article, in name order."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise GoldError(f"{folder} has no text/ and attributions/ folders; point `folder` at polnear-dev")
    pairs = []
    for text_path in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(text_path.stem + "_*.ann"))
        if anns:
            pairs.append((text_path, anns[0]))
    return pairs


def evaluate(*, folder: Path | None = None, limit: int | None = None, errors: bool = False) -> dict[str, Any]:
    """Precision, recall and F1 of speakers, contents and cues against PolNeAR dev.

    Returns ``{"articles", "gold", "predicted", "speaker"|"content"|"cue": {"exact", "overlap"},
    "speaker_given_content"}`` (and ``"errors"``, per-article misses and extras, when asked).
    Raises GoldError when the folder is missing; tests skip on that.
    """
    from ..quotes.speakers import find_quotes
    from ..text.analyse import nlp

    pairs = _files(folder or POLNEAR_DIR)[:limit]
    counts = {f: {"gold": 0, "pred": 0, "exact": 0, "overlap": 0} for f in FIELDS}
    found_content = right_speaker = 0
    n_gold = n_pred = 0
    details = []
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    for (text_path, ann_path), text, doc in zip(pairs, texts, nlp().pipe(texts, batch_size=8), strict=True):
        gold = read_annotation(ann_path)
        quotes = find_quotes(doc)
        n_gold += len(gold)
        n_pred += len(quotes)
        gold_sets = {
            "speaker": {s for g in gold if (s := _norm(text, g.source))},
            "content": {s for g in gold if (s := _norm(text, g.content))},
            "cue": {s for g in gold if (s := _norm(text, g.cue))},
        }
        pred_sets = {
            "speaker": {s for q in quotes if (s := _norm(text, (q.speaker_start, q.speaker_end))
                                              if q.speaker_start is not None and q.speaker_end is not None
                                              else None)},
            "content": {s for q in quotes if (s := _norm(text, q.parts or ((q.start, q.end),)))},
            "cue": {s for q in quotes if (s := _norm(text, (q.cue_start, q.cue_end))
                                          if q.cue_start is not None and q.cue_end is not None else None)},
        }
        for f in FIELDS:
            exact, overlap = _match(gold_sets[f], pred_sets[f])
            c = counts[f]
            c["gold"] += len(gold_sets[f])
            c["pred"] += len(pred_sets[f])
            c["exact"] += exact
            c["overlap"] += overlap
        # who said it, once we found what was said
        for g in gold:
            content, source = _norm(text, g.content), _norm(text, g.source)
            if content is None or source is None:
                continue
            hits = [q for q in quotes if _overlap(content, (q.start, q.end)) > 0]
            if hits:
                found_content += 1
                if any(q.speaker_start is not None and q.speaker_end is not None
                       and _overlap(source, (q.speaker_start, q.speaker_end)) > 0 for q in hits):
                    right_speaker += 1
        if errors:
            details.append(_errors(text_path.stem, text, gold_sets, pred_sets))
    result: dict[str, Any] = {
        "corpus": "PolNeAR dev (first annotation per article)",
        "articles": len(pairs),
        "gold": n_gold,
        "predicted": n_pred,
    }
    for f in FIELDS:
        c = counts[f]
        result[f] = {
            "gold": c["gold"],
            "predicted": c["pred"],
            "exact": _prf(c["exact"], c["pred"], c["gold"]),
            "overlap": _prf(c["overlap"], c["pred"], c["gold"]),
        }
    result["speaker_given_content"] = {
        "found": found_content,
        "right": right_speaker,
        "accuracy": round(right_speaker / found_content, 3) if found_content else 0.0,
    }
    if errors:
        result["errors"] = details
    return result


def _errors(name: str, text: str, gold: dict[str, set[Span]], pred: dict[str, set[Span]]) -> dict[str, Any]:
    """Spans with no overlapping counterpart, as text, for reading what went wrong."""
    out: dict[str, Any] = {"article": name}
    for f in FIELDS:
        out[f"missed_{f}"] = [text[a:b] for a, b in sorted(gold[f])
                              if not any(_overlap((a, b), p) for p in pred[f])]
        out[f"extra_{f}"] = [text[a:b] for a, b in sorted(pred[f])
                             if not any(_overlap((a, b), g) for g in gold[f])]
    return out


def format_report(result: dict[str, Any]) -> str:
    """The result as a small plain-text table."""
    lines = [
        f"quotes on {result['corpus']}: {result['articles']} articles, "
        f"{result['gold']} gold attributions, {result['predicted']} predicted",
        f"{'field':<9} {'match':<8} {'P':>6} {'R':>6} {'F1':>6}   gold / predicted spans",
    ]
    for f in FIELDS:
        r = result[f]
        for how in ("exact", "overlap"):
            s = r[how]
            lines.append(f"{f:<9} {how:<8} {s['p']:>6.3f} {s['r']:>6.3f} {s['f1']:>6.3f}   "
                         f"{r['gold']} / {r['predicted']}")
    sgc = result["speaker_given_content"]
    lines.append(f"speaker right where content found: {sgc['accuracy']:.3f} ({sgc['right']}/{sgc['found']})")
    return "\n".join(lines)
