"""The verb lexicon: every row parses, names a real CAMEO code and a known target slot."""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.tables import cameo
from sitrep.tables.lexicon import Lexicon, default_lexicon


def test_lexicon_every_code_is_a_cameo_code():
    for frames in default_lexicon().frames.values():
        for frame in frames:
            assert frame.code == "-" or cameo.is_valid(frame.code), frame.label  # "-": a sense that is no event
            if frame.reverse:
                assert cameo.is_valid(frame.reverse), frame.label


def test_lexicon_preposition_alternatives_share_their_prefix():
    fly = default_lexicon().get("fly")[0]
    assert fly.target == ("prep:to", "prep:into")


def test_lexicon_user_rows_come_first_and_bad_rows_fail_clearly(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("lemma\tframe\tcode\ttarget\treverse\tconfidence\nsnub\t*\t120\tdobj\t-\t0.7\n", encoding="utf-8")
    assert Lexicon.load(extra=[extra]).get("snub")[0].code == "120"
    bad = tmp_path / "bad.tsv"
    bad.write_text("lemma\tframe\tcode\ttarget\treverse\tconfidence\nsnub\t*\t120\tnowhere\t-\t0.7\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="bad lexicon row"):
        Lexicon.load(extra=[bad])
