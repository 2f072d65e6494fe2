"""``compare``: per dyad and month, what the article extraction and a dataset agree on."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import QueryError
from graph.importers import import_files
from graph.queries.api import KnowledgeGraph
from graph.queries.compare import Report, match
from tests.conftest import SEED_TRIG
from tests.importers.conftest import COL, USA, USAGOV, gdelt_row, write

ID = "https://w3id.org/diplograph/id/"


def _report(event: str, code: str, lo: str, hi: str) -> Report:
    import datetime as dt

    return Report(event, code, dt.date.fromisoformat(lo), dt.date.fromisoformat(hi), ("COL", "USA"))


def test_match_is_one_to_one_by_root_and_overlapping_dates() -> None:
    mine = [_report("a1", "041", "2026-01-07", "2026-01-07"), _report("a2", "042", "2026-01-01", "2026-01-31")]
    theirs = [
        _report("d1", "043", "2026-01-07", "2026-01-07"),  # same root 04, same day: agrees with a1... or a2
        _report("d2", "130", "2026-01-07", "2026-01-07"),  # another root: only the dataset
        _report("d3", "040", "2026-02-02", "2026-02-02"),  # no overlap: only the dataset
    ]
    rows = {(r.status, r.article_event, r.dataset_event) for r in match(mine, theirs)}
    assert rows == {
        ("both", "a2", "d1"),  # a2 starts earlier, so it takes d1 first
        ("articles", "a1", None),
        ("dataset", None, "d2"),
        ("dataset", None, "d3"),
    }


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("compare")
    location = str(tmp / "kg")
    rows = [
        gdelt_row(1, "20260104", USAGOV, COL, "130"),  # the article's threat (138): same root 13
        gdelt_row(2, "20260107", ("COLGOV", "", "COL"), USA, "043"),  # the call (041), the other way round
        gdelt_row(3, "20260120", USA, COL, "190"),  # only GDELT
        gdelt_row(4, "20260203", USA, COL, "042"),  # the planned meeting: the article's is not counted
    ]
    with KnowledgeGraph.open(location, create=True) as kg:
        kg.ingest([str(SEED_TRIG)])
        import_files("gdelt", [str(write(tmp / "g.csv", rows))], kg.store)
    return location


def test_compare_lists_agreements_and_each_side_alone(store_dir: str) -> None:
    with KnowledgeGraph.open(store_dir, read_only=True) as kg:
        rows = kg.compare("gdelt", "United States", "Colombia")
        both = {(r.root, r.article_event, r.dataset_event) for r in rows if r.status == "both"}
        assert both == {
            ("13", ID + "seed-ev-threat", ID + "ev-gdelt-1"),
            ("04", ID + "seed-ev-call", ID + "ev-gdelt-2"),
        }
        only_gdelt = sorted((r.period, r.root) for r in rows if r.status == "dataset")
        assert only_gdelt == [("2026-01", "19"), ("2026-02", "04")]
        assert ID + "seed-ev-meeting" not in {r.article_event for r in rows}  # planned: not counted
        assert {r.dyad for r in rows} == {(ID + "COL", ID + "USA")}
        january = kg.compare("gdelt", since="2026-01", until="2026-01")
        assert {r.period for r in january} == {"2026-01"}
        with pytest.raises(QueryError):
            kg.compare("articles")


def test_compare_command(store_dir: str) -> None:
    result = CliRunner().invoke(main, ["--store", store_dir, "compare", "gdelt", "USA", "COL", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "a,b,period,status,root,article_event,dataset_event,earliest,latest"
    assert "Colombia,United States,2026-01,both,13,dipd:seed-ev-threat,dipd:ev-gdelt-1,2026-01-04,2026-01-04" in lines
    assert "2 agreed" in result.stderr and "only in gdelt" in result.stderr
    result = CliRunner().invoke(main, ["--store", store_dir, "compare", "gdelt", "USA"])
    assert result.exit_code == 2


def test_the_named_query_is_listed() -> None:
    from graph.queries import list_queries

    (q,) = [q for q in list_queries() if q.name == "analyst/dataset_events"]
    assert {p.name for p in q.params} >= {"dataset", "since", "until"}
