"""RDF input (TriG, N-Quads, Turtle, N-Triples): data already in the model, e.g. the seed example.

Blank nodes are replaced by IRIs derived from their own description, so the same file always
yields the same quads (re-ingesting converges). Triples outside any named graph go to the
file's own graph ``graph/curated-{file stem}``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from graph import ids
from graph.errors import SourceError
from graph.sources.text import decode_unicode, read_limited
from graph.store.base import Quad, Term

RDF_SUFFIXES = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}


@dataclass(frozen=True)
class RdfSource:
    """The quads of one RDF file, by named graph."""

    path: str
    quads: tuple[Quad, ...]

    @property
    def graphs(self) -> set[str]:
        return {q.graph.value for q in self.quads if q.graph is not None}


def is_rdf_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in RDF_SUFFIXES


def read_rdf(path: str | Path, *, max_bytes: int = 200_000_000) -> RdfSource:
    """Parse an RDF file into quads.

    Raises:
        SourceError: unreadable file or a syntax error (the message gives the parser's line).
    """
    from rdflib import BNode, Dataset, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from graph.store.memory import from_rdflib

    p = Path(path)
    fmt = RDF_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise SourceError("not an RDF file", where=str(p), hint="use .trig, .nq, .ttl or .nt")
    data = decode_unicode(read_limited(p, max_bytes), str(p), hint="save it as UTF-8")
    ds = Dataset()
    try:
        ds.parse(data=data, format=fmt, publicID=ids.ID)
    except Exception as exc:  # rdflib raises many parser-specific errors
        raise SourceError(
            f"not valid {fmt.upper()}: {_first_line(exc)}",
            where=str(p),
            hint="fix the syntax at the line the parser names",
        ) from exc
    own_graph = ids.source_graph(p.stem)
    raw: list[tuple[object, object, object, str]] = []
    for s, pr, o, g in ds.quads((None, None, None, None)):
        gid = getattr(g, "identifier", g)
        graph_name = own_graph if gid is None or gid == DATASET_DEFAULT_GRAPH_ID else str(gid)
        raw.append((s, pr, o, graph_name))
    # Skolemise blank nodes deterministically from what they say and what points at them.
    signature: dict[tuple[str, object], list[str]] = defaultdict(list)
    for subj, pred, obj, gname in raw:
        if isinstance(subj, BNode) and not isinstance(obj, BNode):
            signature[(gname, subj)].append(f"{pred} {obj!r}")
        if isinstance(obj, BNode) and not isinstance(subj, BNode):
            signature[(gname, obj)].append(f"^{pred} {subj}")
    skolem = {k: URIRef(ids.ID + "genid-" + ids.digest(k[0], *sorted(v))) for k, v in signature.items()}

    def term(n: object, g: str) -> Term:
        if isinstance(n, BNode):
            n = skolem.get((g, n), URIRef(ids.ID + "genid-" + ids.digest(g, str(n))))
        t = from_rdflib(n)  # type: ignore[arg-type]
        assert t is not None
        return t

    quads = tuple(
        sorted(
            {Quad(term(a, gn), term(b, gn), term(c, gn), Term.uri(gn)) for a, b, c, gn in raw},
            key=lambda q: q.nq(),
        )
    )
    return RdfSource(str(p), quads)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__
