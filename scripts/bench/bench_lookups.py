"""Every public lookup as a user calls it (the KnowledgeGraph method, or ``kg.named`` for a packaged
query) beside raw pyoxigraph reading the same rows, in one run, at each size.

    python scripts/bench/bench_lookups.py --sizes 100000,1000000 --work /tmp/h17b
    python scripts/bench/bench_lookups.py --sizes 1000000 --only "relations(hub, second)" --only "balance(hub, second)"

Stores come from ``lookup_store.py`` (generated corpus, ontology, rules, digests: what an ingest
leaves). Each lookup runs ``--repeats`` times after one warm-up call (the session's name index is
read first and timed apart); the median is reported. The raw column runs one SPARQL query on a
read-only ``pyoxigraph.Store`` of the same directory: for a named query its own text, for an API
lookup the query giving its main rows (shown in :data:`RAW`); lookups without one show "–".
``--only`` (repeated) times the named lookups alone (to compare two versions of the code run after one
another, interleaved). Each row records the one-minute load average after it was timed (the machine
may be shared). Results go to ``<work>/lookups-<time>.json``; a Markdown table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lookup_store  # type: ignore[import-not-found]

HUB, SECOND = "https://w3id.org/diplograph/id/USA", "https://w3id.org/diplograph/id/CHN"
SIDES = "dip:actor|dip:target|dip:participant|dip:involvesState"
DYAD = f"""SELECT ?e ?p ?o WHERE {{
    {{ SELECT DISTINCT ?e WHERE {{ ?e {SIDES} <{HUB}> }} }}
    {{ SELECT DISTINCT ?e WHERE {{ ?e {SIDES} <{SECOND}> }} }}
    ?e ?p ?o }}"""
RAW: dict[str, str] = {
    "relations(hub, second)": DYAD,
    "timeline(hub, second)": DYAD,
    "relations(person)": """SELECT ?e ?p ?o WHERE { { SELECT DISTINCT ?e WHERE { ?e dip:actor|dip:target|dip:participant
        <PERSON> } } ?e ?p ?o }""",
    "ego(person)": """SELECT ?e ?p ?o WHERE { { SELECT DISTINCT ?e WHERE { ?e dip:actor|dip:target|dip:participant
        <PERSON> } } ?e ?p ?o }""",
    "sanctions()": """SELECT ?s ?p ?o WHERE { ?s a dip:Sanction ; ?p ?o }""",
    "sanctions(imposed_by=hub)": f"""SELECT ?s ?p ?o WHERE {{ {{ SELECT DISTINCT ?s WHERE {{
        {{ ?s dip:imposedBy <{HUB}> }}
        UNION {{ ?s dip:imposedBy ?i . ?i org:subOrganizationOf*/dip:agencyOf <{HUB}> }} }} }} ?s ?p ?o }}""",
    "roles(person)": """SELECT ?t ?p ?o WHERE { ?t dip:holder <PERSON> ; ?p ?o }""",
    "claims(person)": """SELECT ?c ?p ?o WHERE { { SELECT DISTINCT ?n WHERE { ?n dip:actor|dip:target|dip:participant|
        dip:sanctionTarget|dip:imposedBy|dip:holder <PERSON> } } ?c dip:about ?n ; ?p ?o }""",
}
RAW_NAMED = {"contradictions()": "lookup/all_contradictions"}
"""Lookups whose raw query is a packaged lookup query: its text, run directly."""


def lookups(kg: Any, person: str, state: str, event: str) -> dict[str, Callable[[], Any]]:
    from graph.queries import list_queries

    calls: dict[str, Callable[[], Any]] = {
        "actor(name)": lambda: kg.actor("China"),
        "actors(kind=person)": lambda: kg.actors(kind="person"),
        "actors(name=…)": lambda: kg.actors(name="an"),
        "relations(hub, second)": lambda: kg.relations(HUB, SECOND),
        "timeline(hub, second)": lambda: kg.timeline(HUB, SECOND),
        "balance(hub, second)": lambda: kg.balance(HUB, SECOND),
        "relations(person)": lambda: kg.relations(person),
        "sanctions()": lambda: kg.sanctions(),
        "sanctions(imposed_by=hub)": lambda: kg.sanctions(imposed_by=HUB),
        "sanctions(target=second)": lambda: kg.sanctions(target=SECOND),
        "roles(person)": lambda: kg.roles(person),
        "roles(state)": lambda: kg.roles(state),
        "family(person)": lambda: kg.family(person),
        "claims(person)": lambda: kg.claims(person),
        "claims(event)": lambda: kg.claims(event),
        "sources(event)": lambda: kg.sources(event),
        "contradictions()": lambda: kg.contradictions(),
        "contradictions(event)": lambda: kg.contradictions(event),
        "ego(person)": lambda: kg.ego(person),
        "ego(state)": lambda: kg.ego(state),
        "path(person, second)": lambda: kg.path(person, SECOND),
    }
    for q in list_queries():
        if q.name.split("/")[0] in ("sample", "analyst"):
            calls[q.name] = lambda name=q.name: kg.named(name)
    return calls


def measure(fn: Callable[[], Any], repeats: int, slow: float) -> tuple[list[float], int]:
    samples: list[float] = []
    rows = 0
    for _ in range(repeats + 1):  # the first call warms caches and is dropped (kept when it is slow)
        started = time.perf_counter()
        value = fn()
        samples.append(time.perf_counter() - started)
        rows = len(value) if hasattr(value, "__len__") else 0
        if samples[-1] > slow:
            break
    return (samples[1:] or samples), rows


def run_size(n: int, work: Path, repeats: int, slow: float, only: set[str] | None = None) -> dict[str, Any]:
    import pyoxigraph as ox

    from graph.namespaces import sparql_prologue
    from graph.queries import read_query
    from graph.queries.api import KnowledgeGraph
    from graph.store.oxigraph import OxigraphStore

    corpus = lookup_store.corpus_path(n, work)
    location = work / f"kg-{n}"
    out: dict[str, Any] = {"quads": n, "prepare": lookup_store.prepare(corpus, location), "rows": {}}
    store = OxigraphStore(str(location), create=False, mode="read")
    raw = ox.Store.read_only(str(location))
    kg = KnowledgeGraph(store)
    started = time.perf_counter()
    _ = kg.index, kg._fetch
    out["session_s"] = round(time.perf_counter() - started, 3)
    heads = kg.query("SELECT ?h ?o WHERE { ?t org:role role:headOfState ; dip:holder ?h ; org:organization ?o }")
    states = sorted({r["o"] for r in heads})
    state = states[len(states) // 2]
    person = sorted(r["h"] for r in heads if r["o"] == state)[0]
    events = kg.relations(person, evidence=False)
    event = events[len(events) // 2].event
    out["picks"] = {"person": person, "state": state, "event": event}
    for name, call in lookups(kg, person, state, event).items():
        if only is not None and name not in only:
            continue
        api, rows = measure(call, repeats, slow)
        text = read_query(name) if "/" in name else read_query(RAW_NAMED[name]) if name in RAW_NAMED else RAW.get(name)
        entry: dict[str, Any] = {"api_ms": round(statistics.median(api) * 1000, 2), "rows": rows}
        if text is not None:
            sparql = sparql_prologue() + text.replace("PERSON", person)
            samples, _ = measure(lambda s=sparql: list(raw.query(s, use_default_graph_as_union=True)), repeats, slow)
            entry["raw_ms"] = round(statistics.median(samples) * 1000, 2)
        entry["load_1m"] = round(os.getloadavg()[0], 2)
        out["rows"][name] = entry
        print(f"{n}: {name}: {entry}", flush=True)
    store.close()
    return out


def markdown(report: dict[str, Any]) -> str:
    sizes = report["sizes"]
    head = "| lookup | " + " | ".join(f"{s['quads']:,}: API | raw | ratio" for s in sizes) + " |"
    lines = [head, "|---|" + "---:|---:|---:|" * len(sizes)]
    for name in sizes[0]["rows"]:
        cells = []
        for s in sizes:
            e = s["rows"].get(name, {})
            api, raw = e.get("api_ms"), e.get("raw_ms")
            ratio = f"{api / raw:.1f}×" if api and raw else "–"
            cells.append(f"{api:,.1f} ms | {f'{raw:,.1f} ms' if raw else '–'} | {ratio}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--work", default="/tmp/h17b")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--slow", type=float, default=10.0, help="a call slower than this is not repeated")
    parser.add_argument("--only", action="append", help="a lookup (named as in the table) to time alone; repeatable")
    args = parser.parse_args(argv)
    only = set(args.only) if args.only else None
    work = Path(args.work)
    report: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "sizes": [run_size(int(n), work, args.repeats, args.slow, only) for n in args.sizes.split(",")],
    }
    report["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    path = work / f"lookups-{datetime.now(UTC):%Y%m%dT%H%M}.json"
    path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(markdown(report))
    print(f"load average {report['load_average_start']} -> {report['load_average_end']}; results: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
