"""Places (graph/extract/resolve/places.py): cities, provinces, seas and venues are Locations; a capital
that acts stands for its state, a capital that hosts is a city."""

from __future__ import annotations

from graph.model import ActorKind

from .conftest import View, run


def kinds(v: View) -> dict[str, ActorKind]:
    return {a.name: a.kind for a in v.ex.actors}


def test_a_capital_as_venue_is_a_location_and_as_agent_is_its_state() -> None:
    v = run("Kenya and Uganda held two days of talks in Nairobi on Monday. Nairobi later expelled an envoy.")
    k = kinds(v)
    assert k.get("Nairobi") is ActorKind.SITE
    assert k.get("Kenya") is ActorKind.STATE
    expel_sources = {a for e in v.ex.events for a in v.n(e.actors)}
    assert "Nairobi" not in expel_sources


def test_known_cities_and_provinces_are_places_whatever_the_ner_says() -> None:
    v = run("Rebels seized Bukavu last month. The fighting spread from British Columbia to Ontario, officials said.")
    k = kinds(v)
    assert k.get("Bukavu") is ActorKind.SITE
    assert k.get("British Columbia") is ActorKind.SITE
    assert "United Kingdom" not in k  # "British" inside a province name is not Britain


def test_a_city_word_inside_a_persons_name_stays_the_person() -> None:
    v = run("Senator Marsha Jackson criticised Germany on Tuesday. Jackson said Berlin had erred.")
    k = kinds(v)
    assert k.get("Marsha Jackson") is ActorKind.PERSON
    assert "Jackson" not in k


def test_names_ending_in_a_place_noun_are_places_not_the_state_inside() -> None:
    v = run("Chinese ships blocked a resupply mission near Scarborough Shoal in the South China Sea on Sunday.")
    k = kinds(v)
    assert k.get("Scarborough Shoal") is ActorKind.SITE
    assert k.get("South China Sea") is ActorKind.SITE


def test_washington_dc_is_the_city() -> None:
    v = run("The two presidents signed the accord in Washington, D.C., on Friday.")
    assert kinds(v).get("Washington, D.C.") is ActorKind.SITE


def test_continents_in_passing_are_not_actors() -> None:
    v = run("Kenya criticised Uganda over the war in Africa on Monday.")
    assert "Africa" not in kinds(v)


def test_a_small_town_named_like_a_person_stays_the_person() -> None:
    v = run(
        "Prime Minister Mark Carney met the premiers on Monday, and Carney said Ottawa would respond to the tariffs."
    )
    assert kinds(v).get("Mark Carney") is ActorKind.PERSON
    assert "Carney" not in kinds(v)


def test_a_name_qualifying_a_noun_after_in_is_no_place() -> None:
    v = run("Police named two suspects in the Kowalski murder inquiry on Monday, officials in Warsaw said.")
    assert "Kowalski" not in kinds(v) or kinds(v)["Kowalski"] is not ActorKind.SITE


def test_the_capital_of_a_state_named_by_its_adjective_is_that_city() -> None:
    v = run("President William Ruto arrived in the Ugandan capital on Monday for talks with Yoweri Museveni.")
    assert kinds(v).get("Kampala") is ActorKind.SITE
    assert (frozenset({"William Ruto"}), frozenset({"Uganda"})) in v.directed("042")


def test_a_capital_naming_a_treaty_is_no_actor() -> None:
    v = run("India said Canada had violated the Vienna Convention on Diplomatic Relations.")
    assert "Austria" not in {a.name for a in v.ex.actors}
    w = run("Vienna criticised Moscow on Monday.")
    assert {"Austria", "Russia"} <= {a.name for a in w.ex.actors}


def test_a_capital_naming_a_group_of_states_is_no_actor() -> None:
    v = run("Armenia and Azerbaijan met the co-chairs of the Minsk Group in Vienna on Monday.")
    assert "Belarus" not in {a.name for a in v.ex.actors}


def test_a_word_ending_another_states_compound_name_is_not_a_state() -> None:
    v = run("The convenor, St Vincent and the Grenadines Prime Minister Ralph Gonsalves, read the declaration.")
    names = {a.name for a in v.ex.actors}
    assert "Grenada" not in names and "Saint Vincent and the Grenadines" in names


def test_a_known_place_the_tagger_missed_is_read_where_the_words_before_say_a_place_follows() -> None:
    v = run("The situation in the southern Gaza city of Rafah worsened on Monday.")
    assert ("Rafah", ActorKind.SITE) in {(a.name, a.kind) for a in v.ex.actors}
    w = run("Fighting raged in Bakhmut on Monday.")
    assert ("Bakhmut", ActorKind.SITE) in {(a.name, a.kind) for a in w.ex.actors}


def test_a_french_province_name_is_known_by_its_english_form() -> None:
    v = run("Rwandan troops must leave North Kivu and South Kivu provinces within ninety days.")
    sites = {a.name for a in v.ex.actors if a.kind is ActorKind.SITE}
    assert {"North Kivu", "South Kivu"} <= sites
