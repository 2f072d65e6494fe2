"""What the event coreference costs: the whole-store reads before and after ``graph/events``, and the pass itself.

    python scripts/bench/bench_coreference.py                          # 4M quads (~100k events), 5 rounds
    python scripts/bench/bench_coreference.py --triples 1200000 --repeats 3 --work /tmp/bench/work

The corpus is the network corpus of ``bench_api.py`` (``scripts/bench/corpus.py``, cached in
``scripts/bench/results/cache``), loaded into an on-disk Oxigraph store the way ``bench_api.py`` loads it
(``bench_api.open_store``: the N-Quads, the ontology, the event digests; no derived graph, as for its
network corpus; a store left in ``--work`` by an earlier run is reused). Without the derived graph,
``timeline(a, b)`` finds only the reports that name both states themselves, not through their officials
and agencies (``dip:involvesState``, rule R1), while after coreference it also reads the other reports of
the events it found: ``--derived`` computes the rules (``graph.pipeline.run_rules``, as ``bench_api.py``
does for its lookup corpus; cached as N-Quads, the store kept in ``<work>/with-derived``; tens of minutes
at 1M quads). In one process:

* a warm-up round of the reads with ``graph/events`` empty (no coreference), reported as the first call;
* ``graph.coreference.resolve_events(store)``, what every ingest now runs after extraction, timed once
  with its parts (reading the reports, planning, writing) and the process's peak RSS while it runs
  (``VmHWM``, reset just before); the merges, contradictions and merged events it wrote are counted;
* ``--repeats`` rounds, each timing the reads once in both states, *before* (``graph/events`` dropped)
  and *after* (the plan written back), in alternating order (before-after, after-before, ...), so that
  the machine's drift falls on both alike; after each switch the store is compacted, untimed
  (``Store.optimize``; ``--no-optimize`` skips it: the first reads after a write are slower). Each
  state gets a fresh ``KnowledgeGraph`` (it reads the name index, the event types and the merge map
  once per session: timed apart as ``session``), then
  ``to_networkx()`` without and with evidence (collected after each call, as ``bench_api.py`` does) and
  ``timeline(a, b)`` of the busiest pair of states (``--timeline-calls`` calls per round).

Medians are over the rounds; ``after / before`` is the ratio of the medians, with the range of the
per-round ratios beside it (a wide range means a noisy machine). ``graph/events`` is dropped at the
end, so the store stays as ``bench_api.py`` expects it (``--keep-events`` keeps it). Results go to
``scripts/bench/results/coreference-<date>.json`` (``--out``) and a Markdown table is printed on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_api import CACHE, RESULTS, corpus, label, machine, open_store, timed  # noqa: E402

STATES = ("before", "after")
PATHS = ("session", "to_networkx(evidence=False)", "to_networkx(evidence=True)", "timeline(hub)")


# -- memory ------------------------------------------------------------------------------------------
def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def reset_peak() -> bool:
    """Reset the process's peak RSS (``VmHWM``; Linux only): whether it could."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def mb(kb: int | None) -> float | None:
    return None if kb is None else round(kb / 1024, 1)


# -- the store's two states ------------------------------------------------------------------------
def set_events(store: Any, quads: list[Any] | None, *, optimize: bool = False) -> float:
    """``graph/events`` dropped (``None``: no coreference) or rewritten with ``quads``, as resolve_events
    writes it; with ``optimize``, the store compacted after (pyoxigraph ``Store.optimize``), so that
    neither state is read past the other's fresh writes and deletions. Returns the seconds it took."""
    from graph.coreference import EVENTS_GRAPH
    from graph.store.base import WriteBatch

    seconds, _ = timed(lambda: (store.apply(WriteBatch(drop_graphs={EVENTS_GRAPH}, insert=quads or [])), store.flush()))
    inner: Any = getattr(store, "_store", None)
    if optimize and hasattr(inner, "optimize"):
        seconds += timed(inner.optimize)[0]
    return seconds


