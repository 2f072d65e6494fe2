"""Agencies (graph/extract/resolve/agencies.py): every wording of a state's body is one agency, part of
that state, named alike and carrying the wordings as aliases."""

from __future__ import annotations

from graph.model import ActorKind

from .conftest import View, run


def agencies(v: View) -> dict[str, tuple[str | None, set[str]]]:
    return {a.name: (a.part_of, set(a.aliases)) for a in v.ex.actors if a.kind is ActorKind.AGENCY}


def test_possessive_adjectival_and_in_capital_forms_are_one_agency() -> None:
    v = run(
        "Estonia's Culture Ministry protested on Monday. The Estonian culture ministry said the exhibition "
        "was cancelled. Later the Ministry of Culture in Tallinn criticised Latvia."
    )
    found = agencies(v)
    assert list(found) == ["Ministry of Culture of Estonia"]
    part_of, aliases = found["Ministry of Culture of Estonia"]
    assert part_of == v.actor("Estonia")
    assert {"Estonia's Culture Ministry", "Estonian Ministry of Culture"} <= aliases


def test_a_states_own_name_for_its_foreign_ministry() -> None:
    v = run("India's foreign ministry rejected the allegations by Canada on Tuesday.")
    assert "Ministry of External Affairs" in agencies(v)


def test_an_acronym_defined_in_brackets_names_the_agency_later() -> None:
    v = run(
        "Norway's Ministry of Fisheries (MOF) fined Russia on Monday. The MOF said the trawlers had ignored warnings."
    )
    found = agencies(v)
    assert "MOF" in found["Ministry of Fisheries of Norway"][1]
    mentions = [
        m.text for m in v.ex.mentions if m.actor == next(a.key for a in v.ex.actors if a.name.startswith("Ministry"))
    ]
    assert mentions.count("MOF") == 2


def test_an_embassy_keeps_its_host_city() -> None:
    v = run("The Chinese embassy in Manila condemned the Philippines. The Chinese embassy in Hanoi was silent.")
    names = set(agencies(v))
    assert {"Embassy of China in Manila", "Embassy of China in Hanoi"} <= names


def test_no_state_no_agency() -> None:
    v = run("The culture ministry said the exhibition was cancelled.")
    assert agencies(v) == {}


def test_a_named_body_holding_its_state_is_that_states_agency() -> None:
    v = run("The Royal Canadian Mounted Police accused India of a campaign of violence on Monday.")
    found = agencies(v)
    assert found["Royal Canadian Mounted Police"][0] == v.actor("Canada")


def test_a_possessive_state_and_a_named_committee_make_an_agency() -> None:
    v = run("Russia's Investigative Committee charged two Azerbaijani citizens on Friday.")
    part_of, aliases = agencies(v)["Investigative Committee of Russia"]
    assert part_of == v.actor("Russia")
    assert "Russia's Investigative Committee" in aliases


def test_a_states_listed_agency_keeps_one_name_however_it_is_reached() -> None:
    by_body = run("India's foreign ministry rejected the allegations by Canada on Tuesday.")
    by_name = run("The Ministry of External Affairs (MEA) rejected the allegations by Canada on Tuesday.")
    assert set(agencies(by_body)) == set(agencies(by_name)) == {"Ministry of External Affairs"}
    assert agencies(by_name)["Ministry of External Affairs"][0] == by_name.actor("India")


def test_coordinated_states_before_a_body_name_the_body_of_each() -> None:
    v = run("American and British warplanes struck targets in Yemen on Monday.")
    assert {"Armed Forces of United States", "Armed Forces of United Kingdom"} <= set(agencies(v))
    assert v.directed("19") == {
        (frozenset({"Armed Forces of United States", "Armed Forces of United Kingdom"}), frozenset({"Yemen"}))
    }


def test_a_body_word_that_only_qualifies_another_noun_is_no_mention_of_the_body() -> None:
    v = run("The Ethiopian army moved north. Eritrea fired artillery shells at the border on Monday.")
    assert not [m for m in v.ex.mentions if m.text == "artillery"]
    assert [m for m in v.ex.mentions if m.text == "army"]
