"""`diplograph serve` makes no request out, whatever the query text, and opens no port but its own.

A canary TCP server on loopback (started here) counts every connection; every bypass variant of
SERVICE is sent to every port the serve process tree listens on, by GET, form POST and direct
POST, and the canary must count 0. Variants: comments ended by CR, LF, CRLF; ``\\uXXXX`` escapes;
lower and mixed case; prefixed and variable service IRIs; SERVICE SILENT; SERVICE nested in
subqueries, OPTIONAL, UNION, MINUS, GRAPH, FILTER (NOT) EXISTS; and SPARQL 1.2 syntax that
rdflib cannot parse (so the parse cannot decide and only the workers' network sandbox stands).
"""

from __future__ import annotations

import json
import os
import socketserver
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_server import Served, http, seeded_store, start_serving

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the network sandbox is Linux-only")


class Canary(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.hits: list[bytes] = []
        super().__init__(("127.0.0.1", 0), CanaryHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"


class CanaryHandler(socketserver.BaseRequestHandler):
    server: Canary

    def handle(self) -> None:
        self.request.settimeout(2)
        try:
            data = self.request.recv(4096)
        except OSError:
            data = b""
        self.server.hits.append(data or b"(connected)")
        body = json.dumps(
            {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "urn:x"}}]}}
        )
        self.request.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n{body}".encode()
        )


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    server = Canary()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    server = start_serving(seeded_store(tmp_path_factory.mktemp("isolated") / "kg"), "--timeout", "5")
    yield server
    code, err = server.stop()
    assert code == 0 and "stopped" in err


def bypasses(url: str) -> list[str]:
    iri = f"<{url}>"
    escaped = iri.replace("sparql", "\\u0073parql")
    base, _, local = url.rpartition("/")
    pattern = "{ ?s ?p ?o }"
    return [
        f"SELECT * WHERE {{ #c\rSERVICE {iri} {pattern} }}",
        f"SELECT * WHERE {{ #c\nSERVICE {iri} {pattern} }}",
        f"SELECT * WHERE {{ #c\r\nSERVICE {iri} {pattern} }}",
        f"SELECT * # c\r WHERE {{ SERVICE {iri} {pattern} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE {iri} {pattern} }}",
        f"SELECT * WHERE {{ \\u0073\\u0065rvice {escaped} {pattern} }}",
        f"SELECT * WHERE {{ service {iri} {pattern} }}",
        f"select * where {{ SeRvIcE {iri} {pattern} }}",
        f"PREFIX c: <{base}/> SELECT * WHERE {{ SERVICE c:{local} {pattern} }}",
        f"BASE <{base}/> SELECT * WHERE {{ SERVICE <{local}> {pattern} }}",
        f"SELECT * WHERE {{ BIND({iri} AS ?x) SERVICE ?x {pattern} }}",
        f"SELECT * WHERE {{ VALUES ?x {{ {iri} }} SERVICE ?x {pattern} }}",
        f"SELECT * WHERE {{ SERVICE SILENT {iri} {pattern} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE {iri} {pattern} }} }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE SILENT {iri} {pattern} }} }}",
        f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE {iri} {pattern} }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c MINUS {{ SERVICE {iri} {pattern} }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE {iri} {pattern} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE {iri} {pattern} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE SILENT {iri} {pattern} }} }}",
        f"ASK {{ SERVICE {iri} {pattern} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {iri} {pattern} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE {iri} {pattern} }}",
        # SPARQL 1.2 syntax rdflib cannot parse: only the sandbox stops these
        f"SELECT * WHERE {{ SERVICE SILENT {iri} {pattern} BIND(<<( <urn:a> <urn:b> <urn:c> )>> AS ?t) }}",
        f'VERSION "1.2" SELECT * WHERE {{ SERVICE {iri} {pattern} }}',
        f"SELECT * WHERE {{ ?a ?b ?c LATERAL {{ SERVICE SILENT {iri} {pattern} }} }}",
        f'SELECT * WHERE {{ #c\rSERVICE SILENT {iri} {pattern} BIND("a"@en--ltr AS ?t) }}',
    ]


