"""The whole-store event table (graph.queries.table): rows of lookup/table_* joined into Relations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import graph
from graph.queries.records import ActorRef
from graph.queries.table import TABLE_QUERIES, EventTable
from graph.store.base import Quad, Term, ValueRows, WriteBatch

ID = "https://w3id.org/diplograph/id/"
DIP = "https://w3id.org/diplograph/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SEED = Path(__file__).resolve().parents[2] / "ontology" / "examples" / "seed.trig"


def table(**rows: list[tuple[str, ...]]) -> dict[str, ValueRows]:
    return {name: ValueRows([], rows.get(name.removeprefix("table_"), [])) for name in TABLE_QUERIES}


def assembler() -> EventTable:
    kinds = {"042": ("042", "Make a visit", "04", 1, 1.9)}
    return EventTable(
        lambda code: kinds.get(code, (None, code, None, None, None)),
        lambda iri: ActorRef(iri, iri.upper()),
        lambda text: dt.date.fromisoformat(text),
    )


def test_rows_are_joined_by_event_with_the_window_the_sources_agree_on() -> None:
    rows = table(
        roles=[("e1", "1", "a"), ("e1", "2", "b"), ("e1", "1", "a"), ("e2", "3", "c"), ("e2", "3", "a")],
        dates=[
            # two sources: 1-31 Jan and 10-20 Jan -> 10-20 Jan, month precision from both
            ("e1", "9999-12-31", "0001-01-01", "2026-01-01", "2026-01-10", "2026-01-20", "2026-01-31", "2", "2"),
            # one exact day
            ("e2", "2026-02-03", "2026-02-03", "2026-02-03", "2026-02-03", "2026-02-03", "2026-02-03", "3", "3"),
        ],
        types=[("e1", "042")],
        sources=[("e1", "2", "0.9")],
        modalities=[("e1", "https://w3id.org/diplograph/scheme/modality/alleged"), ("e1", "x/asserted")],
        scheduled=[("e2",)],
    )
    e1, e2 = assembler().relations(rows)
    assert (e1.event, e1.cameo, e1.label, e1.root, e1.quad_class, e1.goldstein) == (
        "e1",
        "042",
        "Make a visit",
        "04",
        1,
        1.9,
    )
    assert [a.iri for a in e1.actors] == ["a"] and [t.iri for t in e1.targets] == ["b"] and not e1.participants
    assert (e1.date, e1.earliest, e1.latest, e1.precision) == (
        None,
        dt.date(2026, 1, 10),
        dt.date(2026, 1, 20),
        "month",
    )
    assert (e1.sources, e1.confidence, e1.modalities) == (2, 0.9, ("asserted", "alleged"))
    assert [p.iri for p in e2.participants] == ["a", "c"] and e2.symmetric
    assert (e2.date, e2.precision, e2.modalities, e2.sources, e2.confidence) == (
        dt.date(2026, 2, 3),
        "day",
        ("planned",),
        0,
        None,
    )


def test_windows_that_do_not_meet_keep_their_whole_span() -> None:
    row = ("e", "9999-12-31", "0001-01-01", "2026-01-01", "2026-03-01", "2026-01-31", "2026-03-31", "2", "2")
    (r,) = assembler().relations(table(dates=[row]))
    assert (r.earliest, r.latest, r.date) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31), None)


def test_dates_the_store_could_not_compare_are_left_for_a_second_read() -> None:
    a = assembler()
    (r,) = a.relations(table(dates=[("e", "", "", "", "", "", "", "9", "0")], types=[("e", "042")]))
    assert a.unreadable == {"e"} and r.earliest is None and r.cameo == "042"


def test_events_with_incomparable_dates_are_read_again_one_by_one(tmp_path: Path) -> None:
    with graph.open(str(tmp_path / "kg"), create=True) as kg:
        kg.ingest([str(SEED)])
        event = ID + "seed-ev-praise"
        # a second source states the window as dateTimes: not a plain xsd:date
        odd = Term.literal("2026-01-07T00:00:00", XSD + "dateTime")
        g = Term.uri("https://w3id.org/diplograph/graph/doc-odd.hand")
        kg.store.apply(WriteBatch(insert=[Quad(Term.uri(event), Term.uri(DIP + "dateEarliest"), odd, g)]))
        kg.refresh()
        dates = {row[0]: row for row in kg._values("table_dates", {}).rows}
        assert "2026-01-07T00:00:00" in dates[event]  # not a plain date: the table leaves it to the lookup
        rows = {r.event: r for r in kg._fetch.events(None, evidence=False)}
        again = kg._fetch.events({event}, evidence=False)[0]
        assert rows[event] == again and rows[event].cameo == "051"
