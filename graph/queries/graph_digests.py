"""Some events read from the digests of the graphs that hold them: the per-event read of a busy lookup.

A lookup of a few thousand events (the busiest dyad's timeline) spends its time reading their facts,
claims and cited sentences term by term. The source graphs that state those events carry the same in
a few digest texts each (:mod:`graph.digests`). So this read takes the event digests of every graph
when the events are many (a scan costs a fraction of looking graphs up one by one: at 1M quads all
8,732 graphs' event digests in 60-80 ms, the 1,408 of the busiest dyad looked up in 90-150 ms) and
every source graph has them; else it asks which graphs state anything about the events
(``lookup/event_graphs``) and reads those graphs' digests (``lookup/graph_digests``). The claim
digests come from the graphs that hold claims about the events (``lookup/event_claim_digests``), in
a second thread when the store allows. Only the records of the events asked, and of the claims about
them, are kept, to be merged by the rules of the whole-store read (:mod:`graph.queries.digests`).

An event whose facts or claims some graph without current digests states (one imported and not
reindexed, a shared graph such as ``graph/derived``: ``lookup/shared_nodes``, one written by
another tool: ``lookup/graph_events``) is left to the triples: :attr:`GraphDigests.rest` names those.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from graph import ids
from graph.digests import CLAIM_FIELDS, DIGEST, DIGEST_FORMAT, FORMAT, RECORD_SEPARATOR, compact, records
from graph.queries.table import ValuesRunner
from graph.store.base import Term

FEWEST = 200
"""Fewer events than this are read from the triples: the digest reads cost four or five queries
whatever the number of events (some 30 ms at 1M quads), what the triples of so few cost."""
EVERY_GRAPH = 0.1
"""Events per source graph from which every digest of the store is read instead of their graphs'."""
MAX_UNMARKED = 64
"""Graphs without current digests past which every event is read from the triples (a store imported
and not reindexed): looking up which events each concerns would cost more than it saves."""
_CLAIM_TABS = len(CLAIM_FIELDS) - 1


@dataclass
class GraphDigests:
    """The digest records of some events, from the graphs that state them.

    Attributes:
        events: the event digest records (:data:`graph.digests.FIELDS`) of the events asked, from every
            graph that has one of them; none of an event in ``rest``.
        rest: the events to read from the triples instead.
        cited: what the caller's ``cite`` made of the claim records about the events.
    """

    events: list[str] = field(default_factory=list)
    rest: set[str] = field(default_factory=set)
    cited: Any = None


@dataclass
class GraphCount:
    """The number of source graphs the last digest read of a session counted (None: none counted yet).

    Counting them (``lookup/digest_coverage``) takes tens of milliseconds on a large store, and only
    decides how to read: a lookup of fewer events than :data:`EVERY_GRAPH` of the graphs reads the
    digests of their graphs whatever the count says. So a lookup that few events skips the count; a
    store that has lost graphs since then is read the slower way until a larger lookup counts again,
    with the same answers (either way gives the same events and evidence).
    """

    graphs: int | None = None


Cite = Callable[[list[str]], Any]
"""Makes the evidence of the events from the claim digest records (:data:`graph.digests.CLAIM_FIELDS`)
about them: every record of such a claim, from graphs with current digests."""


def read_graph_digests(
    run: ValuesRunner,
    events: Collection[str],
    *,
    cite: Cite | None,
    concurrent: bool,
    count: GraphCount | None = None,
) -> GraphDigests:
    """The digests of the graphs that state ``events``, and what ``cite`` makes of the claims about them.

    Args:
        run: runs a named lookup and returns its plain rows.
        events: event IRIs.
        cite: makes the evidence from the claim records (None: no evidence is read).
        concurrent: read the claims and run ``cite`` in a second thread, beside the event digests (the
            store works without the GIL: ``cite``'s Python work overlaps the event read).
        count: the session's count of source graphs (:class:`GraphCount`), updated when counted again.
    """
    asked = [Term.uri(e) for e in sorted(events)]
    current: Future[set[str] | None] = Future()
    """The graphs whose claim digests count (None: all), known once the event read has looked."""

    def claims_side() -> Any:
        assert cite is not None
        rows = [(g, text) for g, text in run("event_claim_digests", {"event": asked}).rows if text]
        if not current.done():
            # the event read is still looking up which graphs have current digests (every graph, nearly
            # always): cite from all of them meanwhile, and again below only if some had to be left out
            made = cite(_claims_about(events, [text for _, text in rows]))
            graphs = current.result()
            if graphs is None or all(g in graphs for g, _ in rows):
                return made
        graphs = current.result()
        return cite(_claims_about(events, [text for g, text in rows if graphs is None or g in graphs]))

    def events_read() -> GraphDigests:
        try:
            return _read_events(run, events, asked, current, count or GraphCount())
        finally:
            if not current.done():  # it failed or found no graph: the claim side must not wait for it
                current.set_result(set())

    if cite is None:
        return events_read()
    if not concurrent:
        found = events_read()
        found.cited = claims_side()
        return found
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplograph-graph-digests") as pool:
        reading = pool.submit(claims_side)
        found = events_read()
        found.cited = reading.result()
        return found


