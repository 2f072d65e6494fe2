"""The answering side of the ``diplograph serve`` front: how an answer reaches the client.

:class:`Relay` is the base of :class:`graph.server_proxy.Handler` (which routes the request, checks
its ``Host``, reads its body and parameters): read-only, it relays a query worker's frames within
the request's deadline; ``--writable``, it passes the request through to the Oxigraph server and
relays its response, turning an error appended to a streamed ``200`` into a real status. Answers
up to :data:`BUFFER_LIMIT` are held so that an error becomes a real status; larger ones are
streamed. Plain-text errors and CORS headers are sent from here too.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.server_proxy import Front

BUFFER_LIMIT = 16 * 1024 * 1024
CANCELLED = b"The SPARQL operation has been cancelled"


class Relay(BaseHTTPRequestHandler):
    """Sends the answers of :class:`graph.server_proxy.Handler`: worker frames, upstream responses, errors."""

    _sent = False
    server: Front

    def _engine(self, request: dict[str, Any]) -> None:
        """Run one request on a worker within the deadline and send its answer."""
        pool = self.server.pool
        assert pool is not None
        deadline = time.monotonic() + self.server.query_timeout
        request["accept"] = self.headers.get("Accept", "")
        request["max_bytes"] = self.server.max_bytes
        engine = pool.acquire(deadline - time.monotonic())
        if engine is None:
            self._plain(503, f"All {pool.size} query workers stayed busy for {self.server.query_timeout} s "
                             "(diplograph serve --timeout, --workers): try again.")  # fmt: skip
            return
        healthy = False
        self._sent = False
        try:
            engine.send(request)
            healthy = self._answer(engine.frames(deadline), deadline)
        except TimeoutError:
            if self._sent:
                self.close_connection = True
            else:
                self._timeout()
        except EOFError:
            if self._sent:
                self.close_connection = True
            else:
                self._plain(500, "The query worker stopped while answering (out of memory?); the endpoint goes on.")
        except OSError:  # the client went away, or stopped reading until the deadline
            self.close_connection = True
        finally:
            pool.release(engine, healthy=healthy)

    def _answer(self, frames: Any, deadline: float) -> bool:
        """Relay a worker's frames; True when the worker finished its answer (it may take another)."""
        kind, payload = next(frames)
        if kind == b"E":
            error = json.loads(payload)
            self._plain(int(error["status"]), str(error["message"]))
            return True
        head = json.loads(payload)
        held: list[bytes] = []
        size = 0
        for kind, payload in frames:
            if kind == b"E":
                error = json.loads(payload)
                self._plain(int(error["status"]), str(error["message"]))
                return True
            if kind == b"Z":
                data = b"".join(held)
                self._sent = True
                self._start(int(head["status"]), head["type"], len(data))
                self._write(data, deadline)
                return True
            held.append(payload)
            size += len(payload)
            if size > BUFFER_LIMIT:
                break
        self._sent = True
        self._start(int(head["status"]), head["type"], None)
        for part in held:
            self._write_chunk(part, deadline)
        for kind, payload in frames:
            if kind == b"E":
                self.close_connection = True  # no final chunk: the client sees an incomplete transfer
                return True
            if kind == b"Z":
                self._write(b"0\r\n\r\n", deadline)
                return True
            size += len(payload)
            if self.server.max_bytes and size > self.server.max_bytes + 65536:
                self.close_connection = True  # the worker should have stopped itself: it is replaced
                return False
            self._write_chunk(payload, deadline)
        return False

    def _start(self, status: int, kind: str, length: int | None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        self._cors_headers()
        self.end_headers()

    def _write_chunk(self, data: bytes, deadline: float) -> None:
        if data:
            self._write(f"{len(data):x}\r\n".encode() + data + b"\r\n", deadline)

    def _write(self, data: bytes, deadline: float) -> None:
        """Write within the deadline: a client that stops reading does not hold a worker past it."""
        if self.command == "HEAD" or not data:
            return
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the answer was still being sent at the deadline")
        self.connection.settimeout(left)
        try:
            self.wfile.write(data)
            self.wfile.flush()
        finally:
            self.connection.settimeout(self.timeout)

    # -- --writable: the Oxigraph server behind the front ---------------------------------
    def _forward(self, body: bytes, *, fresh: bool) -> None:
        split = urllib.parse.urlsplit(self.path)
        target = ("/query" if split.path == "/sparql" else split.path) + (f"?{split.query}" if split.query else "")
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept", "host")}
        headers["Content-Length"] = str(len(body))
        generation = self.server.generation
        self._sent = False
        try:
            self._relay(self._upstream_call(target, body, headers, retry=not fresh))
        except TimeoutError:
            self._drop_connection()
            if target.startswith("/query") and self.server.on_stuck is not None:
                self.server.on_stuck(generation)
            if self._sent:
                self.close_connection = True
            else:
                self._plain(
                    503,
                    f"Query timed out: it ran longer than {self.server.query_timeout} s and the engine did not "
                    "stop it, so the engine was restarted; the endpoint keeps serving.",
                )
        except OSError as exc:
            self._drop_connection()
            if self._sent:
                self.close_connection = True
            else:
                self._plain(502, f"The SPARQL engine (Oxigraph) is not answering: {exc}")

    def _drop_connection(self) -> None:
        conn = getattr(self.server.local, "conn", None)
        if conn is not None:
            conn.close()
        self.server.local.conn = None

    def _upstream_call(
        self, target: str, body: bytes, headers: dict[str, str], *, retry: bool
    ) -> http.client.HTTPResponse:
        host, port = self.server.upstream
        self.server.engine_ready.wait(60)
        for attempt in (1, 2):
            conn = getattr(self.server.local, "conn", None)
            if conn is None or not retry:
                conn = http.client.HTTPConnection(host, port, timeout=self.server.upstream_timeout)
                self.server.local.conn = conn
            try:
                conn.request(self.command, target, body=body if body else None, headers=headers)
                return conn.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, ConnectionRefusedError):
                conn.close()
                self.server.local.conn = None
                if not retry or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _relay(self, response: http.client.HTTPResponse) -> None:
        kind = response.getheader("Content-Type", "")
        chunks: list[bytes] = []
        size = 0
        while size <= BUFFER_LIMIT:
            data = response.read(65536)
            if not data:
                break
            chunks.append(data)
            size += len(data)
        else:
            self._stream(response, kind, chunks)
            return
        payload = b"".join(chunks)
        if response.status == 500 and payload.strip() == CANCELLED:
            self._timeout()
            return
        if response.status == 200 and (problem := streaming_error(payload, kind)):
            if problem == "timeout":
                self._timeout()
            else:
                self._plain(500, f"The query failed while its results were written: {problem}")
            return
        self.send_response(response.status)
        self._copy_headers(response)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _stream(self, response: http.client.HTTPResponse, kind: str, chunks: list[bytes]) -> None:
        self._sent = True
        self.send_response(response.status)
        self._copy_headers(response)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        held = b"".join(chunks)
        while data := response.read(65536):
            held += data
            if len(held) > 4096:
                self._chunk(held[:-1024])
                held = held[-1024:]
        if streaming_error(held, kind, tail_only=True):
            self.close_connection = True  # no final chunk: the client sees an incomplete transfer
            return
        self._chunk(held)
        self.wfile.write(b"0\r\n\r\n")

    def _chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")

    def _copy_headers(self, response: http.client.HTTPResponse) -> None:
        for name in ("Content-Type", "Location"):
            if value := response.getheader(name):
                self.send_header(name, value)
        self._cors_headers()

    def _cors_headers(self) -> None:
        if self.server.cors and self.headers.get("Origin"):
            self.send_header("Access-Control-Allow-Origin", "*")

    def _timeout(self) -> None:
        self._plain(
            503,
            f"Query timed out: it ran longer than {self.server.query_timeout} s "
            "(diplograph serve --timeout) and was cancelled; the endpoint keeps serving.",
        )

    def _plain(self, status: int, message: str) -> None:
        data = (message + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self._cors_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def streaming_error(payload: bytes, content_type: str, *, tail_only: bool = False) -> str | None:
    """What went wrong if a 200 answer from Oxigraph ends with an error message instead of its end.

    Returns ``"timeout"``, another short description, or None when the answer is complete.

    Example:
        >>> streaming_error(b'n\\r\\nThe SPARQL operation has been cancelled', "text/csv")
        'timeout'
        >>> streaming_error(b'{"head":{"vars":["n"]},"results":{"bindings":[]}}', "application/sparql-results+json")
    """
    end = payload.rstrip()
    if end.endswith(CANCELLED):
        return "timeout"
    if not payload:
        return None
    kind = content_type.split(";")[0].strip().lower()
    if kind.endswith("json"):
        if tail_only:
            return None if end.endswith((b"}", b"]")) else _tail(payload)
        try:
            json.loads(payload)
        except ValueError:
            return _tail(payload)
        return None
    if kind.endswith("xml"):
        return None if end.endswith(b">") else _tail(payload)
    if payload in (b"true", b"false"):  # ASK in CSV/TSV
        return None
    return None if payload.endswith(b"\n") else _tail(payload)


def _tail(payload: bytes) -> str:
    return payload[-300:].decode("utf-8", "replace").strip()
