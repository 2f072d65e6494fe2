"""``diplograph serve``: the store over the SPARQL 1.1 Protocol, behind a small front (``server_proxy``).

How it runs:

1. **Lock.** ``serve`` holds the store through the lock every diplograph process takes
   (:mod:`graph.store.locking`, ``DIR/diplograph.lock``): read-only as a reader, so queries from the CLI
   and scripts go on beside it while an ingest (or ``graphs --drop``...) is refused at once or waits with
   ``--wait``; ``--writable`` as the store's writer, so readers and other writers are told which process
   writes the store. Read-only it also holds RocksDB's own lock file (``DIR/LOCK``), which a second
   ``serve`` on the store would need: that one is refused. With ``--writable``, queries go to the
   endpoint meanwhile (``--store sparql+http://127.0.0.1:7878`` works for the CLI too).
2. **Engine, read-only (the default).** No server process and no port but the front's: a pool of
   worker processes (:class:`graph.server_engine.EnginePool`, ``--workers``) each open the store read-only with
   pyoxigraph and answer one query at a time over pipes. A worker cannot open a network socket
   (:func:`graph.sandbox.deny_network`, a seccomp filter), so ``SERVICE`` reaches nothing whatever the query
   text, and ``SERVICE`` is refused with 403 from a real parse (``sparqltext.service_in_parse``).
   Every query is bounded: ``--timeout`` seconds from its arrival (waiting for a worker, evaluating
   and streaming the answer), after which its own worker is killed and replaced while the others
   go on; ``--max-result-mb`` of serialised results, past which the worker stops it.
3. **Engine, ``--writable``.** Still no server process and no other port: *one* worker, in the
   same network sandbox, opens the store read-write with pyoxigraph and answers queries, SPARQL
   updates and Graph Store writes one at a time (:mod:`graph.server_writes`). One worker because
   a read-write store can be open in one process only, and because a reader opened beside it
   would see the store as it was when it opened: this way every read sees every committed write
   at once. ``SERVICE`` and ``LOAD`` are refused from a parse and could reach nothing anyway. The
   same ``--timeout`` and ``--max-result-mb`` bounds hold; a request past its deadline has the
   worker killed (an update is atomic, so it is applied whole or not at all) and a new one opens
   the store.
4. **Front.** :class:`graph.server_proxy.Front` on ``--host``/``--port``.
5. **Stop.** Ctrl-C or SIGTERM stops the front and the workers (the writable one gets 10 s to
   close the store, then SIGKILL) and releases the locks. Children also get SIGTERM if this
   process dies (Linux).

The parts: this module (start, lock, stop; and :class:`OxigraphProcess`, the Oxigraph server
binary as a child, which the remote-store tests and benchmarks use); :mod:`graph.server_engine`
(the worker pool, front side); :mod:`graph.server_worker` (what runs in a worker);
:mod:`graph.server_writes` (the writes of ``--writable``); :mod:`graph.sandbox` (the seccomp
filter); :mod:`graph.server_proxy` and :mod:`graph.server_relay` (the HTTP front: requests, and
how answers are sent).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from graph.errors import ConfigError, StoreError, StoreLockedError
from graph.sandbox import die_with_parent
from graph.server_engine import EnginePool
from graph.server_proxy import Front

MAX_RESULT_MB = 256  # the default bound on one answer's size (diplograph serve --max-result-mb)


def find_oxigraph() -> str:
    """Path of the ``oxigraph`` server binary (PyPI package ``oxigraph``)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ConfigError(
        "the Oxigraph server binary `oxigraph` was not found (next to Python or on PATH)",
        hint="install it with `pip install oxigraph` (the same version as pyoxigraph)",
    )


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago on ``host``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class OxigraphProcess:
    """An ``oxigraph serve`` / ``serve-read-only`` child process on a loopback port.

    Example (starts a process, so not run here)::

        with OxigraphProcess("/path/to/store", read_only=False) as ox:
            print(ox.url)   # http://127.0.0.1:PORT
    """

    def __init__(
        self,
        location: str | None,
        *,
        read_only: bool = True,
        host: str = "127.0.0.1",
        port: int | None = None,
        timeout: int | None = None,
        union: bool = True,
        stderr: IO[bytes] | int | None = subprocess.DEVNULL,
    ) -> None:
        self.host = host
        self.port = port or free_port(host)
        args = [find_oxigraph(), "serve-read-only" if read_only else "serve", "--bind", f"{host}:{self.port}"]
        if location is not None:
            args += ["--location", location]
        if union:
            args.append("--union-default-graph")
        if timeout:
            args += ["--timeout-s", str(timeout)]
        self.args = args
        self._stderr = stderr
        self._log: IO[bytes] | None = None
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, wait: float = 30.0) -> OxigraphProcess:
        import tempfile

        if self._stderr is subprocess.DEVNULL:
            self._log = tempfile.TemporaryFile()  # noqa: SIM115 (kept open while the process runs)
        stderr = self._log if self._log is not None else self._stderr
        preexec = die_with_parent if sys.platform.startswith("linux") else None
        self.process = subprocess.Popen(
            self.args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
            start_new_session=True, preexec_fn=preexec,
        )  # fmt: skip
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise self._failed()
            with contextlib.suppress(OSError), socket.create_connection((self.host, self.port), timeout=0.5):
                return self
            time.sleep(0.05)
        self.stop()
        raise StoreError(f"the Oxigraph server did not start listening within {wait:.0f} s", where=" ".join(self.args))

    def _failed(self) -> StoreError:
        text = ""
        if self._log is not None:
            self._log.seek(0)
            text = self._log.read().decode("utf-8", "replace").strip()
        if "lock" in text.lower():
            return StoreLockedError(
                "the store is in use by another process (an ingest or another `diplograph serve`)",
                where=self.args[self.args.index("--location") + 1] if "--location" in self.args else None,
                hint="wait for that process to finish or stop it, then retry",
            )
        return StoreError(f"the Oxigraph server stopped at start: {text or 'no message'}", where=" ".join(self.args))

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace: float = 5.0) -> int | None:
        """Terminate the process (SIGTERM, then SIGKILL); returns its exit code."""
        proc = self.process
        if proc is None:
            return None
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        return proc.returncode

    def __enter__(self) -> OxigraphProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def _store_locks(directory: str, writable: bool) -> Iterator[None]:
    """Hold the store while serving: as its writer (``--writable``) or as a reader, through the lock every
    diplograph process takes (:class:`graph.store.locking.StoreLock`, waiting as long as ``--wait`` says);
    read-only, also RocksDB's own lock file (``DIR/LOCK``), so that a second ``serve`` is refused."""
    from graph.store.locking import StoreLock

    path = Path(directory)
    if writable:
        path.mkdir(parents=True, exist_ok=True)
    elif not (path / "CURRENT").exists():
        raise StoreError(
            "no diplograph store here",
            where=str(path),
            hint="ingest something first (diplograph ingest FILE) or pass --store with the right path",
        )
    lock = StoreLock(directory, exclusive=writable)
    lock.acquire()
    try:
        if writable:
            yield
        else:
            with _rocksdb_lock(path):
                yield
    finally:
        lock.release()


