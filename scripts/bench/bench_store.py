"""Store benchmark: load, rules and the analyst queries on Oxigraph (disk) and rdflib (memory).

    python scripts/bench/bench_store.py                  # 10k, 100k and 1M quads
    python scripts/bench/bench_store.py --quick          # 10k only
    python scripts/bench/bench_store.py --sizes 10k,100k --repeats 7

For each size the corpus of ``scripts/bench/corpus.py`` is generated (or reused from
``scripts/bench/results/cache/``), then each backend is measured side by side in the same run, each
in a fresh subprocess so that peak memory is its own:

* **load**: Oxigraph on disk (``OxigraphStore.load_file``, RocksDB bulk loader, timed up to the end
  of ``flush()``) and rdflib in memory (``MemoryStore``; its Dataset parses the N-Quads file with
  rdflib's own parser: MemoryStore has no file loader, and going through ``read_rdf`` + ``bulk_load``
  would time the package's conversions rather than the store);
* **ontology**: ``graph.pipeline.ensure_ontology`` (TBox and SKOS schemes, needed by the queries);
* **rules**: ``graph.pipeline.run_rules`` (R1 state roll-up, R2 contradictions) once. When rdflib does
  not finish within ``--rules-timeout`` the derived graph computed by the Oxigraph run is loaded
  instead, so that its queries still see the same data (marked in the results);
* **queries**: the six packaged analyst queries (parameters bound to the corpus: hub states, busiest
  outlet, busiest quarter), an actor lookup (labels, types and identifiers of one actor) and a dyad
  lookup (events with both actors as actor, target or participant), each for a typical actor (a
  head of state) and for the hub state. Each runs ``--repeats`` times (7) and the median is reported;
  a query slower than ``--slow`` seconds is not repeated, and one running past ``--query-timeout``
  is stopped (rdflib only: Oxigraph cannot be interrupted) and reported as a timeout.

Peak memory is the worker's ``ru_maxrss`` (interpreter and imports included). Results go to
``scripts/bench/results/store-<date>.json`` (``-2``, ``-3``... for later runs the same day); a Markdown table is
printed on stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
CACHE = RESULTS / "cache"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
ANALYST = (
    "who_sanctioned_whom",
    "dyad_timeline",
    "contradicted_claims",
    "heads_of_state_met",
    "agencies_of_state",
    "monthly_balance",
)
LOOKUPS = ("actor_lookup", "actor_lookup_hub", "dyad_lookup", "dyad_lookup_hub")
DERIVED = "https://w3id.org/diplograph/graph/derived"

ACTOR_LOOKUP = """SELECT DISTINCT ?p ?o WHERE {
  VALUES ?p { rdf:type skos:prefLabel skos:altLabel dip:iso3166Alpha2 dip:iso3166Alpha3 dip:cameoActorCode
              dip:wikidataId schema:sameAs schema:nationality }
  <%s> ?p ?o .
}"""
# Each side's events in its own subquery: Oxigraph hash-joins the two sets (4 ms instead of 40-150 ms
# with ``<a> ^(dip:actor|...) ?e . ?e (dip:actor|...) <b>`` at 1M quads on disk); rdflib runs them in turn.
DYAD_LOOKUP = """SELECT DISTINCT ?e ?type ?earliest ?latest WHERE {
  { SELECT ?e WHERE { ?e dip:actor|dip:target|dip:participant <%s> } }
  { SELECT ?e WHERE { ?e dip:actor|dip:target|dip:participant <%s> } }
  ?e dip:eventType ?type ; dip:dateEarliest ?earliest ; dip:dateLatest ?latest .
} ORDER BY ?earliest ?e"""


class Timeout(BaseException):  # BaseException: MemoryStore.query wraps every Exception
    """A query ran past its time limit (raised by SIGALRM inside the query)."""


# ---------------------------------------------------------------------------------------- worker
def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _current_rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def _dir_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def bind(text: str, values: str) -> str:
    """Replace the first VALUES clause of a packaged query (its parameters) by ``values``."""
    out, n = re.subn(r"VALUES[^{]*\{[^}]*\}", values.replace("\\", "\\\\"), text, count=1)
    if n != 1:
        raise ValueError("the query has no VALUES clause to bind")
    return out


def queries(params: dict[str, Any]) -> dict[str, str]:
    """The benchmark queries, with their parameters bound to the corpus (no prologue)."""
    from graph.queries import read_query

    hub, second = params["hub_state"], params["second_state"]
    start, end = params["period"]
    bound = {
        "who_sanctioned_whom": read_query("analyst/who_sanctioned_whom"),
        "dyad_timeline": bind(read_query("analyst/dyad_timeline"), f"VALUES (?a ?b) {{ (<{hub}> <{second}>) }}"),
        "contradicted_claims": bind(
            read_query("analyst/contradicted_claims"), f"VALUES ?sourceX {{ <{params['busiest_outlet']}> }}"
        ),
        "heads_of_state_met": bind(
            read_query("analyst/heads_of_state_met"),
            f'VALUES (?from ?to) {{ ("{start}"^^xsd:date "{end}"^^xsd:date) }}',
        ),
        "agencies_of_state": bind(read_query("analyst/agencies_of_state"), f"VALUES ?state {{ <{hub}> }}"),
        "monthly_balance": read_query("analyst/monthly_balance"),
        "actor_lookup": ACTOR_LOOKUP % params["leader_second"],
        "actor_lookup_hub": ACTOR_LOOKUP % hub,
        "dyad_lookup": DYAD_LOOKUP % (params["leader_hub"], params["leader_second"]),
        "dyad_lookup_hub": DYAD_LOOKUP % (hub, second),
    }
    return bound


def _alarm(_signum: int, _frame: object) -> None:
    raise Timeout


def _timed(fn: Callable[[], Any], limit: float | None) -> tuple[float, Any]:
    """Run ``fn`` under a SIGALRM limit (interrupts Python code such as rdflib's evaluator)."""
    if limit:
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        value = fn()
    finally:
        if limit:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started, value


def worker(args: argparse.Namespace) -> int:
    """Measure one backend on one corpus; writes a JSON result file."""
    baseline_rss = _current_rss_mib()
    from graph.namespaces import sparql_prologue
    from graph.pipeline import ensure_ontology, run_rules
    from graph.store.base import GraphResult, SelectResult, Store
    from graph.store.memory import MemoryStore
    from graph.store.oxigraph import OxigraphStore

    params = json.loads(Path(args.params).read_text(encoding="utf-8"))
    out: dict[str, Any] = {"backend": args.backend, "corpus": args.corpus}
    interruptible = args.backend == "rdflib"
    tmp = Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    store: Store
    try:
        imports_rss = _current_rss_mib()
        if args.backend == "oxigraph":
            ox_store = OxigraphStore(str(tmp / "kg"))

            def load() -> None:
                ox_store.load_file(args.corpus, "nq")
                ox_store.flush()

            seconds, _ = _timed(load, None)
            store = ox_store
        else:
            mem_store = MemoryStore()
            seconds, _ = _timed(lambda: mem_store._ds.parse(args.corpus, format="nquads"), None)
            store = mem_store
        out["load_s"] = seconds
        out["load_peak_rss_mib"] = _rss_mib()
        out["rss_after_load_mib"] = _current_rss_mib()
        out["rss_before_load_mib"] = imports_rss
        out["rss_interpreter_mib"] = baseline_rss
        out["quads_loaded"] = len(store)
        if args.backend == "oxigraph":
            out["disk_mib"] = _dir_mib(tmp / "kg")
        seconds, _ = _timed(lambda: ensure_ontology(store), None)
        out["ontology_s"] = seconds
        try:
            seconds, derived = _timed(lambda: run_rules(store), args.rules_timeout if interruptible else None)
            out["rules_s"] = seconds
            out["derived_triples"] = derived
        except Timeout:
            out["rules_s"] = None
            out["rules_timeout_s"] = args.rules_timeout
            if args.derived and Path(args.derived).exists():
                assert isinstance(store, MemoryStore)
                store._ds.parse(args.derived, format="nquads")
                out["derived_from"] = args.derived
        if args.backend == "oxigraph" and args.derived:
            with open(args.derived, "w", encoding="utf-8") as f:
                for q in store.quads(DERIVED):
                    f.write(q.nq() + "\n")
        prologue = sparql_prologue()
        results: dict[str, Any] = {}
        for name, text in queries(params).items():
            times: list[float] = []
            entry: dict[str, Any] = {}
            rows: int | None = None
            signature: str | None = None
            try:
                for _ in range(args.repeats):
                    seconds, result = _timed(
                        lambda text=text: store.query(prologue + text), args.query_timeout if interruptible else None
                    )
                    times.append(seconds)
                    if rows is None:
                        assert not isinstance(result, GraphResult)
                        if isinstance(result, SelectResult):
                            rows = len(result.rows)
                            signature = _signature(result)
                    if seconds > args.slow:
                        break
            except Timeout:
                entry["timeout_s"] = args.query_timeout
            entry.update(
                runs=len(times),
                rows=rows,
                signature=signature,
                times_ms=[t * 1000 for t in times],
                median_ms=statistics.median(times) * 1000 if times else None,
            )
            results[name] = entry
            print(
                f"  {args.backend} {name}: {entry['median_ms'] or float('nan'):.1f} ms "
                f"(n={entry['runs']}, rows={rows})",
                file=sys.stderr,
                flush=True,
            )
        out["queries"] = results
        out["peak_rss_mib"] = _rss_mib()
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    Path(args.result).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


def _signature(result: Any) -> str:
    """Order-independent digest of a result (lexical values), to check that backends agree.

    GROUP_CONCAT has no defined order, so the parts of a concatenated value are sorted first.
    """
    import hashlib

    lines = sorted("\t".join(_unordered(_norm(t)) for t in row) for row in result.rows)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def _unordered(value: str) -> str:
    for sep in ("; ", "|", ", "):
        if sep in value:
            return sep.join(sorted(value.split(sep)))
    return value


def _norm(term: Any) -> str:
    if term is None:
        return ""
    value = str(term.value)
    if term.datatype and term.datatype.rsplit("#", 1)[-1] in ("decimal", "double", "float"):
        with contextlib.suppress(InvalidOperation):  # "-7.0" (rdflib) and "-7" (Oxigraph): one decimal
            value = f"{Decimal(value).normalize():f}"
    return value


# ---------------------------------------------------------------------------------------- parent
def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0.0
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) / 2**20
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gib": round(ram, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyoxigraph": metadata.version("pyoxigraph"),
        "rdflib": metadata.version("rdflib"),
    }


