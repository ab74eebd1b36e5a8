"""When and where: events of the examples carry their real day and their place with coordinates."""

from __future__ import annotations

import pytest

from sitrep.pipeline.batch import process_batch
from sitrep.text.read import Article, iter_articles

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def coded() -> dict[str, list]:
    articles = [a for a in iter_articles([EXAMPLES]) if isinstance(a, Article)]
    return {r.article.id: list(r.events) for r in process_batch(articles)}


def _find(events, source: str, target: str, root: str):
    return [e for e in events if e.source_country == source and e.target_country == target and e.root == root and e.counted]


def test_situate_meeting_without_own_date_takes_the_previous_sentence_day(coded):
    # "Kim Jong-un met with Vladimir Putin during a rare visit to Russia": the sentence before dates
    # the meeting "on Wednesday" in an article published Thursday 2023-09-14.
    met = [e for e in _find(coded["tsf-2023-09-14"], "PRK", "RUS", "04") if e.trigger == "met"]
    assert met and met[0].date == "2023-09-13" and met[0].date_precision == "day"


def test_situate_caption_day_sharpens_last_week(coded):
    visits = _find(coded["eanp-2024-06-24"], "RUS", "PRK", "04")
    assert visits and visits[0].date == "2024-06-19" and "caption" in visits[0].date_text


def test_situate_month_precision_and_city_place(coded):
    hosted = [e for e in _find(coded["eanp-2024-06-24"], "CHN", "RUS", "04") if e.trigger == "hosted"]
    assert hosted and hosted[0].date == "2024-05" and hosted[0].date_precision == "month"
    assert hosted[0].place_name == "Beijing" and hosted[0].place_precision == "city"
    assert hosted[0].lat == pytest.approx(39.9, abs=0.2) and hosted[0].lon == pytest.approx(116.4, abs=0.2)


def test_situate_every_place_has_coordinates_and_precision(coded):
    placed = [e for events in coded.values() for e in events if e.place_name]
    assert placed
    for event in placed:
        assert event.lat is not None and event.lon is not None
        assert event.place_precision in ("city", "region", "country")


def test_situate_place_of_another_clause_is_not_the_event_place(coded):
    # "... asked the Russian leader not to travel to Pyongyang": the request did not happen in Pyongyang
    asked = [e for e in coded["eanp-2024-06-24"] if e.trigger == "asked"]
    assert asked and all(e.place_name != "Pyongyang" for e in asked)


def test_situate_background_meeting_is_historical(coded):
    old = [e for e in coded["eanp-2024-06-24"] if e.date == "2019-06"]
    assert old and all("historical" in e.modality and not e.counted for e in old)


def test_situate_last_year_makes_an_act_historical():
    from sitrep.api import code_text
    events = [e for e in code_text("Last year, Venezuela criticized Colombia.", published="2024-03-06") if e.root == "11"]
    assert events and all("historical" in e.modality and not e.counted for e in events)


def test_situate_a_month_before_last_makes_an_act_historical_but_last_month_is_news():
    from sitrep.api import code_text
    early = code_text("In January, Venezuela criticized Colombia.", published="2024-03-06")
    recent = code_text("In February, Venezuela criticized Colombia.", published="2024-03-06")
    assert early and all("historical" in e.modality for e in early)
    assert recent and all("historical" not in e.modality for e in recent)


def test_situate_an_act_done_takes_no_date_after_publication():
    from sitrep.api import code_text
    done = code_text("Venezuela criticized Colombia on Friday, March 8, 2024.", published="2024-03-06")
    planned = code_text("Venezuela will criticize Colombia on March 8, 2024.", published="2024-03-06")
    assert done and all(e.date <= "2024-03-06" for e in done)
    assert planned and planned[0].date == "2024-03-08"


def test_situate_an_act_announced_for_the_future_takes_no_past_year():
    from sitrep.api import code_text

    events = [e for e in code_text("The IMF is to continue providing financial support to Russia despite its poor "
                                   "economic performance in 1996, Camdessus said.", published="1997-04-02")
              if e.target_country == "RUS"]
    assert events and all("historical" not in e.modality and e.date == "1997-04-02" for e in events)


def test_situate_arrived_here_is_a_visit_to_the_dateline_country():
    from sitrep.api import code_text

    events = code_text("Talks on reform\nMOSCOW, April 2 (AFP)\nIMF chief Michel Camdessus arrived here Monday "
                       "to finalise talks.", published="1997-04-02")
    assert [e for e in events if e.root == "04" and e.target_country == "RUS"]


def test_situate_a_sentence_about_others_does_not_date_the_next_act():
    from sitrep.api import code_text

    text = ("GAZA, Nov. 1 (Xinhua)\nPalestinian Prime Minister Ismail Haneya spoke to reporters in Gaza. "
            "On Monday evening, the Israeli Knesset approved a new coalition. "
            "Haneya also called on the Arab League to intervene.")
    events = [e for e in code_text(text, published="2006-11-01") if e.target_country == "IGO" and e.root == "02"]
    assert events and all(e.date == "2006-11-01" for e in events)
