"""Bulk loads into an on-disk Oxigraph store that replace graphs all-or-nothing.

Oxigraph's bulk loader is fast (it writes sorted files straight into the database) but not
transactional: a crash or a syntax error half-way would leave part of a file in the store. So a bulk
load never writes the store itself:

1. a checkpoint of the store is made beside it (``.NAME.staging``: RocksDB hard-links its files,
   which costs milliseconds whatever the store's size);
2. the caller writes into that copy (:class:`Staging`): clears what it replaces and bulk-loads, with
   Oxigraph reading the file itself (:meth:`Staging.load_file`, which frees the GIL so the caller can
   read the file in Python at the same time) or from a stream of quads;
3. the copy is flushed and closed;
4. the copy and the store swap directories in one ``renameat2(RENAME_EXCHANGE)`` (Linux); the old
   version, now at the staging path, is deleted.

Until step 4 the store is as it was; after it, the store is the new version: a crash at any point
leaves one or the other. Where the kernel or file system cannot exchange two directories, the store is
first renamed aside (``.NAME.previous``) and the copy renamed into place; a crash between the two
renames is undone when the store is next opened (:func:`recover`). The lock file moves with the
directory: processes waiting on the old one notice and wait on the new one (:mod:`graph.store.locking`).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from graph.errors import StoreError, StoreLockedError
from graph.store.base import Quad
from graph.store.locking import StoreLock

if TYPE_CHECKING:
    from graph.store.oxigraph import OxigraphStore

_GRAPHS_PER_UPDATE = 200
_SUBJECTS_PER_UPDATE = 1000
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_path(directory: Path) -> Path:
    return directory.parent / f".{directory.name}.staging"


def aside_path(directory: Path) -> Path:
    return directory.parent / f".{directory.name}.previous"


class Staging:
    """The copy of the store a bulk load writes into (see :func:`staged`), and the store it copies."""

    def __init__(self, original: ox.Store, directory: Path) -> None:
        self._original = original
        self.directory = directory
        self._copy: ox.Store | None = None
        self.reset()

    def reset(self) -> None:
        """Start again from a fresh copy of the store (what was written to the copy is dropped)."""
        self.close()
        _remove(self.directory)
        try:
            self._original.backup(str(self.directory))
        except (OSError, RuntimeError) as exc:
            raise StoreError(
                f"cannot make the staging copy for a bulk load: {exc}",
                where=str(self.directory),
                hint="the store's parent directory must be writable and on the same file system",
            ) from exc
        self._copy = ox.Store(str(self.directory))

    @property
    def copy(self) -> ox.Store:
        assert self._copy is not None
        return self._copy

    def close(self) -> None:
        self._copy = None  # pyoxigraph closes the database when its last reference goes

    # -- what the store holds before the load ---------------------------------------------
    def had_graph(self, name: str) -> bool:
        return self._original.contains_named_graph(ox.NamedNode(name))

    def had_subject(self, graph: str, subject: str) -> bool:
        found = self._original.quads_for_pattern(ox.NamedNode(subject), None, None, ox.NamedNode(graph))
        return next(found, None) is not None

    # -- writes to the copy -----------------------------------------------------------------
    def drop_graph(self, name: str) -> None:
        """Remove a graph the load replaces (call before handing over any of its new quads)."""
        node = ox.NamedNode(name)
        if self.copy.contains_named_graph(node):
            self.copy.remove_graph(node)

    def drop_graphs(self, names: Iterable[str]) -> None:
        """Remove graphs, a few hundred per update (fewer transactions than one each)."""
        _in_chunks(self.copy, [f"DROP SILENT GRAPH <{name}>" for name in names], _GRAPHS_PER_UPDATE)

    def drop_subject(self, graph: str, subject: str) -> None:
        """Remove a subject's statements in a shared graph (call before handing over its new ones)."""
        for q in list(self.copy.quads_for_pattern(ox.NamedNode(subject), None, None, ox.NamedNode(graph))):
            self.copy.remove(q)

    def drop_subjects(self, graph: str, subjects: Iterable[str]) -> None:
        """Remove the statements of many subjects in a shared graph, a thousand subjects per update."""
        subjects = list(subjects)
        parts = []
        for start in range(0, len(subjects), _SUBJECTS_PER_UPDATE):
            values = " ".join(f"<{s}>" for s in subjects[start : start + _SUBJECTS_PER_UPDATE])
            parts.append(
                f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                + f"WHERE {{ VALUES ?s {{ {values} }} GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            )
        _in_chunks(self.copy, parts, 1)

    def load_file(self, path: str, fmt: ox.RdfFormat, base_iri: str, default_graph: str) -> None:
        """Bulk-load a file as it is, parsed by Oxigraph (the GIL is released meanwhile).

        Raises:
            SyntaxError: the file does not parse (part of it may be in the copy).
        """
        self.copy.bulk_load(path=path, format=fmt, base_iri=base_iri, to_graph=ox.NamedNode(default_graph))

    def load_nquads(self, source: BinaryIO, base_iri: str) -> None:
        """Bulk-load N-Quads read from a binary stream (a pipe another thread writes), parsed by Oxigraph
        with the GIL released.

        Raises:
            SyntaxError: the stream does not parse (part of it may be in the copy).
        """
        self.copy.bulk_load(input=source, format=ox.RdfFormat.N_QUADS, base_iri=base_iri)

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        self.copy.bulk_extend(quads)

    def extend(self, quads: Iterable[Quad]) -> None:
        """Add store-neutral quads (the digests), in one transaction."""
        from graph.store.oxigraph import _Converter

        convert = _Converter().quad
        self.copy.extend([convert(q) for q in quads])


@contextlib.contextmanager
def staged(store: OxigraphStore) -> Iterator[Staging]:
    """A copy of ``store`` to bulk-load into, swapped in for the store when the block ends without an
    exception, and deleted otherwise (the store is then as it was)."""
    store._writable()
    directory = store._directory
    if directory is None:
        raise StoreError("a bulk load needs an on-disk store", where=store.location)
    staging_dir = staging_path(directory)
    _remove(aside_path(directory))
    staging = Staging(store._store, staging_dir)
    swapped = False
    try:
        yield staging
        staging.copy.flush()
        staging.close()
        lock = StoreLock(staging_dir, exclusive=True)
        lock.acquire(0)
        store._store = None  # type: ignore[assignment]
        staging._original = None  # type: ignore[assignment]  # the last references: the database closes
        try:
            _swap(staging_dir, directory)
            swapped = True
        finally:
            if swapped:
                lock.directory = directory
                old, store._lock = store._lock, lock
                if old is not None:
                    old.release()
            else:
                lock.release()
            store._store = ox.Store(str(directory))
    finally:
        staging.close()
        _remove(staging_dir)  # the new version not swapped in, or the old one swapped out


def _in_chunks(store: ox.Store, updates: list[str], per_update: int) -> None:
    for start in range(0, len(updates), per_update):
        store.update(" ;\n".join(updates[start : start + per_update]))


def recover(directory: Path) -> None:
    """Finish what a crash between the two renames of a swap left: the store renamed aside and not yet
    replaced is put back (the load it was making is lost; the store is as it was before it)."""
    aside = aside_path(directory)
    if directory.exists() or not (aside / "CURRENT").exists():
        return
    lock = StoreLock(aside, exclusive=True)  # the writer of a swap in progress holds it
    try:
        lock.acquire(0)
    except StoreLockedError:
        return
    try:
        if not directory.exists():
            os.rename(aside, directory)
    finally:
        lock.release()


def _swap(staging: Path, directory: Path) -> None:
    """Exchange the two directories atomically, or by two renames where that is not possible."""
    if not _exchange(staging, directory):
        aside = aside_path(directory)
        os.rename(directory, aside)
        os.rename(staging, directory)
        os.rename(aside, staging)
    _sync_directory(directory.parent)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot: rename instead
        return False
    raise StoreError(f"cannot swap in the loaded store: {os.strerror(errno)}", where=str(b))


def _sync_directory(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)
