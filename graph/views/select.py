"""Cut a projection down to what a view shows: actors and depth, dates, event types, actor kinds, modality.

Works on the ``MultiDiGraph`` of ``graph.views.network`` alone, so ``diplograph view`` and
``render_view`` callers get the same selection whatever the projection already filtered (applying it
twice changes nothing).

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", kind="state"); g.add_node("b", label="B", kind="person")
    >>> _ = g.add_edge("a", "b", key="e1", cameo="042", date="2025-03-01", modality="asserted")
    >>> _ = g.add_edge("a", "b", key="e2", cameo="138", date="2025-03-02", modality="planned")
    >>> sorted(k for *_, k in select_view(g, types=["04"]).edges(keys=True))
    ['e1']
    >>> select_view(g).number_of_edges()  # planned events are left out unless asked for
    1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.errors import ConfigError
from graph.views.viewdata import day_number

if TYPE_CHECKING:
    from graph.views.html import HtmlView

NOT_HAPPENED = frozenset({"planned", "hypothetical"})
DateLike = str | dt.date  # YYYY, YYYY-MM, YYYY-MM-DD or a date


def resolve_actor(nxg: nx.MultiDiGraph, ref: str) -> Hashable:
    """The node an actor reference names: its IRI, label, an alias or ISO code (case-insensitive).

    Raises:
        ConfigError: no actor matches, or several do (the message lists them).
    """
    if ref in nxg:
        return ref
    wanted = ref.strip().casefold()
    exact, partial = [], []
    for node, attrs in nxg.nodes(data=True):
        names = [attrs.get("label"), attrs.get("iso3"), str(node).rsplit("/", 1)[-1], *(attrs.get("aliases") or [])]
        folded = [str(n).casefold() for n in names if n]
        if wanted in folded:
            exact.append(node)
        elif any(wanted in n for n in folded):
            partial.append(node)
    found = exact or partial
    if len(found) == 1:
        return found[0]
    if not found:
        raise ConfigError(f"no actor matches {ref!r}", where="ACTOR", hint="run `diplograph actors` to list them")
    listed = ", ".join(sorted(f"{nxg.nodes[n].get('label') or n} <{n}>" for n in found)[:10])
    raise ConfigError(f"{ref!r} names several actors: {listed}", where="ACTOR", hint="give a full name or an IRI")


def _split(values: Iterable[str] | str | None) -> list[str]:
    if isinstance(values, str):
        values = [values]
    return [v.strip() for item in values or [] for v in str(item).split(",") if v.strip()]


def _keep_event(
    data: dict[str, Any], types: Sequence[str], lo: int | None, hi: int | None, include_planned: bool
) -> bool:
    if types and not any(str(data.get("cameo") or "").startswith(t) for t in types):
        return False
    if not include_planned and str(data.get("modality") or "asserted") in NOT_HAPPENED:
        return False
    if lo is None and hi is None:
        return True
    start = day_number(data.get("earliest") or data.get("date"))
    end = day_number(data.get("latest") or data.get("date"), end=True)
    if start is None and end is None:
        return False  # undated events cannot be placed inside a date range
    start = start if start is not None else end
    end = end if end is not None else start
    assert start is not None and end is not None
    return (hi is None or start <= hi) and (lo is None or end >= lo)


def select_view(
    nxg: nx.MultiDiGraph,
    *,
    actors: Sequence[str] = (),
    depth: int = 1,
    since: DateLike | None = None,
    until: DateLike | None = None,
    types: Iterable[str] | str | None = None,
    kinds: Iterable[str] | str | None = None,
    include_planned: bool = False,
) -> nx.MultiDiGraph:
    """A copy of the projection restricted as ``diplograph view`` describes.

    Args:
        nxg: the projection.
        actors: keep these actors and every actor within ``depth`` events of them.
        depth: hops around ``actors`` (0: only the actors themselves).
        since: keep events that may have happened on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
        until: and on or before this one. With either, undated events are left out.
        types: CAMEO code prefixes (``13`` = every threat; comma-separated values allowed).
        kinds: actor kinds to keep (person, state, agency, igo, organization, media, group, site).
        include_planned: keep planned and hypothetical events (left out by default: they did not happen).

    Actors that lose all their events to the event filters are dropped; actors that had none stay.
    """
    lo = day_number(since) if since else None
    hi = day_number(until, end=True) if until else None
    if (since and lo is None) or (until and hi is None):
        raise ConfigError("dates must be YYYY, YYYY-MM or YYYY-MM-DD", where="--since/--until")
    type_list, kind_set = _split(types), set(_split(kinds))
    out = nx.MultiDiGraph()
    out.graph.update(nxg.graph)
    keep_nodes = [n for n, k in nxg.nodes(data="kind") if not kind_set or str(k) in kind_set]
    out.add_nodes_from((n, nxg.nodes[n]) for n in keep_nodes)
    for u, v, key, data in nxg.edges(keys=True, data=True):
        if u in out and v in out and _keep_event(data, type_list, lo, hi, include_planned):
            out.add_edge(u, v, key=key, **data)
    had_events = {n for n in keep_nodes if nxg.degree(n)}
    out.remove_nodes_from([n for n in had_events if out.degree(n) == 0])
    if actors:
        centres = [resolve_actor(nxg, ref) for ref in actors]
        missing = [nxg.nodes[c].get("label") or str(c) for c in centres if c not in out]
        if missing:
            raise ConfigError(f"the filters leave out {', '.join(map(str, missing))}", where="ACTOR")
        undirected = out.to_undirected(as_view=True)
        near: set[Hashable] = set()
        for c in centres:
            near.update(nx.single_source_shortest_path_length(undirected, c, cutoff=depth))
        out = out.subgraph(near).copy()
    return out


def make_view(
    nxg: nx.MultiDiGraph,
    actors: Sequence[str] = (),
    *,
    depth: int = 1,
    since: DateLike | None = None,
    until: DateLike | None = None,
    types: Iterable[str] | str | None = None,
    kinds: Iterable[str] | str | None = None,
    include_planned: bool = False,
    title: str | None = None,
    store: str | None = None,
    max_nodes: int = 2000,
) -> HtmlView:
    """Select (as :func:`select_view`) and render (as ``graph.views.html.render_view``) in one call.

    What ``diplograph view`` and ``KnowledgeGraph.view`` do; the header lists the selection used.

    Example:
        >>> import networkx as nx
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("a", label="A", kind="state"); g.add_node("b", label="B", kind="state")
        >>> _ = g.add_edge("a", "b", key="e1", cameo="042", modality="asserted")
        >>> make_view(g, ["A"], types=["04"]).events
        1
    """
    from graph.views.html import render_view

    type_list, kind_list = _split(types), _split(kinds)
    chosen = select_view(
        nxg,
        actors=actors,
        depth=depth,
        since=since,
        until=until,
        types=type_list,
        kinds=kind_list,
        include_planned=include_planned,
    )
    filters: dict[str, Any] = {
        "actors": list(actors),
        "depth": depth if actors else None,
        "since": str(since) if since else None,
        "until": str(until) if until else None,
        "types": type_list,
        "kinds": kind_list,
        "planned events": "shown" if include_planned else "left out",
    }
    return render_view(
        chosen,
        title=title or (", ".join(actors) if actors else "diplograph"),
        store=store,
        filters=filters,
        max_nodes=max_nodes,
    )
