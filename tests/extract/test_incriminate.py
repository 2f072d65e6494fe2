"""Incrimination (graph/extract/incriminate.py): evidence or links that tie an actor to a harm are an
accusation of that actor by the speaker who cites them, else by whoever holds the evidence."""

from __future__ import annotations

from .conftest import run


def test_a_speaker_citing_evidence_of_a_harm_accuses_the_actor_in_it() -> None:
    v = run(
        "Kenyan Interior Minister Kipchumba Murkomen said investigators had found evidence of a bombing "
        "campaign by agents of the Ugandan government."
    )
    assert (frozenset({"Kipchumba Murkomen"}), frozenset({"Uganda"})) in v.directed("112")
    assert all(e.evidence is not None and e.evidence.rule.startswith("incriminate:") for e in v.events("112"))


def test_the_holder_of_the_evidence_accuses_when_nobody_is_quoted() -> None:
    v = run("Poland has evidence that Belarusian officials organised the smuggling of migrants.")
    assert (frozenset({"Poland"}), frozenset({"Belarus"})) in v.directed("112")


def test_a_statement_tying_an_actor_to_crimes_accuses_it() -> None:
    v = run("The Estonian government issued a statement tying Russia to sabotage of undersea cables.")
    assert (frozenset({"Estonia"}), frozenset({"Russia"})) in v.directed("112")


def test_an_actors_links_to_a_killing_accuse_that_actor() -> None:
    v = run("Chile was investigating Peruvian agents' links to the murder of a journalist.")
    assert (frozenset({"Chile"}), frozenset({"Peru"})) in v.directed("112")


def test_linkages_with_a_group_accuse_the_group_not_its_country() -> None:
    v = run("United Nations monitors confirmed linkages between the Afghan Taliban and militant groups.")
    targets = {t for _src, ts in v.directed("112") for t in ts}
    assert "Taliban" in targets
    assert "Afghanistan" not in targets


def test_no_evidence_is_no_accusation() -> None:
    v = run("Lithuania offered no evidence of Belarusian involvement in the attack.")
    assert v.directed("112") == set()


def test_ties_without_a_harm_are_relations_not_accusations() -> None:
    v = run("Vietnam and Japan share historic trade ties, officials in Hanoi said.")
    w = run("Chilean auditors said they had evidence of Peruvian investment in the mining sector.")
    assert v.directed("112") == set()
    assert w.directed("112") == set()


def test_evidence_against_ones_own_state_is_no_accusation() -> None:
    v = run("Chilean police said they had evidence of a campaign of violence by Chilean gangs.")
    assert v.directed("112") == set()
