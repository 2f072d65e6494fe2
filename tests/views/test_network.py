"""graph.views.network: the actor-event MultiDiGraph and its collapsed dyad graph, on the seed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.queries.api import KnowledgeGraph
from graph.views import network

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "ontology" / "examples" / "seed.trig"
ID = "https://w3id.org/diplograph/id/"
NODE_KEYS = {"kind", "label", "aliases", "iso3", "wikidata"}
EDGE_KEYS = {
    "independent_sources",
    "cameo",
    "label",
    "root",
    "quad_class",
    "goldstein",
    "date",
    "earliest",
    "latest",
    "precision",
    "modality",
    "confidence",
    "evidence",
    "sources",
    "symmetric",
}
EVIDENCE_KEYS = {"sentence", "start", "end", "article", "title", "outlet", "url", "published"}


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    with graph.open(str(tmp_path_factory.mktemp("net") / "kg"), create=True) as k:
        k.ingest([str(SEED)])
        yield k


@pytest.fixture(scope="module")
def nxg(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    return kg.to_networkx()


def test_actors_are_nodes_with_their_attributes(nxg: nx.MultiDiGraph) -> None:
    assert isinstance(nxg, nx.MultiDiGraph)
    assert {n.removeprefix(ID) for n in nxg} == {
        "USA",
        "COL",
        "person-donald-trump",
        "person-gustavo-petro",
        "group-relatives-of-gustavo-petro",
    }
    for _, data in nxg.nodes(data=True):
        assert set(data) == NODE_KEYS
    usa = nxg.nodes[ID + "USA"]
    assert (usa["kind"], usa["label"], usa["iso3"], usa["wikidata"]) == ("state", "United States", "USA", "Q30")
    assert "U.S." in usa["aliases"] and isinstance(usa["aliases"], list)
    assert nxg.nodes[ID + "person-gustavo-petro"]["iso3"] is None


def test_events_are_edges_keyed_by_their_iri(nxg: nx.MultiDiGraph) -> None:
    data = nxg.get_edge_data(ID + "person-donald-trump", ID + "COL", key=ID + "seed-ev-threat")
    assert set(data) == EDGE_KEYS
    assert (data["cameo"], data["root"], data["quad_class"], data["goldstein"]) == ("138", "13", 3, -7.0)
    assert (data["date"], data["earliest"], data["latest"], data["precision"]) == ("2026-01-04",) * 3 + ("day",)
    assert (data["modality"], data["sources"], data["symmetric"]) == ("asserted", 1, False)
    assert data["confidence"] == pytest.approx(0.92) and data["label"] == "Threaten with military force"
    assert len(data["evidence"]) == 3
    for ev in data["evidence"]:
        assert set(ev) >= EVIDENCE_KEYS
        assert ev["published"] == "2026-01-15" and ev["end"] - ev["start"] == len(ev["sentence"])


def test_every_edge_carries_the_same_attribute_names(nxg: nx.MultiDiGraph) -> None:
    for *_, data in nxg.edges(keys=True, data=True):
        assert set(data) == EDGE_KEYS


def test_a_symmetric_event_is_one_edge_per_pair(nxg: nx.MultiDiGraph) -> None:
    calls = [(u, v, d) for u, v, k, d in nxg.edges(keys=True, data=True) if k == ID + "seed-ev-call"]
    assert len(calls) == 1
    u, v, data = calls[0]
    assert data["symmetric"] is True and u < v
    assert {u, v} == {ID + "person-donald-trump", ID + "person-gustavo-petro"}


def test_month_precision_and_open_windows(nxg: nx.MultiDiGraph) -> None:
    designation = nxg.get_edge_data(ID + "USA", ID + "group-relatives-of-gustavo-petro", key=ID + "seed-ev-designation")
    assert (designation["date"], designation["precision"]) == (None, "month")
    assert (designation["earliest"], designation["latest"]) == ("2025-10-01", "2025-10-31")
    denial = nxg.get_edge_data(ID + "person-gustavo-petro", ID + "USA", key=ID + "seed-ev-denial")
    assert (denial["date"], denial["precision"], denial["earliest"]) == (None, None, "2025-10-01")


def test_planned_events_only_when_asked(kg: KnowledgeGraph, nxg: nx.MultiDiGraph) -> None:
    meeting = ID + "seed-ev-meeting"
    assert meeting not in {k for *_, k in nxg.edges(keys=True)}
    everything = kg.to_networkx(include_planned=True)
    (data,) = [d for *_, k, d in everything.edges(keys=True, data=True) if k == meeting]
    assert data["modality"] == "planned"
    assert network.to_networkx(kg.store).number_of_edges() == everything.number_of_edges()


def test_without_evidence_the_list_is_empty(kg: KnowledgeGraph) -> None:
    bare = kg.to_networkx(evidence=False)
    assert all(d["evidence"] == [] and d["sources"] >= 1 for *_, d in bare.edges(keys=True, data=True))


def test_collapse_directed_and_undirected(nxg: nx.MultiDiGraph) -> None:
    trump, petro = ID + "person-donald-trump", ID + "person-gustavo-petro"
    directed = network.collapse(nxg)
    assert isinstance(directed, nx.DiGraph) and not directed.is_multigraph()
    # Trump -> Petro: invitation, praise and the (symmetric) call; Petro -> Trump: rejection,
    # counter-threat, announcement and the call
    assert directed.edges[trump, petro]["count"] == 3 and directed.edges[petro, trump]["count"] == 4
    assert directed.edges[trump, petro]["goldstein"] == pytest.approx(8.4)
    undirected = network.collapse(nxg, directed=False)
    assert isinstance(undirected, nx.Graph) and not undirected.is_directed()
    edge = undirected.edges[trump, petro]
    assert (edge["weight"], edge["count"], edge["cooperative"], edge["conflictual"]) == (6, 6, 3, 2)
    assert edge["goldstein_mean"] == pytest.approx(edge["goldstein"] / 6)
    assert sum(d["count"] for *_, d in undirected.edges(data=True)) == nxg.number_of_edges()


def test_pairs_and_single_participant_events() -> None:
    from graph.queries.records import ActorRef, Relation

    a, b = ActorRef("u:a", "A"), ActorRef("u:b", "B")
    alone = Relation("u:e1", "010", "Make statement", "01", 1, 0.0, (a,), (), (), None, None, None, None, (), 1, None)
    self_loop = Relation("u:e2", "010", None, "01", 1, 0.0, (a,), (a,), (), None, None, None, None, (), 1, None)
    two = Relation("u:e3", "042", None, "04", 1, 1.9, (a,), (b,), (), None, None, None, None, (), 1, None)
    built = network.build([alone, self_loop, two])
    assert list(built.edges(keys=True)) == [("u:a", "u:b", "u:e3")]
    assert built.nodes["u:b"]["kind"] == "other"


def test_the_graph_equals_one_built_edge_by_edge_with_networkx(kg: KnowledgeGraph) -> None:
    from graph.queries.filters import by_date

    rows = sorted(kg.relations("United States", include_planned=True), key=by_date)
    rows += sorted(kg.relations("Venezuela", include_planned=True), key=by_date)  # repeats some events
    built = network.build(rows, kg.index.actors)
    reference = nx.MultiDiGraph()
    for r in rows:
        for s, t in network.pairs(r):
            network.add_actor(reference, kg.index.actors.get(s.iri, s))
            network.add_actor(reference, kg.index.actors.get(t.iri, t))
            reference.add_edge(s.iri, t.iri, key=r.event, **network.edge_attributes(r))
    assert list(built.nodes(data=True)) == list(reference.nodes(data=True))
    assert list(built.edges(keys=True, data=True)) == list(reference.edges(keys=True, data=True))
    assert list(built.in_edges(keys=True)) == list(reference.in_edges(keys=True))


def test_each_edge_of_an_event_owns_its_attributes() -> None:
    from graph.queries.records import ActorRef, Relation

    a, b, c = (ActorRef(f"u:{x}", x) for x in "abc")
    joint = Relation("u:e", "042", "Make a visit", "04", 1, 1.9, (a, b), (c,), (), None, None, None, None, (), 1, None)
    built = network.build([joint])
    built.edges["u:a", "u:c", "u:e"]["label"] = "changed"
    assert built.edges["u:b", "u:c", "u:e"]["label"] == "Make a visit"
