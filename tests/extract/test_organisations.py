"""Organisations (graph/extract/resolve/organisations.py): names that hold a state keep their whole name."""

from __future__ import annotations

from graph.model import ActorKind

from .conftest import run


def test_a_name_ending_in_of_state_is_one_organisation() -> None:
    v = run("Officials of the Communist Party of Vietnam criticised Cambodia on Monday.")
    orgs = {a.name: a for a in v.ex.actors if a.kind is ActorKind.ORGANIZATION}
    assert "Communist Party of Vietnam" in orgs
    assert orgs["Communist Party of Vietnam"].nationality == v.actor("Vietnam")


def test_an_alliance_of_states_keeps_its_collective_noun() -> None:
    v = run("Mali, Niger and Burkina Faso founded the Alliance of Sahel States in 2023, the ministers said today.")
    names = {a.name for a in v.ex.actors}
    assert "Alliance of Sahel States" in names
    assert "Alliance of" not in names


def test_a_bare_short_name_is_the_state_the_article_names_in_full() -> None:
    v = run(
        "The Democratic Republic of the Congo accused Rwanda of backing rebels. Congo also criticised Uganda on Monday."
    )
    names = {a.name for a in v.ex.actors if a.kind is ActorKind.STATE}
    assert "Democratic Republic of the Congo" in names
    assert "Congo" not in names and "Republic of the Congo" not in names
    alone = run("Congo criticised Gabon on Monday.")
    assert "Congo" in {a.name for a in alone.ex.actors}


def test_a_state_whose_name_is_a_neighbours_name_without_its_qualifier_stays_itself() -> None:
    v = run(
        "The Sudanese government denied safe haven to South Sudanese rebels. The United States lifted sanctions "
        "on Sudan on Friday."
    )
    assert v.directed("08") == {(frozenset({"United States"}), frozenset({"Sudan"}))}


def test_officials_of_a_state_act_as_the_state_and_citizens_stay_a_group() -> None:
    v = run("Canadian officials criticised India on Monday after Indian citizens protested outside the embassy.")
    assert (frozenset({"Canada"}), frozenset({"India"})) in v.directed("11")
    assert "Canada officials" not in {a.name for a in v.ex.actors}


def test_a_portfolio_before_a_title_is_no_organisation() -> None:
    v = run("Commerce Secretary Howard Lutnick and Energy Secretary Chris Wright met Japanese officials.")
    names = {a.name for a in v.ex.actors}
    assert "Commerce" not in names and "Energy" not in names
    assert {"Howard Lutnick", "Chris Wright"} <= names


def test_a_group_or_organisation_named_only_in_passing_is_no_actor() -> None:
    v = run("Chile expelled two Peruvian diplomats after a campaign against Chilean students, Reuters reported.")
    names = {a.name for a in v.ex.actors}
    assert {"Chile", "Peru"} <= names
    assert not any("students" in n for n in names)
    w = run("Chilean students protested against Peru outside its embassy in Santiago on Monday.")
    assert any("students" in a.name for a in w.ex.actors)  # a subject that acts stays


def test_an_acronym_in_brackets_after_an_organisation_is_its_alias() -> None:
    v = run(
        "Kenya accused the Democratic Forces for the Liberation of Rwanda (FDLR) of attacks. "
        "The FDLR denied the charge on Monday."
    )
    orgs = [a for a in v.ex.actors if "FDLR" in a.aliases]
    assert len(orgs) == 1 and orgs[0].name == "Democratic Forces for the Liberation of Rwanda"
    assert not any(a.name == "FDLR" for a in v.ex.actors)


def test_a_full_name_or_acronym_named_in_passing_stays_an_actor() -> None:
    v = run("Chile expelled two Peruvian diplomats, officials of the Organization of Andean Fisheries said.")
    assert "Organization of Andean Fisheries" in {a.name for a in v.ex.actors}


def test_armed_groups_of_recent_news_are_known_and_a_shared_surname_is_not_one() -> None:
    v = run("United Nations experts accused Rwanda of providing military support to M23 rebels near Goma.")
    assert "March 23 Movement" in {a.name for a in v.ex.actors}
    w = run("Congolese Foreign Minister Therese Kayikwamba Wagner criticised Rwanda on Monday.")
    assert "Wagner Group" not in {a.name for a in w.ex.actors}


def test_a_states_group_named_by_an_agent_noun_gets_its_cameo_sector_code() -> None:
    v = run("Syrian rebels attacked Filipino peacekeepers in the Golan Heights on Saturday.")
    codes = {a.name: a.cameo_code for a in v.ex.actors}
    assert codes["Syria rebels"] == "SYRREB"


def test_a_post_named_with_capitals_is_no_organisation() -> None:
    v = run("Armenia's foreign minister met the Personal Representative of the OSCE Chairman-in-Office on Monday.")
    orgs = {a.name for a in v.ex.actors if a.kind is ActorKind.ORGANIZATION}
    assert not [name for name in orgs if "Representative" in name]


def test_a_sum_of_money_names_no_organisation() -> None:
    v = run("Kerry announced a supplementary aid package of USD 380 million for Syria on Monday.")
    assert not [a.name for a in v.ex.actors if a.kind is ActorKind.ORGANIZATION]
