"""The default store: Oxigraph embedded, on disk (the only pyoxigraph import)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pyoxigraph as ox

from graph.errors import QueryError, StoreError, StoreLockedError
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
)
from graph.store.locking import StoreLock

if TYPE_CHECKING:
    from graph.store.oxigraph_bulk import Staging

_LOCK_MARKERS = ("lock", "Resource temporarily unavailable", "already in use")


Mode = Literal["write", "read", "auto"]


class OxigraphStore:
    """An Oxigraph store in a directory (or in memory when ``path`` is ``None``).

    Args:
        path: the store directory, or None for a store in memory.
        create: make an empty store when there is none (a writer only).
        mode: ``write`` holds the store alone (waits for readers to close); ``read`` opens it read-only
            beside any number of other readers (waits for a writer to finish) and refuses writes;
            ``auto`` reads like ``read`` and becomes the writer at its first write.
        wait: seconds to wait for other processes (default: :func:`graph.store.locking.default_wait`).

    Example:
        >>> import tempfile
        >>> s = OxigraphStore(tempfile.mkdtemp() + "/kg")
        >>> len(s)
        0
        >>> s.close()
    """

    concurrent_reads = True  # pyoxigraph releases the GIL while it evaluates and serialises

    def __init__(
        self, path: str | None, *, create: bool = True, mode: Mode = "write", wait: float | None = None
    ) -> None:
        self.location = path or "oxigraph:memory"
        self.mode: Mode = "write" if create else mode
        self._wait = wait
        self._lock: StoreLock | None = None
        self._directory: Path | None = None
        if path is None:
            self._store = ox.Store()
            return
        directory = Path(path)
        from graph.store.oxigraph_bulk import recover

        recover(directory)  # a bulk load's swap cut short by a crash
        if not create and not (directory / "CURRENT").exists():
            raise StoreError(
                "no diplograph store here",
                where=str(directory),
                hint="ingest something first (diplograph ingest FILE) or pass --store with the right path",
            )
        if directory.exists() and not directory.is_dir():
            raise StoreError(
                "the store path is a file, not a directory",
                where=str(directory),
                hint="pass --store with a directory path",
            )
        self._directory = directory
        self._store = self._open(writer=self.mode == "write")

    def _open(self, *, writer: bool) -> ox.Store:
        """Take the lock (shared or exclusive), then open the store read-only or read-write."""
        directory = self._directory
        assert directory is not None
        if writer:
            directory.mkdir(parents=True, exist_ok=True)
        lock = StoreLock(directory, exclusive=writer)
        lock.acquire(self._wait)
        try:
            store = ox.Store(str(directory)) if writer else ox.Store.read_only(str(directory))
        except OSError as exc:
            lock.release()
            text = str(exc)
            if any(marker in text for marker in _LOCK_MARKERS):
                raise StoreLockedError(
                    "the store is in use by another process (`diplograph serve`, or a program that opened it "
                    "without diplograph)",
                    where=str(directory),
                    hint="wait for that process to finish or stop it, then retry; "
                    "to query while serving, send SPARQL to the running endpoint instead",
                ) from exc
            raise StoreError(
                f"cannot open the store: {text}", where=str(directory), hint="check the path and its permissions"
            ) from exc
        self._lock = lock
        return store

    def _writable(self) -> None:
        """Before a write: refuse it on a read-only store; make an ``auto`` store the writer."""
        if self.mode == "write" or self._directory is None:
            return
        if self.mode == "read":
            raise StoreError(
                "this store was opened read-only",
                where=self.location,
                hint="open it for writing (open_store(..., mode='write'), or graph.open(..., create=True))",
            )
        self._store = None  # type: ignore[assignment]
        self._release()
        try:
            self._store = self._open(writer=True)
        except StoreError:
            self._store = self._open(writer=False)  # stay a reader, as before the write was asked for
            raise
        self.mode = "write"

    def _release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    # -- writes -------------------------------------------------------------------------
    def apply(self, batch: WriteBatch) -> None:
        self._writable()
        if batch.insert and not self._replaces_anything(batch):
            # a first ingest: one transaction too, and no update text to write and parse
            self._insert(batch.insert)
            return
        parts: list[str] = [f"DROP SILENT GRAPH <{g}>" for g in sorted(batch.drop_graphs)]
        for g, subjects in sorted(batch.delete_subjects.items()):
            if subjects:
                values = " ".join(f"<{s}>" for s in sorted(subjects))
                parts.append(
                    f"DELETE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} "
                    f"WHERE {{ VALUES ?s {{ {values} }} GRAPH <{g}> {{ ?s ?p ?o }} }}"
                )
        if batch.insert:
            # N-Quads are not allowed inside INSERT DATA; group the triples per graph instead.
            parts.append("INSERT DATA {\n" + _as_graph_blocks(batch.insert) + "\n}")
        update = " ;\n".join(p for p in parts if p)
        if not update:
            return
        try:
            self._store.update(update)  # one update = one transaction in Oxigraph
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"write failed, nothing was changed: {exc}", where=self.location) from exc

    def _insert(self, quads: list[Quad]) -> None:
        """Add quads in one transaction. As N-Quads text through load(): Oxigraph parses it without the
        GIL, where building a pyoxigraph object per term costs this process about 4 µs a quad (40% of
        the whole write). Text that the parser would read otherwise, or refuses, goes the object way,
        which keeps that way's checks and error messages."""
        text = _nquads(quads)
        if text is not None:
            try:
                self._store.load(input=text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
                return
            except SyntaxError:
                pass  # nothing was written: the object way below says what is wrong
            except (OSError, ValueError) as exc:
                raise StoreError(f"write failed, nothing was changed: {exc}", where=self.location) from exc
        try:
            convert = _Converter().quad
            self._store.extend([convert(q) for q in quads])
        except (OSError, ValueError, TypeError) as exc:
            raise StoreError(f"write failed, nothing was changed: {exc}", where=self.location) from exc

    def _replaces_anything(self, batch: WriteBatch) -> bool:
        """Whether the batch drops a graph that exists or deletes a subject that has triples."""
        if any(self._store.contains_named_graph(ox.NamedNode(g)) for g in batch.drop_graphs):
            return True
        for g, subjects in batch.delete_subjects.items():
            graph = ox.NamedNode(g)
            for s in subjects:
                if next(self._store.quads_for_pattern(ox.NamedNode(s), None, None, graph), None) is not None:
                    return True
        return False

    def bulk_load(self, quads: Iterable[Quad]) -> None:
        self._writable()
        self._store.bulk_extend(map(_Converter().quad, quads))

    def staged(self) -> AbstractContextManager[Staging]:
        """A copy of this store to bulk-load into, swapped in when the block ends without an exception,
        deleted otherwise: all-or-nothing bulk loads (:mod:`graph.store.oxigraph_bulk`). On disk only."""
        from graph.store.oxigraph_bulk import staged

        return staged(self)

    @property
    def on_disk(self) -> bool:
        return self._directory is not None

    def load_file(self, path: str, fmt: str) -> None:
        """Bulk-load an RDF file (not atomic): for benchmarks and dumps."""
        self._writable()
        self._store.bulk_load(path=path, format=_RDF_FORMATS[fmt])

    def drop_graph(self, name: str) -> bool:
        self._writable()
        node = ox.NamedNode(name)
        if not self._store.contains_named_graph(node):
            return False
        self._store.remove_graph(node)
        return True

    # -- reads --------------------------------------------------------------------------
    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        result = self._evaluate(sparql)
        if isinstance(result, ox.QueryBoolean):
            return AskResult(bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = [tuple(_from_ox(sol[i]) for i in range(len(variables))) for sol in result]
            return SelectResult(variables, rows)
        triples = [(_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)) for t in result]
        return GraphResult([(s, p, o) for s, p, o in triples if s and p and o])

    def _evaluate(self, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        try:
            return self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(
                f"SPARQL syntax error: {exc}", where="query", hint="check the query against the SPARQL 1.1 grammar"
            ) from exc
        except (OSError, ValueError) as exc:
            raise QueryError(f"the query failed: {exc}", where="query") from exc

    def select_values(self, sparql: str) -> ValueRows:
        """Rows serialised to CSV inside Oxigraph and split by the csv module: no Python object per term,
        and the GIL is free while Oxigraph works, so two of these run in parallel."""
        result = self._evaluate(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select_values needs a SELECT query", where="query")
        try:
            data = result.serialize(format=ox.QueryResultsFormat.CSV)
        except (OSError, ValueError) as exc:
            raise QueryError(f"the query failed: {exc}", where="query") from exc
        assert data is not None
        text = data.decode("utf-8")
        if '"' not in text:
            # nothing quoted, so no value holds a comma or a line break: plain splits are exact (and fast)
            lines = text.split("\r\n")
            lines.pop()  # the empty string after the last line break
            header = lines[0].split(",")
            if len(header) == 1:  # one column: each line is a value
                return ValueRows(header, [(line,) for line in lines[1:]])
            return ValueRows(header, [tuple(line.split(",")) for line in lines[1:]])
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, [])
        return ValueRows(header, [tuple(row) for row in reader])

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        g = ox.NamedNode(graph) if graph else None
        for q in self._store.quads_for_pattern(None, None, None, g):
            gname = None if isinstance(q.graph_name, ox.DefaultGraph) else _from_ox(q.graph_name)
            s, p, o = _from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)
            assert s is not None and p is not None and o is not None
            yield Quad(s, p, o, gname)

    def graph_names(self) -> list[str]:
        # a dropped graph goes with its name; one emptied by other means keeps it (checking costs ~20 µs each)
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graphs(self) -> list[GraphInfo]:
        names = self.graph_names()
        out = []
        for name in names:
            count = sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
            out.append(GraphInfo(name, count))
        return out

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        if self.mode == "write":
            self._store.flush()

    def close(self) -> None:
        # pyoxigraph closes the database when the object is collected; drop our reference, then the lock.
        self._store = None  # type: ignore[assignment]
        self._release()


_RDF_FORMATS = {
    "nq": ox.RdfFormat.N_QUADS,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
}


def _triple_nt(q: Quad) -> str:
    return f"{q.subject.nt()} {q.predicate.nt()} {q.object.nt()} ."


def _as_graph_blocks(quads: list[Quad]) -> str:
    by_graph: dict[str | None, list[str]] = {}
    for q in quads:
        by_graph.setdefault(q.graph.value if q.graph else None, []).append(_triple_nt(q))
    blocks = []
    for g, lines in by_graph.items():
        body = "\n".join(lines)
        blocks.append(body if g is None else f"GRAPH <{g}> {{\n{body}\n}}")
    return "\n".join(blocks)


_NOT_IN_IRIREF = re.compile(r'[\x00-\x20<>"{}|^`\\]')  # a backslash: the parser would decode \u escapes
_LANG_TAG = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")


def _nquads(quads: Iterable[Quad]) -> str | None:
    """The quads as N-Quads text, or None unless it reads back as exactly these terms: no blank node (a
    parser may relabel it), and every IRI and language tag written as it is (``NamedNode`` would refuse
    what N-Quads cannot hold, and must still get the chance to). Each IRI is checked once per batch."""
    iris: dict[str, str] = {}

    def iri(value: str) -> str | None:
        text = iris.get(value)
        if text is None:
            if _NOT_IN_IRIREF.search(value):
                return None
            text = iris[value] = f"<{value}>"
        return text

    lines: list[str] = []
    for q in quads:
        parts: list[str] = []
        for t in (q.subject, q.predicate, q.object, q.graph):
            if t is None:
                continue
            if t.kind == "uri":
                text = iri(t.value)
            elif t.kind != "literal":
                return None
            elif t.lang:
                text = t.nt() if _LANG_TAG.fullmatch(t.lang) else None
            elif t.datatype:
                text = None if iri(t.datatype) is None else t.nt()
            else:
                text = t.nt()
            if text is None:
                return None
            parts.append(text)
        parts.append(".")
        lines.append(" ".join(parts))
    return "\n".join(lines)


def _from_ox(node: object) -> Term | None:
    if node is None:
        return None
    if isinstance(node, ox.NamedNode):
        return Term.uri(node.value)
    if isinstance(node, ox.BlankNode):
        return Term.bnode(node.value)
    if isinstance(node, ox.Literal):
        return Term.literal(node.value, node.datatype.value, node.language)
    raise StoreError(f"unsupported RDF term in results: {node!r}")


class _Converter:
    """Terms to pyoxigraph terms, each IRI made once per batch (predicates, datatypes, graphs and
    actors repeat in nearly every quad, and building a NamedNode validates the IRI)."""

    def __init__(self) -> None:
        self._iris: dict[str, ox.NamedNode] = {}

    def iri(self, value: str) -> ox.NamedNode:
        node = self._iris.get(value)
        if node is None:
            node = self._iris[value] = ox.NamedNode(value)
        return node

    def term(self, t: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if t.kind == "uri":
            return self.iri(t.value)
        if t.kind == "bnode":
            return ox.BlankNode(t.value)
        if t.lang:
            return ox.Literal(t.value, language=t.lang)
        return ox.Literal(t.value, datatype=self.iri(t.datatype) if t.datatype else None)

    def quad(self, q: Quad) -> ox.Quad:
        g = self.iri(q.graph.value) if q.graph is not None else ox.DefaultGraph()
        return ox.Quad(self.term(q.subject), self.term(q.predicate), self.term(q.object), g)  # type: ignore[arg-type]
