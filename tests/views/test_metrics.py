"""graph.views.metrics on the seed network and on small hand-made graphs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.queries.records import Relation
from graph.views import metrics

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "ontology" / "examples" / "seed.trig"
ID = "https://w3id.org/diplograph/id/"
TRUMP, PETRO, USA, COL = (ID + x for x in ("person-donald-trump", "person-gustavo-petro", "USA", "COL"))
GROUP = ID + "group-relatives-of-gustavo-petro"


@pytest.fixture(scope="module")
def nxg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[nx.MultiDiGraph]:
    with graph.open("memory:") as kg:
        kg.ingest([str(SEED)])
        yield kg.to_networkx()


def test_dyads_count_distinct_events_per_pair(nxg: nx.MultiDiGraph) -> None:
    simple = metrics.dyads(nxg)
    assert not simple.is_directed() and not simple.is_multigraph()
    assert simple.edges[TRUMP, PETRO]["weight"] == 6
    assert simple.number_of_edges() == 4


def test_degree_centrality_on_the_seed(nxg: nx.MultiDiGraph) -> None:
    ranked = metrics.degree_centrality(nxg)
    assert ranked[0][1] == 0.5 and {n for n, s in ranked if s == 0.5} == {TRUMP, PETRO, USA}
    assert dict(ranked)[COL] == 0.25
    assert metrics.degree_centrality(nxg, top=2) == ranked[:2]


def test_betweenness_centrality_on_the_seed(nxg: nx.MultiDiGraph) -> None:
    scores = dict(metrics.betweenness_centrality(nxg))
    # the chain COL - Trump - Petro - USA - relatives: the inner three carry every shortest path
    assert scores[COL] == scores[GROUP] == 0.0
    assert scores[PETRO] > scores[TRUMP] == scores[USA] > 0


def test_shortest_path_ignores_direction(nxg: nx.MultiDiGraph) -> None:
    assert metrics.shortest_path(nxg, COL, GROUP) == [COL, TRUMP, PETRO, USA, GROUP]
    assert metrics.shortest_path(nxg, COL, ID + "VEN") == []
    lonely = nx.MultiDiGraph()
    lonely.add_nodes_from(["a", "b"])
    assert metrics.shortest_path(lonely, "a", "b") == []


def test_ego_network_keeps_the_events_between_neighbours(nxg: nx.MultiDiGraph) -> None:
    ego = metrics.ego_network(nxg, PETRO)
    assert set(ego) == {PETRO, TRUMP, USA}
    assert ego.number_of_edges() == 7 and isinstance(ego, nx.MultiDiGraph)
    assert set(metrics.ego_network(nxg, PETRO, depth=2)) == {PETRO, TRUMP, USA, COL, GROUP}
    assert metrics.ego_network(nxg, "nobody").number_of_nodes() == 0


def test_communities_are_deterministic(nxg: nx.MultiDiGraph) -> None:
    first = metrics.communities(nxg)
    assert first == metrics.communities(nxg) and sum(len(c) for c in first) == 5
    greedy = metrics.communities(nxg, method="greedy")
    assert sorted(map(len, greedy), reverse=True) == [len(c) for c in greedy]
    with pytest.raises(ValueError, match="louvain or greedy"):
        metrics.communities(nxg, method="magic")
    empty = nx.MultiDiGraph()
    empty.add_node("x")
    assert metrics.communities(empty) == [{"x"}]


def test_balance_per_dyad_and_month(nxg: nx.MultiDiGraph) -> None:
    rows = {(a, b, r.period): r for a, b, r in metrics.balance(nxg)}
    trump_petro = rows[(TRUMP, PETRO, "2026-01")]
    assert (trump_petro.events, trump_petro.cooperative, trump_petro.conflictual) == (6, 3, 2)
    assert rows[(USA, GROUP, "2025-10")].events == 2
    assert not any(r.period.startswith("2025-10") for (a, b, _), r in rows.items() if USA in (a, b) and PETRO in (a, b))
    yearly = {(a, b, r.period) for a, b, r in metrics.balance(nxg, by="year")}
    assert (USA, GROUP, "2025") in yearly


def test_tally_by_period_and_quad_class() -> None:
    def event(day: dt.date, until: dt.date, gs: float | None, quad: int | None) -> Relation:
        return Relation("e", None, None, None, quad, gs, (), (), (), None, day, until, None, ("asserted",), 1, None)

    rows = metrics.tally(
        [
            event(dt.date(2026, 1, 4), dt.date(2026, 1, 4), -7.0, 3),
            event(dt.date(2026, 1, 20), dt.date(2026, 1, 20), 3.4, 1),
            event(dt.date(2026, 2, 1), dt.date(2026, 2, 1), -10.0, 4),
            event(dt.date(2026, 1, 30), dt.date(2026, 2, 2), 1.0, 1),  # spans two months: left out
            event(dt.date(2026, 3, 1), dt.date(2026, 3, 1), None, None),
        ]
    )
    assert [(r.period, r.events, r.goldstein_sum, r.neutral) for r in rows] == [
        ("2026-01", 2, -3.6, 0),
        ("2026-02", 1, -10.0, 0),
        ("2026-03", 1, 0, 1),
    ]
    assert (rows[0].verbal_conflict, rows[0].verbal_cooperation, rows[1].material_conflict) == (1, 1, 1)
    assert rows[2].goldstein_mean is None
    assert [r.period for r in metrics.tally([event(dt.date(2026, 1, 30), dt.date(2026, 2, 2), 1.0, 1)], "quarter")] == [
        "2026-Q1"
    ]
    with pytest.raises(ValueError):
        metrics.tally([event(dt.date(2026, 1, 1), dt.date(2026, 1, 1), 1.0, 1)], "decade")


def test_metrics_accept_a_collapsed_graph(nxg: nx.MultiDiGraph) -> None:
    from graph.views.network import collapse

    assert metrics.degree_centrality(collapse(nxg)) == metrics.degree_centrality(nxg)
    assert metrics.shortest_path(collapse(nxg, directed=False), COL, PETRO) == [COL, TRUMP, PETRO]
