"""The store contract (tests/store/test_contract.py, unchanged) against real SPARQL servers.

(a) an Oxigraph server in read-write mode (`oxigraph serve`, from the `oxigraph` PyPI package),
    started here on a free loopback port;
(b) Virtuoso 7 (Debian's virtuoso-opensource) when `DIPLOGRAPH_TEST_VIRTUOSO` names it:
    `eval "$(bash scripts/ci/start_virtuoso.sh)"` starts one on loopback and sets the variables.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from graph.server import OxigraphProcess
from graph.store.sparql import SparqlStore
from tests.store import test_contract as contract
from tests.store.remote import emptied, virtuoso_store, virtuoso_turn

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
