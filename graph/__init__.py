"""diplograph: a knowledge graph of diplomatic actors and relations built from news.

Importing this package is cheap: it does not import spaCy, pyvis or pyoxigraph; each heavy
dependency is imported by the one module that needs it, when it is first used.

Example:
    >>> import graph
    >>> graph.__version__
    '0.1.0'
"""

from __future__ import annotations

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

__all__ = [
    "ConfigError",
    "ExtractionError",
    "GraphError",
    "MappingError",
    "OntologyError",
    "QueryError",
    "SourceError",
    "StoreError",
    "StoreLockedError",
    "ValidationFailed",
    "__version__",
]
