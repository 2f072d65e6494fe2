"""Tab-separated files with a header line (ICEWS, POLECAT): rows as dicts by column name.

Known faults of the published files are handled here, per row: a header with more names than the
rows have columns (POLECAT files whose header carries extra names at its end) is read by position
for the columns the rows do have; trailing empty columns (POLECAT's excess tabs) are dropped; a row
with too few columns for a required field, or extra columns that are not empty (a line broken by an
unescaped newline, a stray tab), is a bad row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from graph.importers.base import Problem

Row = dict[str, str]


def rows(
    lines: Iterator[tuple[int, str]], required: Sequence[str], dataset: str
) -> Iterator[tuple[int, Row] | Problem]:
    """(line, row) for every data line after the header, or a Problem for a line that cannot be read."""
    header: list[str] | None = None
    index: dict[str, int] = {}
    for n, line in lines:
        if not line.strip():
            continue
        fields = line.split("\t")
        if header is None:
            header = [f.strip().strip('"').lstrip("\ufeff") for f in fields]
            index = {name: i for i, name in enumerate(header) if name}
            missing = [c for c in required if c not in index]
            if missing:
                yield Problem(n, f"not a {dataset} header: no column {', '.join(map(repr, missing))}")
                return
            continue
        while len(fields) > len(header) and not fields[-1].strip():
            fields.pop()  # excess tabs at the end of the line
        if len(fields) > len(header):
            yield Problem(n, f"{len(fields)} columns where the header has {len(header)}: a stray tab or a broken line")
            continue
        short = [c for c in required if index[c] >= len(fields)]
        if short:
            yield Problem(n, f"{len(fields)} columns: no {', '.join(map(repr, short))} (a line broken in two?)")
            continue
        yield n, {name: fields[i].strip() for name, i in index.items() if i < len(fields)}


def dated_rows(
    lines: Iterator[tuple[int, str]], required: Sequence[str], dataset: str
) -> Iterator[tuple[int, Row, str, date] | Problem]:
    """(line, row, event id, day) for every row with an ``Event ID`` and an ``Event Date`` (its first ten
    characters: POLECAT writes a time after the day), or a Problem naming what is missing."""
    for item in rows(lines, required, dataset):
        if isinstance(item, Problem):
            yield item
            continue
        n, row = item
        event_id = row["Event ID"]
        if not event_id:
            yield Problem(n, "no Event ID")
            continue
        day = parse_day(row["Event Date"][:10])
        if day is None:
            yield Problem(n, f"Event Date {row['Event Date'][:20]!r} is not a date YYYY-MM-DD")
            continue
        yield n, row, event_id, day


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
