"""ICEWS coded event files (tab-separated, with their header).

``Source Name``/``Source Country``/``Source Sectors`` and ``Target …`` are the actor and the target
(:meth:`graph.importers.actors.ActorCodes.named`); ``CAMEO Code`` the event type (a code that lost
its leading zero, ``42`` for ``042``, is read with it); ``Event Date`` the day. ``Event ID`` is not
unique in ICEWS (some ids occur twice with different dates), so events are keyed on the id and the
date. ``Intensity`` is not kept: Goldstein values come from the CAMEO scheme, as for every event.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from graph.importers.actors import actor_codes
from graph.importers.base import Problem, Reader, Record
from graph.importers.gdelt import event_record
from graph.importers.tabular import rows
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
    for item in rows(lines, REQUIRED, "ICEWS"):
        if isinstance(item, Problem):
            yield item
            continue
        n, row = item
        event_id = row["Event ID"]
        if not event_id:
            yield Problem(n, "no Event ID")
            continue
        day = parse_day(row["Event Date"])
        if day is None:
            yield Problem(n, f"Event Date {row['Event Date'][:20]!r} is not a date YYYY-MM-DD")
            continue
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


def parse_day(text: str) -> date | None:
    """``2026-01-04`` or ``20260104``."""
    text = text.strip()
    digits = text.replace("-", "")
    if len(digits) != 8 or not digits.isdigit() or (text != digits and len(text) != 10):
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def cameo_code(text: str, codes: object) -> str | None:
    """The scheme's code for a CAMEO code as a file writes it (with its leading zero restored)."""
    text = text.strip()
    assert isinstance(codes, dict)
    for candidate in (text, "0" + text):
        if candidate and candidate in codes:
            return candidate
    return None