def _read_events(
    run: ValuesRunner, events: Collection[str], asked: list[Term], current: Future[set[str] | None], count: GraphCount
) -> GraphDigests:
    """The event digests: of every graph when the events are many and every source graph has
    digests, else of the graphs that state the events. ``current`` gets the graphs with current
    digests as soon as they are known (None: every graph); ``count`` is the session's count of
    source graphs, read again unless it shows the events too few for the read of every graph."""
    marked = graphs = ""
    if count.graphs is None or len(events) >= EVERY_GRAPH * count.graphs:
        counted = run("digest_coverage", {"format": Term.literal(FORMAT)}).rows  # counts only
        marked, graphs = counted[0] if counted and len(counted[0]) == 2 else ("", "")
        count.graphs = int(graphs) if graphs.isdigit() else None
    shared = {n for (n,) in run("shared_nodes", {}).rows} & set(events)  # no digests there
    if marked == graphs and graphs.isdigit() and len(events) >= EVERY_GRAPH * int(graphs):
        current.set_result(None)
        return _events_kept(events, shared, [text for (text,) in run("digests", {}).rows])
    found = sorted({g for (g,) in run("event_graphs", {"event": asked}).rows if g} - ids.SHARED_GRAPHS)
    if not found:
        return GraphDigests(rest=shared)
    # the short list first: each parameter is bound by scanning the query text as bound so far
    params = {"p": [Term.uri(DIGEST_FORMAT), Term.uri(DIGEST)], "graph": [Term.uri(g) for g in found]}
    event_rows = run("graph_digests", params).rows
    marks = {g for g, p, text in event_rows if p == DIGEST_FORMAT and text == FORMAT}
    current.set_result(marks)
    unmarked = [g for g in found if g not in marks]
    if len(unmarked) > MAX_UNMARKED:
        return GraphDigests(rest=set(events))
    rest = shared | (_stated_in(run, asked, unmarked) if unmarked else set())
    return _events_kept(events, rest, [text for g, p, text in event_rows if p == DIGEST and text and g in marks])


def _stated_in(run: ValuesRunner, asked: list[Term], graphs: Sequence[str]) -> set[str]:
    """The events whose facts or claims some of ``graphs`` states (``lookup/graph_events``)."""
    found = run("graph_events", {"graph": [Term.uri(g) for g in graphs], "event": asked}).rows
    return {e for (e,) in found if e}


def _events_kept(events: Collection[str], rest: set[str], texts: list[str]) -> GraphDigests:
    """The records of ``events`` (but ``rest``) from event digest texts."""
    wanted = {compact(e) for e in events if e not in rest}
    # one split of all texts joined: the texts of every graph hold some 30k records at 1M quads
    every = RECORD_SEPARATOR.join(texts).split(RECORD_SEPARATOR) if texts else []
    return GraphDigests([r for r in every if r[: r.find("\t")] in wanted], rest)


def _claims_about(events: Collection[str], texts: list[str]) -> list[str]:
    """The claim records of claims about ``events`` from claim digest texts: every record of such a
    claim (a claim two graphs state is merged from both); records of another layout left out."""
    wanted = {compact(e) for e in events}
    split = [r.split("\t", 2) for text in texts for r in records(text) if r.count("\t") == _CLAIM_TABS]
    claims = {f[0] for f in split if f[1] in wanted or (" " in f[1] and any(n in wanted for n in f[1].split(" ")))}
    return ["\t".join(f) for f in split if f[0] in claims]
