"""Helpers for the tests of remote stores (real SPARQL servers)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator

import pytest

from graph.store.sparql import SparqlStore
from graph.store.sparql_http import ENV_PASSWORD, ENV_USER

NO_VIRTUOSO = (
    "Virtuoso is not running for the tests: DIPLOGRAPH_TEST_VIRTUOSO is not set "
    '(start one with: eval "$(bash scripts/ci/start_virtuoso.sh)")'
)


@contextlib.contextmanager
def virtuoso_turn() -> Iterator[None]:
    """One test at a time on the shared Virtuoso (pytest-xdist workers run side by side)."""
    with open(os.path.join(tempfile.gettempdir(), "diplograph-virtuoso-tests.lock"), "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def virtuoso_store(**options: str) -> SparqlStore:
    """The Virtuoso named by DIPLOGRAPH_TEST_VIRTUOSO (and its _USER/_PASSWORD), or skip the test."""
    location = os.environ.get("DIPLOGRAPH_TEST_VIRTUOSO")
    if not location:
        pytest.skip(NO_VIRTUOSO)
    for key, value in options.items():
        location += f"&{key}={value}" if "?" in location else f"?{key}={value}"
    env = {
        ENV_USER: os.environ.get("DIPLOGRAPH_TEST_VIRTUOSO_USER", ""),
        ENV_PASSWORD: os.environ.get("DIPLOGRAPH_TEST_VIRTUOSO_PASSWORD", ""),
    }
    return SparqlStore(location, environ=env)


def emptied(store: SparqlStore) -> SparqlStore:
    """The store after dropping every graph it lists (the tests share one server)."""
    for info in store.graphs():
        store.drop_graph(info.name)
    assert len(store) == 0, "the remote store should be empty before a test"
    return store
