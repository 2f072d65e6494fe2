"""Arguments a clause hides behind a document, a quantity or a carrying verb, and words YAML misreads:
"issued a statement condemning X", "thousands of Chilean students protested", "deepen cooperation with
X", "called on X to", and surnames of office holders the dictionary has no alias for."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import ExtractionError
from graph.extract.lexicon import _entry
from graph.model import ActorKind

from .conftest import run


# -- a statement's participle is its author's act ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "root", "author", "target"),
    [
        ("Chile issued a statement condemning the Peruvian raid on Monday.", "11", "Chile", "Peru"),
        ("Bolivia published a communique accusing Chile of espionage.", "112", "Bolivia", "Chile"),
        (
            "The Chilean foreign ministry released a statement calling on Peru to withdraw its troops.",
            "02",
            None,
            "Peru",
        ),
    ],
)
def test_a_documents_participle_is_the_act_of_who_issued_it(
    text: str, root: str, author: str | None, target: str
) -> None:
    v = run(text)
    found = v.directed(root)
    assert found, text
    ((src, tgt),) = found
    assert target in tgt
    assert author in src if author else src and "Peru" not in src


def test_publishing_a_document_is_not_the_verbs_own_act() -> None:
    v = run("Chile released the Peruvian ambassador's statement on Tuesday.")
    assert not v.ex.events  # no release of anyone
    v = run("Chile released two Peruvian fishermen on Tuesday.")
    assert v.directed("084") == {(frozenset({"Chile"}), frozenset({"Peru"}))}


def test_rejecting_a_document_is_still_a_rejection() -> None:
    v = run("Bolivia rejected a Chilean appeal for deploying troops along the border.")
    assert any("Bolivia" in src for src, _t in v.directed("12"))


# -- a quantity is not who acts ------------------------------------------------------------------
def test_a_quantity_of_people_acts_as_those_people() -> None:
    v = run("A group of Bolivian rebels attacked a Peruvian border post on Sunday.")
    ((src, tgt),) = v.directed("19")
    assert src == {"Bolivia rebels"} and tgt == {"Peru"}
    rebels = next(a for a in v.ex.actors if a.name == "Bolivia rebels")
    assert rebels.kind is not ActorKind.STATE


# -- a verb of growth carries the noun it grows --------------------------------------------------
def test_deepening_cooperation_with_someone_is_cooperation_with_them() -> None:
    v = run("Chile agreed on Monday to deepen cooperation with Peru.")
    assert any(
        v.n(e.actors or e.participants) >= {"Chile"} and "Peru" in v.n(e.targets or e.participants)
        for e in v.events("05")
    )


def test_two_sides_growing_a_partnership_are_each_others_partners() -> None:
    v = run("Brazil and Chile are seeking to deepen a partnership in energy, the Chilean minister said on Monday.")
    (partnership,) = v.events("05")
    assert v.n(partnership.participants) == {"Brazil", "Chile"} and not partnership.targets


# -- words YAML would read as booleans -----------------------------------------------------------
def test_call_on_someone_to_act_is_an_appeal_and_a_date_is_no_argument() -> None:
    v = run("Chile called on Peru to withdraw its troops.")
    assert v.directed("02") == {(frozenset({"Chile"}), frozenset({"Peru"}))}
    v = run("Chile on Sunday called for sanctions against Peru.")
    assert not v.events("02")  # "on Sunday" is when, not whom
    assert v.directed("10") == {(frozenset({"Chile"}), frozenset({"Peru"}))}


def test_a_trigger_word_yaml_reads_as_a_boolean_is_refused_with_the_fix() -> None:
    with pytest.raises(ExtractionError, match=r"(?i)quote"):
        _entry({"lemma": "call", "prep": [True, "upon"], "code": "020"}, noun=False)


# -- a surname the dictionary has no alias for ---------------------------------------------------
def test_a_title_and_surname_is_the_one_dictionary_person_of_that_surname() -> None:
    v = run("The German government today welcomed President Reagan's latest policy statement.", published=None)
    assert "Ronald Reagan" in {a.name for a in v.ex.actors if a.kind is ActorKind.PERSON}


def test_a_surname_of_someone_out_of_office_long_before_the_article_is_not_guessed() -> None:
    v = run("The German government welcomed President Reagan's statement.", published=date(2025, 3, 1))
    assert "Ronald Reagan" not in {a.name for a in v.ex.actors}


def test_a_surname_several_dictionary_persons_share_stays_as_written() -> None:
    v = run("President Bush has threatened further action against Russia.", published=None)
    names = {a.name for a in v.ex.actors if a.kind is ActorKind.PERSON}
    assert "Bush" in names and not names & {"George Bush", "George W. Bush"}


# -- international organisations -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("surface", "name"),
    [("ILO", "International Labour Organization"), ("OHCHR", "Office of the UN High Commissioner for Human Rights")],
)
def test_organisations_of_diplomatic_news_are_known_by_their_acronyms(surface: str, name: str) -> None:
    v = run(f"The {surface} criticised Peru on Monday over the treatment of migrant workers.")
    org = next(a for a in v.ex.actors if a.name == name)
    assert org.kind is ActorKind.IGO


def test_a_statement_noun_is_addressed_to_no_one_the_text_does_not_name() -> None:
    v = run(
        "Bolivia summoned Luis Rojas, Chile's ambassador, on Sunday over references to the border in Group of Seven "
        "statements made at a summit in Lima."
    )
    assert not v.events("01")


def test_a_document_by_an_author_that_does_an_act_is_the_authors_act_and_no_statement_besides() -> None:
    v = run("A statement by the Chilean Foreign Ministry condemned Peru's move.")
    assert v.directed("111") == {(frozenset({"Ministry of Foreign Affairs of Chile"}), frozenset({"Peru"}))}
    assert not v.events("01")
