"""Tests for sitrep.text.clean: debris blanked in place, captions apart, content untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.text.clean import clean

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EANP = EXAMPLES / "eanp-2024-06-24-trilateral-statement.txt"
TSF = EXAMPLES / "tsf-2023-09-14-putin-kim-summit.txt"

# Written by hand from reading the two articles: every stretch a reader would call debris.
EANP_EXPECTED = [
    ("debris", "East Africa News Post"),
    ("debris", "Complete News World"),
    ("debris", "The United States, Japan, and South Korea condemned the military agreement between Putin and Kim Jong Un"),
    ("caption", ("From left to right: Japanese Defense Minister Kihara Minoru, US Defense Secretary Lloyd Austin, "
     "and South Korean Defense Minister Shin Won-sik.")),
    ("debris", "EFE/EPA/Kev Hui Yeung"),
    ("caption", ("Russian President Vladimir Putin toasts North Korean leader Kim Jong Un during the Russian "
     "leader’s recent visit to Pyongyang.")),
    ("debris", "EFE/EPA/Vladimir Smirnov/Sputnik/Kremlin Bull"),
    ("caption", ("Russian President Vladimir Putin, left, and North Korean leader Kim Jong Un pose for a photo at a "
     "signing ceremony for the new agreement, in Pyongyang, North Korea, Wednesday, June 19, 2024.")),
    ("debris", "(Kristina Kormilitsyna, Sputnik, Kremlin Complex photo via AP)"),
    ("caption", "Chinese President Xi Jinping in a file photo."),
    ("debris", "EFE/EPA/Sergey Bobylev/Sputnik/Kremlin Basin"),
    ("debris", "(With information from EFE)"),
]
TSF_EXPECTED = [
    ("debris", "Yonhap News. ."),
    ("debris", "Source: TSF"),
]


@pytest.mark.parametrize(("path", "expected"), [(EANP, EANP_EXPECTED), (TSF, TSF_EXPECTED)])
def test_clean_removes_every_debris_line_of_the_examples(path: Path, expected: list[tuple[str, str]]) -> None:
    raw = path.read_text(encoding="utf-8")
    cleaned = clean(raw)
    assert [(r.kind, r.text) for r in cleaned.removed] == expected
    for r in cleaned.removed:
        assert raw[r.start : r.end] == r.text


@pytest.mark.parametrize("path", [EANP, TSF])
def test_clean_keeps_offsets_and_every_content_sentence(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    cleaned = clean(raw)
    assert len(cleaned.text) == len(raw)
    kept = [i for i, ch in enumerate(cleaned.text) if not ch.isspace()]
    assert all(cleaned.text[i] == raw[i] for i in kept)
    # Every content sentence survives verbatim at its raw offset.
    removed_spans = [(r.start, r.end) for r in cleaned.removed]
    for sentence in ("South Korea, Japan and the United States published a statement on Monday",
                     "Use in Ukraine.", "With North Korean leader Kim Jong Un.", "according to the agency.",
                     "Japan warned of the risk of violating UN sanctions", "For China.", "Ukraine."):
        if sentence not in raw:
            continue
        at = raw.index(sentence)
        assert cleaned.text[at : at + len(sentence)] == sentence
        assert not any(s < at + len(sentence) and at < e for s, e in removed_spans)


def test_clean_keeps_the_headline_and_drops_its_repeat() -> None:
    raw = ("Daily Wire Post\n\nKim Visits Russia\n\nKim Visits Russia\n\n"
           "North Korean leader Kim Jong Un arrived in Russia on Tuesday for talks.\n")
    cleaned = clean(raw)
    assert [r.text for r in cleaned.removed] == ["Daily Wire Post", "Kim Visits Russia"]
    assert cleaned.removed[1].start == raw.rindex("Kim Visits Russia")
    assert cleaned.text.startswith(" " * len("Daily Wire Post") + "\n\nKim Visits Russia")


def test_clean_blanks_glued_wire_attribution_but_keeps_the_next_text() -> None:
    raw = "Talks ended without a deal on Friday, officials said.(With information from EFE)Markets fell.\n"
    cleaned = clean(raw)
    assert [r.text for r in cleaned.removed] == ["(With information from EFE)"]
    assert cleaned.text.endswith("said." + " " * 27 + "Markets fell.\n")


def test_clean_reads_captions_apart_from_their_credit() -> None:
    raw = ("Ministers met in Seoul on Monday to discuss the crisis in detail.\n"
           "Police stand guard outside the ministry in Seoul, June 3, 2024. REUTERS/Kim Hong-Ji\n"
           "Officials said the talks would continue next week in Tokyo.\n")
    cleaned = clean(raw)
    assert [(c.text) for c in cleaned.captions] == ["Police stand guard outside the ministry in Seoul, June 3, 2024."]
    assert "REUTERS" not in cleaned.text


def test_clean_leaves_lookalikes_of_debris_in_content() -> None:
    raw = ("The AP/Ipsos poll found that most voters backed the plan, the survey showed.\n"
           "Advertisement spending rose 5% last year, the ministry said in a report.\n"
           "Source code of the program was leaked, according to the company and its lawyers.\n")
    assert clean(raw).removed == ()


def test_clean_is_idempotent_on_its_own_output() -> None:
    raw = EANP.read_text(encoding="utf-8")
    once = clean(raw)
    assert clean(once.text).text == once.text


def test_clean_credit_patterns_are_tried_only_on_tails_holding_their_mark() -> None:
    """Each credit pattern is skipped on a line whose tail lacks its mark, so every match holds it;
    and the four kinds of credit are still found."""
    from sitrep.text.clean import _CREDITS, _caption_split

    lines = ["Troops on parade in Pyongyang. (AP Photo/Ahn Young-joon)", "Talks in Seoul. REUTERS/Kim Hong-Ji",
             "A launch in the north. KCNA via REUTERS", "Flooded streets in Dhaka. Photo: Munir Uz Zaman"]
    for line in lines:
        assert _caption_split(line) is not None, line
        for pattern, needs in _CREDITS:
            for m in pattern.finditer(line):
                assert any(word in m.group() for word in needs), (pattern.pattern, m.group())
