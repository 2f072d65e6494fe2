"""Dates in text -> :class:`~graph.model.DateRange` with precision and bounds.

Handles absolute dates ("February 3, 2026", "Monday, February 3, 2026", "3 Feb 2026", "Feb. 3",
"the 3rd day of February, 2026", "2026-02-03"), ranges ("from March 6 to 10", "6-10 March",
"between 2021 and 2022"), partial ones ("January 4", "in October", "October 2025", "in 2022") whose
year comes from the publication date or, without one, from the article's own dates, relative ones
("yesterday", "on Tuesday", "last month", "earlier this year", "three days ago") anchored on the
publication date, and narrative ones ("the next day", "two days later", "earlier that day") that
count from the previous dated event (:mod:`graph.extract.dating` resolves those).

A yearless date or a weekday has two readings besides its default: the one on or before the anchor
(``before``: a past-tense event) and the one on or after it (``ahead``: a future one); "on Sunday"
defaults to the last Sunday up to the anchor, "in January" and "June 27" to the closest one.

The article's own date (a leading ``date YYYY-MM-DD`` marker, a line that holds only a date, a
"CITY, Date (Agency) -" dateline) is marked ``dateline``: it anchors the rest when the publication
date is unknown, and is no event's date. Without a publication date or a dateline, partial dates
take the year closest to the latest date the article gives in full, weekdays the last one up to it,
and other relative dates stay unresolved. Pure Python over the text: it works with or without a
trained pipeline.

Example:
    >>> from datetime import date
    >>> found = scan("Trump spoke on January 4, 2026. On January 7 they met.", None)
    >>> [(d.text, d.range.iso()) for d in found]
    [('January 4, 2026', '2026-01-04'), ('January 7', '2026-01-07')]
    >>> [d.range.iso() for d in scan("They met on Tuesday and last month.", date(2026, 1, 15))]
    ['2026-01-13', '2025-12']
    >>> [d.range.iso() for d in scan("Talks ran from March 6 to 10.", date(2023, 3, 10))]
    ['2023-03-06/2023-03-10']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from graph.extract.date_patterns import _DATELINE_HEAD, _DATELINE_TAIL, _FULL, _LINE_REST, _QUOTES, _SCAN, _group, _kind
from graph.extract.date_readings import _Context, _resolve
from graph.model import DateRange, Precision


@dataclass(frozen=True)
class DateMention:
    """A date phrase: character span, text, resolved range (None if unresolvable), and role.

    ``before``/``ahead`` are the readings up to and from the anchor when they differ from ``range``
    (a past-tense or a future event takes them); ``after`` is a count of days from the previous dated
    event ("the next day": 1), whose ``range`` is None until that event is known.
    """

    start: int
    end: int
    text: str
    range: DateRange | None
    since: bool = False  # "since 2022": the start of a state of affairs, not an event date
    before: DateRange | None = None
    ahead: DateRange | None = None
    dateline: bool = False  # the article's own date: an anchor, not an event's date
    after: int | None = None
    explicit: bool = False  # a day or month given with its year ("June 27, 2025", "June 2025")
    quoted: bool = False  # inside quotation marks

    def reading(self, tense: str | None) -> DateRange | None:
        """The range for an event in the ``past`` or ``future`` tense (None: the default reading)."""
        if tense == "future" and self.ahead is not None:
            return self.ahead
        if tense == "past" and self.before is not None:
            return self.before
        return self.range


def scan(text: str, published: date | None) -> list[DateMention]:
    """Every date phrase in ``text``, resolved against ``published`` and the article's own dates."""
    matches = _merge_weekdays(text, [(_kind(m), m) for m in _SCAN.finditer(text)])
    quotes = [q.span() for q in _QUOTES.finditer(text)]
    quoted = [_inside(s, quotes) for _k, _m, s in matches]
    full = [(i, r) for i, (k, m, _s) in enumerate(matches) if k in _FULL for r in [_absolute(m, k)] if r is not None]
    datelines = {i for i, (k, m, s) in enumerate(matches) if _is_dateline(text, s, m.end(), k)}
    stamp = next((r.earliest for i, r in full if i in datelines and r.exact), None)
    pub = published or stamp
    latest = max((r.latest for _i, r in full), default=None)
    ctx = _Context(pub, pub or latest, pub or _stand_in([(r, quoted[i]) for i, r in full]))
    out: list[DateMention] = []
    for i, (kind, m, start) in enumerate(matches):
        if kind == "rel" and _a_name(text, m):
            continue
        try:
            rng, before, ahead, since, after = _resolve(m, kind, ctx)
        except (ValueError, KeyError):
            continue
        end = m.end()
        if kind in ("wd", "mon", "year"):  # keep only the date words, not "on"/"in"
            phrase = m.group(0)
            core = _group(m, kind, "wd") or _group(m, kind, "mon") or _group(m, kind, "y") or phrase
            start = m.start() + phrase.rfind(core)
            end = start + len(core)
        explicit = kind in _FULL and kind != "yrange"
        out.append(
            DateMention(
                start, end, text[start:end], rng, since, before, ahead, i in datelines, after, explicit, quoted[i]
            )
        )
    return out


