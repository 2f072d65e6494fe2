"""One event, many reports: event coreference on the news_dev same-story clusters.

    .venv/bin/python scripts/bench/cluster_events.py [--texts .cache/news_dev] [--shared ../shared] [-v]
    .venv/bin/python scripts/bench/cluster_events.py --articles story.jsonl [-v]   # any other story

Ingests d01-d10 (the Canada-India and DRC-Rwanda clusters; texts rebuilt as the news_dev README says)
with the CLI's ingest into a new store, and prints, as the API returns them (``kg.relations``,
``kg.reports``, ``kg.contradictions``):

* the events of the issue's targets — the India -> Canada and Canada -> India expulsions of October
  2024 and the DRC-Rwanda signing of 27 June 2025 — with their numbers of reports, sources and
  independent sources;
* checks: no event mixes a planned and a held report; no merged report is dated outside its event's
  window by more than a day (the adjacent-day rule, which records a date contradiction);
* the contradictions found across sources and the sanctions as ``kg.sanctions`` merges them; with
  ``-v`` every merged event.

``--articles`` measures another story the same way (without the news_dev targets): a JSONL file of
article records (``text``, ``url``, ``outlet``, ``published``), one per line, each ingested as its own
source.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.queries.api import KnowledgeGraph  # noqa: E402
from graph.queries.records import Relation  # noqa: E402

OCT_2024 = (dt.date(2024, 10, 1), dt.date(2024, 10, 31))
SIGNING = (dt.date(2025, 6, 27), dt.date(2025, 6, 27))
TARGETS = [  # title, one side, the other, the CAMEO roots the act is coded under, the period
    ("India -> Canada expulsion (Oct 2024)", "India", "Canada", ("16", "17"), *OCT_2024),
    ("Canada -> India expulsion (Oct 2024)", "Canada", "India", ("16", "17"), *OCT_2024),
    ("DRC-Rwanda signing (27 Jun 2025)", "Democratic Republic of the Congo", "Rwanda", ("05",), *SIGNING),
]


def write_inputs(meta: dict[str, dict[str, str]], texts: Path, work: Path) -> list[str]:
    paths = []
    for key in sorted(meta)[:10]:
        record = {"text": (texts / f"{key}.txt").read_text(encoding="utf-8"), "url": meta[key]["url"]}
        record |= {k: meta[key][k] for k in ("outlet", "published") if meta[key].get(k)}
        path = work / f"{key}.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def split_records(path: Path, work: Path) -> list[str]:
    paths = []
    for i, record in enumerate(filter(None, path.read_text(encoding="utf-8").splitlines())):
        one = work / f"a{i:03d}.jsonl"
        one.write_text(record + "\n", encoding="utf-8")
        paths.append(str(one))
    return paths


def line(r: Relation) -> str:
    sides = " -> ".join(", ".join(a.label for a in side) for side in (r.actors, r.targets) if side)
    who = sides or " - ".join(a.label for a in r.participants)
    when = r.date or (f"{r.earliest}..{r.latest}" if r.earliest else "undated")
    return f"{r.cameo} {r.label} | {who} | {when} | {'|'.join(r.modalities)}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--texts", type=Path, default=ROOT / ".cache" / "news_dev")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=Path, help="another story: a JSONL file of article records")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        kg = KnowledgeGraph.open(str(Path(work) / "store"), create=True)
        started = time.perf_counter()
        if args.articles:
            inputs = split_records(args.articles, Path(work))
        else:
            lines = (args.shared / "benchmarks" / "news_dev" / "articles.jsonl").read_text(encoding="utf-8")
            meta = {m["id"]: m for m in map(json.loads, filter(None, lines.splitlines()))}
            inputs = write_inputs(meta, args.texts, Path(work))
        kg.ingest(inputs)
        print(f"ingested {len(inputs)} articles in {time.perf_counter() - started:.1f} s")
        reports = kg.reports()
        events = kg._fetch.events(None)  # every event, merged (no public "all events" lookup)
        merged = [e for e in events if len(kg.reports(e.event)) > 1]
        print(f"{len(reports)} reports -> {len(events)} events ({len(merged)} of several reports)")
        for title, a, b, root, since, until in [] if args.articles else TARGETS:
            found = [
                r
                for r in kg.relations(a, b, rollup=True, include_planned=True)
                if r.root in root and r.earliest and since <= r.earliest <= until
                and (r.root == "05" or a in {x.label for x in r.actors})
            ]  # fmt: skip
            print(f"\n{title}: {len(found)} event(s)")
            for r in sorted(found, key=lambda r: -r.sources):
                print(f"  {r.sources} sources, {r.independent_sources} independent, "
                      f"{len(kg.reports(r.event))} reports: {line(r)}")  # fmt: skip
        mixed = outside = 0
        for e in merged:
            parts = kg.reports(e.event)
            planned = {not p.happened for p in parts}
            mixed += len(planned) > 1
            slack = dt.timedelta(days=1)
            outside += any(  # a report whose window misses the event's by more than a day
                p.earliest and p.latest and e.earliest and e.latest
                and (p.latest < e.earliest - slack or p.earliest > e.latest + slack)
                for p in parts
            )  # fmt: skip
        print(f"\nchecks: {mixed} event(s) mix planned and held reports; {outside} have a report dated outside")
        print(f"\nsanctions: {len(kg.sanctions(include_planned=True))}")
        for s in kg.sanctions(include_planned=True):
            by = ", ".join(a.label for a in s.imposed_by)
            print(f"  {s.sources} sources, {max(1, len(s.reports))} reports: {by} -> {s.target.label} ({s.start})")
        found_c = kg.contradictions(across_sources=True)
        print(f"\ncontradictions across sources: {len(found_c)}")
        for c in found_c:
            print(f"  [{c.kind}] {c.about_label}: {c.detail or ''}")
            for side in (c.first, c.second):
                said = (side.evidence.sentence or "") if side.evidence else ""
                print(f"      {side.modality} ({side.source}): {said[:110]}")
        if args.verbose:
            print("\nmerged events:")
            for e in merged:
                print(f"  {e.sources} src/{e.independent_sources} ind: {line(e)}")
                for p in kg.reports(e.event):
                    print(f"      - {line(p)}  [{p.evidence[0].outlet if p.evidence else ''}]")
        kg.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
