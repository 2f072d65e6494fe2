"""The per-event read from the digests of the graphs that hold the events (graph.queries.graph_digests):
the same relations, in the same order, as the read from the triples, whichever way the digests are
read (the graphs of the events, or every graph of the store), and where some graph has no digests,
stale ones, or a shared graph states a fact of an event."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import ids
from graph.digests import DIGEST_FORMAT
from graph.queries import graph_digests
from graph.queries.api import KnowledgeGraph
from graph.queries.records import Relation
from graph.store.base import Quad, Store, Term, WriteBatch
from tests.queries.test_digests import BACKENDS, FIRST, FIX, ID, SECOND, SEED, THIRD, _open

DIP = ids.ONTOLOGY
CAMEO = ids.SCHEME + "cameo/"
CORPUS = 10_000
STRATEGIES = {"their graphs": 10.0**9, "every graph": 0.0}
"""graph_digests.EVERY_GRAPH for each way of reading: never, or always, every graph's digests."""


@pytest.fixture(autouse=True)
def _few_events_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stores here are small: every lookup reads the digests, however few its events."""
    monkeypatch.setattr(graph_digests, "FEWEST", 0)


@pytest.fixture(params=BACKENDS)
def kg(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeGraph]:
    for name, text in (("first", FIRST), ("second", SECOND), ("third", THIRD)):
        (tmp_path / f"{name}.trig").write_text(text)
    files = [SEED, FIX / "second-outlet.yaml", FIX / "denial.trig"]
    opened = _open(request.param, tmp_path, [*files, *(tmp_path / f"{n}.trig" for n in ("first", "second", "third"))])
    yield opened
    opened.close()


def events_of(kg: KnowledgeGraph) -> list[str]:
    return sorted({r["e"] for r in kg.query("SELECT DISTINCT ?e WHERE { ?e dip:eventType ?t }")})


def from_triples(kg: KnowledgeGraph, iris: list[str], *, evidence: bool) -> list[Relation]:
    return sorted(kg._fetch._from_triples(iris, evidence=evidence), key=lambda r: r.event)


def assert_reads_alike(kg: KnowledgeGraph, iris: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each way of reading the digests gives the relations the triples give, in IRI order."""
    fetch = kg._fetch
    for evidence in (True, False):
        expected = from_triples(kg, iris, evidence=evidence)
        assert len(expected) > 5
        for every in STRATEGIES.values():
            monkeypatch.setattr(graph_digests, "EVERY_GRAPH", every)
            for concurrent in {fetch.concurrent, False}:
                fetch.concurrent, was = concurrent, fetch.concurrent
                assert fetch.reports(iris, evidence=evidence) == expected, (evidence, every, concurrent)
                fetch.concurrent = was


