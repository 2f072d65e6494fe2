"""Events from the rows of the per-event lookups, which pack each event's facts into one text
(``lookup/event_facts``, ``lookup/event_summary``): the read from the triples, and the reference the
digest reads are held to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from graph.queries.claims import ClaimInfo
from graph.queries.event_types import TypeTable
from graph.queries.modalities import modality_rank
from graph.queries.records import ActorRef, Evidence, Relation
from graph.queries.table import confidence_of

Summary = tuple[int, float | None, list[str]]
"""Number of source documents, highest confidence and modalities of the claims about an event."""
PRECISION = {"unitDay": "day", "unitMonth": "month", "unitYear": "year"}
SCHEDULED = "https://schema.org/EventScheduled"


def relation_of(
    e: str,
    f: dict[str, list[str]],
    summary: Summary,
    claims: list[ClaimInfo],
    cited: dict[str, Evidence],
    *,
    table: TypeTable,
    day: Callable[[str], dt.date | None],
    ref: Callable[[str], ActorRef],
) -> Relation:
    """The event ``e`` from its facts as ``lookup/event_facts`` packs them (``f``: values by key), the
    summary of its claims (:func:`summary_of`), its claims and their evidence by claim."""
    types = [table.get(t) for t in f.get("type", ())]
    t = min(types, key=lambda t: (t.code or "~", t.iri)) if types else None
    lows = [d for d in map(day, f.get("earliest", ())) if d]
    highs = [d for d in map(day, f.get("latest", ())) if d]
    earliest, latest = (max(lows) if lows else None), (min(highs) if highs else None)
    if earliest and latest and earliest > latest:  # the sources' windows do not meet: keep their span
        earliest, latest = min(lows), max(highs)
    days = {d for d in map(day, f.get("date", ())) if d}
    date = earliest if earliest and earliest == latest else (next(iter(days)) if len(days) == 1 else None)
    units = {PRECISION[u] for p in f.get("precision", ()) if (u := p.rsplit("#", 1)[-1]) in PRECISION}
    precision = "day" if date else (units.pop() if len(units) == 1 else None)
    sources, confidence, modalities = summary
    if not modalities and SCHEDULED in f.get("status", ()):
        modalities = ["planned"]

    def refs(key: str) -> tuple[ActorRef, ...]:
        values = f.get(key)
        if not values:
            return ()
        # dict.fromkeys: a person and the other name it is read as (graph.identity) are one side
        return tuple(dict.fromkeys(ref(i) for i in (values if len(values) == 1 else sorted(set(values)))))

    return Relation(
        event=e,
        cameo=t.code if t else None,
        label=t.label if t else None,
        root=t.root if t else None,
        quad_class=t.quad_class if t else None,
        goldstein=t.goldstein if t else None,
        actors=refs("actor"),
        targets=refs("target"),
        participants=refs("participant"),
        date=date,
        earliest=earliest,
        latest=latest,
        precision=precision,
        modalities=tuple(sorted(set(modalities), key=modality_rank)),
        sources=sources,
        confidence=confidence,
        evidence=tuple(cited[c.claim] for c in claims if c.claim in cited),
    )


def summary_of(f: dict[str, list[str]], claims: list[ClaimInfo] | None = None) -> Summary:
    """Sources (documents), highest confidence and modalities: from the claims, or from the packed summary."""
    if claims is not None:
        confidences = [c.confidence for c in claims if c.confidence is not None]
        return len({c.source for c in claims}), max(confidences) if confidences else None, [c.modality for c in claims]
    sources = f.get("sources", ["0"])[0]
    return int(sources) if sources.isdigit() else 0, confidence_of(f.get("confidence", [""])[0]), f.get("modality", [])
