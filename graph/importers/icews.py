"""ICEWS coded event files (tab-separated, with their header).

``Source Name``/``Source Country``/``Source Sectors`` and ``Target …`` are the actor and the target
(:meth:`graph.importers.actors.ActorCodes.named`); ``CAMEO Code`` the event type (a code that lost
its leading zero, ``42`` for ``042``, is read with it); ``Event Date`` the day. ``Event ID`` is not
unique in ICEWS (some ids occur twice with different dates), so events are keyed on the id and the
date. ``Intensity`` is not kept: Goldstein values come from the CAMEO scheme, as for every event.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.importers.actors import actor_codes
from graph.importers.base import Problem, Reader, Record
from graph.importers.gdelt import event_record
from graph.importers.tabular import dated_rows
from graph.model import DateRange
from graph.store.base import Store

REQUIRED = ("Event ID", "Event Date", "Source Name", "Source Country", "CAMEO Code", "Target Name", "Target Country")


def reader(store: Store | None = None) -> Reader:
    """The ICEWS reader (it needs nothing from the store)."""
    return read


def read(lines: Iterator[tuple[int, str]], name: str) -> Iterator[Record | Problem]:
    from graph.ontology import cameo_types

    codes = cameo_types()
    actors = actor_codes()
    for item in dated_rows(lines, REQUIRED, "ICEWS"):
        if isinstance(item, Problem):
            yield item
            continue
        n, row, event_id, day = item
        cameo = cameo_code(row["CAMEO Code"], codes)
        if cameo is None:
            yield Problem(n, f"CAMEO Code {row['CAMEO Code'][:10]!r} is not a code of the scheme")
            continue
        source = actors.named(row["Source Name"], row["Source Country"], row.get("Source Sectors", ""))
        target = actors.named(row["Target Name"], row["Target Country"], row.get("Target Sectors", ""))
        record = event_record(
            n, "icews", event_id, cameo, source, target, DateRange.day(day), key_parts=(event_id, day.isoformat())
        )
        yield record if record is not None else Problem(n, "neither actor is known", bad=False)


def cameo_code(text: str, codes: object) -> str | None:
    """The scheme's code for a CAMEO code as a file writes it (with its leading zero restored)."""
    text = text.strip()
    assert isinstance(codes, dict)
    for candidate in (text, "0" + text):
        if candidate and candidate in codes:
            return candidate
    return None
