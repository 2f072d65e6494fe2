"""Benchmark of the interactive HTML view: generation time, file size, time to interactive in Chromium.

    .venv/bin/python scripts/bench/bench_view.py                 # 100, 1,000, 1,500 and 10,000 actors
    .venv/bin/python scripts/bench/bench_view.py --sizes 100 1000 --runs 3

Input graphs are synthetic ``networkx.MultiDiGraph`` projections that follow the contract of
``graph.views.network`` (node kinds and labels; one edge per event with CAMEO code, quad class,
dates, modality, confidence and one or two evidence sentences from an article), with Zipf-like actor
popularity and 10/3 events per actor (the issue's 1,500 actors / 5,000 events). Everything is seeded.

For each size: ``render_view`` time (median of warm runs, in this process; the first run, which
imports pyvis and reads the CAMEO scheme, is reported apart) and the HTML size; then, in headless
Chromium (``/usr/bin/chromium`` driven by playwright, a fresh browser per run), the time from
navigation start to the first drawn frame with every control wired (``window.dgReady``), the
wall time from ``goto`` to that point, the cost of one redraw after a zoom, and the time to apply a
type filter. Results: JSON in ``scripts/bench/results/bench_view.json`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import networkx as nx

from graph.views.html import render_view

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
KINDS = ["person"] * 6 + ["state"] * 2 + ["agency", "igo", "organization", "group", "media"]
TYPES = [  # (cameo, root, quad class, goldstein, label)
    ("010", "01", 1, 0.0, "Make statement"),
    ("036", "03", 1, 4.0, "Express intent to meet or negotiate"),
    ("041", "04", 1, 1.0, "Discuss by telephone"),
    ("042", "04", 1, 1.9, "Make a visit"),
    ("057", "05", 1, 8.0, "Sign formal agreement"),
    ("071", "07", 2, 7.4, "Provide economic aid"),
    ("081", "08", 2, 5.0, "Ease administrative sanctions"),
    ("112", "11", 3, -2.0, "Accuse"),
    ("125", "12", 3, -5.0, "Reject proposal to meet, discuss, or negotiate"),
    ("138", "13", 3, -7.0, "Threaten with military force"),
    ("163", "16", 4, -8.0, "Impose embargo, boycott, or sanctions"),
    ("173", "17", 4, -5.0, "Arrest, detain, or charge with legal action"),
    ("190", "19", 4, -10.0, "Use conventional military force"),
]
MODALITIES = ["asserted"] * 14 + ["planned", "alleged", "denied", "hypothetical"]


def synthetic_graph(n_actors: int, n_events: int | None = None, *, seed: int = 7) -> nx.MultiDiGraph:
    """A seeded projection of ``n_actors`` actors and ``n_events`` events (default 10/3 per actor)."""
    rng = random.Random(seed)
    n_events = n_events if n_events is not None else round(n_actors * 10 / 3)
    g = nx.MultiDiGraph()
    for i in range(n_actors):
        kind = KINDS[rng.randrange(len(KINDS))]
        g.add_node(
            f"https://w3id.org/diplograph/id/actor-{i}",
            kind=kind,
            label=f"{kind.title()} {i}",
            aliases=[f"A{i}"],
            iso3=f"X{i % 100:02d}" if kind == "state" else None,
            wikidata=f"Q{1000 + i}",
        )
    ids = list(g.nodes)
    weights = [1.0 / (rank + 1) for rank in range(n_actors)]  # Zipf(1): hubs
    start = date(2015, 1, 1)
    for e in range(n_events):
        a, b = rng.choices(ids, weights=weights, k=2)
        if a == b:
            b = ids[(ids.index(a) + 1 + rng.randrange(n_actors - 1)) % n_actors]
        cameo, root, quad, gs, label = TYPES[rng.randrange(len(TYPES))]
        day = start + timedelta(days=rng.randrange(3650))
        article = f"https://w3id.org/diplograph/id/doc-{e // 5:08x}"
        sentence = f"{g.nodes[a]['label']} and {g.nodes[b]['label']}: {label.lower()} (report {e})."
        evidence = [
            {
                "sentence": sentence,
                "start": 0,
                "end": len(sentence),
                "article": article,
                "title": f"Report {e // 5} on regional diplomacy",
                "outlet": f"Outlet {e % 17}",
                "url": f"https://news.example.org/{e // 5}",
                "published": day.isoformat(),
            }
        ]
        g.add_edge(
            a,
            b,
            key=f"https://w3id.org/diplograph/id/event-{e}",
            cameo=cameo,
            label=label,
            root=root,
            quad_class=quad,
            goldstein=gs,
            date=day.isoformat(),
            earliest=day.isoformat(),
            latest=day.isoformat(),
            precision="day",
            modality=MODALITIES[rng.randrange(len(MODALITIES))],
            confidence=round(rng.uniform(0.5, 1.0), 2),
            evidence=evidence,
            sources=1,
            symmetric=cameo in ("041", "057"),
        )
    return g


REDRAW_JS = """() => new Promise(resolve => {
  const n = window.diplograph.network, t = performance.now();
  n.once("afterDrawing", () => resolve(performance.now() - t));
  n.moveTo({scale: n.getScale() * 1.25});
})"""
FILTER_JS = """() => {
  const box = document.querySelector('input[data-root="13"]');
  const t = performance.now();
  box.click();
  return performance.now() - t;
}"""


def browser_run(path: Path) -> dict[str, float]:
    """One fresh headless Chromium: load the page, wait for the first drawn frame, then measure."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t0 = time.perf_counter()
            page.goto(path.as_uri(), timeout=120_000)
            page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
            wall = time.perf_counter() - t0
            ready = page.evaluate("window.dgReady") / 1000
            redraw = page.evaluate(REDRAW_JS) / 1000
            filt = page.evaluate(FILTER_JS) / 1000
        finally:
            browser.close()
    return {"ready_s": ready, "wall_s": wall, "redraw_s": redraw, "filter_s": filt}


