"""Filters and conversions shared by the lookups: periods, event filters, date order, result values.

Example:
    >>> from graph.queries.records import Relation
    >>> r = Relation("e", "138", None, "13", 3, -7.0, (), (), (), None, dt.date(2026, 1, 4), dt.date(2026, 1, 4),
    ...              "day", ("asserted",), 1, None)
    >>> [len(keep([r], *period_bounds("2026-01", None), types, None, False)) for types in (["13"], ["04"])]
    [1, 0]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from graph.errors import QueryError
from graph.queries.dates import DateLike, bounds, within
from graph.queries.modalities import happened
from graph.queries.records import EventParts, Relation, Window
from graph.store.base import Term

XSD = "http://www.w3.org/2001/XMLSchema#"


def python_value(t: Term | None) -> object:
    """A result term as a plain Python value: numbers, booleans and dates typed, the rest as text.

    Example:
        >>> python_value(Term.literal("3", "http://www.w3.org/2001/XMLSchema#integer"))
        3
    """
    if t is None:
        return None
    if t.kind != "literal" or not t.datatype:
        return t.value
    local = t.datatype.removeprefix(XSD)
    try:
        if local in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"):
            return int(t.value)
        if local in ("decimal", "double", "float"):
            return float(t.value)
        if local == "boolean":
            return t.value in ("true", "1")
        if local == "date":
            return dt.date.fromisoformat(t.value)
    except ValueError:
        return t.value
    return t.value


def period_bounds(since: DateLike | None, until: DateLike | None) -> tuple[dt.date | None, dt.date | None]:
    try:
        return bounds(since, until)
    except ValueError as exc:
        raise QueryError(str(exc), where="since/until", hint="write dates as YYYY-MM-DD, YYYY-MM or YYYY") from exc


def node_iri(ref: str) -> str:
    from graph.queries.resolve import expand

    iri = expand(ref.strip())
    if iri is None:
        raise QueryError(f"{ref!r} is not an IRI", hint="give the node's IRI or a CURIE such as dipd:seed-ev-call")
    return iri


def _codes(types: Iterable[str] | str | None) -> tuple[str, ...] | None:
    if types is None:
        return None
    items = [types] if isinstance(types, str) else list(types)
    return tuple(t.strip().rsplit("/", 1)[-1].removeprefix("cameo:") for t in items if t.strip())


EventFilter = Callable[[dt.date | None, dt.date | None, str | None, tuple[str, ...]], bool]
"""Whether an event passes, given its earliest and latest dates, CAMEO code and modalities."""


def event_filter(
    lo: dt.date | None,
    hi: dt.date | None,
    types: Iterable[str] | str | None,
    modality: Iterable[str] | str | None,
    include_planned: bool,
) -> EventFilter:
    """The test :func:`keep` applies to each event: inside ``[lo, hi]``, of one of ``types`` (CAMEO
    codes or their prefixes), with one of the ``modality`` values, and (when no modality is asked
    for) something that happened unless ``include_planned``.

    Example:
        >>> passes = event_filter(None, None, ["04"], None, False)
        >>> passes(None, None, "042", ("asserted",)), passes(None, None, "042", ("planned",))
        (True, False)
    """
    codes = _codes(types)
    wanted = {m.rsplit("/", 1)[-1].removeprefix("mod:") for m in _codes(modality) or ()} if modality else None

    def passes(
        earliest: dt.date | None, latest: dt.date | None, cameo: str | None, modalities: tuple[str, ...]
    ) -> bool:
        if not within(earliest, latest, lo, hi):
            return False
        if codes is not None and not (cameo and cameo.startswith(codes)):
            return False
        if wanted is not None:
            return bool(wanted.intersection(modalities))
        return include_planned or happened(modalities)

    return passes


def keep(
    rows: Iterable[Relation],
    lo: dt.date | None,
    hi: dt.date | None,
    types: Iterable[str] | str | None,
    modality: Iterable[str] | str | None,
    include_planned: bool,
) -> list[Relation]:
    passes = event_filter(lo, hi, types, modality, include_planned)
    return [r for r in rows if passes(r.earliest, r.latest, r.cameo, r.modalities)]


def keep_parts(
    parts: Sequence[EventParts],
    lo: dt.date | None,
    hi: dt.date | None,
    types: Iterable[str] | str | None,
    modality: Iterable[str] | str | None,
    include_planned: bool,
) -> list[EventParts]:
    """:func:`keep` for :data:`EventParts`: the verdict is worked out once per distinct (window, code,
    modalities), which events share."""
    passes = event_filter(lo, hi, types, modality, include_planned)
    if lo is None and hi is None and types is None:  # the verdict depends on the modalities alone
        by_stances = {p[6]: False for p in parts}
        for stances in by_stances:
            by_stances[stances] = passes(None, None, None, stances)
        return [p for p in parts if by_stances[p[6]]]
    verdicts: dict[tuple[Window, str | None, tuple[str, ...]], bool] = {}
    out = []
    for p in parts:
        key = (p[5], p[1][0], p[6])
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = passes(p[5][1], p[5][2], p[1][0], p[6])
        if verdict:
            out.append(p)
    return out


def by_date(r: Relation) -> tuple[dt.date, dt.date, str, str]:
    return (r.earliest or dt.date.max, r.latest or dt.date.max, r.cameo or "", r.event)


def parts_by_date(p: EventParts) -> tuple[dt.date, dt.date, str, str]:
    """:func:`by_date` for :data:`EventParts`."""
    window = p[5]
    return (window[1] or dt.date.max, window[2] or dt.date.max, p[1][0] or "", p[0])
