"""The front's side of the query workers: :class:`Engine` (one worker process, over pipes) and
:class:`EnginePool` (``diplograph serve --workers`` read-only workers, or the one read-write
worker of ``--writable``).

The workers themselves (what runs in them, and the frames they answer with) are in
:mod:`graph.server_worker`.
"""

from __future__ import annotations

import contextlib
import os
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

from graph.errors import StoreError, StoreLockedError
from graph.sandbox import die_with_parent
from graph.server_worker import FRAME

SLOW_QUERY_S = 1.0  # a query running longer gets a lower CPU priority (nice +10) than the short ones
_ENGINE_CODE = "import sys; from graph.server_worker import engine_main; sys.exit(engine_main(*sys.argv[1:3]))"


class Engine:
    """One query worker process, seen from the front."""

    def __init__(self, location: str, *, stderr: int | None = subprocess.DEVNULL, writable: bool = False) -> None:
        """Start the process (the thread that calls this must outlive it: the child gets SIGTERM
        when that thread ends, Linux); :meth:`ready` waits until it has opened the store.

        ``writable``: the worker opens the store read-write (one per store), and a long request
        keeps its priority (there are no other workers to yield to).
        """
        preexec = die_with_parent if sys.platform.startswith("linux") else None
        self.location = location
        self.writable = writable
        mode = "read-write" if writable else "read-only"
        self.process = subprocess.Popen(
            [sys.executable, "-c", _ENGINE_CODE, location, mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=stderr, start_new_session=True, preexec_fn=preexec,
        )  # fmt: skip
        assert self.process.stdin is not None and self.process.stdout is not None
        self._in, self._out = self.process.stdin.fileno(), self.process.stdout.fileno()
        self._pending = b""
        self.sandboxed = False
        self.reniced = False
        self._slow_at = float("inf")

    def ready(self, wait: float = 60.0) -> Engine:
        """Wait for the worker's greeting; raises StoreError (and kills it) when it does not come."""
        import json

        try:
            kind, payload = self._frame(time.monotonic() + wait)
        except (TimeoutError, EOFError) as exc:
            self.kill()
            raise StoreError(f"a query worker did not start: {exc}", where=self.location) from exc
        if kind != b"R":
            self.kill()
            message = _message(payload)
            if "lock" in message.lower():
                raise StoreLockedError(
                    "the store is in use by another process (an ingest or another `diplograph serve`)",
                    where=self.location,
                    hint="wait for that process to finish or stop it, then serve again",
                )
            mode = "read-write" if self.writable else "read-only"
            raise StoreError(f"cannot open the store {mode}: {message}", where=self.location)
        self.sandboxed = bool(json.loads(payload)["sandbox"])
        return self

    def send(self, request: dict[str, Any], body: bytes = b"") -> None:
        """Send one request (and its body, if any). Raises EOFError when the worker is gone."""
        import json

        message = json.dumps({**request, "body": len(body)} if body else request).encode()
        data = memoryview(struct.pack(">I", len(message)) + message + body)
        try:
            while data:
                data = data[os.write(self._in, data) :]
        except OSError as exc:
            raise EOFError(f"the query worker is gone: {exc}") from exc
        self._slow_at = float("inf") if self.writable else time.monotonic() + SLOW_QUERY_S

    def frames(self, deadline: float) -> Iterator[tuple[bytes, bytes]]:
        """The answer's frames (``H`` head, ``D`` data, ``E`` error, ``Z`` end) until the last one.

        Raises:
            TimeoutError: the deadline passed first.
            EOFError: the worker died.
        """
        while True:
            kind, payload = self._frame(deadline)
            yield kind, payload
            if kind in (b"E", b"Z"):
                return

    def _frame(self, deadline: float) -> tuple[bytes, bytes]:
        head = self._take(FRAME.size, deadline)
        kind, size = FRAME.unpack(head)
        return kind, self._take(size, deadline)

    def _take(self, size: int, deadline: float) -> bytes:
        import select

        while len(self._pending) < size:
            now = time.monotonic()
            if now >= self._slow_at and not self.reniced:
                self._lower_priority()
            left = deadline - now
            wait = left if self.reniced else min(left, self._slow_at - now)
            if left <= 0:
                raise TimeoutError("the query ran past its deadline")
            if not select.select([self._out], [], [], max(wait, 0))[0]:
                continue
            data = os.read(self._out, max(65536 + FRAME.size, size - len(self._pending)))
            if not data:
                raise EOFError("the query worker stopped")
            self._pending += data
        taken, self._pending = self._pending[:size], self._pending[size:]
        return taken

    def _lower_priority(self) -> None:
        """A long query yields the processors to the short ones (nice +10) for the rest of its run."""
        self.reniced = True
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, self.process.pid, 10)

    def restore_priority(self) -> bool:
        """Back to normal priority after a long query; False when not allowed (then replace it)."""
        if not self.reniced:
            return True
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, 0)
        except OSError:
            return False
        self.reniced = False
        return True

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self, grace: float = 0.0) -> None:
        """Stop the worker: with ``grace``, first close its input and wait that long for it to end."""
        if grace and self.process.poll() is None and self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(grace)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


