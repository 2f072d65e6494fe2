"""Event filters (graph.queries.filters): one rule for Relation records and for EventParts."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.queries.api import KnowledgeGraph, example
from graph.queries.filters import by_date, event_filter, keep, keep_parts, parts_by_date
from graph.queries.records import Relation

FILTERS = [
    {},
    {"include_planned": True},
    {"since": "2026-01", "until": "2026-01-31"},
    {"since": "2026-01-05"},
    {"types": ["13"]},
    {"types": "04", "include_planned": True},
    {"modality": "planned"},
    {"modality": ["denied", "mod:asserted"]},
]


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return example()


@pytest.mark.parametrize("filters", FILTERS)
def test_parts_are_kept_exactly_as_the_records_are(kg: KnowledgeGraph, filters: dict[str, object]) -> None:
    from graph.queries.filters import period_bounds

    rows = kg._fetch.events(None, evidence=False)
    lo, hi = period_bounds(filters.get("since"), filters.get("until"))  # type: ignore[arg-type]
    args = (lo, hi, filters.get("types"), filters.get("modality"), bool(filters.get("include_planned")))
    kept = keep(rows, *args)  # type: ignore[arg-type]
    kept_parts = keep_parts([r.parts() for r in rows], *args)  # type: ignore[arg-type]
    assert [p[0] for p in kept_parts] == [r.event for r in kept]
    assert kept_parts  # the seed has events of each kind asked for


def test_the_filters_narrow_the_seed_as_an_analyst_expects(kg: KnowledgeGraph) -> None:
    rows = kg._fetch.events(None, evidence=False)
    everything = keep(rows, None, None, None, None, True)
    happened = keep(rows, None, None, None, None, False)
    planned = keep(rows, None, None, None, "planned", False)
    assert len(everything) == len(rows) and planned
    assert {r.event for r in happened} == {r.event for r in everything} - {r.event for r in planned if not r.happened}
    assert all(r.cameo and r.cameo.startswith("13") for r in keep(rows, None, None, ["13"], None, True))


def test_a_window_outside_the_period_or_unknown_fails_once_a_bound_is_set() -> None:
    passes = event_filter(dt.date(2026, 1, 1), dt.date(2026, 1, 31), None, None, True)
    assert passes(dt.date(2026, 1, 3), dt.date(2026, 1, 3), "042", ("asserted",))
    assert not passes(dt.date(2025, 12, 30), dt.date(2026, 1, 3), "042", ("asserted",))
    assert not passes(None, None, "042", ("asserted",))
    assert event_filter(None, None, None, None, True)(None, None, None, ())


def test_parts_sort_by_date_as_records_do(kg: KnowledgeGraph) -> None:
    rows: list[Relation] = kg._fetch.events(None, evidence=False)
    assert [r.event for r in sorted(rows, key=by_date)] == [
        p[0] for p in sorted((r.parts() for r in rows), key=parts_by_date)
    ]
    assert Relation.of_parts(rows[0].parts()) == rows[0]
