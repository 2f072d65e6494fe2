"""Where an event comes from: the evidence behind its reports (with each article's wire origin) and its merges."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from graph.queries.fetch import Fetcher
from graph.queries.records import Evidence, Merge
from graph.queries.table import ValuesRunner
from graph.store.base import Term


def event_sources(fetch: Fetcher, values: ValuesRunner, node: str) -> list[Evidence]:
    """The sentences, articles and stances behind every report of ``node``, oldest first, each with the
    agency its article runs the copy of."""
    reports = fetch.merges.reports(node)
    found_claims = fetch.claims(set(reports))
    claims = [c for r in reports for c in found_claims.get(r, [])]
    found = fetch.evidence(claims)
    rows = [found[c.claim] for c in claims if c.claim in found]
    articles = sorted({e.article for e in rows if e.article})
    if articles:  # the agency each article runs the copy of, beside its outlet
        found_wires = values("wire_origins", {"article": [Term.uri(a) for a in articles]}).rows
        wires: dict[str, str] = {a: w for a, w in found_wires if a and w}
        rows = [replace(e, origin=wires[e.article]) if e.article in wires else e for e in rows]
    return sorted(rows, key=lambda e: (e.published or dt.date.min, e.article or "", e.start or 0))


def event_merges(fetch: Fetcher, event: str) -> list[Merge]:
    """Each report of ``event`` with the rule that merged it and the score; the canonical report first."""
    merges = fetch.merges
    canonical = merges.canonical(event)
    rows = []
    for r in fetch.reports(merges.reports(canonical)):
        rule, score = ("canonical", 1.0) if r.event == canonical else merges.why.get(r.event, ("", 0.0))
        rows.append(Merge(canonical, r.event, rule, score, r))
    return sorted(rows, key=lambda m: (m.report != canonical, -m.score, m.report))
