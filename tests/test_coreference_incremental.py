"""The incremental event coreference (graph/coreference_incremental.py) writes what a full pass writes.

A story is ingested article by article (as graph.pipeline does, identities first), each step followed
by the incremental pass over the graphs it wrote or dropped; after every step ``graph/events`` must
hold exactly the statements a full recompute over the whole store plans: merges, counts, links and
contradictions. The steps add reports to an event, a syndicated copy, a denial, a planned meeting and
the one held, a story of other states, a curated ``owl:differentFrom``, an article re-ingested with
other facts (its reports leave their group) and a dropped article."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from graph import ids
from graph.coreference import DIFFERENT_QUERY, WIRES_QUERY, plan, plan_quads, read_reports, resolve_events
from graph.coreference_incremental import Snapshot
from graph.identity import resolve_identities
from graph.pipeline import ingest
from graph.store import open_store
from graph.store.base import Store, WriteBatch

from .test_coreference import STORY as NORWAY_CHILE

STORY = {
    **NORWAY_CHILE,  # the story of tests/test_coreference.py, and one of other states
    "delta": (
        "Delta Wire",
        "2026-05-02",
        "Egypt expelled three Sudanese diplomats on May 1, 2026, the Egyptian foreign ministry said.",
    ),
    "nile": (
        "Nile Herald",
        "2026-05-02",
        "Egypt on May 1, 2026 expelled three diplomats from Sudan, officials in Khartoum said.",
    ),
}
ANDES_AGAIN = (
    "Andes Review",
    "2026-03-05",
    "Peru on March 4, 2026 expelled two diplomats from Bolivia, according to officials in La Paz.",
)


def _file(folder: Path, key: str, record: tuple[str, str, str], n: int) -> str:
    outlet, published, text = record
    path = folder / f"{key}-{n}.jsonl"
    line = {"text": text, "url": f"https://example.org/{key}", "outlet": outlet, "published": published}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return str(path)


def _events(store: Store) -> set[str]:
    return {q.nq() for q in store.quads(ids.EVENTS_GRAPH)}


def _full(store: Store) -> set[str]:
    """What a full pass would write now (without writing it)."""
    different = [(a, b) for a, b in store.select_values(DIFFERENT_QUERY).rows if a and b]
    wires = {a: w for a, w in store.select_values(WIRES_QUERY).rows if a and w}
    return {q.nq() for q in plan_quads(plan(read_reports(store), different, wires))}


class Story:
    """A store written one change at a time, each followed by the incremental pass."""

    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path / "inputs"
        self.folder.mkdir()
        self.store = open_store(str(tmp_path / "kg"), create=True)
        self.graphs: dict[str, set[str]] = {}
        self.n = 0

    def step(self, replaced: set[str], change: Callable[[], set[str]]) -> set[str]:
        before = Snapshot.take(self.store, replaced)
        written = change()
        resolve_identities(self.store)  # as graph.pipeline.run_rules does before the events
        resolve_events(self.store, touched=written | replaced, before=before)
        return written

    def ingest(self, key: str, record: tuple[str, str, str] | None = None) -> None:
        self.n += 1
        path = _file(self.folder, key, record or STORY[key], self.n)
        old = self.graphs.get(key, set())

        def write() -> set[str]:
            # a source's graph is named by its text: an article with other text is a new graph, and
            # replacing the old one (what a corrected re-ingest means) drops it in the same step
            if old:
                self.store.apply(WriteBatch(drop_graphs=old, delete_subjects={ids.META_GRAPH: old}))
            return set(ingest([path], self.store, derive=False).graphs)

        self.graphs[key] = self.step(old, write)

    def ingest_text(self, name: str, text: str) -> None:
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        self.graphs[name] = self.step(set(), lambda: set(ingest([str(path)], self.store, derive=False).graphs))

    def drop(self, key: str) -> None:
        graphs = self.graphs.pop(key)

        def write() -> set[str]:
            self.store.apply(WriteBatch(drop_graphs=graphs, delete_subjects={ids.META_GRAPH: graphs}))
            return set()

        self.step(graphs, write)


@pytest.fixture
def story(tmp_path: Path) -> Story:
    return Story(tmp_path)


def test_every_step_of_a_story_leaves_what_a_full_pass_writes(story: Story) -> None:
    checked = 0
    for key in STORY:
        story.ingest(key)
        assert _events(story.store) == _full(story.store), f"after ingesting {key}"
        checked += 1
    # the story made merges, counts and contradictions: the comparison compared something
    events = _events(story.store)
    assert any("sameEventAs" in q for q in events)
    assert any("SourceContradiction" in q for q in events)
    assert any("heldAs" in q for q in events)

    story.ingest("andes", ANDES_AGAIN)  # the article replaced by one with other facts: its reports leave the group
    assert _events(story.store) == _full(story.store), "after re-ingesting andes"
    assert _events(story.store) != events

    story.drop("coastal")  # the syndicated copy goes: counts and contradictions change
    assert _events(story.store) == _full(story.store), "after dropping coastal"

    ledger = next(r.event for r in read_reports(story.store) if r.sources & {_article(story, "ledger")})
    polar = next(r.event for r in read_reports(story.store) if r.sources & {_article(story, "polar")})
    story.ingest_text("split.ttl", f"<{polar}> <http://www.w3.org/2002/07/owl#differentFrom> <{ledger}> .\n")
    assert _events(story.store) == _full(story.store), "after a curated difference"

    story.drop("split.ttl")
    assert _events(story.store) == _full(story.store), "after dropping the curated difference"
    assert checked == len(STORY)


def _article(story: Story, key: str) -> str:
    for r in read_reports(story.store):
        for c in r.claims:
            if f"example.org/{key}" in c.source or key in c.source:
                return c.source
    found = story.store.select_values(
        f'SELECT ?a WHERE {{ ?a <https://schema.org/url> ?u FILTER(CONTAINS(STR(?u), "/{key}")) }}'
    ).rows
    return found[0][0]


def test_an_article_of_other_states_replans_only_their_groups(story: Story) -> None:
    for key in ("ledger", "andes", "delta"):
        story.ingest(key)
    before = Snapshot.take(story.store)
    written = set(ingest([_file(story.folder, "nile", STORY["nile"], 99)], story.store, derive=False).graphs)
    resolve_identities(story.store)
    decided = resolve_events(story.store, touched=written, before=before)
    assert _events(story.store) == _full(story.store)
    assert decided.merges, "the two reports of Egypt's expulsion are one event"
    norway = {m.canonical for m in plan(read_reports(story.store)).merges} - {m.canonical for m in decided.merges}
    assert norway, "Norway's expulsion was not re-planned: another article of other states does not touch it"


def test_an_incremental_pass_needs_the_snapshot(story: Story) -> None:
    with pytest.raises(ValueError, match="Snapshot"):
        resolve_events(story.store, touched=set())


def test_the_claims_read_for_copies_are_those_the_reports_cite(story: Story) -> None:
    from graph.coreference_incremental import articles_cited

    for key in ("ledger", "coastal", "andes", "polar"):
        story.ingest(key)
    reports = [r for r in read_reports(story.store) if r.code and r.everyone]
    articles = {c.source for r in reports for c in r.claims}
    cited = articles_cited(story.store, articles)
    assert reports
    for r in reports:
        assert sorted(cited[r.event], key=str) == sorted(((c.source, c.sentence) for c in r.claims), key=str)


def test_ingest_and_drop_through_the_pipeline_keep_what_a_full_pass_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """graph.pipeline.ingest (derive on: the incremental pass) and drop_source, as the CLI runs them."""
    import graph.coreference
    from graph.pipeline import drop_source

    passes: list[bool] = []
    full_or_not = graph.coreference.resolve_events

    def recorded(store: Store, touched: object = None, before: object = None) -> object:
        passes.append(touched is not None)
        return full_or_not(store, touched, before)  # type: ignore[arg-type]

    monkeypatch.setattr(graph.coreference, "resolve_events", recorded)
    folder = tmp_path / "inputs"
    folder.mkdir()
    store = open_store(str(tmp_path / "kg"), create=True)
    written: dict[str, set[str]] = {}
    for n, key in enumerate(STORY, 1):
        written[key] = set(ingest([_file(folder, key, STORY[key], n)], store).graphs)
        assert _events(store) == _full(store), key
    assert any("sameEventAs" in q for q in _events(store))  # the comparison is not of two empty sets
    (graph,) = written["coastal"]
    assert drop_source(store, graph)
    assert _events(store) == _full(store)
    assert passes[0] is False and sum(passes) >= len(STORY) - 2  # the first ingest loads the ontology: full