@contextlib.contextmanager
def _rocksdb_lock(path: Path) -> Iterator[None]:
    fd = os.open(path / "LOCK", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise StoreLockedError(
                "the store is in use by another process (another `diplograph serve`)",
                where=str(path),
                hint="stop that server, or query it at its endpoint",
            ) from exc
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def serve(
    directory: str,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: int = 30,
    cors: bool = False,
    writable: bool = False,
    verbose: bool = False,
    workers: int = 4,
    max_result_mb: int = MAX_RESULT_MB,
    on_ready: Callable[[str], None] | None = None,
) -> int:
    """Serve the store in ``directory`` until SIGINT/SIGTERM; returns an exit code (0 = stopped cleanly).

    Read-only (the default): ``workers`` pyoxigraph worker processes answer the queries, each
    bounded by ``timeout`` seconds and ``max_result_mb`` MB of results (0: no size limit).
    ``writable``: one read-write worker answers queries, updates and Graph Store writes in turn,
    with the same bounds (``workers`` is not used); the store is created if it does not exist.

    Raises:
        StoreError / StoreLockedError: no store there (read-only), or another process holds it.
        ConfigError: the port is taken.
    """
    with _store_locks(directory, writable):
        pool = EnginePool(directory, 1 if writable else workers, verbose=verbose, writable=writable)
        if not pool.sandboxed:
            sys.stderr.write(
                "warning: the query workers cannot be kept off the network on this system; SERVICE (and LOAD) "
                "are refused from the parse only, and requests rdflib cannot parse that mention them are refused\n"
            )
        try:
            front = Front((host, port), pool=pool, writable=writable, cors=cors, timeout=timeout,
                          queries_json=queries_json(), verbose=verbose,
                          max_bytes=max_result_mb * 1024 * 1024)  # fmt: skip
        except OSError as exc:
            pool.close()
            raise ConfigError(f"cannot listen on {host}:{port}: {exc}", hint="choose another --port") from exc
        return _run_front(front, f"http://{host}:{front.server_address[1]}", on_ready, pool.close)


def _run_front(front: Front, url: str, on_ready: Callable[[str], None] | None, cleanup: Callable[[], None]) -> int:
    def stop(signum: int, _frame: object) -> None:
        threading.Thread(target=front.shutdown, daemon=True).start()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if on_ready:
            on_ready(url)
        front.serve_forever(poll_interval=0.2)
    finally:
        front.server_close()
        cleanup()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def queries_json() -> bytes:
    """The named queries and prefixes for the query page."""
    import json

    from graph.namespaces import PREFIXES
    from graph.queries import list_queries

    queries = [{"name": q.name, "summary": q.summary, "text": q.text} for q in list_queries()]
    return json.dumps({"prefixes": PREFIXES, "queries": queries}).encode()
