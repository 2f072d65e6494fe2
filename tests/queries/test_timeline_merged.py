"""``timeline()`` with ``graph/events`` empty and filled (graph.coreference): a merged event is read
from all its reports as they read without the merges, every other event as it read before; and each
way of reading the reports (the digests of their graphs with the session's graph count and the claims
cited while the graphs are checked, or the triples, in one thread or two) gives the same rows.

On a generated corpus of 150k quads (scripts/bench/corpus.py, as an ingest leaves it: rules, event
coreference, digests), copied so that ``graph/events`` can be dropped and written back, and on the
story of tests/test_coreference.py (four outlets' reports of one expulsion)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph import ids
from graph.queries import graph_digests
from graph.queries.api import KnowledgeGraph
from graph.queries.records import Relation
from graph.store.base import Quad, Store, WriteBatch
from graph.store.oxigraph import OxigraphStore

CORPUS = 150_000
"""Quads of the generated corpus: the smallest with merged events between its busiest pair of states."""
Timeline = Callable[[KnowledgeGraph], list[Relation]]


@pytest.fixture(scope="module")
def corpus(corpus_store: Callable[[int], Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A writable copy of the session's prepared corpus store."""
    copy = tmp_path_factory.mktemp("timeline-merged") / "kg"
    shutil.copytree(corpus_store(CORPUS), copy)
    store = OxigraphStore(str(copy), create=False)
    yield store
    store.close()


def set_events(store: Store, quads: list[Quad] | None) -> None:
    """``graph/events`` dropped (None) or written with ``quads``."""
    store.apply(WriteBatch(drop_graphs={ids.EVENTS_GRAPH}, insert=quads or []))
    store.flush()


@contextmanager
def events_dropped(store: Store) -> Iterator[None]:
    """The store without ``graph/events`` inside the block; as the coreference wrote it after."""
    quads = list(store.quads(ids.EVENTS_GRAPH))
    assert quads
    set_events(store, None)
    try:
        yield
    finally:
        set_events(store, quads)


def both_states(store: Store) -> Iterator[tuple[str, KnowledgeGraph]]:
    """A session on the store with ``graph/events`` as the coreference wrote it, then on it empty."""
    yield "filled", KnowledgeGraph(store)
    with events_dropped(store):
        yield "empty", KnowledgeGraph(store)


PAIRS = [("USA", "CHN"), ("USA", "RUS"), ("USA", "GBR")]
"""The corpus's busiest pairs of states (scripts/bench/corpus.py with seed 42; counting them takes minutes)."""


def calls(a: str, b: str) -> list[Timeline]:
    return [
        lambda kg: kg.timeline(a, b),
        lambda kg: kg.timeline(a, b, include_planned=True),
        lambda kg: kg.timeline(a, b, since="2017-11", until="2017-12-15"),
        lambda kg: kg.timeline(a, b, rollup=False),
    ]


def assert_folds_the_reports(
    filled: list[Relation], empty: list[Relation], kg: KnowledgeGraph, before: KnowledgeGraph
) -> int:
    """``filled`` (a timeline with graph/events written) holds each event untouched by a merge as
    ``empty`` (the same timeline without) holds it, in the same order, and each merged event as the
    fold of all its reports read without the merges; the number of merged events."""
    merges = kg._fetch.merges

    def untouched(rows: list[Relation]) -> list[Relation]:
        return [r for r in rows if r.event not in merges.into and r.event not in merges.members]

    assert untouched(filled) == untouched(empty)
    merged = [r for r in filled if r.event in merges.members]
    for r in merged:
        reports = before._fetch.reports(merges.reports(r.event))
        assert len(reports) == len(merges.reports(r.event)) > 1
        assert merges.fold(reports) == [r]
        assert r.sources == merges.counts[r.event][0] and len(r.evidence) >= len(reports)
    assert len(filled) - len(merged) == len(untouched(filled))  # no report of a merged event left unfolded
    return len(merged)


def test_a_timeline_reads_each_merged_event_from_all_its_reports_and_the_rest_as_before(corpus: Store) -> None:
    filled_kg = KnowledgeGraph(corpus)
    filled = {(pair, i): call(filled_kg) for pair in PAIRS for i, call in enumerate(calls(*pair))}
    with events_dropped(corpus):
        empty_kg = KnowledgeGraph(corpus)
        empty = {(pair, i): call(empty_kg) for pair in PAIRS for i, call in enumerate(calls(*pair))}
        merged = sum(assert_folds_the_reports(filled[key], empty[key], filled_kg, empty_kg) for key in filled)
    assert merged > 0  # the corpus has merged events between its busiest pairs
    assert KnowledgeGraph(corpus).timeline(*PAIRS[0]) == filled[(PAIRS[0], 0)]  # graph/events written back


def test_each_way_of_reading_gives_the_same_timeline_with_graph_events_empty_and_filled(
    corpus: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session's reads (digests of the events' graphs, the graph count kept, the claims cited in
    a second thread while the graphs are checked) against a fresh session each call in one thread
    and against the triples."""
    monkeypatch.setattr(graph_digests, "FEWEST", 0)
    for state, kg in both_states(corpus):
        every = [call for pair in PAIRS[:2] for call in calls(*pair)]
        fast = [call(kg) for call in every]
        assert [call(kg) for call in every] == fast, state  # again, with the graph count of the session
        assert kg._fetch._graph_count.graphs
        for concurrent in (True, False):
            fresh = []
            for call in every:
                kg.refresh()
                kg._fetch.concurrent = concurrent
                fresh.append(call(kg))
            assert fresh == fast, (state, concurrent)
        kg._fetch.use_digests = False
        assert [call(kg) for call in every] == fast, state
        assert sum(map(len, fast)) > 100


def test_the_story_timeline_folds_the_reports_it_reads_without_the_merges(
    story: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(graph_digests, "FEWEST", 0)
    timelines: list[Timeline] = [
        lambda kg: kg.timeline("Norway", "Chile", include_planned=True),
        lambda kg: kg.timeline("Norway", "Chile"),
    ]
    found: dict[str, list[list[Relation]]] = {}
    kgs: dict[str, KnowledgeGraph] = {}
    for state, kg in both_states(story.store):
        kgs[state] = kg
        found[state] = [call(kg) for call in timelines]
        kg._fetch.use_digests = False
        assert [call(kg) for call in timelines] == found[state], state
        kg._fetch.use_digests = True
    merged = 0
    for filled, empty in zip(found["filled"], found["empty"], strict=True):
        merged += assert_folds_the_reports(filled, empty, kgs["filled"], kgs["empty"])
        assert len(filled) < len(empty)
    assert merged >= 2
