"""Reading inputs: metadata sidecars, JSONL, HTML, and bad input reported without stopping the batch."""

from __future__ import annotations

import json

from sitrep.text.read import Article, Rejected, article_from_text, iter_articles


def _split(items):
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejected)]


def test_read_folder_uses_sidecar_metadata(examples):
    articles, rejected = _split(list(iter_articles([examples])))
    assert rejected == []
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"tsf-2023-09-14", "eanp-2024-06-24"}
    assert by_id["tsf-2023-09-14"].published == "2023-09-14"
    assert by_id["eanp-2024-06-24"].outlet.startswith("East Africa News Post")


def test_read_plain_text_takes_published_from_option_or_file_name(tmp_path):
    (tmp_path / "note.txt").write_text("Japan condemned North Korea.", encoding="utf-8")
    (tmp_path / "wire-2021-03-04.txt").write_text("Iran warned Israel.", encoding="utf-8")
    articles, _ = _split(list(iter_articles([tmp_path], published="2020-01-02")))
    dates = {a.id: a.published for a in articles}
    assert dates == {"note": "2020-01-02", "wire-2021-03-04": "2021-03-04"}


def test_read_bad_inputs_are_rejected_with_reasons_and_the_rest_is_read(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "latin.txt").write_bytes("Le président a visité Pékin.".encode("cp1252"))
    (tmp_path / "good.txt").write_text("Japan condemned North Korea.", encoding="utf-8")
    lines = [json.dumps({"id": "j1", "text": "Russia met China.", "published": "2024-01-01"}), '{"id": "j2", "text": "cut']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, rejected = _split(list(iter_articles([tmp_path, tmp_path / "missing.txt"])))
    assert sorted(a.id for a in articles) == ["good", "j1", "latin"]
    reasons = {r.path.split("/")[-1]: r.reason for r in rejected}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "half-written" in reasons["feed.jsonl:2"]
    assert "no such file" in reasons["missing.txt"]
    latin = next(a for a in articles if a.id == "latin")
    assert "président" in latin.text and latin.warnings


def test_read_huge_file_is_rejected_not_truncated(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    _, rejected = _split(list(iter_articles([tmp_path / "big.txt"], max_bytes=100)))
    assert rejected and "limit" in rejected[0].reason


def test_read_html_extracts_the_article(tmp_path):
    body = "<p>" + "The foreign minister of Japan condemned the missile launch by North Korea on Monday. " * 5 + "</p>"
    (tmp_path / "page.html").write_text(f"<html><body><nav>Home | News</nav><article>{body}</article></body></html>", encoding="utf-8")
    articles, rejected = _split(list(iter_articles([tmp_path], published="2024-01-01")))
    assert rejected == [] and "condemned the missile launch" in articles[0].text
    assert "Home | News" not in articles[0].text


def test_read_content_hash_changes_with_text():
    a = article_from_text("Japan condemned North Korea.", id="x", published="2024-01-01")
    b = article_from_text("Japan praised North Korea.", id="x", published="2024-01-01")
    assert a.content_hash != b.content_hash
    assert a.content_hash == article_from_text("Japan condemned North Korea.", id="x", published="2024-01-01").content_hash
