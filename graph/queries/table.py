"""Every event of the store at once, without evidence, from the triples: the whole-graph read when
some graph has no digests (:mod:`graph.queries.digests` is the fast one).

Reading a large store costs per term read out of it, not per pattern matched. So the whole-store
table is six flat or grouped queries (``lookup/table_*``) whose cells are mostly short literals
(CAMEO codes, dates, numbers), read as plain values (:meth:`Store.select_values`) and run two at a
time when the store allows (Oxigraph frees the GIL while it works). The rows are joined here by
event IRI into the same :class:`Relation` records that the per-event lookups return.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from graph.queries.modalities import modality_rank
from graph.queries.records import ActorRef, Relation
from graph.store.base import Term, ValueRows

TABLE_QUERIES = ("table_roles", "table_dates", "table_types", "table_sources", "table_modalities", "table_scheduled")
TOP, BOTTOM = "9999-12-31", "0001-01-01"  # the sentinels of lookup/table_dates for "no value"
PLAIN = {len(TOP)}  # the lengths of the date columns when every value is a plain xsd:date
UNITS = {"3": "day", "2": "month", "1": "year"}
ROLES = {"1": 0, "2": 1, "3": 2}  # actor, target, participant

ValuesRunner = Callable[[str, Mapping[str, object]], ValueRows]
"""Runs a named lookup with parameters and returns its plain rows."""


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects (rows, records,
    edges): otherwise it walks every object already built, again and again (a third of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_tables(run: ValuesRunner, *, concurrent: bool) -> dict[str, ValueRows]:
    """The rows of every ``lookup/table_*`` query, two at a time when ``concurrent``."""
    return _parallel({name: (name, {}) for name in TABLE_QUERIES}, run, concurrent)


def read_properties(
    run: ValuesRunner, properties: Mapping[str, str], *, concurrent: bool
) -> dict[str, set[tuple[str, str]]]:
    """(subject, value) pairs of each property (``lookup/property_values``), keyed like ``properties``,
    de-duplicated; two scans at a time when ``concurrent``."""
    calls = {key: ("property_values", {"property": Term.uri(iri)}) for key, iri in properties.items()}
    return {key: {(row[0], row[1]) for row in rows.rows} for key, rows in _parallel(calls, run, concurrent).items()}


def _parallel(
    calls: Mapping[str, tuple[str, Mapping[str, object]]], run: ValuesRunner, concurrent: bool
) -> dict[str, ValueRows]:
    if not concurrent:
        return {key: run(name, params) for key, (name, params) in calls.items()}
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="diplograph-table") as pool:
        futures = {key: pool.submit(run, name, params) for key, (name, params) in calls.items()}
        return {key: future.result() for key, future in futures.items()}


class EventTable:
    """Assembles :class:`Relation` records from the ``lookup/table_*`` rows.

    ``kind(code_or_iri)`` gives an event type's (code, label, root, quad class, Goldstein);
    ``ref(iri)`` an actor reference; ``day(text)`` a date. ``unreadable`` lists the events whose date
    columns hold something other than plain ``xsd:date`` values (a ``dateTime``, a blank left by a
    store that could not compare them): callers re-read those one by one.
    """

    def __init__(
        self,
        kind: Callable[[str], tuple[str | None, str | None, str | None, int | None, float | None]],
        ref: Callable[[str], ActorRef],
        day: Callable[[str], dt.date | None],
    ) -> None:
        self.kind = kind
        self.ref = ref
        self.day = day
        self.unreadable: set[str] = set()

    def relations(self, tables: dict[str, ValueRows]) -> list[Relation]:
        # rows repeat once per graph that states them: de-duplicate in C before looping in Python
        roles: dict[str, tuple[list[str], list[str], list[str]]] = {}
        for event, role, actor in set(tables["table_roles"].rows):
            slot = ROLES.get(role)
            if slot is not None and actor:
                found = roles.get(event)
                if found is None:
                    found = roles[event] = ([], [], [])
                found[slot].append(actor)
        refs = {iri: self.ref(iri) for iri in {row[2] for row in tables["table_roles"].rows}}
        dates = {row[0]: row[1:] for row in tables["table_dates"].rows}
        kinds = {code: self.kind(code) for code in {row[1] for row in tables["table_types"].rows}}
        types = {event: kinds[code] for event, code in tables["table_types"].rows}
        sources = {event: (n, c) for event, n, c in tables["table_sources"].rows}
        modalities: dict[str, set[str]] = {}
        for event, modality in tables["table_modalities"].rows:
            modalities.setdefault(event, set()).add(modality.rsplit("/", 1)[-1])
        stances = {m: tuple(sorted(m, key=modality_rank)) for m in {frozenset(m) for m in modalities.values()}}
        scheduled = {row[0] for row in tables["table_scheduled"].rows}
        untyped = (None, None, None, None, None)
        no_roles: tuple[list[str], list[str], list[str]] = ([], [], [])
        planned, no_window = ("planned",), (None, None, None, None)
        out = []
        for event in sorted(roles.keys() | dates.keys() | types.keys()):
            row = dates.get(event)
            date, earliest, latest, precision = self._window(event, row) if row is not None else no_window
            cameo, label, root, quad_class, goldstein = types.get(event, untyped)
            n, confidence = sources.get(event, ("0", ""))
            stated = modalities.get(event)
            actors, targets, participants = roles.get(event, no_roles)
            out.append(
                Relation(
                    event,
                    cameo,
                    label,
                    root,
                    quad_class,
                    goldstein,
                    refs_of(actors, refs),
                    refs_of(targets, refs),
                    refs_of(participants, refs),
                    date,
                    earliest,
                    latest,
                    precision,
                    stances[frozenset(stated)] if stated else planned if event in scheduled else (),
                    int(n) if n.isdigit() else 0,
                    confidence_of(confidence),
                )
            )
        return out

    def _window(
        self, event: str, row: tuple[str, ...]
    ) -> tuple[dt.date | None, dt.date | None, dt.date | None, str | None]:
        window = date_window(row, self.day)
        if window is None:
            self.unreadable.add(event)
            return None, None, None, None
        return window


def date_window(
    row: tuple[str, ...], day: Callable[[str], dt.date | None]
) -> tuple[dt.date | None, dt.date | None, dt.date | None, str | None] | None:
    """(date, earliest, latest, precision) from the extremes of an event's date values, by the rules of
    the per-event lookups: the tightest window the sources agree on, or their whole span when their
    windows do not meet. ``row`` is a ``lookup/table_dates`` row without the event; None when a value is
    not a plain ``xsd:date`` (the extremes may then be off: read the event one by one instead)."""
    if set(map(len, row[:6])) != PLAIN:
        return None
    d_min, d_max, lo_min, lo_max, hi_min, hi_max, unit_min, unit_max = row
    earliest = day(lo_max) if lo_max != BOTTOM else None
    latest = day(hi_min) if hi_min != TOP else None
    if earliest and latest and earliest > latest:
        earliest, latest = day(lo_min), day(hi_max)
    single = day(d_min) if d_min != TOP and d_min == d_max else None
    date = earliest if earliest and earliest == latest else single
    precision = "day" if date else (UNITS.get(unit_min) if unit_min == unit_max else None)
    return date, earliest, latest, precision


def confidence_of(text: str) -> float | None:
    """A confidence from ``lookup/event_summary`` or ``lookup/table_sources``, where -1 means none.

    Example:
        >>> confidence_of("0.85"), confidence_of("-1"), confidence_of("")
        (0.85, None, None)
    """
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and value >= 0 else None


def refs_of(iris: list[str], refs: Mapping[str, ActorRef]) -> tuple[ActorRef, ...]:
    if not iris:
        return ()
    if len(iris) == 1:
        return (refs[iris[0]],)
    return tuple(refs[i] for i in sorted(iris))
