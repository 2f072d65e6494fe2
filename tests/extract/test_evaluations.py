"""Evaluations (graph/extract/evaluations.py): calling, describing or branding someone or their act with a
word of blame is criticism of them, with a word of praise praise of them."""

from __future__ import annotations

import pytest

from .conftest import run


@pytest.mark.parametrize(
    "text",
    [
        "Norway described Sweden's move as disproportionate.",
        "Norway branded the Swedish conduct as reckless and hysterical.",
        "Norway called the Swedish minister's comments wrong.",
        "Norway said Sweden's decision was regrettable.",
        "Norway deemed the Swedish decision unacceptable.",
        "Norway described Sweden’s move as “disproportionate” and said it would respond.",
        "Norway regrets the decision of Sweden to cut off diplomatic relations.",
    ],
)
def test_a_word_of_blame_for_someone_or_their_act_is_criticism_of_them(text: str) -> None:
    v = run(text)
    assert v.directed("111") == {(frozenset({"Norway"}), frozenset({"Sweden"}))}


def test_a_word_of_praise_is_praise_and_the_possessor_of_the_words_is_the_one_evaluated() -> None:
    v = run("Norway described Sweden's Arctic proposal as constructive.")
    assert v.directed("051") == {(frozenset({"Norway"}), frozenset({"Sweden"}))}


@pytest.mark.parametrize(
    "text",
    [
        "Norway did not call Sweden's move a provocation.",
        "Norway said Sweden's envoy is no longer welcome and the talks were not constructive.",
        "Norway said Norway and Sweden are close allies.",
        "Norway described Sweden's move as technical.",
        "Norway regrets its past actions.",
    ],
)
def test_no_evaluation_when_negated_neutral_or_of_the_speakers_own_side(text: str) -> None:
    v = run(text)
    assert not v.events("111") and not v.events("051")


def test_a_charge_called_baseless_is_a_rejection_not_a_criticism() -> None:
    v = run("Norway described Sweden's accusations as baseless.")
    assert not v.events("111")


def test_a_charge_called_any_word_of_blame_is_rejected_not_criticised() -> None:
    v = run("Peru accused Chile of spying. Chilean Defence Minister Maya Fernandez called the charges moronic.")
    assert not [e for e in v.events("11") if v.n(e.actors) == {"Maya Fernández"}]
    rejections = [e for e in v.events("12") if v.n(e.actors) == {"Maya Fernández"}]
    assert rejections and all(v.n(e.targets) == {"Peru"} for e in rejections)
