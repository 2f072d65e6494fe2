"""Speed of the analyst API (graph.open): actor(), relations(a, b), timeline() and to_networkx().

    python scripts/bench/bench_api.py                       # 1M quads for lookups, 4M (100k events) for the network
    python scripts/bench/bench_api.py --triples 100000 --network-triples 300000 --repeats 5

The corpora come from ``scripts/bench/corpus.py`` (generated once into ``scripts/bench/results/cache``,
shared with ``bench_store.py``). Each backend runs in its own subprocess, side by side in one run:

* **Oxigraph on disk** (the embedded default) and **rdflib in memory**, on the lookup corpus: the
  store is loaded, the ontology added, and the derived graph (rules R1 and R2) computed once on
  Oxigraph and cached as N-Quads, then loaded into both (rule R1 takes tens of minutes at 1M);
* ``actor()``: a name, an ISO code or a CURIE, for 30 actors picked with a seeded generator; the first
  call also reads the name index, timed apart as ``actor index``;
* ``relations(a, b)`` and ``timeline(a, b)``: 20 dyads picked with the same generator among pairs of
  actors with at least one event in common (``lookup/dyads``), plus the busiest pair of states
  (``hub``); medians are over all calls (``--repeats`` each);
* ``to_networkx()`` of every event, with and without evidence, on the network corpus (Oxigraph on disk
  and Oxigraph in memory; rdflib on the lookup corpus only: loading millions of quads into it takes
  too long to be part of a routine run): the median of ``--network-repeats`` calls, the first call
  also kept. Each store gets its event digests (``graph.pipeline.add_digests``, what ingest writes)
  after loading; the name index and the import of networkx are timed apart, once per process.

Results go to ``scripts/bench/results/api-<date>.json`` and a Markdown table is printed on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
CACHE = RESULTS / "cache"
DERIVED = "https://w3id.org/diplograph/graph/derived"


def label(n: int) -> str:
    """``1000000`` -> ``1M``, ``3500000`` -> ``3500k`` (the cache names of bench_store.py)."""
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k"


def corpus(n: int, seed: int, cache: Path = CACHE) -> Path:
    """The generated corpus of ``n`` quads: made once into ``cache``, then reused."""
    path = cache / f"corpus-{label(n)}-seed{seed}.nq"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, str(HERE / "corpus.py"), "--triples", str(n), "--out", str(path), "--seed", str(seed)]
        subprocess.run(cmd, check=True)
    return path


def stats(samples: list[float]) -> dict[str, Any]:
    ms = sorted(s * 1000 for s in samples)
    return {
        "median_ms": round(statistics.median(ms), 4),
        "p90_ms": round(ms[min(len(ms) - 1, int(0.9 * len(ms)))], 4),
        "min_ms": round(ms[0], 4),
        "calls": len(ms),
    }


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


# -- worker: one backend in its own process ---------------------------------------------------------
def open_store(backend: str, path: Path, derived: Path | None, work: Path, out: dict[str, Any]) -> Any:
    """Load a corpus (and the cached derived graph) into a backend; an Oxigraph store on disk is reused."""
    from graph.pipeline import add_digests, ensure_ontology, run_rules

    if backend == "memory":
        from graph.store.memory import MemoryStore

        store: Any = MemoryStore()
        out["load_s"], _ = timed(lambda: store._ds.parse(str(path), format="nquads"))
        ensure_ontology(store)
        if derived and derived.exists():
            store._ds.parse(str(derived), format="nquads")
        out["digests_s"], _ = timed(lambda: add_digests(store))
        return store
    from graph.store.oxigraph import OxigraphStore

    if derived and not derived.exists() and backend == "oxigraph" and Path(work, f"kg-{path.stem}", "CURRENT").exists():
        _save_derived(OxigraphStore(str(work / f"kg-{path.stem}")), derived)
    location = None if backend == "oxigraph-memory" else str(work / f"kg-{path.stem}")
    fresh = location is None or not Path(location, "CURRENT").exists()
    store = OxigraphStore(location, create=True)
    if fresh:
        out["load_s"], _ = timed(lambda: (store.load_file(str(path), "nq"), store.flush()))
        ensure_ontology(store)
        if derived and derived.exists():
            store.load_file(str(derived), "nq")
        elif derived and not out.get("skip_rules"):
            out["rules_s"], n = timed(lambda: run_rules(store))
            out["derived_triples"] = n
            _save_derived(store, derived)
        store.flush()
    # the event digests that ingest writes (graph.digests); a no-op once a reused store has them
    out["digests_s"], _ = timed(lambda: (add_digests(store), store.flush()))
    return store


def _save_derived(store: Any, derived: Path) -> None:
    """Cache graph/derived as N-Quads, for the other backends and later runs."""
    part = derived.with_suffix(".part")
    with part.open("w", encoding="utf-8") as f:
        for q in store.quads(DERIVED):
            f.write(q.nq() + "\n")
    part.replace(derived)


def worker(args: argparse.Namespace) -> int:
    from graph.queries.api import KnowledgeGraph

    out: dict[str, Any] = {"backend": args.backend, "corpus": args.corpus, "skip_rules": args.skip_rules}
    derived = None if args.derived == "none" else Path(args.derived)
    store = open_store(args.backend, Path(args.corpus), derived, Path(args.work), out)
    kg = KnowledgeGraph(store)
    if args.task == "lookups":
        out.update(lookups(kg, json.loads(Path(args.params).read_text()), args.repeats))
    else:
        out["index_s"], _ = timed(lambda: (kg.index, kg._fetch))  # read once per session, timed apart
        out["import_networkx_s"], _ = timed(lambda: __import__("networkx"))  # once per process, timed apart
        for evidence in (False, True):
            samples = []
            for _ in range(args.network_repeats):
                seconds, nxg = timed(lambda ev=evidence: kg.to_networkx(evidence=ev))  # type: ignore[misc]
                samples.append(seconds)
                shape = {"edges": nxg.number_of_edges(), "nodes": nxg.number_of_nodes()}
                events = {k for *_, k in nxg.edges(keys=True)}
                # one graph in memory at a time: networkx's cached views (nxg.edges, nxg.nodes) hold the
                # graph in a reference cycle, so `del` alone leaves it to a later collection, and the next
                # call would run beside it (0.4-0.6 s slower at 100k events) or pay for reclaiming it
                del nxg
                gc.collect()
            key = "with_evidence" if evidence else "without_evidence"
            out[key] = {
                "seconds": round(statistics.median(samples), 2),
                "first_s": round(samples[0], 2),
                "samples_s": [round(x, 2) for x in samples],
                **shape,
            }
        out["events"] = len(events)
    Path(args.result).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


def lookups(kg: Any, params: dict[str, Any], repeats: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    out["actor_index_s"], _ = timed(lambda: kg.actor(params["actors"][0]))
    samples = [timed(lambda r=ref: kg.actor(r))[0] for _ in range(repeats) for ref in params["actors"]]
    out["actor"] = stats(samples)
    kg.relations(*params["dyads"][0])  # reads the event types once
    for name in ("relations", "timeline"):
        fn = getattr(kg, name)
        for group, dyads in (("dyads", params["dyads"]), ("hub", [params["hub"]])):
            samples, sizes = [], []
            for a, b in dyads:
                for _ in range(repeats):
                    seconds, rows = timed(lambda a=a, b=b, fn=fn: fn(a, b))  # type: ignore[misc]
                    samples.append(seconds)
                    if seconds > 5:  # too slow to repeat (rdflib on busy pairs)
                        break
                sizes.append(len(rows))
            out[f"{name}_{group}"] = {**stats(samples), "events_median": statistics.median(sizes)}
    return out


# -- parameters ----------------------------------------------------------------------------------
def pick_params(store_dir: Path, corpus_path: Path, seed: int) -> dict[str, Any]:
    """Actors and dyads to look up, picked from the loaded Oxigraph store (same for every backend)."""
    from graph.namespaces import sparql_prologue
    from graph.queries.api import KnowledgeGraph, _lookup
    from graph.store.oxigraph import OxigraphStore

    rng = random.Random(seed)
    kg = KnowledgeGraph(OxigraphStore(str(store_dir)))
    actors = sorted(kg.index.actors.values(), key=lambda a: a.iri)
    refs = []
    for a in rng.sample([a for a in actors if a.kind in ("state", "person", "agency")], 30):
        refs.append(a.iso3 if a.iso3 and rng.random() < 0.5 else (a.label if rng.random() < 0.7 else a.iri))
    rows = kg.store.query(sparql_prologue() + _lookup("dyads")).rows
    pairs = sorted((r[0].value, r[1].value) for r in rows if r[0] and r[1])
    meta = json.loads(Path(str(corpus_path) + ".meta.json").read_text())
    hub = [meta["params"]["hub_state"], meta["params"]["second_state"]]
    return {"actors": refs, "dyads": [list(p) for p in rng.sample(pairs, 20)], "hub": hub}


def run_worker(extra: list[str], timeout: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp, "out.json")
        cmd = [sys.executable, __file__, "--worker", *extra, "--result", str(result)]
        try:
            subprocess.run(cmd, check=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"timeout_s": timeout}
        except subprocess.CalledProcessError as exc:
            return {"error": f"exit {exc.returncode}"}
        data: dict[str, Any] = json.loads(result.read_text())
        return data


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "pyoxigraph": metadata.version("pyoxigraph"),
        "rdflib": metadata.version("rdflib"),
        "networkx": metadata.version("networkx"),
    }


def markdown(report: dict[str, Any]) -> str:
    ox, mem = report["lookups"]["oxigraph"], report["lookups"]["memory"]

    def cell(d: dict[str, Any], key: str) -> str:
        v = d.get(key, {})
        if not isinstance(v, dict) or "median_ms" not in v:
            return "–"
        ms = v["median_ms"]
        return f"{ms * 1000:.0f} µs" if ms < 1 else f"{ms:.1f} ms"

    def ratio(key: str) -> str:
        a, b = ox.get(key, {}).get("median_ms"), mem.get(key, {}).get("median_ms")
        return f"{b / a:.0f}×" if a and b else "–"

    lines = [
        f"Lookups on the {report['lookup_corpus']} corpus (median of all calls):",
        "",
        "| lookup | Oxigraph (disk, default) | rdflib (memory) | rdflib / Oxigraph |",
        "|---|---|---|---|",
        f"| actor index, first call | {ox.get('actor_index_s', 0) * 1000:.0f} ms | "
        f"{mem.get('actor_index_s', 0) * 1000:.0f} ms | – |",
    ]
    for key, what in (
        ("actor", "actor(ref): name, ISO code or IRI"),
        ("relations_dyads", "relations(a, b), 20 sampled dyads"),
        ("relations_hub", "relations(a, b), busiest pair of states"),
        ("timeline_dyads", "timeline(a, b), 20 sampled dyads"),
        ("timeline_hub", "timeline(a, b), busiest pair of states"),
    ):
        lines.append(f"| {what} | {cell(ox, key)} | {cell(mem, key)} | {ratio(key)} |")
    lines += [
        "",
        "to_networkx() of every event (the session's name index is read first and timed apart):",
        "",
        "| store | events | name index | without evidence | with evidence |",
        "|---|---|---|---|---|",
    ]
    for name, data in report["networks"].items():
        if "events" in data:
            lines.append(
                f"| {name} | {data['events']:,} | {data.get('index_s', 0):.2f} s | "
                f"{data['without_evidence']['seconds']:.2f} s | {data['with_evidence']['seconds']:.2f} s |"
            )
        else:
            lines.append(f"| {name} | – | – | {data} | |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--triples", type=int, default=1_000_000, help="lookup corpus size (default 1M)")
    parser.add_argument("--network-triples", type=int, default=4_000_000, help="network corpus (~100k events)")
    parser.add_argument("--repeats", type=int, default=7, help="calls per actor or dyad (default 7)")
    parser.add_argument(
        "--network-repeats", type=int, default=5, help="to_networkx() calls per store and setting (median; default 5)"
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--work", default=str(CACHE), help="where the Oxigraph stores are kept between runs")
    parser.add_argument("--timeout", type=float, default=7200, help="seconds per backend run")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    for hidden in ("--backend", "--corpus", "--derived", "--params", "--result", "--task"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    parser.add_argument("--skip-rules", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--networks-only",
        action="store_true",
        help="only to_networkx() on the Oxigraph stores (no lookups, no rdflib): a quick rerun, e.g. warm",
    )
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)
    if args.networks_only:
        return networks_only(args)

    started = datetime.now(UTC)
    report: dict[str, Any] = {"started": started.isoformat(timespec="seconds"), "machine": machine()}
    lookup_corpus = corpus(args.triples, args.seed)
    derived = CACHE / f"derived-{label(args.triples)}-seed{args.seed}.nq"
    report["lookup_corpus"] = lookup_corpus.name
    common = ["--corpus", str(lookup_corpus), "--derived", str(derived), "--work", args.work]
    # Oxigraph first: it builds (or reuses) the store and the derived graph, then the parameters are picked.
    warm = run_worker(
        [*common, "--backend", "oxigraph", "--task", "network", "--network-repeats", str(args.network_repeats)],
        args.timeout,
    )
    params = pick_params(Path(args.work) / f"kg-{lookup_corpus.stem}", lookup_corpus, args.seed)
    params_path = RESULTS / f"api-params-{label(args.triples)}.json"
    params_path.write_text(json.dumps(params, indent=1), encoding="utf-8")
    report["params"] = params
    report["lookups"] = {
        backend: run_worker(
            [
                *common,
                "--backend",
                backend,
                "--task",
                "lookups",
                "--params",
                str(params_path),
                "--repeats",
                str(args.repeats),
            ],
            args.timeout,
        )
        for backend in ("oxigraph", "memory")
    }
    network_corpus = corpus(args.network_triples, args.seed)
    net_common = ["--corpus", str(network_corpus), "--derived", "none", "--work", args.work, "--skip-rules"]
    report["networks"] = {
        f"Oxigraph disk, {network_corpus.name}": run_worker(
            [*net_common, "--backend", "oxigraph", "--task", "network", "--network-repeats", str(args.network_repeats)],
            args.timeout,
        ),
        f"Oxigraph memory, {network_corpus.name}": run_worker(
            [
                *net_common,
                "--backend",
                "oxigraph-memory",
                "--task",
                "network",
                "--network-repeats",
                str(args.network_repeats),
            ],
            args.timeout,
        ),
        f"Oxigraph disk, {lookup_corpus.name}": warm,
        f"rdflib memory, {lookup_corpus.name}": run_worker(
            [*common, "--backend", "memory", "--task", "network", "--network-repeats", str(args.network_repeats)],
            args.timeout,
        ),
    }
    report["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    report["seconds"] = round((datetime.now(UTC) - started).total_seconds(), 1)
    out = RESULTS / f"api-{started:%Y-%m-%d}.json"
    out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(markdown(report))
    print(f"results: {out}", file=sys.stderr)
    return 0


def networks_only(args: argparse.Namespace) -> int:
    """to_networkx() on the Oxigraph stores only, each in its own process (the stores must exist)."""
    report: dict[str, Any] = {"machine": machine(), "load_average_start": [round(x, 2) for x in os.getloadavg()]}
    runs = {}
    for triples in (args.network_triples, args.triples):
        path = corpus(triples, args.seed)
        common = ["--corpus", str(path), "--derived", "none", "--work", args.work, "--skip-rules"]
        runs[f"Oxigraph disk, {path.name}"] = run_worker(
            [*common, "--backend", "oxigraph", "--task", "network", "--network-repeats", str(args.network_repeats)],
            3600,
        )
    report["networks"] = runs
    print("| store | events | name index | without evidence | with evidence |")
    print("|---|---:|---:|---:|---:|")
    for name, r in runs.items():
        plain = r.get("without_evidence", {}).get("seconds", "-")
        full = r.get("with_evidence", {}).get("seconds", "-")
        print(f"| {name} | {r.get('events', 0):,} | {r.get('index_s', 0):.2f} s | {plain} s | {full} s |")
    out = RESULTS / f"api-networks-{datetime.now(UTC):%Y-%m-%dT%H%M}.json"
    out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"results: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
