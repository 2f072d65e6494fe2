"""Stores: where the quads live. :func:`open_store` picks the backend from a location string.

* a directory path or ``oxigraph:DIR`` — Oxigraph embedded on disk (the default);
* ``memory:`` — rdflib in memory (tests, tiny graphs; nothing is kept);
* ``sparql+http(s)://host:port/path`` — any SPARQL 1.1 endpoint (docs/scaling-out.md).

On disk, any number of readers or one writer at a time (see :mod:`graph.store.locking`).
"""

from __future__ import annotations

from typing import Literal

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


def open_store(
    location: str, *, create: bool = False, mode: Literal["write", "read", "auto"] = "write", wait: float | None = None
) -> Store:
    """Open the store at ``location``.

    An on-disk store has many readers or one writer at a time, across processes
    (:mod:`graph.store.locking`): ``mode="read"`` opens it read-only beside other readers,
    ``"write"`` alone, ``"auto"`` reads and becomes the writer at its first write. An open that
    finds the store taken waits up to ``wait`` seconds (default 0, or the CLI's ``--wait``).

    Args:
        location: a directory, ``oxigraph:DIR``, or ``memory:``.
        create: make an empty on-disk store when none exists (ingest does; queries do not); implies write.
        mode: ``write``, ``read`` or ``auto`` (on-disk stores; the others ignore it).
        wait: seconds to wait for a writer to finish (readers) or for readers to close (the writer).

    Raises:
        StoreError: the store is missing (and ``create`` is false), unreadable, or read-only and written.
        StoreLockedError: another process holds the store after the wait.
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

    return OxigraphStore(resolve_store_location(path), create=create, mode=mode, wait=wait)
