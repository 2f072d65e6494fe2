"""``diplograph serve``: the store over the SPARQL 1.1 Protocol, behind a small front (``server_proxy``).

How it runs:

1. **Lock.** In read-only mode the front takes the store's RocksDB lock file (``DIR/LOCK``, the
   ``fcntl`` lock RocksDB itself takes) and holds it while serving. Oxigraph's read-only mode does
   not lock the store, and its documentation calls a writer next to a read-only reader *undefined
   behaviour*; holding the lock turns that into a clear refusal on the writer's side: a
   ``diplograph ingest`` (or ``query``, ``graphs --drop``...) on the same store fails at once with
   :class:`~graph.errors.StoreLockedError` ("in use by another process"), and ``serve`` on a store
   that an ingest holds fails the same way. In ``--writable`` mode ``oxigraph serve`` takes the
   lock itself, with the same effect. Queries go to the endpoint meanwhile (``--store
   sparql+http://127.0.0.1:7878`` works for the CLI too).
2. **Engine, read-only (the default).** No server process and no port but the front's: a pool of
   worker processes (:class:`graph.server_engine.EnginePool`, ``--workers``) each open the store read-only with
   pyoxigraph and answer one query at a time over pipes. A worker cannot open a network socket
   (:func:`graph.sandbox.deny_network`, a seccomp filter), so ``SERVICE`` reaches nothing whatever the query
   text, and ``SERVICE`` is refused with 403 from a real parse (``sparqltext.service_in_parse``).
   Every query is bounded: ``--timeout`` seconds from its arrival (waiting for a worker, evaluating
   and streaming the answer), after which its own worker is killed and replaced while the others
   go on; ``--max-result-mb`` of serialised results, past which the worker stops it.
3. **Engine, ``--writable``.** ``oxigraph serve --location DIR --union-default-graph --timeout-s N``
   on a private loopback port (the binary comes from the ``oxigraph`` PyPI package, found next to
   the Python interpreter or on ``PATH``); the front forwards to it and restarts it if a query
   ignores its timeout. That port answers any local process and honours ``SERVICE``: writable mode
   is for a trusted machine.
4. **Front.** :class:`graph.server_proxy.Front` on ``--host``/``--port``.
5. **Stop.** Ctrl-C or SIGTERM stops the front, kills the workers (or terminates the Oxigraph
   server: SIGTERM, then SIGKILL after 5 s) and releases the lock. Children also get SIGTERM if
   this process dies (Linux).

The parts: this module (start, lock, stop, the writable mode); :mod:`graph.server_engine` (the
worker pool, front side); :mod:`graph.server_worker` (what runs in a worker);
:mod:`graph.sandbox` (the seccomp filter); :mod:`graph.server_proxy` and
:mod:`graph.server_relay` (the HTTP front: requests, and how answers are sent).
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
def store_lock(directory: str) -> Iterator[None]:
    """Hold the store's RocksDB lock (``DIR/LOCK``) so that no writer opens it meanwhile."""
    path = Path(directory)
    if not (path / "CURRENT").exists():
        raise StoreError(
            "no diplograph store here",
            where=str(path),
            hint="ingest something first (diplograph ingest FILE) or pass --store with the right path",
        )
    fd = os.open(path / "LOCK", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise StoreLockedError(
                "the store is in use by another process (an ingest or another `diplograph serve`)",
                where=str(path),
                hint="wait for that process to finish or stop it, then serve again",
            ) from exc
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def check_versions(binary: str) -> str | None:
    """A warning when the server binary's minor version differs from pyoxigraph's, else None."""
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout.split()
        import pyoxigraph

        server, library = out[-1], str(pyoxigraph.__version__)
    except (OSError, IndexError, subprocess.SubprocessError):
        return None
    if server.split(".")[:2] != library.split(".")[:2]:
        return f"oxigraph server {server} and pyoxigraph {library} differ: install the same version of both"
    return None


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
    ``writable``: the Oxigraph server behind the front, as described at the top of this module.

    Raises:
        StoreError / StoreLockedError: no store there, or another process holds it.
        ConfigError: the ``oxigraph`` binary is missing (``writable`` only), or the port is taken.
    """
    if writable:
        return _serve_writable(directory, host=host, port=port, timeout=timeout, cors=cors, verbose=verbose,
                               on_ready=on_ready)  # fmt: skip
    with store_lock(directory):
        pool = EnginePool(directory, workers, verbose=verbose)
        if not pool.sandboxed:
            sys.stderr.write(
                "warning: the query workers cannot be kept off the network on this system; SERVICE is refused "
                "from the parse only, and queries rdflib cannot parse are refused\n"
            )
        try:
            front = Front((host, port), None, writable=False, cors=cors, timeout=timeout, queries_json=queries_json(),
                          verbose=verbose, pool=pool, max_bytes=max_result_mb * 1024 * 1024)  # fmt: skip
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


def _serve_writable(
    directory: str,
    *,
    host: str,
    port: int,
    timeout: int,
    cors: bool,
    verbose: bool,
    on_ready: Callable[[str], None] | None,
) -> int:
    Path(directory).mkdir(parents=True, exist_ok=True)
    with store_lock_if_exists(directory):
        pass  # only a check: `oxigraph serve` takes the lock itself
    engine = OxigraphProcess(
        directory, read_only=False, timeout=timeout, stderr=None if verbose else subprocess.DEVNULL
    )
    engine.start()
    restart_lock = threading.Lock()
    restarting = threading.Event()

    def restart(generation: int) -> None:
        """Kill a stuck engine (once per generation, whatever the number of stuck queries); the
        watcher thread starts the new one (a child dies with the thread that started it)."""
        with restart_lock:
            if generation != front.generation or stopping.is_set() or not engine.alive():
                return
            front.generation += 1
            front.engine_ready.clear()
            restarting.set()
            sys.stderr.write("warning: a query ignored the timeout; restarting the Oxigraph server\n")
            assert engine.process is not None
            engine.process.kill()

    stopping = threading.Event()
    try:
        front = Front((host, port), (engine.host, engine.port), writable=True, cors=cors, timeout=timeout,
                      queries_json=queries_json(), verbose=verbose, on_stuck=restart)  # fmt: skip
    except OSError as exc:
        engine.stop()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc}", hint="choose another --port") from exc
    return _run(front, engine, f"http://{host}:{front.server_address[1]}", on_ready, stopping, restarting)


@contextlib.contextmanager
def store_lock_if_exists(directory: str) -> Iterator[None]:
    if (Path(directory) / "CURRENT").exists():
        with store_lock(directory):
            yield
    else:
        yield


def _run(
    front: Front,
    engine: OxigraphProcess,
    url: str,
    on_ready: Callable[[str], None] | None,
    stopping: threading.Event,
    restarting: threading.Event,
) -> int:
    status = {"code": 0}

    def stop(signum: int, _frame: object) -> None:
        threading.Thread(target=front.shutdown, daemon=True).start()

    def watch() -> None:
        """Wait on the engine; start a new one after a restart, stop serving if it died otherwise."""
        while True:
            process = engine.process
            assert process is not None
            process.wait()
            if stopping.is_set():
                return
            if restarting.is_set():
                engine.stop()
                try:
                    engine.start()
                    restarting.clear()
                    continue
                except StoreError as exc:
                    sys.stderr.write(f"error: the Oxigraph server did not restart: {exc}\n")
                finally:
                    front.engine_ready.set()
            else:
                sys.stderr.write(f"error: the Oxigraph server stopped unexpectedly (exit {process.returncode})\n")
            status["code"] = 1
            front.shutdown()
            return

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    threading.Thread(target=watch, daemon=True).start()
    try:
        if on_ready:
            on_ready(url)
        front.serve_forever(poll_interval=0.2)
    finally:
        stopping.set()
        front.server_close()
        engine.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return status["code"]


def queries_json() -> bytes:
    """The named queries and prefixes for the query page."""
    import json

    from graph.namespaces import PREFIXES
    from graph.queries import list_queries

    queries = [{"name": q.name, "summary": q.summary, "text": q.text} for q in list_queries()]
    return json.dumps({"prefixes": PREFIXES, "queries": queries}).encode()
