"""Date phrases found in text and resolved (graph.extract.dates), without a pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from graph.extract.dates import DateMention, scan

THURSDAY = date(2026, 3, 12)


def one(text: str, published: date | None = THURSDAY) -> DateMention:
    found = scan(text, published)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


def iso(d: DateMention) -> str | None:
    return d.range.iso() if d.range else None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The summit opened on Tuesday, March 3, 2026.", "Tuesday, March 3, 2026"),
        ("Envoys met on Tuesday (March 3, 2026) in Accra.", "Tuesday (March 3, 2026"),
        ("The envoys met 3 Mar in Accra.", "3 Mar"),
        ("The envoys met on Mar. 3 in Accra.", "Mar. 3"),
        ("The envoys met on March 3rd in Accra.", "March 3rd"),
        ("The envoys met on the 3rd of March in Accra.", "3rd of March"),
        ("The envoys met on 2026-03-03 in Accra.", "2026-03-03"),
        ("Signed this 3rd day of March, 2026, in Accra.", "3rd day of March, 2026"),
    ],
)
def test_explicit_dates_in_common_formats(text: str, phrase: str) -> None:
    d = one(text)
    assert (d.text, iso(d)) == (phrase, "2026-03-03")


def test_weekdays_count_back_from_publication_and_forward_for_the_future() -> None:
    sunday = one("The ministers spoke on Sunday.")
    assert (iso(sunday), sunday.reading("past").iso(), sunday.reading("future").iso()) == (
        "2026-03-08",
        "2026-03-08",
        "2026-03-15",
    )
    assert iso(one("They spoke on Thursday.")) == "2026-03-12"  # the day of publication itself
    assert iso(one("They spoke last Thursday.")) == "2026-03-05"
    assert iso(one("They speak next Tuesday.")) == "2026-03-17"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met last week.", "2026-03-02/2026-03-08"),
        ("They met last month.", "2026-02"),
        ("They met earlier this year.", "2026-01-01/2026-03-12"),
        ("They met three days ago.", "2026-03-09"),
        ("They met yesterday.", "2026-03-11"),
        ("They spoke last night.", "2026-03-11"),
        ("They spoke last evening.", "2026-03-11"),
        ("They spoke this morning.", "2026-03-12"),
        ("They met over the weekend.", "2026-03-07/2026-03-08"),
        ("Drones struck the port overnight.", "2026-03-11/2026-03-12"),
    ],
)
def test_relative_periods(text: str, expected: str) -> None:
    assert iso(one(text)) == expected


def test_the_weekend_of_a_weekend_article_is_its_own() -> None:
    sunday = scan("They met over the weekend.", date(2026, 3, 15))
    assert [(str(d.range.earliest), str(d.range.latest)) for d in sunday if d.range] == [("2026-03-14", "2026-03-15")]


def test_a_month_without_a_year_takes_it_from_the_publication_date_and_the_tense() -> None:
    assert iso(one("They met in March.", date(2026, 5, 2))) == "2026-03"
    december = one("They signed a deal in December.", date(2026, 7, 10))
    assert iso(december) == "2026-12"  # the closest December, if nothing says when
    assert december.reading("past").iso() == "2025-12"
    february = one("They will sign a deal in February.", date(2026, 7, 10))
    assert (iso(february), february.reading("future").iso()) == ("2026-02", "2027-02")


def test_without_a_publication_date_a_partial_date_takes_the_year_of_the_text() -> None:
    found = scan("The treaty was signed on May 4, 2019. In March, talks resumed.", None)
    assert [(d.text, iso(d)) for d in found] == [("May 4, 2019", "2019-05-04"), ("March", "2019-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks ran from March 6 to 10.", "2026-03-06/2026-03-10"),
        ("Talks ran 6-10 March.", "2026-03-06/2026-03-10"),
        ("Talks ran between March 6 and 10.", "2026-03-06/2026-03-10"),
        ("Talks ran from June 28 to July 2, 2025.", "2025-06-28/2025-07-02"),
        ("Rounds were held between 2019 and 2021.", "2019-01-01/2021-12-31"),
    ],
)
def test_ranges(text: str, expected: str) -> None:
    assert iso(one(text)) == expected


def test_a_range_that_ends_before_it_starts_is_no_range() -> None:
    assert all("/" not in (iso(d) or "") for d in scan("Talks ran from March 10 to 6.", THURSDAY))


@pytest.mark.parametrize(
    "text",
    [
        " date 2026-03-04 Kenya expelled two envoys.",
        "Kenya expels envoys\nWednesday, March 4, 2026\nKenya expelled two envoys.",
        "Kenya expels envoys\nMarch 4, 2026 09:30 GMT\nKenya expelled two envoys.",
        "NAIROBI, March 4, 2026 (AFP) - Kenya expelled two envoys.",
    ],
)
def test_the_articles_own_date_is_a_dateline(text: str) -> None:
    found = scan(text, None)
    assert [(d.dateline, iso(d)) for d in found] == [(True, "2026-03-04")]


def test_a_date_in_a_sentence_is_no_dateline() -> None:
    assert not one("Kenya expelled two envoys on March 4, 2026.", None).dateline


def test_a_dateline_anchors_relative_dates_when_the_publication_date_is_unknown() -> None:
    found = scan("NAIROBI, March 4, 2026 (AFP) - Kenya expelled two envoys yesterday.", None)
    assert [iso(d) for d in found] == ["2026-03-04", "2026-03-03"]


def test_without_a_publication_date_the_latest_full_day_anchors_weekdays() -> None:
    text = "The presidents met on Thursday night.\nSigned this 5th day of March, 2026."
    assert [iso(d) for d in scan(text, None)] == ["2026-03-05", "2026-03-05"]


def test_a_full_day_in_quotes_or_older_than_other_dates_anchors_no_weekday() -> None:
    quoted = scan('He said: "we met on March 5, 2026." On Thursday they talked again.', None)
    assert [d.text for d in quoted if d.range is None] == ["Thursday"]
    older = scan("They met on Monday. The pact of March 5, 2024 was renewed in May 2026.", None)
    assert [d.text for d in older if d.range is None] == ["Monday"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The next day, Uganda replied.", 1),
        ("The following morning, Uganda replied.", 1),
        ("Two days later, Uganda replied.", 2),
        ("A week later, Uganda replied.", 7),
        ("Earlier that day, Uganda replied.", 0),
        ("The previous day, Uganda replied.", -1),
    ],
)
def test_narrative_dates_count_from_the_previous_event(text: str, days: int) -> None:
    d = one(text)
    assert (d.after, d.range) == (days, None)


def test_names_with_today_are_no_dates() -> None:
    assert scan("USA Today reported the visit. [World Today] Talks open.", THURSDAY) == []
    assert iso(one("Today, Kenya recalled its envoy.")) == "2026-03-12"
