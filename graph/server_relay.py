"""The answering side of the ``diplograph serve`` front: how an answer reaches the client.

:class:`Relay` is the base of :class:`graph.server_proxy.Handler` (which routes the request, checks
its ``Host``, reads its body and parameters): it hands the request to a worker
(:class:`graph.server_engine.EnginePool`; with ``--writable``, the one read-write worker) and
relays the worker's frames within the request's deadline. Answers up to :data:`BUFFER_LIMIT` are
held so that an error becomes a real status; larger ones are streamed. Plain-text errors and
CORS headers are sent from here too.
"""

from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.server_proxy import Front

BUFFER_LIMIT = 16 * 1024 * 1024


class Relay(BaseHTTPRequestHandler):
    """Sends the answers of :class:`graph.server_proxy.Handler`: worker frames and errors."""

    _sent = False
    server: Front

    def _engine(self, request: dict[str, Any], body: bytes = b"") -> None:
        """Run one request on a worker within the deadline and send its answer."""
        pool = self.server.pool
        assert pool is not None
        deadline = time.monotonic() + self.server.query_timeout
        request["accept"] = self.headers.get("Accept", "")
        request["max_bytes"] = self.server.max_bytes
        engine = pool.acquire(deadline - time.monotonic())
        if engine is None:
            if pool.writable:
                self._plain(503, f"The worker (one in --writable mode) stayed busy for {self.server.query_timeout} s "
                                 "(diplograph serve --timeout): try again.")  # fmt: skip
            else:
                self._plain(503, f"All {pool.size} query workers stayed busy for {self.server.query_timeout} s "
                                 "(diplograph serve --timeout, --workers): try again.")  # fmt: skip
            return
        healthy = False
        self._sent = False
        try:
            engine.send(request, body)
            healthy = self._answer(engine.frames(deadline), deadline)
        except TimeoutError:
            if self._sent:
                self.close_connection = True
            else:
                self._timeout(str(request["op"]))
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
        if kind:
            self.send_header("Content-Type", kind)
        if status == 204:
            pass  # no body, and no Content-Length (RFC 9110)
        elif length is None:
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

    def _cors_headers(self) -> None:
        if self.server.cors and self.headers.get("Origin"):
            self.send_header("Access-Control-Allow-Origin", "*")

    def _timeout(self, op: str = "query") -> None:
        if op in ("query", "graph"):
            self._plain(
                503,
                f"Query timed out: it ran longer than {self.server.query_timeout} s "
                "(diplograph serve --timeout) and was cancelled; the endpoint keeps serving.",
            )
            return
        self._plain(
            503,
            f"The write timed out: it ran longer than {self.server.query_timeout} s (diplograph serve "
            "--timeout) and was stopped; a write is applied whole or not at all. The endpoint keeps serving.",
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
