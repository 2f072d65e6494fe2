"""Generate N rows of GDELT 2.0 event data (61 tab-separated columns), deterministic.

    python scripts/bench/gen_gdelt.py --rows 1000000 --out /tmp/bench-import/gdelt-1M.export.CSV

Actors are drawn from 60 country codes with type codes (GOV, MIL, BUS, COP, none) and a few IGO
codes; event codes from the CAMEO codes of the scheme; days over 2025; every row has counts and a
source URL. The shape (column count, code mix) is what ``diplograph import gdelt`` reads; the
content is meaningless.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


COUNTRIES = words(
    "USA COL VEN BRA ARG MEX CAN GBR FRA DEU ITA ESP RUS UKR CHN JPN KOR PRK IND PAK AFG IRN IRQ SYR "
    "ISR PSE EGY SAU TUR NGA ZAF KEN ETH SDN LBY DZA MAR AUS IDN PHL VNM THA MMR BGD LKA NPL POL HUN "
    "ROU SRB GRC SWE NOR FIN DNK NLD BEL CHE AUT CUB"
)
TYPES = ("", "GOV", "GOV", "MIL", "BUS", "COP", "LEG", "OPP")
IGOS = ("IGOUNO", "IGOEU", "IGONAT")
CODES = words(
    "010 012 013 014 016 020 030 031 036 040 041 042 043 045 046 050 051 057 060 061 070 080 081 090 "
    "100 110 111 112 120 125 130 138 140 150 160 163 170 172 173 180 190 193 200"
)


def actor(rng: random.Random) -> tuple[str, str, str]:
    if rng.random() < 0.05:
        code = rng.choice(IGOS)
        return code, code[3:], ""
    if rng.random() < 0.04:
        return "", "", ""
    country = rng.choice(COUNTRIES)
    return country + rng.choice(TYPES), country, country


def row(i: int, rng: random.Random) -> str:
    c = [""] * 61
    day = f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    code = rng.choice(CODES)
    c[0], c[1], c[2], c[3], c[4] = str(1_000_000_000 + i), day, day[:6], day[:4], f"{day[:4]}.5"
    c[5], c[6], c[7] = actor(rng)
    c[15], c[16], c[17] = actor(rng)
    c[25], c[26], c[27], c[28] = "1", code, code[:3], code[:2]
    c[29], c[30] = str(1 + int(code[:2]) // 6), "1.0"
    c[31], c[32], c[33], c[34] = str(rng.randint(1, 40)), str(rng.randint(1, 5)), str(rng.randint(1, 30)), "-2.1"
    c[59] = day + "000000"
    c[60] = f"https://news{rng.randint(1, 500)}.example.org/{day}/story-{i}"
    return "\t".join(c)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=16)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    rng = random.Random(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for i in range(args.rows):
            f.write(row(i, rng) + "\n")
    print(f"{args.rows} rows -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
