"""Graph metrics analysts use, on the networks of :mod:`graph.views.network`.

Centralities, paths, ego networks and communities look at *who is linked to whom*: they run on the
simple undirected graph of dyads (one edge per pair of actors, ``weight`` = number of events), so
that ten threats do not make an actor ten times as central as one call would. The balance counts
events by quad class and sums Goldstein values per dyad and period.

Example:
    >>> g = example_network()
    >>> len(dyads(g).edges), degree_centrality(g, top=1)
    (2, [('COL', 1.0)])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from typing import Any, Protocol

import networkx as nx

from graph.queries.dates import period_key
from graph.queries.records import BalanceRow


class _Dated(Protocol):
    @property
    def earliest(self) -> dt.date | None: ...
    @property
    def latest(self) -> dt.date | None: ...
    @property
    def goldstein(self) -> float | None: ...
    @property
    def quad_class(self) -> int | None: ...


def example_network() -> nx.MultiDiGraph:
    """A four-event network between three states, for the examples of this module.

    Example:
        >>> example_network().number_of_edges()
        4
    """
    g = nx.MultiDiGraph()
    for u, v, key, gs, day in [
        ("USA", "COL", "e1", -7.0, "2026-01-04"),
        ("COL", "USA", "e2", -4.0, "2026-01-05"),
        ("USA", "COL", "e3", 3.4, "2026-01-07"),
        ("COL", "VEN", "e4", 1.0, "2026-02-01"),
    ]:
        g.add_edge(u, v, key=key, goldstein=gs, quad_class=3 if gs < 0 else 1, earliest=day, latest=day)
    return g


def dyads(nxg: nx.Graph) -> nx.Graph:
    """The simple undirected graph of dyads: ``weight`` = number of distinct events per pair."""
    out = nx.Graph()
    out.add_nodes_from(nxg.nodes(data=True))
    keyed = nxg.edges(keys=True) if nxg.is_multigraph() else ((u, v, None) for u, v in nxg.edges())
    for u, v, key in keyed:
        if u == v:
            continue
        if out.has_edge(u, v):
            out.edges[u, v]["events"].add(key)
        else:
            out.add_edge(u, v, events={key})
    for _, _, data in out.edges(data=True):
        data["weight"] = len(data.pop("events"))
    return out


def degree_centrality(nxg: nx.Graph, top: int | None = None) -> list[tuple[Hashable, float]]:
    """Share of the other actors each actor has an event with, highest first.

    Example:
        >>> g = example_network()
        >>> degree_centrality(g)
        [('COL', 1.0), ('USA', 0.5), ('VEN', 0.5)]
    """
    return _ranked(nx.degree_centrality(dyads(nxg)), top)


def betweenness_centrality(nxg: nx.Graph, top: int | None = None) -> list[tuple[Hashable, float]]:
    """How often an actor lies on the shortest paths between others (normalised), highest first.

    Example:
        >>> g = example_network()
        >>> betweenness_centrality(g, top=1)
        [('COL', 1.0)]
    """
    return _ranked(nx.betweenness_centrality(dyads(nxg)), top)


def shortest_path(nxg: nx.Graph, source: Hashable, target: Hashable) -> list[Hashable]:
    """The actors on a shortest chain of events from ``source`` to ``target`` (direction ignored);
    empty when they are not connected.

    Example:
        >>> g = example_network()
        >>> shortest_path(g, "USA", "VEN")
        ['USA', 'COL', 'VEN']
    """
    simple = dyads(nxg)
    if source not in simple or target not in simple:
        return []
    try:
        return list(nx.shortest_path(simple, source, target))
    except nx.NetworkXNoPath:
        return []


def ego_network(nxg: nx.Graph, center: Hashable, depth: int = 1) -> nx.Graph:
    """The actors within ``depth`` hops of ``center`` (direction ignored), with every event between them.

    Example:
        >>> g = example_network()
        >>> sorted(ego_network(g, "VEN").nodes)
        ['COL', 'VEN']
    """
    if center not in nxg:
        return nxg.subgraph([]).copy()
    near = nx.single_source_shortest_path_length(dyads(nxg), center, cutoff=depth)
    return nxg.subgraph(near).copy()


def communities(nxg: nx.Graph, method: str = "louvain", seed: int = 42) -> list[set[Hashable]]:
    """Groups of actors more linked to each other than to the rest, largest first.

    Args:
        method: ``louvain`` (weighted by events, seeded so results repeat) or ``greedy`` (modularity).

    Example:
        >>> g = example_network()
        >>> [sorted(c) for c in communities(g, method="greedy")]
        [['COL', 'USA', 'VEN']]
    """
    simple = dyads(nxg)
    if simple.number_of_edges() == 0:
        return [{n} for n in simple.nodes]
    if method == "louvain":
        found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(simple, weight="weight")
    else:
        raise ValueError(f"unknown community method {method!r}; use louvain or greedy")
    return sorted((set(c) for c in found), key=lambda c: (-len(c), sorted(map(str, c))))


def tally(events: Iterable[_Dated], by: str = "month") -> list[BalanceRow]:
    """Cooperation-conflict balance of some events per period (``day``, ``week``, ``month``,
    ``quarter``, ``year``); events whose date window spans two periods are left out.

    Example:
        >>> from graph.queries.records import Relation
        >>> rows = [Relation(f"e{i}", None, None, None, q, gs, (), (), (), None, dt.date(2026, 1, d),
        ...         dt.date(2026, 1, d), "day", ("asserted",), 1, None) for i, (q, gs, d) in enumerate([(3, -7.0, 4),
        ...         (1, 3.4, 7)])]
        >>> [(b.period, b.events, b.goldstein_sum, b.verbal_conflict) for b in tally(rows)]
        [('2026-01', 2, -3.6, 1)]
    """
    counts: dict[str, dict[str, Any]] = {}
    for e in events:
        key = period_key(e.earliest, e.latest, by)
        if key is None:
            continue
        c = counts.setdefault(key, {"events": 0, "gs": [], "quads": [0, 0, 0, 0, 0]})
        c["events"] += 1
        if e.goldstein is not None:
            c["gs"].append(e.goldstein)
        if e.quad_class in (1, 2, 3, 4):
            c["quads"][e.quad_class] += 1
    out = []
    for key in sorted(counts):
        c = counts[key]
        gs = c["gs"]
        out.append(
            BalanceRow(
                period=key,
                events=c["events"],
                cooperative=sum(1 for x in gs if x > 0),
                conflictual=sum(1 for x in gs if x < 0),
                neutral=c["events"] - sum(1 for x in gs if x != 0),
                goldstein_sum=round(sum(gs), 3),
                goldstein_mean=round(sum(gs) / len(gs), 3) if gs else None,
                verbal_cooperation=c["quads"][1],
                material_cooperation=c["quads"][2],
                verbal_conflict=c["quads"][3],
                material_conflict=c["quads"][4],
            )
        )
    return out


class _Edge:
    """An edge's attributes seen as an event (dates parsed) for :func:`tally`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.earliest = _date(data.get("earliest") or data.get("date"))
        self.latest = _date(data.get("latest") or data.get("date"))
        self.goldstein = data.get("goldstein")
        self.quad_class = data.get("quad_class")


