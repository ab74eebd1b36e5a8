"""Tests for sitrep.situate.dates: anchoring relative time expressions on the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.situate.dates import (
    When,
    event_date,
    expression_type,
    find_dates,
    interval,
    is_historical,
    resolve,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TSF = "2023-09-14"  # a Thursday
EFE = "2024-06-24"  # a Monday


@pytest.fixture(scope="module")
def nlp():
    from sitrep.text.analyse import nlp as load

    return load()


def value(text: str, published: str, tense: str = "unknown") -> tuple[str | None, str]:
    when = resolve(text, published=published, tense=tense)
    assert when is not None, f"no time expression found in {text!r}"
    return when.value, when.precision


# --- resolution without a parse ----------------------------------------------------------------------


def test_dates_weekday_on_publication_weekday_is_that_day():
    assert value("on Thursday", TSF, "past") == ("2023-09-14", "day")
    assert value("on Thursday", TSF, "future") == ("2023-09-14", "day")


def test_dates_relative_weekday_resolves_before_publication_in_past_tense():
    assert value("on Wednesday", TSF, "past") == ("2023-09-13", "day")
    assert value("on Friday", TSF, "past") == ("2023-09-08", "day")


def test_dates_weekday_in_future_tense_resolves_after_publication():
    assert value("on Friday", TSF, "future") == ("2023-09-15", "day")
    assert value("on Wednesday", TSF, "future") == ("2023-09-20", "day")


def test_dates_weekday_of_unknown_tense_falls_on_or_before_publication():
    assert value("Tuesday", TSF) == ("2023-09-12", "day")


def test_dates_last_and_next_weekday_exclude_the_publication_day():
    assert value("last Thursday", TSF) == ("2023-09-07", "day")
    assert value("next Thursday", TSF) == ("2023-09-21", "day")
    assert value("last Monday", TSF) == ("2023-09-11", "day")


def test_dates_weekday_of_last_week_is_that_day_of_the_previous_iso_week():
    assert value("Friday of last week", EFE) == ("2024-06-21", "day")
    assert value("Wednesday last week", TSF) == ("2023-09-06", "day")


def test_dates_deictic_days_count_from_publication():
    assert value("today", EFE) == ("2024-06-24", "day")
    assert value("yesterday", EFE) == ("2024-06-23", "day")
    assert value("tomorrow", EFE) == ("2024-06-25", "day")
    assert value("last night", EFE) == ("2024-06-23", "day")
    assert value("the previous day", EFE) == ("2024-06-23", "day")
    assert value("the next day", EFE) == ("2024-06-25", "day")


def test_dates_last_week_is_the_previous_iso_week():
    assert value("last week", EFE) == ("2024-W25", "week")
    assert interval("2024-W25") == (interval("2024-06-17")[0], interval("2024-06-23")[0])
    assert value("next week", EFE) == ("2024-W27", "week")
    assert value("this week", TSF) == ("2023-W37", "week")


def test_dates_month_units_count_calendar_months():
    assert value("last month", "2024-01-10") == ("2023-12", "month")
    assert value("earlier this month", EFE) == ("2024-06", "month")
    assert value("next month", "2023-12-05") == ("2024-01", "month")
    assert value("last year", EFE) == ("2023", "year")
    assert value("later this year", EFE) == ("2024", "year")


def test_dates_month_name_takes_the_latest_past_month_in_past_tense():
    assert value("in May", EFE, "past") == ("2024-05", "month")
    assert value("in October", EFE, "past") == ("2023-10", "month")
    assert value("in June", EFE, "past") == ("2024-06", "month")


def test_dates_month_name_takes_the_next_month_in_future_tense():
    assert value("in May", EFE, "future") == ("2025-05", "month")
    assert value("in October", EFE, "future") == ("2024-10", "month")


def test_dates_month_name_of_unknown_tense_takes_the_nearest():
    assert value("in December", "2023-11-02") == ("2023-12", "month")
    assert value("in January", "2023-11-02") == ("2024-01", "month")
    assert value("in May", EFE) == ("2024-05", "month")


def test_dates_last_month_name_is_strictly_before_publication():
    assert value("last June", EFE) == ("2023-06", "month")
    assert value("last March", EFE) == ("2024-03", "month")


def test_dates_explicit_dates_keep_their_year():
    assert value("Wednesday, June 19, 2024", EFE) == ("2024-06-19", "day")
    assert value("Sept. 10, 1989", EFE) == ("1989-09-10", "day")
    assert value("3 March 2022", EFE) == ("2022-03-03", "day")
    assert value("2024-06-19", EFE) == ("2024-06-19", "day")
    assert value("11/02/89", EFE) == ("1989-11-02", "day")


def test_dates_day_and_month_without_year_follow_tense():
    assert value("March 3", EFE, "past") == ("2024-03-03", "day")
    assert value("March 3", EFE, "future") == ("2025-03-03", "day")
    assert value("July 4", EFE) == ("2024-07-04", "day")
    assert value("December 28", "2024-01-03") == ("2023-12-28", "day")


def test_dates_month_and_year_have_month_precision():
    assert value("June 2019", EFE) == ("2019-06", "month")
    assert value("in 2019", EFE) == ("2019", "year")


def test_dates_ago_counts_back_in_its_unit():
    assert value("two days ago", EFE) == ("2024-06-22", "day")
    assert value("three weeks ago", EFE) == ("2024-W23", "week")
    assert value("six months ago", EFE) == ("2023-12", "month")
    assert value("a year ago", EFE) == ("2023", "year")


def test_dates_relative_expression_without_publication_is_unknown():
    assert value("on Wednesday", None) == (None, "unknown")
    assert value("June 19, 2024", None) == ("2024-06-19", "day")


def test_dates_modal_may_and_plain_numbers_are_not_dates():
    assert resolve("may", published=EFE) is None
    assert expression_type("2019 troops") is None
    assert resolve("He may go.", published=EFE) is None


def test_dates_expression_type_names_the_pattern():
    assert expression_type("on Wednesday") == "weekday"
    assert expression_type("yesterday") == "deictic_day"
    assert expression_type("last week") == "last_next_unit"
    assert expression_type("in May") == "month_name"
    assert expression_type("June 19, 2024") == "explicit_date"
    assert expression_type("in 2019") == "year"
    assert expression_type("two years ago") == "ago"


def test_dates_historical_flag_uses_the_end_of_the_period():
    assert is_historical(When("2019-06", "month", "in June 2019"), published=EFE)
    assert is_historical(When("2019", "year", "in 2019"), published=EFE)
    assert not is_historical(When("2024-05", "month", "in May"), published=EFE)
    assert not is_historical(When("2024", "year", "this year"), published=EFE)
    assert not is_historical(When(EFE, "publication", None), published=EFE)
    assert is_historical(When("2024-03-01", "day", "March 1"), published=EFE, days=60)
    assert not is_historical(When("2024-03-01", "day", "March 1"), published=EFE, days=120)


# --- with the parse -----------------------------------------------------------------------------------


def _article(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def _found(doc, published: str) -> dict[str, tuple[str | None, str]]:
    return {w.text: (w.value, w.precision) for w in find_dates(doc, published=published)}


def test_dates_tsf_example_expressions(nlp):
    doc = nlp(_article("tsf-2023-09-14-putin-kim-summit.txt"))
    found = _found(doc, TSF)
    assert found["on Thursday"] == ("2023-09-14", "day")
    assert found["on Wednesday"] == ("2023-09-13", "day")
    assert found["Thursday"] == ("2023-09-14", "day")  # "the agency reported Thursday"
    for when in find_dates(doc, published=TSF):
        assert doc.text[when.start : when.end] == when.text


def test_dates_efe_example_expressions(nlp):
    doc = nlp(_article("eanp-2024-06-24-trilateral-statement.txt"))
    found = _found(doc, EFE)
    assert found["on Monday"] == ("2024-06-24", "day")
    assert found["last week"] == ("2024-W25", "week")
    assert found["in May"] == ("2024-05", "month")
    assert found["June 2019"] == ("2019-06", "month")
    assert found["in 2019"] == ("2019", "year")
    assert found["Wednesday, June 19, 2024"] == ("2024-06-19", "day")
    assert found["the previous day"] == ("2024-06-23", "day")
    assert found["today"] == ("2024-06-24", "day")


def test_dates_find_dates_reads_tense_from_the_clause(nlp):
    doc = nlp("The leaders will meet on Friday. The leaders met on Friday.")
    future, past = find_dates(doc, published=TSF)
    assert (future.value, past.value) == ("2023-09-15", "2023-09-08")
    doc = nlp("Blinken is scheduled to visit Cairo on Tuesday.")
    assert find_dates(doc, published=TSF)[0].value == "2023-09-19"


def test_dates_event_date_prefers_its_own_clause(nlp):
    doc = nlp(
        "Japan and South Korea expressed their concern on Thursday about a possible deal between "
        "Putin and Kim, who held an unusual meeting on Wednesday."
    )
    expressed = next(t for t in doc if t.text == "expressed")
    held = next(t for t in doc if t.text == "held")
    assert event_date(expressed, published=TSF).value == "2023-09-14"
    assert event_date(held, published=TSF).value == "2023-09-13"


def test_dates_event_date_inherits_the_reporting_clause_date(nlp):
    doc = nlp("Putin accepted the invitation to visit North Korea, the official news agency reported Thursday.")
    accepted = next(t for t in doc if t.text == "accepted")
    when = event_date(accepted, published=TSF)
    assert (when.value, when.precision, when.text) == ("2023-09-14", "day", "Thursday")


def test_dates_event_date_ignores_a_subordinate_clause_date(nlp):
    doc = nlp("The minister warned that the talks, which collapsed in 2019, could not resume.")
    warned = next(t for t in doc if t.text == "warned")
    assert event_date(warned, published=EFE).precision == "publication"


def test_dates_event_date_skips_bounding_expressions(nlp):
    doc = nlp("The two countries have cooperated since 2019.")
    verb = next(t for t in doc if t.text == "cooperated")
    assert event_date(verb, published=EFE).precision == "publication"


def test_dates_event_date_falls_back_to_context_then_publication(nlp):
    doc = nlp("The ministers signed the accord.")
    signed = next(t for t in doc if t.text == "signed")
    context = [When("2024-06-19", "day", "Wednesday, June 19, 2024", 0, 10)]
    assert event_date(signed, published=EFE, context=context).value == "2024-06-19"
    fallback = event_date(signed, published=EFE)
    assert (fallback.value, fallback.precision, fallback.text) == (EFE, "publication", None)
    assert event_date(signed, published=None) == When(None, "unknown", None)


def test_dates_modal_and_intention_send_weekdays_forward(nlp):
    published = "1997-04-19"  # a Saturday
    doc = nlp("Mobutu could meet Kabila in Cape Town, probably on Monday.")
    assert find_dates(doc, published=published)[0].value == "1997-04-21"
    doc = nlp("The two leaders agreed to meet on Tuesday.")
    assert find_dates(doc, published=published)[0].value == "1997-04-22"


def test_dates_scheduled_for_a_date_is_the_plan(nlp):
    doc = nlp("The visit, which had been set for June 7, was postponed.")
    assert find_dates(doc, published="1997-04-15")[0].value == "1997-06-07"


def test_dates_noun_dated_in_a_future_clause_is_future(nlp):
    doc = nlp("The minister will take part in a meeting on Tuesday of an international working group.")
    assert find_dates(doc, published="2005-12-04")[0].value == "2005-12-06"


def test_dates_day_and_month_beat_a_bare_month_in_an_overlap(nlp):
    doc = nlp("Officials agreed to meet in New York from May 12 for a new round of talks.")
    (when,) = find_dates(doc, published="1997-04-15")
    assert (when.value, when.precision, when.text) == ("1997-05-12", "day", "May 12")


def test_dates_open_ended_preposition_takes_the_nearest(nlp):
    doc = nlp("The bank extended the loans through January.")
    assert find_dates(doc, published="1989-10-30")[0].value == "1990-01"


def test_dates_bare_years_need_a_date_reading(nlp):
    doc = nlp("Some 1500 protesters marched. Its 1990 earnings fell.")
    assert [w.text for w in find_dates(doc, published="1989-10-30")] == ["1990"]


def test_dates_verb_takes_its_adverbial_day_before_a_noun_s_day(nlp):
    doc = nlp("Kofi Annan on Tuesday lamented Monday's exchange of fire and called on Israel to exercise restraint.")
    called = next(t for t in doc if t.text == "called")
    assert event_date(called, published="2005-11-22").value == "2005-11-22"


def test_a_date_written_before_another_noun_is_that_nouns_time_not_the_events():
    from sitrep.api import code_text

    events = code_text("Protesters denounced a German court ruling accusing the Iranian government in the 1992 murder"
                       " of four dissidents.", published="1997-04-17")
    accusing = next(e for e in events if e.trigger == "accusing")
    assert accusing.date == "1997-04-17" and "historical" not in accusing.modality
    exchange = next(e for e in code_text("Annan on Tuesday lamented Monday's exchange of fire across the"
                                         " India-Pakistan border.", published="2024-03-06") if e.trigger == "exchange")
    assert exchange.date == "2024-03-04"


def test_dates_event_date_takes_the_first_day_of_a_from_to_range(nlp):
    doc = nlp("The premier will visit Laos from July 19 to 20, the ministry said.")
    visit = next(t for t in doc if t.text == "visit")
    assert event_date(visit, published=EFE).value == "2024-07-19"


def test_dates_event_date_of_a_trip_ahead_of_another_act_is_not_that_act_s(nlp):
    doc = nlp("Just ahead of the minister's trip, the ministry on Sunday issued a travel warning.")
    trip = next(t for t in doc if t.text == "trip")
    assert event_date(trip, published=EFE).precision == "publication"
    issued = next(t for t in doc if t.text == "issued")
    assert event_date(issued, published=EFE).value == "2024-06-23"


def test_dates_event_date_present_clause_takes_no_earlier_sentence_day(nlp):
    # a simple present, a present progressive or a present perfect is of the time of writing
    context = [When("2024-06-21", "day", "Friday", 0, 6)]
    for sentence, word in (("The company wants a new board.", "wants"),
                           ("A committee is evaluating the proposal.", "evaluating"),
                           ("Commitments from banks haven't been obtained.", "obtained")):
        verb = next(t for t in nlp(sentence) if t.text == word)
        assert event_date(verb, published=EFE, context=context).precision == "publication", sentence
    signed = next(t for t in nlp("The ministers signed the accord.") if t.text == "signed")
    assert event_date(signed, published=EFE, context=context).value == "2024-06-21"


def test_dates_event_date_past_clause_takes_no_later_context_day(nlp):
    said = next(t for t in nlp("The company said the move rewards shareholders.") if t.text == "said")
    later = [When("2024-07-17", "day", "July 17", 0, 7)]
    assert event_date(said, published=EFE, context=later).precision == "publication"


def test_dates_event_date_a_date_after_the_object_is_the_verbs(nlp):
    # the parse may hang "Aug. 9" on "ratification"; right after "effect" it cannot open that phrase
    doc = nlp("The so-called poison pill took effect Aug. 9 pending ratification by holders.")
    took = next(t for t in doc if t.text == "took")
    assert event_date(took, published="1989-10-26").value == "1989-08-09"
    doc = nlp("Germany lamented Monday's exchange of fire.")
    lamented = next(t for t in doc if t.text == "lamented")
    assert event_date(lamented, published=TSF).precision == "publication"


def test_dates_event_date_gerund_takes_the_tense_of_its_finite_clause(nlp):
    context = [When("2024-06-21", "day", "Friday", 0, 6)]
    doc = nlp("GM is close to completing a friendly deal with Jaguar.")
    completing = next(t for t in doc if t.text == "completing")
    assert event_date(completing, published=EFE, context=context).precision == "publication"
    doc = nlp("GM was close to completing a friendly deal with Jaguar.")
    completing = next(t for t in doc if t.text == "completing")
    assert event_date(completing, published=EFE, context=context).value == "2024-06-21"


def test_dates_event_date_present_subordinate_clause_keeps_no_date_from_above(nlp):
    doc = nlp("Carnival, which has three ships on order, presented claims in the court on Tuesday.")
    has = next(t for t in doc if t.text == "has")
    assert event_date(has, published=EFE).precision == "publication"
    doc = nlp("Ceasefire talks have stalled, officials said Friday.")
    stalled = next(t for t in doc if t.text == "stalled")
    assert event_date(stalled, published=EFE).precision == "publication"
    doc = nlp("Putin accepted the invitation, the agency reported Thursday.")
    accepted = next(t for t in doc if t.text == "accepted")
    assert event_date(accepted, published=TSF).value == "2023-09-14"


def test_dates_event_date_context_of_a_noun_modifier_is_not_the_storys(nlp):
    doc = nlp("Profit for the quarter ended March 31 rose. The company said it plans to buy shares.")
    said = next(t for t in doc if t.text == "said")
    quarter = find_dates(doc, published="1989-11-01")
    assert [w.value for w in quarter] == ["1989-03-31"]
    assert event_date(said, published="1989-11-01", context=quarter).precision == "publication"


def test_dates_timex_gates_are_implied_by_their_patterns():
    """Each pattern is skipped on a text without its gate, so every match of a pattern holds its gate."""
    from sitrep.situate.timex import _PATTERNS, matches

    samples = ["on Monday, June 3, 2024", "the 4th of July 2023", "2024-06-03 and 6/3/24", "in early March 2022",
               "Friday of last week", "last Tuesday evening", "late yesterday and this morning", "last night",
               "the day before", "a day earlier", "earlier this month and next year", "three weeks ago",
               "since mid-June", "in fiscal 2021", "TODAY", "Two Years Ago"]
    found = 0
    for text in samples:
        for _kind, pattern, gate in _PATTERNS:
            for m in pattern.finditer(text):
                assert gate.search(m.group()), (pattern.pattern, m.group())
                found += 1
        assert matches(text)
    assert found > len(samples)
