"""The named graph of an imported file: two different files of one name (in different directories)
are two graphs, and importing the same file again, by any path to it, replaces its graph."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.importers import import_files
from graph.queries.api import KnowledgeGraph
from graph.store import Store
from tests.conftest import quad_lines
from tests.importers.conftest import COL, USA, gdelt_row, write

GRAPH = "https://w3id.org/diplograph/graph/"


def _in(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _events(kg: KnowledgeGraph) -> list[str]:
    return sorted(r.event.rsplit("/", 1)[1] for r in kg.reports())


def test_files_of_one_name_in_two_directories_are_two_graphs(tmp_path: Path, store: Store) -> None:
    monday = write(_in(tmp_path / "monday") / "events.CSV", [gdelt_row(3001, "20260105", USA, COL, "042")])
    tuesday = write(_in(tmp_path / "tuesday") / "events.CSV", [gdelt_row(3002, "20260106", COL, USA, "130")])
    first = import_files("gdelt", [str(monday)], store, derive=False)
    second = import_files("gdelt", [str(tuesday)], store, derive=False)
    assert first.graphs != second.graphs
    assert all(g.startswith(f"{GRAPH}dataset-gdelt-events-csv-") for g in first.graphs + second.graphs)
    assert _events(KnowledgeGraph(store)) == ["ev-gdelt-3001", "ev-gdelt-3002"]  # the second kept the first
    both = import_files("gdelt", [str(tmp_path / "*" / "events.CSV")], store, derive=False)  # one import, a glob
    assert sorted(both.graphs) == sorted(first.graphs + second.graphs)
    files = KnowledgeGraph(store).query("SELECT ?f ?where WHERE { ?f a dip:DatasetFile ; dct:source ?where }")
    assert sorted(r["where"] for r in files) == [monday.resolve().as_uri(), tuesday.resolve().as_uri()]


def test_the_same_file_by_another_path_replaces_its_graph(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(_in(tmp_path / "data") / "events.CSV", [gdelt_row(3001, "20260105", USA, COL, "042")])
    first = import_files("gdelt", [str(path)], store, derive=False)
    before = quad_lines(store)
    monkeypatch.chdir(tmp_path)  # a relative path, through a symlinked directory
    (tmp_path / "link").symlink_to(tmp_path / "data")
    again = import_files("gdelt", [os.path.join("link", "events.CSV")], store, derive=False)
    assert again.graphs == first.graphs and quad_lines(store) == before
    write(path, [gdelt_row(3003, "20260107", USA, COL, "057")])  # the file changed: its graph is replaced
    import_files("gdelt", [str(path)], store, derive=False)
    assert _events(KnowledgeGraph(store)) == ["ev-gdelt-3003"]
