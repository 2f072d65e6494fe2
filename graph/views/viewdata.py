"""The data the HTML view embeds: a networkx projection turned into compact node and edge records.

Input: the ``MultiDiGraph`` of ``graph.views.network`` (actors as nodes, one edge per event and
direction, keyed by the event IRI). Output: plain dicts, serialised as JSON into the page. Node and
edge ids are small integers; articles are listed once and cited by index from the evidence.

Keys of an event record (``edges``): ``id``, ``from``/``to`` (node ids), ``key`` (event IRI),
``cameo``, ``type`` (label), ``root`` (CAMEO root code), ``quad`` (1-4), ``gs`` (Goldstein),
``date``/``earliest``/``latest``/``precision`` (as given), ``d0``/``d1`` (earliest/latest as days
since 1970-01-01, for the date slider), ``mod`` (modality), ``conf``, ``nsrc`` (sources), ``nind``
(independent sources), ``sym`` (symmetric), ``ev`` (evidence: ``[sentence, article index, start, end,
modality, claimant, confidence]``, the last three of the claim the sentence supports). A folded record (when the
view aggregates) has ``agg`` instead: one ``[root, quad, modality, d0, d1]`` per event it stands for.

Above ``max_nodes`` actors the view keeps the actors with the most events and folds the rest into
one "other" node per kind; events touching a folded actor become folded records between the
remaining endpoints, so every event is still counted and still obeys the page's filters.

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="state", label="A"); g.add_node("b", kind="state", label="B")
    >>> _ = g.add_edge("a", "b", key="e1", cameo="042", root="04", quad_class=1, modality="asserted")
    >>> data = build_view_data(g, max_nodes=10)
    >>> len(data["nodes"]), len(data["edges"]), data["edges"][0]["cameo"]
    (2, 1, '042')
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

_EPOCH = dt.date(1970, 1, 1).toordinal()
_PLURAL = {"person": "persons", "agency": "agencies", "igo": "international organisations", "media": "media outlets"}


def day_number(value: Any, *, end: bool = False) -> int | None:
    """Days since 1970-01-01 of an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``end``: last day).

    Example:
        >>> day_number("1970-01-02"), day_number("1970", end=True), day_number("bad")
        (1, 364, None)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.toordinal() - _EPOCH
    text = str(value).strip()[:10]
    try:
        if len(text) == 4:
            d = dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        elif len(text) == 7:
            y, m = int(text[:4]), int(text[5:7])
            d = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)) if end else dt.date(y, m, 1)
        else:
            d = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return d.toordinal() - _EPOCH


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _number(value: Any) -> float | None:
    try:
        number = None if value is None else float(value)
    except (TypeError, ValueError):
        return None
    return number if number is not None and math.isfinite(number) else None


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None]


def _roles(value: Any) -> list[dict[str, str | None]]:
    """Optional ``roles`` node attribute: a list of strings or dicts (label/title/post, of, start, end)."""
    out: list[dict[str, str | None]] = []
    for item in value or []:
        if isinstance(item, Mapping):
            label = item.get("label") or item.get("title") or item.get("post") or item.get("role")
            out.append(
                {
                    "label": _text(label),
                    "of": _text(item.get("of") or item.get("organization")),
                    "start": _text(item.get("start")),
                    "end": _text(item.get("end")),
                }
            )
        else:
            out.append({"label": str(item), "of": None, "start": None, "end": None})
    return out


def _root_of(data: Mapping[str, Any]) -> str:
    root = data.get("root")
    if root:
        return str(root)
    cameo = str(data.get("cameo") or "")
    return cameo[:2] if len(cameo) >= 2 else "?"


class _Articles:
    """Articles listed once; evidence cites them by index."""

    def __init__(self) -> None:
        self.index: dict[tuple[str | None, ...], int] = {}
        self.rows: list[dict[str, str | None]] = []

    def cite(self, ev: Mapping[str, Any]) -> int:
        row = {k: _text(ev.get(k)) for k in ("article", "title", "outlet", "url", "published")}
        key = tuple(row.values())
        if key not in self.index:
            self.index[key] = len(self.rows)
            self.rows.append(row)
        return self.index[key]


def _event_record(eid: int, a: int, b: int, key: Hashable, data: Mapping[str, Any], arts: _Articles) -> dict[str, Any]:
    earliest, latest = data.get("earliest") or data.get("date"), data.get("latest") or data.get("date")
    evidence = []
    for ev in data.get("evidence") or []:
        if isinstance(ev, Mapping):
            evidence.append(
                [
                    _text(ev.get("sentence")),
                    arts.cite(ev),
                    ev.get("start"),
                    ev.get("end"),
                    _text(ev.get("modality")),
                    _text(ev.get("claimant")),
                    _number(ev.get("confidence")),
                ]
            )
    return {
        "id": eid,
        "from": a,
        "to": b,
        "key": str(key),
        "cameo": _text(data.get("cameo")),
        "type": _text(data.get("label")),
        "root": _root_of(data),
        "quad": data.get("quad_class"),
        "gs": _number(data.get("goldstein")),
        "date": _text(data.get("date")),
        "earliest": _text(earliest),
        "latest": _text(latest),
        "precision": _text(data.get("precision")),
        "d0": day_number(earliest),
        "d1": day_number(latest, end=True),
        "mod": _text(data.get("modality")) or "asserted",
        "conf": _number(data.get("confidence")),
        "nsrc": data.get("sources") if data.get("sources") is not None else len(evidence),
        "nind": data.get("independent_sources"),
        "sym": bool(data.get("symmetric")),
        "ev": evidence,
    }


