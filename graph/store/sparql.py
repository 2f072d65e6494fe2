"""A store kept in a remote SPARQL 1.1 server: Oxigraph server, Virtuoso, Fuseki, GraphDB, Neptune.

Location: ``sparql+http(s)://host[:port][/path][?options]`` (see
:func:`graph.store.sparql_http.parse_location` for the options and the ``DIPLOGRAPH_SPARQL_*``
environment variables; credentials only come from ``DIPLOGRAPH_SPARQL_USER`` /
``DIPLOGRAPH_SPARQL_PASSWORD``).

Writes. A :class:`WriteBatch` of at most ``max_quads`` inserted quads is sent as **one** SPARQL
UPDATE request (``DROP SILENT GRAPH`` per replaced graph; one ``DELETE ... VALUES`` per shared graph;
``INSERT DATA``), which every server named above runs as one transaction: when the request fails,
the remote store is as it was, and the error quotes the server's status and answer. A larger batch
is uploaded first into private staging graphs (``urn:diplograph:staging:...``), in requests of at
most ``max_quads`` quads, then one final request drops/deletes and ``ADD``\\ s the staging graphs to
their targets, so the targets still change all at once; a failed upload drops the staging graphs
and leaves the targets untouched. While such an upload runs, the staging graphs' triples are
visible to queries over the union, and a crash between the upload and the final request can leave
staging graphs behind (they are hidden from :meth:`SparqlStore.graphs`; drop them with
``DROP GRAPH``). Default limit: 20,000 quads per request (about 4 MB); 250 when the server says it is Virtuoso
(whose SPARQL compiler rejects ``INSERT DATA`` of about 1,000 to 5,000 triples and slows down
sharply long before); ``?max_quads=N`` sets it.
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
import uuid
from collections.abc import Iterable, Iterator, Mapping

from graph.errors import QueryError, StoreError
from graph.sparqltext import looks_like_update, query_form
from graph.store.base import (
    GraphInfo,
    GraphResult,
    Quad,
    QueryResult,
    SelectResult,
    Term,
    ValueRows,
    WriteBatch,
    values_of,
)
from graph.store.sparql_http import Answer, Http, parse_location, parse_results_json, query_failed, server_says

STAGING_PREFIX = "urn:diplograph:staging:"
DEFAULT_MAX_QUADS = 20000
VIRTUOSO_MAX_QUADS = 250
RESULTS_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
FORM = "application/x-www-form-urlencoded"
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*\Z")
_LANG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*\Z")
_BNODE = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")


def open_remote(location: str, *, environ: Mapping[str, str] | None = None) -> SparqlStore:
    """The store behind a ``sparql+http(s)://`` location (what ``open_store`` calls)."""
    return SparqlStore(location, environ=environ)


