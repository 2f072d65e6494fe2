"""RDF files through the bulk loader (graph.ingest_rdf): the same quads as the transactional path,
graphs replaced on re-ingest, deterministic blank nodes, and a store left as it was by a bad file."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from graph import ids
from graph.pipeline import ingest
from graph.store import Store, open_store
from tests.conftest import SEED_TRIG, quad_lines

DIP = ids.ONTOLOGY
ID = ids.ID
G = ids.GRAPH
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


@pytest.fixture
def bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every RDF file goes through the bulk loader, however small."""
    monkeypatch.setattr("graph.ingest_rdf.BULK_MIN_BYTES", 0)


def disk(tmp_path: Path, name: str = "kg") -> Store:
    return open_store(str(tmp_path / name), create=True)


def nquads(n_graphs: int, per_graph: int, *, version: str = "1", extra: str = "") -> str:
    """Persons in source graphs, their article records in graph/meta, and a triple in no graph."""
    lines = []
    for g in range(n_graphs):
        graph = f"<{G}src-{g}>"
        for j in range(per_graph):
            s = f"<{ID}p-{g}-{j}>"
            lines.append(f"{s} <{TYPE}> <{DIP}Person> {graph} .")
            lines.append(f'{s} <{LABEL}> "Person {g} {j} v{version}"@en {graph} .')
        lines.append(f'<{ID}doc-{g}> <http://purl.org/dc/terms/title> "Doc {g} v{version}" <{ids.META_GRAPH}> .')
        lines.append(f"<{ID}doc-{g}> <{TYPE}> <{DIP}Article> <{ids.META_GRAPH}> .")
    lines.append(f'<{ID}loose> <{LABEL}> "in no graph v{version}" .')
    return "\n".join(lines) + "\n" + extra


