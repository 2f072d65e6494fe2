"""Stores of generated corpora (scripts/bench/corpus.py) prepared as an ingest leaves them, made once
per test session: for the lookup guard and the old-vs-new query comparisons."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from graph.queries.api import KnowledgeGraph
from graph.store.oxigraph import OxigraphStore
from tests.conftest import load_script

CorpusStore = Callable[[int], Path]


def lookup_store_module() -> ModuleType:
    return load_script("scripts/bench/lookup_store.py")


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> CorpusStore:
    """``corpus_store(n)``: the directory of an Oxigraph store of the generated ``n``-quad corpus
    (seed 42) with ontology, rules and digests; made on first use, then shared by the session."""
    helper = lookup_store_module()
    work = tmp_path_factory.mktemp("corpora")
    made: dict[int, Path] = {}

    def get(n: int) -> Path:
        if n not in made:
            path = helper.corpus_path(n, work)
            location = work / f"kg-{n}"
            helper.prepare(path, location)
            made[n] = location
        return made[n]

    return get


@pytest.fixture
def open_corpus(corpus_store: CorpusStore) -> Iterator[Callable[[int], OxigraphStore]]:
    """``open_corpus(n)``: a read-only handle on the session's store of ``n`` quads, closed after the test."""
    opened: list[OxigraphStore] = []

    def get(n: int) -> OxigraphStore:
        store = OxigraphStore(str(corpus_store(n)), create=False, mode="read")
        opened.append(store)
        return store

    yield get
    for store in opened:
        store.close()


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """The coreference test story (four outlets' reports of one expulsion, two of a phone call), ingested
    into an on-disk store so that the coreference merges its reports."""
    from tests.test_coreference import STORY, _files

    tmp = tmp_path_factory.mktemp("story")
    with KnowledgeGraph.open(str(tmp / "kg"), create=True) as opened:
        opened.ingest(_files(tmp, list(STORY)))
        yield opened