def test_events_read_from_the_digests_of_their_graphs_are_those_of_the_triples(
    kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    iris = [*events_of(kg), ID + "no-such-event"]
    assert_reads_alike(kg, iris, monkeypatch)
    for every in STRATEGIES.values():  # the digests do give the events (not all left to the triples)
        monkeypatch.setattr(graph_digests, "EVERY_GRAPH", every)
        found = graph_digests.read_graph_digests(kg._values, iris, cite=lambda r: r, concurrent=False)
        assert len(found.events) > 10 and len(found.cited) > 10 and not found.rest
    evidence = kg._fetch.reports(iris)
    assert sum(len(r.evidence) for r in evidence) > len(evidence)
    visit = {r.event: r for r in evidence}[ID + "dg-visit"]  # three graphs, one citing another's sentence
    assert visit.sources == 3 and any(e.sentence and "envoy" in e.sentence for e in visit.evidence)


def test_the_lookups_answer_alike_with_and_without_the_digests(
    kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Callable[[], object]] = [
        lambda: kg.relations("USA", "COL"),
        lambda: kg.timeline("USA", "COL", include_planned=True),
        lambda: kg.relations("USA", "COL", since="2026-01-06", until="2026-01-31", include_planned=True),
        lambda: kg.relations("Gustavo Petro"),
        lambda: kg.relations("USA", "VEN", rollup=False),
        lambda: kg.balance("USA", "COL"),
        lambda: kg.ego("Gustavo Petro"),
    ]
    for every in STRATEGIES.values():
        monkeypatch.setattr(graph_digests, "EVERY_GRAPH", every)
        kg._fetch.use_digests = True
        fast = [call() for call in calls]
        kg._fetch.use_digests = False
        slow = [call() for call in calls]
        assert list(map(comparable, fast)) == list(map(comparable, slow))
        assert all(fast[:4])  # type: ignore[arg-type]


def comparable(found: object) -> object:
    """A lookup's answer, a network as its nodes and edges with their data, in order."""
    if hasattr(found, "edges"):
        return list(found.nodes(data=True)), list(found.edges(keys=True, data=True))  # type: ignore[attr-defined]
    return found


def _write(store: Store, graph: str, quads: list[tuple[str, str, Term]]) -> None:
    g = Term.uri(graph)
    store.apply(WriteBatch(insert=[Quad(Term.uri(s), Term.uri(p), o, g) for s, p, o in quads]))


def test_events_some_graph_without_digests_states_are_read_from_the_triples(
    kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A graph written without digests (an import not reindexed) restating an event and claiming
    another; one whose digest format is another's (stale); a fact of an event in graph/derived."""
    other = ids.GRAPH + "doc-imported.other-tool"
    _write(
        kg.store,
        other,
        [
            (ID + "dg-visit", DIP + "actor", Term.uri(ID + "COL")),
            (ID + "dg-imported-claim", DIP + "about", Term.uri(ID + "seed-ev-call")),
            (ID + "dg-imported-claim", DIP + "modality", Term.uri(ids.SCHEME + "modality/denied")),
        ],
    )
    stale = ids.GRAPH + "doc-first.hand"
    kg.store.apply(WriteBatch(delete_subjects={stale: {stale}}))  # its digests and marker gone ...
    _write(kg.store, stale, [(stale, DIGEST_FORMAT, Term.literal("1"))])  # ... and an older marker
    _write(kg.store, ids.DERIVED_GRAPH, [(ID + "dg-call", DIP + "target", Term.uri(ID + "COL"))])
    kg.refresh()
    found = graph_digests.read_graph_digests(kg._values, events_of(kg), cite=None, concurrent=False)
    assert {ID + "dg-visit", ID + "seed-ev-call", ID + "dg-call"} <= found.rest
    assert_reads_alike(kg, events_of(kg), monkeypatch)
    visit = {r.event: r for r in kg._fetch.reports(events_of(kg))}[ID + "dg-visit"]
    assert ID + "COL" in {a.iri for a in visit.actors}  # the undigested graph's actor is there


def test_a_store_whose_graphs_mostly_lack_digests_is_read_from_the_triples(
    kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(graph_digests, "MAX_UNMARKED", 0)
    monkeypatch.setattr(graph_digests, "EVERY_GRAPH", STRATEGIES["their graphs"])
    kg.store.apply(WriteBatch(delete_subjects={ids.GRAPH + "doc-second.hand": {ids.GRAPH + "doc-second.hand"}}))
    kg.refresh()
    iris = events_of(kg)
    found = graph_digests.read_graph_digests(kg._values, iris, cite=None, concurrent=False)
    assert found.rest == set(iris) and not found.events
    assert kg._fetch.reports(iris) == from_triples(kg, iris, evidence=True)


@pytest.fixture
def corpus(open_corpus: Callable[[int], Store]) -> KnowledgeGraph:
    """A generated corpus (scripts/bench/corpus.py) as an ingest leaves it."""
    return KnowledgeGraph(open_corpus(CORPUS))


def test_the_busiest_dyad_of_a_generated_corpus_reads_alike(
    corpus: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hundreds of events, each way of reading the digests."""
    pairs = corpus.query(
        """SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dip:involvesState ?a , ?b . ?a a dip:State .
           ?b a dip:State FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b ORDER BY DESC(?n) ?a ?b LIMIT 1"""
    )
    a, b = pairs[0]["a"], pairs[0]["b"]
    calls: list[Callable[[], object]] = [
        lambda: corpus.relations(a, b),
        lambda: corpus.relations(a, b, since="2019", until="2022-06", include_planned=True),
        lambda: corpus.balance(a, b),
    ]
    for every in STRATEGIES.values():
        monkeypatch.setattr(graph_digests, "EVERY_GRAPH", every)
        corpus._fetch.use_digests = True
        fast = [call() for call in calls]
        corpus._fetch.use_digests = False
        assert fast == [call() for call in calls]
        assert len(fast[0]) > 20  # type: ignore[arg-type]
        events = [r.event for r in fast[0]]  # type: ignore[attr-defined]
        found = graph_digests.read_graph_digests(corpus._values, events, cite=len, concurrent=True)
        assert len(found.events) >= len(events) and found.cited > len(events) and not found.rest


def test_merged_events_read_alike_from_the_digests(story: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    merges = story._fetch.merges
    group = next(members for members in merges.members.values() if len(members) > 2)
    for every in STRATEGIES.values():
        monkeypatch.setattr(graph_digests, "EVERY_GRAPH", every)
        for evidence in (True, False):
            story._fetch.use_digests = True
            fast = story._fetch.events(group, evidence=evidence)
            story._fetch.use_digests = False
            assert fast == story._fetch.events(group, evidence=evidence)
            assert len(fast) == 1 and len(fast[0].evidence if evidence else group) > 2
    story._fetch.use_digests = True
    assert_reads_alike(story, events_of(story), monkeypatch)


def test_a_merged_event_does_not_depend_on_the_order_its_reports_were_read_in(story: KnowledgeGraph) -> None:
    merges = story._fetch.merges
    group = next(members for members in merges.members.values() if len(members) > 2)
    reports = story._fetch._from_triples(group, evidence=True)
    assert len(reports) == len(group)
    folded = merges.fold(reports)
    parts = merges.fold_parts([r.parts() for r in reports])[0]
    for seed in range(5):
        random.Random(seed).shuffle(reports)
        assert merges.fold(reports) == folded
        assert merges.fold_parts([r.parts() for r in reports])[0] == parts
    assert [Relation.of_parts(p) for p in parts] == [Relation.of_parts(r.parts()) for r in folded]


def test_a_failed_event_read_raises_and_releases_the_claim_side() -> None:
    """The claim side waits for the graphs the event read finds: a failure must not leave it waiting."""
    from graph.errors import QueryError
    from graph.store.base import ValueRows

    def run(name: str, params: object) -> ValueRows:
        if name == "event_claim_digests":
            return ValueRows(["graph", "digest"], [("g", "text")])
        raise QueryError(f"{name} failed")

    for concurrent in (True, False):
        with pytest.raises(QueryError, match="digest_coverage failed"):
            graph_digests.read_graph_digests(run, [ID + "e"], cite=len, concurrent=concurrent)


def test_claim_records_of_another_layout_are_left_out() -> None:
    from graph.digests import CLAIM_FIELDS, RECORD_SEPARATOR

    current = "\t".join(["~c1", "~e1 ~e2", "asserted", *[""] * (len(CLAIM_FIELDS) - 3)])
    older = "\t".join(["~c2", "~e1", "asserted"])
    other = "\t".join(["~c3", "~e3", "asserted", *[""] * (len(CLAIM_FIELDS) - 3)])
    kept = graph_digests._claims_about([ID + "e2"], [RECORD_SEPARATOR.join([current, older, other])])
    assert kept == [current]


def test_claims_cited_before_the_graphs_are_checked_are_cited_again_without_stale_digests(
    kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The claim side cites while the event read checks which graphs have current digests; a graph
    whose digests turn out stale leaves that citing unused. Here the stale claim digest restates
    another graph's claim with another modality, which would win the merge of the claim's records."""
    import threading

    from graph.digests import CLAIM_DIGEST, RECORD_SEPARATOR, records

    if not kg._fetch.concurrent:
        pytest.skip("the claim side runs in a second thread only on stores that read concurrently")
    stale = ids.GRAPH + "doc-first.hand"
    mentioned = {q.subject.value for q in kg.store.quads(stale)} | {q.object.value for q in kg.store.quads(stale)}
    events = set(events_of(kg)) - mentioned
    texts = [
        q.object.value for q in kg.store.quads() if q.predicate.value == CLAIM_DIGEST and q.graph != Term.uri(stale)
    ]
    fields = next(
        f for f in (r.split("\t") for t in texts for r in records(t)) if f[2] == "asserted" and ID + f[1][1:] in events
    )
    entries = [q for q in kg.store.quads(stale) if q.subject.value == stale]
    wrong = [
        Quad(
            q.subject,
            q.predicate,
            Term.literal(q.object.value + RECORD_SEPARATOR + "\t".join([*fields[:2], "alleged", *fields[3:]])),
            q.graph,
        )
        if q.predicate.value == CLAIM_DIGEST
        else q
        for q in entries
        if q.predicate.value != DIGEST_FORMAT
    ]
    kg.store.apply(WriteBatch(delete_subjects={stale: {stale}}))
    kg.store.apply(
        WriteBatch(insert=[*wrong, Quad(Term.uri(stale), Term.uri(DIGEST_FORMAT), Term.literal("1"), Term.uri(stale))])
    )
    kg.refresh()
    fetch, cited = kg._fetch, threading.Event()
    cite, values = fetch._cite_all, fetch.values

    def citing(found: list[str]) -> object:
        try:
            return cite(found)
        finally:
            cited.set()

    def run(name: str, params: Any) -> Any:
        if name == "graph_digests":  # the graphs are checked once the claim side has cited
            assert cited.wait(30)
        return values(name, params)

    monkeypatch.setattr(fetch, "_cite_all", citing)
    monkeypatch.setattr(fetch, "values", run)
    monkeypatch.setattr(graph_digests, "EVERY_GRAPH", STRATEGIES["their graphs"])
    iris = events_of(kg)
    expected = from_triples(kg, iris, evidence=True)
    assert "asserted" in {e.modality for r in expected for e in r.evidence if e.claim == ID + fields[0].lstrip("~")}
    assert fetch.reports(iris) == expected
    assert cited.is_set()


def test_a_session_counts_the_source_graphs_once_and_reads_alike_after_graphs_go(
    kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The graph count only picks the way of reading: a count gone stale reads the same events."""
    monkeypatch.setattr(graph_digests, "EVERY_GRAPH", STRATEGIES["their graphs"])
    fetch, asked = kg._fetch, []
    values = fetch.values

    def run(name: str, params: Any) -> Any:
        asked.append(name)
        return values(name, params)

    monkeypatch.setattr(fetch, "values", run)
    first = kg.timeline("USA", "COL", include_planned=True)
    assert asked.count("digest_coverage") == 1 and fetch._graph_count.graphs
    assert kg.timeline("USA", "COL", include_planned=True) == first
    assert asked.count("digest_coverage") == 1  # counted once per session
    kg.store.apply(WriteBatch(drop_graphs={ids.GRAPH + "doc-second.hand"}))
    later = kg.timeline("USA", "COL", include_planned=True)
    assert asked.count("digest_coverage") == 1
    kg.refresh()
    assert kg.timeline("USA", "COL", include_planned=True) == later != first
    monkeypatch.setattr(graph_digests, "EVERY_GRAPH", STRATEGIES["every graph"])
    assert kg.timeline("USA", "COL", include_planned=True) == later
