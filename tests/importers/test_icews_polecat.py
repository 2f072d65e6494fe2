"""ICEWS and POLECAT files: header-driven reading, their known faults, actors and event types."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ValidationFailed
from graph.importers import icews, import_files, polecat
from graph.importers.base import Problem, Record
from graph.queries.api import KnowledgeGraph
from graph.store import Store
from tests.conftest import quad_lines
from tests.importers.conftest import icews_rows, polecat_rows, write


def _read(module: object, rows: list[str]) -> list[Record | Problem]:
    return list(module.read(iter(enumerate(rows, 1)), "test.tsv"))  # type: ignore[attr-defined]


def test_icews_events_keyed_on_id_and_date() -> None:
    out = _read(icews, icews_rows())
    records = [r for r in out if isinstance(r, Record)]
    assert len(records) == 20
    first, again = records[0], records[5]
    assert first.id == again.id == "1"
    assert first.events[0].key != again.events[0].key  # Event ID is not unique in ICEWS


def test_icews_actors_and_codes() -> None:
    records = {r.line: r for r in _read(icews, icews_rows()) if isinstance(r, Record)}
    assert records[2].events[0].actors == ("USA",)  # "Government (United States)" is the state
    assert records[3].events[0].actors == ("person-gustavo-petro",)
    assert records[4].events[0].cameo == "042"  # "42": its leading zero restored
    assert records[4].events[0].targets == ("agency-col-armed-forces",)
    assert records[5].events[0].actors == ("group-citizen-of-colombia",)
    assert records[6].events[0].actors == ("igo-united-nations",) and records[6].events[0].targets == ("VEN",)
    petro = next(a for a in records[3].actors if a.key == "person-gustavo-petro")
    assert petro.nationality == "COL"


def test_icews_bad_rows() -> None:
    problems = [p for p in _read(icews, icews_rows()) if isinstance(p, Problem)]
    bad = {p.line: p.reason for p in problems if p.bad}
    assert sorted(bad) == [22, 23, 24, 25, 27]
    assert "Event Date" in bad[22] and "'999'" in bad[23] and "broken" in bad[24]
    assert "stray tab" in bad[27]
    assert [p.line for p in problems if not p.bad] == [26]


def test_icews_file_without_its_header_is_one_bad_row() -> None:
    (problem,) = _read(icews, icews_rows()[1:])
    assert isinstance(problem, Problem) and problem.line == 1 and "not a ICEWS header" in problem.reason


def test_polecat_plover_types_and_modes_to_cameo() -> None:
    records = {r.line: r for r in _read(polecat, polecat_rows()) if isinstance(r, Record)}
    assert [records[n].events[0].cameo for n in (2, 3, 4, 5, 6)] == ["13", "041", "042", "11", "11"]
    call = records[3]
    petro = next(a for a in call.actors if a.key == "person-gustavo-petro")
    assert petro.wikidata == "Q1519986"
    accuse = records[5].events[0]  # excess tabs at the end of the line, and no recipient
    assert accuse.participants == ("person-gustavo-petro",) and not accuse.actors


def test_polecat_bad_rows() -> None:
    problems = [p for p in _read(polecat, polecat_rows()) if isinstance(p, Problem)]
    assert {p.line for p in problems if p.bad} == {21, 22, 23}
    assert [p.line for p in problems if not p.bad] == [24]


def test_import_both_validate_and_answer_the_timeline(tmp_path: Path, store: Store) -> None:
    from graph.validate import validate_store

    i = import_files("icews", [str(write(tmp_path / "icews.tab", icews_rows()))], store)
    p = import_files("polecat", [str(write(tmp_path / "polecat.txt", polecat_rows()))], store)
    assert (i.records, len(i.bad), i.left_out) == (20, 5, 1)
    assert (p.records, len(p.bad), p.left_out) == (19, 3, 1)
    report = validate_store(store)
    assert report.conforms, [f.message for f in report.findings][:5]
    kg = KnowledgeGraph(store)
    # the ICEWS and POLECAT reports of the 4 January threat are one event (138, the more precise code)
    found = kg.timeline("USA", "COL", until="2026-01-31", datasets="polecat")
    assert [r.cameo for r in found] == ["138", "041", "042", "11"]
    assert found[0].sources == 2
    assert len(kg.timeline("USA", "COL", since="2026-02", until="2026-02", datasets="icews")) == 14


def test_strict_icews_import_writes_nothing(tmp_path: Path, store: Store) -> None:
    before = quad_lines(store)
    with pytest.raises(ValidationFailed, match=r"icews\.tab:22"):
        import_files("icews", [str(write(tmp_path / "icews.tab", icews_rows()))], store, strict=True)
    assert quad_lines(store) == before