def resolve(store: Any) -> tuple[dict[str, Any], Any]:
    """``resolve_events(store)`` timed whole, and its parts through the module functions it calls."""
    from graph import coreference

    parts: dict[str, float] = {}
    originals = {name: getattr(coreference, name) for name in ("read_reports", "plan", "plan_quads")}

    def clocked(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            seconds, value = timed(lambda: fn(*args, **kwargs))
            parts[name] = parts.get(name, 0.0) + seconds
            return value

        return run

    gc.collect()
    rss_before = _status_kb("VmRSS")
    peak_known = reset_peak()
    try:
        for name, fn in originals.items():
            setattr(coreference, name, clocked(name, fn))
        seconds, plan = timed(lambda: coreference.resolve_events(store))
    finally:
        for name, fn in originals.items():
            setattr(coreference, name, fn)
    peak = _status_kb("VmHWM") if peak_known else None
    flush_s, _ = timed(store.flush)
    rest = seconds - sum(parts.values())
    out = {
        "seconds": round(seconds, 3),
        "read_reports_s": round(parts.get("read_reports", 0.0), 3),
        "plan_s": round(parts.get("plan", 0.0), 3),
        "plan_quads_s": round(parts.get("plan_quads", 0.0), 3),
        "queries_and_write_s": round(rest, 3),
        "flush_s": round(flush_s, 3),
        "merges": len(plan.merges),
        "contradictions": len(plan.contradictions),
        "merged_events": len(plan.sources),
        "held": len(plan.held),
        "rss_before_mb": mb(rss_before),
        "peak_rss_mb": mb(peak),
    }
    return out, plan


# -- one round of reads --------------------------------------------------------------------------
def reads(store: Any, hub: Sequence[str], timeline_calls: int) -> dict[str, Any]:
    """The whole-store reads through a fresh KnowledgeGraph: seconds per path, and what they returned."""
    from graph.queries.api import KnowledgeGraph

    gc.collect()
    kg = KnowledgeGraph(store)
    seconds: dict[str, float] = {}
    shape: dict[str, Any] = {}
    seconds["session"], _ = timed(lambda: (kg.index, kg._fetch))  # once per session, as bench_api times it apart
    for evidence in (False, True):
        key = f"to_networkx(evidence={evidence})"
        seconds[key], nxg = timed(lambda ev=evidence: kg.to_networkx(evidence=ev))  # type: ignore[misc]
        shape[key] = {
            "events": len({k for *_, k in nxg.edges(keys=True)}),
            "edges": nxg.number_of_edges(),
            "nodes": nxg.number_of_nodes(),
        }
        # networkx's cached views hold the graph in a reference cycle: collect it outside the timing
        del nxg
        gc.collect()
    samples = []
    for _ in range(timeline_calls):
        s, rows = timed(lambda: kg.timeline(*hub))
        samples.append(s)
        shape["timeline(hub)"] = {"events": len(rows), "sources": sum(r.sources for r in rows)}
        del rows
    seconds["timeline(hub)"] = statistics.median(samples)
    return {"seconds": seconds, "shape": shape, "timeline_samples": samples}


# -- report ----------------------------------------------------------------------------------------
def summarize(rounds: list[dict[str, dict[str, Any]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path in PATHS:
        before = [r["before"]["seconds"][path] for r in rounds]
        after = [r["after"]["seconds"][path] for r in rounds]
        paired = [a / b for a, b in zip(after, before, strict=True) if b > 0]
        mb_, ma = statistics.median(before), statistics.median(after)
        spread = max((max(xs) - min(xs)) / statistics.median(xs) for xs in (before, after) if statistics.median(xs))
        out[path] = {
            "before_s": round(mb_, 3),
            "after_s": round(ma, 3),
            "ratio": round(ma / mb_, 3) if mb_ else None,
            "paired_ratios": [round(x, 3) for x in paired],
            "before_samples_s": [round(x, 3) for x in before],
            "after_samples_s": [round(x, 3) for x in after],
            "spread": round(spread, 3),
        }
    return out


def markdown(report: dict[str, Any]) -> str:
    m, r, s = report["machine"], report["resolve"], report["summary"]
    warm = report["warmup"]
    lines = [
        f"Corpus {report['corpus']} ({report['quads']:,} quads), Oxigraph on disk, {report['repeats']} rounds "
        f"(before/after alternating), medians:",
        "",
        "| path | before (s) | after (s) | ratio | per-round ratios | first call before / after (s) |",
        "|---|---:|---:|---:|---|---:|",
    ]
    for path in PATHS:
        p = s[path]
        ratios = ", ".join(f"{x:.2f}" for x in p["paired_ratios"])
        first = f"{warm['before']['seconds'][path]:.2f} / {warm['after']['seconds'][path]:.2f}"
        lines.append(f"| {path} | {p['before_s']:.3f} | {p['after_s']:.3f} | {p['ratio']:.2f}× | {ratios} | {first} |")
    shapes = report["shapes"]
    lines += [
        "",
        "| read | before | after |",
        "|---|---|---|",
    ]
    for path in ("to_networkx(evidence=True)", "timeline(hub)"):
        b, a = shapes["before"][path], shapes["after"][path]
        cells = [", ".join(f"{k} {v:,}" for k, v in shape.items()) for shape in (b, a)]
        lines.append(f"| {path} | {cells[0]} | {cells[1]} |")
    lines += [
        "",
        f"`resolve_events(store)`: **{r['seconds']:.2f} s** (read_reports {r['read_reports_s']:.2f} s, plan "
        f"{r['plan_s']:.2f} s, plan_quads {r['plan_quads_s']:.2f} s, "
        f"queries and write {r['queries_and_write_s']:.2f} s; flush {r['flush_s']:.2f} s); "
        f"{r['merges']:,} merges, {r['contradictions']:,} contradictions, "
        f"{r['merged_events']:,} merged events (sources), {r['held']:,} planned→held; "
        f"RSS {r['rss_before_mb']} MB before it, peak {r['peak_rss_mb']} MB while it ran.",
        f"Derived graph: {report['derived'] or 'none'}. "
        f"Load {report['load_s']} s, digests {report['digests_s']} s; process peak RSS {report['maxrss_mb']} MB; "
        f"wall time {report['seconds']:.0f} s.",
        f"Machine: {m['cpus']} cores, Python {m['python']}, {m['platform']}, pyoxigraph {m['pyoxigraph']}, "
        f"networkx {m['networkx']}; load average {m['load_average']} at the start, {m['load_average_end']} at the end.",
        report["noise"],
    ]
    return "\n".join(lines) + "\n"


def noise_note(summary: dict[str, Any], threshold: float) -> str:
    noisy = [p for p in PATHS if summary[p]["spread"] > threshold]
    if not noisy:
        return f"Runs were steady: every path's samples within {threshold:.0%} of its median in both states."
    worst = ", ".join(f"{p} {summary[p]['spread']:.0%}" for p in noisy)
    return f"Noisy runs: samples spread (max - min) / median above {threshold:.0%} for {worst}."


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--triples", type=int, default=4_000_000, help="corpus quads (default 4M: ~100k events)")
    parser.add_argument("--repeats", type=int, default=5, help="rounds of reads in each state (median; default 5)")
    parser.add_argument("--timeline-calls", type=int, default=3, help="timeline(hub) calls per round (default 3)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--cache", default=str(CACHE), help="where the generated corpora are kept")
    parser.add_argument("--work", default=str(CACHE), help="where the Oxigraph stores are kept between runs")
    parser.add_argument("--out", help="JSON results (default scripts/bench/results/coreference-<date>.json)")
    parser.add_argument("--noise", type=float, default=0.15, help="spread above which runs are called noisy")
    parser.add_argument(
        "--derived",
        action="store_true",
        help="also compute the derived graph (rules, as bench_api.py does for its lookup corpus; slow at 1M and up), "
        "cached as N-Quads; the store is kept apart, in <work>/with-derived",
    )
    parser.add_argument(
        "--no-optimize",
        dest="optimize",
        action="store_false",
        help="do not compact the store after each switch of graph/events (~14 s each at 4M quads)",
    )
    parser.add_argument("--keep-events", action="store_true", help="leave graph/events in the store at the end")
    args = parser.parse_args(argv)

    from graph.coreference import plan_quads

    started = datetime.now(UTC)
    clock = time.perf_counter()
    report: dict[str, Any] = {"started": started.isoformat(timespec="seconds"), "machine": machine()}
    path = corpus(args.triples, args.seed, Path(args.cache))
    meta = json.loads(Path(str(path) + ".meta.json").read_text())
    hub = [meta["params"]["hub_state"], meta["params"]["second_state"]]
    report.update(corpus=path.name, quads=meta["quads"], hub=hub, repeats=args.repeats)
    loaded: dict[str, Any] = {}
    work = Path(args.work) / "with-derived" if args.derived else Path(args.work)
    derived = Path(args.cache) / f"derived-{label(args.triples)}-seed{args.seed}.nq" if args.derived else None
    work.mkdir(parents=True, exist_ok=True)
    store = open_store("oxigraph", path, derived, work, loaded)
    report["derived"] = None if derived is None else {"file": derived.name, "rules_s": loaded.get("rules_s")}
    report["load_s"] = round(loaded.get("load_s", 0.0), 1) if "load_s" in loaded else "reused"
    report["digests_s"] = round(loaded["digests_s"], 1)
    # a reused store may hold graph/events from an earlier run: start without
    set_events(store, None, optimize=args.optimize)
    report["import_networkx_s"], _ = timed(lambda: __import__("networkx"))
    print(f"store ready after {time.perf_counter() - clock:.0f} s; warm-up", file=sys.stderr)

    warmup = {"before": reads(store, hub, 1)}
    report["resolve"], plan = resolve(store)
    print(f"resolve_events: {report['resolve']}", file=sys.stderr)
    after_quads = plan_quads(plan)
    report["events_graph_quads"] = len(after_quads)
    set_events(store, after_quads, optimize=args.optimize)  # the warm-up after, on a compacted store too
    warmup["after"] = reads(store, hub, 1)
    report["warmup"] = warmup

    rounds: list[dict[str, dict[str, Any]]] = []
    for i in range(args.repeats):
        one: dict[str, dict[str, Any]] = {}
        for state in STATES if i % 2 == 0 else STATES[::-1]:
            set_events(store, after_quads if state == "after" else None, optimize=args.optimize)
            one[state] = reads(store, hub, args.timeline_calls)
            secs = ", ".join(f"{k} {v:.2f}" for k, v in one[state]["seconds"].items())
            print(f"round {i + 1} {state}: {secs}", file=sys.stderr)
        rounds.append(one)
    if not args.keep_events:
        set_events(store, None)

    report["rounds"] = rounds
    report["shapes"] = {state: rounds[-1][state]["shape"] for state in STATES}
    report["summary"] = summarize(rounds)
    report["noise"] = noise_note(report["summary"], args.noise)
    report["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    report["seconds"] = round(time.perf_counter() - clock, 1)
    out = Path(args.out) if args.out else RESULTS / f"coreference-{started:%Y-%m-%dT%H%M}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
    print(markdown(report))
    print(f"results: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
