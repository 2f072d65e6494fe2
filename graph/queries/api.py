"""The analyst's Python API: :class:`KnowledgeGraph`, opened with :func:`graph.open`.

Every lookup returns frozen dataclasses (:mod:`graph.queries.records`) or networkx graphs, never
rdflib or pyoxigraph objects. Actors are given by name, alias, ISO code, IRI or CURIE
(:mod:`graph.queries.resolve`). Event lookups leave out planned and hypothetical events unless
``include_planned=True`` (or a ``modality`` that names them); ``since``/``until`` take a day,
a month or a year (``"2026-01-07"``, ``"2026-01"``, ``"2026"``) and keep events whose date
window lies inside the period. A state stands for its officials and agencies too (rule R1's
``dip:involvesState``) unless ``rollup=False``.

Example:
    >>> import graph
    >>> from graph.ontology import ontology_dir
    >>> with graph.open("memory:") as kg:
    ...     _ = kg.ingest([str(ontology_dir() / "examples" / "seed.trig")])
    ...     print(kg.actor("petro").label, kg.actor("CO").label)
    ...     for r in kg.timeline("Trump", "Petro", until="2026-01-07"):
    ...         print(r.earliest, r.cameo, r.label)
    Gustavo Petro Colombia
    2026-01-05 120 Reject
    2026-01-05 130 Threaten
    2026-01-07 036 Express intent to meet or negotiate
    2026-01-07 041 Discuss by telephone
    2026-01-07 051 Praise or endorse
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from graph.errors import QueryError
from graph.namespaces import sparql_prologue
from graph.queries import read_query
from graph.queries.conversions import ResultList
from graph.queries.dates import DateLike
from graph.queries.facts import FactLookups
from graph.queries.fetch import Fetcher, TypeTable
from graph.queries.filters import by_date, keep, node_iri, period_bounds
from graph.queries.merged import EventMerges
from graph.queries.networks import NetworkLookups
from graph.queries.params import bind
from graph.queries.provenance import event_merges, event_sources
from graph.queries.records import (
    Actor,
    ActorRef,
    Association,
    BalanceRow,
    ClaimRow,
    Contradiction,
    Evidence,
    Kinship,
    Merge,
    Relation,
    Role,
    Sanction,
)
from graph.queries.resolve import ActorIndex
from graph.queries.store_reads import lookup_text, plain_answer, select, without_content
from graph.store.base import SelectResult, Store, Term, ValueRows

if TYPE_CHECKING:
    from graph.pipeline import IngestReport

XSD = "http://www.w3.org/2001/XMLSchema#"
T = TypeVar("T")
Ref = str | Actor | ActorRef


@lru_cache(maxsize=1)
def example() -> KnowledgeGraph:
    """A knowledge graph of the shipped seed example, in memory (for examples and trying things out).

    Example:
        >>> example().actor("COL").label
        'Colombia'
    """
    from graph.ontology import ontology_dir

    kg = KnowledgeGraph.open("memory:")
    kg.ingest([str(ontology_dir() / "examples" / "seed.trig")])
    return kg


class KnowledgeGraph(NetworkLookups):
    """Lookups over a store; a context manager that closes the store it opened.

    Args:
        store: an open :class:`~graph.store.base.Store`.
        owns_store: close the store on :meth:`close` (true when opened by :func:`graph.open`).
    """

    def __init__(self, store: Store, *, owns_store: bool = False) -> None:
        self.store = store
        self._owns = owns_store
        self._index: ActorIndex | None = None
        self._fetcher: Fetcher | None = None

    @classmethod
    def open(
        cls,
        store: str | Store | None = None,
        *,
        create: bool = False,
        read_only: bool = False,
        wait: float | None = None,
    ) -> KnowledgeGraph:
        """Open a store location (default: the CLI's, ``DIPLOGRAPH_STORE`` or ``./.diplograph-store``);
        ``create`` makes an empty on-disk store when there is none (to :meth:`ingest` into) and opens it
        for writing. Otherwise it is read beside other readers until the first write makes this the
        store's writer, or never written with ``read_only``; ``wait``: seconds to wait for a writer (or,
        to write, for readers) instead of :class:`~graph.errors.StoreLockedError` at once.
        :func:`graph.open` is this."""
        if store is not None and not isinstance(store, str):
            return cls(store)
        from graph.settings import load_settings
        from graph.store import open_store

        location = store or load_settings().store
        mode: Literal["write", "read", "auto"] = "write" if create else "read" if read_only else "auto"
        return cls(open_store(location, create=create or location == "memory:", mode=mode, wait=wait), owns_store=True)

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store if this object opened it."""
        if self._owns:
            self.store.close()

    def refresh(self) -> None:
        """Forget what was read once per session (actor names, event types) after the store changed."""
        self._index = None
        self._fetcher = None

    def ingest(self, inputs: Iterable[str], **options: Any) -> IngestReport:
        """Ingest files into the store (:func:`graph.pipeline.ingest`), then :meth:`refresh`."""
        from graph.pipeline import ingest

        report = ingest(list(inputs), self.store, **options)
        self.refresh()
        return report

    # -- plumbing -------------------------------------------------------------------------------------
    def _run(self, name: str, params: Mapping[str, object]) -> SelectResult:
        return select(self.store, f"lookup/{name}", bind(lookup_text(name), params))

    def _values(self, name: str, params: Mapping[str, object]) -> ValueRows:
        return self.store.select_values(sparql_prologue() + bind(lookup_text(name), params))

    def _datasets(self, rows: Iterable[T], nodes: Callable[[T], Iterable[str]], datasets: Any) -> list[T]:
        """``rows`` with a claim about one of their ``nodes`` from a chosen dataset (graph.queries.datasets)."""
        from graph.queries.datasets import chosen, keep_datasets

        return keep_datasets(self._run, list(rows), nodes, chosen(datasets))

    def _reports_of(self, r: Relation) -> list[str]:
        return self._fetch.merges.reports(r.event)

    def _without_content(self, graph: str) -> bool:
        """Whether a graph holds no event or claim, the content digests describe."""
        return without_content(self.store, graph)

    @property
    def index(self) -> ActorIndex:
        """Every actor by IRI, name, alias and code (read on first use)."""
        if self._index is None:
            rows = self._run("actor_index", {}).rows
            self._index = ActorIndex((a.value, f.value, v) for a, f, v in rows if a and f and v)
        return self._index

    @property
    def _fetch(self) -> Fetcher:
        if self._fetcher is None:
            types = TypeTable(self._run("event_types", {}).dicts())
            concurrent = bool(getattr(self.store, "concurrent_reads", False))
            self._fetcher = Fetcher(
                self._run,
                self.index,
                types,
                self._values,
                concurrent=concurrent,
                graph_names=self.store.graph_names,
                without_content=self._without_content,
                # plain values: a large store has tens of thousands of rows here, read once per session
                merges=EventMerges((e, k, v) for e, k, v in self._values("event_merges", {}).rows if e and k and v),
            )
        return self._fetcher

    @property
    def _facts(self) -> FactLookups:
        return FactLookups(self._run, self._fetch, self.actor)

    # -- actors ---------------------------------------------------------------------------------------
    def actors(self, kind: str | None = None, name: str | None = None) -> ResultList[Actor]:
        """Actors by kind (``person``, ``state``, ``agency``, ``igo``, ``organization``, ``media``,
        ``group``) and by a part of a name or alias, sorted by label.

        Example:
            >>> kg = example()
            >>> [a.label for a in kg.actors(kind="state")]
            ['Colombia', 'United States', 'Venezuela']
        """
        try:
            return ResultList(self.index.search(name, kind))
        except ValueError as exc:
            raise QueryError(str(exc), where="kind") from exc

    def actor(self, ref: Ref) -> Actor:
        """The one actor a name, alias, ISO code, IRI or CURIE means.

        Raises:
            AmbiguousReference: several actors fit (they are listed).
            UnknownActor: none does.

        Example:
            >>> kg = example()
            >>> kg.actor("gustavo petro").iri == kg.actor("dipd:person-gustavo-petro").iri
            True
        """
        return self.index.resolve(ref)

    # -- events ---------------------------------------------------------------------------------------
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
        datasets: Iterable[str] | str | None = None,
    ) -> ResultList[Relation]:
        """Events of ``a`` (with ``b``, in either direction, when given), in date order.

        Args:
            a: an actor; b: another actor, or None for all of ``a``'s events.
            since, until: period bounds (day, month or year precision).
            types: CAMEO codes; a code keeps its sub-codes (``"04"`` = every consultation).
            modality: keep events with a claim of these modalities (asserted, alleged, denied, …).
            include_planned: also events that are only planned or hypothetical.
            rollup: a state also stands for its officials and agencies (rule R1).
            evidence: read the sentences and articles behind each event.
            datasets: keep events with a claim from these datasets (``articles``, ``gdelt``, ``icews``,
                ``polecat``, ``ftm``; :mod:`graph.queries.datasets`); None keeps every event.

        Example:
            >>> kg = example()
            >>> [r.cameo for r in kg.relations("Petro", "Trump", types=["12", "13"])]
            ['120', '130']
        """
        lo, hi = period_bounds(since, until)
        sides = [self.actor(a).iri] + ([self.actor(b).iri] if b is not None else [])
        params: dict[str, object] = {k: v for k, v in (("since", lo), ("until", hi)) if v is not None}
        params.update(zip("ab", map(Term.uri, sides), strict=False))
        ids = self._run("dyad_events" if b is not None else "actor_events", params)
        rows = self._fetch.events({r[0].value for r in ids.rows if r[0] is not None}, evidence=evidence)
        if not rollup:  # the queries follow dip:involvesState too: keep events where each side takes part itself
            rows = [r for r in rows if set(sides) <= {p.iri for p in (*r.actors, *r.targets, *r.participants)}]
        kept = self._datasets(keep(rows, lo, hi, types, modality, include_planned), self._reports_of, datasets)
        return ResultList(sorted(kept, key=by_date))

    def timeline(
        self,
        a: Ref,
        b: Ref,
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
        include_planned: bool = False,
        rollup: bool = True,
        datasets: Iterable[str] | str | None = None,
    ) -> ResultList[Relation]:
        """Both directions between two actors, in date order, with modalities and source counts;
        ``datasets`` keeps the events of some datasets only (:meth:`relations`).

        Example:
            >>> kg = example()
            >>> [(r.cameo, r.modality) for r in kg.timeline("USA", "COL", since="2026-02", include_planned=True)]
            [('043', 'planned')]
        """
        return self.relations(
            a, b, since=since, until=until, include_planned=include_planned, rollup=rollup, datasets=datasets
        )

    def sources(self, event: str) -> ResultList[Evidence]:
        """The sentences, articles and stances behind an event (or any content node), oldest first; for
        a merged event, of all its reports. ``Evidence.origin`` names the agency an article runs the
        copy of ("Reuters" beside the outlet "Dunya News").

        Example:
            >>> kg = example()
            >>> [e.start for e in kg.sources("dipd:seed-ev-call")]
            [461, 1023]
        """
        node = node_iri(event)
        return ResultList(event_sources(self._fetch, self._values, node))

    def reports(self, event: str | None = None) -> ResultList[Relation]:
        """The reports an event was read from (every report of the store for ``None``), each as its
        source gives it, before reports of one event are merged (:mod:`graph.coreference`); the
        event lookups return the merged events. The explanation of a merge: which reports, and in
        ``graph/events`` which rule and score.

        Example:
            >>> kg = example()
            >>> len(kg.reports("dipd:seed-ev-call"))
            1
        """
        iris = None if event is None else self._fetch.merges.reports(node_iri(event))
        return ResultList(self._fetch.reports(iris))

    def merges(self, event: str) -> ResultList[Merge]:
        """How an event was read from its reports: each report (as its source gives it) with the rule
        that merged it and the score; the canonical report first. An event of one report gives that
        report alone, rule ``canonical``.

        Example:
            >>> kg = example()
            >>> [(m.rule, m.score) for m in kg.merges("dipd:seed-ev-call")]
            [('canonical', 1.0)]
        """
        return ResultList(event_merges(self._fetch, node_iri(event)))

    def balance(
        self,
        a: Ref,
        b: Ref,
        *,
        by: str = "month",
        since: DateLike | None = None,
        until: DateLike | None = None,
        rollup: bool = True,
        datasets: Iterable[str] | str | None = None,
    ) -> ResultList[BalanceRow]:
        """Cooperation and conflict between two actors per period: counts by quad class, Goldstein sum
        and mean. Events whose window spans more than one period are left out; ``datasets`` counts the
        events of some datasets only (:meth:`relations`).

        Example:
            >>> kg = example()
            >>> [(r.period, r.cooperative, r.conflictual) for r in kg.balance("USA", "COL")]
            [('2026-01', 3, 3)]
        """
        from graph.views.metrics import tally

        rows = self.relations(a, b, since=since, until=until, rollup=rollup, evidence=False, datasets=datasets)
        try:
            return ResultList(tally(rows, by))
        except ValueError as exc:
            raise QueryError(str(exc), where="by") from exc

    # -- facts ----------------------------------------------------------------------------------------
    def sanctions(
        self,
        target: Ref | None = None,
        imposed_by: Ref | None = None,
        on: DateLike | None = None,
        *,
        include_planned: bool = False,
        datasets: Iterable[str] | str | None = None,
    ) -> ResultList[Sanction]:
        """Who sanctioned whom: authority (and its state), target, program, dates, stated reason, who
        alleges and who denies it, and how many sources. ``imposed_by`` a state includes its agencies;
        ``on`` keeps sanctions in force on that day (or at some time in that month or year);
        ``datasets`` keeps those some datasets state (official lists: ``ftm``; the news: ``articles``).

        Example:
            >>> kg = example()
            >>> [(s.target.label, [i.label for i in s.authority_states]) for s in kg.sanctions(imposed_by="USA")]
            [('relatives of Gustavo Petro', ['United States'])]
        """
        found = self._facts.sanctions(target, imposed_by, on, include_planned)
        return ResultList(self._datasets(found, lambda s: (s.sanction, *s.reports), datasets))

    def roles(
        self, person: Ref, on: DateLike | None = None, *, datasets: Iterable[str] | str | None = None
    ) -> ResultList[Role]:
        """Posts a person held (or, for a state or organisation, the posts in it), optionally on a date;
        ``datasets`` keeps the tenures some datasets state.

        Example:
            >>> kg = example()
            >>> [(r.post, str(r.start)) for r in kg.roles("Petro", on="2026-01")]
            [('President of Colombia', '2022-08-07')]
        """
        return ResultList(self._datasets(self._facts.roles(person, on), lambda r: (r.tenure,), datasets))

    def family(self, person: Ref, *, datasets: Iterable[str] | str | None = None) -> ResultList[Kinship]:
        """Family ties of a person, each read "relative is the type of person"; ``datasets`` keeps the
        ties some datasets state (a tie known only by its shortcut property counts as ``articles``).

        Example:
            >>> kg = example()
            >>> [(k.relative.label, k.type) for k in kg.family("Petro")]
            [('relatives of Gustavo Petro', 'relative')]
        """
        found = self._facts.family(person)
        return ResultList(self._datasets(found, lambda k: (k.kinship or "",), datasets))

    def associates(self, person: Ref, *, datasets: Iterable[str] | str | None = None) -> ResultList[Association]:
        """Associates of a person: ties other than family (FollowTheMoney's ``Associate``: a business
        partner, a close associate), each read "associate is the relationship of person", in either
        direction; ``datasets`` keeps the ties some datasets state (a tie known only by its shortcut
        property counts as ``articles``). Family ties are :meth:`family`.

        Example:
            >>> kg = example()
            >>> kg.associates("Petro")
            []
        """
        found = self._facts.associates(person)
        return ResultList(self._datasets(found, lambda a: (a.association or "",), datasets))

    def claims(self, about: Ref) -> ResultList[ClaimRow]:
        """Claims about a content node (an event, sanction, proposition, tenure or kinship IRI), or
        about everything that concerns an actor.

        Example:
            >>> kg = example()
            >>> sorted({c.modality for c in kg.claims("dipd:seed-prop-drug-ties")})
            ['alleged', 'denied']
        """
        return ResultList(self._facts.claims(about))

    def contradictions(
        self, about: str | None = None, *, across_sources: bool = False, kinds: Iterable[str] | None = None
    ) -> ResultList[Contradiction]:
        """Pairs of claims that disagree, each typed (:class:`Contradiction`): about the same content with
        opposite polarity (one denies what the other asserts or alleges), and across the reports of one
        event the different dates, who called whom, planned vs held and different participants that the
        event coreference found (:mod:`graph.coreference`). ``about`` an event gives those of it;
        ``across_sources`` keeps pairs from different source documents only; ``kinds`` keeps those kinds.

        Example:
            >>> kg = example()
            >>> {(c.kind, c.first.modality, c.second.modality) for c in kg.contradictions()}
            {('polarity', 'alleged', 'denied')}
        """
        wanted = set(kinds) if kinds is not None else None
        return ResultList(self._facts.contradictions(node_iri(about) if about else None, across_sources, wanted))

    def compare(
        self,
        dataset: str,
        a: Ref | None = None,
        b: Ref | None = None,
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
    ) -> ResultList[Any]:
        """Per state dyad and month, the events the article extraction and an imported ``dataset``
        agree on (same dyad, CAMEO root and overlapping dates) and those only one has
        (:mod:`graph.queries.compare`); ``a`` and ``b`` keep one dyad (states, or actors standing for
        their state)."""
        from graph.queries.compare import compare

        lo, hi = period_bounds(since, until)
        dyad = (self._state_of(a), self._state_of(b)) if a is not None and b is not None else None

        def run(name: str, params: Mapping[str, object]) -> SelectResult:
            return select(self.store, name, bind(read_query(name), params))

        try:
            return ResultList(compare(run, dataset, dyad=dyad, since=lo, until=hi))
        except ValueError as exc:
            raise QueryError(str(exc), where="dataset") from exc

    def _state_of(self, ref: Ref) -> str:
        found = self.actor(ref)
        return found.iri if found.kind == "state" else self.index.state_of(found.iri) or found.iri

    # -- SPARQL ---------------------------------------------------------------------------------------
    def query(self, sparql: str, params: Mapping[str, object] | None = None) -> Any:
        """Run SPARQL (common prefixes predeclared), with parameters bound safely
        (:func:`graph.queries.params.bind`). SELECT gives rows of plain Python values, ASK a bool,
        CONSTRUCT/DESCRIBE a list of (subject, predicate, object) terms.

        Example:
            >>> kg = example()
            >>> kg.query("SELECT ?n WHERE { ?s skos:prefLabel ?n }", {"s": "dipd:COL"})
            [{'n': 'Colombia'}]
        """
        text = bind(sparql, params, resolve=lambda name: self.actor(name).iri) if params else sparql
        return plain_answer(self.store.query(sparql_prologue() + text))

    def named(self, name: str, **params: object) -> Any:
        """Run a packaged named query (``diplograph queries`` lists them) with parameters.

        Example:
            >>> kg = example()
            >>> [r["type"] for r in kg.named("analyst/dyad_timeline", a="USA", b="COL")][:2]
            ['Deny responsibility', 'Threaten with military force']
        """
        return self.query(read_query(name), params)
