"""Tests for sitrep.coder.derived.filing_place_only: a state that is only where a story was filed
makes no event between its own two sides. Sentences are written for these tests, not taken from gold."""

from __future__ import annotations

import pytest

from sitrep.api import code_text

BODY = ("{state} government plans to send more troops to Afghanistan, a news agency reported on Tuesday.\n\n"
        "Defence Minister Ola Nordmann confirmed the plan.\n\n"
        "\"Now we are discussing the matter with the other parties in parliament,\" Nordmann said.\n")


def _pairs(text: str) -> set[tuple]:
    return {(e.source_country, e.target_country, e.root) for e in code_text(text, published="2005-11-29") if e.counted}


def test_coder_filing_place_the_filing_state_is_not_the_story_state() -> None:
    text = "Norway to send troops\n\nSTOCKHOLM, Nov. 29 (Xinhua)\n\n" + BODY.format(state="The Norwegian")
    pairs = _pairs(text)
    assert ("NOR", "AFG", "03") in pairs  # the story's own event stays
    assert not any(s == t == "SWE" for s, t, _ in pairs)


@pytest.mark.parametrize("text", [
    "Sweden to send troops\n\nSTOCKHOLM, Nov. 29 (Xinhua)\n\n" + BODY.format(state="The Swedish"),  # named
    "Budget row\n\nMOSCOW, Nov. 29 (AFP)\n\nThe government criticised parliament on Tuesday over the budget.\n",
])
def test_coder_filing_place_a_named_or_only_state_keeps_its_own_events(text: str) -> None:
    # the state is named in the text, or no other state is: the dateline's country is the story's
    pairs = _pairs(text)
    assert any(s == t and s in ("SWE", "RUS") for s, t, _ in pairs)
