"""Hostile and odd inputs: nothing is read from outside its folder, odd encodings are text, and every
input that is not read says why (docs/reliability.md lists each case with its test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.text.read import Article, Rejected, article_from_text, iter_articles

TEXT = "Japan condemned North Korea on Monday."


def _read(*paths: Path) -> tuple[list[Article], dict[str, str]]:
    items = list(iter_articles(list(paths), published="2024-06-24"))
    articles = [i for i in items if isinstance(i, Article)]
    return articles, {r.path: r.reason for r in items if isinstance(r, Rejected)}


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../etc/hostname", "../outside.txt"])
def test_read_jsonl_file_outside_its_folder_is_rejected_with_its_line(tmp_path, target):
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "inside.txt").write_text(TEXT, encoding="utf-8")
    lines = [json.dumps({"id": "bad", "file": target}), json.dumps({"id": "good", "file": "inside.txt"})]
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, rejected = _read(folder / "feed.jsonl")
    assert [a.id for a in articles] == ["good"]
    reason = rejected[f"{folder / 'feed.jsonl'}:1"]
    assert "outside" in reason and "\n" not in reason


def test_read_jsonl_file_symlinked_outside_its_folder_is_rejected(tmp_path):
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "x", "file": "link.txt"}), encoding="utf-8")
    articles, rejected = _read(folder / "feed.jsonl")
    assert articles == [] and "outside" in rejected[f"{folder / 'feed.jsonl'}:1"]


def test_read_folder_symlink_outside_loop_and_pdf_are_reported_with_reasons(tmp_path):
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    articles, rejected = _read(folder)
    assert [a.id for a in articles] == ["good"]
    names = {Path(path).name: reason for path, reason in rejected.items()}
    assert "outside" in names["leak.txt"]
    assert "loop" in names["loop1.txt"] and "loop" in names["loop2.txt"]
    assert "skipped" in names["scan.pdf"] and ".pdf" in names["scan.pdf"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_read_text_with_a_byte_order_mark_is_text(tmp_path, codec):
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff", "utf-32-be": "\ufeff"}.get(codec, "")
    (tmp_path / "bom.txt").write_bytes((bom + TEXT).encode(codec))
    articles, rejected = _read(tmp_path / "bom.txt")
    assert rejected == {} and articles[0].text == TEXT


def test_read_nul_bytes_anywhere_are_replaced_keeping_offsets(tmp_path):
    text = "A" * 9000 + "\x00" + TEXT + "\x00"
    (tmp_path / "nul.txt").write_bytes(text.encode("utf-8"))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "inline", "text": TEXT + "\u0000 more"}), encoding="utf-8")
    articles, rejected = _read(tmp_path / "nul.txt", feed)
    assert rejected == {}
    by_id = {a.id: a for a in articles}
    assert "\x00" not in by_id["nul"].text and len(by_id["nul"].text) == len(text)
    assert by_id["nul"].text.index(TEXT) == text.index(TEXT)
    assert "NUL" in by_id["nul"].warnings[0] and "\x00" not in by_id["inline"].text


def test_read_binary_file_is_still_rejected_as_binary(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(32)) * 20)
    _, rejected = _read(tmp_path / "blob.txt")
    assert "binary" in rejected[str(tmp_path / "blob.txt")]


def test_read_text_over_the_parser_limit_is_read_whole(tmp_path):
    text = ("Japan condemned North Korea on Monday.\n\n" * 26_000)[:1_000_050]
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    articles, rejected = _read(tmp_path / "long.txt")
    assert rejected == {} and articles[0].text == text
    assert article_from_text(text).text == text


def test_analyse_text_over_max_length_is_parsed_in_parts_that_keep_offsets(monkeypatch):
    from sitrep.pipeline.batch import process_batch
    from sitrep.text import analyse

    pytest.importorskip(analyse.MODEL_PACKAGE)
    text = ("Japan condemned North Korea on Monday after the launch.\n\n"
            "South Korea warned the North on Tuesday in Seoul.\n\nRussia met China in Beijing on Wednesday.")
    monkeypatch.setattr(analyse.nlp(), "max_length", 60)  # three paragraphs, each under the limit
    doc, short = analyse.parse([text, "Iran warned Israel."])
    assert doc.text == text and short.text == "Iran warned Israel."
    assert [s.start_char for s in doc.sents] == [0, text.index("South"), text.index("Russia")]
    result = process_batch([article_from_text(text, published="2024-06-24")])[0]
    found = {(e.code, e.source_code, e.target_code, text[e.trigger_start:e.trigger_end]) for e in result.events}
    assert ("111", "JPN", "PRK", "condemned") in found and ("040", "RUS", "CHN", "met") in found
