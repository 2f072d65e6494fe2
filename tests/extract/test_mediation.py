"""Mediation (graph/extract/mediation.py): a third party that brokers, hosts, leads or witnesses the talks
or the deal of two others gets one CAMEO 045 event directed at the parties."""

from __future__ import annotations

from .conftest import View, run


def mediations(v: View) -> set[tuple[frozenset[str], frozenset[str]]]:
    return {(frozenset(v.n(e.actors)), frozenset(v.n(e.targets))) for e in v.events("045")}


def test_subject_of_a_mediating_verb_with_a_process_object() -> None:
    v = run("Norway brokered the negotiations between Sweden and Finland.")
    assert mediations(v) == {(frozenset({"Norway"}), frozenset({"Sweden", "Finland"}))}


def test_agent_of_a_passive_or_participle() -> None:
    v = run("Sweden and Finland agreed to a joint declaration on Wednesday after talks hosted by Norway.")
    assert (frozenset({"Norway"}), frozenset({"Sweden", "Finland"})) in mediations(v)


def test_name_hyphenated_before_the_verb() -> None:
    v = run("Sweden and Finland signed the Norway-brokered accord on Friday.")
    assert mediations(v) == {(frozenset({"Norway"}), frozenset({"Sweden", "Finland"}))}


def test_parties_from_a_neighbouring_sentence() -> None:
    v = run(
        "Sweden and Finland signed a peace agreement in Oslo on Friday. "
        "Norwegian Foreign Minister Espen Barth Eide witnessed the signing ceremony."
    )
    assert (frozenset({"Espen Barth Eide"}), frozenset({"Sweden", "Finland"})) in mediations(v)


def test_parties_between_through_of() -> None:
    v = run("Norway hosted the signing of the peace agreement between Sweden and the Republic of Finland.")
    assert mediations(v) == {(frozenset({"Norway"}), frozenset({"Sweden", "Finland"}))}


def test_shared_subject_of_coordinated_or_governing_verbs() -> None:
    assert mediations(run("Norway hosted and supported the talks between Sweden and Finland.")) == {
        (frozenset({"Norway"}), frozenset({"Sweden", "Finland"}))
    }
    assert mediations(run("The EU was trying to broker a deal between Sweden and Finland.")) == {
        (frozenset({"European Union"}), frozenset({"Sweden", "Finland"}))
    }


def test_hosting_talks_is_mediation_not_a_visit_hosted() -> None:
    v = run("Sweden and Finland agreed to a truce on Monday. Norway hosted the talks in Oslo.")
    assert (frozenset({"Norway"}), frozenset({"Sweden", "Finland"})) in mediations(v)
    assert not v.events("043")


def test_hosting_a_person_is_not_mediation() -> None:
    v = run("Sweden and Finland agreed to a truce on Monday. Norway hosted Swedish Prime Minister Ulf Kristersson.")
    assert not v.events("045")


def test_no_parties_no_mediation() -> None:
    assert not run("Norway brokered the talks.").events("045")


def test_the_actor_thanked_for_hosting_is_the_mediator_not_the_one_thanking() -> None:
    v = run(
        "Sweden and Finland agreed on Friday to restore ties. Both thanked Norway for hosting several rounds "
        "of dialogue in 2021 and 2022."
    )
    assert (frozenset({"Norway"}), frozenset({"Sweden", "Finland"})) in mediations(v)
    assert not any("Norway" in parties for _m, parties in mediations(v))


def test_hosting_weeks_of_negotiations_is_mediation() -> None:
    v = run(
        "Sweden and Finland held talks in Oslo for weeks. Norway hosted weeks of hard negotiations, officials said."
    )
    assert (frozenset({"Norway"}), frozenset({"Sweden", "Finland"})) in mediations(v)


def test_a_third_party_taking_part_in_the_talks_of_two_others_mediates() -> None:
    v = run("Sweden and Finland held talks in Oslo. Norway took part in the talks, officials said on Monday.")
    assert (frozenset({"Norway"}), frozenset({"Sweden", "Finland"})) in mediations(v)
    w = run("Sweden and Finland held talks in Oslo. Sweden took part in the talks, officials said on Monday.")
    assert mediations(w) == set()


def test_co_mediators_of_talks_between_the_two_states_named_before() -> None:
    v = run(
        "Sweden accused Finland of backing the smugglers. It came as the European Union and Norway were trying "
        "to mediate and finalize years-long talks on normalizing ties between the two Nordic states."
    )
    found = mediations(v)
    assert (frozenset({"European Union"}), frozenset({"Sweden", "Finland"})) in found
    assert (frozenset({"Norway"}), frozenset({"Sweden", "Finland"})) in found
    assert not [e for e in v.events("04") if v.n(e.participants) == {"European Union", "Norway"}]


def test_joining_another_envoy_for_talks_of_two_others_is_mediation() -> None:
    v = run(
        "Sweden and Finland agreed on a ceasefire on Wednesday. Norwegian envoy Jan Berg had joined the Danish "
        "adviser in Oslo for talks in recent days."
    )
    assert any(parties == frozenset({"Sweden", "Finland"}) for _m, parties in mediations(v))


def test_an_exchange_of_prisoners_with_a_third_partys_mediation_is_mediated_by_it() -> None:
    v = run("Ukraine and Russia exchanged 95 prisoners of war on Friday, with UAE mediation.")
    assert any(v.n(e.participants) == {"Ukraine", "Russia"} for e in v.events("0841"))
    assert (frozenset({"United Arab Emirates"}), frozenset({"Ukraine", "Russia"})) in v.directed("045")
    assert not any("United Arab Emirates" in v.n(e.targets) for e in v.events("08"))


def test_those_who_thank_a_host_for_their_talks_are_its_parties() -> None:
    v = run("Sweden and Finland thanked Norway for hosting the talks.")
    assert (frozenset({"Norway"}), frozenset({"Sweden", "Finland"})) in mediations(v)


def test_a_host_credited_after_a_coordinated_to_is_a_mediator() -> None:
    v = run(
        "Sweden and Finland expressed their gratitude to Iceland for hosting several rounds of dialogue, and to "
        "the Norwegian government for hosting, supporting and contributing to the success of the talks."
    )
    found = mediations(v)
    assert (frozenset({"Iceland"}), frozenset({"Sweden", "Finland"})) in found
    assert (frozenset({"Norway"}), frozenset({"Sweden", "Finland"})) in found
    assert not any(parties == frozenset({"Iceland"}) or "Iceland" in parties for m, parties in found if "Norway" in m)
