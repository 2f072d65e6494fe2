"""A guard against lookups of the wrong shape (issue 17): every public lookup of the analyst API and
every packaged named query runs on a generated corpus of 50k quads (scripts/bench/corpus.py, made
once per session) under a generous ceiling.

Not a benchmark: on this corpus most lookups take well under half a second and the slowest about 2 s
on a busy machine; the ceiling (:data:`CEILING` seconds, ``DIPLOGRAPH_LOOKUP_CEILING`` to change it)
leaves room for a machine busier still. A shape whose cost explodes with the store blows through it:
before issue 17, ``sample/events_by_date`` took over 100 s here (the old ``sample/roles_held``, 8-12 s,
sits near the ceiling: tests/queries/test_lookup_rewrites.py keeps its answers). Shapes that grow
more slowly (the old ``sanctions()``: 0.8 s here, minutes at 1M quads) only show on larger stores:
``scripts/bench/bench_lookups.py`` times every lookup at 100k and 1M quads.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from graph.queries import list_queries
from graph.queries.api import KnowledgeGraph
from graph.store.oxigraph import OxigraphStore

CORPUS = 50_000
CEILING = float(os.environ.get("DIPLOGRAPH_LOOKUP_CEILING", "10"))
"""Seconds one call may take on the 50k corpus."""


@dataclass(frozen=True)
class Picks:
    """Actors and an event of the corpus to look up: the busiest pair of states, a head of state
    of a mid-ranked state (a typical actor) and one of that person's events."""

    hub: str
    second: str
    person: str
    state: str
    event: str


@pytest.fixture(scope="module")
def kg(corpus_store: Callable[[int], Any]) -> Iterator[KnowledgeGraph]:
    store = OxigraphStore(str(corpus_store(CORPUS)), create=False, mode="read")
    opened = KnowledgeGraph(store)
    _ = opened.index, opened._fetch  # the session's name index and type table, read once
    yield opened
    store.close()


@pytest.fixture(scope="module")
def picks(kg: KnowledgeGraph) -> Picks:
    heads = kg.query(
        "SELECT ?h ?o WHERE { ?t org:role role:headOfState ; dip:holder ?h ; org:organization ?o } ORDER BY ?o ?h"
    )
    states = sorted({r["o"] for r in heads})
    state = states[len(states) // 2]
    person = next(r["h"] for r in heads if r["o"] == state)
    events = kg.relations(person, evidence=False)
    assert events, "the typical person takes part in no event"
    return Picks("USA", "CHN", person, state, events[len(events) // 2].event)


LOOKUPS: dict[str, Callable[[KnowledgeGraph, Picks], Any]] = {
    "actor": lambda kg, p: kg.actor("China"),
    "actors": lambda kg, p: kg.actors(kind="person"),
    "actors by name": lambda kg, p: kg.actors(name="an"),
    "relations of the busiest pair": lambda kg, p: kg.relations(p.hub, p.second),
    "relations of a person": lambda kg, p: kg.relations(p.person),
    "relations of a state": lambda kg, p: kg.relations(p.state),
    "timeline of the busiest pair": lambda kg, p: kg.timeline(p.hub, p.second),
    "sanctions": lambda kg, p: kg.sanctions(),
    "sanctions imposed by a state": lambda kg, p: kg.sanctions(imposed_by=p.hub),
    "sanctions on an actor": lambda kg, p: kg.sanctions(target=p.second),
    "roles of a person": lambda kg, p: kg.roles(p.person),
    "roles in a state": lambda kg, p: kg.roles(p.hub),
    "family": lambda kg, p: kg.family(p.person),
    "associates": lambda kg, p: kg.associates(p.person),
    "claims about an actor": lambda kg, p: kg.claims(p.person),
    "claims about an event": lambda kg, p: kg.claims(p.event),
    "sources": lambda kg, p: kg.sources(p.event),
    "contradictions": lambda kg, p: kg.contradictions(),
    "contradictions about an event": lambda kg, p: kg.contradictions(p.event),
    "balance": lambda kg, p: kg.balance(p.hub, p.second),
    "path": lambda kg, p: kg.path(p.person, p.second),
    "ego of a person": lambda kg, p: kg.ego(p.person),
    "ego of a state, depth 2": lambda kg, p: kg.ego(p.state, depth=2),
    "reports of an event": lambda kg, p: kg.reports(p.event),
    "merges of an event": lambda kg, p: kg.merges(p.event),
}
NAMED = [q.name for q in list_queries()]


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = call()
    return time.perf_counter() - started, value


@pytest.mark.parametrize("name", sorted(LOOKUPS))
def test_every_lookup_answers_within_the_ceiling(kg: KnowledgeGraph, picks: Picks, name: str) -> None:
    seconds, _ = timed(lambda: LOOKUPS[name](kg, picks))
    assert seconds < CEILING, f"{name} took {seconds:.1f} s on {CORPUS:,} quads (ceiling {CEILING} s)"


@pytest.mark.parametrize("name", NAMED)
def test_every_named_query_answers_within_the_ceiling(kg: KnowledgeGraph, name: str) -> None:
    seconds, _ = timed(lambda: kg.named(name))
    assert seconds < CEILING, f"{name} took {seconds:.1f} s on {CORPUS:,} quads (ceiling {CEILING} s)"


def test_the_guard_covers_every_public_lookup() -> None:
    public = {"actor", "actors", "relations", "timeline", "sanctions", "roles", "family", "claims", "sources"}
    public |= {"contradictions", "balance", "path", "ego", "reports", "merges", "associates"}
    covered = {name.split()[0] for name in LOOKUPS}
    assert public <= covered
    assert {n.split("/")[0] for n in NAMED} >= {"sample", "analyst"}


def test_the_corpus_has_answers_for_the_lookups(kg: KnowledgeGraph, picks: Picks) -> None:
    assert kg.relations(picks.hub, picks.second) and kg.sanctions() and kg.sanctions(imposed_by=picks.hub)
    assert kg.roles(picks.person) and kg.claims(picks.person) and kg.contradictions()
    assert kg.named("sample/roles_held") and kg.named("sample/events_by_date")