def bench_size(n_actors: int, runs: int, browser_runs: int, out_dir: Path) -> dict[str, Any]:
    nxg = synthetic_graph(n_actors)
    first = time.perf_counter()
    view = render_view(nxg, title=f"bench {n_actors}")
    first_s = time.perf_counter() - first
    gen = []
    for _ in range(runs):
        t = time.perf_counter()
        view = render_view(nxg, title=f"bench {n_actors}")
        gen.append(time.perf_counter() - t)
    path = view.write(out_dir / f"view-{n_actors}.html")
    row: dict[str, Any] = {
        "actors": n_actors,
        "events": nxg.number_of_edges(),
        "nodes_drawn": view.nodes,
        "edges_drawn": view.edges,
        "aggregated": view.aggregated,
        "generate_first_s": first_s,
        "generate_s": statistics.median(gen),
        "generate_runs": gen,
        "html_bytes": len(view.html.encode("utf-8")),
    }
    if Path(CHROMIUM).exists() and browser_runs:
        samples = [browser_run(path) for _ in range(browser_runs)]
        for key in samples[0]:
            row[key] = statistics.median(s[key] for s in samples)
            row[key + "_runs"] = [s[key] for s in samples]
    return row


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| actors | events | drawn nodes / edges | generate s (median) | first call s | HTML MiB "
        "| ready s (median) | goto→ready s | redraw ms | type filter ms |\n"
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    lines = [head]
    for r in rows:
        drawn = f"{r['nodes_drawn']:,} / {r['edges_drawn']:,}" + (" (aggregated)" if r["aggregated"] else "")
        browser = (
            f"{r['ready_s']:.2f} | {r['wall_s']:.2f} | {r['redraw_s'] * 1000:.0f} | {r['filter_s'] * 1000:.0f}"
            if "ready_s" in r
            else "- | - | - | -"
        )
        lines.append(
            f"| {r['actors']:,} | {r['events']:,} | {drawn} | {r['generate_s']:.2f} | {r['generate_first_s']:.2f} "
            f"| {r['html_bytes'] / 2**20:.2f} | {browser} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 1500, 10000])
    parser.add_argument("--runs", type=int, default=5, help="warm generation runs per size")
    parser.add_argument("--browser-runs", type=int, default=5, help="Chromium loads per size (0: none)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "bench_view.json")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            rows.append(bench_size(n, args.runs, args.browser_runs, Path(tmp)))
            print(f"{n} actors done", file=sys.stderr)
    import pyvis

    result = {
        "benchmark": "html view",
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": _cpus()},
        "versions": {"networkx": nx.__version__, "pyvis": getattr(pyvis, "__version__", "?")},
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(rows))
    return 0


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


if __name__ == "__main__":
    sys.exit(main())
