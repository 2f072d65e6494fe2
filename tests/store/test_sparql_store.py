"""The remote store beyond the shared contract: locations, auth, large batches, failures mid-way."""

from __future__ import annotations

import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from graph.errors import ConfigError, QueryError, StoreError
from graph.server import OxigraphProcess
from graph.store import Quad, Term, WriteBatch
from graph.store.memory import MemoryStore
from graph.store.sparql import STAGING_PREFIX, SparqlStore, open_remote
from graph.store.sparql_http import parse_location
from tests.store.remote import emptied, virtuoso_store, virtuoso_turn

EX = "https://w3id.org/diplograph/id/"
G = "https://w3id.org/diplograph/graph/"
LABEL = Term.uri("http://www.w3.org/2004/02/skos/core#prefLabel")


def quad(i: int, graph: str, text: str = "label") -> Quad:
    return Quad(Term.uri(f"{EX}s{i}"), LABEL, Term.literal(f"{text} {i}", lang="en"), Term.uri(G + graph))


def lines(store: object) -> list[str]:
    return sorted(q.nq() for q in store.quads())  # type: ignore[attr-defined]


# -- locations --------------------------------------------------------------------------------
def test_location_options_override_the_environment_which_overrides_defaults() -> None:
    env = {"DIPLOGRAPH_SPARQL_QUERY": "/env-query", "DIPLOGRAPH_SPARQL_UPDATE": "http://other:1/up"}
    e = parse_location("sparql+https://kg.example:8443/ds?query=/ds/sparql&max_quads=100&timeout=5", env)
    assert (e.query_url, e.update_url, e.gsp_url) == ("https://kg.example:8443/ds/sparql", "http://other:1/up", None)
    assert (e.union_param, e.max_quads, e.timeout) == (False, 100, 5.0)


def test_credentials_only_from_the_environment() -> None:
    with pytest.raises(ConfigError, match="DIPLOGRAPH_SPARQL_USER"):
        parse_location("sparql+http://bob:secret@127.0.0.1:7878", {})
    e = parse_location("sparql+http://127.0.0.1:7878", {"DIPLOGRAPH_SPARQL_USER": "bob"})
    assert e.user == "bob" and e.password is None


def test_unknown_location_options_are_refused() -> None:
    with pytest.raises(ConfigError, match="unknown option"):
        parse_location("sparql+http://127.0.0.1:7878?qeury=/x", {})


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_POST(self) -> None:
        self.seen.append(dict(self.headers))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'{"head":{},"boolean":true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Recorder.seen = []
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_basic_auth_comes_from_the_environment_and_stays_out_of_the_location(recorder: str) -> None:
    env = {"DIPLOGRAPH_SPARQL_USER": "analyst", "DIPLOGRAPH_SPARQL_PASSWORD": "s3cret"}
    store = open_remote(f"sparql+http://{recorder}/sparql", environ=env)
    assert store.query("ASK { ?s ?p ?o }").value is True  # type: ignore[union-attr]
    assert _Recorder.seen[0]["Authorization"] == "Basic YW5hbHlzdDpzM2NyZXQ="
    assert "s3cret" not in repr(store) and "s3cret" not in store.location


def test_an_unreachable_endpoint_is_a_store_error_naming_it() -> None:
    from graph.server import free_port

    store = SparqlStore(f"sparql+http://127.0.0.1:{free_port()}", environ={})
    with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint"):
        store.query("ASK {}")


# -- against a real Oxigraph server -----------------------------------------------------------
@pytest.fixture
def remote(oxigraph_server: OxigraphProcess) -> Iterator[SparqlStore]:
    store = emptied(SparqlStore(f"sparql+{oxigraph_server.url}?max_quads=20", environ={}))
    yield store
    emptied(store)


def _big_batch() -> WriteBatch:
    return WriteBatch(
        drop_graphs={G + "doc-a"},
        delete_subjects={G + "meta": {f"{EX}s1"}},
        insert=[quad(i, "doc-a", "new") for i in range(90)] + [quad(i, "meta", "meta") for i in range(1, 4)],
    )


def _seed(store: object) -> None:
    first = WriteBatch(insert=[quad(i, "doc-a", "old") for i in range(30)] + [quad(i, "meta", "m") for i in range(3)])
    store.apply(first)  # type: ignore[attr-defined]


def test_a_batch_larger_than_max_quads_is_staged_then_applied_at_once(remote: SparqlStore) -> None:
    reference = MemoryStore()
    for s in (remote, reference):
        _seed(s)
        s.apply(_big_batch())
    assert lines(remote) == lines(reference)
    graphs = remote.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert not [r for r in graphs.rows if r[0] and r[0].value.startswith(STAGING_PREFIX)]  # type: ignore[union-attr]


class _Flaky(BaseHTTPRequestHandler):
    """Passes requests to the Oxigraph server, except the update number `fail_at`, answered 500."""

    upstream = ""
    fail_at = 0
    updates = 0

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/update"):
            type(self).updates += 1
            if type(self).updates == self.fail_at:
                self._send(500, "text/plain", b"injected failure: disk full")
                return
        request = urllib.request.Request(self.upstream + self.path, data=body, headers=dict(self.headers))
        try:
            with urllib.request.urlopen(request, timeout=60) as r:
                self._send(r.status, r.headers.get("Content-Type", ""), r.read())
        except urllib.error.HTTPError as exc:
            self._send(exc.code, exc.headers.get("Content-Type", ""), exc.read())

    def _send(self, status: int, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("fail_at", [1, 3, 6], ids=["first-upload", "third-upload", "final-request"])
def test_a_failed_request_mid_batch_leaves_the_remote_as_it_was(
    remote: SparqlStore,
    oxigraph_server: OxigraphProcess,
    fail_at: int,
) -> None:
    _seed(remote)
    before = lines(remote)
    _Flaky.upstream, _Flaky.fail_at, _Flaky.updates = oxigraph_server.url, fail_at, 0
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        flaky = SparqlStore(f"sparql+http://127.0.0.1:{proxy.server_address[1]}?max_quads=20", environ={})
        with pytest.raises(StoreError, match="HTTP 500: injected failure: disk full"):
            flaky.apply(_big_batch())  # 93 quads: 5 staging uploads of <= 20, then the final request
    finally:
        proxy.shutdown()
        proxy.server_close()
    assert lines(remote) == before
    assert [g.name for g in remote.graphs()] == [G + "doc-a", G + "meta"]


def test_a_refused_write_names_the_servers_answer(tmp_path: Path) -> None:
    location = str(tmp_path / "kg")
    OxigraphProcess(location, read_only=False).start().stop()  # creates an empty store
    with OxigraphProcess(location, read_only=True) as read_only:
        store = SparqlStore(f"sparql+{read_only.url}", environ={})
        with pytest.raises(StoreError, match=r"refused the write, so it changed nothing: HTTP 403: .*read-only"):
            store.apply(WriteBatch(insert=[quad(1, "doc-a")]))


def test_an_update_sent_as_a_query_is_a_query_error(remote: SparqlStore) -> None:
    with pytest.raises(QueryError, match="update, not a query"):
        remote.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_staged_batches_on_virtuoso() -> None:
    store = virtuoso_store(max_quads="25")
    reference = MemoryStore()
    with virtuoso_turn():
        emptied(store)
        try:
            for s in (store, reference):
                _seed(s)
                s.apply(_big_batch())
            assert lines(store) == lines(reference)
        finally:
            emptied(store)
