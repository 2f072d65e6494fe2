"""Hand-written articles for the context mechanisms: a titled person's state from the sentence,
communities living in another state, announced measures, late particles, conditional threats."""

from __future__ import annotations

from graph.model import Modality

from .conftest import View, run


def _nationality(v: View, name: str) -> str | None:
    return next(a.nationality for a in v.ex.actors if a.name == name)


def test_titled_person_takes_the_one_state_of_the_sentence() -> None:
    v = run("President Ana Moraes on Monday lifted the curfew imposed in Paraguay after the riots.")
    assert _nationality(v, "Ana Moraes") == "PRY"


def test_titled_person_acting_on_a_state_does_not_take_it() -> None:
    v = run("President Ana Moraes threatened Paraguay with sanctions on Monday.")
    assert _nationality(v, "Ana Moraes") is None


def test_two_persons_of_unknown_state_take_none() -> None:
    v = run("President Ana Moraes met Prime Minister Luis Ortega in Paraguay on Monday.")
    assert _nationality(v, "Ana Moraes") is None and _nationality(v, "Luis Ortega") is None


def test_group_of_the_state_does_not_block_its_persons() -> None:
    v = run("Paraguayan rebels said they will release Prime Minister Luis Ortega on Sunday.")
    assert _nationality(v, "Luis Ortega") == "PRY"


def test_demonym_people_living_in_another_state_are_a_group_of_that_state() -> None:
    v = run("Ethnic Hungarians in southern Slovakia are demanding autonomy from the Slovak government.")
    group = next(a for a in v.ex.actors if a.name.startswith("Hungarians in"))
    assert group.nationality == "SVK"
    assert all("Hungary" not in src for src, _ in v.directed("10"))


def test_announcing_a_measure_takes_it_but_an_announced_meeting_lies_ahead() -> None:
    v = run("Norway announced a suspension of flights with Belarus on Monday. Chile announced a meeting with Peru.")
    (susp,) = v.events("16")
    assert v.n(susp.actors) == {"Norway"} and v.n(susp.targets) == {"Belarus"}
    assert susp.modality is Modality.ASSERTED
    assert all(e.modality is Modality.PLANNED for e in v.events("04"))


def test_particle_parsed_as_preposition_after_the_object() -> None:
    v = run("Nairobi forced the UN refugee agency out of the country on Monday.")
    assert any(e.cameo.startswith("16") and v.n(e.actors) == {"Kenya"} for e in v.ex.events)


def test_planned_act_on_a_condition_is_a_threat() -> None:
    v = run("Ghana announced that it will withdraw its troops from Togo unless Togo holds elections.")
    assert (frozenset({"Ghana"}), frozenset({"Togo"})) in v.directed("13")
    assert not v.events("03")


def test_every_nationality_and_parent_is_an_actor_of_the_extraction() -> None:
    v = run("The Chilean Observatory for Press Freedom, a Peru-based group, said eight people were killed.")
    keys = {a.key for a in v.ex.actors}
    assert "org-chilean-observatory-for-press-freedom" in keys
    for a in v.ex.actors:
        assert a.nationality is None or a.nationality in keys
        assert a.part_of is None or a.part_of in keys


def test_two_workers_give_the_same_extractions_and_report_errors() -> None:
    from graph.errors import ExtractionError
    from graph.extract import ArticleTooLong, extract_many
    from graph.extract.nlp import MAX_CHARS
    from graph.model import Article

    texts = [
        "Kenya accused Uganda of smuggling on Monday.",
        "President Ana Moraes on Monday lifted the curfew imposed in Paraguay.",
        "Norway announced a suspension of flights with Belarus on Monday.",
    ] * 3
    arts = [Article(text=t, id=f"a{i}") for i, t in enumerate(texts)]
    long = Article(text="x " * (MAX_CHARS // 2 + 10), id="huge")
    serial = list(extract_many(arts, n_process=1, batch_size=2))
    errors: list[tuple[str, ExtractionError]] = []
    parallel = list(
        extract_many(
            [*arts[:4], long, *arts[4:]],
            n_process=2,
            batch_size=2,
            on_error=lambda a, e: errors.append((a.id or "", e)),
        )
    )
    assert [x.article.id for x in parallel] == [a.id for a in arts]
    assert [(x.events, x.actors) for x in parallel] == [(x.events, x.actors) for x in serial]
    assert len(errors) == 1 and errors[0][0] == "huge" and isinstance(errors[0][1], ArticleTooLong)


def test_state_led_forces_are_that_state_s_forces() -> None:
    v = run("Ethiopian-led forces have retaken a village in western Somalia.")
    assert any(e.cameo.startswith("19") and v.n(e.actors) == {"Armed Forces of Ethiopia"} for e in v.ex.events)


def test_event_noun_carried_by_a_generic_noun() -> None:
    v = run("Oman's sultan launched a mediation effort on Saturday between Kenya and Somalia.")
    mediations = v.events("045")
    assert mediations and v.n(mediations[0].targets) >= {"Kenya"}


def test_title_then_comma_then_name_is_one_person() -> None:
    v = run("Oman's sultan, Sheikh Said Al Busaidi, praised Kenya on Monday.")
    person = next(a for a in v.ex.actors if a.name == "Said Al Busaidi")
    assert person.nationality == "OMN"


def test_evacuating_the_wounded_is_aid_and_northern_ireland_is_british() -> None:
    v = run("U.N. helicopters evacuated the wounded from the Bosnian town of Tuzla on Friday.")
    assert any(e.cameo.startswith("07") and v.n(e.targets) == {"Bosnia and Herzegovina"} for e in v.ex.events)
    w = run("The Irish government on Monday criticized a march in Northern Ireland.")
    assert "GBR" in {a.key for a in w.ex.actors} and all(a.name != "Ireland" or a.key == "IRL" for a in w.ex.actors)