TURTLE = f"""@prefix dip: <{DIP}> .
@prefix dipd: <{ID}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
dipd:meeting a dip:Event ;
  dip:participation [ a dip:Participation ; dip:participantAgent dipd:a ] ,
                    [ a dip:Participation ; dip:participantAgent dipd:b ] ;
  dip:note _:x .
_:x skos:prefLabel "a note"@en .
"""
TRIG = f"""@prefix dip: <{DIP}> .
@prefix dipd: <{ID}> .
@prefix dipg: <{G}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
dipg:one {{ dipd:e1 a dip:Event ; dip:participation [ dip:participantAgent dipd:a ] ; dip:note _:x . }}
dipg:two {{ _:x skos:prefLabel "shared by both graphs"@en . }}
dipd:loose skos:prefLabel "default graph" .
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *files: Path) -> tuple[list[str], list[str]]:
    """The quads after ingesting ``files`` as one transaction each and through the bulk loader."""
    monkeypatch.setattr("graph.ingest_rdf.BULK_MIN_BYTES", 1 << 40)
    small = disk(tmp_path, "small")
    ingest([str(f) for f in files], small, derive=False)
    monkeypatch.setattr("graph.ingest_rdf.BULK_MIN_BYTES", 0)
    big = disk(tmp_path, "big")
    ingest([str(f) for f in files], big, derive=False)
    try:
        return quad_lines(small), quad_lines(big)
    finally:
        small.close()
        big.close()


@pytest.mark.parametrize(
    ("name", "text"),
    [("a.nq", nquads(3, 4)), ("a.nt", f'<{ID}x> <{LABEL}> "x"@en .\n'), ("a.ttl", TURTLE), ("a.trig", TRIG)],
)
def test_each_format_gives_the_same_quads_and_digests_in_bulk_as_in_one_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    small, big = both_ways(tmp_path, monkeypatch, write(tmp_path, name, text))
    assert big == small and len(big) > 2
    assert not any("_:" in line for line in big)  # blank nodes named


def test_the_seed_example_gives_the_same_store_in_bulk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small, big = both_ways(tmp_path, monkeypatch, SEED_TRIG)
    assert big == small
    assert any("genid-" in line and "Participation" in line for line in big)


def test_the_report_counts_as_the_transactional_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = write(tmp_path, "a.nq", nquads(3, 4))
    monkeypatch.setattr("graph.ingest_rdf.BULK_MIN_BYTES", 1 << 40)
    one = disk(tmp_path, "one")
    small = ingest([str(f)], one, derive=False)
    monkeypatch.setattr("graph.ingest_rdf.BULK_MIN_BYTES", 0)
    two = disk(tmp_path, "two")
    big = ingest([str(f)], two, derive=False)
    one.close()
    two.close()
    for key in ("sources", "graphs", "quads_written", "articles", "actors", "events"):
        assert getattr(big, key) == getattr(small, key), key
    assert big.actors == 12 and big.articles == 3


@pytest.mark.usefixtures("bulk")
@pytest.mark.parametrize("blank", [False, True], ids=["alongside", "streamed"])
def test_re_ingesting_a_changed_file_replaces_its_graphs_and_records(tmp_path: Path, blank: bool) -> None:
    extra = f'_:b <{LABEL}> "a blank node" <{G}src-0> .\n' if blank else ""
    f = write(tmp_path, "a.nq", nquads(3, 4, extra=extra))
    other = write(tmp_path, "other.nq", f'<{ID}z> <{LABEL}> "another source" <{G}other> .\n')
    store = disk(tmp_path)
    ingest([str(other), str(f)], store, derive=False)
    first = quad_lines(store)
    ingest([str(f)], store, derive=False)
    assert quad_lines(store) == first  # the same file again: the same store
    f.write_text(nquads(3, 2, version="2", extra=extra))  # the same graphs, fewer persons
    ingest([str(f)], store, derive=False)
    fresh = disk(tmp_path, "fresh")
    ingest([str(other), str(f)], fresh, derive=False)
    assert quad_lines(store) == quad_lines(fresh)
    text = "\n".join(quad_lines(store))
    assert "v2" in text and "Person 0 0 v1" not in text and "Doc 0 v1" not in text
    store.close()
    fresh.close()


@pytest.mark.usefixtures("bulk")
def test_blank_nodes_get_the_same_iris_every_time_and_one_per_node(tmp_path: Path) -> None:
    f = write(tmp_path, "a.trig", TRIG)
    stores = [disk(tmp_path, "one"), disk(tmp_path, "two")]
    for s in stores:
        ingest([str(f)], s, derive=False)
    one, two = (quad_lines(s) for s in stores)
    assert one == two
    shared = [line.split()[0] for line in one if "shared by both graphs" in line]
    noted = [line.split()[2] for line in one if f"<{DIP}note>" in line]
    assert shared == noted and shared[0].startswith(f"<{ID}genid-")  # _:x is one node across graphs
    for s in stores:
        s.close()


@pytest.mark.usefixtures("bulk")
@pytest.mark.parametrize("where", ["start", "end"])
def test_a_syntax_error_names_file_and_line_and_leaves_the_store_as_it_was(tmp_path: Path, where: str) -> None:
    store = disk(tmp_path)
    good = write(tmp_path, "good.nq", nquads(2, 2))
    ingest([str(good)], store)
    before = quad_lines(store)
    body = nquads(40, 20, version="9")
    bad_line = f"<{ID}x> <{LABEL}> .\n"
    text = bad_line + body if where == "start" else body + bad_line
    line = 1 if where == "start" else text.count("\n")
    bad = write(tmp_path, "good.nq", text)  # the same graphs, so a partial load would show
    report = ingest([str(bad)], store)
    assert report.sources == 0 and report.skipped[0].input == str(bad)
    assert f"line {line}" in report.skipped[0].reason and str(bad) in report.skipped[0].reason
    assert quad_lines(store) == before
    assert not list(tmp_path.glob(".kg.*"))  # no staging copy left behind
    store.close()


@pytest.mark.usefixtures("bulk")
def test_a_failure_before_the_swap_leaves_the_store_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.store.oxigraph_bulk import Staging

    store = disk(tmp_path)
    f = write(tmp_path, "a.nq", nquads(2, 2))
    ingest([str(f)], store, derive=False)
    before = quad_lines(store)
    f.write_text(nquads(3, 3, version="2"))

    def crash(self: Staging, quads: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(Staging, "extend", crash)
    with pytest.raises(OSError, match="disk full"):
        ingest([str(f)], store, derive=False)
    assert quad_lines(store) == before
    assert not list(tmp_path.glob(".kg.*"))
    store.close()


@pytest.mark.usefixtures("bulk")
def test_strict_mode_checks_a_bulk_file_before_writing_anything(tmp_path: Path) -> None:
    from graph.errors import ValidationFailed

    store = disk(tmp_path)
    good = write(tmp_path, "a.nq", nquads(2, 2))
    bad = write(tmp_path, "b.nq", nquads(2, 2) + "<x> .\n")
    with pytest.raises(ValidationFailed):
        ingest([str(good), str(bad)], store, strict=True)
    assert len(store) == 0
    store.close()


def test_a_swap_cut_short_between_its_two_renames_is_undone_at_open(tmp_path: Path) -> None:
    from graph.store.oxigraph_bulk import aside_path

    store = disk(tmp_path)
    ingest([str(write(tmp_path, "a.nq", nquads(1, 2)))], store, derive=False)
    before = quad_lines(store)
    store.close()
    directory = tmp_path / "kg"
    directory.rename(aside_path(directory))  # as if killed after moving the store aside
    again = open_store(str(directory))
    assert quad_lines(again) == before
    again.close()


def test_a_large_file_streams_through_in_bulk_with_little_python_memory(tmp_path: Path) -> None:
    f = tmp_path / "big.nq"
    with f.open("w", encoding="utf-8") as out:
        for i in range(60_000):
            out.write(f'<{ID}s{i}> <https://example.org/p> "value {i} {"x" * 40}" <{G}big-{i // 5000}> .\n')
    size = f.stat().st_size
    from graph.ingest_rdf import BULK_MIN_BYTES

    assert size > BULK_MIN_BYTES  # the default threshold sends it to the bulk loader
    from graph.ingest_rdf import load_rdf_file

    store = disk(tmp_path)
    tracemalloc.start()
    try:
        result = load_rdf_file(store, str(f))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.way == "alongside" and len(result.graphs) == 12
    sizes = [g.triples for g in store.graphs() if g.name.startswith(f"{G}big-")]
    assert sizes == [5001] * 12  # 5,000 triples and the digest marker
    assert peak < size / 5, (peak, size)  # the file was never held in Python (its first MiB is searched)
    store.close()


def test_other_stores_keep_the_transactional_path(tmp_path: Path, bulk: None) -> None:
    memory = open_store("memory:", create=True)
    report = ingest([str(write(tmp_path, "a.nq", nquads(1, 2)))], memory, derive=False)
    assert report.ok and len(memory) > 0


@pytest.mark.usefixtures("bulk")
def test_a_reader_waiting_through_a_bulk_load_then_reads_the_new_version(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    store = disk(tmp_path)
    ingest([str(write(tmp_path, "a.nq", nquads(1, 1)))], store, derive=False)
    code = (
        "import sys; from graph.store import open_store\n"
        "import time; s = open_store(sys.argv[1], mode='read', wait=120); opened = time.time()\n"
        "values = [q.object.value for q in s.quads()]\n"
        "print(sum('v1' in v for v in values), sum('v2' in v for v in values), opened)\n"
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path / "kg")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.5)  # the reader is waiting on the lock the writer holds
    ingest([str(write(tmp_path, "a.nq", nquads(1, 3, version="2")))], store, derive=False)
    time.sleep(1.0)  # the writer still holds the store after the swap
    closed = time.time()
    store.close()
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    old, new, opened = out.split()
    assert int(old) == 0 and int(new) >= 4  # the swapped-in version: three persons' labels, the title, ...
    assert float(opened) >= closed  # it waited on the moved lock, not just the old directory's