def balance(nxg: nx.Graph, by: str = "month") -> list[tuple[Hashable, Hashable, BalanceRow]]:
    """Cooperation-conflict balance per (unordered) dyad per period, each event once per dyad.

    Example:
        >>> g = example_network()
        >>> [(a, b, r.period, r.events, r.goldstein_sum) for a, b, r in balance(g)]
        [('COL', 'USA', '2026-01', 3, -7.6), ('COL', 'VEN', '2026-02', 1, 1.0)]
    """
    per_dyad: dict[tuple[Hashable, Hashable], dict[Hashable, _Edge]] = {}
    if nxg.is_multigraph():
        keyed = list(nxg.edges(keys=True, data=True))
    else:
        keyed = [(u, v, i, d) for i, (u, v, d) in enumerate(nxg.edges(data=True))]
    for u, v, key, data in keyed:
        dyad = (u, v) if str(u) <= str(v) else (v, u)
        per_dyad.setdefault(dyad, {}).setdefault(key, _Edge(data))
    out: list[tuple[Hashable, Hashable, BalanceRow]] = []
    for (a, b), events in sorted(per_dyad.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
        out.extend((a, b, row) for row in tally(events.values(), by))
    return out


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _ranked(scores: dict[Hashable, float], top: int | None) -> list[tuple[Hashable, float]]:
    ranked = sorted(((n, round(s, 6)) for n, s in scores.items()), key=lambda x: (-x[1], str(x[0])))
    return ranked[:top] if top else ranked
