"""Modality (graph/extract/modality.py): what a sentence says happened, will happen, or only might."""

from __future__ import annotations

from graph.model import Modality

from .conftest import run


def test_an_act_under_a_modal_verb_it_completes_is_hypothetical() -> None:
    v = run("If the pact covers defence, Russia would be obliged to take part in a war against Japan.")
    wars = v.events("19")
    assert wars and all(e.modality is Modality.HYPOTHETICAL for e in wars)
    w = run("Kenya would have to expel the Ugandan ambassador.")
    assert w.events("1") and all(e.modality is Modality.HYPOTHETICAL for e in w.events("1"))


def test_the_future_of_a_past_report_is_still_a_plan() -> None:
    v = run("Ghana said it would begin to withdraw its troops from Mali.")
    assert v.events("") and all(e.modality is Modality.PLANNED for e in v.events(""))


def test_what_lies_ahead_until_a_condition_is_met_is_hypothetical() -> None:
    v = run("The ministry said the ban on trade would stay until Egypt allowed aid into Gaza.")
    allowed = [e for e in v.ex.events if v.n(e.actors) == {"Egypt"}]
    assert allowed and all(e.modality is Modality.HYPOTHETICAL for e in allowed)
    w = run("Kenyan troops stayed in Somalia until Ethiopia attacked Eritrea.")
    assert any(e.modality is Modality.ASSERTED for e in w.events("19"))


def test_an_event_noun_is_as_its_predicate_says() -> None:
    v = run("An official doubted that a trade deal between Peru and Chile would materialise.")
    assert all(e.modality is not Modality.ASSERTED for e in v.events("057"))
    w = run("Talks between Peru and Chile will take place in Lima next week.")
    assert w.events("04") and all(e.modality is Modality.PLANNED for e in w.events("04"))
    x = run("The meeting between Peru and Chile did not take place.")
    assert all(e.modality is not Modality.ASSERTED for e in x.events("04"))


def test_taking_part_in_a_war_is_the_war_of_the_verb_that_governs_it() -> None:
    v = run("Russia would have to take part in a war against Japan if the treaty were signed.")
    assert v.events("19") and all(e.modality is not Modality.ASSERTED for e in v.events("19"))


def test_an_event_noun_whose_predicate_says_what_it_would_cause_is_not_planned() -> None:
    v = run("Peru said Chile's refusal to talk will result in a crisis.")
    assert not [e for e in v.ex.events if e.modality is Modality.PLANNED and e.cameo.startswith("12")]


def test_what_one_avoids_or_refrains_from_doing_is_not_done() -> None:
    v = run("Kenya avoided meeting Somalia's president. Uganda refrained from attacking Sudan.")
    assert v.ex.events and all(e.modality is not Modality.ASSERTED for e in v.ex.events)
