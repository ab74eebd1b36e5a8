"""Situation reports: what happened, who said what, trends and new actors, every line cited.

`report_data` gathers one dict from the views (`sitrep.views`); `report` renders it as Markdown or as
a self-contained HTML page (inline SVG chart, no external files). Citations are numbered per report:
each event, quote and actor line ends with [n] markers that point to the "Sources" list (article id,
outlet, publication date, URL).

>>> print(report("events.duckdb", dyad=("USA", "PRK"), since="2024-06-01"))   # doctest: +SKIP
# Situation report: USA → PRK, 2024-06-01 to today
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date as _date
from pathlib import Path
from typing import Any, Literal

from . import query, views
from .store import DYAD_TOP, EVENT_COLUMNS, SALIENCE_ORDER, Store

__all__ = ["report", "report_data"]

Format = Literal["md", "html"]


def report_data(
    db: str | Path | Store,
    *,
    actor: str | None = None,
    dyad: Sequence[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    top: int = 15,
    max_quotes: int = 12,
    max_actors: int = 20,
) -> dict[str, Any]:
    """Everything a situation report shows, as plain data (see `report` for the rendering).

    Stages: 1. events in scope ranked by salience, 2. quotes by the actors in scope, 3. monthly (or
    weekly, for windows up to 62 days) dyad trends, 4. actors first seen in the window, 5. the numbered
    sources every line cites.
    """
    filters = views.event_filters(actor=actor, dyad=",".join(dyad) if isinstance(dyad, (tuple, list)) else dyad,
                                  since=since, until=until)
    with views.reader(db) as store:
        # 1. what happened: salience = reported by more articles, then stronger Goldstein, then confidence
        shown, total, precounted = _ranked(store, filters, top)
        mentions, cited_articles = _mentions(store, [e["event_id"] for e in shown], precounted=precounted)
        # 2. who said what: speakers among the actors in scope (either side of the dyad)
        if filters.get("dyad"):  # the dyad's own quotes: source-side speakers on the target side
            quotes = query.dyad_quotes(db=store, dyad=filters["dyad"], since=since, until=until).to_pylist()
        else:
            quotes = query.quotes(db=store, actor=actor, since=since, until=until).to_pylist()
        quotes = _pick_quotes(list({q["quote_id"]: q for q in quotes}.values()), max_quotes)
        # 3. trends
        interval: views.Interval = "week" if _window_days(since, until) <= 62 else "month"
        trends = views.dyad_trends(store, interval=interval, **filters).to_pylist()
        # 4. new actors, limited to the articles in scope when an actor or dyad is given
        fresh = views.new_actors(store, since=since, until=until).to_pylist()
        if actor or dyad:
            scoped = _in_scope(store, filters, {x for a in fresh for x in a["first_articles"] or ()})
            scoped |= {m["article_id"] for ms in mentions.values() for m in ms}
            fresh = [a for a in fresh if set(a["first_articles"] or ()) & scoped]
        more_actors = max(0, len(fresh) - max_actors)
        fresh = sorted(fresh, key=lambda a: -a["num_mentions"])[:max_actors]
        fresh.sort(key=lambda a: (a["first_seen"], -a["num_mentions"], a["actor_id"]))
        # 5. sources
        cited = ([m["article_id"] for e in shown for m in mentions[e["event_id"]]] + [q["article_id"] for q in quotes]
                 + [a for f in fresh for a in (f["first_articles"] or ())])
        index = cited_articles | views.articles_index(store, [a for a in dict.fromkeys(cited) if a not in cited_articles])
    numbers = {article_id: n for n, article_id in enumerate(dict.fromkeys(cited), start=1)}
    return {
        "scope": {"actor": actor, "dyad": filters.get("dyad"), "since": since, "until": until, "interval": interval},
        "totals": {"events": total["events"], "articles": total["articles"],
                   "quotes": len(quotes), "new_actors": len(fresh) + more_actors, "more_actors": more_actors},
        "events": [{**e, "cites": sorted({numbers[m["article_id"]] for m in mentions[e["event_id"]]}),
                    "outlets": sorted({m["outlet"] or m["article_id"] for m in mentions[e["event_id"]]})} for e in shown],
        "quotes": [{**q, "cites": [numbers[q["article_id"]]]} for q in quotes],
        "trends": trends,
        "new_actors": [{**a, "cites": sorted(numbers[x] for x in a["first_articles"] or ())} for a in fresh],
        "sources": [{"n": n, **index.get(a, {"article_id": a})} for a, n in numbers.items()],
    }


def report(
    db: str | Path | Store,
    *,
    actor: str | None = None,
    dyad: Sequence[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    format: Format = "md",
) -> str:
    """A situation report on `db` for one actor or dyad (or everything) in [since, until].

    `format` is "md" (Markdown) or "html" (one self-contained page). Raises `SitrepError` for a bad
    dyad or format, `StoreError` when the database is missing or being written.
    """
    if format not in ("md", "html"):
        from .errors import SitrepError

        raise SitrepError(f"unknown report format {format!r}; use md or html")
    data = report_data(db, actor=actor, dyad=dyad, since=since, until=until)
    return _markdown(data) if format == "md" else _html(data)


def _ranked(store: Store, filters: dict[str, Any], top: int) -> tuple[list[dict], dict[str, int], bool]:
    """The `top` events in scope by salience (with their article's `published`), the counts of events
    and distinct articles in scope, and whether they were pre-counted. A country dyad alone reads them
    from ``event_dyad_top`` and ``event_dyads`` (the same rows, counted at rebuild); any other scope
    ranks and counts its events."""
    dyad: list[str] = list(filters.get("dyad") or ())
    if (set(filters) == {"dyad"} and top <= DYAD_TOP and all(len(side) == 3 and side.isalnum() for side in dyad)
            and store.has_table("event_dyad_mentions")):  # a store rebuilt before these tables has none
        scope = " WHERE dyad_source = ? AND dyad_target = ?"
        shown = store.query(f"SELECT {', '.join(EVENT_COLUMNS)}, published FROM event_dyad_top{scope} "
                            f"AND salience_rank <= {int(top)} ORDER BY salience_rank", dyad).to_pylist()
        counts = store.query(f"SELECT events, articles FROM event_dyads{scope}", dyad).to_pylist()
        total = counts[0] if counts else {"events": 0, "articles": 0}
        return shown, {"events": int(total["events"]), "articles": int(total["articles"])}, True
    where, params = query.event_where(**filters)
    shown = store.query(f"""
        SELECT e.*, a.published FROM (
            SELECT {", ".join(EVENT_COLUMNS)} FROM events{where} ORDER BY {SALIENCE_ORDER} LIMIT {int(top)}) e
        LEFT JOIN articles a ON a.article_id = e.article_id
        ORDER BY {SALIENCE_ORDER}""", params).to_pylist()
    total = store.query(f"SELECT count(*) AS events, count(DISTINCT article_id) AS articles FROM events{where}",
                        params).to_pylist()[0]
    return shown, {"events": int(total["events"]), "articles": int(total["articles"])}, False


def _mentions(store: Store, event_ids: Sequence[str], *, precounted: bool = False,
              ) -> tuple[dict[str, list[dict]], dict[str, dict[str, Any]]]:
    """The mentions (article and outlet) of each of `event_ids`, in one query: the report cites them,
    it does not explain them (`views.event_detail` would recompute each merge). With `precounted`
    (events of ``event_dyad_top``), read from ``event_dyad_mentions``, which also gives the citation of
    each mention's article (as `views.articles_index` does); else that second dict is empty."""
    found: dict[str, list[dict]] = {event_id: [] for event_id in event_ids}
    cited: dict[str, dict[str, Any]] = {}
    if not event_ids:
        return found, cited
    marks = ", ".join("?" for _ in event_ids)
    if precounted:
        rows = store.query(f"""SELECT event_id, article_id, outlet, stored, article_outlet, url, title, published
                               FROM event_dyad_mentions WHERE event_id IN ({marks})
                               ORDER BY event_id, article_id, sentence_index""", list(event_ids)).to_pylist()
        for row in (r for r in rows if r["stored"]):
            cited[row["article_id"]] = {"article_id": row["article_id"], "outlet": row["article_outlet"],
                                        "url": row["url"], "title": row["title"], "published": row["published"]}
    else:
        rows = store.query(f"""SELECT event_id, article_id, outlet FROM mentions WHERE event_id IN ({marks})
                               ORDER BY event_id, article_id, sentence_index""", list(event_ids)).to_pylist()
    for row in rows:
        found[row["event_id"]].append({"event_id": row["event_id"], "article_id": row["article_id"],
                                       "outlet": row["outlet"]})
    return found, cited


def _in_scope(store: Store, filters: dict[str, Any], article_ids: set[str]) -> set[str]:
    """Those of `article_ids` that carry an event matching `filters` (asked of the store, so the
    report never holds every event in scope)."""
    if not article_ids:
        return set()
    where, params = query.event_where(**filters)
    where = (where + " AND" if where else " WHERE") + f" article_id IN ({', '.join('?' for _ in article_ids)})"
    rows = store.query(f"SELECT DISTINCT article_id FROM events{where}", [*params, *sorted(article_ids)])
    return set(rows.column(0).to_pylist()) if rows.num_columns else set()


# -- rendering -------------------------------------------------------------------------------------


def _title(scope: dict) -> str:
    subject = " → ".join(s or "any" for s in scope["dyad"]) if scope["dyad"] else scope["actor"] or "all actors"
    window = f"{scope['since'] or 'start'} to {scope['until'] or 'latest'}"
    return f"Situation report: {subject}, {window}"


def _event_line(e: dict) -> tuple[str, str]:
    """(headline, details) of one event, shared by both formats."""
    when = e["date"] or f"undated (published {e['published']})"
    head = f"{when} · {e['source_code'] or '?'} → {e['target_code'] or '?'} · {e['code']} {e['name']}"
    quad = views.QUAD_CLASSES.get(e["quad_class"], "")
    details = (f"Goldstein {e['goldstein']:+.1f}, {quad.lower()}, confidence {e['confidence']:.2f}; "
               f"{_n(e['num_articles'], 'article')} from {_n(len(e['outlets']), 'outlet')}"
               + (f"; {e['place_name']}" if e["place_name"] else "") + (f"; {e['modality']}" if e["modality"] else ""))
    return head, details


def _speaker(q: dict) -> str:
    who = q["speaker_name"] or q["speaker_text"] or "unknown speaker"
    role = ", ".join(x for x in (q["speaker_office"], q["speaker_code"]) if x)
    return f"{who} ({role})" if role else who


def _cites_md(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _markdown(data: dict) -> str:
    t = data["totals"]
    out = [f"# {_title(data['scope'])}", "",
           f"{_totals(t)}. "
           "Bracketed numbers cite the sources listed at the end.", "", "## What happened", ""]
    if not data["events"]:
        out.append("No events in this window.")
    for n, e in enumerate(data["events"], start=1):
        head, details = _event_line(e)
        out += [f"{n}. **{head}** — {details} {_cites_md(e['cites'])}", f"   > {_one_line(e['evidence'])}", ""]
    out += ["", "## Who said what", ""]
    if not data["quotes"]:
        out.append("No quotes by these actors in this window.")
    for q in data["quotes"]:
        out.append(f"- **{_speaker(q)}**, {q['published']}, {q['cue'] or 'said'}: “{_quote(q['text'])}” {_cites_md(q['cites'])}")
    out += ["", f"## Trends (by {data['scope']['interval']})", ""]
    if data["trends"]:
        out += ["| period | source | target | events | mean Goldstein | verbal coop. | material coop. | verbal conflict | material conflict |",
                "|---|---|---|---:|---:|---:|---:|---:|---:|"]
        out += [f"| {r['period']} | {r['source']} | {r['target']} | {r['events']} | {r['mean_goldstein']:+.2f} | "
                f"{r['q1']} | {r['q2']} | {r['q3']} | {r['q4']} |" for r in data["trends"]]
    else:
        out.append("No dated events in this window.")
    out += ["", "## New actors", ""]
    if not data["new_actors"]:
        out.append("No actor was first seen in this window.")
    for a in data["new_actors"]:
        aliases = ", ".join(a["aliases"] or [])
        out.append(f"- **{a['name'] or a['actor_id']}** ({a['code'] or a['kind']}), first seen {a['first_seen']}, "
                   f"{_n(a['num_mentions'], 'mention')}; written as: {aliases} {_cites_md(a['cites'])}")
    if t["more_actors"]:
        out.append(f"- … and {t['more_actors']} more, less often mentioned.")
    out += ["", "## Sources", ""]
    out += [f"{s['n']}. `{s['article_id']}` — {s.get('outlet') or 'unknown outlet'}, {s.get('published') or 'undated'}"
            + (f", <{s['url']}>" if s.get("url") else "") for s in data["sources"]]
    return "\n".join(out) + "\n"


def _html(data: dict) -> str:
    e_ = html.escape
    t = data["totals"]

    def cites(numbers: Sequence[int]) -> str:
        return "".join(f'<a href="#src{n}">[{n}]</a>' for n in numbers)

    events = "".join(
        f"<li><b>{e_(head)}</b> — {e_(details)} {cites(e['cites'])}<blockquote>{e_(_one_line(e['evidence']))}</blockquote></li>"
        for e in data["events"] for head, details in [_event_line(e)]) or "<p>No events in this window.</p>"
    quotes = "".join(f"<li><b>{e_(_speaker(q))}</b>, {e_(q['published'] or '')}, {e_(q['cue'] or 'said')}: "
                     f"<q>{e_(_quote(q['text']))}</q> {cites(q['cites'])}</li>" for q in data["quotes"])
    rows = "".join(f"<tr><td>{e_(r['period'])}</td><td>{e_(r['source'])}</td><td>{e_(r['target'])}</td>"
                   f"<td>{r['events']}</td><td>{r['mean_goldstein']:+.2f}</td><td>{r['q1']}</td><td>{r['q2']}</td>"
                   f"<td>{r['q3']}</td><td>{r['q4']}</td></tr>" for r in data["trends"])
    more = f"<li>… and {t['more_actors']} more, less often mentioned.</li>" if t["more_actors"] else ""
    actors = "".join(f"<li><b>{e_(a['name'] or a['actor_id'])}</b> ({e_(a['code'] or a['kind'] or '')}), first seen "
                     f"{e_(a['first_seen'])}, {_n(a['num_mentions'], 'mention')}; written as: {e_(', '.join(a['aliases'] or []))} "
                     f"{cites(a['cites'])}</li>" for a in data["new_actors"]) + more
    sources = "".join(
        f'<li id="src{s["n"]}"><code>{e_(s["article_id"])}</code> — {e_(s.get("outlet") or "unknown outlet")}, '
        f'{e_(s.get("published") or "undated")}'
        + (f', <a href="{e_(s["url"])}">{e_(s["url"])}</a>' if _is_web(s.get("url"))
           else f", {e_(s['url'])}" if s.get("url") else "") + "</li>" for s in data["sources"])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e_(_title(data['scope']))}</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;color:#1d232a}}
blockquote{{margin:.3em 0 .8em;padding-left:.8em;border-left:3px solid #d8dde2;color:#444;font-family:Georgia,serif}}
table{{border-collapse:collapse}}td,th{{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}}
td:nth-child(-n+3),th:nth-child(-n+3){{text-align:left}}a{{color:#2166ac}}</style></head><body>
<h1>{e_(_title(data['scope']))}</h1>
<p>{_totals(t)}.
Bracketed numbers cite the sources listed at the end.</p>
<h2>What happened</h2><ol>{events}</ol>
<h2>Who said what</h2>{f"<ul>{quotes}</ul>" if quotes else "<p>No quotes by these actors in this window.</p>"}
<h2>Trends (by {e_(data['scope']['interval'])})</h2>{_trend_svg(data['trends'])}
{f"<table><tr><th>period</th><th>source</th><th>target</th><th>events</th><th>mean Goldstein</th><th>verbal coop.</th><th>material coop.</th><th>verbal conflict</th><th>material conflict</th></tr>{rows}</table>" if rows else "<p>No dated events in this window.</p>"}
<h2>New actors</h2>{f"<ul>{actors}</ul>" if actors else "<p>No actor was first seen in this window.</p>"}
<h2>Sources</h2><ol>{sources}</ol>
</body></html>
"""


def _trend_svg(trends: list[dict]) -> str:
    """Events per period as bars (all dyads stacked), coloured by the period's mean Goldstein."""
    periods: dict[str, list[float]] = {}
    for r in trends:
        count, total = periods.get(r["period"], [0, 0.0])
        periods[r["period"]] = [count + r["events"], total + r["mean_goldstein"] * r["events"]]
    if not periods:
        return ""
    width, height, left, bottom = 720, 180, 30, 30
    top = max(c for c, _ in periods.values())
    bar = (width - left) / len(periods)
    parts = []
    for i, (period, (count, total)) in enumerate(sorted(periods.items())):
        mean = total / count
        h = count / top * (height - bottom - 10)
        x = left + i * bar
        colour = "#c51b1b" if mean < -1 else "#3182bd" if mean > 1 else "#999999"
        parts.append(f'<rect x="{x + 2:.1f}" y="{height - bottom - h:.1f}" width="{max(bar - 4, 1):.1f}" height="{h:.1f}" '
                     f'fill="{colour}"><title>{period}: {_n(count, "event")}, mean Goldstein {mean:+.2f}</title></rect>'
                     f'<text x="{x + bar / 2:.1f}" y="{height - 12}" text-anchor="middle" font-size="10">{period}</text>'
                     f'<text x="{x + bar / 2:.1f}" y="{height - bottom - h - 3:.1f}" text-anchor="middle" font-size="10">{count}</text>')
    return (f'<svg viewBox="0 0 {width} {height}" width="{width}" role="img" aria-label="events per period">'
            f'<line x1="{left}" x2="{width}" y1="{height - bottom}" y2="{height - bottom}" stroke="#999"/>{"".join(parts)}</svg>'
            '<p><small>Bars: events per period; red where the mean Goldstein score is below −1, blue above +1.</small></p>')


def _quote(text: str | None) -> str:
    """The quote on one line without its own outer quotation marks (the renderers add them)."""
    return _one_line(text).strip().strip("“”\"‘’'").rstrip(",").strip()


def _pick_quotes(quotes: list[dict], limit: int) -> list[dict]:
    """At most `limit` quotes, identified speakers first, taken in turn from each article so one long
    article does not crowd out the rest; returned in date and reading order."""
    by_article: dict[str, list[dict]] = {}
    for q in sorted(quotes, key=lambda q: (q["speaker_code"] is None and q["speaker_name"] is None, q["start"])):
        by_article.setdefault(q["article_id"], []).append(q)
    picked: list[dict] = []
    while len(picked) < limit and any(by_article.values()):
        for queue in by_article.values():
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return sorted(picked, key=lambda q: (q["published"] or "", q["article_id"], q["start"]))


def _n(count: float | None, word: str) -> str:
    """"1 event", "2 events": a count with its noun in the right number."""
    return f"{count or 0} {word}{'' if count == 1 else 's'}"


def _totals(t: dict) -> str:
    return (f"{_n(t['events'], 'event')} in {_n(t['articles'], 'article')}; {_n(t['quotes'], 'quote')}; "
            f"{_n(t['new_actors'], 'new actor')}")


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _window_days(since: str | None, until: str | None) -> int:
    if not since:
        return 10**6
    end = _date.fromisoformat(until[:10]) if until else _date.today()
    return (end - _date.fromisoformat(since[:10])).days


def _is_web(url: str | None) -> bool:
    """Only http(s) addresses become links in the HTML report (never javascript:, data: or file:)."""
    return bool(url) and str(url).strip().lower().startswith(("http://", "https://"))
