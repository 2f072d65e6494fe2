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
    "BalanceRow": "graph.queries.records",
    "ClaimRow": "graph.queries.records",
    "Contradiction": "graph.queries.records",
    "Evidence": "graph.queries.records",
    "Kinship": "graph.queries.records",
    "Merge": "graph.queries.records",
    "PathStep": "graph.queries.records",
    "Relation": "graph.queries.records",
    "ResultList": "graph.queries.records",
    "Role": "graph.queries.records",
    "Sanction": "graph.queries.records",
    "AmbiguousReference": "graph.queries.errors",
    "UnknownActor": "graph.queries.errors",
}

__all__ = [
    "Actor",
    "ActorRef",
    "AmbiguousReference",
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


def open(store: Any = None, *, create: bool = False) -> Any:
    """Open the knowledge graph: a :class:`~graph.queries.api.KnowledgeGraph` over a store.

    Args:
        store: a store location (a directory, ``oxigraph:DIR`` or ``memory:``), an open
            :class:`~graph.store.base.Store`, or None for the CLI's default
            (``DIPLOGRAPH_STORE``, else ``./.diplograph-store``).
        create: make an empty on-disk store when there is none (to ingest into).

    Example:
        >>> import graph
        >>> with graph.open("memory:") as kg:
        ...     len(kg.actors())
        0
    """
    from graph.queries.api import KnowledgeGraph

    return KnowledgeGraph.open(store, create=create)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