def event_degree(nxg: nx.MultiDiGraph) -> dict[Hashable, int]:
    """Events per actor: distinct edge keys at the node (a symmetric event stored both ways counts once)."""
    keys: dict[Hashable, set[Hashable]] = {n: set() for n in nxg.nodes}
    for u, v, key in nxg.edges(keys=True):
        keys[u].add(key)
        keys[v].add(key)
    return {n: len(k) for n, k in keys.items()}


def _keep(
    nxg: nx.MultiDiGraph, max_nodes: int, degree: Mapping[Hashable, int]
) -> tuple[list[Hashable], dict[Hashable, str]]:
    """Actors to keep (most events first) and, for the rest, the kind they are folded into."""
    ranked = sorted(nxg.nodes, key=lambda n: (-degree[n], str(nxg.nodes[n].get("label") or n), str(n)))
    if len(ranked) <= max_nodes:
        return ranked, {}
    folds = 0
    while True:
        cut = max(0, max_nodes - folds)
        kinds = {str(nxg.nodes[n].get("kind") or "other") for n in ranked[cut:]}
        if len(kinds) <= folds:
            break
        folds = len(kinds)
    return ranked[:cut], {n: str(nxg.nodes[n].get("kind") or "other") for n in ranked[cut:]}


def build_view_data(nxg: nx.MultiDiGraph, *, max_nodes: int = 2000) -> dict[str, Any]:
    """Nodes, events, articles and the aggregation summary of the page, from a projection.

    Args:
        nxg: actors as nodes, events as edges (see ``graph.views.network``).
        max_nodes: above this many actors, keep the most connected and fold the rest by kind.
    """
    if max_nodes < 1:
        raise ValueError("max_nodes must be at least 1")
    degree = event_degree(nxg)
    kept, folded = _keep(nxg, max_nodes, degree)
    ids: dict[Hashable, int] = {}
    nodes: list[dict[str, Any]] = []
    for n in kept:
        attrs = nxg.nodes[n]
        ids[n] = len(nodes)
        nodes.append(
            {
                "id": len(nodes),
                "iri": str(n),
                "label": _text(attrs.get("label")) or str(n),
                "kind": _text(attrs.get("kind")) or "other",
                "aliases": _names(attrs.get("aliases")),
                "iso3": _text(attrs.get("iso3")),
                "wikidata": _text(attrs.get("wikidata")),
                "roles": _roles(attrs.get("roles")),
                "deg": degree[n],
            }
        )
    fold_ids: dict[str, int] = {}
    for kind, count in sorted(Counter(folded.values()).items()):
        fold_ids[kind] = len(nodes)
        name = _PLURAL.get(kind, kind + "s")
        nodes.append(
            {
                "id": len(nodes),
                "iri": None,
                "label": f"Other {name} ({count:,})",
                "kind": kind,
                "aliases": [],
                "iso3": None,
                "wikidata": None,
                "roles": [],
                "deg": sum(degree[n] for n, k in folded.items() if k == kind),
                "folded": count,
            }
        )
    for n, kind in folded.items():
        ids[n] = fold_ids[kind]
    arts = _Articles()
    edges: list[dict[str, Any]] = []
    groups: dict[tuple[int, int], dict[str, Any]] = {}
    seen_sym: set[tuple[Hashable, Hashable, Hashable]] = set()
    events: set[Hashable] = set()
    for u, v, key, data in nxg.edges(keys=True, data=True):
        if data.get("symmetric"):
            if (v, u, key) in seen_sym:  # one symmetric event stored in both directions: draw it once
                continue
            seen_sym.add((u, v, key))
        events.add(key)
        a, b = ids[u], ids[v]
        if u not in folded and v not in folded:
            edges.append(_event_record(len(edges), a, b, key, data, arts))
            continue
        group = groups.get((a, b))
        if group is None:
            group = groups[(a, b)] = {"id": len(edges), "from": a, "to": b, "agg": [], "sym": False}
            edges.append(group)
        earliest, latest = data.get("earliest") or data.get("date"), data.get("latest") or data.get("date")
        group["agg"].append(
            [_root_of(data), data.get("quad_class"), _text(data.get("modality")) or "asserted",
             day_number(earliest), day_number(latest, end=True)]
        )  # fmt: skip
    for group in groups.values():
        quads = Counter(m[1] for m in group["agg"] if m[1] is not None)
        group["quad"] = quads.most_common(1)[0][0] if quads else None
    aggregation = None
    if folded:
        aggregation = {
            "limit": max_nodes,
            "kept": len(kept),
            "folded_actors": len(folded),
            "folded_events": sum(len(g["agg"]) for g in groups.values()),
            "fold_nodes": len(fold_ids),
        }
    return {
        "nodes": nodes,
        "edges": edges,
        "articles": arts.rows,
        "aggregation": aggregation,
        "totals": {"actors": nxg.number_of_nodes(), "events": len(events), "edges": nxg.number_of_edges()},
    }
