"""Lookup rows -> networkx: actors as nodes, events as edges (the only place that builds the projection).

Nodes are actor IRIs with ``kind``, ``label``, ``aliases`` (list), ``iso3`` and ``wikidata``.
Each event becomes edges keyed by its IRI, carrying ``cameo``, ``label``, ``root``,
``quad_class``, ``goldstein``, ``date``, ``earliest``, ``latest``, ``precision``, ``modality``,
``confidence``, ``evidence`` (a list of dicts: ``sentence``, ``start``, ``end``, ``article``,
``title``, ``outlet``, ``url``, ``published``, plus the claim's ``modality``, ``claimant`` and
``confidence``), ``sources`` (number of source documents), ``independent_sources`` (those not copies
of one another) and ``symmetric``. Dates are ISO strings.

A directed event gives one edge per (actor, target) pair. A symmetric event (participants only,
such as a phone call) gives one edge per pair of participants, from the smaller IRI to the larger,
with ``symmetric=True``. Events with a single participant have no edge.

Example:
    >>> from graph.queries.records import ActorRef, Relation
    >>> usa, col = ActorRef("u:USA", "United States"), ActorRef("u:COL", "Colombia")
    >>> r = Relation("u:ev1", "138", "Threaten with military force", "13", 3, -7.0, (usa,), (col,), (),
    ...              None, None, None, None, ("asserted",), 1, 0.9)
    >>> nxg = build([r])
    >>> list(nxg.edges(keys=True, data="cameo"))
    [('u:USA', 'u:COL', 'u:ev1', '138')]
    >>> nxg.nodes["u:COL"]["label"]
    'Colombia'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx

from graph.queries.modalities import leading_modality
from graph.queries.records import Actor, ActorRef, EventParts, Kind, Relation, Window
from graph.store.base import Store

NODE_ATTRIBUTES = ("kind", "label", "aliases", "iso3", "wikidata")
EDGE_ATTRIBUTES = (
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
)


def add_actor(nxg: nx.Graph, actor: Actor | ActorRef) -> None:
    """Add an actor node with its attributes (nothing when it is there already)."""
    if actor.iri not in nxg:
        nxg.add_node(actor.iri, **node_attributes(actor))


def node_attributes(actor: Actor | ActorRef) -> dict[str, Any]:
    """The attributes of an actor's node (an ``ActorRef`` is an actor of kind "other")."""
    if isinstance(actor, Actor):
        return {
            "kind": actor.kind,
            "label": actor.label,
            "aliases": list(actor.aliases),
            "iso3": actor.iso3,
            "wikidata": actor.wikidata,
        }
    return {"kind": "other", "label": actor.label, "aliases": [], "iso3": None, "wikidata": None}


