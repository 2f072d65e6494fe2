"""The store contract (tests/store/test_contract.py, unchanged) against real SPARQL servers.

(a) an Oxigraph server in read-write mode (`oxigraph serve`, from the `oxigraph` PyPI package),
    started here on a free loopback port;
(b) Virtuoso 7 (Debian's virtuoso-opensource) when `DIPLOGRAPH_TEST_VIRTUOSO` names it:
    `eval "$(bash scripts/ci/start_virtuoso.sh)"` starts one on loopback and sets the variables.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.server import OxigraphProcess
from graph.store.sparql import SparqlStore
from tests.store import test_contract as contract
from tests.store.remote import emptied, virtuoso_store, virtuoso_turn

ROOT = Path(__file__).resolve().parents[2]

# Every test of the shared contract, collected again here with the `store` fixture below.
globals().update({name: fn for name, fn in vars(contract).items() if name.startswith("test_")})


@pytest.fixture(params=["oxigraph-server", "virtuoso"])
def store(request: pytest.FixtureRequest) -> Iterator[SparqlStore]:
    """An empty remote store on each real server (overrides the embedded backends' fixture)."""
    if request.param == "oxigraph-server":
        server: OxigraphProcess = request.getfixturevalue("oxigraph_server")
        turn: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
        remote = SparqlStore(f"sparql+{server.url}", environ={})
    else:
        turn = virtuoso_turn()
        remote = virtuoso_store()
    with turn:
        yield emptied(remote)
        emptied(remote)


def test_the_whole_store_network_reads_the_digests_on_a_server_and_equals_the_triples(store: SparqlStore) -> None:
    """Digests are read through SPARQL like any other data: the coverage counts (Virtuoso lists no
    graph for ``GRAPH ?h {}``, so its graph names are compared instead) and the packed texts."""
    from graph.pipeline import ingest
    from graph.queries.api import KnowledgeGraph
    from graph.queries.digests import read_digests

    files = ["ontology/examples/seed.trig", "tests/fixtures/analyst2/second-outlet.yaml"]
    assert ingest([str(ROOT / f) for f in files], store).ok
    kg = KnowledgeGraph(store)
    fetch = kg._fetch
    assert fetch.graph_names is not None and fetch.without_content is not None
    assert read_digests(fetch.values, fetch.graph_names, fetch.without_content, concurrent=False) is not None
    assert fetch._articles_from_digests() is not None
    from_digests = kg.to_networkx(include_planned=True)
    fetch.use_digests = False
    from_triples = kg.to_networkx(include_planned=True)

    def edges(nxg: object) -> list[tuple[object, ...]]:
        return sorted((u, v, k, repr(d)) for u, v, k, d in nxg.edges(keys=True, data=True))  # type: ignore[attr-defined]

    assert from_digests.number_of_edges() > 5 and edges(from_digests) == edges(from_triples)
