"""Small dataset files in each format, written by the tests themselves."""

from __future__ import annotations

from pathlib import Path

GDELT_URL = "https://news.example.org/story"


def gdelt_row(
    event_id: int,
    day: str,
    actor1: tuple[str, str, str],
    actor2: tuple[str, str, str],
    code: str,
    *,
    columns: int = 61,
    url: str = GDELT_URL,
    counts: tuple[str, str, str] = ("7", "3", "6"),
) -> str:
    """One GDELT event row: 61 columns (2.0), 58 (1.0 daily with SOURCEURL) or 57 (1.0)."""
    c = [""] * columns
    c[0], c[1], c[2], c[3], c[4] = str(event_id), day, day[:6], day[:4], "2026.0110"
    c[5], c[6], c[7] = actor1
    c[15], c[16], c[17] = actor2
    c[25], c[26], c[27], c[28], c[29], c[30] = "1", code, code[:3], code[:2], "1", "1.0"
    c[31], c[32], c[33], c[34] = (*counts, "-1.5")
    if columns == 61:
        c[59], c[60] = "20260110000000", url
    elif columns == 58:
        c[56], c[57] = "20260110", url
    else:
        c[56] = "20260110"
    return "\t".join(c)


USA = ("USA", "UNITED STATES", "USA")
USAGOV = ("USAGOV", "UNITED STATES", "USA")
COL = ("COL", "COLOMBIA", "COL")
COLMIL = ("COLMIL", "COLOMBIA", "COL")
NOBODY = ("", "", "")


def gdelt_rows() -> list[str]:
    """A few dozen rows: good ones in every layout, and the faults real files have."""
    rows = [
        gdelt_row(1001, "20260104", USAGOV, COL, "130"),
        gdelt_row(1002, "20260105", ("COLGOV", "COLOMBIA", "COL"), USA, "120"),
        gdelt_row(1003, "20260107", USA, COLMIL, "041"),
        gdelt_row(1004, "20260107", USA, COL, "051", columns=58),
        gdelt_row(1005, "20260108", ("IGOUNO", "UNITED NATIONS", ""), ("VEN", "VENEZUELA", "VEN"), "0231", columns=57),
        gdelt_row(1006, "20260109", ("USABUS", "", "USA"), COL, "061"),
        gdelt_row(1007, "20260109", NOBODY, COL, "173"),  # one side only: a participant
    ]
    rows += [gdelt_row(2000 + i, f"202601{10 + i:02d}", USA, COL, "042") for i in range(15)]
    rows += [
        gdelt_row(3001, "2026011x", USA, COL, "041"),  # bad date
        "GLOBALEVENTID\tSQLDATE\tMonthYear",  # a header pasted in: wrong column count
        gdelt_row(3002, "20260111", USA, COL, "999"),  # unknown CAMEO code
        gdelt_row(3003, "20260111", USA, COL, "041", counts=("x", "1", "1")),  # bad count
        gdelt_row(3004, "20260111", NOBODY, NOBODY, "041"),  # no actor: left out, not bad
        "",  # blank line: ignored
        gdelt_row(3005, "20261301", USA, COL, "041"),  # month 13
    ]
    return rows


def write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
