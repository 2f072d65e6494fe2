"""Decisions (graph/extract/modality.py): a decision taken to act is the act; one still to take plans it."""

from __future__ import annotations

from graph.model import Modality

from .conftest import run


def test_a_decision_taken_is_the_act() -> None:
    v = run("Norway decided on Monday to expel three Russian diplomats accused of spying, the ministry said.")
    expulsions = [e for e in v.ex.events if e.cameo.startswith(("161", "174"))]
    assert expulsions and all(e.modality is Modality.ASSERTED for e in expulsions)
    assert (frozenset({"Norway"}), frozenset({"Russia"})) in {
        (frozenset(v.n(e.actors)), frozenset(v.n(e.targets))) for e in expulsions
    }


def test_a_decision_still_to_take_is_no_act() -> None:
    v = run("Norway will decide next week whether to expel three Russian diplomats, the ministry said.")
    assert not [e for e in v.ex.events if e.cameo.startswith(("161", "174")) and e.modality is Modality.ASSERTED]
