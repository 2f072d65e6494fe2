"""`diplograph serve` as a user runs it: a subprocess on a free loopback port over a seeded store.

Queried with SPARQLWrapper and with plain HTTP (urllib) in every result format; W3C result shapes
checked; updates, Graph Store writes and SERVICE refused; a malformed query gets 400 with the
parser's message; a slow query is cut and the next one answers; an ingest on the served store is
refused with "in use by another process"; Graph Store reads; the query page loads in headless Chromium with no
request leaving the server.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_TRIG

PREFIXES = "PREFIX dipd: <https://w3id.org/diplograph/id/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
DIP = "https://w3id.org/diplograph/ontology#"
STATES = PREFIXES + f"SELECT ?s ?name WHERE {{ ?s a <{DIP}State> ; skos:prefLabel ?name }} ORDER BY ?name"
CONSTRUCT = PREFIXES + (
    "CONSTRUCT { dipd:COL skos:prefLabel ?n ; <urn:x:code> ?c } "
    f"WHERE {{ dipd:COL skos:prefLabel ?n ; <{DIP}iso3166Alpha3> ?c }}"
)
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Oxigraph does not check its timeout while it sorts: this one would run for minutes.
STUCK = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i"
SRX = "{http://www.w3.org/2005/sparql-results#}"


class Served:
    def __init__(self, process: subprocess.Popen[str], url: str, store: Path) -> None:
        self.process, self.url, self.store = process, url, store
        self.base = url.removesuffix("/query")

    def stop(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGTERM)
        _, err = self.process.communicate(timeout=60)
        return self.process.returncode, err


def start_serving(store: Path, *args: str) -> Served:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "--store", str(store), "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        process.kill()
        raise AssertionError(f"serve did not start: {process.communicate()[1]}")
    return Served(process, url, store)


def seeded_store(directory: Path) -> Path:
    from graph.pipeline import ingest
    from graph.store import open_store

    store = open_store(str(directory), create=True)
    try:
        ingest([str(SEED_TRIG)], store)
    finally:
        store.close()
    return directory


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    server = start_serving(seeded_store(tmp_path_factory.mktemp("served") / "kg"), "--timeout", "1")
    yield server
    code, err = server.stop()
    assert code == 0 and "stopped" in err


def http(
    url: str,
    data: bytes | None = None,
    *,
    accept: str | None = None,
    content_type: str | None = None,
    method: str | None = None,
    origin: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    headers = {k: v for k, v in {"Accept": accept, "Content-Type": content_type, "Origin": origin}.items() if v}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get_query(served: Served, query: str, accept: str) -> tuple[int, dict[str, str], bytes]:
    return http(served.url + "?" + urllib.parse.urlencode({"query": query}), accept=accept)


# -- SPARQL protocol and result formats ---------------------------------------------------------
def test_sparqlwrapper_json_and_xml(served: Served) -> None:
    from SPARQLWrapper import JSON, XML, SPARQLWrapper

    client = SPARQLWrapper(served.url)
    client.setQuery(STATES)
    client.setReturnFormat(JSON)
    names = [b["name"]["value"] for b in client.query().convert()["results"]["bindings"]]  # type: ignore[index]
    assert "Colombia" in names and names == sorted(names)
    client.setReturnFormat(XML)
    doc = client.query().convert()
    assert "Colombia" in [n.firstChild.data for n in doc.getElementsByTagName("literal")]  # type: ignore[union-attr]
    client.setQuery(PREFIXES + "ASK { dipd:COL skos:prefLabel 'Colombia'@en }")
    client.setReturnFormat(JSON)
    assert client.query().convert() == {"head": {}, "boolean": True}


def test_select_in_json_xml_csv_tsv_has_the_w3c_shapes(served: Served) -> None:
    status, headers, body = get_query(served, STATES, "application/sparql-results+json")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    doc = json.loads(body)
    assert doc["head"]["vars"] == ["s", "name"]
    first = doc["results"]["bindings"][0]
    assert first["s"]["type"] == "uri" and first["name"] == {
        "type": "literal",
        "value": first["name"]["value"],
        "xml:lang": "en",
    }
    names = [b["name"]["value"] for b in doc["results"]["bindings"]]

    status, headers, body = get_query(served, STATES, "application/sparql-results+xml")
    root = ET.fromstring(body)
    assert root.tag == f"{SRX}sparql" and [v.get("name") for v in root.find(f"{SRX}head")] == ["s", "name"]  # type: ignore[union-attr]
    literals = root.findall(f"{SRX}results/{SRX}result/{SRX}binding[@name='name']/{SRX}literal")
    assert [x.text for x in literals] == names and literals[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "en"

    status, headers, body = get_query(served, STATES, "text/csv")
    assert headers["Content-Type"].startswith("text/csv") and body.startswith(b"s,name\r\n")
    assert [row["name"] for row in csv.DictReader(io.StringIO(body.decode()))] == names

    status, headers, body = get_query(served, STATES, "text/tab-separated-values")
    lines = body.decode().splitlines()
    assert lines[0] == "?s\t?name" and lines[1].split("\t")[1] == f'"{names[0]}"@en'
    assert lines[1].split("\t")[0].startswith("<https://w3id.org/diplograph/id/")


def test_ask_in_json_and_xml(served: Served) -> None:
    ask = PREFIXES + "ASK { dipd:COL skos:prefLabel ?n }"
    assert json.loads(get_query(served, ask, "application/sparql-results+json")[2]) == {"head": {}, "boolean": True}
    root = ET.fromstring(get_query(served, ask, "application/sparql-results+xml")[2])
    assert root.find(f"{SRX}boolean").text == "true"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")],
)
def test_construct_by_content_negotiation(served: Served, accept: str, fmt: str) -> None:
    import rdflib

    status, headers, body = get_query(served, CONSTRUCT, accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    graph = rdflib.Graph().parse(data=body.decode(), format=fmt)
    col = rdflib.URIRef("https://w3id.org/diplograph/id/COL")
    assert set(graph) == {
        (col, rdflib.SKOS.prefLabel, rdflib.Literal("Colombia", lang="en")),
        (col, rdflib.URIRef("urn:x:code"), rdflib.Literal("COL")),
    }


def test_post_form_and_direct_body_and_graph_access(served: Served) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    form = urllib.parse.urlencode({"query": query}).encode()
    a = http(
        served.url, form, accept="application/sparql-results+json", content_type="application/x-www-form-urlencoded"
    )
    b = http(
        served.url, query.encode(), accept="application/sparql-results+json", content_type="application/sparql-query"
    )
    assert a[0] == b[0] == 200 and a[2] == b[2]
    graphs = [x["g"]["value"] for x in json.loads(a[2])["results"]["bindings"]]
    assert "https://w3id.org/diplograph/graph/reference" in graphs
    assert any(g.startswith("https://w3id.org/diplograph/graph/doc-") for g in graphs)


# -- safe defaults ------------------------------------------------------------------------------
def test_updates_graph_store_writes_and_service_are_refused(served: Served) -> None:
    from SPARQLWrapper import POST, SPARQLWrapper

    update = b"update=" + urllib.parse.quote_plus("INSERT DATA { <urn:a> <urn:b> <urn:c> }").encode()
    status, _, body = http(served.base + "/update", update, content_type="application/x-www-form-urlencoded")
    assert status == 403 and b"read-only" in body
    status, _, body = http(
        served.base + "/store?graph=urn:g",
        b"<urn:a> <urn:b> <urn:c> .",
        content_type="application/n-triples",
        method="PUT",
    )
    assert status == 403
    client = SPARQLWrapper(served.url, updateEndpoint=served.base + "/update")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(Exception, match="403"):
        client.query()
    service = f"SELECT * WHERE {{ SERVICE <{served.url}> {{ ?s ?p ?o }} }} LIMIT 1"
    status, _, body = get_query(served, service, "application/sparql-results+json")
    assert status == 403 and b"SERVICE" in body
    assert (
        json.loads(get_query(served, "ASK { <urn:a> <urn:b> <urn:c> }", "application/sparql-results+json")[2])[
            "boolean"
        ]
        is False
    )


def test_a_malformed_query_gets_400_with_the_parsers_message(served: Served) -> None:
    status, headers, body = get_query(served, "SELEC ?x WHERE { ?x ?y ?z }", "application/sparql-results+json")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.decode().startswith("error at 1:")


def test_a_slow_query_is_cut_at_the_timeout_and_the_next_one_answers(served: Served) -> None:
    status, _, body = get_query(served, SLOW, "text/csv")
    assert status == 503 and b"timed out" in body and b"1 s" in body
    status, _, body = get_query(served, "ASK { ?s ?p ?o }", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_a_query_that_ignores_the_timeout_is_cut_too_and_serving_goes_on(served: Served) -> None:
    status, _, body = get_query(served, STUCK, "application/sparql-results+json")
    assert status == 503 and b"timed out" in body
    status, _, body = get_query(served, "ASK { ?s ?p ?o }", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_graph_store_reads_and_dataset_parameters(served: Served) -> None:
    import rdflib

    reference = "https://w3id.org/diplograph/graph/reference"
    status, headers, body = http(
        served.base + "/store?" + urllib.parse.urlencode({"graph": reference}), accept="application/n-triples"
    )
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert len(rdflib.Graph().parse(data=body.decode(), format="nt")) > 10
    status, _, body = http(served.base + "/store?default", accept="application/n-triples")
    assert status == 200
    status, _, _ = http(served.base + "/store?graph=urn:nothing-here")
    assert status == 404
    status, _, body = http(served.base + "/store?graph=not%20an%20iri")
    assert status == 400 and b"absolute IRI" in body
    status, headers, body = http(served.base + "/store", accept="application/n-quads")
    assert status == 200 and headers["Content-Type"].startswith("application/n-quads") and reference.encode() in body
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    only = get_query(served, count, "text/csv")[2]
    scoped = http(
        served.url + "?" + urllib.parse.urlencode({"query": count, "default-graph-uri": reference}), accept="text/csv"
    )[2]
    assert int(scoped.split()[1]) < int(only.split()[1])
    status, headers, body = http(served.url + "?query=ASK%7B%7D", method="HEAD", accept="text/csv")
    assert status == 200 and body == b""


def test_no_cors_unless_asked(served: Served) -> None:
    _, headers, _ = http(served.url + "?query=ASK%7B%7D", origin="http://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in headers


def test_a_foreign_host_name_is_refused_on_loopback(served: Served) -> None:
    # A page whose domain was rebound to 127.0.0.1 sends its own name in Host (DNS rebinding).
    request = urllib.request.Request(served.url + "?query=ASK%7B%7D", headers={"Host": "attacker.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 403
    request = urllib.request.Request(served.url + "?query=ASK%7B%7D", headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=60) as ok:
        assert ok.status == 200


def test_ingest_while_serving_is_refused_clearly(served: Served) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    out = subprocess.run(
        [sys.executable, "-m", "graph", "--store", str(served.store), "ingest", str(SEED_TRIG)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert out.returncode == 1 and "in use by another process" in out.stderr and out.stdout == ""
    # serve holds the lock every diplograph process takes: the ingest is told it is open for reading,
    # and with --wait it waits for serve (not a failure from RocksDB's own lock after the wait)
    waited = subprocess.run(
        [sys.executable, "-m", "graph", "--store", str(served.store), "--wait", "1", "ingest", str(SEED_TRIG)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert waited.returncode == 1 and "open for reading" in waited.stderr and "waited 1 s" in waited.stderr
    again = subprocess.run(
        [sys.executable, "-m", "graph", "--store", str(served.store), "serve", "--port", "0"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert again.returncode == 1 and "in use by another process" in again.stderr


# -- the query page -----------------------------------------------------------------------------
def test_the_query_page_and_its_assets_reference_nothing_outside(served: Served) -> None:
    from graph.queries import list_queries

    status, headers, _ = http(served.base + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    for asset in ("/", "/app.js", "/app.css"):
        body = http(served.base + asset)[2].decode()
        assert "://" not in body and "//cdn" not in body, asset
    listed = json.loads(http(served.base + "/queries.json")[2])
    assert [q["name"] for q in listed["queries"]] == [q.name for q in list_queries()]
    assert any(q["name"].startswith("analyst/") for q in listed["queries"])


def test_the_query_page_runs_a_named_query_in_headless_chromium(served: Served, tmp_path: Path) -> None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install -y chromium) for the browser check")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")
    requests: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]  # fmt: skip
        browser = pw.chromium.launch(executable_path=str(chromium), args=flags)
        try:
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(served.base + "/")
            page.wait_for_selector("body[data-ready=true]")
            page.select_option("#examples", "analyst/dyad_timeline")
            assert page.input_value("#query").startswith("PREFIX ")
            page.click("#run")
            page.wait_for_selector("#results table tbody tr")
            header = page.locator("#results th").all_inner_texts()
            assert header[:3] == ["#", "?when", "?until"]
            assert page.locator("#results tbody tr").count() >= 1
            assert "row(s)" in page.inner_text("#status")
            assert not errors, errors  # (the malformed query below logs its 400 on the console)
            page.fill("#query", "SELEC nonsense")
            page.click("#run")
            page.wait_for_selector("#results pre.error")
            assert "error at 1:" in page.inner_text("#results pre.error")
            page.screenshot(path=str(tmp_path / "query-page.png"))
        finally:
            browser.close()
    assert requests and all(u.startswith(served.base + "/") for u in requests), requests


# -- writable mode, CORS, stopping --------------------------------------------------------------
def test_writable_with_cors_accepts_updates_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    from graph.pipeline import ingest
    from graph.store.sparql import SparqlStore

    server = start_serving(tmp_path / "kg", "--writable", "--cors")
    try:
        status, headers, _ = http(server.url + "?query=ASK%7B%7D", origin="http://elsewhere.example")
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
        status, headers, _ = http(server.base + "/update", method="OPTIONS", origin="http://elsewhere.example")
        assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
        remote = SparqlStore(f"sparql+{server.base}", environ={})
        report = ingest([str(SEED_TRIG)], remote)  # the whole pipeline, through the endpoint
        assert report.sources == 1 and not report.skipped
        col = remote.query(PREFIXES + "SELECT ?n WHERE { dipd:COL skos:prefLabel ?n }")
        assert [r[0].value for r in col.rows if r[0]] == ["Colombia"]  # type: ignore[union-attr]
    finally:
        code, err = server.stop()
    assert code == 0 and "stopped" in err
    from graph.store import open_store

    store = open_store(str(tmp_path / "kg"))  # the lock is released and the data are on disk
    try:
        assert len(store) > 4000
    finally:
        store.close()
