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
from collections.abc import Iterable

from graph.errors import QueryError
from graph.queries.dates import DateLike, bounds, within
from graph.queries.records import Relation
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


def keep(
    rows: Iterable[Relation],
    lo: dt.date | None,
    hi: dt.date | None,
    types: Iterable[str] | str | None,
    modality: Iterable[str] | str | None,
    include_planned: bool,
) -> list[Relation]:
    codes = _codes(types)
    wanted = {m.rsplit("/", 1)[-1].removeprefix("mod:") for m in _codes(modality) or ()} if modality else None
    out = []
    for r in rows:
        if not within(r.earliest, r.latest, lo, hi):
            continue
        if codes is not None and not (r.cameo and r.cameo.startswith(codes)):
            continue
        if wanted is not None and not wanted & set(r.modalities):
            continue
        if wanted is None and not include_planned and not r.happened:
            continue
        out.append(r)
    return out


def by_date(r: Relation) -> tuple[dt.date, dt.date, str, str]:
    return (r.earliest or dt.date.max, r.latest or dt.date.max, r.cameo or "", r.event)
