"""The HTTP front of ``diplograph serve``: the query page, CORS, read-only guards, bounds, honest errors.

The front answers the SPARQL protocol itself with the workers of
:class:`graph.server_engine.EnginePool` (no other port is opened): ``/query`` (alias ``/sparql``) by GET or
POST (form or direct body, ``default-graph-uri`` / ``named-graph-uri``), results by content
negotiation, and ``GET /store`` (``?graph=IRI``, ``?default`` or the whole dataset). Each request
has one deadline, ``--timeout`` seconds after it arrives: waiting for a worker, evaluation and
sending the answer all count; past it the worker is killed and replaced (no other query is
touched) and the client gets ``503`` (or, once streaming has begun, a connection closed without
the final chunk, so it sees a broken transfer rather than a short result). Answers up to
``server_relay.BUFFER_LIMIT`` are held so that an error becomes a real status; larger ones are streamed.

With ``--writable`` one worker opens the store read-write and answers everything in turn (see
:mod:`graph.server_writes`): besides the above, SPARQL updates at ``/update`` (POST, an
``application/sparql-update`` body or the form field ``update``) and Graph Store writes
(``PUT``/``POST``/``DELETE`` on ``/store`` with ``?graph=IRI``, ``?default`` or neither), each
within the same deadline.

Always: ``/`` (``index.html``, ``app.js``, ``app.css``, ``queries.json``), the offline query page;
in read-only mode ``403`` for updates and Graph Store writes; ``403`` for ``SERVICE`` (and for
``LOAD`` in updates), decided by the workers from a parse (they cannot open a network socket
anyway); CORS headers and preflight
answers only with ``--cors``; on loopback, ``403`` for a foreign ``Host`` (DNS rebinding).

This module reads the request (``Host`` check, body, parameters, routing, the query page); its
base class :class:`graph.server_relay.Relay` sends the answers.
"""

from __future__ import annotations

import sys
import urllib.parse
from http.server import ThreadingHTTPServer
from importlib import resources
from typing import TYPE_CHECKING

from graph.server_relay import Relay

if TYPE_CHECKING:
    from graph.server_engine import EnginePool

BODY_LIMIT = 128 * 1024 * 1024
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
    """A threading HTTP server that answers SPARQL requests with the workers of ``pool``."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        *,
        pool: EnginePool,
        writable: bool,
        cors: bool,
        timeout: int,
        queries_json: bytes,
        verbose: bool = False,
        max_bytes: int = 0,
    ) -> None:
        super().__init__(address, Handler)
        self.pool = pool  # the workers (writable: the one read-write worker)
        self.max_bytes = max_bytes
        self.writable = writable
        self.cors = cors
        self.query_timeout = timeout
        # On loopback, only loopback names in Host: a web page that rebinds its own domain name to
        # 127.0.0.1 (DNS rebinding) cannot read the endpoint through the user's browser.
        self.allowed_hosts = LOOPBACK_NAMES if address[0] in LOOPBACK_NAMES else None
        self.verbose = verbose
        self.assets = {path: (_asset(name), kind) for path, (name, kind) in ASSETS.items()}
        self.assets["/queries.json"] = (queries_json, "application/json")


def _asset(name: str) -> bytes:
    return resources.files("graph").joinpath("web", name).read_bytes()


class Handler(Relay):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms delayed-ACK stall
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
            if path == "/update":
                self._update(body)
            else:
                self._graph_store(path, body)
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
        text, params = self._query_text(body)
        if not text.strip():
            self._plain(400, "No query: send it in the `query` parameter (GET or form POST) or as an "
                             "application/sparql-query body.")  # fmt: skip
            return
        request = {"op": "query", "query": text, "default_graphs": params.get("default-graph-uri", []),
                   "named_graphs": params.get("named-graph-uri", [])}  # fmt: skip
        self._engine(request)

    def _query_text(self, body: bytes) -> tuple[str, dict[str, list[str]]]:
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if self.command == "POST" and kind == "application/x-www-form-urlencoded":
            params.update(urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
        if self.command == "POST" and kind == "application/sparql-query":
            return body.decode("utf-8", "replace"), params
        return "\n".join(params.get("query", [])), params

    def _update(self, body: bytes) -> None:
        if self.command != "POST":
            self._plain(405, "Use POST for SPARQL updates.")
            return
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            params.update(urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
            text = "\n".join(params.get("update", []))
        elif kind == "application/sparql-update":
            text = body.decode("utf-8", "replace")
        else:
            self._plain(415, "Send the update as an application/sparql-update body or in the form field `update`.")
            return
        if "using-graph-uri" in params or "using-named-graph-uri" in params:
            self._plain(400, "using-graph-uri / using-named-graph-uri are not supported: write USING in the update.")
            return
        if not text.strip():
            self._plain(400, "No update: send it as an application/sparql-update body or in the form field `update`.")
            return
        self._engine({"op": "update", "update": text})

    # -- the Graph Store Protocol ---------------------------------------------------------------
    def _graph_store(self, path: str, body: bytes = b"") -> None:
        if path != "/store":
            self._plain(404, f"{path} is not served here: use /store?graph=IRI, /store?default or /store.")
            return
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        graph: str | None = None
        if "graph" in params:
            graph = params["graph"][0]
            if not graph:
                self._plain(400, "An empty graph IRI: use /store?graph=IRI or /store?default.")
                return
        elif "default" in params:
            graph = ""
        if self.command in ("GET", "HEAD"):
            self._engine({"op": "graph", "graph": graph})
            return
        content_type = self.headers.get("Content-Type", "")
        self._engine({"op": self.command, "graph": graph, "content_type": content_type}, body)

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
