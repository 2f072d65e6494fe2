"""Streaming imports into a store: one named graph per input file, replaced on re-import.

On an on-disk Oxigraph store every file of one import goes through the bulk loader into a staging
copy of the store (:mod:`graph.store.oxigraph_bulk`), swapped in when all of them are read: the
import is all-or-nothing and memory stays flat in the number of rows (quads flow from the reader to
the loader; only the keys of the actors already written in the current file are kept). Other stores
get one transaction per import. Bad rows are reported and skipped; with ``strict`` the first one
ends the import with :class:`~graph.errors.ValidationFailed` and nothing is written.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from graph import ids
from graph.errors import MappingError, ValidationFailed
from graph.importers.base import DATASETS, ImportReport, Problem, Reader, Record
from graph.importers.quads import FileWriter
from graph.importers.streams import Input, inputs
from graph.store.base import Quad, Store, WriteBatch

Progress = Callable[[str, int], None]
"""Called with (file name, rows read so far) every few thousand rows and at the end of each file."""
PROGRESS_EVERY = 10_000


def reader(dataset: str, store: Store | None = None) -> Reader:
    """The reader of a dataset's format (``graph.importers.<dataset>.reader``); the FtM reader looks
    up the store's actors to merge the persons it already has."""
    import importlib

    if dataset not in DATASETS:
        raise MappingError(f"unknown dataset {dataset!r}", hint="one of " + ", ".join(sorted(DATASETS)))
    module = importlib.import_module(f"graph.importers.{dataset}")
    made: Reader = module.reader(store)
    return made


def import_files(
    dataset: str,
    paths: Iterable[str],
    store: Store,
    *,
    strict: bool = False,
    derive: bool = True,
    progress: Progress | None = None,
    on_bad: Callable[[str], None] | None = None,
) -> ImportReport:
    """Import dataset files (plain, ``.gz``, ``.zip``, globs, ``-``) into ``store``.

    Args:
        dataset: ``gdelt``, ``icews``, ``polecat`` or ``ftm``.
        paths: the inputs.
        store: where to write.
        strict: the first bad row is fatal (ValidationFailed) and nothing is written.
        derive: rerun the derivation rules afterwards (state roll-up, identity, event coreference).
        progress: called with (file name, rows read) as the import goes.
        on_bad: called with ``file:line: reason`` for each bad row skipped.

    Returns:
        The report; bad rows are listed in ``bad`` as ``file:line: reason``.

    Raises:
        ValidationFailed: ``strict`` and a row was bad (nothing written).
        SourceError: an input cannot be read (nothing written).
    """
    from graph.pipeline import ensure_ontology, run_rules

    if dataset not in DATASETS:
        raise MappingError(f"unknown dataset {dataset!r}", hint="one of " + ", ".join(sorted(DATASETS)))
    started = time.perf_counter()
    report = ImportReport(dataset=dataset, store=store.location)
    found = inputs(paths)
    read = reader(dataset, store)
    streams = [_FileStream(dataset, i, read, report, strict, progress, on_bad) for i in found]
    if getattr(store, "on_disk", False) and hasattr(store, "staged"):
        _load_staged(store, streams)
    else:
        _load_batch(store, streams)
    report.files = len(found)
    report.graphs = [s.writer.graph for s in streams]
    if streams:
        ensure_ontology(store)
        if derive:
            report.derived_triples = run_rules(store)
    report.seconds = time.perf_counter() - started
    return report


class _FileStream:
    """The quads of one input file, produced as its lines are read."""

    def __init__(
        self,
        dataset: str,
        source: Input,
        read: Reader,
        report: ImportReport,
        strict: bool,
        progress: Progress | None,
        on_bad: Callable[[str], None] | None,
    ) -> None:
        self.source = source
        self.read = read
        self.report = report
        self.strict = strict
        self.progress = progress
        self.on_bad = on_bad
        self.writer = FileWriter(DATASETS[dataset], source.name, source.place)

    def quads(self) -> Iterator[Quad]:
        """The quads of every good record, in file order."""
        for rec in self._records():
            try:
                quads = self.writer.record(rec)
            except MappingError as exc:
                self._problem(Problem(rec.line, exc.message))
                continue
            self._counted(rec, len(quads))
            yield from quads

    def text(self) -> Iterator[str]:
        """The same statements as N-Quads text, a record at a time (:mod:`graph.importers.nquads`)."""
        from graph.importers.nquads import EventLines

        lines = EventLines(self.writer)
        for rec in self._records():
            try:
                chunk = lines.lines(rec)
            except MappingError as exc:
                self._problem(Problem(rec.line, exc.message))
                continue
            self._counted(rec, chunk.count("\n"))
            yield chunk

    def _records(self) -> Iterator[Record]:
        name = self.source.name
        rows = 0
        for item in self.read(self.source.lines(), name):
            rows += 1
            if self.progress and rows % PROGRESS_EVERY == 0:
                self.progress(name, rows)
            if isinstance(item, Problem):
                self._problem(item)
            else:
                yield item
        self.report.rows += rows
        if self.progress:
            self.progress(name, rows)

    def _counted(self, rec: Record, quads: int) -> None:
        report = self.report
        report.records += 1
        report.events += len(rec.events)
        report.sanctions += len(rec.sanctions)
        report.facts += len(rec.facts)
        report.quads_written += quads

    def _problem(self, p: Problem) -> None:
        if not p.bad:
            self.report.left_out += 1
            return
        text = f"{self.source.name}:{p.line}: {p.reason}"
        self.report.bad.append(text)
        if self.strict:
            raise ValidationFailed(
                f"strict import stopped at a bad row, nothing was written: {text}", where=self.source.name
            )
        if self.on_bad:
            self.on_bad(text)


def _load_staged(store: Any, streams: list[_FileStream]) -> None:
    """Every file into one staging copy of the store, swapped in at the end. The records are written as
    N-Quads into a pipe by a thread while Oxigraph's bulk loader reads the other end (it parses and
    indexes with the GIL released): reading the rows and loading the quads overlap, and memory stays
    flat in the number of rows. A failure on either side ends both, and the copy is dropped."""
    import os
    import threading

    with store.staged() as staging:
        staging.drop_graphs([s.writer.graph for s in streams])
        read_fd, write_fd = os.pipe()
        failed: list[BaseException] = []

        def produce() -> None:
            try:
                with os.fdopen(write_fd, "w", encoding="utf-8", newline="\n") as out:
                    for s in streams:
                        out.writelines(s.text())
            except BrokenPipeError:
                pass  # the loader stopped: its error is the one raised
            except BaseException as exc:  # raised again below, in the calling thread
                failed.append(exc)

        producer = threading.Thread(target=produce, name="diplograph-import", daemon=True)
        producer.start()
        try:
            with os.fdopen(read_fd, "rb") as source:
                staging.load_nquads(source, ids.ID)
        finally:
            producer.join()
        if failed:
            raise failed[0]
        for s in streams:
            meta, subjects = s.writer.meta()
            staging.drop_subjects(ids.META_GRAPH, sorted(subjects))
            staging.extend(meta)
            s.report.quads_written += len(meta)


def _load_batch(store: Store, streams: list[_FileStream]) -> None:
    """Every file into one transaction (memory, remote SPARQL stores)."""
    batch = WriteBatch()
    for s in streams:
        batch.insert.extend(s.quads())
        meta, subjects = s.writer.meta()
        batch.insert.extend(meta)
        s.report.quads_written += len(meta)
        batch.drop_graphs.add(s.writer.graph)
        batch.delete_subjects.setdefault(ids.META_GRAPH, set()).update(subjects)
    store.apply(batch)