class SparqlStore:
    """The Store protocol over the SPARQL 1.1 Protocol (query and update) of a remote server.

    Example (needs a running server, so not run here)::

        store = SparqlStore("sparql+http://127.0.0.1:7878")   # an `oxigraph serve` endpoint
        store.apply(WriteBatch(insert=[...]))
        store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    """

    def __init__(self, location: str, *, environ: Mapping[str, str] | None = None) -> None:
        self.location = location
        self.endpoint = parse_location(location, environ)
        self._http = Http(self.endpoint)
        # the server does the work, so parallel requests pay; digest auth keeps a nonce count per handler
        self.concurrent_reads = self.endpoint.auth != "digest"

    def __repr__(self) -> str:
        return f"SparqlStore({self.location!r})"

    # -- reads --------------------------------------------------------------------------
    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        form = query_form(sparql)
        if form is None and looks_like_update(sparql):
            raise QueryError("this is a SPARQL update, not a query", where="query", hint="queries only here")
        if form in ("CONSTRUCT", "DESCRIBE"):
            return self._graph_result(self._ask_server(sparql, GRAPH_ACCEPT, timeout=timeout))
        return parse_results_json(self._ask_server(sparql, RESULTS_ACCEPT, timeout=timeout).body, self.location)

    def select_values(self, sparql: str) -> ValueRows:
        return values_of(self.query(sparql))

    def _ask_server(self, sparql: str, accept: str, *, timeout: float | None = None) -> Answer:
        params = {"query": sparql}
        if self.endpoint.union_param:
            params["union-default-graph"] = ""
        data = urllib.parse.urlencode(params).encode()
        answer = self._http.send(self.endpoint.query_url, data, content_type=FORM, accept=accept, timeout=timeout)
        if answer.status >= 300:
            raise query_failed(answer, self.location)
        if answer.truncated_at:
            raise StoreError(
                f"the endpoint cut the results at {answer.truncated_at} rows",
                where=self.location,
                hint="raise the server's result limit (Virtuoso: [SPARQL] ResultSetMaxRows in virtuoso.ini)",
            )
        return answer

    def _select(self, sparql: str) -> SelectResult:
        result = parse_results_json(self._ask_server(sparql, RESULTS_ACCEPT).body, self.location)
        if not isinstance(result, SelectResult):
            raise StoreError("the endpoint answered a SELECT query with a boolean", where=self.location)
        return result

    def _graph_result(self, answer: Answer) -> GraphResult:
        import pyoxigraph as ox

        from graph.store.oxigraph import _from_ox

        media = answer.content_type.split(";")[0].strip() or "application/n-triples"
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is None:
            raise StoreError(f"the endpoint answered a CONSTRUCT with {media!r}, not RDF", where=self.location)
        try:
            triples = [
                (_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)) for q in ox.parse(answer.body, fmt)
            ]
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the endpoint's {media} answer is not valid: {exc}", where=self.location) from exc
        return GraphResult([(s, p, o) for s, p, o in triples if s and p and o])

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        if graph is not None:
            _check_iri(graph)
            g = Term.uri(graph)
            for s, p, o in self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows:
                assert s and p and o
                yield Quad(s, p, o, g)
            return
        for s, p, o in self._default_graph():
            yield Quad(s, p, o, None)
        for name, s, p, o in self._select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows:
            assert name and s and p and o
            if not name.value.startswith(STAGING_PREFIX):
                yield Quad(s, p, o, name)

    def graphs(self) -> list[GraphInfo]:
        rows = self._select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
        out = [GraphInfo(g.value, int(n.value)) for g, n in rows if g and n and g.kind == "uri"]
        return sorted((gi for gi in out if not gi.name.startswith(STAGING_PREFIX)), key=lambda gi: gi.name)

    def graph_names(self) -> list[str]:
        # the grouped query of graphs(): on Virtuoso, SELECT DISTINCT ?g also lists system graphs that
        # the grouped count does not see and that cannot be dropped
        return [info.name for info in self.graphs()]

    def __len__(self) -> int:
        total = self._count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return total + len(self._default_graph())

    def _count(self, sparql: str) -> int:
        rows = self._select(sparql).rows
        return int(rows[0][0].value) if rows and rows[0][0] else 0

    def _default_graph(self) -> list[tuple[Term, Term, Term]]:
        """Triples of the real default graph, through the Graph Store Protocol (``?default``).

        Only with the Oxigraph layout (``union=param`` and a GSP endpoint): elsewhere the default
        graph of a query is the union, and diplograph itself writes named graphs only.
        """
        if not (self.endpoint.union_param and self.endpoint.gsp_url):
            return []
        answer = self._http.send(self.endpoint.gsp_url + "?default", None, accept="application/n-triples", method="GET")
        if answer.status >= 300:
            raise StoreError(f"reading the default graph failed: {server_says(answer)}", where=self.location)
        return self._graph_result(answer).triples

    # -- writes -------------------------------------------------------------------------
    def apply(self, batch: WriteBatch) -> None:
        _check_batch(batch)
        head = [f"DROP SILENT GRAPH <{g}>" for g in sorted(batch.drop_graphs)]
        for g, subjects in sorted(batch.delete_subjects.items()):
            if subjects:
                values = " ".join(f"<{s}>" for s in sorted(subjects))
                pattern = f"GRAPH <{g}> {{ ?s ?p ?o }}"
                head.append(f"DELETE {{ {pattern} }} WHERE {{ VALUES ?s {{ {values} }} {pattern} }}")
        limit = self.max_quads()
        if len(batch.insert) <= limit:
            ops = head + ([insert_data(batch.insert)] if batch.insert else [])
            if ops:
                self._update(" ;\n".join(ops), "write")
            return
        self._apply_staged(batch.insert, head, limit)

    def _apply_staged(self, quads: list[Quad], head: list[str], limit: int) -> None:
        token = uuid.uuid4().hex
        targets = sorted({q.graph.value if q.graph else "" for q in quads})
        staging = {g: f"{STAGING_PREFIX}{token}:{i}" for i, g in enumerate(targets)}
        try:
            for chunk in chunked(quads, limit):
                moved = [
                    Quad(q.subject, q.predicate, q.object, Term.uri(staging[q.graph.value if q.graph else ""]))
                    for q in chunk
                ]
                self._update(insert_data(moved), "staging upload")
            adds = [f"ADD SILENT GRAPH <{s}> TO {f'GRAPH <{g}>' if g else 'DEFAULT'}" for g, s in staging.items()]
            self._update(" ;\n".join(head + adds + [f"DROP SILENT GRAPH <{s}>" for s in staging.values()]), "write")
        except StoreError:
            # The first error is the one to report; leftovers, if any, are under STAGING_PREFIX.
            with contextlib.suppress(StoreError):
                self._update(" ;\n".join(f"DROP SILENT GRAPH <{s}>" for s in staging.values()), "clean-up")
            raise

    def _update(self, text: str, what: str) -> None:
        data = urllib.parse.urlencode({"update": text}).encode()
        answer = self._http.send(self.endpoint.update_url, data, content_type=FORM)
        if answer.status >= 300:
            raise StoreError(
                f"the SPARQL endpoint refused the {what}, so it changed nothing: {server_says(answer)}",
                where=self.location,
                hint="check the credentials (DIPLOGRAPH_SPARQL_USER/PASSWORD) and that updates are allowed"
                if answer.status in (401, 403)
                else None,
            )

    def max_quads(self) -> int:
        """Largest number of quads sent in one request (see the module notes)."""
        if self.endpoint.max_quads:
            return self.endpoint.max_quads
        if not self._http.server:
            self._ask_server("ASK {}", RESULTS_ACCEPT)  # learn the server's name once
        return VIRTUOSO_MAX_QUADS if self._http.server.lower().startswith("virtuoso") else DEFAULT_MAX_QUADS

    def bulk_load(self, quads: Iterable[Quad]) -> None:
        """Insert quads in requests of ``max_quads``; not atomic, blank nodes are scoped per request."""
        limit = self.max_quads()
        chunk: list[Quad] = []
        for q in quads:
            chunk.append(q)
            if len(chunk) >= limit:
                self.apply(WriteBatch(insert=chunk))
                chunk = []
        if chunk:
            self.apply(WriteBatch(insert=chunk))

    def drop_graph(self, name: str) -> bool:
        _check_iri(name)
        exists = self._ask_server(f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}", RESULTS_ACCEPT)
        if not getattr(parse_results_json(exists.body, self.location), "value", False):
            return False
        self._update(f"DROP SILENT GRAPH <{name}>", "drop")
        return True

    def close(self) -> None:
        pass


