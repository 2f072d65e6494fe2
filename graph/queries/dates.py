"""Dates for lookups: periods at day, month or year precision, and events' date windows.

An event has a window ``[earliest, latest]`` (``dip:dateEarliest``/``dip:dateLatest``); a filter
``since``/``until`` keeps the events whose whole window lies inside the period, so an event known
only to the month counts in that month but not from the middle of it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

DateLike = str | dt.date
PERIODS = ("day", "week", "month", "quarter", "year")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_period(value: DateLike) -> tuple[dt.date, dt.date]:
    """First and last day of ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (or of a date).

    Example:
        >>> parse_period("2026-02")
        (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
        >>> parse_period("2025")[1]
        datetime.date(2025, 12, 31)
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value
    m = _PERIOD.match(str(value).strip())
    if not m:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            d = dt.date(year, int(month or 1), int(day))
            return d, d
        if month is not None:
            first = dt.date(year, int(month), 1)
            return first, dt.date(year, int(month), calendar.monthrange(year, int(month))[1])
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a calendar date") from exc
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def bounds(since: DateLike | None, until: DateLike | None) -> tuple[dt.date | None, dt.date | None]:
    """``since`` -> the first day of its period, ``until`` -> the last day of its period.

    Example:
        >>> bounds("2026-01", "2026-01")
        (datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
    """
    lo = parse_period(since)[0] if since is not None else None
    hi = parse_period(until)[1] if until is not None else None
    return lo, hi


def within(earliest: dt.date | None, latest: dt.date | None, lo: dt.date | None, hi: dt.date | None) -> bool:
    """Whether a window lies inside ``[lo, hi]`` (open ends allowed); unknown windows never do
    once a bound is set.

    Example:
        >>> within(dt.date(2025, 10, 1), dt.date(2025, 10, 31), *bounds("2025-10-15", None))
        False
    """
    if lo is None and hi is None:
        return True
    if earliest is None or latest is None:
        return False
    return (lo is None or earliest >= lo) and (hi is None or latest <= hi)


def period_key(earliest: dt.date | None, latest: dt.date | None, by: str) -> str | None:
    """The period (``2026-01``, ``2026-Q1``, ``2026``, ``2026-W02``, ``2026-01-07``) a window falls in,
    or None when it spans more than one.

    Example:
        >>> period_key(dt.date(2025, 10, 1), dt.date(2025, 10, 31), "month")
        '2025-10'
        >>> period_key(dt.date(2025, 10, 1), dt.date(2026, 1, 15), "month") is None
        True
    """
    if earliest is None or latest is None:
        return None
    keys = {_key(earliest, by), _key(latest, by)}
    return keys.pop() if len(keys) == 1 else None


def _key(d: dt.date, by: str) -> str:
    if by == "day":
        return d.isoformat()
    if by == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{d.year}-{d.month:02d}"
    if by == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if by == "year":
        return str(d.year)
    raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")


def to_date(value: str | None) -> dt.date | None:
    """An ``xsd:date`` (or ``xsd:dateTime``) lexical form as a date; None when absent or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