class EnginePool:
    """``size`` query workers on the store in ``location``: one query at a time each.

    ``writable``: one worker (``size`` must be 1) that opens the store read-write; at the end it is
    given a few seconds to close the store before it is killed.

    A worker whose query overran (or whose client went away mid-answer) is killed and replaced in
    the background; the others go on. Example (starts processes, so not run here)::

        pool = EnginePool("/path/to/store", 4)
        engine = pool.acquire(30.0)
        ...
        pool.release(engine, healthy=True)
        pool.close()
    """

    def __init__(self, location: str, size: int, *, verbose: bool = False, writable: bool = False) -> None:
        import queue

        if writable and size != 1:
            raise ValueError("a writable pool has exactly one worker")
        self.location, self.size, self.writable = location, size, writable
        self._stderr = None if verbose else subprocess.DEVNULL
        self._idle: queue.Queue[Engine] = queue.Queue()
        self._wanted: queue.Queue[int] = queue.Queue()  # replacements for the spawner thread
        self._all: set[Engine] = set()
        self._lock = threading.Lock()
        self._closed = False
        # Every worker is started by one thread that lives as long as the pool (see Engine).
        started: queue.Queue[list[Engine] | BaseException] = queue.Queue()
        self._spawner = threading.Thread(target=self._spawn, args=(started,), daemon=True, name="query-workers")
        self._spawner.start()
        first = started.get()
        if isinstance(first, BaseException):
            raise first
        self.sandboxed = all(e.sandboxed for e in first)
        for engine in first:
            self._idle.put(engine)

    def _spawn(self, started: Any) -> None:
        try:
            engines = [Engine(self.location, stderr=self._stderr, writable=self.writable) for _ in range(self.size)]
            with self._lock:
                self._all.update(engines)
            for engine in engines:
                engine.ready()
        except BaseException as exc:  # handed to the constructor
            self.close()
            started.put(exc)
            return
        started.put(engines)
        while True:
            self._wanted.get()
            if self._closed:
                return
            self._replace()

    def _replace(self) -> None:
        for attempt in range(5):
            engine = Engine(self.location, stderr=self._stderr, writable=self.writable)
            with self._lock:
                if self._closed:
                    engine.kill()
                    return
                self._all.add(engine)
            try:
                engine.ready()
            except StoreError as exc:
                with self._lock:
                    self._all.discard(engine)
                if self._closed:
                    return
                sys.stderr.write(f"warning: a query worker did not restart (attempt {attempt + 1}): {exc}\n")
                time.sleep(1.0)
                continue
            self._idle.put(engine)
            return

    def acquire(self, timeout: float) -> Engine | None:
        """An idle worker, or None when all stayed busy for ``timeout`` seconds."""
        import queue

        try:
            return self._idle.get(timeout=max(timeout, 0.001))
        except queue.Empty:
            return None

    def release(self, engine: Engine, *, healthy: bool) -> None:
        """Give a worker back; one that is not healthy (overran, half-read answer) is replaced."""
        if healthy and engine.alive() and not self._closed and engine.restore_priority():
            self._idle.put(engine)
            return
        engine.kill()
        with self._lock:
            self._all.discard(engine)
        if not self._closed:
            self._wanted.put(1)

    def close(self) -> None:
        self._closed = True
        self._wanted.put(0)
        with self._lock:
            engines = list(self._all)
            self._all.clear()
        for engine in engines:
            engine.kill(grace=10.0 if self.writable else 0.0)


def _message(payload: bytes) -> str:
    import json

    try:
        return str(json.loads(payload)["message"])
    except (ValueError, KeyError, TypeError):
        return payload.decode("utf-8", "replace")
