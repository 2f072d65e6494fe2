"""A dyad's month-by-month timeline to CSV: events, cooperation, conflict and Goldstein balance.

    python scripts/analyst/dyad_timeline_csv.py "United States" Colombia --out usa-col.csv
    python scripts/analyst/dyad_timeline_csv.py USA COL --since 2025-01 --until 2026-06 --by quarter

One row per period from the first to the last event (periods without events included, with
zeros), with the number of events, cooperative and conflictual ones, the Goldstein sum and mean,
the four GDELT quad-class counts and the event types seen. States stand for their officials and
agencies. Uses only the public API (``graph.open``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import graph

COLUMNS = [
    "period",
    "events",
    "cooperative",
    "conflictual",
    "goldstein_sum",
    "goldstein_mean",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "types",
]


def periods(first: str, last: str, by: str) -> list[str]:
    """Every month (or quarter, or year) key from ``first`` to ``last``, as ``balance`` spells them."""
    if by == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    step = 3 if by == "quarter" else 1

    def index(key: str) -> int:
        year, part = key.split("-")
        return int(year) * 12 + ((int(part[1:]) - 1) * 3 if by == "quarter" else int(part) - 1)

    out = []
    for i in range(index(first), index(last) + 1, step):
        year, month = divmod(i, 12)
        out.append(f"{year}-Q{month // 3 + 1}" if by == "quarter" else f"{year}-{month + 1:02d}")
    return out


def period_of(day: dt.date, by: str) -> str:
    """The period key of a day: ``2026-01``, ``2026-Q1`` or ``2026``."""
    if by == "year":
        return str(day.year)
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def write_timeline(
    kg: graph.KnowledgeGraph,
    a: str,
    b: str,
    out: TextIO,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
) -> int:
    """Write the CSV; returns the number of periods written."""
    rows = {r.period: r for r in kg.balance(a, b, by=by, since=since, until=until)}
    types: dict[str, set[str]] = {}
    for event in kg.timeline(a, b, since=since, until=until):
        ends = {period_of(d, by) for d in (event.earliest, event.latest) if d}
        if len(ends) == 1:  # the event lies inside one period (as balance() counts it)
            types.setdefault(ends.pop(), set()).add(event.label or event.cameo or "?")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    keys = periods(min(rows), max(rows), by) if rows else []
    for key in keys:
        r = rows.get(key)
        if r is None:
            writer.writerow([key, 0, 0, 0, 0.0, "", 0, 0, 0, 0, ""])
            continue
        writer.writerow(
            [
                key,
                r.events,
                r.cooperative,
                r.conflictual,
                r.goldstein_sum,
                r.goldstein_mean,
                r.verbal_cooperation,
                r.material_cooperation,
                r.verbal_conflict,
                r.material_conflict,
                "; ".join(sorted(types.get(key, set()))),
            ]
        )
    return len(keys)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("a", help="one actor (name, alias, ISO code or IRI)")
    parser.add_argument("b", help="the other actor")
    parser.add_argument("--store", default=None, help="store location (default: as the diplograph command)")
    parser.add_argument("--by", choices=["month", "quarter", "year"], default="month")
    parser.add_argument("--since", metavar="DATE", help="first day, month or year")
    parser.add_argument("--until", metavar="DATE", help="last day, month or year")
    parser.add_argument("--out", default="-", help="CSV file to write ('-' for stdout)")
    args = parser.parse_args(argv)
    try:
        with graph.open(args.store) as kg:
            if args.out == "-":
                n = write_timeline(kg, args.a, args.b, sys.stdout, by=args.by, since=args.since, until=args.until)
            else:
                with Path(args.out).open("w", encoding="utf-8", newline="") as f:
                    n = write_timeline(kg, args.a, args.b, f, by=args.by, since=args.since, until=args.until)
    except graph.GraphError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 2 if isinstance(exc, graph.QueryError) else 1
    print(f"{n} {args.by}(s) written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
