"""Score story clustering (and the cleaner) on the syndicated-copies gold, gold/syndicated/articles.jsonl.

Story clustering is scored with B-cubed precision, recall and F1 (Bagga & Baldwin 1998): for each
article, precision is the share of its predicted story that belongs to its gold story, recall the share
of its gold story found in its predicted story; both are averaged over articles. B-cubed suits this
task because a wrongly merged pair of big stories costs in proportion to the articles it misleads.

The same corpus lists the debris and captions its generator injected into each copy, so the cleaner is
scored too: the share of injected debris and captions it removes, and how many removals it makes that
are neither (a sign of content loss).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .. import settings
from ..corpus.stories import cluster_articles
from ..errors import GoldError
from ..text.clean import clean

__all__ = ["DEFAULT_PATH", "b_cubed", "evaluate", "format_report"]

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "gold" / "syndicated" / "articles.jsonl"


def b_cubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of a clustering; both maps take item id -> cluster label."""
    if set(gold) != set(predicted):
        raise GoldError("gold and predicted clusterings cover different items: cluster every gold article")
    if not gold:
        return 0.0, 0.0, 0.0
    gold_members: dict[str, set[str]] = {}
    pred_members: dict[str, set[str]] = {}
    for item, label in gold.items():
        gold_members.setdefault(label, set()).add(item)
    for item, label in predicted.items():
        pred_members.setdefault(label, set()).add(item)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_members[gold[item]], pred_members[predicted[item]]
        shared = len(g & p)
        precision += shared / len(p)
        recall += shared / len(g)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _load(path: Path) -> list[dict]:
    if not path.exists():
        raise GoldError(f"{path} not found: run scripts/make_syndicated.py or pass path=")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number} is not JSON ({exc.msg}): fix or regenerate the file") from exc
        if not {"id", "text", "story"} <= set(record):
            raise GoldError(f"{path}:{number} lacks id, text or story: regenerate the file")
        records.append(record)
    return records


def evaluate(*, path: Path | str | None = None, threshold: float | None = None) -> dict:
    """Cluster the gold articles and score stories, wire agencies and cleaning; returns plain data."""
    records = _load(Path(path) if path else DEFAULT_PATH)
    kwargs = {} if threshold is None else {"threshold": threshold}
    stories = cluster_articles([(r["id"], r["text"]) for r in records], published={r["id"]: r.get("published") for r in records},
                               window_days=settings.load().story_window_days, **kwargs)
    predicted = {article_id: s.id for s in stories for article_id in s.article_ids}
    gold = {r["id"]: r["story"] for r in records}
    precision, recall, f1 = b_cubed(gold, predicted)

    # Wire agency: each predicted story against the gold agency most of its members carry.
    by_id = {r["id"]: r for r in records}
    agency_right = 0
    agency_rows = []
    for story in stories:
        votes = Counter(by_id[a].get("agency") for a in story.article_ids)
        expected = min(votes, key=lambda a: (-votes[a], str(a)))
        agency_right += story.agency == expected
        agency_rows.append({"story": story.id, "articles": list(story.article_ids),
                            "agency": story.agency, "gold_agency": expected})

    # Cleaning: injected debris and captions found, and removals that are neither.
    injected = found = cap_injected = cap_found = stray = 0
    stray_examples: list[str] = []
    for r in records:
        if not r.get("debris") and not r.get("captions"):
            continue
        removed = clean(r["text"]).removed
        texts = [x.text for x in removed]
        for piece in r.get("debris", []):
            injected += 1
            found += any(piece in t or t in piece and len(t) > 0.8 * len(piece) for t in texts)
        for caption in r.get("captions", []):
            cap_injected += 1
            cap_found += any(x.kind == "caption" and x.text in caption for x in removed)
        for x in removed:
            if not any(x.text in piece for piece in r.get("debris", []) + r.get("captions", [])):
                stray += 1
                stray_examples.append(f"{r['id']}: {x.text[:60]!r}")
    return {
        "articles": len(records),
        "gold_stories": len(set(gold.values())),
        "predicted_stories": len(stories),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "agency_accuracy": agency_right / len(stories) if stories else 0.0,
        "agencies": agency_rows,
        "debris_injected": injected,
        "debris_removed": found,
        "captions_injected": cap_injected,
        "captions_found": cap_found,
        "stray_removals": stray,
        "stray_examples": stray_examples[:10],
        "errors": [row for row in _cluster_errors(gold, predicted)],
    }


def _cluster_errors(gold: dict[str, str], predicted: dict[str, str]) -> list[str]:
    """Readable lines for each predicted story mixing gold stories and each gold story split apart."""
    lines = []
    pred_members: dict[str, list[str]] = {}
    gold_members: dict[str, list[str]] = {}
    for item in sorted(gold):
        pred_members.setdefault(predicted[item], []).append(item)
        gold_members.setdefault(gold[item], []).append(item)
    for _label, items in sorted(pred_members.items()):
        labels = sorted({gold[i] for i in items})
        if len(labels) > 1:
            lines.append(f"merged: {', '.join(items)} (gold stories {', '.join(labels)})")
    for label, items in sorted(gold_members.items()):
        parts = sorted({predicted[i] for i in items})
        if len(parts) > 1:
            groups = [[i for i in items if predicted[i] == p] for p in parts]
            lines.append(f"split: {label} into " + " | ".join(", ".join(g) for g in groups))
    return lines


def format_report(result: dict) -> str:
    """The evaluation as text, for a terminal or a log."""
    lines = [
        (f"Story clustering on {result['articles']} articles "
        f"({result['gold_stories']} gold stories, {result['predicted_stories']} predicted)"),
        f"  B-cubed precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}",
        f"  wire agency right for {result['agency_accuracy']:.0%} of predicted stories",
        (f"Cleaning: {result['debris_removed']}/{result['debris_injected']} injected debris removed, "
        f"{result['captions_found']}/{result['captions_injected']} captions kept apart, "
        f"{result['stray_removals']} other removals"),
    ]
    lines += [f"  other removal {e}" for e in result["stray_examples"]]
    lines += [f"  {e}" for e in result["errors"]]
    lines += [f"  agency: {row['articles'][0]}... -> {row['agency']} (gold {row['gold_agency']})"
              for row in result["agencies"] if row["agency"] != row["gold_agency"]]
    return "\n".join(lines)