def edge_attributes(r: Relation, evidence: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The attributes an event's edges carry; ``evidence`` is its list of evidence dicts when read
    apart from ``r`` (:meth:`graph.queries.fetch.Fetcher.parts_with_edge_evidence`), else ``r``'s own."""
    cited = [e.edge_dict() for e in r.evidence] if evidence is None else evidence
    dates = _iso_dates((r.date, r.earliest, r.latest, r.precision))
    kind = (r.cameo, r.label, r.root, r.quad_class, r.goldstein)
    attrs = _attributes(kind, r.actors, r.targets, r.modalities, r.sources, r.confidence, dates, cited)
    attrs["independent_sources"] = r.independent_sources
    return attrs


def _iso_dates(window: Window) -> tuple[str | None, str | None, str | None, str | None]:
    date, earliest, latest, precision = window
    return (
        date.isoformat() if date else None,
        earliest.isoformat() if earliest else None,
        latest.isoformat() if latest else None,
        precision,
    )


def _attributes(
    kind: Kind,
    actors: tuple[ActorRef, ...],
    targets: tuple[ActorRef, ...],
    modalities: tuple[str, ...],
    sources: int,
    confidence: float | None,
    dates: tuple[str | None, str | None, str | None, str | None],
    evidence: list[dict[str, Any]],
) -> dict[str, Any]:
    code, label, root, quad_class, goldstein = kind
    return {
        "cameo": code,
        "label": label,
        "root": root,
        "quad_class": quad_class,
        "goldstein": float(goldstein) if goldstein is not None else None,
        "date": dates[0],
        "earliest": dates[1],
        "latest": dates[2],
        "precision": dates[3],
        "modality": leading_modality(modalities),
        "confidence": confidence,
        "evidence": evidence,
        "sources": sources,
        "independent_sources": sources,
        "symmetric": not actors and not targets,
    }


def pairs(r: Relation) -> list[tuple[ActorRef, ActorRef]]:
    """The (source, target) node pairs an event links.

    Example:
        >>> from graph.queries.records import ActorRef, Relation
        >>> a, b, c = (ActorRef(f"u:{x}", x) for x in "abc")
        >>> call = Relation("u:e", "041", None, "04", 1, 1.0, (), (), (c, a, b), None, None, None, None, (), 1, None)
        >>> [(s.label, t.label) for s, t in pairs(call)]
        [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    return links(r.actors, r.targets, r.participants)


def links(
    actors: tuple[ActorRef, ...], targets: tuple[ActorRef, ...], participants: tuple[ActorRef, ...]
) -> list[tuple[ActorRef, ActorRef]]:
    """:func:`pairs` of an event given by its actors, targets and participants."""
    if actors and targets:
        return [(s, t) for s in actors for t in targets if s.iri != t.iri]
    two = participants
    if len(two) == 2 and not (actors or targets) and two[0].iri < two[1].iri:
        return [(two[0], two[1])]  # the usual symmetric event (a call, a meeting): no need to sort
    everyone = sorted({p.iri: p for p in (*actors, *targets, *participants)}.values(), key=lambda p: p.iri)
    return list(combinations(everyone, 2))


def build(
    relations: Iterable[Relation],
    actors: Mapping[str, Actor] | None = None,
    evidence: Mapping[str, list[dict[str, Any]]] | None = None,
) -> nx.MultiDiGraph:
    """The actor-event ``MultiDiGraph`` of some events (each with its independent source count).

    Args:
        relations: events, as the lookups return them.
        actors: actor records by IRI, for node attributes (kind, aliases, ISO code, Wikidata id).
        evidence: each event's list of evidence dicts by event IRI, when read apart from the events;
            the lists become the edges' own. Else each ``Relation``'s evidence.
    """
    rows = list(relations)
    if evidence is None:
        evidence = {r.event: [e.edge_dict() for e in r.evidence] for r in rows}
    independent = {r.event: r.independent_sources or 0 for r in rows if r.independent_sources != r.sources}
    return build_parts([r.parts() for r in rows], actors, evidence, independent)


def build_parts(
    events: Iterable[EventParts],
    actors: Mapping[str, Actor] | None = None,
    evidence: Mapping[str, list[dict[str, Any]]] | None = None,
    independent: Mapping[str, int] | None = None,
) -> nx.MultiDiGraph:
    """:func:`build` from events given as :data:`~graph.queries.records.EventParts` (what the
    whole-store read gives: :meth:`graph.queries.fetch.Fetcher.parts_with_edge_evidence`), in order.

    ``evidence`` gives each event's list of evidence dicts by event IRI (none when missing); the lists
    become the edges' own. ``independent`` gives the independent source count of the events where it
    differs from their source count (:mod:`graph.coreference`).
    """
    known = actors or {}
    cited = evidence or {}
    unlike = independent or {}
    nxg = nx.MultiDiGraph()
    # Filled through networkx's documented graph structure (the dict-of-dicts that subclasses may
    # replace: node -> attributes, successor -> predecessor -> key -> edge attributes) instead of one
    # add_edge call per edge, which checks and copies what is known to be new here: 30% of the time on
    # a large graph. tests/views/test_network.py checks the result equals an add_edge build.
    succ, pred, node = nxg._succ, nxg._pred, nxg._node
    iso: dict[Window, tuple[str | None, str | None, str | None, str | None]] = {}  # events share windows
    for event, kind, sources, targets, participants, window, modalities, n, confidence in events:
        if len(sources) == 1 and len(targets) == 1:  # the usual directed event
            ends = [(sources[0], targets[0])] if sources[0].iri != targets[0].iri else []
        else:
            ends = links(sources, targets, participants)
        if not ends:
            continue
        dates = iso.get(window)
        if dates is None:
            dates = iso[window] = _iso_dates(window)
        attrs = _attributes(kind, sources, targets, modalities, n, confidence, dates, cited.get(event) or [])
        if event in unlike:
            attrs["independent_sources"] = unlike[event]
        for s, t in ends:
            u, v = s.iri, t.iri
            if u not in node:
                node[u] = node_attributes(known.get(u, s))
                succ[u], pred[u] = {}, {}
            if v not in node:
                node[v] = node_attributes(known.get(v, t))
                succ[v], pred[v] = {}, {}
            keys = succ[u].get(v)
            if keys is None:
                keys = succ[u][v] = pred[v][u] = {}
            keys[event] = attrs if len(ends) == 1 else dict(attrs)  # each edge owns its attributes
    return nxg


def collapse(nxg: nx.MultiDiGraph, *, directed: bool = True) -> nx.DiGraph | nx.Graph:
    """One weighted edge per dyad: ``weight`` and ``count`` (events), ``goldstein`` (sum),
    ``goldstein_mean``, ``cooperative`` and ``conflictual`` (events with positive or negative
    Goldstein values). Directed: a symmetric event counts in both directions. Undirected: each event
    counts once per pair of actors.

    Example:
        >>> g = nx.MultiDiGraph()
        >>> _ = g.add_edge("a", "b", key="e1", goldstein=-4.0)
        >>> _ = g.add_edge("b", "a", key="e2", goldstein=3.4)
        >>> dict(collapse(g, directed=False).edges["a", "b"])
        {'weight': 2, 'count': 2, 'goldstein': -0.6, 'goldstein_mean': -0.3, 'cooperative': 1, 'conflictual': 1}
    """
    out: nx.DiGraph | nx.Graph = nx.DiGraph() if directed else nx.Graph()
    out.add_nodes_from(nxg.nodes(data=True))
    seen: dict[tuple[str, str], set[str]] = {}
    for u, v, key, data in nxg.edges(keys=True, data=True):
        ends = [(u, v), (v, u)] if directed and data.get("symmetric") else [(u, v)]
        for s, t in ends:
            dyad = (s, t) if directed else tuple(sorted((s, t)))
            if key in seen.setdefault(dyad, set()):  # type: ignore[arg-type]
                continue
            seen[dyad].add(key)  # type: ignore[index]
            if not out.has_edge(*dyad):
                out.add_edge(*dyad, weight=0, count=0, goldstein=0.0, goldstein_mean=None, cooperative=0, conflictual=0)
            e = out.edges[dyad]
            gs = data.get("goldstein")
            e["weight"] += 1
            e["count"] += 1
            if gs is not None:
                e["goldstein"] = round(e["goldstein"] + gs, 6)
                e["cooperative"] += gs > 0
                e["conflictual"] += gs < 0
            e["goldstein_mean"] = round(e["goldstein"] / e["count"], 6)
    return out


def to_networkx(store: Store, **filters: Any) -> nx.MultiDiGraph | nx.DiGraph | nx.Graph:
    """The whole store as a network, planned and hypothetical events included (views filter them);
    ``filters`` as :meth:`graph.queries.api.KnowledgeGraph.to_networkx`.

    Example:
        >>> from graph.queries.api import example
        >>> to_networkx(example().store).number_of_edges()
        11
    """
    from graph.queries.api import KnowledgeGraph

    return KnowledgeGraph(store).to_networkx(**{"include_planned": True, **filters})


ROLES_QUERY = """
SELECT ?holder ?post ?org ?start ?end WHERE {
  ?t a dip:Tenure ; dip:holder ?holder ; org:organization ?o .
  ?o skos:prefLabel ?org .
  OPTIONAL { ?t dip:post/skos:prefLabel ?post }
  OPTIONAL { ?t dip:startDate ?start }
  OPTIONAL { ?t dip:endDate ?end }
}"""


def add_roles(nxg: nx.MultiDiGraph, store: Store) -> nx.MultiDiGraph:
    """Give each person node a ``roles`` attribute: the posts held, with their dates (for views).

    One query for the whole store; the earliest start a source gives is kept per post.

    Example:
        >>> from graph.queries.api import example
        >>> kg = example()
        >>> nxg = add_roles(to_networkx(kg.store), kg.store)
        >>> petro = next(n for n, d in nxg.nodes(data=True) if d.get("label") == "Gustavo Petro")
        >>> nxg.nodes[petro]["roles"][0]["label"], nxg.nodes[petro]["roles"][0]["start"]
        ('President of Colombia', '2022-08-07')
    """
    from graph.prefixes import sparql_prologue
    from graph.store.base import SelectResult

    result = store.query(sparql_prologue() + ROLES_QUERY)
    if not isinstance(result, SelectResult):
        return nxg
    roles: dict[str, dict[tuple[str, str], dict[str, str | None]]] = {}
    for holder, post, org, start, end in result.rows:
        if holder is None or holder.value not in nxg or org is None:
            continue
        label = post.value if post is not None else f"Official of {org.value}"
        entry = roles.setdefault(holder.value, {}).setdefault(
            (label, org.value), {"label": label, "of": org.value, "start": None, "end": None}
        )
        if start is not None and (entry["start"] is None or start.value < entry["start"]):
            entry["start"] = start.value
        if end is not None:
            entry["end"] = end.value
    for node, posts in roles.items():
        nxg.nodes[node]["roles"] = sorted(posts.values(), key=lambda r: (r["start"] or "", r["label"] or ""))
    return nxg
