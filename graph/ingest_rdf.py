"""Large RDF files into an on-disk Oxigraph store at bulk-load speed (``diplograph ingest FILE.nq``).

A file from :data:`BULK_MIN_BYTES` on is written into a staging copy of the store and swapped in
whole (:mod:`graph.store.oxigraph_bulk`): all-or-nothing, whatever its size. Inside the copy, one of
two ways:

* **alongside** (the usual case: UTF-8 with no blank node): Oxigraph bulk-loads the file itself in a
  thread (it frees the GIL) while this process reads the same file once in Python
  (:class:`graph.sources.rdf_bulk.RdfBulkRead`) for what the ingest must know and write besides: the
  graphs it names, its ``graph/meta`` subjects, the report's counts and the digests. When the file's
  first graph is already in the store (a re-ingest), the read comes first, then the graphs and
  records it replaces are cleared in the copy and Oxigraph loads the file. When a later graph turns
  out to be there already, the copy is made again, cleared, and the file loaded again. A
  ``graph/meta`` record already in the store (a shared run or outlet) is just rewritten;
* **streamed** (blank nodes to name, index quads to leave out, a byte-order mark): the quads go from
  the Python read to the bulk loader, and each graph and record is cleared just before its first
  new quad.

A syntax error, found by either reader, ends the ingest with a :class:`SourceError` naming the file and
line, and the store is left as it was.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph import ids
from graph.errors import SourceError
from graph.store.base import Store

if TYPE_CHECKING:
    from graph.sources.rdf_bulk import RdfBulkRead
    from graph.store.oxigraph_bulk import Staging

BULK_MIN_BYTES = 2_000_000
"""RDF files from this size on go to an on-disk Oxigraph store through its bulk loader; smaller ones
(and every file for other stores) are written as one transaction."""


@dataclass
class BulkResult:
    """What one bulk-loaded file wrote."""

    graphs: list[str]
    quads: int
    counts: dict[str, int] = field(default_factory=dict)
    way: str = "alongside"


def goes_in_bulk(store: Store, path: str) -> bool:
    """Whether ``path`` is an RDF file to bulk-load into ``store`` (see :data:`BULK_MIN_BYTES`)."""
    from graph.sources.rdf import is_rdf_file

    if not getattr(store, "on_disk", False) or not is_rdf_file(path):
        return False
    try:
        return Path(path).stat().st_size >= BULK_MIN_BYTES
    except OSError:
        return False


def check_syntax(path: str) -> None:
    """Parse a file to its end without keeping anything.

    Raises:
        SourceError: unreadable file or a syntax error.
    """
    from graph.sources.rdf import parse

    for _ in parse(path):
        pass


def load_rdf_file(store: Store, path: str) -> BulkResult:
    """Replace the graphs and ``graph/meta`` records an RDF file writes with what it says now, through
    the bulk loader, all-or-nothing; the quads, digests, counts and blank-node IRIs are those of the
    transactional path.

    Raises:
        SourceError: unreadable file or a syntax error (the store is left as it was).
        StoreError: the store could not be written (left as it was).
    """
    from graph.sources.rdf_bulk import RdfBulkRead

    read = RdfBulkRead(path)
    with store.staged() as staging:  # type: ignore[attr-defined]
        way = "alongside"
        if not read.verbatim():
            way = "streamed"
            _streamed(staging, read)
        elif not _alongside(staging, read):
            way = "streamed"
            staging.reset()
            read = RdfBulkRead(path)
            _streamed(staging, read)
    return BulkResult(sorted(read.replaced_graphs or {path}), read.quads_read + read.written_extra, read.counts, way)


def _alongside(staging: Staging, read: RdfBulkRead) -> bool:
    """Oxigraph loads the file while ``read`` reads it (in a thread, unless the file's first graph is
    already in the store: a re-ingest, which clears first and loads after the read); False when the
    file turned out to need the streamed way (blank nodes, index quads)."""
    from graph.sources.rdf import OX_FORMATS, own_graph, rdf_format

    path = read.path
    args = (path, OX_FORMATS[rdf_format(path)], ids.ID, own_graph(path))
    failed: list[BaseException] = []

    def load() -> None:
        try:
            staging.load_file(*args)
        except BaseException as exc:  # raised again below, in this thread
            failed.append(exc)

    replaced: list[str] = []
    rewritten: list[str] = []

    def new_graph(graph: str) -> None:
        if staging.had_graph(graph):
            replaced.append(graph)

    def new_subject(graph: str, subject: str) -> bool:
        if staging.had_subject(graph, subject):
            rewritten.append(subject)
            return True
        return False

    loader = None if _first_graph_was_there(staging, read) else threading.Thread(target=load, daemon=True)
    if loader is not None:
        loader.start()
    try:
        for _ in read.quads(new_graph, new_subject, stop_at_blank=True):
            pass
        extra = read.finish()
    finally:
        if loader is not None:
            loader.join()
    if failed:
        exc = failed[0]
        if isinstance(exc, SyntaxError):
            raise SourceError(
                f"not valid {rdf_format(path).upper()}: {exc}", where=path, hint="fix the syntax at the line named"
            ) from exc
        raise exc
    if read.blank_nodes or read.index_quads:
        return False
    if loader is None or replaced:  # clear what the file replaces, then load it
        if loader is not None:  # old and new versions are mixed in the copy: start again
            staging.reset()
        staging.drop_graphs(replaced)
        staging.drop_subjects(ids.META_GRAPH, rewritten)
        staging.load_file(*args)
    else:  # records that were already in graph/meta: keep the new version only
        staging.drop_subjects(ids.META_GRAPH, rewritten)
        staging.copy.extend(read.kept)
    staging.extend(extra)
    read.written_extra = len(extra)
    return True


def _first_graph_was_there(staging: Staging, read: RdfBulkRead) -> bool:
    """Whether the first graph the file writes is already in the store (likely a re-ingest)."""
    from graph.sources.rdf import own_graph, parse

    first = next(parse(read.path, lenient=True), None)
    if first is None:
        return False
    graph = first.graph_name
    name = graph.value if isinstance(graph, ox.NamedNode) else own_graph(read.path)
    return name != ids.META_GRAPH and staging.had_graph(name)


def _streamed(staging: Staging, read: RdfBulkRead) -> None:
    """The quads go from ``read`` to the bulk loader; each graph and record is cleared just before."""

    def new_subject(graph: str, subject: str) -> bool:
        staging.drop_subject(graph, subject)
        return False

    staging.bulk_extend(read.quads(staging.drop_graph, new_subject))
    extra = read.finish()
    staging.extend(extra)
    read.written_extra = len(extra)
