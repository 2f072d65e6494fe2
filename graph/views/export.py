"""Write actor-event networks as GEXF and GraphML (Gephi, Cytoscape), node-link JSON or a CSV edge list.

GEXF and GraphML hold only scalar attribute values of one type per attribute, so before writing
them :func:`safe_for_xml` turns lists of names into ``"|"``-joined text, evidence (a list of
dicts) into JSON text, drops missing values, and widens an attribute that mixes integers and
decimals to decimals. JSON keeps lists and dicts as they are; CSV writes one row per edge with
the evidence as JSON text.

Example:
    >>> import io, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("u:USA", label="United States", kind="state", aliases=["US", "USA"], iso3="USA")
    >>> g.add_node("u:COL", label="Colombia", kind="state", aliases=[], iso3="COL")
    >>> _ = g.add_edge("u:USA", "u:COL", key="u:ev1", cameo="138", goldstein=-7.0, evidence=[{"sentence": "…"}])
    >>> buf = io.BytesIO()
    >>> write(g, buf, "graphml")
    >>> back = nx.read_graphml(io.BytesIO(buf.getvalue()), force_multigraph=True)
    >>> sorted(back.nodes), list(back.edges(keys=True))
    (['u:COL', 'u:USA'], [('u:USA', 'u:COL', 'u:ev1')])
    >>> back.nodes["u:USA"]["aliases"]
    'US|USA'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Hashable
from pathlib import Path
from typing import IO, Any

import networkx as nx

FORMATS = ("gexf", "graphml", "json", "csv")
SUFFIX = {"gexf": ".gexf", "graphml": ".graphml", "json": ".json", "csv": ".csv"}


def _scalar(value: Any) -> Any:
    """One attribute value as GEXF/GraphML can hold it (None when it should be left out)."""
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = list(value)
        if all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in items):
            return "|".join(str(v) for v in items)
        return json.dumps(items, ensure_ascii=False, default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: s for k, v in attrs.items() if (s := _scalar(v)) is not None}


def _unify(records: list[dict[str, Any]]) -> None:
    """Give each attribute one type across all records (int + float -> float; anything + str -> str)."""
    kinds: dict[str, set[type]] = {}
    for rec in records:
        for k, v in rec.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, types in kinds.items():
        if len(types) < 2:
            continue
        target: type = float if types <= {int, float, bool} and float in types else str
        for rec in records:
            if k in rec:
                rec[k] = target(rec[k]) if target is float else str(rec[k])


def safe_for_xml(nxg: nx.Graph) -> nx.Graph:
    """A copy of the graph whose attributes GEXF and GraphML writers accept and readers read back."""
    out = nxg.__class__()
    out.graph.update(_scalars(nxg.graph))
    nodes = [(n, _scalars(d)) for n, d in nxg.nodes(data=True)]
    _unify([d for _, d in nodes])
    out.add_nodes_from(nodes)
    if nxg.is_multigraph():
        edges = [(u, v, key, _scalars(d)) for u, v, key, d in nxg.edges(keys=True, data=True)]
        _unify([d for *_, d in edges])
        for u, v, key, d in edges:
            out.add_edge(u, v, key=key, **d)
    else:
        plain = [(u, v, _scalars(d)) for u, v, d in nxg.edges(data=True)]
        _unify([d for *_, d in plain])
        out.add_edges_from(plain)
    return out


def node_link(nxg: nx.Graph) -> dict[str, Any]:
    """The graph as node-link data (``nodes`` and ``links``, as d3 and ``nx.node_link_graph`` read it)."""
    data: dict[str, Any] = nx.node_link_data(nxg, edges="links")
    return data


def edge_rows(nxg: nx.Graph) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the CSV edge list: source, target, key, both labels, then every attribute."""
    if nxg.is_multigraph():
        edges = list(nxg.edges(keys=True, data=True))
    else:
        edges = [(u, v, "", d) for u, v, d in nxg.edges(data=True)]
    attrs = sorted({k for *_, d in edges for k in d})
    header = ["source", "target", "key", "source_label", "target_label", *attrs]
    rows = []
    for u, v, key, d in edges:
        cells = [u, v, key, _label(nxg, u), _label(nxg, v)]
        for a in attrs:
            value = d.get(a)
            cells.append(json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value)
        rows.append(cells)
    return header, rows


def _label(nxg: nx.Graph, node: Hashable) -> str:
    return str(nxg.nodes[node].get("label", node))


def write(nxg: nx.Graph, target: str | Path | IO[bytes], fmt: str) -> None:
    """Write a network to a path or a binary file in ``gexf``, ``graphml``, ``json`` or ``csv``.

    Raises:
        ValueError: an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(target, str | Path):
        with Path(target).open("wb") as f:
            write(nxg, f, fmt)
        return
    if fmt == "gexf":
        nx.write_gexf(safe_for_xml(nxg), target)
    elif fmt == "graphml":
        nx.write_graphml(safe_for_xml(nxg), target)
    elif fmt == "json":
        target.write(json.dumps(node_link(nxg), ensure_ascii=False, indent=1, default=str).encode("utf-8"))
        target.write(b"\n")
    else:
        header, rows = edge_rows(nxg)
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        target.write(text.getvalue().encode("utf-8"))
