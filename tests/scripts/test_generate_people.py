"""scripts/generate_people.py: Phoenix person entries and the curated table become people.json (on
dictionaries written here in the Phoenix format, so the test needs nothing outside the repository)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from graph.extract.people import People, build_people
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parents[2]
SHARED_VOCAB = ROOT.parent / "shared" / "vocab"

COUNTRIES = """\
# comment line
FREEDONIA_  [GRC]
+FREEDONIAN_

# National Institutions
HELLENIC_NAVY_
\t[GRCMIL]

BARACK_OBAMA
+MR._OBAMA_
+PRESIDENT_OBAMA_
+OBAMA_ADMINISTRATION
\t[USAELI 780101-000101]
\t[USAGOV >090120]
JAVIER_DE_CUELLAR_  # CountryInfo.txt
\t[PERELI 19200101-820101]
BASHAR_AL-ASSAD_  # CountryInfo.txt
\t[SYRGOV >000717]
LEONID_BREZHNEV_  # CountryInfo.txt
LEONID_ILYICH_BREZHNEV
\t[RUSGOV 641014-821110]
MOON_JAE-IN_
\t[KORGOV 170510-220510]
OLD_REGENT_  # CountryInfo.txt
\t[ESPGOV <751120]
ONLY_ELITE_  # CountryInfo.txt
\t[ELI]
BROKEN_DATE_MAN_  # CountryInfo.txt
\t[FRAGOV 9008223-911221]
\t[FRAELI]
SYRIAN_NATIONAL_COUNCIL_
\t[SYROPP >110801]
"""
INTERNATIONAL = """\
UNITED_NATIONS_ [IGOUNO]
BAN_KI-MOON_\t[IGOUNO >20070101] [KORGOV 040117-061201]
"""
MILNONSTATE = """\
ABU_NIDAL_ORGANIZATION [IMGMUSALQ] #  kkl 21 Mar 13
+FATAH_REVOLUTIONARY_COUNCIL_
"""
CURATED = """\
offices:
  USA:
    head_of_state_and_government:
      - [Barack Obama, 2009-01-20, 2017-01-20]
      - [Donald Trump, 2017-01-20, 2021-01-20]
  COL:
    defence_minister:
      - [Pedro Sánchez (COL), 2025-02, null]
  ESP:
    head_of_government:
      - [Pedro Sánchez, 2018-06-02, null]
  IGOUNO:
    igo_head:
      - [Ban Ki-moon, 2007-01-01, 2016-12-31]
people:
  Barack Obama: [Barack Hussein Obama]
  Donald Trump: [Trump]
