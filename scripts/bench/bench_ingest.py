"""Ingest benchmark: ``diplograph ingest FILE.nq`` as a user runs it, beside raw pyoxigraph ``bulk_load``.

    python scripts/bench/bench_ingest.py --work /tmp/bench-ingest              # 100k and 1M quads
    python scripts/bench/bench_ingest.py --work /tmp/b --sizes 100k --repeats 5

For each size the corpus of ``scripts/bench/corpus.py`` is generated into ``--work`` (or reused), then
each repeat runs, each in a fresh process and into a fresh store directory, alternating the order:

* **raw**: ``pyoxigraph.Store(dir).bulk_load(path=FILE, format=N_QUADS)`` and ``flush()``: the floor;
* **ingest**: the console script, ``diplograph --store DIR ingest FILE`` (derivation rules included);
* **ingest --no-rules**: the same without recomputing the derived graphs, to show the load apart.

Wall time is measured around the process (start-up and imports included); peak memory is the
process's own ``ru_maxrss`` (``os.wait4``). Medians are reported with their ratio to raw, with the
1-minute load average before and after each size (the machine is shared). Results go to
``scripts/bench/results/ingest-<date>.json`` (``-2``, ... for later runs the same day); a Markdown
table is printed on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "4M": 4_000_000}
RAW = (
    "import sys, pyoxigraph as ox\n"
    "s = ox.Store(sys.argv[1])\n"
    "s.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)\n"
    "s.flush()\n"
)


def load_average() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return -1.0


def corpus(work: Path, size: str) -> Path:
    """The corpus file of ``size`` in ``work``, generated once (deterministic)."""
    path = work / f"corpus-{size}.nq"
    if not path.exists():
        subprocess.run(
            [sys.executable, str(HERE / "corpus.py"), "--triples", str(SIZES[size]), "--out", str(path)], check=True
        )
    return path


def timed(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd``; its wall seconds and peak resident memory in MiB (failing loudly if it fails)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return seconds, usage.ru_maxrss / 1024


def commands(kind: str, store: Path, data: Path) -> list[str]:
    cli = Path(sys.executable).with_name("diplograph")  # the console script, as a user runs it
    cli_cmd = [str(cli)] if cli.exists() else [sys.executable, "-m", "graph"]
    if kind == "raw":
        return [sys.executable, "-c", RAW, str(store), str(data)]
    if kind == "ingest":
        return [*cli_cmd, "-q", "--store", str(store), "ingest", str(data)]
    return [*cli_cmd, "-q", "--store", str(store), "ingest", "--no-rules", str(data)]


def run_size(work: Path, size: str, repeats: int, kinds: Sequence[str]) -> dict[str, Any]:
    data = corpus(work, size)
    out: dict[str, Any] = {"file": str(data), "bytes": data.stat().st_size, "load_before": load_average()}
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in kinds}
    for r in range(repeats):
        order = list(kinds) if r % 2 == 0 else list(reversed(kinds))
        for kind in order:
            store = work / f"store-{size}-{kind}"
            shutil.rmtree(store, ignore_errors=True)
            samples[kind].append(timed(commands(kind, store, data)))
            shutil.rmtree(store, ignore_errors=True)
            seconds, mib = samples[kind][-1]
            print(f"{size} {kind} #{r + 1}: {seconds:.2f} s, {mib:.0f} MiB", file=sys.stderr)
    out["load_after"] = load_average()
    raw_s = statistics.median(s for s, _ in samples["raw"])
    raw_m = statistics.median(m for _, m in samples["raw"])
    for kind, values in samples.items():
        secs = statistics.median(s for s, _ in values)
        mem = statistics.median(m for _, m in values)
        out[kind] = {
            "seconds": [round(s, 2) for s, _ in values],
            "mib": [round(m) for _, m in values],
            "median_seconds": round(secs, 2),
            "median_mib": round(mem),
            "time_ratio": round(secs / raw_s, 2),
            "memory_ratio": round(mem / raw_m, 2),
        }
    return out


def table(results: dict[str, Any]) -> str:
    lines = [
        "| quads | path | wall (median) | peak memory | × raw time | × raw memory | load avg |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    names = {"raw": "pyoxigraph `bulk_load`", "ingest": "`diplograph ingest`", "no-rules": "`ingest --no-rules`"}
    for size, res in results["sizes"].items():
        for kind in ("raw", "no-rules", "ingest"):
            if kind in res:
                r = res[kind]
                lines.append(
                    f"| {size} | {names[kind]} | {r['median_seconds']:.2f} s | {r['median_mib']} MiB | "
                    f"{r['time_ratio']:.2f} | {r['memory_ratio']:.2f} | {res['load_before']} → {res['load_after']} |"
                )
    return "\n".join(lines)


def result_path() -> Path:
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    path, n = RESULTS / f"ingest-{day}.json", 1
    while path.exists():
        n += 1
        path = RESULTS / f"ingest-{day}-{n}.json"
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--work", required=True, help="directory for the corpora and the stores")
    parser.add_argument("--sizes", default="100k,1M", help="comma-separated: 10k, 100k, 1M, 4M")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--kinds", default="raw,no-rules,ingest", help="which of raw, no-rules, ingest to run")
    parser.add_argument("--no-save", action="store_true", help="print only; write no results file")
    args = parser.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    kinds = [k for k in args.kinds.split(",") if k]
    if "raw" not in kinds:
        kinds.insert(0, "raw")
    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "pyoxigraph": metadata.version("pyoxigraph"),
        "repeats": args.repeats,
        "sizes": {},
    }
    for size in args.sizes.split(","):
        results["sizes"][size] = run_size(work, size, args.repeats, kinds)
    print(table(results))
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        path = result_path()
        path.write_text(json.dumps(results, indent=1) + "\n")
        print(f"results: {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
