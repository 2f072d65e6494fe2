"""triples: model objects to quads, checked against golden sorted N-Quads."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from graph import ids
from graph.model import Actor, ActorKind, Article, DateRange, Event, Evidence, Extraction, Extractor, Modality
from graph.sources.curated import read_curated
from graph.triples import source_batch
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).resolve().parent / "golden" / "curated-minimal.nq"


def test_curated_fixture_matches_its_golden_nquads() -> None:
    src = read_curated(FIXTURES / "curated" / "minimal.yaml")
    lines = sorted({q.nq() for q in source_batch(src.extractions, src.graph).insert})
    text = "\n".join(lines) + "\n"
    if os.environ.get("DIPLOGRAPH_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "run with DIPLOGRAPH_UPDATE_GOLDEN=1 after a deliberate change"


def _extraction(modality: Modality, claimant: str | None) -> Extraction:
    text = "Reports say Ruritania allegedly shelled Freedonia."
    article = Article(text=text, title="t", outlet="Daily Planet", published=date(2026, 1, 2))
    actors = (
        Actor("RUR", ActorKind.STATE, "Ruritania", iso3="RUR", iso2="RU"),
        Actor("FRE", ActorKind.STATE, "Freedonia", iso3="FRE", iso2="FR"),
    )
    event = Event(
        "ev-1",
        "190",
        actors=("RUR",),
        targets=("FRE",),
        date=DateRange.day(date(2026, 1, 1)),
        modality=modality,
        claimant=claimant,
        confidence=0.5,
        evidence=Evidence(text, 0, len(text), 0, "test"),
    )
    return Extraction(article, Extractor("test", "1"), actors=actors, events=(event,))


def test_an_allegation_without_a_named_claimant_is_held_by_the_publisher() -> None:
    ex = _extraction(Modality.ALLEGED, None)
    batch = source_batch([ex], ids.document_graph(ex.article.key, "test"))
    claimants = {q.object.value for q in batch.insert if q.predicate.value.endswith("#claimant")}
    assert claimants == {ids.iri("org-daily-planet")}


def test_a_named_claimant_is_kept() -> None:
    ex = _extraction(Modality.ALLEGED, "FRE")
    batch = source_batch([ex], ids.document_graph(ex.article.key, "test"))
    claimants = {q.object.value for q in batch.insert if q.predicate.value.endswith("#claimant")}
    assert claimants == {ids.iri("FRE")}


def test_every_quad_is_in_the_source_graph_or_meta() -> None:
    ex = _extraction(Modality.ASSERTED, None)
    graph_iri = ids.document_graph(ex.article.key, "test")
    batch = source_batch([ex], graph_iri)
    assert {q.graph.value for q in batch.insert if q.graph} == {graph_iri, ids.META_GRAPH}
    assert batch.drop_graphs == {graph_iri}


def test_an_actor_whose_kind_only_the_ner_gives_carries_its_kind_confidence() -> None:
    article = Article(text="Jane Doakes met Ruritania.", title="t", published=date(2026, 1, 2))
    actors = (
        Actor("RUR", ActorKind.STATE, "Ruritania", iso3="RUR"),
        Actor("person-jane-doakes", ActorKind.PERSON, "Jane Doakes", kind_confidence=0.8),
    )
    ex = Extraction(article=article, extractor=Extractor("x", "1"), actors=actors)
    quads = source_batch([ex], ids.document_graph(article.key, "x")).insert
    said = {
        (q.subject.value.rsplit("/", 1)[-1], q.object.value)
        for q in quads
        if q.predicate.value.endswith("#kindConfidence")
    }
    assert said == {("person-jane-doakes", "0.8")}
