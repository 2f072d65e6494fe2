"""diplograph: a knowledge graph of diplomatic actors and relations built from news.

Importing this package is cheap: it does not import spaCy, pyvis or pyoxigraph; each heavy
dependency is imported by the one module that needs it, when it is first used.

Example:
    >>> import graph
    >>> graph.__version__
    '0.1.0'
"""

from __future__ import annotations

from typing import Any

from graph.errors import (
    ConfigError,
    ExtractionError,
    GraphError,
    MappingError,
    OntologyError,
    QueryError,
    SourceError,
    StoreError,
    StoreLockedError,
    ValidationFailed,
)

__version__ = "0.1.0"

# Public names of the analyst API, imported on first use (see __getattr__).
_LAZY = {
    "KnowledgeGraph": "graph.queries.api",
    "Actor": "graph.queries.records",
    "ActorRef": "graph.queries.records",
    "Association": "graph.queries.records",
    "BalanceRow": "graph.queries.records",
    "ClaimRow": "graph.queries.records",
    "Contradiction": "graph.queries.records",
    "Evidence": "graph.queries.records",
    "Kinship": "graph.queries.records",
    "Merge": "graph.queries.records",
    "PathStep": "graph.queries.records",
    "Relation": "graph.queries.records",
    "ResultList": "graph.queries.conversions",
    "Role": "graph.queries.records",
    "Sanction": "graph.queries.records",
    "AmbiguousReference": "graph.queries.errors",
    "UnknownActor": "graph.queries.errors",
}

__all__ = [
    "Actor",
    "ActorRef",
    "AmbiguousReference",
    "Association",
    "BalanceRow",
    "ClaimRow",
    "ConfigError",
    "Contradiction",
    "Evidence",
    "ExtractionError",
    "GraphError",
    "Kinship",
    "KnowledgeGraph",
    "MappingError",
    "Merge",
    "OntologyError",
    "PathStep",
    "QueryError",
    "Relation",
    "ResultList",
    "Role",
    "Sanction",
    "SourceError",
    "StoreError",
    "StoreLockedError",
    "UnknownActor",
    "ValidationFailed",
    "__version__",
    "open",
]


def open(store: Any = None, *, create: bool = False, read_only: bool = False, wait: float | None = None) -> Any:
    """Open the knowledge graph: a :class:`~graph.queries.api.KnowledgeGraph` over a store.

    An on-disk store opened here is read-only beside any number of other readers (scripts,
    notebooks, CLI queries) until the first write (``kg.ingest``), which makes it the store's one
    writer; ``create=True`` opens it for writing at once. Close it (``with`` or ``kg.close()``) to let
    a writer in: a reader sees the store as it was when opened.

    Args:
        store: a store location (a directory, ``oxigraph:DIR`` or ``memory:``), an open
            :class:`~graph.store.base.Store`, or None for the CLI's default
            (``DIPLOGRAPH_STORE``, else ``./.diplograph-store``).
        create: make an empty on-disk store when there is none (to ingest into); opens it for writing.
        read_only: refuse writes (instead of becoming the writer at the first one).
        wait: seconds to wait while another process writes the store (or, to write, reads it);
            default 0: raise :class:`StoreLockedError` at once.

    Example:
        >>> import graph
        >>> with graph.open("memory:") as kg:
        ...     len(kg.actors())
        0
    """
    from graph.queries.api import KnowledgeGraph

    return KnowledgeGraph.open(store, create=create, read_only=read_only, wait=wait)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
