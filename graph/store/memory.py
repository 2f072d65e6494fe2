"""An in-memory store on rdflib's Dataset: for tests, tiny graphs and tooling. Nothing is kept."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from graph.errors import QueryError, StoreError
from graph.store.base import (
    AskResult,
    GraphInfo,
    GraphResult,
    Quad,
    QueryResult,
    SelectResult,
    Term,
    ValueRows,
    WriteBatch,
    values_of,
)


class MemoryStore:
    """rdflib ``Dataset`` with the union of all graphs as the default graph.

    Example:
        >>> s = MemoryStore()
        >>> s.query("ASK { ?s ?p ?o }").value
        False
    """

    concurrent_reads = False  # rdflib's memory store is not safe for concurrent readers

    def __init__(self) -> None:
        self.location = "memory:"
        self._ds = Dataset(default_union=True)

    def apply(self, batch: WriteBatch) -> None:
        # Convert everything first so that a bad term fails before anything is changed.
        try:
            new = [
                (
                    to_rdflib(q.subject),
                    to_rdflib(q.predicate),
                    to_rdflib(q.object),
                    URIRef(q.graph.value) if q.graph else DATASET_DEFAULT_GRAPH_ID,
                )
                for q in batch.insert
            ]
        except (ValueError, TypeError) as exc:
            raise StoreError(f"write failed, nothing was changed: {exc}", where=self.location) from exc
        for g in batch.drop_graphs:
            self._ds.remove_graph(URIRef(g))
        for g, subjects in batch.delete_subjects.items():
            ctx = self._ds.graph(URIRef(g))
            for s in subjects:
                ctx.remove((URIRef(s), None, None))
        for ns, np_, no, ng in new:
            self._ds.graph(ng).add((ns, np_, no))

    def bulk_load(self, quads: Iterable[Quad]) -> None:
        batch = WriteBatch(insert=list(quads))
        self.apply(batch)

    def drop_graph(self, name: str) -> bool:
        existed = any(True for _ in self._ds.graph(URIRef(name)).triples((None, None, None)))
        self._ds.remove_graph(URIRef(name))
        return existed

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        try:
            result = self._ds.query(sparql)
        except Exception as exc:  # rdflib raises pyparsing and assorted errors
            raise QueryError(
                f"SPARQL error: {exc}", where="query", hint="check the query against the SPARQL 1.1 grammar"
            ) from exc
        if result.type == "ASK":
            return AskResult(bool(result.askAnswer))
        if result.type == "SELECT":
            variables = [str(v) for v in (result.vars or [])]
            rows = [tuple(from_rdflib(row[i]) for i in range(len(variables))) for row in result]  # type: ignore[index]
            return SelectResult(variables, rows)
        triples = []
        for s, p, o in result:  # type: ignore[misc]
            ts, tp, to = from_rdflib(s), from_rdflib(p), from_rdflib(o)
            if ts and tp and to:
                triples.append((ts, tp, to))
        return GraphResult(triples)

    def select_values(self, sparql: str) -> ValueRows:
        return values_of(self.query(sparql))

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        if graph:
            # the graph's own index: Dataset.quads() with a graph pattern also yields the other graphs
            # that hold the same triple, and scans the whole dataset to do so
            named = Term.uri(graph)
            for s, p, o in self._ds.graph(URIRef(graph)).triples((None, None, None)):
                ts, tp, to = from_rdflib(s), from_rdflib(p), from_rdflib(o)
                assert ts and tp and to
                yield Quad(ts, tp, to, named)
            return
        for s, p, o, g in self._ds.quads((None, None, None, None)):
            gid = getattr(g, "identifier", g)
            gterm = None if gid is None or gid == DATASET_DEFAULT_GRAPH_ID else from_rdflib(gid)
            ts, tp, to = from_rdflib(s), from_rdflib(p), from_rdflib(o)
            assert ts and tp and to
            yield Quad(ts, tp, to, gterm)

    def graphs(self) -> list[GraphInfo]:
        out = []
        for ctx in self._ds.graphs():
            if ctx.identifier == DATASET_DEFAULT_GRAPH_ID:
                continue
            n = len(ctx)
            if n:
                out.append(GraphInfo(str(ctx.identifier), n))
        return sorted(out, key=lambda gi: gi.name)

    def graph_names(self) -> list[str]:
        names = []
        for ctx in self._ds.graphs():
            if ctx.identifier != DATASET_DEFAULT_GRAPH_ID and any(True for _ in ctx.triples((None, None, None))):
                names.append(str(ctx.identifier))
        return sorted(names)

    def __len__(self) -> int:
        return sum(1 for _ in self._ds.quads((None, None, None, None)))

    def close(self) -> None:
        pass


def from_rdflib(node: Node | None) -> Term | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        return Term.uri(str(node))
    if isinstance(node, BNode):
        return Term.bnode(str(node))
    if isinstance(node, Literal):
        return Term.literal(str(node), str(node.datatype) if node.datatype else None, node.language)
    raise StoreError(f"unsupported RDF term: {node!r}")


_BAD_IRI_CHARS = frozenset(' <>"{}|^`\\\n\t\r')


def to_rdflib(t: Term) -> Node:
    if t.kind == "uri":
        if ":" not in t.value or any(c in _BAD_IRI_CHARS for c in t.value):
            raise ValueError(f"not a valid IRI: {t.value!r}")
        return URIRef(t.value)
    if t.kind == "bnode":
        return BNode(t.value)
    if t.lang:
        return Literal(t.value, lang=t.lang)
    return Literal(t.value, datatype=URIRef(t.datatype) if t.datatype else None)
