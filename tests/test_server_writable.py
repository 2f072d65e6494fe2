"""`diplograph serve --writable` as a user runs it: one sandboxed read-write worker, no other port.

Real HTTP clients against a real server on 127.0.0.1: SPARQL updates (direct body and form) and
Graph Store writes, read back at once; LOAD and SERVICE refused in updates and queries, with a
canary server on loopback that must receive nothing from any bypass variant, by any way of
sending, on any port the serve process tree listens on (there is one: the front's); the
per-request --timeout and --max-result-mb bounds; serve as the store's writer for other commands.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_TRIG
from tests.test_server import Served, http, seeded_store, start_serving
from tests.test_server_isolation import Canary, bypasses, canary, listening_ports, send_all_ways

__all__ = ["canary"]  # the module-scoped canary fixture, shared with test_server_isolation

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the network sandbox is Linux-only")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# An update's WHERE reads the store's real default graph (SPARQL Update; pyoxigraph has no union
# option for updates), so the runaway names its graphs.
RUNAWAY = (
    "INSERT { GRAPH <urn:t:out> { <urn:t:a> <urn:t:b> ?n } } WHERE { SELECT (COUNT(*) AS ?n) "
    "WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } } }"
)


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    store = seeded_store(tmp_path_factory.mktemp("writable") / "kg")
    server = start_serving(store, "--writable", "--timeout", "4", "--max-result-mb", "1")
    yield server
    code, err = server.stop()
    assert code == 0 and "stopped" in err


def update(served: Served, text: str, *, form: bool = False) -> tuple[int, bytes]:
    if form:
        data = urllib.parse.urlencode({"update": text}).encode()
        status, _, body = http(served.base + "/update", data, content_type="application/x-www-form-urlencoded")
    else:
        status, _, body = http(served.base + "/update", text.encode(), content_type="application/sparql-update")
    return status, body


def select(served: Served, query: str) -> list[str]:
    status, _, body = http(served.url + "?" + urllib.parse.urlencode({"query": query}), accept="text/csv")
    assert status == 200, body
    return body.decode().splitlines()[1:]


def count(served: Served) -> int:
    return int(select(served, COUNT)[0])


def gsp(served: Served, method: str, target: str, data: bytes | None = None, kind: str | None = None) -> int:
    return http(f"{served.base}/store?{target}", data, content_type=kind, method=method)[0]


# -- writes, read back at once ------------------------------------------------------------------
def test_updates_by_body_and_form_are_read_back_at_once(writable: Served) -> None:
    before = count(writable)
    assert update(writable, 'INSERT DATA { GRAPH <urn:t:g1> { <urn:t:s> <urn:t:p> "one" } }') == (204, b"")
    assert select(writable, "SELECT ?o WHERE { GRAPH <urn:t:g1> { ?s ?p ?o } }") == ["one"]
    status, _ = update(writable, 'INSERT DATA { GRAPH <urn:t:g1> { <urn:t:s> <urn:t:p> "two" } }', form=True)
    assert status == 204 and count(writable) == before + 2
    assert update(writable, "DROP GRAPH <urn:t:g1>", form=True)[0] == 204
    assert count(writable) == before
    status, body = update(writable, "INSERT DATA { nonsense")
    assert status == 400 and b"error" in body.lower()
    assert http(writable.base + "/update", b"DROP ALL", content_type="text/plain")[0] == 415
    assert http(writable.base + "/update?update=DROP%20ALL")[0] == 405  # GET
    assert count(writable) == before


def test_graph_store_writes_create_replace_add_and_delete(writable: Served) -> None:
    graph = "graph=" + urllib.parse.quote("urn:t:gsp")
    assert gsp(writable, "PUT", graph, b"<urn:t:a> <urn:t:b> <urn:t:c> .", "text/turtle") == 201
    assert gsp(writable, "PUT", graph, b"<urn:t:a> <urn:t:b> <urn:t:d> .", "text/turtle") == 204
    assert gsp(writable, "POST", graph, b"<urn:t:a> <urn:t:b> <urn:t:e> .\n", "application/n-triples") == 204
    status, _, body = http(f"{writable.base}/store?{graph}", accept="application/n-triples")
    assert status == 200 and sorted(body.decode().splitlines()) == [
        "<urn:t:a> <urn:t:b> <urn:t:d> .",
        "<urn:t:a> <urn:t:b> <urn:t:e> .",
    ]
    assert gsp(writable, "PUT", graph, b"<urn:t:a> <urn:t:b .", "text/turtle") == 400  # nothing changed
    assert gsp(writable, "PUT", graph, b"\x89PNG", "image/png") == 415
    assert select(writable, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:t:gsp> { ?s ?p ?o } }") == ["2"]
    assert gsp(writable, "DELETE", graph) == 204
    assert gsp(writable, "DELETE", graph) == 404
    assert gsp(writable, "POST", "", b"<urn:t:x> <urn:t:y> <urn:t:z> <urn:t:q> .", "application/n-quads") == 204
    assert select(writable, "SELECT ?g WHERE { GRAPH ?g { <urn:t:x> ?p ?o } }") == ["urn:t:q"]
    assert gsp(writable, "DELETE", "graph=urn:t:q") == 204
    assert gsp(writable, "PUT", "default", b"<urn:t:d> <urn:t:d> <urn:t:d> .", "text/turtle") == 204
    status, _, body = http(f"{writable.base}/store?default", accept="application/n-triples")
    assert status == 200 and body == b"<urn:t:d> <urn:t:d> <urn:t:d> .\n"
    assert gsp(writable, "DELETE", "default") == 204
    assert http(f"{writable.base}/store?default", accept="application/n-triples")[2] == b""


def test_concurrent_clients_each_read_their_own_writes_at_once(writable: Served) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def client(n: int) -> list[str]:
        seen = []
        for i in range(5):
            status, _ = update(writable, f'INSERT DATA {{ GRAPH <urn:t:c{n}> {{ <urn:t:s> <urn:t:p> "{i}" }} }}')
            assert status == 204
            seen.append(select(writable, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <urn:t:c{n}> {{ ?s ?p ?o }} }}")[0])
        assert update(writable, f"DROP GRAPH <urn:t:c{n}>")[0] == 204
        return seen

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(client, range(8)))
    assert results == [["1", "2", "3", "4", "5"]] * 8


def test_the_endpoint_is_the_stores_writer_while_it_runs(writable: Served) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    for command in (["query", "ASK {}"], ["ingest", str(SEED_TRIG)]):
        out = subprocess.run(
            [sys.executable, "-m", "graph", "--store", str(writable.store), *command],
            capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
        assert out.returncode == 1 and "in use by another process" in out.stderr, out.stderr
        assert f"pid {writable.process.pid}" in out.stderr  # it names the serve process


# -- bounds -------------------------------------------------------------------------------------
def test_a_runaway_update_is_stopped_at_the_timeout_and_writes_nothing(writable: Served) -> None:
    before = count(writable)
    started = time.monotonic()
    status, body = update(writable, RUNAWAY)
    assert status == 503 and b"timed out" in body and time.monotonic() - started < 15
    for _ in range(30):  # the worker is replaced: the store is opened again
        status, _, body = http(writable.url + "?" + urllib.parse.urlencode({"query": COUNT}), accept="text/csv")
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200 and int(body.decode().splitlines()[1]) == before
    assert select(writable, "SELECT ?n WHERE { GRAPH <urn:t:out> { ?s ?p ?n } }") == []
    status, _ = update(writable, 'INSERT DATA { GRAPH <urn:t:after> { <urn:t:s> <urn:t:p> "ok" } }')
    assert status == 204 and count(writable) == before + 1
    assert update(writable, "DROP GRAPH <urn:t:after>")[0] == 204


def test_an_answer_over_the_size_limit_is_refused(writable: Served) -> None:
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
    status, _, body = http(writable.url + "?" + urllib.parse.urlencode({"query": query}), accept="text/csv")
    assert status == 500 and b"larger than 1 MB" in body


# -- no request out -----------------------------------------------------------------------------
def update_bypasses(url: str) -> list[str]:
    """Updates that would call the canary: LOAD in every spelling, and every SERVICE variant in a WHERE."""
    iri = f"<{url}>"
    escaped = iri.replace("sparql", "\\u0073parql")
    base, _, local = url.rpartition("/")
    loads = [
        f"LOAD {iri}",
        f"LOAD SILENT {iri} INTO GRAPH <urn:t:l>",
        f"load{iri}",
        f"#c\rLOAD {iri}",
        f"#c\r\nLoAd SILENT {iri}",
        f"\\u004cOAD {iri}",
        f"lo\\u0061d {escaped}",
        f"PREFIX c: <{base}/> LOAD c:{local}",
        f"BASE <{base}/> LOAD <{local}>",
        f'INSERT DATA {{ <urn:t:a> <urn:t:b> "LOAD" }} ; LOAD SILENT {iri}',
        f"CLEAR SILENT GRAPH <urn:t:none> ;\rLOAD {iri} INTO GRAPH <urn:t:l>",
    ]
    head = "INSERT { <urn:t:a> <urn:t:b> <urn:t:c> } WHERE"
    services = [
        f"{head} {{ SERVICE {iri} {{ ?s ?p ?o }} }}",
        f"DELETE {{ ?s ?p ?o }} WHERE {{ #c\rSERVICE SILENT {iri} {{ ?s ?p ?o }} }}",
        f"WITH <urn:t:g> DELETE {{ ?s ?p ?o }} INSERT {{ ?o ?p ?s }} WHERE {{ SERVICE {iri} {{ ?s ?p ?o }} }}",
    ]
    for query in bypasses(url):  # each SELECT variant as a subquery of an update's WHERE
        m = re.match(r"((?:PREFIX \S+ <[^>]*> |BASE <[^>]*> |VERSION \"1.2\" )*)((?i:select) .*)", query, re.DOTALL)
        if m:
            services.append(f"{m.group(1)}{head} {{ {{ {m.group(2)} }} }}")
    return loads + services


def test_the_writable_serve_process_tree_listens_on_the_front_port_only(writable: Served) -> None:
    front = int(writable.url.rsplit(":", 1)[1].split("/")[0])
    assert listening_ports(writable.process.pid) == {front}


def test_no_query_or_update_reaches_the_canary_on_any_port(writable: Served, canary: Canary) -> None:
    ports = listening_ports(writable.process.pid)
    before = count(writable)
    refused = 0
    for port in ports:
        served = Served(writable.process, f"http://127.0.0.1:{port}/query", writable.store)
        for query in bypasses(canary.url):
            statuses = send_all_ways(served.base, query)
            assert all(s != 502 for s in statuses), (query, statuses)
            refused += sum(s == 403 for s in statuses)
        for text in update_bypasses(canary.url):
            statuses = [update(served, text)[0], update(served, text, form=True)[0]]
            assert all(s != 502 for s in statuses), (text, statuses)
            refused += sum(s == 403 for s in statuses)
    time.sleep(0.5)
    assert canary.hits == []
    assert refused >= 3 * 23 + 2 * (11 + 3 + 20)  # every variant rdflib can parse was refused by the parse
    assert count(writable) == before  # and none wrote anything


def test_writable_serve_waits_for_or_refuses_open_readers(tmp_path: Path) -> None:
    from graph.store.locking import StoreLock

    store = tmp_path / "kg"
    store.mkdir()
    reader = StoreLock(store, exclusive=False)
    reader.acquire(0)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
        out = subprocess.run(
            [sys.executable, "-m", "graph", "--store", str(store), "serve", "--port", "0", "--writable"],
            capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
        assert out.returncode == 1 and "in use by another process" in out.stderr and "open for reading" in out.stderr
    finally:
        reader.release()
