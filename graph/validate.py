"""SHACL validation of a store (the only pySHACL import); the report is plain data.

Union shapes (``ontology/shapes.ttl``) run on all graphs together with the TBox and SKOS
schemes; per-source shapes (``ontology/shapes-per-source.ttl``) run on each source graph alone,
because sources may legitimately disagree (one says "October", another "24 October").
"""

from __future__ import annotations

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

    Example:
        >>> from graph.store.memory import MemoryStore
        >>> validate_store(MemoryStore()).conforms
        True
    """
    from rdflib import Dataset, Graph, URIRef

    from graph.ontology import SHAPES, SHAPES_PER_SOURCE, ontology_file, reference_files
    from graph.store.memory import to_rdflib

    ds = Dataset(default_union=True)
    per_graph: dict[str, Graph] = {}
    for q in store.quads(graph):
        gname = q.graph.value if q.graph else ids.REFERENCE_GRAPH
        if gname in (ids.ONTOLOGY_GRAPH, ids.DERIVED_GRAPH):
            continue
        triple = (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
        ds.graph(URIRef(gname)).add(triple)  # type: ignore[arg-type]
        if gname not in ids.SHARED_GRAPHS:
            per_graph.setdefault(gname, Graph()).add(triple)  # type: ignore[arg-type]
    tbox = ds.graph(URIRef(ids.ONTOLOGY_GRAPH))
    for f in reference_files():
        tbox.parse(f, format="turtle")
    report = ValidationReport(graphs_checked=len(per_graph))
    union_shapes = Graph().parse(ontology_file(SHAPES), format="turtle")
    report.findings.extend(_run(ds, union_shapes, None))
    source_shapes = Graph().parse(ontology_file(SHAPES_PER_SOURCE), format="turtle")
    for gname, g in sorted(per_graph.items()):
        report.findings.extend(_run(g, source_shapes, gname))
    return report


def _run(data: Any, shapes: Any, graph: str | None) -> list[Finding]:
    from pyshacl import validate
    from rdflib import Graph, Namespace

    sh = Namespace(SH)
    assert isinstance(shapes, Graph)
    owner = {ps: ns for ns, ps in shapes.subject_objects(sh.property)}
    _conforms, results, _text = validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
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
