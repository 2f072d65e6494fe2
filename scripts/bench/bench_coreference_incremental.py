"""What one article's ingest costs the event coreference: the incremental pass beside the full recompute.

    python scripts/bench/bench_coreference_incremental.py --triples 1000000 --repeats 3 --work /tmp/h15c

The store is the network corpus of ``bench_api.py`` (``bench_api.open_store``, reused from ``--work``),
``graph/events`` first written by a full pass. Each round ingests one new article (a real ingest,
``graph.pipeline.ingest`` without the rules), the identities are recomputed as ``run_rules`` does, then

* the incremental pass (``graph.coreference.resolve_events(store, touched=..., before=...)``) is timed,
  with the :class:`~graph.coreference_incremental.Snapshot` taken before the ingest timed apart;
* the full recompute (``resolve_events(store)``) is timed after it, on the same store;
* ``graph/events`` after each is compared: the two must be the same set of quads.

The articles name the corpus's two busiest states (a meeting: the largest groups of the corpus's most
common root; sanctions and criticism: a material act, so every group of the sanctioning state's
sanctions is re-read for disputed targets) or two other states, in turn. Results go to ``--out``
(JSON) and a Markdown table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_api import CACHE, RESULTS, corpus, machine, open_store, timed  # noqa: E402

ARTICLES = (
    ("hub meeting", "The United States and China held talks in Beijing on March {day}, 2019, officials said."),
    ("hub sanctions", "The United States imposed sanctions on China on March {day}, 2019, the Treasury said. "
     "China criticized the United States."),
    ("other states", "France expelled two Iraqi diplomats on March {day}, 2019, the French foreign ministry said. "
     "Iraq called the decision regrettable."),
)  # fmt: skip


def events_quads(store: Any) -> set[str]:
    from graph import ids

    return {q.nq() for q in store.quads(ids.EVENTS_GRAPH)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3, help="articles of each kind (default 3)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--cache", default=str(CACHE))
    parser.add_argument("--work", default=str(CACHE))
    parser.add_argument(
        "--out", help="JSON results (default scripts/bench/results/coreference-incremental-<date>.json)"
    )
    args = parser.parse_args(argv)

    from graph.coreference import resolve_events
    from graph.coreference_incremental import Snapshot
    from graph.identity import resolve_identities
    from graph.pipeline import ingest

    started = datetime.now(UTC)
    report: dict[str, Any] = {"started": started.isoformat(timespec="seconds"), "machine": machine()}
    path = corpus(args.triples, args.seed, Path(args.cache))
    loaded: dict[str, Any] = {}
    store = open_store("oxigraph", path, None, Path(args.work), loaded)
    report.update(corpus=path.name, quads=json.loads(Path(str(path) + ".meta.json").read_text())["quads"])
    resolve_identities(store)  # a store loaded without the rules has no graph/identity yet
    report["first_full_s"], _ = timed(lambda: resolve_events(store))
    store.flush()
    print(f"first full pass {report['first_full_s']:.1f} s", file=sys.stderr)
    folder = Path(tempfile.mkdtemp(prefix="coref-inc-", dir=args.work))
    rounds = []
    for _ in range(args.repeats):
        for kind, text in ARTICLES:
            day = 3 + len(rounds)
            f = folder / f"{kind.replace(' ', '-')}-{day}.jsonl"
            record = {
                "text": text.format(day=day),
                "url": f"https://example.org/bench/{kind.replace(' ', '-')}/{day}",
                "outlet": "Bench Wire",
                "published": f"2019-03-{day + 1:02d}",
            }
            f.write_text(json.dumps(record) + "\n", encoding="utf-8")
            snap_s, before = timed(lambda: Snapshot.take(store))
            ingest_s, written = timed(lambda f=f: ingest([str(f)], store, derive=False))  # type: ignore[misc]
            resolve_identities(store)
            touched = set(written.graphs)
            inc_s, decided = timed(lambda t=touched, b=before: resolve_events(store, touched=t, before=b))  # type: ignore[misc]
            incremental = events_quads(store)
            full_s, _ = timed(lambda: resolve_events(store))
            full = events_quads(store)
            one = {
                "kind": kind,
                "snapshot_s": round(snap_s, 3),
                "incremental_s": round(inc_s, 3),
                "full_s": round(full_s, 3),
                "ingest_s": round(ingest_s, 3),
                "replanned_merges": len(decided.merges),
                "events_graph_quads": len(full),
                "identical": incremental == full,
                "load_average": [round(x, 2) for x in os.getloadavg()],
            }
            rounds.append(one)
            print(json.dumps(one), file=sys.stderr)
    report["rounds"] = rounds
    report["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    lines = [
        f"Corpus {report['corpus']} ({report['quads']:,} quads), Oxigraph on disk; medians of {args.repeats} "
        "articles of each kind:",
        "",
        "| article | snapshot (s) | incremental (s) | snapshot + incremental (s) | full recompute (s) | identical |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for kind, _ in ARTICLES:
        mine = [r for r in rounds if r["kind"] == kind]
        snap = statistics.median(r["snapshot_s"] for r in mine)
        inc = statistics.median(r["incremental_s"] for r in mine)
        both = statistics.median(r["snapshot_s"] + r["incremental_s"] for r in mine)
        full = statistics.median(r["full_s"] for r in mine)
        same = all(r["identical"] for r in mine)
        lines.append(f"| {kind} | {snap:.2f} | {inc:.2f} | {both:.2f} | {full:.2f} | {same} |")
    m = report["machine"]
    lines.append(
        f"\nMachine: {m['cpus']} cores, load average {m['load_average']} at the start, "
        f"{m['load_average_end']} at the end; first full pass {report['first_full_s']:.1f} s."
    )
    report["table"] = "\n".join(lines)
    out = Path(args.out) if args.out else RESULTS / f"coreference-incremental-{started:%Y-%m-%dT%H%M}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
    print(report["table"])
    print(f"results: {out}; {time.process_time():.0f} s CPU", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