def listening_ports(pid: int) -> set[int]:
    """TCP ports in LISTEN state held by ``pid`` or any of its descendants (from /proc)."""
    pids, todo = set(), [pid]
    while todo:
        current = todo.pop()
        pids.add(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            children = (task / "children").read_text().split() if (task / "children").exists() else []
            todo.extend(int(c) for c in children)
    inodes = set()
    for p in pids:
        for fd in Path(f"/proc/{p}/fd").glob("*"):
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def send_all_ways(base: str, query: str) -> list[int]:
    statuses = [http(f"{base}/query?" + urllib.parse.urlencode({"query": query}))[0]]
    form = urllib.parse.urlencode({"query": query}).encode()
    statuses.append(http(f"{base}/query", form, content_type="application/x-www-form-urlencoded")[0])
    statuses.append(http(f"{base}/sparql", query.encode(), content_type="application/sparql-query")[0])
    return statuses


def test_the_serve_process_tree_listens_on_the_front_port_only(served: Served) -> None:
    front = int(served.url.rsplit(":", 1)[1].split("/")[0])
    assert listening_ports(served.process.pid) == {front}


def test_no_service_variant_reaches_the_canary_on_any_port(served: Served, canary: Canary) -> None:
    ports = listening_ports(served.process.pid)
    refused = 0
    for port in ports:
        for query in bypasses(canary.url):
            statuses = send_all_ways(f"http://127.0.0.1:{port}", query)
            assert all(s != 502 for s in statuses), (query, statuses)
            refused += sum(s == 403 for s in statuses)
    time.sleep(0.5)
    assert canary.hits == []
    assert refused >= 3 * 23  # every variant rdflib can parse was refused by the parse, not just blocked


def test_service_is_refused_with_a_clear_message_and_legitimate_queries_answer(served: Served, canary: Canary) -> None:
    status, _, body = http(served.url + "?" + urllib.parse.urlencode({"query": bypasses(canary.url)[0]}))
    assert status == 403 and b"SERVICE" in body
    legit = [
        ('SELECT ?service WHERE { ?service ?p "SERVICE" } LIMIT 1', 200),
        ("SELECT * WHERE { ?s <urn:SERVICE> ?o } # SERVICE <http://x/> {}\r", 200),
        ("ASK { ?s ?p ?o }", 200),
        ("SELECT * WHERE { BIND(<<( <urn:a> <urn:b> <urn:c> )>> AS ?t) }", 200),  # SPARQL 1.2, not in rdflib
    ]
    for query, expected in legit:
        status, _, body = http(
            served.url + "?" + urllib.parse.urlencode({"query": query}), accept="application/sparql-results+json"
        )
        assert status == expected, (query, body)
        json.loads(body)
    assert canary.hits == []


def test_a_worker_cannot_open_a_network_socket_even_when_asked_directly(canary: Canary, tmp_path: Path) -> None:
    """The sandbox alone: pyoxigraph in a sandboxed process, SERVICE to the canary, nothing arrives."""
    code = f"""
import socket, pyoxigraph
from graph.sandbox import deny_network
assert deny_network()
try:
    socket.create_connection(("127.0.0.1", {canary.server_address[1]}), timeout=2)
    print("connected")
except PermissionError:
    print("refused")
for q in ["SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}",
          "SELECT * WHERE {{ SERVICE SILENT <{canary.url}> {{ ?s ?p ?o }} }}"]:
    try:
        print(len(list(pyoxigraph.Store().query(q))))
    except OSError as exc:
        print("error", exc)
a, b = socket.socketpair()  # local IPC still works
a.sendall(b"x"); print(b.recv(1))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "refused" and lines[1].startswith("error") and lines[2] == "1" and lines[3] == "b'x'"
    time.sleep(0.3)
    assert canary.hits == []
