"""Pair references (graph/extract/pairs.py): "the two sides", "both countries", "the foreign ministers of
X and Y" stand for the two actors the text last named together."""

from __future__ import annotations

from .conftest import run


def test_the_two_sides_are_the_last_coordinated_pair() -> None:
    v = run(
        "Kenya and Ethiopia agreed on Friday to reopen their border. Ugandan Foreign Minister Jeje Odongo "
        "congratulated the two sides on the agreement."
    )
    assert (frozenset({"Jeje Odongo"}), frozenset({"Kenya", "Ethiopia"})) in v.directed("05")


def test_both_countries_after_a_preposition() -> None:
    v = run(
        "Chile and Peru signed a fisheries accord in Lima on Monday. Later, Brazil praised both countries for "
        "their restraint."
    )
    assert (frozenset({"Brazil"}), frozenset({"Chile", "Peru"})) in v.directed("05")


def test_officials_of_two_states_act_for_both() -> None:
    v = run("The foreign ministers of Chile and Peru signed a fisheries accord in Lima on Monday.")
    signing = [e for e in v.events("057") if v.n(e.participants) == {"Chile", "Peru"}]
    assert signing


def test_a_pair_noun_without_two_or_both_is_not_a_pair() -> None:
    v = run("Chile and Peru signed a fisheries accord on Monday. Brazil praised the countries of the region.")
    assert not any(v.n(e.targets) == {"Chile", "Peru"} for e in v.events("05"))


def test_a_bare_definite_plural_subject_is_the_latest_coordination_and_only_that() -> None:
    v = run("Chile and Peru have quarrelled over fishing rights. The countries signed an accord on Monday.")
    assert [e for e in v.events("057") if v.n(e.participants) == {"Chile", "Peru"}]
    v = run("Chile has quarrelled with its neighbours over fishing. The countries signed an accord on Monday.")
    assert not v.events("057")


def test_the_three_are_the_last_three_named_together() -> None:
    v = run(
        "Chile, Peru and Bolivia left the bloc last year. In September the three signed a mutual defence charter, "
        "officials said."
    )
    assert [e for e in v.events("057") if v.n(e.participants) == {"Chile", "Peru", "Bolivia"}]


def test_two_presidents_are_persons_who_serve_a_state_not_the_reporters() -> None:
    v = run(
        "Nick Schifrin reported from Washington. Zeba Warsi contributed to this report. "
        "Two presidents known for their fiery rhetoric met on Tuesday in the Oval Office."
    )
    assert not v.events("04")  # the reporters are no presidents; the text has not named the two yet


def test_officials_of_two_coordinated_states_are_both_states() -> None:
    v = run("Chilean and Peruvian officials engaged in talks in Lima on Monday.")
    (talks,) = v.events("04")
    assert v.n(talks.participants) == {"Chile", "Peru"}


def test_engaging_in_negotiations_is_the_negotiation_with_its_other_side() -> None:
    v = run("Chilean Foreign Minister Ana Ruiz engaged in negotiations with Peruvian officials on Monday.")
    (talks,) = v.events("04")
    assert v.n(talks.participants) == {"Ana Ruiz", "Peru"} and talks.cameo.startswith("046")


def test_both_parties_are_the_sides_of_the_latest_between_before_them_not_partners_named_since() -> None:
    v = run(
        "Qatar hosted the signing of a peace accord between Chad and Sudan on Monday. The accord took months "
        "to negotiate. Observers were hopeful. Aid agencies welcomed the news. In close coordination with the "
        "African Union, Egypt and Kenya, the United States will continue to engage both parties."
    )
    engaged = [e for e in v.ex.events if v.n(e.actors) == {"United States"} and e.cameo.startswith("04")]
    assert engaged and all(v.n(e.targets) == {"Chad", "Sudan"} for e in engaged)


def test_these_nations_are_the_states_just_named_together_however_many() -> None:
    v = run(
        "Venezuela expelled the ambassadors of Chile, Peru and Panama on Monday. Foreign Minister Yvan Gil "
        "announced the expulsions, accusing these nations of interfering in Venezuela's affairs."
    )
    assert (frozenset({"Yvan Gil"}), frozenset({"Chile", "Peru", "Panama"})) in v.directed("112")
