"""The agency an article credits as its origin (graph/extract/wire.py)."""

from __future__ import annotations

import pytest

from graph.extract.wire import wire_origin

BODY = " Officials met for two hours and agreed to talk again." * 20


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("OSLO (Reuters) - Norway expelled two Chilean diplomats." + BODY, "Reuters"),
        ("KINSHASA, June 27 (Xinhua) -- The DRC signed a deal." + BODY, "Xinhua"),
        ("By Associated Press\nWASHINGTON - The talks ended." + BODY, "AP"),
        ("The talks ended." + BODY + "\n(With inputs from PTI)", "PTI"),
        ("The talks ended." + BODY + " \u2014 AFP", "AFP"),
        ("Source: Anadolu Agency\nThe talks ended." + BODY, "Anadolu Agency"),
    ],
)
def test_a_credit_where_agencies_put_it_names_the_agency(text: str, agency: str) -> None:
    assert wire_origin(text) == agency


@pytest.mark.parametrize(
    "text",
    [
        "Norway expelled two diplomats, Reuters reported on Tuesday." + BODY,
        "The talks ended." + BODY[:400] + " An AFP photographer was there (AFP)." + BODY,  # mid-text: not a credit
        "The talks ended." + BODY,
    ],
)
def test_an_agency_named_in_passing_or_none_is_no_origin(text: str) -> None:
    assert wire_origin(text) is None
