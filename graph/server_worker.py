"""A query worker of ``diplograph serve``: the process that answers the queries.

No Oxigraph server runs: each query is evaluated by pyoxigraph in one of a few worker processes
(:class:`graph.server_engine.EnginePool`) that the front talks to over pipes, so there is no port
besides the front's. Read-only (the default) the workers open the store read-only; with
``--writable`` one worker opens it read-write and also runs the updates and Graph Store writes
(:mod:`graph.server_writes`), so reads see every committed write at once. A worker cannot open a network socket
(:func:`graph.sandbox.deny_network`: a seccomp filter, Linux), so a SERVICE clause cannot reach
anything whatever the query text; the worker also refuses SERVICE from a real parse
(``sparqltext.service_in_parse``) with a clear 403. The front bounds each query's time (the
deadline covers waiting for a worker, evaluation and streaming) and the worker its result size; a
query past its deadline has its own worker killed and replaced, and no other query is touched.

The pipe protocol: a request is a 4-byte length and a JSON object on the worker's stdin (then,
when the object has ``body``, that many bytes of request body); the answer is frames
(:data:`FRAME`: a kind byte and a payload length) on its stdout: ``R`` ready, ``F`` failed to
open the store, ``H`` head (status, content type), ``D`` data, ``E`` error, ``Z`` end.
"""

from __future__ import annotations

import contextlib
import os
import struct
from typing import Any

from graph.sandbox import deny_network

FRAME = struct.Struct(">cI")  # kind (one byte) and payload length
SOLUTION_TYPES = (
    ("application/sparql-results+json", "JSON"),
    ("application/json", "JSON"),
    ("application/sparql-results+xml", "XML"),
    ("application/xml", "XML"),
    ("text/csv", "CSV"),
    ("text/tab-separated-values", "TSV"),
)
GRAPH_TYPES = (
    ("text/turtle", "TURTLE"),
    ("application/n-triples", "N_TRIPLES"),
    ("application/rdf+xml", "RDF_XML"),
    ("application/ld+json", "JSON_LD"),
    ("text/n3", "N3"),
    ("application/n-quads", "N_QUADS"),
    ("application/trig", "TRIG"),
)
DATASET_TYPES = (("application/n-quads", "N_QUADS"), ("application/trig", "TRIG"))


def negotiate(accept: str, offered: tuple[tuple[str, str], ...]) -> str:
    """The name of the offered format the ``Accept`` header prefers (the first offered one by default).

    Example:
        >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SOLUTION_TYPES)
        'XML'
        >>> negotiate("text/*", SOLUTION_TYPES), negotiate("", GRAPH_TYPES), negotiate("image/png", GRAPH_TYPES)
        ('CSV', 'TURTLE', 'TURTLE')
    """
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        q = 1.0
        for param in params:
            if param.lower().startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(param[2:])
        if media and q > 0:
            ranked.append((-q, position, media.lower()))
    for _, _, media in sorted(ranked):
        for offer, name in offered:
            if media in (offer, "*/*") or (media.endswith("/*") and offer.startswith(media[:-1])):
                return name
    return offered[0][1]


class _TooLarge(Exception):
    pass


class _Frames:
    """The file object a worker serialises into: data frames of up to 64 KB, and the byte limit.

    The head frame waits for the first data, so a small answer leaves in one write (head, data, end).
    """

    def __init__(self, fd: int, limit: int) -> None:
        self.fd, self.limit, self.size = fd, limit, 0
        self.buffer = bytearray()
        self.head = b""

    def start(self, status: int, content_type: str) -> None:
        import json

        payload = json.dumps({"status": status, "type": content_type}).encode()
        self.head = FRAME.pack(b"H", len(payload)) + payload

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.limit and self.size > self.limit:
            raise _TooLarge
        self.buffer += data
        if len(self.buffer) >= 65536:
            self.flush()
        return len(data)

    def flush(self, end: bytes = b"") -> None:
        """Send what is held, and ``end`` (an encoded frame) after it."""
        data = self.head + (FRAME.pack(b"D", len(self.buffer)) + self.buffer if self.buffer else b"") + end
        self.head = b""
        self.buffer.clear()
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]


def _send(fd: int, kind: bytes, payload: bytes = b"") -> None:
    data = memoryview(FRAME.pack(kind, len(payload)) + payload)
    while data:
        data = data[os.write(fd, data) :]


def _send_json(fd: int, kind: bytes, value: object) -> None:
    import json

    _send(fd, kind, json.dumps(value).encode())


def _read_exact(fd: int, size: int) -> bytes | None:
    parts, left = [], size
    while left:
        data = os.read(fd, left)
        if not data:
            return None
        parts.append(data)
        left -= len(data)
    return b"".join(parts)


