"""Readers and the writer of one on-disk store, across processes: many readers or one writer.

Oxigraph opens a store read-only beside a writer, but reading files a writer is changing is
undefined behaviour (pyoxigraph says so), and a read-only open sees the store as it was when opened.
So every open takes an advisory lock on ``DIR/diplograph.lock`` (``flock``, released by the kernel
when the process ends, however it ends): shared for a reader, exclusive for the writer. A reader
never sees a write in progress: it waits for the writer to finish (``wait`` seconds, default none)
and then sees everything committed. A writer waits the same way for the readers to close.

The writer records its pid and command line in the lock file, so the message of whoever is kept out
can name it. How long to wait comes from the ``wait`` argument of :func:`graph.store.open_store`, else
from :func:`waiting` (the CLI's ``--wait SECONDS``), else 0: fail at once with a clear message.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from graph.errors import StoreLockedError

LOCK_FILE = "diplograph.lock"
POLL_SECONDS = 0.05
_WAIT: ContextVar[float] = ContextVar("diplograph_store_wait", default=0.0)
log = logging.getLogger(__name__)


@contextlib.contextmanager
def waiting(seconds: float | None) -> Iterator[None]:
    """Within this block, opening a store waits up to ``seconds`` for other processes (the CLI's ``--wait``).

    Example:
        >>> with waiting(5):
        ...     default_wait()
        5.0
    """
    if seconds is None:
        yield
        return
    token = _WAIT.set(max(0.0, float(seconds)))
    try:
        yield
    finally:
        _WAIT.reset(token)


def default_wait() -> float:
    """Seconds an open waits when it is not told (0 unless inside :func:`waiting`)."""
    return _WAIT.get()


class StoreLock:
    """The shared (reader) or exclusive (writer) lock of one store directory.

    Example:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> a, b = StoreLock(d, exclusive=False), StoreLock(d, exclusive=False)
        >>> a.acquire(0); b.acquire(0)  # two readers at once
        >>> a.release(); b.release()
    """

    def __init__(self, directory: str | Path, *, exclusive: bool) -> None:
        self.directory = Path(directory)
        self.exclusive = exclusive
        self._fd: int | None = None

    def acquire(self, wait: float | None = None) -> None:
        """Take the lock, waiting up to ``wait`` seconds (default: :func:`default_wait`).

        Raises:
            StoreLockedError: another process still holds the store after the wait.
        """
        if self._fd is not None:
            return
        wait = default_wait() if wait is None else max(0.0, wait)
        fd = self._open()
        if fd is None:  # cannot even create the lock file (a read-only copy of a store): nobody writes here
            return
        flag = fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, flag | fcntl.LOCK_NB)
                if self._current(fd):
                    break
                # the store was swapped for a new version while we waited (a bulk load,
                # graph.store.oxigraph_bulk): wait on the lock file of the new one
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
                reopened = self._open()
                if reopened is None:
                    return
                fd = reopened
                continue
            except OSError:
                if time.monotonic() >= deadline:
                    holder = self._holder(fd)
                    os.close(fd)
                    raise self.refused(wait, holder) from None
                if not told:
                    log.info("waiting up to %.0f s for %s (%s)", wait, self.directory, self._holder(fd) or "readers")
                    told = True
                time.sleep(min(POLL_SECONDS, max(0.0, deadline - time.monotonic())))
        self._fd = fd
        if self.exclusive:
            self._write_holder(fd)
        elif self._holder(fd):  # left by a writer that was killed: no writer holds the store now
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            if self.exclusive:
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    def __del__(self) -> None:
        # a store dropped without close() (a notebook's kg reassigned): let writers in once it is collected
        with contextlib.suppress(Exception):
            self.release()

    def refused(self, wait: float, holder: str | None) -> StoreLockedError:
        """The error when the lock stays taken: who holds the store and what to do."""
        waited = f" (waited {wait:g} s)" if wait else ""
        if holder or not self.exclusive:
            writer = holder or "a writer (an ingest)"
            what = f"the store is in use by another process: {writer} is writing it{waited}"
            hint = (
                "pass --wait SECONDS (e.g. --wait 600; wait= in graph.open) to wait for the write to end; "
                "readers then see everything it wrote"
            )
        else:
            what = (
                "the store is in use by another process: it is open for reading (a query, view, export, "
                f"validate, `diplograph serve`, or graph.open() in a script or notebook){waited}"
            )
            hint = "close the readers (kg.close() in a notebook), or pass --wait SECONDS (e.g. --wait 600) to wait"
        return StoreLockedError(what, where=str(self.directory), hint=hint)

    def _open(self) -> int | None:
        path = self.directory / LOCK_FILE
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            try:
                return os.open(path, os.O_RDONLY)
            except OSError:
                return None

    def _current(self, fd: int) -> bool:
        """Whether ``fd`` is still the lock file at the store's path."""
        try:
            here, there = os.fstat(fd), os.stat(self.directory / LOCK_FILE)
        except OSError:
            return True  # nothing to compare with (a read-only copy): keep the lock we have
        return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)

    @staticmethod
    def _holder(fd: int) -> str | None:
        try:
            text = os.pread(fd, 512, 0).decode("utf-8", "replace").strip()
        except OSError:
            return None
        return text or None

    @staticmethod
    def _write_holder(fd: int) -> None:
        command = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv[:4]))
        text = f"pid {os.getpid()} ({command[:200]})" if command else f"pid {os.getpid()}"
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, text.encode("utf-8", "replace"), 0)
