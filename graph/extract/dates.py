"""Dates in text -> :class:`~graph.model.DateRange` with precision and bounds.

Handles absolute dates ("February 3, 2026", "3 February 2026", "2026-02-03"), partial ones
("January 4", "in October", "October 2025", "in 2022") whose year comes from the publication
date or, without one, from the nearest explicit year earlier in the article, and relative ones
("yesterday", "on Tuesday", "last month", "next week", "three days ago") anchored on the
publication date. Without a publication date, partial dates take the year closest to the latest
date the article gives in full, and relative dates stay unresolved. Pure Python over the text: it
works with or without a trained pipeline.

Example:
    >>> from datetime import date
    >>> found = scan("Trump spoke on January 4, 2026. On January 7 they met.", None)
    >>> [(d.text, d.range.iso()) for d in found]
    [('January 4, 2026', '2026-01-04'), ('January 7', '2026-01-07')]
    >>> [d.range.iso() for d in scan("They met on Tuesday and last month.", date(2026, 1, 15))]
    ['2026-01-13', '2025-12']
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from graph.model import DateRange

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 3,
    "few": 3,
}

_M = (
    r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sep(?:t(?:ember)?|\.)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_PATTERNS = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("mdy", _M.format(g="mon") + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("dmy", r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M.format(g="mon") + r",?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("my", r"\b(?:(?:early|mid|late)[- ])?" + _M.format(g="mon") + r",?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b"),
    ("md", _M.format(g="mon") + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,]?\s*(?:19|20)\d\d)"),
    ("dm", r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M.format(g="mon") + r"\b"),
    (
        "rel",
        r"\b(?P<rel>(?i:yesterday|today|tomorrow|tonight|this (?:week|month|year)|(?:last|next|past) "
        r"(?:week|month|year|weekend)|earlier this (?:week|month|year)|(?P<n>\d+|an?|one|two|three|four|"
        r"five|six|seven|eight|nine|ten|several|few) (?P<unit>days?|weeks?|months?|years?) (?:ago|earlier)))\b",
    ),
    (
        "wd",
        r"\b(?:(?P<wdmod>(?i:last|next|this|on|since|by|until))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday)\b",
    ),
    (
        "mon",
        r"\b(?P<mmod>(?i:in|last|next|this|since|by|until|early|late|mid|mid-|during|a|an|the))\s*-?\s*"
        r"(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\b"
        r"(?!,?\s+(?:of\s+)?(?:19|20)\d\d)(?!\s+[0-3]?\d\b)",
    ),
    (
        "year",
        r"\b(?P<ymod>(?i:in|since|by|until|during|of|from|early|late|mid-?))\s+(?P<y>(?:19|20)\d\d)\b"
        r"(?!-\d)(?!\s*(?:percent|people|troops|tons|dollars))",
    ),
]
_SCAN = re.compile("|".join(f"(?P<_{name}>{rx.replace('(?P<', f'(?P<{name}_')})" for name, rx in _PATTERNS))


@dataclass(frozen=True)
class DateMention:
    """A date phrase: character span, text, resolved range (None if unresolvable), and role."""

    start: int
    end: int
    text: str
    range: DateRange | None
    since: bool = False  # "since 2022": the start of a state of affairs, not an event date


def _group(m: re.Match[str], kind: str, name: str) -> str | None:
    return m.group(f"{kind}_{name}") if f"{kind}_{name}" in m.re.groupindex else None


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:4] if text.lower().startswith("sept") else text.lower().rstrip(".")[:3]]


def _closest_year(month: int, day: int, anchor: date) -> int:
    best = anchor.year
    best_gap = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = min(day, calendar.monthrange(y, month)[1])
        gap = abs((date(y, month, d) - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def scan(text: str, published: date | None, *, future: bool = False) -> list[DateMention]:
    """Every date phrase in ``text``, resolved against ``published`` and the article's own years."""
    out: list[DateMention] = []
    context_year: int | None = None
    anchor = published or latest_explicit(text)
    for m in _SCAN.finditer(text):
        kind = next(k for k, _ in _PATTERNS if m.group(f"_{k}"))
        rng: DateRange | None = None
        since = False
        try:
            rng, since, year = _resolve(m, kind, published, anchor, context_year, future)
        except (ValueError, KeyError):
            continue
        if year:
            context_year = year
        start, end = m.span()
        phrase = m.group(0)
        if kind in ("wd", "mon", "year"):  # keep only the date words, not "on"/"in"
            core = _group(m, kind, "wd") or _group(m, kind, "mon") or _group(m, kind, "y") or phrase
            offset = phrase.rfind(core)
            start, end = start + offset, start + offset + len(core)
        out.append(DateMention(start, end, text[start:end], rng, since))
    return out


