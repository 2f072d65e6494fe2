"""Extraction checked against the coders: per dyad and period, the events the article extraction and
an imported dataset agree on, and those only one of them has.

Two event reports agree when they involve the same two states (rule R1's ``dip:involvesState``:
officials, agencies and nationals count for their state; the dyad is unordered, since coders and
extractors often disagree on who acted), share the CAMEO root (``04`` consult, ``13`` threaten, …)
and have overlapping date windows. Reports of either side are matched one to one, in date order, so
each report appears once: as agreed (with its partner), or as found by one side only. The reports
come from the named query ``analyst/dataset_events``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from graph.queries.datasets import ARTICLES, chosen
from graph.store.base import SelectResult

Runner = Callable[[str, Mapping[str, object]], SelectResult]


@dataclass(frozen=True)
class Report:
    """One event report: IRI, CAMEO code, window, the two states of its dyad."""

    event: str
    code: str
    earliest: dt.date
    latest: dt.date
    dyad: tuple[str, str]

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Agreement:
    """One row of a comparison: ``status`` is ``both``, ``articles`` (only the extraction has it) or
    ``dataset`` (only the imported dataset has it); ``period`` is the month of the earliest date."""

    dyad: tuple[str, str]
    period: str
    status: str
    root: str
    article_event: str | None
    dataset_event: str | None
    earliest: dt.date
    latest: dt.date


def reports(run: Runner, dataset: str, since: dt.date | None, until: dt.date | None) -> list[Report]:
    """The reports of one dataset (``articles`` for the extraction), one per (report, dyad)."""
    params: dict[str, object] = {"dataset": dataset}
    params.update({k: v for k, v in (("since", since), ("until", until)) if v is not None})
    found: dict[str, tuple[str, dt.date, dt.date, set[str]]] = {}
    for e, c, lo, hi, state in run("analyst/dataset_events", params).rows:
        if e is None or c is None or lo is None or hi is None or state is None:
            continue
        entry = found.setdefault(
            e.value, (c.value, dt.date.fromisoformat(lo.value), dt.date.fromisoformat(hi.value), set())
        )
        entry[3].add(state.value)
    out = []
    for event, (code, earliest, latest, states) in found.items():
        ordered = sorted(states)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                out.append(Report(event, code, earliest, latest, (a, b)))
    return out


def compare(
    run: Runner,
    dataset: str,
    *,
    dyad: tuple[str, str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Agreement]:
    """The agreements and the reports of one side only, by dyad, period and date."""
    (name,) = chosen([dataset]) or {dataset}
    if name == ARTICLES:
        raise ValueError("compare the articles with an imported dataset: gdelt, icews, polecat or ftm")
    wanted = tuple(sorted(dyad)) if dyad else None
    mine = [r for r in reports(run, ARTICLES, since, until) if wanted is None or r.dyad == wanted]
    theirs = [r for r in reports(run, name, since, until) if wanted is None or r.dyad == wanted]
    return sorted(match(mine, theirs), key=lambda a: (a.dyad, a.earliest, a.status, a.root))


def match(mine: Iterable[Report], theirs: Iterable[Report]) -> list[Agreement]:
    """One-to-one matching by dyad and root: each article report takes the earliest free dataset report
    whose window overlaps its own."""
    pool: dict[tuple[tuple[str, str], str], list[Report]] = {}
    for r in sorted(theirs, key=lambda r: (r.earliest, r.event)):
        pool.setdefault((r.dyad, r.root), []).append(r)
    used: set[tuple[str, tuple[str, str]]] = set()
    out = []
    for r in sorted(mine, key=lambda r: (r.earliest, r.event)):
        partner = next(
            (
                t
                for t in pool.get((r.dyad, r.root), [])
                if (t.event, t.dyad) not in used and t.earliest <= r.latest and r.earliest <= t.latest
            ),
            None,
        )
        if partner is not None:
            used.add((partner.event, partner.dyad))
            lo, hi = max(r.earliest, partner.earliest), min(r.latest, partner.latest)
            out.append(Agreement(r.dyad, _month(lo), "both", r.root, r.event, partner.event, lo, hi))
        else:
            out.append(Agreement(r.dyad, _month(r.earliest), ARTICLES, r.root, r.event, None, r.earliest, r.latest))
    for group in pool.values():
        for t in group:
            if (t.event, t.dyad) not in used:
                out.append(
                    Agreement(t.dyad, _month(t.earliest), "dataset", t.root, None, t.event, t.earliest, t.latest)
                )
    return out


def _month(d: dt.date) -> str:
    return d.isoformat()[:7]
