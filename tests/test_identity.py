"""Identity across articles (graph/identity.py): persons that different sources name otherwise are one
person, whatever the order the sources arrive in; ambiguity, other nationalities and a curated
owl:differentFrom keep them apart."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph.identity import PersonRecord, plan
from graph.pipeline import ingest
from graph.queries.api import KnowledgeGraph
from graph.queries.errors import AmbiguousReference
from graph.store import open_store
from graph.store.base import Store
from graph.validate import validate_store

FULL = (
    "OTTAWA, March 3, 2025 - Peru expelled Chilean envoy Rodrigo Andres Ortega Salas on Monday, "
    "the Peruvian foreign ministry said. Chile condemned the expulsion."
)
SHORT = (
    "LIMA, March 5, 2025 - Chile accused Peru of harassing its diplomats after Peru expelled envoy "
    "Rodrigo Salas on Monday. Rodrigo Salas left Lima on Tuesday."
)


def rec(iri: str, name: str, nationality: str | None = None, graphs: int = 1) -> PersonRecord:
    return PersonRecord(
        iri, {name}, nationalities={nationality} if nationality else set(), graphs={f"g{i}" for i in range(graphs)}
    )


def test_a_name_without_middle_names_a_surname_and_a_typo_join_the_fullest_form() -> None:
    full = rec("p:full", "Stewart Ross Wheeler", "CAN")
    joins = {
        j.member: (j.canonical, j.rule)
        for j in plan(
            [
                full,
                rec("p:short", "Stewart Wheeler"),
                rec("p:surname", "Wheeler", "CAN"),
                rec("p:petro", "Gustavo Petro", "COL", graphs=3),
                rec("p:typo", "Guistavo Petro", "COL"),
            ]
        )
    }
    assert joins == {
        "p:short": ("p:full", "middle-names"),
        "p:surname": ("p:full", "surname"),
        "p:typo": ("p:petro", "typo"),
    }


def test_ambiguity_other_nationalities_and_declared_differences_keep_persons_apart() -> None:
    two = [rec("p:a", "Maria Ruiz Ortega"), rec("p:b", "Maria Elena Ortega"), rec("p:c", "Maria Ortega")]
    assert plan(two) == []  # "Maria Ortega" fits two persons who are not one
    assert plan([rec("p:a", "Stewart Ross Wheeler", "CAN"), rec("p:b", "Stewart Wheeler", "GBR")]) == []
    assert plan([rec("p:a", "Gustavo Petro", "COL"), rec("p:b", "Guistavo Petro")]) == []  # a typo needs a nationality
    pair = [rec("p:a", "Stewart Ross Wheeler"), rec("p:b", "Stewart Wheeler")]
    assert plan(pair, [("p:b", "p:a")]) == []


def test_the_plan_does_not_depend_on_the_order_of_persons() -> None:
    people = [
        rec("p:1", "Ana Maria Lopez Vidal"),
        rec("p:2", "Ana Vidal"),
        rec("p:3", "Vidal"),
        rec("p:4", "Jose Vidal"),
    ]
    assert plan(people) == plan(list(reversed(people)))


def _digest(store: Store) -> str:
    return hashlib.sha256("\n".join(sorted(q.nq() for q in store.quads())).encode()).hexdigest()


def _store(tmp_path: Path, name: str, texts: list[str]) -> Store:
    store = open_store(str(tmp_path / name), create=True)
    for i, text in enumerate(texts):
        path = tmp_path / f"{name}-{i}.txt"
        path.write_text(text, encoding="utf-8")
        ingest([str(path)], store)
    return store


def test_two_articles_naming_one_envoy_otherwise_give_one_actor_in_either_order(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = _store(tmp_path / "a", "s", [FULL, SHORT])
    two = _store(tmp_path / "b", "s", [SHORT, FULL])
    assert _digest(one) == _digest(two)
    assert validate_store(one).violations == []
    kg = KnowledgeGraph.open(one)
    envoy = kg.actor("Rodrigo Salas")
    assert envoy.label == "Rodrigo Andres Ortega Salas" and "Rodrigo Salas" in envoy.aliases
    assert kg.actor("Rodrigo Andres Ortega Salas").iri == envoy.iri
    events = kg.relations(envoy)
    sources = {ev.article for r in events for ev in r.evidence}
    assert len(sources) == 2  # the expulsion of each article, read as the one envoy's
    assert all(len({a.iri for a in r.targets}) == len(r.targets) for r in events)


def test_a_curated_difference_splits_a_join(tmp_path: Path) -> None:
    store = _store(tmp_path, "s", [FULL, SHORT])
    kg = KnowledgeGraph.open(store)
    full, short = kg.actor("Rodrigo Andres Ortega Salas").iri, "https://w3id.org/diplograph/id/person-rodrigo-salas"
    curated = tmp_path / "split.ttl"
    curated.write_text(f"<{short}> <http://www.w3.org/2002/07/owl#differentFrom> <{full}> .\n", encoding="utf-8")
    ingest([str(curated)], store)
    kg = KnowledgeGraph.open(store)
    with pytest.raises(AmbiguousReference):
        kg.actor("Rodrigo")
    assert kg.actor("Rodrigo Salas").iri == short
