"""Every event of the store from its digests (:mod:`graph.digests`): the fast whole-store read.

A few terms per source graph are read (``lookup/digests``; ``lookup/claim_digests`` for claims) in a
second thread while this one checks that every source graph carries complete digests: a count of the
source graphs against a count of markers (``lookup/digest_coverage``), then the store's graph names,
and only when they differ the graphs one by one. Which
document a run used (``lookup/run_documents``) is read only if a digest names a run instead of its
document. The digests of an event are merged here by the rules of the ``lookup/table_*`` queries,
into the same :class:`Relation` records. When a graph lacks its digests (a store written before
digests existed, or by other tools), :func:`read_digests` returns None and callers read the triples.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from operator import itemgetter

from graph import ids
from graph.digests import FIELDS, FORMAT, NOT_A_DATE, compact, expand, records
from graph.ids import ID
from graph.queries.modalities import modality_rank
from graph.queries.records import ActorRef, EventParts, Kind, Window
from graph.queries.table import BOTTOM, TOP, ValuesRunner, date_window, refs_of
from graph.store.base import Term

MAX_UNMARKED_CHECKS = 16
"""Graphs without a digest marker that are probed for events and claims before giving up on digests."""


class Digests:
    """The raw digests of a store; ``documents()`` reads which documents runs used, once, on first
    need (a digest names a run instead of its document only when the write did not say)."""

    def __init__(self, texts: list[str], read_documents: Callable[[], dict[str, set[str]]]) -> None:
        self.texts = texts
        self._read_documents = read_documents
        self._documents: dict[str, set[str]] | None = None

    def documents(self) -> dict[str, set[str]]:
        if self._documents is None:
            self._documents = self._read_documents()
        return self._documents

    def run_document(self, run: str) -> str | None:
        """The document a run (compacted name) used, as an IRI: the lowest when it used several."""
        used = self.documents().get(run)
        return expand(min(used)) if used else None


def read_digests(
    run: ValuesRunner,
    graph_names: Callable[[], list[str]],
    without_content: Callable[[str], bool],
    *,
    concurrent: bool,
    lookup: str = "digests",
) -> Digests | None:
    """The store's digests, or None when some source graph has none (then read the triples).

    Args:
        run: runs a named lookup and returns its plain rows.
        graph_names: the store's named graphs (:meth:`Store.graph_names`).
        without_content: whether a named graph holds nothing that digests describe (no event, no
            claim): an emptied graph, or one another tool wrote with other data (Virtuoso's own).
        concurrent: run the digest scan and the checks in two threads.
        lookup: ``digests`` (events) or ``claim_digests`` (claims and the sentences they cite).
    """

    def complete() -> bool:
        counted = run("digest_coverage", {"format": Term.literal(FORMAT)}).rows
        if counted and counted[0][0] == counted[0][1]:  # the usual case: every source graph is marked
            return True
        sources = [g for g in graph_names() if g not in ids.SHARED_GRAPHS]
        if counted and counted[0][0] == str(len(sources)):  # a store that counts graphs another way
            return True
        # some graph lacks digests: fine if it holds no event or claim (emptied, or other data)
        marked = {g for g, f in run("digest_graphs", {}).rows if f == FORMAT}
        unmarked = [g for g in sources if g not in marked]
        return len(unmarked) <= MAX_UNMARKED_CHECKS and all(without_content(g) for g in unmarked)

    def texts() -> list[str]:
        return [record for row in run(lookup, {}).rows for record in records(row[0])]

    def documents() -> dict[str, set[str]]:
        return run_documents(run)

    if not concurrent:
        return Digests(texts(), documents) if complete() else None
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="diplograph-digests") as pool:
        scan = pool.submit(texts)
        if not complete():
            scan.cancel()
            return None
        return Digests(scan.result(), documents)


def run_documents(run: ValuesRunner) -> dict[str, set[str]]:
    """The documents each extraction run used (``lookup/run_documents``), compacted names both."""
    used: dict[str, set[str]] = {}
    for run_iri, document in run("run_documents", {}).rows:
        used.setdefault(compact(run_iri), set()).add(compact(document))
    return used


NO_KIND: Kind = (None, None, None, None, None)
NO_WINDOW: Window = (None, None, None, None)
UNREADABLE: Window = (None, None, None, "unreadable")
"""Marks (by identity) a window to be read again one by one."""
PLANNED = ("planned",)
WINDOW = FIELDS.index("window")


class DigestTable:
    """Merges digests into :data:`EventParts` (the fields of :class:`Relation` records, by the rules of
    :class:`~graph.queries.table.EventTable`).

    ``code(type_iri)`` gives a type's CAMEO code, or its IRI when it has none; ``kind(code_or_iri)``
    its (code, label, root, quad class, Goldstein); ``ref(iri)`` an actor reference; ``day(text)`` a
    date. ``unreadable`` lists the events with date values other than plain ``xsd:date``: callers
    re-read those one by one.

    A large store repeats the same few thousand actor lists, date windows, types and stances, so each
    is worked out once per distinct text and looked up after that.
    """

    def __init__(
        self,
        code: Callable[[str], str],
        kind: Callable[[str], Kind],
        ref: Callable[[str], ActorRef],
        day: Callable[[str], dt.date | None],
    ) -> None:
        self.code = code
        self.kind = kind
        self.ref = ref
        self.day = day
        self.unreadable: set[str] = set()

    def parts(self, digests: Digests, *, ordered: bool = True) -> list[EventParts]:
        """Every event of the digests as :data:`EventParts`, in IRI order when ``ordered``."""
        kinds: dict[str, Kind] = {}
        refs: dict[str, tuple[ActorRef, ...]] = {"": ()}
        windows: dict[str, Window] = {}
        sources: dict[str, int] = {}
        confidences: dict[str, float | None] = {"": None}
        stances: dict[str, tuple[str, ...]] = {"": ()}
        kind_of, refs_of_, window_of, stance_of = kinds.get, refs.get, windows.get, stances.get
        out: list[EventParts] = []
        add = out.append
        # local names and plain dict lookups, no helper call per event: this loop runs once per event
        # of the store, and the values it looks up repeat (few thousand actor lists, windows and types)
        for name, types, a, t, p, w, scheduled, found, unrun, conf, stance_text in _by_event(
            digests.texts, ordered=ordered
        ):
            if not (types or a or t or p or w):
                continue  # only claims about it: not an event (a tenure, a sanction, ...)
            event = ID + name[1:] if name[:1] == "~" else expand(name)
            kind = kind_of(types)
            if kind is None:
                kind = kinds[types] = self._kind(types)
            actors = refs_of_(a)
            if actors is None:
                actors = refs[a] = self._refs(a)
            targets = refs_of_(t)
            if targets is None:
                targets = refs[t] = self._refs(t)
            participants = refs_of_(p)
            if participants is None:
                participants = refs[p] = self._refs(p)
            window = window_of(w)
            if window is None:
                window = windows[w] = self._window(w)
            if window is UNREADABLE:
                self.unreadable.add(event)
                window = NO_WINDOW
            if unrun:  # claims without a run: rare
                n = _sources((found, unrun), digests)
            else:
                n = sources.get(found, -1)
                if n < 0:
                    n = sources[found] = _sources((found, ""), digests)
            if conf in confidences:
                confidence = confidences[conf]
            else:
                confidence = confidences[conf] = _max(conf)
            stance = stance_of(stance_text)
            if stance is None:
                stance = stances[stance_text] = tuple(sorted(set(stance_text.split(" ")), key=modality_rank))
            if not stance and scheduled:
                stance = PLANNED
            add((event, kind, actors, targets, participants, window, stance, n, confidence))
        return out

    def _kind(self, types: str) -> Kind:
        if not types:
            return NO_KIND
        return self.kind(min(self.code(expand(t)) for t in types.split(" ")))  # several types: the lowest code

    def _refs(self, field: str) -> tuple[ActorRef, ...]:
        if not field:
            return ()
        iris = sorted({expand(name) for name in field.split(" ")})
        return refs_of(iris, {iri: self.ref(iri) for iri in iris})

    def _window(self, window: str) -> Window:
        """The date window of an event's ``window`` field; UNREADABLE when a value is not a plain date."""
        if not window:
            return NO_WINDOW
        parts = window.split("|")
        if " " not in window:  # one value at most in each part: the usual single source
            d, lo, hi, unit = parts
            if NOT_A_DATE in parts or any(v and len(v) != len(TOP) for v in (d, lo, hi)):
                return UNREADABLE
            single = (d or TOP, d or BOTTOM, lo or TOP, lo or BOTTOM, hi or TOP, hi or BOTTOM, unit or "9", unit or "0")
            return date_window(single, self.day) or UNREADABLE
        dates, lows, highs, units = (part.split(" ") if part else [] for part in parts)
        values = (*dates, *lows, *highs)
        if NOT_A_DATE in values or any(len(d) != len(TOP) for d in values):
            return UNREADABLE  # not all plain dates: ordered apart in the store, so read one by one instead
        row = (
            min(dates, default=TOP),
            max(dates, default=BOTTOM),
            min(lows, default=TOP),
            max(lows, default=BOTTOM),
            min(highs, default=TOP),
            max(highs, default=BOTTOM),
            min(units, default="9"),
            max(units, default="0"),
        )
        return date_window(row, self.day) or UNREADABLE


def _pool(seen: list[str], more: list[str]) -> list[str]:
    """The fields of two digests of one event (two source graphs). Readers take each field as a set
    of values, so a field that both give alike is kept once: two sources of one event mostly agree on
    its type, actors and dates, and the reader's caches then know the pooled values too."""
    pooled = [a if a == b else a + " " + b if a and b else a or b for a, b in zip(seen, more, strict=True)]
    a, b = seen[WINDOW], more[WINDOW]
    if a != b and a and b:  # each of the window's parts pooled apart
        pooled[WINDOW] = "|".join(
            x + " " + y if x and y else x or y for x, y in zip(a.split("|"), b.split("|"), strict=True)
        )
    return pooled


def _by_event(texts: list[str], *, ordered: bool) -> Iterable[list[str]]:
    """The fields of each event digest, the digests of one event (from two source graphs) pooled; in
    the order of the event IRIs (as the other lookups return events) when ``ordered``."""
    by_event: dict[str, list[str]] = {}
    for text in texts:
        fields = text.split("\t")
        seen = by_event.setdefault(fields[0], fields)
        if seen is not fields:
            by_event[fields[0]] = _pool(seen, fields)
    if not ordered:
        return by_event.values()
    rows = sorted(by_event.values(), key=_NAME)
    if rows and not (rows[0][0][:1] == "~" == rows[-1][0][:1]):  # not all one shared prefix removed
        rows.sort(key=lambda f: expand(f[0]))
    return rows


_NAME = itemgetter(0)


def _sources(counted: tuple[str, str], digests: Digests) -> int:
    """The number of sources: the documents (a ``run*n`` entry: the run's documents, or each of its n
    claims when it names none), and each claim without a run."""
    found, unrun = counted
    if not unrun and "*" not in found and " " not in found:  # the usual case: one document
        return 1 if found else 0
    keys: set[object] = set(unrun.split(" ")) if unrun else set()
    for entry in found.split(" ") if found else ():
        run, star, n = entry.rpartition("*")
        if not star:
            keys.add(entry)
            continue
        docs = digests.documents().get(run)
        if docs:
            keys.update(docs)
        else:
            keys.update((run, i) for i in range(int(n)))
    return len(keys)


def _max(field: str) -> float | None:
    return max(map(float, field.split(" "))) if field else None
