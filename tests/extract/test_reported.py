"""Reported speech (graph/extract/reported.py): a speaker's account of another's hostile act is the
speaker's accusation of that actor; the act itself stays the other's, claimed by the speaker."""

from __future__ import annotations

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
