"""The fact lookups' pure parts (graph/queries/facts.py): reports of one sanction designation read
as one designation."""

from __future__ import annotations

import datetime as dt

from graph.queries.facts import designations
from graph.queries.records import ActorRef, Sanction

USA, OFAC, TREASURY, TRUMP = (ActorRef(f"x:{n}", n) for n in ("usa", "ofac", "treasury", "trump"))
PETRO, RELATIVES = ActorRef("x:petro", "Gustavo Petro"), ActorRef("x:relatives", "relatives of Gustavo Petro")


def sanction(
    iri: str, imposer: ActorRef, target: ActorRef = PETRO, start: dt.date | None = dt.date(2025, 10, 24), **more: object
) -> Sanction:
    states = (USA,) if imposer in (OFAC, TREASURY, USA) else ()
    fields: dict[str, object] = dict(program=None, legal_basis=None, end=None, reason=None, event=None)
    fields |= more
    return Sanction(iri, target, (imposer,), states, start=start, reason_alleged_by=(), reason_denied_by=(),
                    sources=1, **fields)  # type: ignore[arg-type]  # fmt: skip


def read(*items: tuple[Sanction, str]) -> list[Sanction]:
    return designations([(s, {src}) for s, src in items], lambda iri: "x:usa" if iri == "x:trump" else iri)


def test_reports_by_an_agency_its_ministry_and_its_president_are_one_designation() -> None:
    (one,) = read(
        (sanction("x:s1", OFAC, program="SDGT"), "a1"),
        (sanction("x:s2", TREASURY, start=dt.date(2025, 10, 25)), "a2"),
        (sanction("x:s3", TRUMP, start=None), "a3"),
    )
    assert one.sanction == "x:s1" and one.reports == ("x:s1", "x:s2", "x:s3")
    assert (one.sources, one.start, one.program) == (3, dt.date(2025, 10, 24), "SDGT")
    assert [a.label for a in one.imposed_by] == ["ofac", "treasury", "trump"]


def test_one_source_told_twice_counts_once() -> None:
    (one,) = read((sanction("x:s1", OFAC), "a1"), (sanction("x:s2", TREASURY), "a1"))
    assert one.sources == 1


def test_other_targets_and_other_years_are_other_designations() -> None:
    found = read(
        (sanction("x:s1", OFAC), "a1"),
        (sanction("x:s2", OFAC, target=RELATIVES), "a2"),
        (sanction("x:s3", OFAC, start=dt.date(2026, 6, 1)), "a3"),
    )
    assert sorted(s.sanction for s in found) == ["x:s1", "x:s2", "x:s3"]
    assert all(s.reports == () for s in found)


def test_an_undated_report_joins_the_one_designation_it_can_be_and_no_other() -> None:
    two_years = [(sanction("x:s1", OFAC), "a1"), (sanction("x:s3", OFAC, start=dt.date(2026, 6, 1)), "a3")]
    found = read(*two_years, (sanction("x:s2", OFAC, start=None), "a2"))
    assert sorted(s.sanction for s in found) == ["x:s1", "x:s2", "x:s3"]


def test_two_programmes_on_one_target_in_one_month_are_two_designations_a_report_naming_none_is_neither() -> None:
    found = read(
        (sanction("x:s1", OFAC, program="SDGT"), "a1"),
        (sanction("x:s2", OFAC, program="Global Magnitsky", start=dt.date(2025, 10, 26)), "a2"),
        (sanction("x:s3", TREASURY, program=" sdgt "), "a3"),
        (sanction("x:s4", TRUMP), "a4"),
    )
    by_iri = {s.sanction: s for s in found}
    assert sorted(by_iri) == ["x:s1", "x:s2", "x:s4"]
    assert by_iri["x:s1"].reports == ("x:s1", "x:s3")
    one = read((sanction("x:s1", OFAC, program="SDGT"), "a1"), (sanction("x:s2", TRUMP), "a2"))
    assert [s.reports for s in one] == [("x:s1", "x:s2")]
