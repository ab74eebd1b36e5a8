"""Tests for sitrep.corpus.merge's further mentions (rule 7): a definite or possessive event noun that
names again an event its article reported before joins that event, whatever its own sentence's date.
Sentences are written for these tests, not taken from gold."""

from __future__ import annotations

import json

import pytest

from sitrep import api
from sitrep.api import code_text
from sitrep.corpus.merge import MentionRow, explain_merge, merge_events
from sitrep.store import Store

VERB = "visit -> 042"
DEFINITE = "definite noun visit -> 042"


def _row(mention_id: str, *, article: str = "a1", source: str | None = "FRAGOV", target: str | None = "CHNGOV",
         root: str = "04", code: str = "042", date: str | None = "2024-03-04", precision: str = "day",
         pattern: str = VERB, start: int = 0, story: str | None = None, evidence: str | None = None) -> MentionRow:
    return MentionRow(mention_id, article, story, "outlet", source, target, root, code, date, precision, None, 0.7,
                      evidence=evidence or f"sentence {mention_id}", pattern=pattern, sentence_start=start)


def _together(ids: dict[str, str], a: str, b: str) -> bool:
    return ids[a] == ids[b]


def test_merge_fold_a_definite_noun_joins_the_earlier_mention_though_its_date_differs() -> None:
    rows = [_row("verb", start=0), _row("noun", pattern=DEFINITE, date="1989-06-04", start=400)]
    assert _together(merge_events(rows), "verb", "noun")


def test_merge_fold_an_indefinite_noun_with_another_date_stays_apart() -> None:
    rows = [_row("verb", start=0), _row("noun", pattern="noun visit -> 042", date="2024-02-10", start=400)]
    assert not _together(merge_events(rows), "verb", "noun")


def test_merge_fold_a_definite_noun_before_any_mention_stays_apart() -> None:
    # "The visit" in the lead, a visit on another day reported after it: nothing named it before
    rows = [_row("noun", pattern=DEFINITE, date="2024-02-10", start=0), _row("verb", start=400)]
    assert not _together(merge_events(rows), "verb", "noun")


@pytest.mark.parametrize("other", [
    {"target": "JPNGOV"},  # another pair of countries
    {"root": "03", "code": "036"},  # another root (an intent to visit)
    {"article": "a2"},  # another article
])
def test_merge_fold_needs_the_same_countries_root_and_article(other: dict) -> None:
    rows = [_row("verb", start=0, **other), _row("noun", pattern=DEFINITE, date="2024-02-10", start=400)]
    assert not _together(merge_events(rows), "verb", "noun")


def test_merge_fold_sectors_need_not_agree() -> None:
    # one minister read as his government, then as the military: the noun names the same visit
    rows = [_row("verb", source="FRAMIL", start=0), _row("noun", pattern=DEFINITE, date="2024-02-10", start=400)]
    assert _together(merge_events(rows), "verb", "noun")


def test_merge_fold_the_nearest_earlier_mention_is_named() -> None:
    rows = [_row("march", date="2024-03-04", start=0), _row("june", date="2024-06-10", start=200),
            _row("noun", pattern=DEFINITE, date="2024-01-01", start=400)]
    ids = merge_events(rows)
    assert not _together(ids, "march", "june")
    assert _together(ids, "june", "noun")


def test_merge_fold_a_host_side_goes_to_the_earlier_host_side_or_else_to_the_visit() -> None:
    host = f"{DEFINITE} (reciprocal)"
    both = [_row("visit", start=0), _row("hosted", source="CHNGOV", target="FRAGOV", code="043", start=0),
            _row("noun", source="CHNGOV", target="FRAGOV", code="043", pattern=host, date="2024-02-10", start=400)]
    ids = merge_events(both)
    assert _together(ids, "hosted", "noun") and not _together(ids, "visit", "noun")
    one_way = [_row("visit", start=0),
               _row("noun", source="CHNGOV", target="FRAGOV", code="043", pattern=host, date="2024-02-10", start=400)]
    assert _together(merge_events(one_way), "visit", "noun")
    # a forward noun never takes the reversed pair: only the host's side of a visit is the same event
    forward = [_row("visit", source="CHNGOV", target="FRAGOV", start=0),
               _row("noun", pattern=DEFINITE, date="2024-02-10", start=400)]
    assert not _together(merge_events(forward), "visit", "noun")


def test_merge_fold_is_decided_within_an_article_so_any_set_of_whole_articles_agrees() -> None:
    a1 = [_row("verb", start=0), _row("noun", pattern=DEFINITE, date="2024-02-10", start=400)]
    a2 = [_row("other", article="a2", date="2024-02-10", start=0),
          _row("other-noun", article="a2", pattern=DEFINITE, date="2024-02-11", start=300)]
    alone, together = merge_events(a1), merge_events(a1 + a2)
    assert _together(alone, "verb", "noun") and _together(together, "verb", "noun")
    assert _together(together, "other", "other-noun") and not _together(together, "noun", "other")


def test_merge_fold_a_copy_without_the_earlier_sentence_keeps_the_noun_as_its_own_mention() -> None:
    noun = "Millon's landmark visit is the first by a French minister since 1989."
    rows = [_row("verb", story="s", start=0),
            _row("noun", story="s", pattern=DEFINITE, date="2024-02-10", start=400, evidence=noun),
            _row("copy-noun", article="a2", story="s", pattern=DEFINITE, date="2024-02-10", start=0, evidence=noun)]
    ids = merge_events(rows)
    assert _together(ids, "verb", "noun")
    assert "copy-noun" in ids  # mapped, not dropped: the copy still reports the visit


def test_merge_fold_explain_merge_names_the_earlier_mention() -> None:
    rows = [_row("verb", start=0), _row("noun", pattern=DEFINITE, date="1989-06-04", start=400)]
    lines = explain_merge(rows, merge_events(rows)["verb"])
    assert any(line.startswith("noun is a further mention") and "of verb" in line for line in lines)


# -- end to end: the coder marks the noun, the merge folds it ---------------------------------------


@pytest.mark.parametrize("text, definite", [
    ("Millon's visit to China is the first by a French minister since 1989.", True),
    ("The visit to China by Millon is the first since 1989.", True),
    ("Millon will start a visit to China next week.", False),
])
def test_merge_fold_the_coder_marks_a_definite_or_possessive_event_noun(text: str, definite: bool) -> None:
    nouns = [e for e in code_text(text, published="2024-03-06") if e.trigger == "visit"]
    assert nouns and all(e.pattern.startswith("definite noun ") == definite for e in nouns)


def test_merge_fold_an_article_that_names_its_visit_again_stores_one_visit(tmp_path) -> None:
    text = ("BEIJING, March 6 (AFP)\n\nFrench Defence Minister Charles Millon arrived in Beijing on Monday "
            "for a visit to China.\n\nThe minister met Chinese officials on Tuesday.\n\n"
            "Millon's landmark visit to China is the first by a French defence minister since June 4, 1989.\n")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "fold-1", "published": "2024-03-06", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "fold.duckdb"
    api.ingest([str(src)], db=str(db))
    con = Store(str(db)).con
    mentions = con.execute("SELECT count(*) FROM mentions WHERE root = '04' AND source_country = 'FRA' "
                           "AND target_country = 'CHN' AND counted").fetchone()[0]
    events = con.execute("SELECT date FROM events WHERE root = '04' AND source_country = 'FRA' "
                         "AND target_country = 'CHN' AND counted").fetchall()
    assert mentions >= 2  # both sentences still code the visit
    assert len(events) == 1 and events[0][0] != "1989-06-04"
