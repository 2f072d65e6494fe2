"""Some events read from the digests of the graphs that hold them: the per-event read of a busy lookup.

A lookup of a few thousand events (the busiest dyad's timeline) spends its time reading their facts,
claims and cited sentences term by term. The source graphs that state those events carry the same in
a few digest texts each (:mod:`graph.digests`). For a few events, this read asks which graphs state
anything about them (``lookup/event_graphs``) and reads those graphs' digests
(``lookup/graph_digests``); for many, it reads every digest of the store (a scan costs a fraction of
looking graphs up one by one: at 1M quads all 8,732 graphs' event digests in 60-80 ms, the 1,408 of
the busiest dyad looked up in 90-150 ms), when every source graph has them. Either way the claim
digests are read in a second thread when the store allows, and only the records of the events asked
are kept, to be merged by the rules of the whole-store read (:mod:`graph.queries.digests`).

An event whose facts or claims some graph without current digests states (one imported and not
reindexed, a shared graph such as ``graph/derived``, one written by another tool) is left to the
triples: :attr:`GraphDigests.rest` names those, found by ``lookup/graph_events``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from graph import ids
from graph.digests import CLAIM_DIGEST, DIGEST, DIGEST_FORMAT, FORMAT, RECORD_SEPARATOR, compact, records
from graph.queries.table import ValuesRunner
from graph.store.base import Term

EVERY_GRAPH = 0.1
"""Events per source graph from which every digest of the store is read instead of their graphs'."""
MAX_UNMARKED = 64
"""Graphs without current digests past which every event is read from the triples (a store imported
and not reindexed): looking up which events each concerns would cost more than it saves."""


@dataclass
class GraphDigests:
    """The digest records of some events, from the graphs that state them.

    Attributes:
        events: the event digest records (:data:`graph.digests.FIELDS`) of the events asked, from every
            graph that has one of them; none of an event in ``rest``.
        claims: the claim digest records (:data:`graph.digests.CLAIM_FIELDS`) of those graphs, of
            claims about these events and about others (readers keep what they need).
        rest: the events to read from the triples instead.
    """

    events: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    rest: set[str] = field(default_factory=set)


def read_graph_digests(run: ValuesRunner, events: Collection[str], *, claims: bool, concurrent: bool) -> GraphDigests:
    """The digests of the graphs that state ``events`` (their claim digests too when ``claims``).

    Args:
        run: runs a named lookup and returns its plain rows.
        events: event IRIs.
        claims: also read the claim digests (the evidence of the events).
        concurrent: read the claim digests in a second thread, beside the event digests.
    """
    asked = [Term.uri(e) for e in sorted(events)]
    counted = run("digest_coverage", {"format": Term.literal(FORMAT)}).rows  # milliseconds: counts only
    marked, graphs = counted[0] if counted and len(counted[0]) == 2 else ("", "")
    shared = {n for (n,) in run("shared_nodes", {}).rows} & set(events)
    if marked == graphs and graphs.isdigit() and len(events) >= EVERY_GRAPH * int(graphs):
        return _from_every_graph(run, events, asked, shared, claims=claims, concurrent=concurrent)
    found = sorted({g for (g,) in run("event_graphs", {"event": asked}).rows if g} - ids.SHARED_GRAPHS)
    if not found:
        return GraphDigests(rest=shared)
    named = [Term.uri(g) for g in found]
    # the short list first: each parameter is bound by scanning the query text as bound so far
    on_events = {"p": [Term.uri(DIGEST_FORMAT), Term.uri(DIGEST)], "graph": named}
    on_claims = {"p": [Term.uri(CLAIM_DIGEST)], "graph": named}
    on_graphs = ("graph_digests", on_events), ("graph_digests", on_claims) if claims else None
    event_rows, claim_rows = _read(run, *on_graphs, concurrent)
    current = {g for g, p, text in event_rows if p == DIGEST_FORMAT and text == FORMAT}
    unmarked = [g for g in found if g not in current]
    if len(unmarked) > MAX_UNMARKED:
        return GraphDigests(rest=set(events))
    rest = shared | (_stated_in(run, asked, unmarked) if unmarked else set())
    return _kept(
        events,
        rest,
        [(text,) for g, p, text in event_rows if p == DIGEST and text and g in current],
        [(text,) for g, _, text in claim_rows if text and g in current],
    )


def _from_every_graph(
    run: ValuesRunner, events: Collection[str], asked: list[Term], rest: set[str], *, claims: bool, concurrent: bool
) -> GraphDigests:
    """The records of ``events`` from every event digest of the store (whose source graphs all have
    digests), and the claim digests of the graphs that hold claims about them
    (``lookup/event_claim_digests``)."""

    def claim_texts() -> Rows:
        return run("event_claim_digests", {"event": asked}).rows

    if not claims:
        return _kept(events, rest, run("digests", {}).rows, [])
    if not concurrent:
        return _kept(events, rest, run("digests", {}).rows, claim_texts())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplograph-graph-digests") as pool:
        reading = pool.submit(claim_texts)
        every = run("digests", {}).rows
        return _kept(events, rest, every, reading.result())


Rows = list[tuple[str, ...]]
Call = tuple[str, Mapping[str, object]]
"""A named lookup and its parameters."""


def _read(run: ValuesRunner, events: Call, claims: Call | None, concurrent: bool) -> tuple[Rows, Rows]:
    """The rows of the event digest read and of the claim digest read (none when ``claims`` is None),
    the claims in a second thread when ``concurrent``."""
    if claims is None:
        return run(*events).rows, []
    if not concurrent:
        return run(*events).rows, run(*claims).rows
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplograph-graph-digests") as pool:
        reading = pool.submit(run, *claims)
        return run(*events).rows, reading.result().rows


def _stated_in(run: ValuesRunner, asked: list[Term], graphs: Sequence[str]) -> set[str]:
    """The events whose facts or claims some of ``graphs`` states (``lookup/graph_events``)."""
    found = run("graph_events", {"graph": [Term.uri(g) for g in graphs], "event": asked}).rows
    return {e for (e,) in found if e}


def _kept(events: Collection[str], rest: set[str], event_texts: Rows, claim_texts: Rows) -> GraphDigests:
    """The records of ``events`` (but ``rest``) from digest texts, and the records of the claims about
    them (every record of such a claim: a claim two graphs state is merged from both)."""
    wanted = {compact(e) for e in events if e not in rest}
    # one split of all texts joined: the texts of every graph hold some 30k records at 1M quads
    every = RECORD_SEPARATOR.join(text for (text,) in event_texts).split(RECORD_SEPARATOR) if event_texts else []
    out = GraphDigests(rest=rest)
    out.events = [r for r in every if r[: r.find("\t")] in wanted]
    split = [r.split("\t", 2) for (text,) in claim_texts for r in records(text)]
    claims = {f[0] for f in split if f[1] in wanted or (" " in f[1] and any(n in wanted for n in f[1].split(" ")))}
    out.claims = ["\t".join(f) for f in split if f[0] in claims]
    return out
