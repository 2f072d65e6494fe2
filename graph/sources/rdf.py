"""RDF input (TriG, N-Quads, Turtle, N-Triples): data already in the model, e.g. the seed example.

Files are read by Oxigraph's streaming parser, never held whole in memory (except UTF-16 and UTF-32
files, which are transcoded first and so stay under the size limit). Triples outside any named graph
go to the file's own graph ``graph/curated-{file stem}``.

Blank nodes are replaced by IRIs ``id/genid-{digest}`` (:class:`Skolemiser`): the digest of the file's
bytes (SHA-256) and the node's rank among the file's blank nodes in the order the parser meets them
(labels cannot serve: the parser names the nodes a file leaves unlabelled, ``[ ]``, at random, with
names that may look like any label). So the same bytes always give the same quads and re-ingesting
converges, and the IRI is known when the node is first read (a streaming pass needs nothing else).
A blank-node label is scoped to the whole file, as RDF says: the same ``_:x`` in two graphs of one
TriG file is one node.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph import ids
from graph.errors import SourceError
from graph.sources.text import decode_unicode, read_limited
from graph.store.base import Quad, Term

RDF_SUFFIXES = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}
OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
}
_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 and UTF-32 (whose little-endian mark starts the same)
_CHUNK = 1 << 20


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


def rdf_format(path: str | Path) -> str:
    """The format name of an RDF file (``trig``, ``nquads``, ``turtle``, ``nt``), from its suffix."""
    p = Path(path)
    fmt = RDF_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise SourceError("not an RDF file", where=str(p), hint="use .trig, .nq, .ttl or .nt")
    return fmt


def own_graph(path: str | Path) -> str:
    """The graph that receives the triples a file puts in no named graph."""
    return ids.source_graph(Path(path).stem)


def encoding_mark(path: str | Path) -> str:
    """``plain`` (UTF-8, no byte-order mark: Oxigraph can read the file itself), ``utf8-bom`` or ``wide``
    (UTF-16 or UTF-32, with a byte-order mark)."""
    with open(path, "rb") as f:
        head = f.read(4)
    if head.startswith(_UTF8_BOM):
        return "utf8-bom"
    if head.startswith(_WIDE_BOMS) or head.startswith(b"\x00\x00\xfe\xff"):
        return "wide"
    return "plain"


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


class Skolemiser:
    """Blank nodes of one file to IRIs (see the module's docstring). The file's digest is computed at
    the first blank node, so files without any cost nothing."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._key: str | None = None
        self._iris: dict[str, ox.NamedNode] = {}

    @property
    def used(self) -> bool:
        return bool(self._iris)

    def iri(self, node: ox.BlankNode) -> ox.NamedNode:
        label = node.value
        found = self._iris.get(label)
        if found is None:
            if self._key is None:
                self._key = file_sha256(self.path)
            rank = len(self._iris) + 1
            found = self._iris[label] = ox.NamedNode(ids.ID + "genid-" + ids.digest(self._key, rank))
        return found


def parse(path: str | Path, *, max_bytes: int = 200_000_000, lenient: bool = False) -> Iterator[ox.Quad]:
    """The file's quads as Oxigraph parses them (relative IRIs resolved against ``id/``), streamed.
    ``lenient`` skips the checks of IRIs and language tags (faster: for a read that another checks).

    Raises:
        SourceError: unreadable file or a syntax error (the message gives the parser's line and column).
    """
    p = Path(path)
    fmt = rdf_format(p)
    try:
        mark = encoding_mark(p)
        if mark == "wide":
            data = decode_unicode(read_limited(p, max_bytes), str(p), hint="save it as UTF-8").encode("utf-8")
            yield from ox.parse(input=data, format=OX_FORMATS[fmt], base_iri=ids.ID, lenient=lenient)
        elif mark == "utf8-bom":
            with open(p, "rb") as f:
                f.seek(len(_UTF8_BOM))
                yield from ox.parse(input=f, format=OX_FORMATS[fmt], base_iri=ids.ID, lenient=lenient)
        else:
            yield from ox.parse(path=str(p), format=OX_FORMATS[fmt], base_iri=ids.ID, lenient=lenient)
    except SyntaxError as exc:
        raise SourceError(
            f"not valid {fmt.upper()}: {_first_line(exc)}",
            where=str(p),
            hint="fix the syntax at the line the parser names",
        ) from exc
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc}", where=str(p), hint="check the path") from exc


def skolemised(
    quads: Iterable[ox.Quad], default_graph: ox.NamedNode, skolem: Skolemiser, *, drop: frozenset[str] = frozenset()
) -> Iterator[ox.Quad]:
    """The quads with blank nodes replaced by IRIs and default-graph triples moved to ``default_graph``,
    leaving out those whose predicate is in ``drop``."""
    blank, named = ox.BlankNode, ox.NamedNode
    for q in quads:
        if drop and q.predicate.value in drop:
            continue
        s, o, g = q.subject, q.object, q.graph_name
        if type(s) is blank or type(o) is blank or type(g) is not named:
            if type(s) is blank:
                s = skolem.iri(s)
            if type(o) is blank:
                o = skolem.iri(o)
            if type(g) is blank:
                g = skolem.iri(g)
            elif type(g) is not named:
                g = default_graph
            q = ox.Quad(s, q.predicate, o, g)
        yield q


def term(node: object) -> Term:
    """A parsed term as a store-neutral :class:`Term`."""
    if isinstance(node, ox.NamedNode):
        return Term.uri(node.value)
    if isinstance(node, ox.Literal):
        return Term.literal(node.value, node.datatype.value, node.language)
    raise SourceError(f"unsupported RDF term: {node!r}", where="rdf", hint="RDF-star triple terms are not supported")


def read_rdf(path: str | Path, *, max_bytes: int = 200_000_000) -> RdfSource:
    """Parse an RDF file into quads (all in memory: the path for small files and other stores; large
    files go to an on-disk store through :mod:`graph.ingest_rdf` and the bulk loader).

    Raises:
        SourceError: unreadable file, over ``max_bytes``, or a syntax error (with the parser's line).
    """
    p = Path(path)
    rdf_format(p)
    if p.is_file() and p.stat().st_size > max_bytes:
        read_limited(p, max_bytes)  # raises the usual "over the limit" error
    own = ox.NamedNode(own_graph(p))
    out: dict[Quad, None] = {}
    cache: dict[object, Term] = {}

    def conv(node: object) -> Term:
        found = cache.get(node)
        if found is None:
            found = cache[node] = term(node)
        return found

    for q in skolemised(parse(p, max_bytes=max_bytes), own, Skolemiser(p)):
        out[Quad(conv(q.subject), conv(q.predicate), conv(q.object), conv(q.graph_name))] = None
    return RdfSource(str(p), tuple(sorted(out, key=lambda q: q.nq())))


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__
