"""The API's reads of its store: packaged lookups by name, SELECT-only runs, the content probe, plain answers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from graph.errors import QueryError
from graph.namespaces import sparql_prologue
from graph.queries import read_query
from graph.queries.conversions import ResultList
from graph.queries.filters import python_value
from graph.store.base import AskResult, GraphResult, SelectResult, Store, Term


@lru_cache(maxsize=64)
def lookup_text(name: str) -> str:
    """The text of the packaged lookup ``lookup/{name}`` (read once)."""
    return read_query(f"lookup/{name}")


CONTENT_PROBE = """ASK { GRAPH GRAPH_IRI { ?s ?p ?o
  VALUES ?p { dip:about dip:eventType dip:actor dip:target dip:participant dip:date dip:dateEarliest
              dip:dateLatest dip:datePrecision schema:eventStatus } } }"""
"""Whether a graph holds anything a digest describes (graph.digests)."""


def select(store: Store, name: str, text: str) -> SelectResult:
    """The rows of the query ``text`` (common prefixes predeclared); a query that is no SELECT is an error
    that names it as ``name``."""
    result = store.query(sparql_prologue() + text)
    if not isinstance(result, SelectResult):
        raise QueryError(f"{name} is not a SELECT query")
    return result


def without_content(store: Store, graph: str) -> bool:
    """Whether a graph holds no event or claim, the content digests describe."""
    found = store.query(sparql_prologue() + CONTENT_PROBE.replace("GRAPH_IRI", Term.uri(graph).nt()))
    return not (isinstance(found, AskResult) and found.value)


def plain_answer(result: Any) -> Any:
    """A query's result in plain Python: SELECT rows of plain values, ASK a bool, CONSTRUCT/DESCRIBE a
    list of (subject, predicate, object) terms."""
    if isinstance(result, AskResult):
        return result.value
    if isinstance(result, GraphResult):
        return result.triples
    return ResultList({v: python_value(t) for v, t in zip(result.variables, row, strict=True)} for row in result.rows)