def insert_data(quads: list[Quad]) -> str:
    """``INSERT DATA`` with the triples grouped per graph (N-Quads are not allowed there)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(q.graph.value if q.graph else "", []).append(
            f"{q.subject.nt()} {q.predicate.nt()} {q.object.nt()} ."
        )
    blocks = [
        "\n".join(lines) if not g else f"GRAPH <{g}> {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()
    ]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


def chunked(quads: list[Quad], limit: int) -> Iterator[list[Quad]]:
    """Chunks of at most ``limit`` quads; the quads with blank nodes all go in the first one,
    since a blank node label only holds within one request."""
    with_bnodes = [q for q in quads if q.subject.kind == "bnode" or q.object.kind == "bnode"]
    rest = [q for q in quads if not (q.subject.kind == "bnode" or q.object.kind == "bnode")]
    first = max(len(with_bnodes), limit)
    ordered = with_bnodes + rest
    yield ordered[:first]
    for i in range(first, len(ordered), limit):
        yield ordered[i : i + limit]


def _check_iri(value: str) -> None:
    if not _IRI.match(value):
        raise StoreError(f"write failed, nothing was changed: not a valid IRI: {value!r}")


def _check_term(t: Term) -> None:
    if t.kind == "uri":
        _check_iri(t.value)
    elif t.kind == "bnode":
        if not _BNODE.match(t.value):
            raise StoreError(f"write failed, nothing was changed: not a valid blank node label: {t.value!r}")
    else:
        if t.datatype:
            _check_iri(t.datatype)
        if t.lang and not _LANG.match(t.lang):
            raise StoreError(f"write failed, nothing was changed: not a valid language tag: {t.lang!r}")


def _check_batch(batch: WriteBatch) -> None:
    """Refuse a batch that the server would refuse, before anything is sent."""
    for g in batch.drop_graphs:
        _check_iri(g)
    for g, subjects in batch.delete_subjects.items():
        _check_iri(g)
        for s in subjects:
            _check_iri(s)
    for q in batch.insert:
        for t in (q.subject, q.predicate, q.object):
            _check_term(t)
        if q.graph is not None:
            _check_iri(q.graph.value)
