"""Definite descriptions (graph/extract/resolve/descriptions.py): "the Russian leader" and "the 74-year-old"
are the person the article named before, not a state or nobody."""

from __future__ import annotations

from .conftest import run


def test_the_leader_of_a_state_is_its_leader_named_before() -> None:
    v = run("Russian President Vladimir Putin arrived in Pyongyang on Tuesday. The Russian leader praised North Korea.")
    assert (frozenset({"Vladimir Putin"}), frozenset({"North Korea"})) in v.directed("051")
    assert not any(v.n(e.actors) == {"Russia"} for e in v.events("05"))


def test_a_description_two_named_persons_fit_stays_the_state() -> None:
    v = run(
        "Russian President Vladimir Putin and Russian Prime Minister Mikhail Mishustin met Chinese officials. "
        "The Russian leader later praised North Korea."
    )
    assert (frozenset({"Russia"}), frozenset({"North Korea"})) in v.directed("051")


def test_a_leader_of_another_state_is_not_the_person_named_before() -> None:
    v = run("Russian President Vladimir Putin arrived in Pyongyang. The Chinese leader criticised Japan on Monday.")
    assert not any("Vladimir Putin" in v.n(e.actors) for e in v.events("11"))


def test_an_age_description_is_the_subject_named_just_before() -> None:
    v = run("Indian Prime Minister Narendra Modi met Xi Jinping in Kazan. The 74-year-old later criticised Pakistan.")
    assert (frozenset({"Narendra Modi"}), frozenset({"Pakistan"})) in v.directed("111")


def test_the_presidents_of_two_states_named_together_are_their_office_holders() -> None:
    v = run("President Donald Trump invited the Congolese and Rwandan presidents to a summit in Washington.")
    assert (frozenset({"Donald Trump"}), frozenset({"Félix Tshisekedi", "Paul Kagame"})) in v.directed("036")


def test_the_bloc_and_the_group_are_the_one_body_of_their_kind_named_just_before() -> None:
    v = run("Mercosur imposed tariffs on Chile. The bloc also condemned Peru on Monday.")
    assert (frozenset({"Mercosur"}), frozenset({"Peru"})) in v.directed("111")
    v = run("Hamas denied any breach of the truce. Instead, the group accused Israel of violating the ceasefire.")
    assert (frozenset({"Hamas"}), frozenset({"Israel"})) in v.directed("112")
    v = run("Hamas and Hezbollah denied any breach. The group accused Israel of violating the ceasefire.")
    assert not v.events("112")


def test_a_counterpart_is_the_holder_of_the_same_office_in_the_state_named() -> None:
    v = run("Russian Foreign Minister Sergei Lavrov held talks with his Turkish counterpart on Monday.")
    (talks,) = v.events("04")
    assert v.n(talks.participants) == {"Sergey Lavrov", "Hakan Fidan"}
    w = run("Russian President Vladimir Putin met his Chinese counterpart in Beijing.")
    assert {"Vladimir Putin", "Xi Jinping"} in [v2 for e in w.events("04") if (v2 := w.n(e.participants))]


def test_a_counterpart_of_someone_whose_office_is_unknown_stays_the_state() -> None:
    v = run("Chilean activist Ana Ruiz met her Peruvian counterpart in Lima on Monday.")
    assert not any(a.name == "Dina Boluarte" for a in v.ex.actors)


def test_a_speakers_bare_the_government_is_their_own_states() -> None:
    v = run(
        "Boris Johnson's UK government plans new measures. Dominic Raab, the UK foreign secretary, said on "
        "Monday the government would impose sanctions on Myanmar."
    )
    assert (frozenset({"United Kingdom"}), frozenset({"Myanmar"})) in v.directed("163")


def test_a_states_top_diplomat_is_not_its_one_named_leader() -> None:
    v = run(
        "Colombian President Alvaro Uribe said on Sunday the raid was legal. Ecuador withdrew its ambassador "
        "from Bogota and ordered Colombia's top diplomat expelled."
    )
    assert (frozenset({"Ecuador"}), frozenset({"Colombia"})) in v.directed("17")
