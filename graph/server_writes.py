"""The writes of ``diplograph serve --writable``, as the one read-write worker runs them.

In writable mode one worker process (:func:`graph.server_worker.engine_main` with ``writable``)
opens the store read-write with pyoxigraph and answers everything in turn: queries, Graph Store
reads, and the writes here, so a read sees every write committed before it. It runs in the same
network sandbox as the read-only workers (:func:`graph.sandbox.deny_network`), so neither
``SERVICE`` nor ``LOAD`` can reach anything, whatever the text.

* **SPARQL updates** (``POST /update``): ``LOAD`` and ``SERVICE`` are refused with 403 from
  rdflib's parse of the update (:func:`update_calls_out`), like ``SERVICE`` in queries; an update
  whose text, without its comments, strings and IRIs, lacks the letters of both words is not
  parsed (a 20,000-quad ``INSERT DATA`` would take rdflib 20 s). An update rdflib cannot parse
  that has those letters runs only in the sandbox, and is refused where there is none. An update
  is atomic (pyoxigraph): applied whole or not at all, also when it is stopped at its deadline.
* **Graph Store Protocol writes** on ``/store`` (``?graph=IRI``, ``?default``, or neither: the
  whole dataset): ``PUT`` replaces (201 for a new graph, else 204), ``POST`` adds (201 for a
  new graph, else 204), ``DELETE`` removes (204; 404 for a named graph that is not there). The
  body is parsed whole before anything is changed, so a syntax error changes nothing.
"""

from __future__ import annotations

from typing import Any

from graph.server_worker import _Frames, _Refused, refuse_calls_out
from graph.sparqltext import parse_tree_has


def update_calls_out(text: str) -> bool | None:
    """Whether the update has ``LOAD`` or ``SERVICE``, from rdflib's parse; None when it cannot be parsed.

    Example:
        >>> update_calls_out('INSERT DATA { <urn:a> <urn:b> "LOAD <http://x/> SERVICE" }')
        False
        >>> update_calls_out("#c\\rLOAD <http://127.0.0.1:9/x>"), update_calls_out("lo\\\\u0061d <http://x/>")
        (True, True)
        >>> update_calls_out("DELETE { ?s ?p ?o } WHERE { SERVICE ?x { ?s ?p ?o } }")
        True
        >>> print(update_calls_out("DELETE WHERE { SERVICE ?x { ?s ?p ?o } }"))  # not SPARQL: the sandbox stands
        None
    """
    from graph.sparqltext import scrub

    letters = scrub(text).casefold()
    if "load" not in letters and "service" not in letters:
        return False  # neither keyword can be written without these letters outside strings, IRIs, comments
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        tree = parseUpdate(text.replace("\r\n", "\n").replace("\r", "\n"))
    except (ParseBaseException, ValueError, TypeError, RecursionError):
        return None
    return parse_tree_has(tree, frozenset({"Load", "ServiceGraphPattern"}))


def answer_update(
    store: Any, request: dict[str, Any], frames: _Frames, sandboxed: bool
) -> None:  # pragma: no cover - runs in the worker process
    text = str(request["update"])
    refuse_calls_out(
        update_calls_out(text),
        sandboxed,
        calls_out="LOAD and SERVICE (requests to other servers) are disabled on this endpoint.",
        unchecked="The update could not be parsed (and this system cannot run it without a check for LOAD/SERVICE).",
    )
    store.update(text)
    frames.start(204, "")


def answer_store_write(
    ox: Any, store: Any, request: dict[str, Any], body: bytes, frames: _Frames
) -> None:  # pragma: no cover - runs in the worker process
    method, name = request["op"], request.get("graph")
    target = None
    if name is not None:
        try:
            target = ox.DefaultGraph() if name == "" else ox.NamedNode(str(name))
        except ValueError as exc:
            raise _Refused(400, f"graph= must be an absolute IRI: {exc}") from exc
    if method == "DELETE":
        if target is None:
            store.clear()
        elif name and not store.contains_named_graph(target):
            raise _Refused(404, f"No graph named <{name}> in this store.")
        elif name:
            store.remove_graph(target)
        else:
            store.clear_graph(target)
        frames.start(204, "")
        return
    quads = _parse_body(ox, request, body, target)
    existed = target is None or not name or store.contains_named_graph(target)
    if method == "PUT":
        if target is None:
            store.clear()
        elif existed:
            store.clear_graph(target)
    if name and target is not None and not existed:
        store.add_graph(target)  # a PUT or POST of an empty graph creates it
    store.extend(quads)
    frames.start(204 if existed else 201, "")


def _parse_body(ox: Any, request: dict[str, Any], body: bytes, target: Any) -> list[Any]:  # pragma: no cover
    media = str(request.get("content_type") or "").split(";")[0].strip().lower()
    if not media:
        raise _Refused(400, "Send the RDF with a Content-Type (text/turtle, application/n-triples, ...).")
    fmt = ox.RdfFormat.from_media_type(media)
    if fmt is None:
        raise _Refused(415, f"Content-Type {media} is not an RDF format this endpoint reads.")
    if target is None and not fmt.supports_datasets:
        raise _Refused(400, "A graph format needs a target: /store?graph=IRI or /store?default "
                            "(or send N-Quads or TriG to /store).")  # fmt: skip
    try:
        quads = list(ox.parse(body, fmt, without_named_graphs=target is not None))
    except SyntaxError as exc:
        raise _Refused(400, f"The RDF could not be parsed: {exc}") from exc
    if target is None:
        return quads
    return [ox.Quad(q.subject, q.predicate, q.object, target) for q in quads]
