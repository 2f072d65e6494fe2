"""Statements and intents need an addressee (graph/extract/assemble.py drop_unaddressed): with nobody
on the other side they are not relations and are not events."""

from __future__ import annotations

from .conftest import run


def test_an_offer_to_nobody_is_no_event() -> None:
    v = run("Prime Minister Albin Kurti offered no evidence for his claims on Monday and did not elaborate.")
    assert not [e for e in v.ex.events if e.cameo.startswith("03")]


def test_an_offer_to_someone_stays() -> None:
    v = run("Prime Minister Albin Kurti offered Serbia talks on the border on Monday, his office said.")
    assert [e for e in v.ex.events if e.cameo.startswith("03") and v.n(e.targets) == {"Serbia"}]


def test_a_denial_keeps_its_target_from_the_accusation_it_answers() -> None:
    v = run(
        "In October the United States sanctioned Colombian President Gustavo Petro over alleged drug ties. "
        "Petro denies the alleged drug ties."
    )
    assert [e for e in v.ex.events if e.cameo.startswith("016") and e.targets]
