"""The HTTP front of ``diplograph serve``: the query page, CORS, read-only guards, honest errors.

The SPARQL protocol itself stays in the Oxigraph server behind it (on a private loopback port):
``/query`` (alias ``/sparql``), ``/update`` and ``/store`` (Graph Store Protocol) are passed through
with their method, parameters, body, ``Content-Type`` and ``Accept``. This front adds only:

* ``/`` (``index.html``, ``app.js``, ``app.css``, ``queries.json``): the offline query page;
* in read-only mode, ``403`` for updates, for writes to ``/store`` and for queries with a
  ``SERVICE`` clause (the Oxigraph server would fetch any URL named there);
* CORS headers and preflight answers, only with ``--cors``;
* errors that happen while Oxigraph streams results (a query cut by the timeout, among others)
  become a real error status: Oxigraph has sent ``200`` by then and just appends its message to
  the body, so answers up to ``BUFFER_LIMIT`` are checked before they are passed on (``503`` for
  a timeout, ``500`` otherwise); a larger answer is streamed, and if it ends with such an error
  the connection is closed without the final chunk, so the client sees a broken transfer rather
  than a short result.
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

from graph.sparqltext import calls_service

BUFFER_LIMIT = 16 * 1024 * 1024
BODY_LIMIT = 128 * 1024 * 1024
CANCELLED = b"The SPARQL operation has been cancelled"
ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/app.css": ("app.css", "text/css; charset=utf-8"),
}
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


class Front(ThreadingHTTPServer):
    """A threading HTTP server that forwards SPARQL requests to an Oxigraph server."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        upstream: tuple[str, int],
        *,
        writable: bool,
        cors: bool,
        timeout: int,
        queries_json: bytes,
        verbose: bool = False,
        on_stuck: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(address, Handler)
        self.upstream = upstream
        self.writable = writable
        self.cors = cors
        self.query_timeout = timeout
        # Oxigraph checks its timeout cooperatively and some operators (a sort over a huge
        # intermediate result) do not check it for minutes: past this, the engine is restarted.
        self.upstream_timeout = 2 * timeout + 5
        self.on_stuck = on_stuck
        self.generation = 0  # bumped by whoever restarts the engine
        self.engine_ready = threading.Event()  # cleared while the engine restarts
        self.engine_ready.set()
        # On loopback, only loopback names in Host: a web page that rebinds its own domain name to
        # 127.0.0.1 (DNS rebinding) cannot read the endpoint through the user's browser.
        self.allowed_hosts = LOOPBACK_NAMES if address[0] in LOOPBACK_NAMES else None
        self.verbose = verbose
        self.assets = {path: (_asset(name), kind) for path, (name, kind) in ASSETS.items()}
        self.assets["/queries.json"] = (queries_json, "application/json")
        self.local = threading.local()


def _asset(name: str) -> bytes:
    return resources.files("graph").joinpath("web", name).read_bytes()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms delayed-ACK stall
    _sent = False
    server: Front

    def version_string(self) -> str:
        return "diplograph"

    # -- routing ------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._route()

    def do_HEAD(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def do_PUT(self) -> None:
        self._route()

    def do_DELETE(self) -> None:
        self._route()

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", self.headers.get("Access-Control-Request-Method", "GET"))
            if "Access-Control-Request-Headers" in self.headers:
                self.send_header("Access-Control-Allow-Headers", self.headers["Access-Control-Request-Headers"])
            self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        host = host_name(self.headers.get("Host") or "")
        if self.server.allowed_hosts is not None and host and host not in self.server.allowed_hosts:
            self._plain(403, f"Host {host!r} is not served here: this endpoint answers on its loopback address only.")
            return
        try:
            body = self._read_body()
        except ValueError as exc:
            self._plain(413 if "large" in str(exc) else 411, str(exc))
            return
        if path in self.server.assets and self.command in ("GET", "HEAD"):
            self._asset(path)
        elif path in ("/query", "/sparql"):
            self._query(body)
        elif path == "/update" or path.startswith("/store"):
            if not self.server.writable and not (path.startswith("/store") and self.command in ("GET", "HEAD")):
                self._plain(403, "This endpoint is read-only: updates and Graph Store writes are refused "
                                 "(start `diplograph serve --writable` to allow them).")  # fmt: skip
                return
            self._forward(body, fresh=True)
        else:
            self._plain(
                404, f"{self.command} {path} is not served here: use /query (SPARQL), /store or / (query page)."
            )

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            raise ValueError("chunked request bodies are not supported: send a Content-Length")
        length = int(self.headers.get("Content-Length") or 0)
        if length > BODY_LIMIT:
            raise ValueError(f"request body too large ({length} bytes; the limit is {BODY_LIMIT})")
        return self.rfile.read(length) if length else b""

    # -- the query page -----------------------------------------------------------------
    def _asset(self, path: str) -> None:
        data, kind = self.server.assets[path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Security-Policy", PAGE_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    # -- SPARQL -------------------------------------------------------------------------
    def _query(self, body: bytes) -> None:
        if self.command not in ("GET", "POST", "HEAD"):
            self._plain(405, "Use GET or POST for SPARQL queries.")
            return
        text = self._query_text(body)
        if not self.server.writable and text and calls_service(text):
            self._plain(403, "SERVICE (federated queries to other endpoints) is disabled on this read-only endpoint.")
            return
        self._forward(body, fresh=False)

    def _query_text(self, body: bytes) -> str:
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if self.command == "POST" and kind == "application/x-www-form-urlencoded":
            params.update(urllib.parse.parse_qs(body.decode("utf-8", "replace")))
        if self.command == "POST" and kind == "application/sparql-query":
            return body.decode("utf-8", "replace")
        return "\n".join(params.get("query", []))

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

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def host_name(header: str) -> str:
    """The name in a Host header, without the port.

    Example:
        >>> host_name("127.0.0.1:7878"), host_name("[::1]:7878"), host_name("LocalHost")
        ('127.0.0.1', '[::1]', 'localhost')
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header.split("]")[0] + "]"
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


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
