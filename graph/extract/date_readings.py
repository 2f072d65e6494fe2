"""A matched date phrase resolved to ranges: its default reading, the past and future ones, days after."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from graph.extract.date_patterns import NUMBER_WORDS, WEEKDAYS, _group, _month
from graph.model import DateRange

Get = Callable[[str], str | None]  # a named group of the match being resolved
Readings = tuple[DateRange | None, DateRange | None, DateRange | None, bool, int | None]
_AFTER_DAYS = {
    "next": 1,
    "following": 1,
    "previous": -1,
    "preceding": -1,
    "earlier": 0,
    "later": 0,
    "that": 0,
    "same": 0,
}


@dataclass
class _Context:
    published: date | None  # publication date, or the dateline's: anchors every relative date
    anchor: date | None  # published, else the latest full date of the text: anchors yearless dates
    day: date | None  # published, else the stand-in day (:func:`_stand_in`): anchors weekdays
    year: int | None = None  # the last explicit year seen, for yearless dates without an anchor


def _closest_year(month: int, day: int, anchor: date) -> int:
    best = anchor.year
    best_gap = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = min(day, calendar.monthrange(y, month)[1])
        gap = abs((date(y, month, d) - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _resolve(m: re.Match[str], kind: str, ctx: _Context) -> Readings:
    """(default range, past reading, future reading, since, days after the previous event)."""

    def g(name: str) -> str | None:
        return _group(m, kind, name)

    if kind in ("iso", "mdy", "dmy"):
        month = int(g("m") or 0) if kind == "iso" else _month(g("mon") or "")
        d = date(int(g("y") or 0), month, int(g("d") or 0))
        ctx.year = d.year
        return DateRange.day(d), None, None, False, None
    if kind == "my":
        y = int(g("y") or 0)
        ctx.year = y
        return DateRange.month(y, _month(g("mon") or "")), None, None, False, None
    if kind == "yrange":
        y1, y2 = int(g("y1") or 0), int(g("y") or 0)
        ctx.year = y2
        return DateRange.between(date(y1, 1, 1), date(y2, 12, 31)), None, None, False, None
    if kind in ("rmd", "rdm"):
        return _range(g, ctx)
    if kind in ("md", "dm", "mon"):
        return _partial(g, kind, ctx)
    if kind == "year":
        y = int(g("y") or 0)
        ctx.year = y
        return DateRange.year(y), None, None, (g("ymod") or "").lower() == "since", None
    if kind == "after":
        return None, None, None, False, _after(g)
    if kind == "wd":
        return _weekday(g, ctx)
    if ctx.published is None:
        return None, None, None, False, None
    return _relative(m, kind, ctx.published), None, None, False, None


def _readings(month: int, day: int, ctx: _Context, mod: str = "") -> tuple[int, int, int] | None:
    """Years of a yearless date (``day`` 0: the whole month): closest to the anchor, last one up to it,
    first one from it."""
    if ctx.anchor is None:
        return (ctx.year, ctx.year, ctx.year) if ctx.year else None
    a = ctx.anchor
    year = _closest_year(month, day or 1, a)
    if mod == "last" and date(year, month, 1) > a:
        year -= 1
    if mod == "next" and date(year, month, 1) <= a:
        year += 1
    if mod in ("last", "next", "since") or ctx.published is None:
        return year, year, year  # a stand-in anchor (the latest date in the text) is no "now" to be before
    last_day = calendar.monthrange(a.year, month)[1]
    first, last = (
        (date(a.year, month, min(day, last_day)),) * 2
        if day
        else (date(a.year, month, 1), date(a.year, month, last_day))
    )
    return year, a.year if first <= a else a.year - 1, a.year if last >= a else a.year + 1


def _partial(get: Get, kind: str, ctx: _Context) -> Readings:
    month = _month(get("mon") or "")
    mod = (get("mmod") or "").lower()
    if kind == "mon" and mod in ("may",):
        return None, None, None, False, None
    day = int(get("d") or 0) if kind != "mon" else 0
    years = _readings(month, day, ctx, mod)
    if years is None:
        return None, None, None, mod == "since", None

    def make(y: int) -> DateRange:
        return DateRange.month(y, month) if kind == "mon" else DateRange.day(date(y, month, day))

    rng, past, future = (make(y) for y in years)
    return rng, _other(past, rng), _other(future, rng), mod == "since", None


def _range(get: Get, ctx: _Context) -> Readings:
    named = get("mon") or get("mon1") or ""
    month1, month2 = _month(get("mon1") or named), _month(named)
    d1, d2 = int(get("d1") or 0), int(get("d") or 0)
    if get("y"):
        years: tuple[int, ...] | None = (int(get("y") or 0),) * 3
        ctx.year = years[0] if years else None
    else:
        years = _readings(month1, d1, ctx)
    if years is None:
        return None, None, None, False, None

    def make(y: int) -> DateRange:
        first = date(y, month1, d1)
        last = date(y + (month2 < month1), month2, d2)
        if last <= first:
            raise ValueError("a range that ends before it starts")
        return DateRange.between(first, last)

    rng, past, future = (make(y) for y in years)
    return rng, _other(past, rng), _other(future, rng), False, None


def _other(reading: DateRange, default: DateRange) -> DateRange | None:
    return None if reading == default else reading


def _weekday(get: Get, ctx: _Context) -> Readings:
    anchor = ctx.day
    if anchor is None:
        return None, None, None, False, None
    wd = WEEKDAYS[(get("wd") or "").lower()]
    mod = (get("wdmod") or "").lower()
    back = (anchor.weekday() - wd) % 7
    if mod == "last" and back == 0:
        back = 7
    ahead = (wd - anchor.weekday()) % 7
    if mod == "next":
        nxt = DateRange.day(anchor + timedelta(days=ahead or 7))
        return nxt, None, None, False, None
    past = DateRange.day(anchor - timedelta(days=back))
    future = None if mod in ("last", "since") else DateRange.day(anchor + timedelta(days=ahead))
    return past, None, _other(future, past) if future else None, mod == "since", None


def _after(get: Get) -> int | None:
    n_text = (get("n") or "").lower()
    if n_text:
        n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text)
        if not n:
            return None
        return n * (7 if (get("unit") or "").startswith("week") else 1)
    words = (get("after") or "").lower().split()
    return next((_AFTER_DAYS[w] for w in words if w in _AFTER_DAYS), None)


def _relative(m: re.Match[str], kind: str, pub: date) -> DateRange | None:
    rel = (_group(m, kind, "rel") or "").lower()
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return DateRange.day(pub)
    if rel in ("yesterday", "last night", "last evening"):
        return DateRange.day(pub - timedelta(days=1))
    if rel == "tomorrow":
        return DateRange.day(pub + timedelta(days=1))
    if rel == "overnight":  # the night before the report: the day before or the day itself
        return DateRange.between(pub - timedelta(days=1), pub)
    last_month = pub.replace(day=1) - timedelta(days=1)
    monday = pub - timedelta(days=pub.weekday())
    week = timedelta(days=7)
    table = {
        "this week": DateRange.between(monday, monday + timedelta(days=6)),
        "last week": DateRange.between(monday - week, monday - timedelta(days=1)),
        "past week": DateRange.between(pub - week, pub),
        "next week": DateRange.between(monday + week, monday + timedelta(days=13)),
        "last weekend": DateRange.between(monday - timedelta(days=2), monday - timedelta(days=1)),
        # "over the weekend": the one before a weekday's article, the article's own at a weekend
        "over the weekend": _weekend(pub),
        "at the weekend": _weekend(pub),
        "during the weekend": _weekend(pub),
        "this month": DateRange.month(pub.year, pub.month),
        "earlier this month": DateRange.between(pub.replace(day=1), pub),
        "earlier this week": DateRange.between(pub - timedelta(days=pub.weekday()), pub),
        "earlier this year": DateRange.between(pub.replace(month=1, day=1), pub),
        "last month": DateRange.month(last_month.year, last_month.month),
        "past month": DateRange.between(pub - timedelta(days=31), pub),
        "next month": DateRange.month(pub.year + pub.month // 12, pub.month % 12 + 1),
        "this year": DateRange.year(pub.year),
        "last year": DateRange.year(pub.year - 1),
        "past year": DateRange.between(pub - timedelta(days=366), pub),
        "next year": DateRange.year(pub.year + 1),
    }
    if rel in table:
        return table[rel]
    n_text = (_group(m, kind, "n") or "").lower()
    unit = (_group(m, kind, "unit") or "").rstrip("s")
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text)
    if not n or not unit:
        return None
    if unit == "day":
        return DateRange.day(pub - timedelta(days=n))
    if unit == "week":
        mid = pub - timedelta(days=7 * n)
        return DateRange.between(mid - timedelta(days=3), mid + timedelta(days=3))
    if unit == "month":
        month_index = pub.year * 12 + pub.month - 1 - n
        return DateRange.month(month_index // 12, month_index % 12 + 1)
    return DateRange.year(pub.year - n)


def _weekend(pub: date) -> DateRange:
    """The weekend an article of ``pub`` means by "the weekend": its own, else the last one."""
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    return DateRange.between(saturday, saturday + timedelta(days=1))
