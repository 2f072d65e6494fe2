"""Answers to accusations (graph/extract/answers.py, events/targets.py responds-to): a denial or rejection that
names nobody answers the latest accuser of the one who denies."""

from __future__ import annotations

from .conftest import run


def test_a_denial_without_addressee_answers_the_latest_accuser() -> None:
    v = run(
        "Chile accused Peru of backing the smugglers on Monday. On Thursday, Peru's government denied "
        "working with criminals in Chile."
    )
    assert (frozenset({"Peru"}), frozenset({"Chile"})) in v.directed("016")


def test_rejecting_the_charge_answers_the_one_who_made_it() -> None:
    v = run("Chile accused Peru of arming the gang. Lima rejects the charge, pointing to its own security worries.")
    assert (frozenset({"Peru"}), frozenset({"Chile"})) in v.directed("12")


def test_a_denial_with_no_accusation_before_it_is_no_relation() -> None:
    v = run("On Thursday, Peru's government denied working with criminals in the region, officials said.")
    assert not [e for e in v.events("016") if e.targets]