def engine_main(location: str, mode: str = "read-only") -> int:  # pragma: no cover - runs in the workers
    """A query worker: requests (JSON) in on stdin, framed answers out on the original stdout.

    ``mode`` ``"read-write"``: the store is opened read-write (``serve --writable``, one worker).
    """
    import json

    sandboxed = deny_network()  # before the store is opened: RocksDB's threads inherit the filter
    out = os.dup(1)
    os.dup2(2, 1)  # stray prints go to stderr, never into the frames
    import pyoxigraph as ox

    writable = mode == "read-write"
    try:
        store = ox.Store(location) if writable else ox.Store.read_only(location)
    except OSError as exc:
        _send_json(out, b"F", {"message": str(exc)})
        return 1
    from graph.sparqltext import service_in_parse

    service_in_parse("SELECT * WHERE { SERVICE <urn:x> { ?s ?p ?o } }")  # import rdflib, first parse: now
    _send_json(out, b"R", {"sandbox": sandboxed, "pid": os.getpid()})
    while (head := _read_exact(0, 4)) is not None:
        message = _read_exact(0, struct.unpack(">I", head)[0])
        if message is None:
            break
        request = json.loads(message)
        body = _read_exact(0, int(request.get("body") or 0)) if request.get("body") else b""
        if body is None:
            break
        _answer(ox, store, request, body, out, sandboxed, writable)
    if writable:
        store.flush()
    return 0


def _answer(
    ox: Any, store: Any, request: dict[str, Any], body: bytes, out: int, sandboxed: bool, writable: bool
) -> None:  # pragma: no cover - runs in the worker processes
    frames = _Frames(out, int(request.get("max_bytes") or 0))
    accept = str(request.get("accept") or "")
    try:
        op = request["op"]
        if op == "graph":
            _answer_graph(ox, store, request, frames, accept)
        elif op == "query":
            _answer_query(ox, store, request, frames, accept, sandboxed)
        elif not writable:
            raise _Refused(403, "This endpoint is read-only.")
        elif op == "update":
            from graph.server_writes import answer_update

            answer_update(store, request, frames, sandboxed)
        else:
            from graph.server_writes import answer_store_write

            answer_store_write(ox, store, request, body, frames)
        frames.flush(end=FRAME.pack(b"Z", 0))
    except _TooLarge:
        limit = frames.limit // (1024 * 1024)
        message = f"The result is larger than {limit} MB (diplograph serve --max-result-mb): add a LIMIT."
        _send_json(out, b"E", {"status": 500, "message": message})
    except _Refused as exc:
        _send_json(out, b"E", {"status": exc.status, "message": str(exc)})
    except SyntaxError as exc:
        _send_json(out, b"E", {"status": 400, "message": str(exc)})
    except Exception as exc:
        what = "query" if request.get("op") in ("query", "graph") else "write"
        _send_json(out, b"E", {"status": 500, "message": f"The {what} failed: {exc}"})


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def refuse_calls_out(verdict: bool | None, sandboxed: bool, *, calls_out: str, unchecked: str) -> None:
    """Refuse a request that would reach another server (403), or one the check could not read where no
    sandbox stops an outbound call either (400); ``verdict`` is the check's (None: could not parse)."""
    if verdict:
        raise _Refused(403, calls_out)
    if verdict is None and not sandboxed:
        raise _Refused(400, unchecked)


def _answer_query(
    ox: Any, store: Any, request: dict[str, Any], frames: _Frames, accept: str, sandboxed: bool
) -> None:  # pragma: no cover - runs in the worker processes
    from graph.sparqltext import service_in_parse

    text = str(request["query"])
    refuse_calls_out(
        service_in_parse(text),
        sandboxed,
        calls_out="SERVICE (federated queries to other endpoints) is disabled on this endpoint.",
        unchecked="The query could not be parsed (and this system cannot run it without a check for SERVICE).",
    )
    try:
        defaults = [ox.NamedNode(g) for g in request.get("default_graphs") or []]
        named = [ox.NamedNode(g) for g in request.get("named_graphs") or []]
    except ValueError as exc:
        raise _Refused(400, f"default-graph-uri / named-graph-uri must be absolute IRIs: {exc}") from exc
    kwargs: dict[str, Any] = {"default_graph": defaults} if defaults else {"use_default_graph_as_union": True}
    if named:
        kwargs["named_graphs"] = named
    result = store.query(text, **kwargs)
    if isinstance(result, ox.QueryTriples):
        fmt = getattr(ox.RdfFormat, negotiate(accept, GRAPH_TYPES))
    else:
        fmt = getattr(ox.QueryResultsFormat, negotiate(accept, SOLUTION_TYPES))
    frames.start(200, _content_type(fmt.media_type))
    result.serialize(frames, fmt)


def _answer_graph(
    ox: Any, store: Any, request: dict[str, Any], frames: _Frames, accept: str
) -> None:  # pragma: no cover - runs in the worker processes
    name = request.get("graph")
    if name is None:  # the whole dataset
        fmt = getattr(ox.RdfFormat, negotiate(accept, DATASET_TYPES))
        items: Any = store.quads_for_pattern(None, None, None, None)
    else:
        try:
            graph_name = ox.DefaultGraph() if name == "" else ox.NamedNode(str(name))
        except ValueError as exc:
            raise _Refused(400, f"graph= must be an absolute IRI: {exc}") from exc
        if name and not store.contains_named_graph(graph_name):
            raise _Refused(404, f"No graph named <{name}> in this store.")
        fmt = getattr(ox.RdfFormat, negotiate(accept, GRAPH_TYPES[:5]))
        items = (q.triple for q in store.quads_for_pattern(None, None, None, graph_name))
    frames.start(200, _content_type(fmt.media_type))
    ox.serialize(items, frames, fmt)


def _content_type(media_type: str) -> str:
    return (
        media_type
        if media_type.endswith(("json", "xml")) or "charset" in media_type
        else f"{media_type}; charset=utf-8"
    )
