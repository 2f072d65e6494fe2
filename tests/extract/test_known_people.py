"""Known people (graph/extract/resolve/known.py): the dictionary of office holders names, dates and
places the persons an article mentions."""

from __future__ import annotations

from datetime import date

from graph.model import ActorKind

from .conftest import run


def persons(v: object) -> dict[str, str | None]:
    return {a.name: a.nationality for a in v.ex.actors if a.kind is ActorKind.PERSON}  # type: ignore[attr-defined]


def test_a_surname_alone_is_the_office_holder_of_that_time_with_a_nationality() -> None:
    v = run(
        "Speaking to reporters in the capital, Macron on Wednesday criticised Algeria over the arrests of activists."
    )
    found = persons(v)
    assert "Emmanuel Macron" in found
    assert found["Emmanuel Macron"] == v.actor("France")
    assert (frozenset({"Emmanuel Macron"}), frozenset({"Algeria"})) in v.directed("11")


def test_a_surname_of_someone_long_out_of_office_is_not_guessed() -> None:
    v = run(
        "Speaking to reporters in the capital, Macron on Wednesday criticised Algeria over the arrests.",
        published=date(1985, 5, 1),
    )
    assert "Emmanuel Macron" not in persons(v)


def test_an_unnamed_office_with_its_state_is_its_holder_on_the_articles_date() -> None:
    v = run(
        "The British foreign secretary criticised Iran on Monday over the detention of two journalists.",
        date(2023, 6, 1),
    )
    assert "James Cleverly" in persons(v)
    later = run(
        "The British foreign secretary criticised Iran on Monday over the detention of two journalists.",
        date(2025, 6, 1),
    )
    assert "David Lammy" in persons(later)


def test_no_article_date_no_office_holder() -> None:
    v = run("The British foreign secretary criticised Iran on Monday over the detention of two journalists.", None)
    assert "James Cleverly" not in persons(v) and "David Lammy" not in persons(v)


def test_a_known_surname_the_tagger_missed_is_still_a_person() -> None:
    # the small model gives a sentence-initial "Trump" no entity at all, and "Carney" a place label
    v = run("Trump met Sheinbaum in Washington on Monday.")
    assert {"Donald Trump", "Claudia Sheinbaum"} <= set(persons(v))
    assert any(v.n(e.participants) == {"Donald Trump", "Claudia Sheinbaum"} for e in v.events("04"))
    w = run("Modi met Carney in Ottawa.")
    assert {"Narendra Modi", "Mark Carney"} <= set(persons(w))


def test_month_names_and_titles_are_not_read_as_known_surnames() -> None:
    v = run("In May, Chinese President Xi Jinping spoke with Trump.")
    assert "Xi Jinping" in persons(v)
    assert not any(name.lower().startswith("president") for name in persons(v))


def test_every_article_spells_a_known_person_as_the_dictionary_does() -> None:
    a = run("North Korean leader Kim Jong-un met Russian President Vladimir Putin in Pyongyang.")
    b = run("North Korean leader Kim Jong Un met Russian President Vladimir Putin in Pyongyang.")
    assert "Kim Jong Un" in persons(a) and "Kim Jong Un" in persons(b)
    assert a.actor("Kim Jong Un") == b.actor("Kim Jong Un")  # one IRI across articles


def test_a_one_letter_typo_of_a_recent_office_holder_is_that_person() -> None:
    v = run("Treasury Secretary Scott Bassent met Chinese officials in Geneva on Monday.")
    found = persons(v)
    assert "Scott Bessent" in found and "Scott Bassent" not in found
    assert found["Scott Bessent"] == v.actor("United States")
    bessent = next(a for a in v.ex.actors if a.name == "Scott Bessent")
    assert "Scott Bassent" in bessent.aliases  # the text's spelling is kept


def test_a_name_one_letter_from_a_long_gone_office_holder_is_not_changed() -> None:
    v = run("Treasury Secretary Scott Bassent met Chinese officials in Geneva.", published=date(1985, 5, 1))
    assert "Scott Bassent" in persons(v)


def test_a_bare_name_that_is_also_a_family_name_first_names_nobody_alone() -> None:
    v = run("Kim pledged full backing for Russia on Wednesday.", date(2024, 6, 19))
    assert "Jim Yong Kim" not in {a.name for a in v.ex.actors}
    w = run("North Korean leader Kim Jong Un hosted Putin. Kim pledged full backing for Russia.", date(2024, 6, 19))
    assert (frozenset({"Kim Jong Un"}), frozenset({"Russia"})) in w.directed("05")
