"""Network lookups of :class:`~graph.queries.api.KnowledgeGraph`: the actor-event graph, ego
networks and paths (a mixin, so that the API stays one class).

Example:
    >>> from graph.queries.api import example
    >>> example().to_networkx(collapse=True, directed=False).number_of_edges()
    4
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from graph.queries.conversions import ResultList
from graph.queries.dates import DateLike
from graph.queries.filters import by_date, keep, keep_parts, parts_by_date, period_bounds
from graph.queries.records import Actor, ActorRef, PathStep
from graph.queries.table import gc_paused

if TYPE_CHECKING:
    import networkx as nx

    from graph.queries.fetch import Fetcher
    from graph.queries.records import Relation
    from graph.queries.resolve import ActorIndex

Ref = str | Actor | ActorRef


class NetworkLookups:
    """``to_networkx``, ``ego`` and ``path`` (mixed into KnowledgeGraph)."""

    if TYPE_CHECKING:  # provided by KnowledgeGraph

        @property
        def index(self) -> ActorIndex: ...
        @property
        def _fetch(self) -> Fetcher: ...
        def actor(self, ref: Ref) -> Actor: ...
        def relations(
            self,
            a: Ref,
            b: Ref | None = None,
            *,
            since: DateLike | None = None,
            until: DateLike | None = None,
            types: Iterable[str] | str | None = None,
            modality: Iterable[str] | str | None = None,
            include_planned: bool = False,
            rollup: bool = True,
            evidence: bool = True,
        ) -> ResultList[Relation]: ...

    def to_networkx(
        self,
        a: Ref | None = None,
        b: Ref | None = None,
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
        types: Iterable[str] | str | None = None,
        modality: Iterable[str] | str | None = None,
        include_planned: bool = False,
        rollup: bool = True,
        evidence: bool = True,
        collapse: bool = False,
        directed: bool = True,
    ) -> nx.MultiDiGraph | nx.DiGraph | nx.Graph:
        """The actor-event network: actors as nodes, events as edges (see :mod:`graph.views.network`).

        Without ``a``, every event; with ``a`` (and ``b``), the events of :meth:`relations`. With
        ``collapse=True``, one weighted edge per dyad (``DiGraph``, or ``Graph`` if not ``directed``).
        ``evidence=False`` leaves out the cited sentences: about twice as fast on a large store (and
        implied by ``collapse``).

        Example:
            >>> from graph.queries.api import example
            >>> kg = example()
            >>> nxg = kg.to_networkx()
            >>> nxg.number_of_nodes(), nxg.number_of_edges()
            (5, 10)
        """
        from graph.views import network

        evidence = evidence and not collapse  # a dyad's weighted edge carries no sentences: do not read them
        with gc_paused():  # every object built here lives on in the graph: nothing for the collector to find
            if a is None:
                nxg = self._store_network(since, until, types, modality, include_planned, evidence)
            else:
                rows = self.relations(
                    a,
                    b,
                    since=since,
                    until=until,
                    types=types,
                    modality=modality,
                    include_planned=include_planned,
                    rollup=rollup,
                    evidence=evidence,
                )
                nxg = network.build(sorted(rows, key=by_date), self.index.actors)
                del rows
            # (the read's intermediate objects are gone by now: when the collector resumes, it walks
            # only what the graph holds)
            return network.collapse(nxg, directed=directed) if collapse else nxg

    def _store_network(
        self,
        since: DateLike | None,
        until: DateLike | None,
        types: Iterable[str] | str | None,
        modality: Iterable[str] | str | None,
        include_planned: bool,
        evidence: bool,
    ) -> nx.MultiDiGraph:
        """Every event of the store, read and filtered as :data:`~graph.queries.records.EventParts`
        (which events share), and its evidence read apart, as the dicts the edges carry."""
        from graph.views import network

        lo, hi = period_bounds(since, until)
        cited = None
        if evidence:
            every, cited = self._fetch.parts_with_edge_evidence(None, ordered=False)
        else:
            every = self._fetch.event_parts(None, ordered=False)  # the graph is built in date order
        kept = keep_parts(every, lo, hi, types, modality, include_planned)
        del every
        counted = {e: independent for e, (n, independent) in self._fetch.merges.counts.items() if independent != n}
        return network.build_parts(sorted(kept, key=parts_by_date), self.index.actors, cited, counted)

    def ego(self, a: Ref, depth: int = 1, **filters: Any) -> nx.MultiDiGraph:
        """An actor's neighbourhood: the events of actors up to ``depth`` hops away (filters as in
        :meth:`relations`).

        Example:
            >>> from graph.queries.api import example
            >>> kg = example()
            >>> sorted(kg.index.label(n) for n in kg.ego("Petro's relatives"))
            ['United States', 'relatives of Gustavo Petro']
        """
        from graph.views import network

        center = self.actor(a)
        frontier, seen, events = {center.iri}, {center.iri}, set[str]()
        for _ in range(max(depth, 0)):
            found: set[str] = set()
            for iri in sorted(frontier):
                found |= {r.event for r in self.relations(iri, **{**filters, "evidence": False})}
            rows = self._fetch.events(found - events, evidence=False)
            events |= found
            frontier = {p.iri for r in rows for p in (*r.actors, *r.targets, *r.participants)} - seen
            seen |= frontier
        rows = self._fetch.events(events, evidence=bool(filters.get("evidence", False)))
        lo, hi = period_bounds(filters.get("since"), filters.get("until"))
        kept = keep(rows, lo, hi, filters.get("types"), filters.get("modality"), filters.get("include_planned", False))
        nxg = network.build(sorted(kept, key=by_date), self.index.actors)
        network.add_actor(nxg, center)
        return nxg

    def path(self, a: Ref, b: Ref, **filters: Any) -> ResultList[PathStep]:
        """A shortest chain of events linking two actors (direction ignored), hop by hop; empty when
        none exists. Filters as in :meth:`relations` (without ``rollup``: paths follow who took part).

        Example:
            >>> from graph.queries.api import example
            >>> kg = example()
            >>> [(s.source.label, s.target.label) for s in kg.path("Colombia", "Petro")]
            [('Colombia', 'Donald Trump'), ('Donald Trump', 'Gustavo Petro')]
        """
        from graph.views.metrics import shortest_path

        first, second = self.actor(a), self.actor(b)
        nxg = self.to_networkx(**{**filters, "evidence": False, "rollup": False})
        hops = shortest_path(nxg, first.iri, second.iri)
        steps = []
        for x, y in pairwise(hops):
            data = [*nxg.get_edge_data(x, y, default={}).items(), *nxg.get_edge_data(y, x, default={}).items()]
            keys = sorted(dict(data))
            labels = [f"{dict(data)[k].get('label')} ({dict(data)[k].get('earliest')})" for k in keys]
            steps.append(PathStep(self.index.ref(str(x)), self.index.ref(str(y)), tuple(keys), tuple(labels)))
        return ResultList(steps)

    def view(
        self,
        *actors: str,
        depth: int = 1,
        since: DateLike | None = None,
        until: DateLike | None = None,
        types: Iterable[str] | str | None = None,
        kinds: Iterable[str] | str | None = None,
        include_planned: bool = False,
        title: str | None = None,
        max_nodes: int = 2000,
    ) -> Any:
        """The interactive HTML graph (an ``HtmlView``: ``.write(path)``, shown inline in Jupyter).

        Actors (names, ISO codes, IRIs) and ``depth`` pick a neighbourhood; without them, everything.
        Planned and hypothetical events are left out unless ``include_planned``.

        Example:
            >>> from graph.queries.api import example
            >>> page = example().view("Petro", depth=1)
            >>> "<html" in page.html and page.html.count("Gustavo Petro") > 0
            True
        """
        from graph.views.network import add_roles
        from graph.views.select import make_view

        store = getattr(self, "store", None)
        location = getattr(store, "location", None)
        nxg = self.to_networkx(include_planned=True)
        return make_view(
            add_roles(nxg, store) if store is not None else nxg,  # type: ignore[arg-type]
            actors,
            depth=depth,
            since=since,
            until=until,
            types=types,
            kinds=kinds,
            include_planned=include_planned,
            title=title,
            store=str(location) if location else None,
            max_nodes=max_nodes,
        )
