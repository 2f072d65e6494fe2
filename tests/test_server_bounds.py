"""Every query `diplograph serve` answers is bounded, and one runaway query hurts no other client.

Real HTTP clients against the real server: runaway queries (a streamed cross-join, a sort that
never checks a timeout) are cut at ``--timeout`` while 5 clients run small queries meanwhile with
0 errors; an answer larger than ``--max-result-mb`` is refused; the workers that were killed are
replaced. The larger run (20 clients) is scripts/bench/bench_runaway.py.
"""

from __future__ import annotations

import http.client as httpclient
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_server import STATES, Served, http, seeded_store, start_serving

CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~4k^3 rows, streamed
SORTED = CROSS + " ORDER BY ?i"  # Oxigraph does not check its own timeout while it sorts
TIMEOUT = 2


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    store = seeded_store(tmp_path_factory.mktemp("bounded") / "kg")
    server = start_serving(store, "--timeout", str(TIMEOUT), "--workers", "3", "--max-result-mb", "64")
    yield server
    code, err = server.stop()
    assert code == 0 and "stopped" in err


def fetch(url: str, query: str, accept: str) -> tuple[int | str, int, float]:
    """Status (or the exception's name), bytes read and seconds, reading the answer to its end."""
    split = urllib.parse.urlsplit(url)
    started = time.monotonic()
    conn = httpclient.HTTPConnection(split.hostname, split.port, timeout=120)
    size = 0
    try:
        conn.request("GET", split.path + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
        response = conn.getresponse()
        while data := response.read(1 << 16):
            size += len(data)
        return response.status, size, time.monotonic() - started
    except (httpclient.HTTPException, OSError) as exc:
        return type(exc).__name__, size, time.monotonic() - started
    finally:
        conn.close()


def test_runaways_are_cut_at_the_timeout_and_five_clients_meanwhile_see_no_error(served: Served) -> None:
    stop = threading.Event()
    results: list[tuple[int | str, int, float]] = []
    errors: list[object] = []

    def small_queries() -> None:
        while not stop.is_set():
            status, size, seconds = fetch(served.url, STATES, "application/sparql-results+json")
            results.append((status, size, seconds))
            if status != 200 or size == 0:
                errors.append((status, size))

    clients = [threading.Thread(target=small_queries) for _ in range(5)]
    for c in clients:
        c.start()
    runaways: list[tuple[int | str, int, float]] = []
    runners = [
        threading.Thread(target=lambda q=q, a=a: runaways.append(fetch(served.url, q, a)))
        for q, a in ((CROSS, "text/csv"), (SORTED, "application/sparql-results+json"))
    ]
    for r in runners:
        r.start()
    for r in runners:
        r.join(60)
    time.sleep(0.5)
    stop.set()
    for c in clients:
        c.join(60)
    assert not errors, errors[:5]
    assert len(results) >= 20
    assert len(runaways) == 2
    for status, size, seconds in runaways:
        assert status in (503, "IncompleteRead"), (status, size, seconds)
        assert seconds < TIMEOUT + 3, seconds
    # the killed workers were replaced: three queries at once still answer together
    after: list[tuple[int | str, int, float]] = []
    threads = [threading.Thread(target=lambda: after.append(fetch(served.url, "ASK {}", "text/csv"))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert [s for s, _, _ in after] == [200, 200, 200]


def test_a_streamed_answer_is_cut_at_the_timeout_not_let_run(tmp_path: Path) -> None:
    # long enough for the answer to pass the front's 16 MB buffer and stream, even on a busy machine
    streaming = start_serving(seeded_store(tmp_path / "kg"), "--timeout", "8")
    try:
        status, size, seconds = fetch(streaming.url, CROSS, "application/sparql-results+json")
    finally:
        streaming.stop()
    assert status == "IncompleteRead" and size > 16 * 1024 * 1024 and seconds < 8 + 3, (status, size, seconds)


def test_an_answer_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    # under the front's buffer (16 MB) the client gets a clean error status, not a short result
    with_limit = start_serving(seeded_store(tmp_path / "kg"), "--timeout", "30", "--max-result-mb", "1")
    try:
        status, _, body = http(
            with_limit.url + "?" + urllib.parse.urlencode({"query": CROSS + " LIMIT 100000"}), accept="text/csv"
        )
        assert status == 500 and b"larger than 1 MB" in body and b"--max-result-mb" in body
        status, _, body = http(
            with_limit.url + "?" + urllib.parse.urlencode({"query": STATES}), accept="application/sparql-results+json"
        )
        assert status == 200 and json.loads(body)["results"]["bindings"]
    finally:
        with_limit.stop()


def test_waiting_for_a_busy_worker_counts_against_the_timeout(served: Served) -> None:
    started = time.monotonic()
    outcomes: list[tuple[int | str, int, float]] = []
    threads = [
        threading.Thread(target=lambda: outcomes.append(fetch(served.url, SORTED, "text/csv"))) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(str(s) for s, _, _ in outcomes) == ["503"] * 4
    assert time.monotonic() - started < TIMEOUT + 4
    # the three killed workers come back (started one after another, about a second each)
    statuses = []
    for _ in range(10):
        statuses.append(fetch(served.url, "ASK {}", "text/csv")[0])
        if statuses[-1] == 200:
            break
    assert statuses[-1] == 200, statuses
