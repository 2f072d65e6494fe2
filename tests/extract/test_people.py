"""graph.extract.people: names (aliases, accents, namesakes), roles on a date, nationality, office holders."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.extract import people as people_module
from graph.extract.people import People, Person, Role, build_people, load_people, name_key

DATA = {
    "people": [
        {
            "id": "ana-perez",
            "name": "Ana Pérez",
            "aliases": ["Ana Perez-Gómez", "Pérez"],
            "roles": [
                {"cameo": "COLELI", "country": "COL"},
                {"cameo": "COLGOV", "country": "COL", "start": "2010-01-01", "end": "2014-12-31"},
                {
                    "cameo": "COLGOV",
                    "country": "COL",
                    "start": "2022-08-07",
                    "end": "2024-01",
                    "office": "foreign_minister",
                },
                {"cameo": "IGOUNO", "country": "IGOUNO", "start": "2024-02-01", "office": "igo_head"},
            ],
        },
        {
            "id": "luis-mora",
            "name": "Luis Mora",
            "roles": [
                {
                    "cameo": "COLGOV",
                    "country": "COL",
                    "start": "2024-01",
                    "end": "2025-01-31",
                    "office": "foreign_minister",
                }
            ],
        },
        {
            "id": "luis-mora-per",
            "name": "Luis Mora",
            "roles": [{"cameo": "PERGOV", "country": "PER", "start": "2001-03-01", "end": "2003-06-30"}],
        },
        {
            "id": "sofia-lund",
            "name": "Søfia Lund",
            "aliases": ["Sofia Lund"],
            "roles": [
                {
                    "cameo": "DNKGOV",
                    "country": "DNK",
                    "start": "2019-06-27",
                    "end": "2022-12-15",
                    "office": "head_of_government",
                },
                {"cameo": "DNKGOV", "country": "DNK", "start": "2022-12-15", "office": "foreign_minister"},
            ],
        },
        {
            "id": "ines-roy",
            "name": "Inès Roy",
            "roles": [{"cameo": "DNKGOV", "country": "DNK", "start": "2022-12-15", "office": "head_of_government"}],
        },
    ]
}


@pytest.fixture
def people() -> People:
    return build_people(DATA)


def one(people: People, name: str) -> Person:
    (person,) = people.by_name(name)
    return person


def test_names_and_aliases_are_found_whatever_the_case_accents_and_hyphens(people: People) -> None:
    ana = people.get("ana-perez")
    assert ana is not None
    for surface in (
        "Ana Pérez",
        "ana perez",
        "ANA PEREZ",
        "Ana  Pérez ",
        "Pérez",
        "ana perez gomez",
        "Ana Pérez-Gómez",
    ):
        assert people.by_name(surface) == [ana], surface
    assert one(people, "sofia lund") is one(people, "SØFIA LUND") is people.get("sofia-lund")
    assert people.by_name("Ana") == [] and people.by_name("Pérez Ana") == [] and people.by_name("") == []


def test_namesakes_are_all_returned(people: People) -> None:
    assert {p.id for p in people.by_name("luis mora")} == {"luis-mora", "luis-mora-per"}


def test_name_key_ignores_what_spelling_varies_in() -> None:
    assert name_key("Recep Tayyip Erdoğan") == name_key("RECEP TAYYIP ERDOGAN")
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un")
    assert name_key("S. Jaishankar") == name_key("S Jaishankar")
    assert name_key("Lars Løkke Rasmussen") == name_key("Lars Lokke Rasmussen")
    assert name_key("Gideon Sa’ar") == name_key("Gideon Sa'ar") != name_key("Gideon Saar")


def test_holder_inside_and_outside_a_term(people: People) -> None:
    assert people.holder("COL", "foreign_minister", date(2023, 5, 1)) is people.get("ana-perez")
    assert people.holder("col", "foreign_minister", date(2022, 8, 7)) is people.get("ana-perez")  # first day counts
    assert people.holder("COL", "foreign_minister", date(2024, 6, 1)) is people.get("luis-mora")
    assert people.holder("COL", "foreign_minister", date(2025, 1, 31)) is people.get("luis-mora")  # last day counts
    assert people.holder("COL", "foreign_minister", date(2022, 8, 6)) is None  # before anyone known
    assert people.holder("COL", "foreign_minister", date(2025, 2, 1)) is None  # after the last known term
    assert people.holder("COL", "head_of_state", date(2023, 5, 1)) is None  # no such office in the data
    assert people.holder("IGOUNO", "igo_head", date(2030, 1, 1)) is people.get("ana-perez")  # open end


def test_holder_is_none_when_two_people_hold_the_office(people: People) -> None:
    # a term given to the month covers it all: January 2024 has two foreign ministers
    assert people.holder("COL", "foreign_minister", date(2024, 1, 15)) is None
    # a handover day has two heads of government
    assert people.holder("DNK", "head_of_government", date(2022, 12, 15)) is None
    assert people.holder("DNK", "head_of_government", date(2022, 12, 14)) is people.get("sofia-lund")
    assert people.holder("DNK", "head_of_government", date(2022, 12, 16)) is people.get("ines-roy")


def test_holder_rejects_an_unknown_office(people: People) -> None:
    with pytest.raises(ValueError, match="unknown office"):
        people.holder("COL", "minister_of_magic", date(2023, 1, 1))


def test_role_at_prefers_a_curated_office_and_falls_back_to_the_default_role(people: People) -> None:
    ana = one(people, "Ana Pérez")
    assert people.role_at(ana, date(2012, 1, 1)) == Role("COLGOV", "COL", date(2010, 1, 1), date(2014, 12, 31))
    held = people.role_at(ana, date(2023, 1, 1))
    assert held is not None and held.office == "foreign_minister" and held.source == "curated"
    last = people.role_at(ana, date(2024, 1, 31))  # an end given to the month covers the whole month
    assert last is not None and last.office == "foreign_minister"
    # no dated role that day: the dictionary's undated default role
    assert people.role_at(ana, date(2017, 1, 1)) == Role("COLELI", "COL")
    assert people.role_at(one(people, "Inès Roy"), date(2000, 1, 1)) is None
    latest = people.role_at(ana, None)
    assert latest is not None and latest.country == "IGOUNO"


def test_nationality_comes_from_the_state_role_held_else_the_latest_state_role(people: People) -> None:
    ana = one(people, "Ana Pérez")
    assert people.nationality(ana, date(2012, 6, 1)) == "COL"
    # at the UN: an organisation is no nationality; the latest state role says COL
    assert people.nationality(ana, date(2025, 1, 1)) == "COL"
    assert people.nationality(ana) == "COL"
    peru = people.get("luis-mora-per")
    assert peru is not None and people.nationality(peru, date(2020, 1, 1)) == "PER"
    lonely = Person("x", "X", roles=(Role("IGOUNO", "IGOUNO", date(2000, 1, 1)),))
    assert People([lonely]).nationality(lonely, date(2001, 1, 1)) is None


def test_roles_know_states_from_organisations() -> None:
    assert Role("COLGOV", "COL").is_state and not Role("IGOUNO", "IGOUNO").is_state
    assert not Role("COLELI", "COL").dated and Role("COLGOV", "COL", end=date(2000, 1, 1)).dated


# ------------------------------------------------------------------------- the packaged data


def test_packaged_data_loads_with_curated_and_phoenix_people() -> None:
    people = load_people()
    assert load_people() is people  # cached
    assert len(people) > 10_000
    sources = {r.source for p in people for r in p.roles}
    assert sources == {"curated", "phoenix"}
    assert len({p.id for p in people}) == len(people)


def test_packaged_data_answers_from_the_curated_table() -> None:
    people = load_people()
    (zelenskyy,) = people.by_name("Zelensky")
    assert people.by_name("Volodymyr Zelenskiy") == [zelenskyy]
    assert people.holder("UKR", "head_of_state", date(2024, 1, 1)) is zelenskyy
    assert people.holder("UKR", "head_of_state", date(2016, 1, 1)) is not zelenskyy
    rubio = people.holder("USA", "foreign_minister", date(2025, 6, 1))
    assert rubio is not None and "Rubio" in rubio.aliases
    assert rubio.name == "Marco Rubio"
    assert people.holder("USA", "foreign_minister", date(2025, 1, 20)) is not rubio  # his term starts the day after
    # curated wins over Phoenix: the dictionaries' open-ended [USAGOV >090120] for Obama is gone
    (obama,) = people.by_name("Barack Obama")
    assert people.role_at(obama, date(2012, 1, 1)) is not None
    held = people.role_at(obama, date(2020, 1, 1))
    assert held is None or held.cameo != "USAGOV"
    assert "President Obama" in obama.aliases  # a Phoenix synonym, merged
    (guterres,) = people.by_name("Antonio Guterres")
    assert people.nationality(guterres, date(2020, 1, 1)) == "PRT"  # from the Phoenix PRTGOV role


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    load_people.cache_clear()
    yield
    load_people.cache_clear()


@pytest.mark.parametrize("content", [None, "{not json", '{"about": {}}', '{"people": [{"name": "no id"}]}'])
def test_a_missing_or_broken_data_file_is_an_extraction_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None, content: str | None
) -> None:
    (tmp_path / "data").mkdir()
    if content is not None:
        (tmp_path / "data" / "people.json").write_text(content, encoding="utf-8")
    monkeypatch.setattr(people_module.resources, "files", lambda _package: tmp_path)
    with pytest.raises(ExtractionError) as err:
        load_people()
    assert "people.json" in str(err.value) and "generate_people.py" in str(err.value)


def test_near_name_finds_a_one_letter_typo_among_names_of_two_words_or_more() -> None:
    p = Person("a-b", "Gustavo Petro", (), ())
    q = Person("c-d", "Gustavo Pedro", (), ())
    people = People([p, q])
    assert people.near_name("Guistavo Petro") == [p]
    assert people.near_name("Gustavo Petra") == [p]
    assert people.near_name("Gustavo Pet") == []  # two letters away
    assert people.near_name("Petro") == []  # one word: too little to call a typo
    assert set(people.near_name("Gustavo Pedra")) == {q}
