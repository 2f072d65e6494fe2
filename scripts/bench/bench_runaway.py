"""Runaway queries against `diplograph serve` while many clients run small ones (issue 18). Writes JSON.

    python scripts/bench/bench_runaway.py                        # 20 clients, --timeout 10, 100k triples
    python scripts/bench/bench_runaway.py --clients 20 --timeout 5 --runaways 3

The 100k-triple corpus (scripts/bench/corpus.py) in an on-disk store, served by `diplograph serve`
(a subprocess, default options but ``--timeout``). Phase 1 (baseline): C clients (threads, one
keep-alive connection each) send small lookups (an actor card, an actor's latest 20 events) for
``--seconds`` s. Phase 2: the same clients again while runaway queries run beside them, each on
its own connection: a streamed ``SELECT *`` cross-join in CSV (what returned 23 GB in 200 s before),
the same with ``ORDER BY`` (Oxigraph does not check a timeout while it sorts) and a cross-join
``CONSTRUCT`` in N-Triples, ``--runaways`` rounds of the three at once. Reported: for each runaway its
status (503, or the transfer cut), bytes received and seconds (target: cut at the timeout); for
the small queries the errors (target: 0) and latency percentiles with and without runaways.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
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

from bench_server import corpus, load, served_store  # noqa: E402

CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RUNAWAYS = [
    ("cross-join stream (CSV)", CROSS, "text/csv"),
    ("cross-join sorted (JSON)", CROSS + " ORDER BY ?i", "application/sparql-results+json"),
    (
        "cross-join CONSTRUCT (N-Triples)",
        "CONSTRUCT { ?a ?b ?i } WHERE { ?a ?b ?c . ?g ?h ?i }",
        "application/n-triples",
    ),
]


def small_clients(base: str, actors: list[str], clients: int, stop: threading.Event) -> dict[str, Any]:
    """``bench_server.load``'s small lookups until ``stop`` is set."""
    return load(base, actors, clients, stop=stop, timeout=300)


def runaway(base: str, name: str, query: str, accept: str) -> dict[str, Any]:
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    started = time.perf_counter()
    size, status = 0, "?"
    try:
        conn.request("GET", "/query?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
        response = conn.getresponse()
        status = str(response.status)
        while data := response.read(1 << 16):
            size += len(data)
    except (OSError, http.client.HTTPException) as exc:
        status = f"{status} then {type(exc).__name__}"
    finally:
        conn.close()
    return {"query": name, "status": status, "bytes": size, "seconds": round(time.perf_counter() - started, 2)}


def run(work: Path, triples: int, clients: int, timeout: int, seconds: float, rounds: int) -> dict[str, Any]:
    directory, actors = served_store(work, corpus(work, triples))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    serve = subprocess.Popen(
        [sys.executable, "-m", "graph", "--store", str(directory), "serve", "--port", "0", "--timeout", str(timeout)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    out: dict[str, Any] = {"triples": triples, "timeout_s": timeout, "serve_options": f"--timeout {timeout}"}
    try:
        assert serve.stdout is not None
        base = serve.stdout.readline().strip().removesuffix("/query")
        stop = threading.Event()
        threading.Timer(2, stop.set).start()
        small_clients(base, actors, 2, stop)  # warm-up
        stop = threading.Event()
        threading.Timer(seconds, stop.set).start()
        out["small_alone"] = small_clients(base, actors, clients, stop)

        stop = threading.Event()
        results: list[dict[str, Any]] = []
        meanwhile: dict[str, Any] = {}
        load = threading.Thread(target=lambda: meanwhile.update(small_clients(base, actors, clients, stop)))
        load.start()
        time.sleep(0.5)
        for _ in range(rounds):
            threads = [
                threading.Thread(target=lambda r=r: results.append(runaway(base, *r)))  # type: ignore[misc]
                for r in RUNAWAYS
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        time.sleep(0.5)
        stop.set()
        load.join()
        out["small_with_runaways"] = meanwhile
        out["runaways"] = results
        out["runaway_max_s"] = max(r["seconds"] for r in results)
        out["runaway_max_bytes"] = max(r["bytes"] for r in results)
    finally:
        serve.terminate()
        _, err = serve.communicate(timeout=60)
        out["serve_stderr_tail"] = err.strip().splitlines()[-3:]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", default=None, help="working directory (default: a new tmp dir)")
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--timeout", type=int, default=10, help="diplograph serve --timeout")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the baseline phase")
    parser.add_argument("--runaways", type=int, default=2, help="rounds of the three runaway queries")
    parser.add_argument("--out", default=None, help="JSON file (default scripts/bench/results/runaway-<time>.json)")
    args = parser.parse_args()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="bench-runaway-"))
    work.mkdir(parents=True, exist_ok=True)
    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        **run(work, args.triples, args.clients, args.timeout, args.seconds, args.runaways),
    }
    out = Path(args.out) if args.out else HERE / "results" / f"runaway-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0 if results["small_with_runaways"]["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
