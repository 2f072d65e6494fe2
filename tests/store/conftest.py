"""Fixtures for the remote-store tests: a real Oxigraph server on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.server import OxigraphProcess


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphProcess]:
    """`oxigraph serve` (read-write) on a tmp store, stopped at the end of the session."""
    location = tmp_path_factory.mktemp("oxigraph-server") / "kg"
    with OxigraphProcess(str(location), read_only=False) as server:
        yield server
