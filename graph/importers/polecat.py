"""POLECAT weekly event files (tab-separated, with their header; PLOVER-coded).

``Event Type`` and ``Event Mode`` give the CAMEO concept through the PLOVER crosswalk of the schemes
(:mod:`graph.importers.plover`); ``Actor Name``/``Actor Country`` (ISO alpha-3) and ``Recipient …``
the actor and the target, with ``Wikipedia Actor ID``/``Wikipedia Recipient ID`` kept as the Wikidata
QID when they are one; ``Event Date`` the day; ``Event ID`` keys the event. The known faults of the
published files (extra header names, excess tabs, broken lines) are handled by
:mod:`graph.importers.tabular`.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.importers.actors import actor_codes
from graph.importers.base import Problem, Reader, Record
from graph.importers.gdelt import event_record
from graph.importers.plover import cameo_for
from graph.importers.tabular import dated_rows
from graph.model import DateRange
from graph.store.base import Store

REQUIRED = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Actor Name",
    "Actor Country",
    "Recipient Name",
    "Recipient Country",
)


def reader(store: Store | None = None) -> Reader:
    """The POLECAT reader (it needs nothing from the store)."""
    return read


def read(lines: Iterator[tuple[int, str]], name: str) -> Iterator[Record | Problem]:
    actors = actor_codes()
    for item in dated_rows(lines, REQUIRED, "POLECAT"):
        if isinstance(item, Problem):
            yield item
            continue
        n, row, event_id, day = item
        kind, mode = row["Event Type"], row.get("Event Mode", "")
        cameo = cameo_for(kind, mode)
        if cameo is None:
            yield Problem(n, f"Event Type {kind[:20]!r} is not a PLOVER type the crosswalk maps to CAMEO")
            continue
        source = actors.named(
            row["Actor Name"], row["Actor Country"], row.get("Actor Sectors", ""), row.get("Wikipedia Actor ID", "")
        )
        target = actors.named(
            row["Recipient Name"],
            row["Recipient Country"],
            row.get("Recipient Sectors", ""),
            row.get("Wikipedia Recipient ID", ""),
        )
        record = event_record(n, "polecat", event_id, cameo, source, target, DateRange.day(day))
        yield record if record is not None else Problem(n, "neither actor is known", bad=False)
