"""Reported speech (graph/extract/reported.py): a speaker's account of another's hostile act is the
speaker's accusation of that actor; the act itself stays the other's, claimed by the speaker."""

from __future__ import annotations

import pytest

from .conftest import run


def test_a_speaker_reporting_an_attack_accuses_the_attacker() -> None:
    v = run("Estonian Foreign Minister Margus Tsahkna said Russia had bombed Ukrainian ports for months.")
    assert (frozenset({"Margus Tsahkna"}), frozenset({"Russia"})) in v.directed("112")
    attack = v.events("19")
    assert attack and all(v.n(e.actors) == {"Russia"} for e in attack)
    assert all(e.claimant == v.actor("Margus Tsahkna") for e in attack)


def test_a_speaker_reporting_own_side_acts_accuses_nobody() -> None:
    v = run("Russian Defence Minister Andrei Belousov said Russia had struck Ukrainian ports on Monday.")
    assert v.directed("112") == set()


def test_no_second_accusation_when_the_speaker_already_accuses() -> None:
    v = run("Poland accused Belarus of attacking Lithuania, and said Belarus had attacked Lithuania in May.")
    accusations = [e for e in v.events("112") if v.n(e.actors) == {"Poland"} and v.n(e.targets) == {"Belarus"}]
    assert len(accusations) == 1


def test_cooperation_reported_is_not_an_accusation() -> None:
    v = run("Kenyan President William Ruto said Uganda had signed a trade pact with Tanzania.")
    assert v.directed("112") == set()


def test_saying_someone_was_behind_or_responsible_for_a_harm_is_an_accusation() -> None:
    v = run("Chilean Foreign Minister Ana Ruiz said Peru was behind the attack on the embassy in Lima.")
    assert (frozenset({"Ana Ruiz"}), frozenset({"Peru"})) in v.directed("112")
    w = run("Chilean Foreign Minister Ana Ruiz said Peru was responsible for the bombing of the pipeline.")
    assert (frozenset({"Ana Ruiz"}), frozenset({"Peru"})) in w.directed("112")


def test_responsible_for_something_harmless_is_no_accusation() -> None:
    v = run("Chilean Foreign Minister Ana Ruiz said Peru was responsible for security at the summit in Lima.")
    assert v.directed("112") == set()


def test_linking_someone_to_a_campaign_accuses_them() -> None:
    v = run("Chilean police linked agents of the Peruvian state to a campaign of violence, officials said.")
    assert any("Peru" in targets for _src, targets in v.directed("112"))


def test_a_speaker_telling_of_an_act_shared_with_another_accuses_neither() -> None:
    v = run("Serbian President Ana Markovic and Hungary said they will attack Croatia's border posts.")
    assert v.directed("112") == set()


def test_a_third_party_telling_of_a_cancelled_visit_or_a_protest_accuses_nobody() -> None:
    v = run(
        "A Dutch minister has cancelled a planned visit to Ghana, the Belgian Foreign Ministry said on Sunday. "
        "Thousands of Kenyans protested against Uganda in Nairobi, Tanzanian officials said."
    )
    assert v.directed("112") == set()


def test_what_a_speaker_says_another_must_do_is_a_demand_and_not_an_act() -> None:
    v = run("Chilean Foreign Minister Ana Ruiz said Peru must release the detained fishermen.")
    assert v.directed("10") == {(frozenset({"Ana Ruiz"}), frozenset({"Peru"}))}
    assert not v.events("08")


def test_the_speaker_of_a_subject_parsed_as_a_gerunds_subject() -> None:
    # the parse makes "operating" the subject of "said" and "Red Cross" the subject of "operating"
    v = run("The Red Cross operating in Iraq said US and British forces must ensure security.")
    assert v.directed("10") == {
        (
            frozenset({"International Committee of the Red Cross"}),
            frozenset({"Armed Forces of United States", "Armed Forces of United Kingdom"}),
        )
    }


def test_saying_the_charges_are_baseless_rejects_them_and_answers_the_accuser() -> None:
    v = run(
        "Iran said on Monday accusations that it had a role in the attack on Saudi oil installations were "
        "unacceptable and baseless, after a senior U.S. official said the Islamic Republic was behind it."
    )
    assert (frozenset({"United States"}), frozenset({"Iran"})) in v.directed("112")
    assert (frozenset({"Iran"}), frozenset({"United States"})) in v.directed("12")
    w = run("Russia said the British allegations were false.")
    assert w.directed("12") == {(frozenset({"Russia"}), frozenset({"United Kingdom"}))}


def test_charges_said_to_be_serious_are_not_rejected() -> None:
    v = run("Russia said the British allegations were serious.")
    assert not v.events("12")


def test_sources_telling_of_fighting_accuse_nobody() -> None:
    v = run("Vietnamese-led forces have retaken a village in Cambodia after fighting, Thai military sources said.")
    assert v.directed("112") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian Foreign Ministry said Chilean troops violated the border protocols.",
        "The Peruvian army alleged that Chilean troops crossed the border illegally on Monday.",
        "Peru said Chile had meddled in its internal affairs.",
    ],
)
def test_a_wrong_the_speaker_says_another_state_did_is_an_accusation(text: str) -> None:
    v = run(text)
    accusations = v.events("112")
    # Chile, or its armed forces when an army accuses them
    assert accusations and all(any("Chile" in name for name in v.n(e.targets)) for e in accusations)


@pytest.mark.parametrize(
    "text",
    [
        "Peru said Chile did not violate the protocols.",
        "The Peruvian army said Peruvian troops crossed the border illegally.",
        "Chilean troops violated the border protocols.",
        "Peru said it would respond militarily if Chile violates its borders.",
    ],
)
def test_no_accusation_for_a_denied_wrong_ones_own_side_or_no_speaker(text: str) -> None:
    assert not run(text).events("112")
