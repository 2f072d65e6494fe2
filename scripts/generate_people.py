"""Generate graph/extract/data/people.json, the extractor's dictionary of people and the offices they held.

Run from the repository root (needs ../shared/vocab):

    .venv/bin/python scripts/generate_people.py [--vocab ../shared/vocab] [--curated scripts/data/office_holders.yaml]
                                                [--out graph/extract/data/people.json]

Sources:
  * The PETRARCH-2 Phoenix actor dictionaries (``petrarch2/Phoenix.Countries.actors.txt``,
    ``Phoenix.International.actors.txt``, ``Phoenix.MilNonState.actors.txt``; Open Event Data Alliance,
    MIT): every *person* entry, with its synonyms and its dated CAMEO role codes. The dictionaries
    stop in 2014.
  * ``scripts/data/office_holders.yaml``: the project's own table of heads of state and government,
    foreign, defence and finance ministers and heads of international organisations since 2014.
    Where both name the same person, the curated name wins, aliases are merged, and a Phoenix role
    with the same CAMEO code that overlaps a curated term is dropped (the curated term has the dates).
  * ``graph/extract/data/gazetteer.json`` (this repository): which codes are states and which are
    international organisations.

A Phoenix entry counts as a person when it has a dated role or comes from the dictionaries' lists of
office holders (``# CountryInfo.txt``, ``# IGOrulers.txt``), and its name reads as a person's (no
organisation words, no country code of its own). Undated entries are organisations, firms and
groups in the vast majority and are left out. Prints what was kept and skipped, by reason. The
product reads only the generated JSON at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.extract.people import OFFICES, name_key, parse_day  # noqa: E402
from graph.ids import slug  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling module below, however this file is loaded
from petrarch2_notice import MIT_TERMS  # noqa: E402

PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
GAZETTEER = ROOT / "graph" / "extract" / "data" / "gazetteer.json"
CURATED = ROOT / "scripts" / "data" / "office_holders.yaml"
OUT = ROOT / "graph" / "extract" / "data" / "people.json"

NOTICE = (
    "Phoenix persons derived from the PETRARCH-2 actor dictionaries (Phoenix.Countries.actors.txt, "
    "Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt; openeventdata/petrarch2 commit "
    "676801cd9cb2924bbbad09f86d15c9323e7097bf). Copyright (c) 2014 Open Event Data Alliance. MIT licence: " + MIT_TERMS
)

# CAMEO country codes that are not ISO 3166 alpha-3, and the ISO code used instead (historical
# states keep their former ISO 3166-1 code: SUN, DDR, CSK, YUG, SCG)
CAMEO_TO_ISO = {"KSV": "XKX", "TMP": "TLS", "USR": "SUN", "FRY": "YUG", "ROM": "ROU", "ZAR": "COD"}
HISTORICAL_STATES = {"SUN", "DDR", "CSK", "YUG", "SCG"}
# curated offices as CAMEO codes after the state's code (the Phoenix agents dictionary's sectors)
BOTH = ("head_of_state", "head_of_government")  # the table's "head_of_state_and_government"
OFFICE_SECTOR = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "GOVMIL",
    "finance_minister": "GOV",
}

PERSON_SOURCES = ("CountryInfo.txt", "IGOrulers.txt")
# words that make an entry an organisation, place or group rather than a person
ORG_WORDS = {
    "ADMINISTRATION",
    "AFFAIRS",
    "AGENCY",
    "ALLIANCE",
    "ARMY",
    "ASSEMBLY",
    "ASSOCIATION",
    "AUTHORITY",
    "BANK",
    "BATTALION",
    "BOARD",
    "BRIGADE",
    "BRIGADES",
    "BUREAU",
    "CABINET",
    "CENTER",
    "CENTRE",
    "CHARGE",
    "COALITION",
    "COMMAND",
    "COMMISSION",
    "COMMITTEE",
    "COMMUNITY",
    "COMPANY",
    "CONFERENCE",
    "CONGRESS",
    "CORP",
    "CORPORATION",
    "COUNCIL",
    "COURT",
    "DEPARTMENT",
    "DIVISION",
    "FACTION",
    "FEDERATION",
    "FORCE",
    "FORCES",
    "FOUNDATION",
    "FRONT",
    "FUND",
    "GOVERNMENT",
    "GROUP",
    "GUARD",
    "HOLDINGS",
    "INC",
    "INSTITUTE",
    "INTERNET",
    "JUNTA",
    "KINGDOM",
    "LEAGUE",
    "LTD",
    "MILITIA",
    "MINISTRY",
    "MISSION",
    "MOVEMENT",
    "NATIONALITIES",
    "NATIONS",
    "NETWORK",
    "OFFICE",
    "OFFICIALS",
    "ORGANISATION",
    "ORGANIZATION",
    "PARLIAMENT",
    "PARTY",
    "POLICE",
    "PROGRAM",
    "PROGRAMME",
    "PROJECT",
    "REGIME",
    "REGION",
    "REPUBLIC",
    "RIGHTS",
    "SECRETARIAT",
    "SERVICE",
    "SERVICES",
    "SOCIETY",
    "SOVIET",
    "STATE",
    "STATES",
    "TRIBUNAL",
    "TROOPS",
    "UNION",
    "UNIVERSITY",
}
# aliases that name the person's government or followers, not the person
ALIAS_DROP_WORDS = {"ADMINISTRATION", "GOVERNMENT", "REGIME", "CABINET", "CAMP", "SUPPORTERS", "LOYALISTS", "FORCES"}
# leading words of a primary phrase that are a title, not part of the name (kept as an alias)
TITLE_WORDS = {
    "ACTING",
    "CHAIRMAN",
    "DAME",
    "DR",
    "DR.",
    "FOREIGN",
    "FORMER",
    "GEN",
    "GEN.",
    "GENERAL",
    "MINISTER",
    "MR",
    "MR.",
    "MRS",
    "MRS.",
    "MS",
    "MS.",
    "PREMIER",
    "PRESIDENT",
    "PRIME",
    "SECRETARY",
    "SECRETARY-GENERAL",
    "SENATOR",
    "SHAIKH",
    "SHEIKH",
    "SIR",
}
PARTICLES = {
    "al", "el", "bin", "bint", "ibn", "de", "da", "das", "do", "dos", "del", "della", "der", "den", "van",
    "von", "la", "le", "du", "di", "y", "ul", "ud", "zu", "of",
}  # fmt: skip
HYPHEN_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "ul", "ud", "ed", "es", "an", "bin"}
ROMAN = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIV", "XVI"}
SUFFIXES = {"JR": "Jr", "JR.": "Jr.", "SR": "Sr", "SR.": "Sr."}
ACRONYMS = {"US", "U.S.", "USA", "UK", "U.K.", "UN", "U.N.", "EU", "NATO", "PLO", "ANC"}
HYPHEN_LOWER_STATES = {"KOR", "PRK"}  # Korean given names: "Ki-moon", "Jae-in"
MONONYM_STATES = {"IDN", "MMR", "TON"}  # one-word names are common there

CODE = re.compile(r"\[([^\]]*)\]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f`]")  # control characters; backticks (ayn) dropped


# ----------------------------------------------------------------------------------------- names


def _word(word: str, first: bool, hyphen_lower: bool) -> str:
    upper = word.upper()
    if (upper in ROMAN and not first) or upper in ACRONYMS:
        return upper
    if upper in SUFFIXES:
        return SUFFIXES[upper]
    if not first and word.lower() in PARTICLES:
        return word.lower()
    parts = word.split("-")
    out: list[str] = []
    for i, part in enumerate(parts):
        low = part.lower()
        if i == 0 and len(parts) > 1 and low in HYPHEN_PARTICLES:
            out.append(low.capitalize() if first else low)
        elif i > 0 and hyphen_lower:
            out.append(low)
        else:
            out.append(_apostrophe(part))
    return "-".join(out)


def _apostrophe(part: str) -> str:
    if "'" not in part:
        low = part.lower()
        if low.startswith("mc") and len(low) > 3:
            return "Mc" + low[2:].capitalize()
        return low.capitalize()
    head, _, tail = part.partition("'")
    if len(head) == 1:  # O'Brien, D'Escoto
        return head.upper() + "'" + tail.lower().capitalize()
    return head.lower().capitalize() + "'" + tail.lower()  # Sa'ar, Qa'ida


def title_name(raw: str, *, hyphen_lower: bool = False) -> str:
    """A dictionary phrase (``BASHAR_AL-ASSAD_``) as a display name (``Bashar al-Assad``).

    Example:
        >>> title_name("JAVIER_DE_CUELLAR_"), title_name("BAN_KI-MOON", hyphen_lower=True)
        ('Javier de Cuellar', 'Ban Ki-moon')
    """
    words = [w for w in re.split(r"[_\s]+", raw) if w]
    return " ".join(_word(w, i == 0, hyphen_lower) for i, w in enumerate(words))


def strip_title(words: list[str]) -> list[str]:
    """Leading title words removed, as long as a name remains."""
    i = 0
    while i < len(words) - 1 and words[i].upper() in TITLE_WORDS:
        i += 1
    return words[i:]


# ----------------------------------------------------------------------------------------- dates


def dictionary_date(digits: str) -> date | None:
    """``YYMMDD`` (00-30 are 20YY, the rest 19YY, as in PETRARCH) or ``YYYYMMDD``; None if unreadable."""
    if not digits.isdigit() or len(digits) not in (6, 8):
        return None
    if len(digits) == 6:
        yy = int(digits[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), digits[2:]
    else:
        year, rest = int(digits[:4]), digits[4:]
    try:
        return date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        return None


@dataclass
class Restriction:
    code: str
    start: date | None
    end: date | None


def read_restriction(text: str, skipped: Counter[str]) -> Restriction | None:
    """One ``[CODE]``, ``[CODE <date]``, ``[CODE >date]`` or ``[CODE date-date]``; None if unusable."""
    parts = text.strip().split(None, 1)
    if not parts:
        skipped["empty code"] += 1
        return None
    code, rest = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if code == "---" or not re.fullmatch(r"[A-Z]{3,}", code):
        skipped["null or malformed code"] += 1
        return None
    if not rest:
        return Restriction(code, None, None)
    if rest[0] in "<>":
        when = dictionary_date(rest[1:].strip())
        if when is None:
            skipped["unreadable date"] += 1
            return None
        return Restriction(code, None, when) if rest[0] == "<" else Restriction(code, when, None)
    if "-" in rest:
        a, _, b = rest.partition("-")
        start, end = dictionary_date(a.strip()), dictionary_date(b.strip())
        if start is None or end is None:
            skipped["unreadable date"] += 1
            return None
        if end < start:
            skipped["end before start"] += 1
            return None
        return Restriction(code, start, end)
    skipped["a single date without '<', '>' or range (read as undated, as PETRARCH does)"] += 1
    return Restriction(code, None, None)


# ----------------------------------------------------------------------------------------- Phoenix


@dataclass
class Entry:
    phrases: list[str]  # the primary phrase first, then primary phrases folded into it
    file: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def _name_words(phrase: str) -> set[str]:
    return {w for w in re.split(r"[_\s]+", phrase.upper()) if len(w) > 2 and w not in TITLE_WORDS}


def read_entries(path: Path) -> list[Entry]:
    """Primary phrase, ``+`` synonyms and ``[...]`` codes (on any of the entry's lines) per entry.

    A primary phrase without codes of its own shares the codes of the next one (PETRARCH gives both
    the same code index): it is folded into that entry as another name when the two share a word
    ("LEONID_BREZHNEV_" before "LEONID_ILYICH_BREZHNEV [...]"), and left alone otherwise.
    """
    entries: list[Entry] = []
    text = path.read_text(encoding="utf-8", errors="replace")
    for raw in CONTROL.sub("", text).splitlines():
        body, _, comment = raw.partition("#")
        body = body.split(";", 1)[0]  # the old KEDS/TABARI comment
        if not body.strip():
            if comment and entries and raw[:1] in "\t ":
                entries[-1].comments.append(comment)
            continue
        stripped = body.strip()
        if stripped.startswith("["):
            if entries:
                entries[-1].codes += CODE.findall(body)
                entries[-1].comments.append(comment)
            continue
        if stripped.startswith("+"):
            if entries:
                entries[-1].synonyms.append(CODE.sub("", stripped[1:]).strip())
                entries[-1].codes += CODE.findall(body)
            continue
        phrase = CODE.sub("", stripped).strip()
        last = entries[-1] if entries else None
        if last is not None and not last.codes and _name_words(last.phrases[0]) & _name_words(phrase):
            last.phrases.append(phrase)
            last.codes += CODE.findall(body)
            last.comments.append(comment)
            continue
        entries.append(Entry([phrase], path.name, codes=CODE.findall(body), comments=[comment]))
    return entries


@dataclass
class Record:
    """A person as the generator builds it."""

    name: str
    aliases: dict[str, str] = field(default_factory=dict)  # name_key -> alias
    roles: list[dict[str, Any]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    def add_alias(self, alias: str) -> None:
        key = name_key(alias)
        if key and key != name_key(self.name):
            self.aliases.setdefault(key, alias)

    def countries(self) -> set[str]:
        return {r["country"] for r in self.roles}


class Codes:
    """Which CAMEO codes name a state (as ISO3) or an international organisation."""

    def __init__(self, gazetteer: dict[str, Any]) -> None:
        self.states: dict[str, str] = {}
        for iso3, s in gazetteer["states"].items():
            self.states[iso3] = iso3
            if s.get("cameo"):
                self.states[s["cameo"]] = iso3
        for cameo, iso3 in CAMEO_TO_ISO.items():
            self.states[cameo] = iso3
        for iso3 in HISTORICAL_STATES:
            self.states[iso3] = iso3
        igos = {o["cameo"] for o in gazetteer.get("igos", []) if o.get("cameo")}
        self.igos = sorted(igos, key=lambda c: (-len(c), c))  # longest first: the most specific prefix

    def country(self, code: str) -> str | None:
        """ISO3 for a state's code, the organisation's code for an IGO's, else None."""
        if code.startswith("IGO"):
            if len(code) < 6:
                return None
            return next((igo for igo in self.igos if code.startswith(igo)), code)
        return self.states.get(code[:3])


def is_bare_place(code: str, codes: Codes) -> bool:
    """A code that is only a state, or a state within another (``EST``, ``USRUZB``): a country, not a person."""
    if len(code) == 3:
        return code in codes.states
    return len(code) == 6 and code[:3] in codes.states and code[3:] in codes.states


def clean_phrase(phrase: str) -> str | None:
    """A primary phrase reduced to the name: "(ACTING" notes, quoted nicknames, ", BARON_X" and the
    comma before "JR." go; None when it is not one person's name (digits, "X, THEN Y")."""
    text = re.sub(r'"[^"]*"', " ", phrase.split("(", 1)[0]).replace(")", " ")
    if "," in text:
        head, _, tail = text.partition(",")
        if "THEN" in tail.upper().replace("_", " ").split():
            return None
        text = head + tail if tail.strip(" _").upper().rstrip(".") in ("JR", "SR") else head
    text = text.strip("_ ")
    words = [w.lstrip("'") for w in re.split(r"[_\s]+", text) if w.lstrip("'")]
    if not words or any(not re.fullmatch(r"[^\W\d_][^\W\d_.'\-]*\.?(?:[.'\-][^\W\d_]*\.?)*", w) for w in words):
        return None
    return "_".join(words)


def person_from(entry: Entry, codes: Codes, stats: Counter[str], skipped: Counter[str]) -> Record | None:
    dated = any(re.search(r"\d{6}", c) for c in entry.codes)
    listed = any(src in c for c in entry.comments for src in PERSON_SOURCES)
    if not dated and not listed:
        skipped["undated entry (organisations, firms, groups; a person cannot be told apart)"] += 1
        return None
    phrase = clean_phrase(entry.phrases[0])
    if phrase is None or "\ufffd" in entry.phrases[0]:
        skipped["not one person's name (digits, stray characters, several names)"] += 1
        return None
    words = phrase.split("_")
    if words[0].upper() == "THE" or ORG_WORDS & {w.upper() for w in words}:
        skipped["an organisation, place or group"] += 1
        return None
    restrictions = [r for r in (read_restriction(c, stats) for c in entry.codes) if r is not None]
    if any(is_bare_place(r.code, codes) for r in restrictions):
        skipped["a country or territory"] += 1
        return None
    roles: list[dict[str, Any]] = []
    for r in restrictions:
        country = codes.country(r.code)
        if country is None:
            stats["role without a state or organisation (ELI, NGO, IMG, MNC, fictional ...): dropped"] += 1
            continue
        roles.append(
            {
                "cameo": r.code,
                "country": country,
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
            }
        )
    if not roles:
        skipped["no role with a state or organisation"] += 1
        return None
    name_words = strip_title(words)
    if (
        len(name_words) == 1
        and not entry.synonyms
        and len(entry.phrases) == 1
        and not any(r.code == "ELI" or r.code[3:6] == "ELI" for r in restrictions)
        and not any(r["country"] in MONONYM_STATES for r in roles)
    ):
        skipped["a single word, no synonym, no elite role (garbled initials: 'MAUOCONNELL_')"] += 1
        return None
    korean = any(r["country"] in HYPHEN_LOWER_STATES for r in roles)
    rec = Record(title_name(" ".join(name_words), hyphen_lower=korean), sources={"phoenix"})
    rec.roles = roles
    others = [*entry.phrases, *entry.synonyms]
    for i, other in enumerate(others):
        other_words = {w.upper() for w in re.split(r"[_\s]+", other) if w}
        if not other_words or "\ufffd" in other:
            continue
        if other_words & ALIAS_DROP_WORDS:
            stats["aliases dropped (name the government or followers, not the person)"] += 1
            continue
        cleaned = clean_phrase(other) if i < len(entry.phrases) else other.strip("_ ")
        if cleaned:
            rec.add_alias(title_name(cleaned, hyphen_lower=korean))
    return rec


def _unique_roles(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for r in roles:
        seen.setdefault(json.dumps(r, sort_keys=True), r)
    return list(seen.values())


def merge_into(target: Record, other: Record) -> None:
    target.add_alias(other.name)
    for alias in other.aliases.values():
        target.add_alias(alias)
    target.roles = _unique_roles(target.roles + other.roles)
    target.sources |= other.sources


def read_phoenix(folder: Path, codes: Codes) -> tuple[list[Record], dict[str, Any]]:
    stats: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    entries: list[Entry] = []
    for name in PHOENIX_FILES:
        path = folder / name
        if not path.is_file():
            raise SystemExit(f"{path}: not found (pass --vocab, the folder holding petrarch2/)")
        entries += read_entries(path)
    records = [r for r in (person_from(e, codes, stats, skipped) for e in entries) if r is not None]
    # the same person listed twice (a name written the same way, sharing a state or organisation)
    merged: list[Record] = []
    by_key: dict[str, list[Record]] = {}
    for rec in records:
        twin = next((m for m in by_key.get(name_key(rec.name), []) if m.countries() & rec.countries()), None)
        if twin is not None:
            merge_into(twin, rec)
            stats["entries merged into an earlier entry of the same person"] += 1
            continue
        by_key.setdefault(name_key(rec.name), []).append(rec)
        merged.append(rec)
    report = {
        "entries": len(entries),
        "person_entries": len(records),
        "persons": len(merged),
        "entries_skipped": dict(sorted(skipped.items())),
        "notes": dict(sorted(stats.items())),
    }
    return merged, report


# ----------------------------------------------------------------------------------------- curated


def _day_text(value: Any, where: str) -> str | None:
    """A YAML date (parsed, or text, or a bare year) as ``YYYY-MM-DD``/``YYYY-MM``/``YYYY``; checked."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise SystemExit(f"{where}: {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        parse_day(text)
    except ValueError as exc:
        raise SystemExit(f"{where}: {text!r} is not a date") from exc
    return text


def read_curated(path: Path, codes: Codes) -> tuple[dict[str, Record], dict[str, Any]]:
    """Person key -> record, from ``people`` (aliases) and ``offices`` (country -> office -> terms).

    A person key is the display name, optionally followed by `` (qualifier)`` to keep two people of
    the same name apart ("Pedro Sánchez (COL)").
    """
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    aliases: dict[str, list[str]] = doc.get("people") or {}
    records: dict[str, Record] = {}
    rows = 0
    per_office: Counter[str] = Counter()
    for country, offices in doc["offices"].items():
        iso = str(country)
        is_igo = iso.startswith("IGO")
        if (iso not in codes.igos) if is_igo else (iso not in codes.states.values()):
            raise SystemExit(f"{path}: {iso} is neither an ISO 3166 alpha-3 code nor an organisation's CAMEO code")
        for group, terms in offices.items():
            expanded = BOTH if group == "head_of_state_and_government" else (group,)
            if any(office not in OFFICES for office in expanded):
                raise SystemExit(f"{path}: {iso}: unknown office {group!r}")
            for term in terms:
                where = f"{path.name}: {iso} {group} {term!r}"
                if not isinstance(term, list) or len(term) != 3:
                    raise SystemExit(f"{where}: expected [name, start, end]")
                key, start, end = str(term[0]), _day_text(term[1], where), _day_text(term[2], where)
                if start is None:
                    raise SystemExit(f"{where}: a term needs a start")
                if end is not None and parse_day(end, end=True) < parse_day(start):
                    raise SystemExit(f"{where}: ends before it starts")
                display = re.sub(r"\s*\([^)]*\)$", "", key)
                rec = records.setdefault(key, Record(display, sources={"curated"}))
                rows += 1
                for office in expanded:
                    cameo = iso if is_igo else iso + OFFICE_SECTOR[office]
                    rec.roles.append({"cameo": cameo, "country": iso, "start": start, "end": end, "office": office})
                    per_office[office] += 1
    for key, names in aliases.items():
        if key not in records:
            raise SystemExit(f"{path}: aliases for {key!r}, who holds no office in the table")
        for alias in names:
            records[key].add_alias(str(alias))
    states = sorted({r["country"] for rec in records.values() for r in rec.roles if len(r["country"]) == 3})
    igos = sorted({r["country"] for rec in records.values() for r in rec.roles if len(r["country"]) > 3})
    report = {
        "rows": rows,
        "terms": sum(per_office.values()),
        "terms_by_office": dict(sorted(per_office.items())),
        "persons": len(records),
        "states": len(states),
        "states_covered": states,
        "organisations_covered": igos,
    }
    return records, report


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a0 = parse_day(a["start"]) if a["start"] else date.min
    a1 = parse_day(a["end"], end=True) if a["end"] else date.max
    b0 = parse_day(b["start"]) if b["start"] else date.min
    b1 = parse_day(b["end"], end=True) if b["end"] else date.max
    return a0 <= b1 and b0 <= a1


def _match_keys(rec: Record) -> set[str]:
    """The name, and the aliases of two words or more (a surname alone can be a relative's)."""
    return {name_key(rec.name), *(k for k in rec.aliases if " " in k)}


def merge_curated(phoenix: list[Record], curated: dict[str, Record]) -> tuple[list[Record], dict[str, int]]:
    """Curated persons absorb the Phoenix persons whose name or a multi-word alias is theirs and who
    share a state or organisation with them (repeatedly: a merged person brings their states). A
    head of an organisation with no state role in the table takes the Phoenix persons of that name if
    they all served one state. Phoenix roles that a curated term with the same code overlaps go."""
    by_key: dict[str, list[Record]] = {}
    for rec in phoenix:
        for key in _match_keys(rec):
            by_key.setdefault(key, []).append(rec)
    absorbed: set[int] = set()
    counts: Counter[str] = Counter()
    for rec in curated.values():
        candidates = {id(p): p for k in sorted(_match_keys(rec)) for p in by_key.get(k, []) if id(p) not in absorbed}
        matches: list[Record] = []
        if all(len(c) > 3 for c in rec.countries()):
            states = {c for p in candidates.values() for c in p.countries() if len(c) == 3}
            if len(states) == 1:
                matches, candidates = list(candidates.values()), {}
        reach = rec.countries() | {c for p in matches for c in p.countries()}
        while found := [p for p in candidates.values() if p.countries() & reach]:
            for p in found:
                del candidates[id(p)]
                reach |= p.countries()
            matches += found
        terms = list(rec.roles)  # the curated terms only: merged Phoenix roles do not replace each other
        for p in matches:
            absorbed.add(id(p))
            kept = [r for r in p.roles if not any(r["cameo"] == c["cameo"] and _overlaps(r, c) for c in terms)]
            counts["phoenix roles replaced by a curated term"] += len(p.roles) - len(kept)
            p.roles = kept
            merge_into(rec, p)
            counts["phoenix persons merged into a curated person"] += 1
    rest = [p for p in phoenix if id(p) not in absorbed]
    return [*curated.values(), *rest], dict(sorted(counts.items()))


# ----------------------------------------------------------------------------------------- output


def _role_sort(role: dict[str, Any]) -> tuple[str, str, str, str]:
    return (role["start"] or "", role["end"] or "9999", role["cameo"], role.get("office") or "")


def _first_term(rec: Record) -> str:
    return min((r["start"] for r in rec.roles if r.get("office")), default="9999")


def _home(rec: Record) -> str:
    """The state of the person's most recent state role (for telling namesakes' ids apart)."""
    states = [r for r in rec.roles if len(r["country"]) == 3]
    latest = max(states, key=lambda r: (r["end"] or "9999", r["start"] or ""), default=None)
    return latest["country"].lower() if latest else "igo"


def finish(records: list[Record]) -> list[dict[str, Any]]:
    """Records as JSON objects with unique ids, in a deterministic order.

    An id is the slug of the name; among namesakes the one from the curated table with the earliest
    term keeps it, the others get their state's code (``pedro-sanchez-col``) and, if need be, a number.
    """
    records = sorted(
        records,
        key=lambda r: (
            slug(r.name),
            "curated" not in r.sources,
            _first_term(r),
            json.dumps(sorted(r.roles, key=_role_sort)),
        ),
    )
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    for rec in records:
        base = slug(rec.name) or "person"
        pid = base if base not in used else f"{base}-{_home(rec)}"
        n = 2
        while pid in used:
            pid, n = f"{base}-{_home(rec)}-{n}", n + 1
        used.add(pid)
        person: dict[str, Any] = {
            "id": pid,
            "name": rec.name,
            "roles": [{k: v for k, v in r.items() if v is not None} for r in sorted(rec.roles, key=_role_sort)],
        }
        aliases = sorted({a for k, a in rec.aliases.items() if k != name_key(rec.name)}, key=str.casefold)
        if aliases:
            person["aliases"] = aliases
        out.append(person)
    return out


def generate(vocab: Path, curated_path: Path, gazetteer: dict[str, Any]) -> dict[str, Any]:
    codes = Codes(gazetteer)
    phoenix, phoenix_report = read_phoenix(vocab / "petrarch2", codes)
    curated, curated_report = read_curated(curated_path, codes)
    merged, merge_report = merge_curated(phoenix, curated)
    people = finish(merged)
    about = {
        "generated_by": "scripts/generate_people.py; do not edit by hand",
        "sources": {
            "phoenix": NOTICE,
            "curated": (
                "scripts/data/office_holders.yaml: heads of state and government, foreign, defence and "
                "finance ministers and heads of international organisations, 2014 to early 2026, written "
                "for this project from public facts (MIT, as the project)"
            ),
        },
        "fields": (
            "people: id, name, aliases, roles. A role: cameo (CAMEO actor code), country (ISO 3166 alpha-3, "
            "or the CAMEO code of an international organisation), start/end (YYYY-MM-DD or YYYY-MM, "
            "inclusive; absent = open), office (curated roles only). Phoenix roles stop in 2014: one left "
            "open then may have ended since."
        ),
        "counts": {
            "people": len(people),
            "from_phoenix_only": sum(1 for r in merged if r.sources == {"phoenix"}),
            "curated": len(curated),
            "roles": sum(len(p["roles"]) for p in people),
            "aliases": sum(len(p.get("aliases", ())) for p in people),
        },
        "phoenix": phoenix_report,
        "curated": curated_report,
        "merge": merge_report,
    }
    return {"about": about, "people": people}


def dump(doc: dict[str, Any]) -> str:
    """Compact, key-sorted JSON, one person a line (diffs stay readable)."""
    head = json.dumps(doc["about"], sort_keys=True, ensure_ascii=False, indent=1)
    lines = ",\n".join(json.dumps(p, sort_keys=True, ensure_ascii=False, separators=(",", ":")) for p in doc["people"])
    return '{"about":' + head + ',\n"people":[\n' + lines + "\n]}\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vocab", type=Path, default=ROOT.parent / "shared" / "vocab", help="folder holding petrarch2/")
    ap.add_argument("--curated", type=Path, default=CURATED)
    ap.add_argument("--gazetteer", type=Path, default=GAZETTEER)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    gazetteer = json.loads(args.gazetteer.read_text(encoding="utf-8"))
    doc = generate(args.vocab, args.curated, gazetteer)
    args.out.write_text(dump(doc), encoding="utf-8")
    about = doc["about"]
    print(json.dumps({k: about[k] for k in ("counts", "phoenix", "merge")}, indent=1, ensure_ascii=False))
    cur = about["curated"]
    print(f"curated: {cur['rows']} rows ({cur['terms']} terms), {cur['persons']} persons, {cur['states']} states")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
