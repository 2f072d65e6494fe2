"""Benchmarks of `diplograph serve` and of the remote store (issue 6). Writes JSON to scripts/bench/results/.

    python scripts/bench/bench_server.py                 # everything, Virtuoso too if DIPLOGRAPH_TEST_VIRTUOSO is set
    python scripts/bench/bench_server.py --skip-ingest   # only the load test

1. **Load**: the 100k-triple corpus (scripts/bench/corpus.py) in an on-disk store, served by
   `diplograph serve` (a subprocess); C clients (threads, one keep-alive connection each) send R
   lookups each, alternating an actor card (all its properties) and its latest 20 events, for
   random actors. Zero errors expected; latency p50/p90/p99/max and throughput. The same load
   against the bare Oxigraph server (no front) shows what the front costs. ``--named-every N`` makes
   every Nth request of a client a packaged named query (``sample/`` and ``analyst/`` in turn, with
   their default parameters; latencies reported apart too), and ``--store DIR`` serves a store
   prepared by ``lookup_store.py`` (e.g. 1M quads) instead of loading the corpus:

       python scripts/bench/bench_server.py --skip-ingest --store /tmp/h17b/kg-1000000 --named-every 10
2. **Ingest**: N synthetic articles (corpus.py's generator; one graph per article, written in
   batches of 50 as `diplograph ingest` does, then the ontology and the derivation rules) into the
   embedded store, a remote Oxigraph server and Virtuoso (when running; its store is emptied), then
   the six analyst queries (graph/queries/analyst, prologue prepended) on each: median of 3 runs,
   row counts compared.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from graph import ids  # noqa: E402
from graph.errors import GraphError  # noqa: E402
from graph.namespaces import sparql_prologue  # noqa: E402
from graph.server import OxigraphProcess  # noqa: E402
from graph.store import Store, WriteBatch  # noqa: E402

CARD = "SELECT ?p ?o WHERE {{ <{a}> ?p ?o }} LIMIT 100"
EVENTS = (
    "SELECT ?e ?date ?type WHERE {{ ?e <https://w3id.org/diplograph/ontology#actor> <{a}> ; "
    "<https://w3id.org/diplograph/ontology#dateEarliest> ?date ; "
    "<https://w3id.org/diplograph/ontology#eventType> ?type }} ORDER BY DESC(?date) LIMIT 20"
)
ACTORS = (
    "SELECT DISTINCT ?a WHERE { { ?a a <https://w3id.org/diplograph/ontology#State> } UNION "
    "{ ?e <https://w3id.org/diplograph/ontology#actor> ?a } }"
)


def named_queries() -> list[tuple[str, str]]:
    """The packaged ``sample/`` and ``analyst/`` queries as a client sends them: prologue prepended,
    default parameters."""
    from graph.queries import list_queries

    prologue = sparql_prologue()
    return [(q.name, prologue + q.text) for q in list_queries() if q.name.split("/")[0] in ("sample", "analyst")]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


# -- 1. load test -------------------------------------------------------------------------------
def corpus(work: Path, triples: int) -> Path:
    path = work / f"corpus-{triples}.nq"
    if not path.exists():
        subprocess.run(
            [sys.executable, str(HERE / "corpus.py"), "--triples", str(triples), "--out", str(path)], check=True
        )
    return path


def served_store(work: Path, nq: Path) -> tuple[Path, list[str]]:
    from graph.store.oxigraph import OxigraphStore

    directory = work / f"served-{nq.stem}"
    store = OxigraphStore(str(directory), create=True)
    if len(store) == 0:
        store.load_file(str(nq), "nq")
        store.flush()
    rows = store.query(ACTORS).rows  # type: ignore[union-attr]
    store.close()
    del store
    return directory, sorted(r[0].value for r in rows if r[0])


def load(
    base: str,
    actors: list[str],
    clients: int,
    requests: int | None = None,
    *,
    stop: threading.Event | None = None,
    timeout: float = 120,
    named: list[tuple[str, str]] | None = None,
    named_every: int = 0,
) -> dict[str, Any]:
    """``clients`` threads, each sending small lookups over one keep-alive connection: ``requests`` each,
    or until ``stop`` is set; with ``named_every`` N, every Nth request of a client is the next query of
    ``named``. Latencies of the answered ones, errors of the others (non-200 or no JSON)."""
    url = urllib.parse.urlsplit(base)
    latencies: list[float] = []
    named_latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        rng = random.Random(n)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
        mine: list[float] = []
        mine_named: list[float] = []
        i = 0
        while (requests is None or i < requests) and not (stop is not None and stop.is_set()):
            is_named = bool(named and named_every and i % named_every == named_every - 1)
            if is_named:
                assert named is not None
                query = named[(n + i // named_every) % len(named)][1]
            else:
                query = (CARD if i % 2 == 0 else EVENTS).format(a=rng.choice(actors))
            i += 1
            body = urllib.parse.urlencode({"query": query})
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
            started = time.perf_counter()
            try:
                conn.request("POST", "/query", body, headers)
                response = conn.getresponse()
                data = response.read()
                mine.append(time.perf_counter() - started)
                if is_named:
                    mine_named.append(mine[-1])
                if response.status != 200 or "results" not in json.loads(data):
                    with lock:
                        errors.append(f"HTTP {response.status}: {data[:200]!r}")
            except (OSError, http.client.HTTPException, ValueError) as exc:
                with lock:
                    errors.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
        conn.close()
        with lock:
            latencies.extend(mine)
            named_latencies.extend(mine_named)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ms = [x * 1000 for x in latencies] or [0.0]
    return {
        "clients": clients,
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "error_samples": errors[:5],
        "wall_s": round(wall, 2),
        "throughput_rps": round(len(latencies) / wall, 1),
        "p50_ms": round(percentile(ms, 50), 2),
        "p90_ms": round(percentile(ms, 90), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2),
        **(
            {
                "named_every": named_every,
                "named_requests": len(named_latencies),
                "named_p50_ms": round(percentile([x * 1000 for x in named_latencies], 50), 2),
                "named_p95_ms": round(percentile([x * 1000 for x in named_latencies], 95), 2),
                "named_max_ms": round(max(named_latencies) * 1000, 2),
            }
            if named_latencies
            else {}
        ),
    }


def prepared_store(directory: Path) -> tuple[Path, list[str], int]:
    """A store prepared by lookup_store.py (read only): its directory, actors and number of quads."""
    from graph.store.oxigraph import OxigraphStore

    store = OxigraphStore(str(directory), create=False, mode="read")
    try:
        rows = store.query(ACTORS).rows  # type: ignore[union-attr]
        size = len(store)
    finally:
        store.close()
    return directory, sorted(r[0].value for r in rows if r[0]), size


def load_test(
    work: Path, triples: int, clients: int, requests: int, *, store: Path | None = None, named_every: int = 0
) -> dict[str, Any]:
    if store is not None:
        directory, actors, triples = prepared_store(store)
    else:
        directory, actors = served_store(work, corpus(work, triples))
    named = named_queries() if named_every else None
    out: dict[str, Any] = {"triples": triples, "actors": len(actors), "named_every": named_every}
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    serve = subprocess.Popen(
        [sys.executable, "-m", "graph", "--store", str(directory), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    try:
        assert serve.stdout is not None
        base = serve.stdout.readline().strip().removesuffix("/query")
        load(base, actors, 2, 20)  # warm-up
        out["diplograph_serve"] = load(base, actors, clients, requests, named=named, named_every=named_every)
    finally:
        serve.terminate()
        serve.wait(60)
    with OxigraphProcess(str(directory), read_only=True, timeout=30) as bare:
        load(bare.url, actors, 2, 20)
        out["oxigraph_server_bare"] = load(bare.url, actors, clients, requests, named=named, named_every=named_every)
    return out


# -- 2. ingest and analyst queries ---------------------------------------------------------------
def article_batches(n: int, per_batch: int = 50) -> tuple[WriteBatch, list[WriteBatch], int]:
    from corpus import Generator

    from graph.triples import source_batch

    gen = Generator(int(n * 111 + 5000), 42)
    reference = source_batch([gen.reference()], ids.REFERENCE_GRAPH)
    batches: list[WriteBatch] = []
    current = WriteBatch()
    quads = len(reference.insert)
    for i, ex in enumerate(gen.articles(n * 111)):
        if i == n:
            break
        b = source_batch([ex], ids.document_graph(ex.article.key, ex.extractor.name))
        quads += len(b.insert)
        current.merge(b)
        if (i + 1) % per_batch == 0:
            batches.append(current)
            current = WriteBatch()
    if current.insert:
        batches.append(current)
    return reference, batches, quads


def ingest(store: Store, reference: WriteBatch, batches: list[WriteBatch]) -> dict[str, float]:
    from graph.pipeline import ensure_ontology, run_rules

    started = time.perf_counter()
    store.apply(reference)
    for b in batches:
        store.apply(b)
    written = time.perf_counter() - started
    ensure_ontology(store)
    derived = run_rules(store)
    return {
        "write_s": round(written, 2),
        "total_s": round(time.perf_counter() - started, 2),
        "derived": derived,
        "quads": len(store),
    }


def analyst(store: Store, runs: int = 3) -> dict[str, dict[str, float]]:
    from graph.queries import list_queries

    out = {}
    for q in (q for q in list_queries() if q.name.startswith("analyst/")):
        text = sparql_prologue() + q.text
        times, rows = [], 0
        name = q.name.removeprefix("analyst/")
        try:
            for _ in range(runs):
                started = time.perf_counter()
                result = store.query(text)
                times.append(time.perf_counter() - started)
                rows = len(getattr(result, "rows", []))
        except GraphError as exc:  # a server that cannot run the query: record its answer
            out[name] = {"error": exc.message.split("\n")[0][:300]}
            continue
        out[name] = {"median_s": round(statistics.median(times), 4), "rows": rows}
    return out


def ingest_test(work: Path, articles: int) -> dict[str, Any]:
    from graph.store.oxigraph import OxigraphStore
    from graph.store.sparql import SparqlStore

    reference, batches, quads = article_batches(articles)
    out: dict[str, Any] = {"articles": articles, "batches": len(batches), "quads_in_batches": quads, "stores": {}}
    embedded = OxigraphStore(tempfile.mkdtemp(dir=work, prefix="embedded-"), create=True)
    out["stores"]["embedded Oxigraph (disk)"] = {**ingest(embedded, reference, batches), "queries": analyst(embedded)}
    embedded.close()
    with OxigraphProcess(tempfile.mkdtemp(dir=work, prefix="remote-"), read_only=False) as server:
        remote = SparqlStore(f"sparql+{server.url}", environ={})
        out["stores"]["Oxigraph server (HTTP)"] = {**ingest(remote, reference, batches), "queries": analyst(remote)}
    location = os.environ.get("DIPLOGRAPH_TEST_VIRTUOSO")
    if location:
        env = {
            "DIPLOGRAPH_SPARQL_USER": os.environ.get("DIPLOGRAPH_TEST_VIRTUOSO_USER", ""),
            "DIPLOGRAPH_SPARQL_PASSWORD": os.environ.get("DIPLOGRAPH_TEST_VIRTUOSO_PASSWORD", ""),
        }
        virtuoso = SparqlStore(location, environ=env)
        for g in virtuoso.graphs():
            virtuoso.drop_graph(g.name)
        result = {**ingest(virtuoso, reference, batches), "max_quads": virtuoso.max_quads()}
        out["stores"]["Virtuoso 7 (HTTP)"] = {**result, "queries": analyst(virtuoso)}
        for g in virtuoso.graphs():
            virtuoso.drop_graph(g.name)
    return out


# -- report -------------------------------------------------------------------------------------
def markdown(results: dict[str, Any]) -> str:
    lines = []
    if "load" in results:
        r = results["load"]
        lines += [
            f"Load: {r['triples']:,}-triple corpus, {r['actors']:,} actors; lookups = actor card / latest 20 events"
            + (f", every {r['named_every']}th a named query." if r.get("named_every") else "."),
            "",
            "| target | clients x requests | errors | throughput req/s | p50 ms | p90 ms | p99 ms | max ms |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name in ("diplograph_serve", "oxigraph_server_bare"):
            x = r[name]
            lines.append(
                f"| {name} | {x['clients']} x {x['requests'] // x['clients']} | {x['errors']} | {x['throughput_rps']} "
                f"| {x['p50_ms']} | {x['p90_ms']} | {x['p99_ms']} | {x['max_ms']} |"
            )
        for name in ("diplograph_serve", "oxigraph_server_bare"):
            x = r[name]
            if "named_requests" in x:
                lines.append(
                    f"\n{name}: p95 {x['p95_ms']} ms overall; {x['named_requests']} named queries: "
                    f"p50 {x['named_p50_ms']} ms, p95 {x['named_p95_ms']} ms, max {x['named_max_ms']} ms"
                )
    if "ingest" in results:
        r = results["ingest"]
        stores = list(r["stores"])
        lines += [
            "",
            f"Ingest: {r['articles']} articles ({r['quads_in_batches']:,} quads, {r['batches']} batches of 50).",
            "",
        ]
        lines += ["| | " + " | ".join(stores) + " |", "|---|" + "---:|" * len(stores)]
        for key, label in (
            ("write_s", "write articles, s"),
            ("total_s", "+ ontology + rules, s"),
            ("quads", "quads after"),
        ):
            lines.append(f"| {label} | " + " | ".join(str(r["stores"][s][key]) for s in stores) + " |")
        for q in r["stores"][stores[0]]["queries"]:
            cells = [_cell(r["stores"][s]["queries"][q]) for s in stores]
            lines.append(f"| {q}, s (rows) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(x: dict[str, Any]) -> str:
    return f"{x['median_s']} ({x['rows']})" if "error" not in x else "error: " + x["error"][:60]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", default=None, help="working directory (default: a new tmp dir)")
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--store", default=None, help="serve this prepared store (lookup_store.py) for the load test")
    parser.add_argument("--named-every", type=int, default=0, help="every Nth request a named query (0: none)")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--out", default=None, help="JSON file (default scripts/bench/results/server-<time>.json)")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-server-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    if not args.skip_load:
        store = Path(args.store) if args.store else None
        results["load"] = load_test(
            work, args.triples, args.clients, args.requests, store=store, named_every=args.named_every
        )
    if not args.skip_ingest:
        results["ingest"] = ingest_test(work, args.articles)
    out = Path(args.out or HERE / "results" / f"server-{time.strftime('%Y%m%dT%H%M%S')}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    print(markdown(results))
    print(f"\nJSON: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
