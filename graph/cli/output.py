"""One --format for every command: query results and rows as table, json, jsonl, csv or tsv;
RDF as turtle, nt, nq, trig or jsonld. SELECT/ASK JSON, CSV and TSV follow the W3C SPARQL 1.1
result formats exactly."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from graph.prefixes import PREFIXES
from graph.store.base import AskResult, GraphResult, Quad, QueryResult, SelectResult, Term

TABLE_FORMATS = ("table", "json", "jsonl", "csv", "tsv")
RDF_FORMATS = ("turtle", "nt", "nq", "trig", "jsonld")


def compact(value: str) -> str:
    """``https://w3id.org/diplograph/id/COL`` -> ``dipd:COL`` for human-facing tables."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns) and len(ns) > len(best):
            best, chosen = ns, prefix
    return f"{chosen}:{value[len(best) :]}" if best else value


def w3c_json_term(t: Term) -> dict[str, str]:
    if t.kind == "uri":
        return {"type": "uri", "value": t.value}
    if t.kind == "bnode":
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.lang:
        out["xml:lang"] = t.lang
    elif t.datatype:
        out["datatype"] = t.datatype
    return out


def format_result(result: QueryResult, fmt: str) -> str:
    """Render a query result; raises ValueError for a format that does not fit the result."""
    if isinstance(result, AskResult):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.value}) + "\n"
        if fmt in ("csv", "tsv"):
            return (
                ("_askResult\r\n" if fmt == "csv" else "?_askResult\n") + ("true" if result.value else "false") + "\n"
            )
        return ("true" if result.value else "false") + "\n"
    if isinstance(result, GraphResult):
        return format_triples(result.triples, fmt)
    return format_select(result, fmt)


def format_select(result: SelectResult, fmt: str) -> str:
    if fmt == "json":
        bindings = [
            {v: w3c_json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        return (
            json.dumps(
                {"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1
            )
            + "\n"
        )
    if fmt == "jsonl":
        return "".join(
            json.dumps(
                {v: (t.value if t else None) for v, t in zip(result.variables, row, strict=True)}, ensure_ascii=False
            )
            + "\n"
            for row in result.rows
        )
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else (f"_:{t.value}" if t.kind == "bnode" else t.value) for t in row])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.variables)]
        lines += ["\t".join("" if t is None else t.nt() for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return table(result.variables, [[_cell(t) for t in row] for row in result.rows])
    raise ValueError(f"format {fmt!r} does not fit a SELECT result; use one of {', '.join(TABLE_FORMATS)}")


def _cell(t: Term | None) -> str:
    if t is None:
        return ""
    return compact(t.value) if t.kind == "uri" else t.value


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 60) -> str:
    """A plain aligned text table (cells cut at ``max_width``)."""

    def clip(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[clip(h) for h in headers]] + [[clip(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    footer = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    return "\n".join([*lines, footer]) + "\n"


def format_rows(headers: Sequence[str], rows: Iterable[Sequence[object]], fmt: str) -> str:
    """Plain rows (not SPARQL terms) in a table format."""
    rows = [["" if c is None else str(c) for c in r] for r in rows]
    if fmt == "table":
        return table(headers, rows)  # type: ignore[arg-type]
    if fmt == "json":
        return json.dumps([dict(zip(headers, r, strict=True)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(dict(zip(headers, r, strict=True)), ensure_ascii=False) + "\n" for r in rows)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}")


def format_triples(triples: Iterable[tuple[Term, Term, Term]], fmt: str) -> str:
    if fmt in ("nt", "nq"):
        return "".join(sorted(f"{s.nt()} {p.nt()} {o.nt()} .\n" for s, p, o in triples))
    if fmt in ("turtle", "jsonld", "trig"):
        return format_quads((Quad(s, p, o, None) for s, p, o in triples), fmt)
    raise ValueError(f"format {fmt!r} does not fit a graph result; use one of turtle, nt, nq, jsonld")


def format_quads(quads: Iterable[Quad], fmt: str) -> str:
    """Serialize quads: nq/nt by hand (sorted, stable), trig/turtle/jsonld through rdflib."""
    if fmt == "nq":
        return "".join(sorted(q.nq() + "\n" for q in quads))
    if fmt == "nt":
        return "".join(sorted({f"{q.subject.nt()} {q.predicate.nt()} {q.object.nt()} .\n" for q in quads}))
    from rdflib import Dataset, Graph, URIRef

    from graph.store.memory import to_rdflib

    if fmt in ("turtle", "jsonld") and fmt == "turtle":
        g = Graph()
        for q in quads:
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))  # type: ignore[arg-type]
        _bind(g)
        return g.serialize(format="turtle")
    ds = Dataset()
    for q in quads:
        target = ds.graph(URIRef(q.graph.value)) if q.graph else ds.default_graph
        target.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))  # type: ignore[arg-type]
    _bind(ds)
    if fmt == "trig":
        return ds.serialize(format="trig")
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", indent=1)
    raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(RDF_FORMATS)}")


def _bind(g: object) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)  # type: ignore[attr-defined]