def stand_in(dates: list[DateMention]) -> date | None:
    """The day that stands in for an unknown publication date (see :func:`_stand_in`)."""
    return _stand_in([(d.range, d.quoted) for d in dates if d.explicit and d.range is not None and not d.since])


def _stand_in(full: list[tuple[DateRange, bool]]) -> date | None:
    """The latest day the text gives in full outside quotes, unless a full date (a day or a month) ends later:
    then the text's own time is not that day, and nothing stands in ("killed on June 18, 2023 ... In May 2024")."""
    days = [r.earliest for r, q in full if r.exact and not q]
    if not days:
        return None
    day = max(days)
    return day if all(r.latest <= day for r, _q in full if r.precision is not Precision.UNKNOWN) else None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _a_name(text: str, m: re.Match[str]) -> bool:
    """ "USA Today", "[News Today]": a capitalised "Today" inside a sentence is a name."""
    before = text[: m.start()].rstrip()
    return m.group(0)[0].isupper() and bool(before) and before[-1] not in ".!?:;\"“‘'(—–-"


def _merge_weekdays(text: str, matches: list[tuple[str, re.Match[str]]]) -> list[tuple[str, re.Match[str], int]]:
    """A weekday just before a date ("Monday, January 8", "on Monday (October 14, 2024)") is part of it."""
    out: list[tuple[str, re.Match[str], int]] = []
    for kind, m in matches:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev[0] == "wd"
            and (_group(prev[1], "wd", "wdmod") or "on").lower() == "on"
            and kind in ("mdy", "dmy", "md", "dm", "rmd", "rdm")
            and re.fullmatch(r"\s*[,(]?\s*(?:the\s+)?", text[prev[1].end() : m.start()])
        ):
            wd = prev[1].start(prev[1].re.groupindex["wd_wd"])
            out[-1] = (kind, m, wd)
            continue
        out.append((kind, m, m.start()))
    return out


def _is_dateline(text: str, start: int, end: int, kind: str) -> bool:
    """The article's own date: a leading marker, a line of its own, or a "CITY, Date (Agency) -" opening."""
    if kind not in ("iso", "mdy", "dmy", "md", "dm"):
        return False
    if kind == "iso" and re.fullmatch(r"\s*(?:date\s*)?", text[:start]):
        return True  # " date 2024-10-15 ..." put before the text by the tool that fetched it
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    head, tail = text[line_start:start], text[end : len(text) if line_end < 0 else line_end]
    if _LINE_REST.fullmatch(head) and _LINE_REST.fullmatch(tail):
        return True
    return bool(_DATELINE_HEAD.fullmatch(head) and _DATELINE_TAIL.match(tail))


def _absolute(m: re.Match[str], kind: str) -> DateRange | None:
    """The range of a date that carries its year, without any anchor."""
    try:
        rng = _resolve(m, kind, _Context(None, None, None))[0]
    except (ValueError, KeyError):
        return None
    return rng


def shift(rng: DateRange, days: int) -> DateRange | None:
    """A day ``days`` after a day-precise range ("the next day" after a known day); None otherwise."""
    if rng.precision is not Precision.DAY:
        return None
    return DateRange.day(rng.earliest + timedelta(days=days))
