"""The Store protocol every backend implements, and the store-neutral values it trades in.

Writes go through :class:`WriteBatch`, applied all-or-nothing: a batch drops whole source
graphs, deletes the shared-graph records of some subjects, and inserts new quads. That is how a
re-ingested document *replaces* its graph (idempotent) and how a failed ingest leaves the store
as it was. Queries return :class:`SelectResult`, :class:`AskResult` or :class:`GraphResult`
with plain :class:`Term` values, whatever the backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from graph.errors import QueryError

TermKind = Literal["uri", "literal", "bnode"]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True, slots=True)
class Term:
    """An RDF term, independent of any RDF library.

    Example:
        >>> Term.uri("https://w3id.org/diplograph/id/COL").nt()
        '<https://w3id.org/diplograph/id/COL>'
        >>> Term.literal('say "hi"', lang="en").nt()
        '"say \\\\"hi\\\\""@en'
    """

    kind: TermKind
    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def uri(cls, value: str) -> Term:
        return cls("uri", value)

    @classmethod
    def literal(cls, value: str, datatype: str | None = None, lang: str | None = None) -> Term:
        if lang:
            return cls("literal", value, None, lang.lower())
        return cls("literal", value, None if datatype == XSD_STRING else datatype)

    @classmethod
    def bnode(cls, value: str) -> Term:
        return cls("bnode", value)

    def nt(self) -> str:
        """This term in N-Triples syntax."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = '"' + _escape(self.value) + '"'
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype:
            return f"{text}^^<{self.datatype}>"
        return text

    def __str__(self) -> str:
        return self.value

    def __hash__(self) -> int:
        # the value alone (equal terms have equal values): hashing all four fields made deduplicating
        # the quads of an article a fifth of mapping it
        return hash(self.value)


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )


@dataclass(frozen=True, slots=True)
class Quad:
    """A triple in a named graph (``graph`` is ``None`` for the default graph)."""

    subject: Term
    predicate: Term
    object: Term
    graph: Term | None

    def __hash__(self) -> int:
        # from the terms' values, without a call per term (see Term.__hash__); the graph rarely tells apart
        return hash((self.subject.value, self.predicate.value, self.object.value))

    def nq(self) -> str:
        g = f" {self.graph.nt()}" if self.graph is not None else ""
        return f"{self.subject.nt()} {self.predicate.nt()} {self.object.nt()}{g} ."


@dataclass
class WriteBatch:
    """One all-or-nothing change to a store.

    Attributes:
        drop_graphs: named graphs removed entirely before inserting (the graphs being replaced).
        delete_subjects: per shared graph (e.g. ``graph/meta``), subjects whose triples are removed.
        insert: the new quads.
    """

    drop_graphs: set[str] = field(default_factory=set)
    delete_subjects: dict[str, set[str]] = field(default_factory=dict)
    insert: list[Quad] = field(default_factory=list)

    def merge(self, other: WriteBatch) -> None:
        self.drop_graphs |= other.drop_graphs
        for g, subjects in other.delete_subjects.items():
            self.delete_subjects.setdefault(g, set()).update(subjects)
        self.insert.extend(other.insert)


@dataclass(frozen=True)
class SelectResult:
    variables: list[str]
    rows: list[tuple[Term | None, ...]]

    def dicts(self) -> list[dict[str, Term]]:
        """Rows as ``{variable: term}``, unbound variables left out."""
        return [{v: t for v, t in zip(self.variables, row, strict=True) if t is not None} for row in self.rows]


@dataclass(frozen=True)
class ValueRows:
    """SELECT rows as plain lexical values: an IRI's text, a literal's lexical form, ``""`` when unbound.

    The cheap form for large reads whose columns are known to hold IRIs or simple values: no term
    object per cell (on a large store, building them costs more than the query).
    """

    variables: list[str]
    rows: list[tuple[str, ...]]


def values_of(result: QueryResult) -> ValueRows:
    """The plain values of a SELECT result (the fallback of :meth:`Store.select_values`)."""
    if not isinstance(result, SelectResult):
        raise QueryError("select_values needs a SELECT query", where="query")
    return ValueRows(list(result.variables), [tuple(t.value if t else "" for t in row) for row in result.rows])


@dataclass(frozen=True)
class AskResult:
    value: bool


@dataclass(frozen=True)
class GraphResult:
    """Triples of a CONSTRUCT or DESCRIBE query."""

    triples: list[tuple[Term, Term, Term]]


QueryResult = SelectResult | AskResult | GraphResult


@dataclass(frozen=True)
class GraphInfo:
    """A named graph and its size."""

    name: str
    triples: int


@runtime_checkable
class Store(Protocol):
    """What the pipeline, queries and views need from a triple store.

    Every backend runs the same contract tests (``tests/store/test_contract.py``).
    Queries see the union of all graphs as their default graph.
    """

    location: str
    concurrent_reads: bool
    """Whether queries may run from several threads at once (and gain from it)."""

    def apply(self, batch: WriteBatch) -> None:
        """Apply a batch atomically: on any error, nothing of it is written."""
        ...

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query over the union of all graphs (``GRAPH ?g`` reaches each)."""
        ...

    def select_values(self, sparql: str) -> ValueRows:
        """Run a SELECT query and return plain values (see :class:`ValueRows`)."""
        ...

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        """All quads, or those of one named graph."""
        ...

    def graphs(self) -> list[GraphInfo]:
        """Named graphs with their triple counts, sorted by name."""
        ...

    def graph_names(self) -> list[str]:
        """Names of the named graphs, sorted: like :meth:`graphs` without counting (cheap). A backend
        may also list a graph that was emptied without being dropped."""
        ...

    def drop_graph(self, name: str) -> bool:
        """Remove a named graph; False when it did not exist."""
        ...

    def __len__(self) -> int:
        """Number of quads."""
        ...

    def bulk_load(self, quads: Iterable[Quad]) -> None:
        """Fast load for large imports; not atomic (benchmarks, dumps)."""
        ...

    def close(self) -> None:
        """Release files and locks."""
        ...