"""


def load() -> ModuleType:
    return load_script("scripts/generate_people.py")


def write_inputs(tmp_path: Path, curated: str = CURATED) -> tuple[Path, Path]:
    vocab = tmp_path / "vocab"
    (vocab / "petrarch2").mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("Phoenix.Countries.actors.txt", COUNTRIES),
        ("Phoenix.International.actors.txt", INTERNATIONAL),
        ("Phoenix.MilNonState.actors.txt", MILNONSTATE),
    ):
        (vocab / "petrarch2" / name).write_text(text, encoding="utf-8")
    table = tmp_path / "office_holders.yaml"
    table.write_text(curated, encoding="utf-8")
    return vocab, table


def generate(tmp_path: Path, name: str = "people.json") -> tuple[dict, People]:
    vocab, table = write_inputs(tmp_path)
    out = tmp_path / name
    load().main(["--vocab", str(vocab), "--curated", str(table), "--out", str(out)])
    doc = json.loads(out.read_text(encoding="utf-8"))
    return doc, build_people(doc)


def test_person_entries_become_people_with_names_aliases_and_dated_roles(tmp_path: Path) -> None:
    doc, people = generate(tmp_path)
    names = {p.name for p in people}
    # persons only: no country, institution, organisation, armed group or person without a state
    assert names == {
        "Barack Obama",
        "Donald Trump",
        "Javier de Cuellar",
        "Bashar al-Assad",
        "Leonid Brezhnev",
        "Moon Jae-in",
        "Old Regent",
        "Broken Date Man",
        "Ban Ki-moon",
        "Pedro Sánchez",
    }
    skipped = doc["about"]["phoenix"]["entries_skipped"]
    assert skipped["no role with a state or organisation"] == 1  # ONLY_ELITE_
    assert skipped["an organisation, place or group"] == 1  # SYRIAN_NATIONAL_COUNCIL_

    (cuellar,) = people.by_name("Javier de Cuellar")
    assert cuellar.roles[0].start == date(1920, 1, 1) and cuellar.roles[0].end == date(1982, 1, 1)
    (assad,) = people.by_name("BASHAR AL ASSAD")
    assert people.role_at(assad, date(2010, 1, 1)) is not None  # >000717: since 17 July 2000, open
    assert people.role_at(assad, date(2000, 7, 16)) is None
    (regent,) = people.by_name("Old Regent")
    assert people.role_at(regent, date(1960, 1, 1)) is not None and people.role_at(regent, date(1976, 1, 1)) is None
    (moon,) = people.by_name("Moon Jae-in")  # Korean given names keep the second syllable lower-case
    assert moon.roles[0].start == date(2017, 5, 10) and moon.roles[0].end == date(2022, 5, 10)
    # a codeless primary phrase shares the next entry's codes: one person with both names
    (brezhnev,) = people.by_name("Leonid Ilyich Brezhnev")
    assert brezhnev.name == "Leonid Brezhnev" and people.nationality(brezhnev) == "RUS"
    # an unreadable date drops that role, not the person; the undated default remains
    (broken,) = people.by_name("Broken Date Man")
    assert [r.cameo for r in broken.roles] == ["FRAELI"]
    assert doc["about"]["phoenix"]["notes"]["unreadable date"] == 1


def test_curated_rows_win_and_absorb_the_phoenix_person(tmp_path: Path) -> None:
    doc, people = generate(tmp_path)
    (obama,) = people.by_name("Barack Obama")
    assert {"President Obama", "Mr. Obama", "Barack Hussein Obama"} <= set(obama.aliases)
    assert "Obama Administration" not in obama.aliases  # names his government, not him
    # the Phoenix [USAGOV >090120] would make him president forever; the curated term has the dates
    assert people.holder("USA", "head_of_state", date(2012, 1, 1)) is obama
    assert people.holder("USA", "head_of_government", date(2012, 1, 1)) is obama
    assert people.holder("USA", "head_of_state", date(2018, 1, 1)) is people.by_name("Trump")[0]
    assert all(r.end is not None for r in obama.roles if r.cameo == "USAGOV")
    assert people.role_at(obama, date(1990, 1, 1)) is not None  # Phoenix USAELI 1978-2000 kept
    cameo_for = {r.office: r.cameo for p in people for r in p.roles if r.office}
    assert cameo_for["head_of_state"] == "USAGOV" and cameo_for["head_of_government"] == "ESPGOV"
    assert cameo_for["defence_minister"] == "COLGOVMIL" and cameo_for["igo_head"] == "IGOUNO"
    # a head of an organisation takes the Phoenix person's state roles: nationality
    (ban,) = people.by_name("Ban Ki-moon")
    assert people.nationality(ban, date(2010, 1, 1)) == "KOR"
    # namesakes from the table stay apart ("(COL)" is not part of the name)
    sanchez = people.by_name("Pedro Sanchez")
    assert len(sanchez) == 2 and {p.id for p in sanchez} == {"pedro-sanchez", "pedro-sanchez-col"}
    minister = people.holder("COL", "defence_minister", date(2025, 2, 15))
    assert minister is not None and minister.id == "pedro-sanchez-col"
    about = doc["about"]
    assert "Open Event Data Alliance" in about["sources"]["phoenix"] and "MIT" in about["sources"]["phoenix"]
    assert about["curated"]["rows"] == 5 and about["curated"]["terms"] == 7
    assert about["counts"]["people"] == len(people)


def test_output_is_deterministic(tmp_path: Path) -> None:
    """Same bytes on every run, whatever the interpreter's string hashing (sets never decide the order)."""
    vocab, table = write_inputs(tmp_path)
    outputs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"people-{seed}.json"
        args = ["--vocab", str(vocab), "--curated", str(table), "--out", str(out)]
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "generate_people.py"), *args],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("offices:\n  USA:\n    president:\n      - [A B, 2020-01-01, null]\n", "unknown office"),
        ("offices:\n  XXX:\n    head_of_state:\n      - [A B, 2020-01-01, null]\n", "XXX"),
        ("offices:\n  USA:\n    head_of_state:\n      - [A B, 2020-01-01, 2019-01-01]\n", "ends before it starts"),
        ("offices:\n  USA:\n    head_of_state:\n      - [A B, 2020-13, null]\n", "not a date"),
        ("offices:\n  USA:\n    head_of_state:\n      - [A B, 2020-01-01]\n", "expected [name, start, end]"),
        ("offices: {}\npeople:\n  Nobody Here: [N]\n", "holds no office"),
    ],
)
def test_a_broken_table_is_refused(tmp_path: Path, table: str, message: str) -> None:
    vocab, path = write_inputs(tmp_path, table)
    with pytest.raises(SystemExit, match=message.replace("[", r"\[")):
        load().main(["--vocab", str(vocab), "--curated", str(path), "--out", str(tmp_path / "out.json")])


def test_title_case_of_dictionary_phrases() -> None:
    gen = load()
    assert gen.title_name("JAVIER_DE_CUELLAR_") == "Javier de Cuellar"
    assert gen.title_name("SAUD_AL-FAISAL") == "Saud al-Faisal"
    assert gen.title_name("AL-SISI") == "Al-Sisi"
    assert gen.title_name("THOMAS_P._O'NEILL") == "Thomas P. O'Neill"
    assert gen.title_name("GIDEON_SA'AR") == "Gideon Sa'ar"
    assert gen.title_name("ROBERT_MCNAMARA") == "Robert McNamara"
    assert gen.title_name("CARL_XVI_GUSTAF") == "Carl XVI Gustaf"
    assert gen.title_name("US_PRESIDENT_BARACK_OBAMA") == "US President Barack Obama"
    assert gen.title_name("BAN_KI-MOON", hyphen_lower=True) == "Ban Ki-moon"
    assert gen.dictionary_date("300101") == date(2030, 1, 1) and gen.dictionary_date("310101") == date(1931, 1, 1)
    assert gen.dictionary_date("19200101") == date(1920, 1, 1)
    assert gen.dictionary_date("2004017") is None and gen.dictionary_date("900231") is None


@pytest.mark.skipif(not (SHARED_VOCAB / "petrarch2").is_dir(), reason="needs ../shared/vocab/petrarch2")
def test_the_committed_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    out = tmp_path / "people.json"
    load().main(["--vocab", str(SHARED_VOCAB), "--out", str(out)])
    committed = ROOT / "graph" / "extract" / "data" / "people.json"
    assert out.read_bytes() == committed.read_bytes(), "run scripts/generate_people.py and commit the result"
