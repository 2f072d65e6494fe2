"""SHACL validation of a store (the only pySHACL import); the report is plain data.

Union shapes (``ontology/shapes.ttl``) run on all graphs together with the TBox and SKOS
schemes; per-source shapes (``ontology/shapes-per-source.ttl``) run on each source graph alone,
because sources may legitimately disagree (one says "October", another "24 October").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from graph import ids
from graph.store.base import Store

Severity = Literal["Violation", "Warning", "Info"]
SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True)
class Finding:
    """One SHACL result."""

    severity: Severity
    shape: str
    focus: str
    path: str | None
    value: str | None
    message: str
    graph: str | None = None  # the source graph, for per-source shapes

    def describe(self) -> str:
        where = f" in graph {self.graph}" if self.graph else ""
        path = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {_short(self.focus)}{path}{value}{where}: {self.message} [{_short(self.shape)}]"


@dataclass
class ValidationReport:
    """Findings of one validation run; ``conforms`` means no violations (warnings allowed)."""

    findings: list[Finding] = field(default_factory=list)
    graphs_checked: int = 0

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def to_dict(self) -> dict[str, object]:
        return {
            "conforms": self.conforms,
            "graphs_checked": self.graphs_checked,
            "findings": [asdict(f) for f in self.findings],
        }

    def describe(self) -> str:
        head = f"{len(self.violations)} violation(s), {len(self.warnings)} warning(s) in {self.graphs_checked} graph(s)"
        lines = [head] + ["  " + f.describe() for f in sorted(self.findings, key=_order)]
        return "\n".join(lines)


def _order(f: Finding) -> tuple[int, str, str]:
    return (0 if f.severity == "Violation" else 1, f.shape, f.focus)


def _short(iri: str) -> str:
    for prefix, ns in (("dip:", ids.ONTOLOGY), ("dipd:", ids.ID), ("dipg:", ids.GRAPH)):
        if iri.startswith(ns):
            return prefix + iri[len(ns) :]
    return iri


def validate_store(store: Store, *, graph: str | None = None) -> ValidationReport:
    """Validate what ``store`` holds (or one of its named graphs) against the shapes.

    The store is only read (a read-only store will do). Union shapes run once over every graph
    together with the TBox; per-source shapes run on each source graph alone, read one at a time.

    Example:
        >>> from graph.store.memory import MemoryStore
        >>> validate_store(MemoryStore()).conforms
        True
    """
    from rdflib import Graph

    from graph.ontology import SHAPES, SHAPES_PER_SOURCE, ontology_file, reference_files

    union = _data_graph()
    sources: set[str] = set()
    for gname, triple in _triples(store, graph):
        union.add(triple)
        if gname not in ids.SHARED_GRAPHS:
            sources.add(gname)
    for f in reference_files():
        union.parse(f, format="turtle")
    report = ValidationReport(graphs_checked=len(sources))
    union_shapes = Graph().parse(ontology_file(SHAPES), format="turtle")
    report.findings.extend(_run(union, union_shapes, None))
    del union  # the largest thing held here: free it before the per-source runs
    source_shapes = Graph().parse(ontology_file(SHAPES_PER_SOURCE), format="turtle")
    for gname in sorted(sources):
        g = _data_graph()
        for _, triple in _triples(store, gname):
            g.add(triple)
        report.findings.extend(_run(g, source_shapes, gname))
    return report


def _triples(store: Store, graph: str | None) -> Iterator[tuple[str, Any]]:
    """(graph name, rdflib triple) for the quads to check: the default graph counts as the reference
    graph; the ontology and derived graphs are left out (the TBox comes from the package files)."""
    from graph.store.memory import to_rdflib

    for q in store.quads(graph):
        gname = q.graph.value if q.graph else ids.REFERENCE_GRAPH
        if gname in (ids.ONTOLOGY_GRAPH, ids.DERIVED_GRAPH):
            continue
        yield gname, (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))


def _data_graph() -> Any:
    """An rdflib graph whose store parses each SPARQL text once.

    pySHACL evaluates a SHACL-SPARQL constraint once per focus node, passing the same text with
    ``$this`` pre-bound, and rdflib parses the text every time (about 0.35 s with pyparsing): that
    parsing was 95% of validating a store. The store below keeps each parsed query and evaluates it
    with rdflib's own engine and the same bindings, so the results are those of rdflib.
    """
    from rdflib import Graph
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.evaluate import evalQuery
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.processor import SPARQLResult
    from rdflib.plugins.sparql.sparql import Query
    from rdflib.plugins.stores.memory import Memory

    class PreparedQueries(Memory):
        def __init__(self) -> None:
            super().__init__()
            self._prepared: dict[tuple[str, tuple[tuple[str, str], ...]], Query] = {}

        def query(self, query: Any, initNs: Any, initBindings: Any, queryGraph: Any, **kwargs: Any) -> Any:
            if not isinstance(query, str) or kwargs or queryGraph in (None, "__UNION__"):
                raise NotImplementedError  # rdflib's usual way
            key = (query, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
            prepared = self._prepared.get(key)
            if prepared is None:
                prepared = self._prepared[key] = translateQuery(parseQuery(query), None, initNs)
            return SPARQLResult(evalQuery(Graph(store=self, identifier=queryGraph), prepared, initBindings or {}))

    return Graph(store=PreparedQueries())


def _run(data: Any, shapes: Any, graph: str | None) -> list[Finding]:
    from pyshacl import validate
    from rdflib import Graph, Namespace

    sh = Namespace(SH)
    assert isinstance(shapes, Graph)
    owner = {ps: ns for ns, ps in shapes.subject_objects(sh.property)}
    # inplace: the data graph is ours and thrown away after; without it pySHACL copies it (advanced mode)
    _conforms, results, _text = validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True, inplace=True
    )
    assert isinstance(results, Graph)
    findings = []
    for r in results.objects(None, sh.result):

        def val(p: Any, r: Any = r) -> str | None:
            v = results.value(r, p)
            return None if v is None else str(v)

        severity = (val(sh.resultSeverity) or SH + "Violation").removeprefix(SH)
        findings.append(
            Finding(
                severity=severity if severity in ("Violation", "Warning", "Info") else "Violation",  # type: ignore[arg-type]
                shape=str(owner.get(results.value(r, sh.sourceShape), val(sh.sourceShape) or "")),  # type: ignore[arg-type]
                focus=val(sh.focusNode) or "",
                path=val(sh.resultPath),
                value=val(sh.value),
                message=val(sh.resultMessage) or "constraint not met",
                graph=graph,
            )
        )
    return findings
