"""Import benchmark: ``diplograph import gdelt FILE`` as a user runs it, beside raw pyoxigraph
``bulk_load`` of the very quads the import writes, in the same run.

    python scripts/bench/bench_import.py --work /tmp/bench-import                    # 100k rows
    python scripts/bench/bench_import.py --work /tmp/b --sizes 100k 1M --repeats 3
    python scripts/bench/bench_import.py --work /tmp/b --sizes 100k --kinds raw import import-rules

For each size, ``scripts/bench/gen_gdelt.py`` generates the GDELT 2.0 file into ``--work`` (or reuses
it); one untimed import writes the store whose N-Quads dump is the raw side's input (the same quads:
the file's graph, its ``graph/meta`` records and the ontology graph). Then each repeat runs each kind
in a fresh process and a fresh store directory, alternating the order:

* **raw**: ``pyoxigraph.Store(dir).bulk_load(path=DUMP, format=N_QUADS)`` and ``flush()``: the floor;
* **import**: the console script, ``diplograph --store DIR import gdelt FILE --no-rules`` (reading the
  rows, mapping them and loading the quads: what the 2x target is about);
* **import-rules**: the same with the derivation rules (state roll-up, identity, event coreference)
  recomputed afterwards, as ``import`` does by default.

Wall time is measured around the process (start-up and imports included); peak memory is the
process's own ``ru_maxrss`` (``os.wait4``). Medians are reported with their ratio to raw and rows/s,
with the 1-minute load average before and after each size (the machine is shared). Results go to
``scripts/bench/results/import-<date>.json`` (``-2``, ... for later runs the same day); a Markdown
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
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench_ingest import RAW, load_average, timed  # type: ignore[import-not-found]  # the same raw side and timer

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
KINDS = ("raw", "import", "import-rules")
DUMP = (
    "import sys, pyoxigraph as ox\n"
    "s = ox.Store.read_only(sys.argv[1])\n"
    "s.dump(output=sys.argv[2], format=ox.RdfFormat.N_QUADS)\n"
    "print(len(s))\n"
)


def cli() -> list[str]:
    script = Path(sys.executable).with_name("diplograph")  # the console script, as a user runs it
    return [str(script)] if script.exists() else [sys.executable, "-m", "graph"]


def inputs(work: Path, size: str) -> tuple[Path, Path, int]:
    """The GDELT file of ``size`` and the N-Quads dump of what importing it writes (made once)."""
    rows = work / f"gdelt-{size}.export.CSV"
    if not rows.exists():
        subprocess.run(
            [sys.executable, str(HERE / "gen_gdelt.py"), "--rows", str(SIZES[size]), "--out", str(rows)], check=True
        )
    dump = work / f"gdelt-{size}.nq"
    count = work / f"gdelt-{size}.count"
    if not dump.exists() or not count.exists():
        store = work / f"dump-store-{size}"
        shutil.rmtree(store, ignore_errors=True)
        subprocess.run([*cli(), "--store", str(store), "-q", "import", "gdelt", str(rows), "--no-rules"], check=True)
        out = subprocess.run([sys.executable, "-c", DUMP, str(store), str(dump)], check=True, capture_output=True)
        count.write_text(out.stdout.decode().strip())
        shutil.rmtree(store, ignore_errors=True)
    return rows, dump, int(count.read_text())


def command(kind: str, store: Path, rows: Path, dump: Path) -> list[str]:
    if kind == "raw":
        return [sys.executable, "-c", RAW, str(store), str(dump)]
    base = [*cli(), "--store", str(store), "-q", "import", "gdelt", str(rows)]
    return base + (["--no-rules"] if kind == "import" else [])


def run_size(work: Path, size: str, repeats: int, kinds: list[str]) -> dict[str, Any]:
    rows, dump, quads = inputs(work, size)
    before = load_average()
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in kinds}
    for i in range(repeats):
        order = kinds if i % 2 == 0 else list(reversed(kinds))
        for kind in order:
            store = work / f"store-{size}-{kind}"
            shutil.rmtree(store, ignore_errors=True)
            runs[kind].append(timed(command(kind, store, rows, dump)))
            shutil.rmtree(store, ignore_errors=True)
            print(f"{size} {kind} #{i + 1}: {runs[kind][-1][0]:.1f} s, {runs[kind][-1][1]:.0f} MiB", file=sys.stderr)
    med = {k: statistics.median(s for s, _ in v) for k, v in runs.items()}
    raw = med.get("raw")
    return {
        "size": size,
        "rows": SIZES[size],
        "quads": quads,
        "load_before": before,
        "load_after": load_average(),
        "runs": {k: [{"seconds": round(s, 2), "peak_mib": round(m)} for s, m in v] for k, v in runs.items()},
        "median_seconds": {k: round(v, 2) for k, v in med.items()},
        "median_peak_mib": {k: round(statistics.median(m for _, m in v)) for k, v in runs.items()},
        "rows_per_second": {k: round(SIZES[size] / v) for k, v in med.items() if k != "raw"},
        "ratio_to_raw": {k: round(v / raw, 2) for k, v in med.items() if raw and k != "raw"},
    }


def result_path(day: str) -> Path:
    path = RESULTS / f"import-{day}.json"
    n = 2
    while path.exists():
        path = RESULTS / f"import-{day}-{n}.json"
        n += 1
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--work", type=Path, required=True, help="Directory for generated files and stores.")
    p.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["100k"])
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    args = p.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = [run_size(args.work, s, args.repeats, args.kinds) for s in args.sizes]
    doc = {
        "benchmark": "import",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
        "pyoxigraph": metadata.version("pyoxigraph"),
        "repeats": args.repeats,
        "results": results,
    }
    RESULTS.mkdir(exist_ok=True)
    path = result_path(datetime.now(UTC).date().isoformat())
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"results: {path}", file=sys.stderr)
    print("| rows | quads | kind | median s | rows/s | × raw | peak MiB | load before/after |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        for kind, seconds in r["median_seconds"].items():
            print(
                f"| {r['rows']:,} | {r['quads']:,} | {kind} | {seconds} | {r['rows_per_second'].get(kind, '')} | "
                f"{r['ratio_to_raw'].get(kind, '')} | {r['median_peak_mib'][kind]} | "
                f"{r['load_before']}/{r['load_after']} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
