"""Stores: where the quads live. :func:`open_store` picks the backend from a location string.

* a directory path or ``oxigraph:DIR`` — Oxigraph embedded on disk (the default);
* ``memory:`` — rdflib in memory (tests, tiny graphs; nothing is kept);
* ``sparql+http(s)://host:port/path`` — any SPARQL 1.1 endpoint (docs/scaling-out.md).
"""

from __future__ import annotations

from graph.errors import ConfigError
from graph.settings import resolve_store_location
from graph.store.base import (
    AskResult,
    GraphInfo,
    GraphResult,
    Quad,
    QueryResult,
    SelectResult,
    Store,
    Term,
    WriteBatch,
)

__all__ = [
    "AskResult",
    "GraphInfo",
    "GraphResult",
    "Quad",
    "QueryResult",
    "SelectResult",
    "Store",
    "Term",
    "WriteBatch",
    "open_store",
]


def open_store(location: str, *, create: bool = False) -> Store:
    """Open the store at ``location``.

    Args:
        location: a directory, ``oxigraph:DIR``, or ``memory:``.
        create: make an empty on-disk store when none exists (ingest does; queries do not).

    Raises:
        StoreError: the store is missing (and ``create`` is false), unreadable or locked.
        ConfigError: the location names an unknown backend.
    """
    location = resolve_store_location(location)
    if location == "memory:":
        from graph.store.memory import MemoryStore

        return MemoryStore()
    if location.startswith("sparql+"):
        from graph.store.sparql import open_remote

        return open_remote(location)
    if "://" in location:
        raise ConfigError(
            f"unknown store location: {location}",
            where="--store",
            hint="use a directory, memory:, or sparql+http(s)://host:port[/path]",
        )
    path = location.removeprefix("oxigraph:")
    from graph.store.oxigraph import OxigraphStore

    return OxigraphStore(resolve_store_location(path), create=create)