def latest_explicit(text: str) -> date | None:
    """The latest date the text gives with its year: a stand-in anchor when the publication date is unknown."""
    best: date | None = None
    for m in _SCAN.finditer(text):
        kind = next(k for k, _ in _PATTERNS if m.group(f"_{k}"))
        if kind not in ("iso", "mdy", "dmy", "my"):
            continue
        try:
            rng, _since, _year = _resolve(m, kind, None, None, None, False)
        except (ValueError, KeyError):
            continue
        if rng is not None and (best is None or rng.latest > best):
            best = rng.latest
    return best


def _resolve(
    m: re.Match[str], kind: str, published: date | None, anchor: date | None, context_year: int | None, future: bool
) -> tuple[DateRange | None, bool, int | None]:
    g = lambda name: _group(m, kind, name)  # noqa: E731 - a local shorthand
    anchor_year = context_year
    if kind in ("iso", "mdy", "dmy"):
        month = int(g("m") or 0) if kind == "iso" else _month(g("mon") or "")
        d = date(int(g("y") or 0), month, int(g("d") or 0))
        return DateRange.day(d), False, d.year
    if kind == "my":
        y = int(g("y") or 0)
        return DateRange.month(y, _month(g("mon") or "")), False, y
    if kind in ("md", "dm", "mon"):
        month = _month(g("mon") or "")
        mod = (g("mmod") or "").lower()
        if kind == "mon" and mod in ("may",):
            return None, False, None
        day = int(g("d") or 1)
        if anchor:
            year = _closest_year(month, day, anchor)
            if mod == "last" and date(year, month, 1) > anchor:
                year -= 1
            if mod == "next" and date(year, month, 1) <= anchor:
                year += 1
        elif anchor_year:
            year = anchor_year
        else:
            return None, mod == "since", None
        if kind == "mon":
            return DateRange.month(year, month), mod == "since", None
        return DateRange.day(date(year, month, day)), False, None
    if kind == "year":
        y = int(g("y") or 0)
        return DateRange.year(y), (g("ymod") or "").lower() == "since", y
    if published is None:
        return None, False, None
    if kind == "wd":
        wd = WEEKDAYS[(g("wd") or "").lower()]
        mod = (g("wdmod") or "").lower()
        delta = (published.weekday() - wd) % 7
        if mod == "next" or (future and mod != "last"):
            ahead = (wd - published.weekday()) % 7 or 7
            return DateRange.day(published + timedelta(days=ahead)), False, None
        if mod == "last" and delta == 0:
            delta = 7
        return DateRange.day(published - timedelta(days=delta)), mod == "since", None
    return _relative(m, kind, published), False, None


def _relative(m: re.Match[str], kind: str, pub: date) -> DateRange | None:
    rel = (_group(m, kind, "rel") or "").lower()
    if rel in ("today", "tonight"):
        return DateRange.day(pub)
    if rel == "yesterday":
        return DateRange.day(pub - timedelta(days=1))
    if rel == "tomorrow":
        return DateRange.day(pub + timedelta(days=1))
    last_month = pub.replace(day=1) - timedelta(days=1)
    monday = pub - timedelta(days=pub.weekday())
    week = timedelta(days=7)
    table = {
        "this week": DateRange.between(monday, monday + timedelta(days=6)),
        "last week": DateRange.between(monday - week, monday - timedelta(days=1)),
        "past week": DateRange.between(pub - week, pub),
        "next week": DateRange.between(monday + week, monday + timedelta(days=13)),
        "last weekend": DateRange.between(monday - timedelta(days=2), monday - timedelta(days=1)),
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
