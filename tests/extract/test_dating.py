"""Which date each extracted event gets (graph.extract.dating), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from graph.extract import extract
from graph.extract.jsonout import extraction_to_dict
from graph.model import Article, Event, Modality, Precision

from .conftest import View, run

WEDNESDAY = date(2026, 1, 21)
FRIDAY = date(2026, 3, 20)


def dated(v: View, root: str) -> list[str | None]:
    """The dates of the events of a CAMEO root, in text order."""
    events = sorted(v.events(root), key=lambda e: e.evidence.start if e.evidence and e.evidence.start else 0)
    return [e.date.iso() if e.date else None for e in events]


def only(v: View, root: str) -> Event:
    events = v.events(root)
    assert len(events) == 1, events
    return events[0]


def test_a_weekday_is_the_last_one_before_publication_unless_the_event_is_still_to_come() -> None:
    assert dated(run("Kenya's president met Uganda's president on Sunday.", WEDNESDAY), "040") == ["2026-01-18"]
    planned = only(run("Kenya's president will meet Uganda's president on Sunday.", WEDNESDAY), "040")
    assert planned.modality is Modality.PLANNED and planned.date is not None and planned.date.iso() == "2026-01-25"


def test_a_month_without_a_year_follows_the_tense() -> None:
    july = date(2026, 7, 10)
    assert dated(run("Kenya and Uganda signed a border deal in December.", july), "057") == ["2025-12"]
    assert dated(run("Kenya and Uganda signed a border deal in March.", july), "057") == ["2026-03"]


def test_a_range_dates_the_talks() -> None:
    v = run("Kenya and Uganda held talks in Nairobi from March 3 to 5.", FRIDAY)
    assert dated(v, "04") == ["2026-03-03/2026-03-05"]


def test_an_event_without_a_date_phrase_takes_the_time_of_the_sentence_before() -> None:
    v = run("Kenya's president arrived in Kampala on March 3. Uganda praised Kenya for its support.", FRIDAY)
    assert dated(v, "051") == ["2026-03-03"]


def test_the_next_day_counts_from_the_previous_dated_event() -> None:
    v = run(
        "Kenya expelled two Ugandan diplomats on March 3. The next day, Uganda expelled three Kenyan diplomats.", FRIDAY
    )
    assert dated(v, "161") == ["2026-03-03", "2026-03-04"]
    v = run(
        "Kenya expelled two Ugandan diplomats on March 3. Two days later, Uganda expelled three Kenyan diplomats.",
        FRIDAY,
    )
    assert dated(v, "161") == ["2026-03-03", "2026-03-05"]


def test_the_following_day_counts_from_a_day_named_earlier_in_its_sentence() -> None:
    v = run(
        "Kenya expelled a Ugandan diplomat on March 2. The row went on after Uganda closed its border on March 10, "
        "and the Kenyan envoy was summoned to the foreign ministry in Kampala the following day.",
        FRIDAY,
    )
    assert dated(v, "111") == ["2026-03-11"]


def test_the_talks_named_again_are_the_talks_dated_before() -> None:
    v = run("Kenya and Uganda opened talks in Nairobi on March 3.\n\nTanzania's president hosted the talks.", FRIDAY)
    assert dated(v, "045") == ["2026-03-03"]


def test_the_lead_takes_the_day_the_story_gives() -> None:
    text = (
        "Kenya has expelled Uganda's ambassador, the foreign ministry said.\n"
        "The foreign minister announced the decision late on Tuesday in Nairobi."
    )
    assert dated(run(text, FRIDAY), "161") == ["2026-03-17"]


def test_no_date_is_inherited_by_an_ongoing_state_or_a_past_perfect() -> None:
    v = run("On March 3 Kenya expelled Uganda's ambassador. Uganda is investigating Kenya's spies.", FRIDAY)
    probe = only(v, "090")
    assert probe.date is not None and probe.date.precision is Precision.UNKNOWN
    v = run("Kenya had criticised Uganda for years. On March 3 Kenya expelled Uganda's ambassador.", FRIDAY)
    criticism = only(v, "111")
    assert criticism.date is not None and criticism.date.precision is Precision.UNKNOWN


def test_a_deadline_is_not_the_date_of_the_act() -> None:
    v = run("Kenya expelled Uganda's ambassador and ordered him to leave by Friday.", date(2026, 3, 16))
    expulsion = only(v, "161")
    assert expulsion.date is not None and expulsion.date.precision is Precision.UNKNOWN


def test_undated_events_get_a_window_up_to_the_article_or_from_it() -> None:
    v = run("Kenya criticised Uganda. Kenya will host Uganda's president.", FRIDAY)
    criticism, visit = only(v, "111"), next(e for e in v.events("043") if e.modality is Modality.PLANNED)
    assert criticism.date is not None and visit.date is not None
    assert (criticism.date.precision, criticism.date.latest) == (Precision.UNKNOWN, FRIDAY)
    assert criticism.date.earliest <= date(2025, 3, 20)
    assert (visit.date.precision, visit.date.earliest) == (Precision.UNKNOWN, FRIDAY)
    assert visit.date.latest >= date(2027, 3, 20)


def test_without_any_date_in_or_on_the_article_an_event_stays_undated() -> None:
    assert dated(run("Kenya criticised Uganda.", None), "111") == [None]


def test_a_window_in_the_json_output() -> None:
    ex = extract(Article(text="Kenya criticised Uganda.", published=FRIDAY, id="w1"))
    event = extraction_to_dict(ex)["events"][0]
    assert event["date"] == "2025-03-20/2026-03-20"
    assert (event["date_precision"], event["date_earliest"], event["date_latest"]) == (
        "unknown",
        "2025-03-20",
        "2026-03-20",
    )


def test_the_datelines_day_anchors_but_dates_no_event() -> None:
    assert dated(run(" date 2026-01-20 Kenya criticised Uganda yesterday.", None), "111") == ["2026-01-19"]
    criticism = only(run(" date 2026-01-20 Kenya criticised Uganda.", date(2026, 1, 20)), "111")
    assert criticism.date is not None and criticism.date.precision is Precision.UNKNOWN


def test_without_a_publication_date_a_weekday_takes_the_day_the_text_gives() -> None:
    text = "Kenya's president met Uganda's president on Thursday night.\nSigned this 15th day of January, 2026."
    assert dated(run(text, None), "040") == ["2026-01-15"]


def test_the_date_of_a_light_verb_dates_the_event_noun_it_carries() -> None:
    v = run("Kenya's president and Uganda's president held a phone call on Tuesday to discuss trade.", FRIDAY)
    assert dated(v, "041") == ["2026-03-17"]


def test_a_date_of_another_occasion_or_another_clause_is_not_the_events() -> None:
    v = run(
        "Kenya's president and Uganda's president held a phone call on Tuesday. It was their first call "
        "since their summit meeting in Nairobi last November.",
        FRIDAY,
    )
    assert dated(v, "041") == ["2026-03-17"]
    v = run(
        "Kenya's president and Uganda's president held a phone call on Tuesday. It was the first call between "
        "the two leaders since they met in Nairobi in November.",
        FRIDAY,
    )
    assert dated(v, "041") == ["2026-03-17"]


def test_of_two_dates_on_one_verb_the_nearer_one_wins() -> None:
    v = run(
        "Kenya's foreign ministry on Monday summoned Uganda's ambassador in protest against the treatment of "
        "its diplomats at a border post near Busia last week, according to a statement.",
        FRIDAY,
    )
    assert dated(v, "111") == ["2026-03-16"]


def test_the_same_act_told_again_a_month_or_more_apart_is_another_act() -> None:
    v = run(
        "Chinese President Xi Jinping warned Joe Biden against playing with fire in a phone call that lasted "
        "two hours on Thursday. Last November, he also warned the US president in a virtual summit.",
        date(2022, 7, 29),
    )
    warnings = sorted(str(e.date.earliest) for e in v.events("13") if e.date)
    assert warnings == ["2021-11-01", "2022-07-28"]