def corpus(label: str, size: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """The cached corpus for a size (generated when missing)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"corpus-{label}-seed{seed}.nq"
    meta = path.with_name(path.name + ".meta.json")
    if not path.exists() or not meta.exists():
        print(f"generating {path.name} ...", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, str(HERE / "corpus.py"), "--triples", str(size), "--out", str(path), "--seed", str(seed)],
            check=True,
        )
    info = json.loads(meta.read_text(encoding="utf-8"))
    info["params"].update(_leaders(path, info["params"]))
    return path, info


def _leaders(path: Path, params: dict[str, Any]) -> dict[str, str]:
    """The heads of state of the hub and second states at the end of the corpus (typical actors)."""
    hub, second = params["hub_state"], params["second_state"]
    holder = "https://w3id.org/diplograph/ontology#holder"
    organization = "http://www.w3.org/ns/org#organization"
    end = "https://w3id.org/diplograph/ontology#endDate"
    role = "http://www.w3.org/ns/org#role"
    head = "https://w3id.org/diplograph/scheme/role/headOfState"
    by_tenure: dict[str, dict[str, str]] = {}
    ended: set[str] = set()
    heads: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            if "graph/reference>" not in line:
                continue
            s, p, o = line.split(" ", 3)[:3]
            s, p = s.strip("<>"), p.strip("<>")
            if p == holder:
                by_tenure.setdefault(s, {})["holder"] = o.strip("<>")
            elif p == organization:
                by_tenure.setdefault(s, {})["org"] = o.strip("<>")
            elif p == end:
                ended.add(s)
            elif p == role and o.strip("<>") == head:
                heads.add(s)
    current = {t["org"]: t["holder"] for k, t in by_tenure.items() if k in heads and k not in ended and "org" in t}
    return {"leader_hub": current[hub], "leader_second": current[second]}


def run_backend(backend: str, path: Path, label: str, args: argparse.Namespace) -> dict[str, Any]:
    result = RESULTS / f".worker-{label}-{backend}.json"
    params = CACHE / f"params-{label}-seed{args.seed}.json"
    derived = CACHE / f"derived-{label}-seed{args.seed}.nq"
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        backend,
        "--corpus",
        str(path),
        "--params",
        str(params),
        "--result",
        str(result),
        "--derived",
        str(derived),
        "--repeats",
        str(args.repeats),
        "--slow",
        str(args.slow),
        "--query-timeout",
        str(args.query_timeout),
        "--rules-timeout",
        str(args.rules_timeout),
    ]
    print(f"{label}: {backend} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        subprocess.run(cmd, check=True, timeout=args.worker_timeout)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        return {"backend": backend, "error": str(exc), "wall_s": time.perf_counter() - started}
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    result.unlink()
    data["wall_s"] = time.perf_counter() - started
    return data


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}{unit}"
    if value >= 10:
        return f"{value:.1f}{unit}"
    return f"{value:.2f}{unit}"


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "–"
    r = a / b
    return f"{r:.1f}×" if r < 100 else f"{r:,.0f}×"


def markdown(report: dict[str, Any]) -> str:
    lines: list[str] = []
    for run in report["runs"]:
        info = run["corpus"]
        ox, rd = run.get("oxigraph", {}), run.get("rdflib", {})
        lines.append(
            f"#### {run['size']}: {info['quads']:,} quads ({info['articles']:,} articles, "
            f"{info['events_reported']:,} event reports, {info['states']} states, "
            f"{info['persons']:,} persons)"
        )
        for backend in ("oxigraph", "rdflib"):
            if "error" in run.get(backend, {}):
                lines.append(f"\n{backend} failed: {run[backend]['error']}")
        lines.append("")
        lines.append("| measure | rows | Oxigraph (disk) | rdflib (memory) | rdflib / Oxigraph |")
        lines.append("|---|---:|---:|---:|---:|")

        def row(
            name: str, key: str, unit: str, ox: dict[str, Any] = ox, rd: dict[str, Any] = rd, scale: float = 1.0
        ) -> None:
            a = ox.get(key)
            b = rd.get(key) if rd else None
            a = a * scale if isinstance(a, int | float) else None
            b = b * scale if isinstance(b, int | float) else None
            lines.append(f"| {name} | | {_fmt(a, unit)} | {_fmt(b, unit) if rd else 'skipped'} | {_ratio(b, a)} |")

        row("load", "load_s", " s")
        row("peak RSS during load", "load_peak_rss_mib", " MiB")
        row("ontology + schemes", "ontology_s", " s")
        rules_b = rd.get("rules_s") if rd else None
        note = ""
        if rd and rules_b is None and "rules_timeout_s" in rd:
            note = f"> {rd['rules_timeout_s']:.0f} s (stopped)"
        lines.append(
            f"| rules R1 + R2 | {ox.get('derived_triples', '–')} | {_fmt(ox.get('rules_s'), ' s')} | "
            f"{note or (_fmt(rules_b, ' s') if rd else 'skipped')} | {_ratio(rules_b, ox.get('rules_s'))} |"
        )
        for name in (*ANALYST, *LOOKUPS):
            qa = ox.get("queries", {}).get(name, {})
            qb = rd.get("queries", {}).get(name, {}) if rd else {}
            a, b = qa.get("median_ms"), qb.get("median_ms")
            cell_b = (
                "skipped"
                if not rd
                else (
                    f"> {qb['timeout_s']:.0f} s"
                    if "timeout_s" in qb and b is None
                    else _fmt(b, " ms") + ("" if qb.get("runs", 0) >= 7 else f" (n={qb.get('runs')})")
                )
            )
            rows = qa.get("rows")
            if rd and qb.get("rows") is not None and qb.get("signature") != qa.get("signature"):
                rows = f"{rows} ≠ {qb.get('rows')}"
            lines.append(f"| {name} | {rows} | {_fmt(a, ' ms')} | {cell_b} | {_ratio(b, a)} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Store benchmark (see the module docstring).")
    parser.add_argument("--sizes", default="10k,100k,1M", help="comma-separated of 10k, 100k, 1M (default: all)")
    parser.add_argument("--quick", action="store_true", help="10k only")
    parser.add_argument("--repeats", type=int, default=7, help="runs per query (median reported)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--rdflib-max", default="1M", help="largest size run on rdflib (default 1M: all)")
    parser.add_argument("--slow", type=float, default=20.0, help="do not repeat a query slower than this (s)")
    parser.add_argument("--query-timeout", type=float, default=120.0, help="stop an rdflib query after this (s)")
    parser.add_argument("--rules-timeout", type=float, default=300.0, help="stop rdflib's rules after this (s)")
    parser.add_argument("--worker-timeout", type=float, default=7200.0, help="kill a backend run after this (s)")
    parser.add_argument("--backends", default="oxigraph,rdflib", help="comma-separated of oxigraph, rdflib")
    # worker mode (internal)
    parser.add_argument("--worker", choices=("oxigraph", "rdflib"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--derived", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        args.backend = args.worker
        return worker(args)

    labels = ["10k"] if args.quick else [s.strip() for s in args.sizes.split(",") if s.strip()]
    for label in labels:
        if label not in SIZES:
            parser.error(f"unknown size {label!r}: use 10k, 100k or 1M")
    if args.rdflib_max not in SIZES:
        parser.error("--rdflib-max must be 10k, 100k or 1M")
    RESULTS.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    report: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {
            k: getattr(args, k) for k in ("repeats", "seed", "slow", "query_timeout", "rules_timeout", "rdflib_max")
        },
        "runs": [],
    }
    backends = args.backends.split(",")
    out = RESULTS / f"store-{started.date().isoformat()}.json"
    n = 1
    while out.exists():  # keep earlier runs of the day
        n += 1
        out = RESULTS / f"store-{started.date().isoformat()}-{n}.json"
    for label in labels:
        path, info = corpus(label, SIZES[label], args.seed)
        run: dict[str, Any] = {"size": label, "corpus": info, "file_mib": path.stat().st_size / 2**20}
        (CACHE / f"params-{label}-seed{args.seed}.json").write_text(json.dumps(info["params"]), encoding="utf-8")
        for backend in backends:
            if backend == "rdflib" and SIZES[label] > SIZES[args.rdflib_max]:
                continue
            run[backend] = run_backend(backend, path, label, args)
        report["runs"].append(run)
        out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")  # after each size
    print(markdown(report))
    print(f"results: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
