"""From query rows to events with their claims and evidence: the shared, heavy part of the lookups.

Events are read from the digests (:mod:`graph.digests`) where the store has them: up to :data:`BULK`
events from the digests of the graphs that state them (:mod:`graph.queries.graph_digests`), every
event from all of them (:mod:`graph.queries.digests`). The rest comes from the triples, through the
``lookup/*.rq`` queries bound with :mod:`graph.queries.params`: events and claims packed one row
per node (``lookup/event_facts``, :mod:`graph.queries.packed`), because the cost of a lookup on a
large store is the number of result terms, not the matching; sets of nodes passed as a ``VALUES``
list up to BULK items; past that, everything read at once in flat form (the ``lookup/table_*``
queries and ``lookup/property_values`` scans, as plain values, two at a time; see
:mod:`graph.queries.table`), joined here, and filtered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from graph.digests import expand
from graph.prefixes import PREFIXES
from graph.queries import graph_digests
from graph.queries.articles import NO_ARTICLE, ArticleInfo, all_articles, articles_from_digests, looked_up
from graph.queries.cited import cited_articles, cited_from_digests
from graph.queries.claims import (
    ClaimInfo,
    claim_records,
    claims_from_digests,
    claims_from_triples,
    lowest,
    to_float,
    to_int,
)
from graph.queries.dates import to_date
from graph.queries.digests import Digests, DigestTable, read_digests, run_documents
from graph.queries.event_types import TypeTable
from graph.queries.merged import EventMerges
from graph.queries.packed import Summary, relation_of, summary_of
from graph.queries.records import ActorRef, Cited, EventParts, Evidence, Relation
from graph.queries.resolve import ActorIndex
from graph.queries.table import EventTable, ValuesRunner, gc_paused, read_properties, read_tables
from graph.store.base import SelectResult, Term

Runner = Callable[[str, Mapping[str, object]], SelectResult]
"""Runs a named lookup (``event_facts``) with parameters and returns its rows."""
BULK = 5000
SENTENCE_PROPERTIES = {
    "text": PREFIXES["oa"] + "exact",
    "article": PREFIXES["dct"] + "isPartOf",
    "start": PREFIXES["oa"] + "start",
    "end": PREFIXES["oa"] + "end",
}


class Fetcher:
    """Reads events, claims, sentences and articles, with a per-session article cache."""

    def __init__(
        self,
        run: Runner,
        index: ActorIndex,
        types: TypeTable,
        values: ValuesRunner,
        *,
        concurrent: bool = False,
        graph_names: Callable[[], list[str]] | None = None,
        without_content: Callable[[str], bool] | None = None,
        merges: EventMerges | None = None,
    ) -> None:
        self.run = run
        self.values = values
        self.concurrent = concurrent
        self.graph_names = graph_names
        self.without_content = without_content
        self.use_digests = graph_names is not None and without_content is not None
        """Read every event from the digests when the store has them all (graph.digests)."""
        self.index = index
        self.types = types
        self.merges = merges if merges is not None else EventMerges()
        """Which reports are one event (graph.coreference): every public read folds them."""
        self._articles: dict[str, ArticleInfo] = {}
        self._refs: dict[str, ActorRef] = {}
        self._days: dict[str, dt.date | None] = {}
        self._graph_count = graph_digests.GraphCount()
        """How many source graphs the store has, as last counted (graph.queries.graph_digests.GraphCount)."""
        self._documents: dict[str, set[str]] | None = None
        """The documents runs used (read once, when a digest names a run instead of its document)."""

    def _rows(self, name: str, param: str, iris: Collection[str] | None) -> SelectResult:
        small = iris is not None and len(iris) <= BULK
        return self.run(name, {param: [Term.uri(i) for i in sorted(iris)]} if small and iris else {})

    def claims(self, about: Collection[str] | None) -> dict[str, list[ClaimInfo]]:
        """Claims by content node; ``None`` reads every claim."""
        if about is not None and not about:
            return {}
        if about is None or len(about) > BULK:
            return self._all_claims(about)
        out: dict[str, list[ClaimInfo]] = {}
        for node, packed in self._rows("claims", "about", about).rows:
            if node is None or packed is None or (about is not None and node.value not in about):
                continue
            for line in packed.value.split("\n"):
                c, doc, m, who, conf, s = (line.split("\t") + [""] * 6)[:6]
                out.setdefault(node.value, []).append(
                    ClaimInfo(c, node.value, doc or None, m.rsplit("/", 1)[-1], who or None, to_float(conf), s or None)
                )
        for items in out.values():
            items.sort(key=lambda c: (c.source, c.sentence or "", c.claim))
        return out

    def _all_claims(self, about: Collection[str] | None) -> dict[str, list[ClaimInfo]]:
        """Every claim (about ``about`` when given): from the claim digests when the store has them
        all, else from the triples."""
        with gc_paused():
            digests = self._digests("claim_digests")
            if digests is not None:
                return claims_from_digests(digests, about)
        return claims_from_triples(self.values, about, concurrent=self.concurrent)

    def _digests(self, lookup: str) -> Digests | None:
        """The store's event (``digests``) or claim (``claim_digests``) digests, or None when they
        are switched off or some graph lacks them (read the triples then)."""
        if not self.use_digests or self.graph_names is None or self.without_content is None:
            return None
        return read_digests(
            self.values, self.graph_names, self.without_content, concurrent=self.concurrent, lookup=lookup
        )

    def _all_sentences(self) -> dict[str, tuple[str, ...]]:
        """Every sentence as (article, start, end, text), from flat property scans."""
        with gc_paused():
            p = read_properties(self.values, SENTENCE_PROPERTIES, concurrent=self.concurrent)
            article, start, end, text = (lowest(p[k]) for k in ("article", "start", "end", "text"))
            return {s: (article.get(s, ""), start.get(s, ""), end.get(s, ""), t) for s, t in text.items()}

    def evidence(self, claims: Iterable[ClaimInfo]) -> dict[str, Evidence]:
        """Evidence (sentence, offsets, article, outlet) for each claim, by claim IRI; the ``url`` of
        an imported claim is its dataset record's source URL."""
        claims = list(claims)
        sentences: dict[str, tuple[str, ...]] = {}
        wanted = {c.sentence for c in claims if c.sentence}
        if len(wanted) > BULK:
            sentences.update(self._all_sentences())
        elif wanted:
            for s, packed in self._rows("sentences", "sentence", wanted).rows:
                if s is not None and packed is not None and s.value in wanted:
                    sentences[s.value] = tuple(packed.value.split("\t", 3))
        docs = {sentences[c.sentence][0] for c in claims if c.sentence in sentences} | {
            c.document for c in claims if c.document
        }
        self._load_articles({d for d in docs if d and d not in self._articles})
        urls = self._record_urls({c.sentence for c in claims if c.sentence and c.sentence not in sentences})
        out = {}
        for c in claims:
            doc, start, end, text = sentences.get(c.sentence or "", (c.document or "", "", "", ""))
            doc = doc or c.document or ""
            art = self._articles.get(doc, NO_ARTICLE)
            claimant = self.index.label(c.claimant) if c.claimant else None
            out[c.claim] = Evidence(
                c.claim,
                c.modality,
                text or None,
                to_int(start),
                to_int(end),
                doc or None,
                art.title,
                art.outlet,
                art.url or urls.get(c.sentence or ""),
                art.published,
                claimant,
                c.confidence,
            )
        return out

    def _record_urls(self, cited: set[str]) -> dict[str, str]:
        """The source URL of each dataset record among what claims cite (an imported claim is derived
        from a record, not a sentence: GDELT's SOURCEURL, an FtM ``sourceUrl``), by record IRI."""
        if not cited:
            return {}
        found = self._rows("record_urls", "record", cited).rows
        return {r.value: u.value for r, u in found if r is not None and u is not None and r.value in cited}

    def _load_articles(self, docs: set[str]) -> None:
        if not docs:
            return
        if len(docs) > BULK:
            found = self._all_articles()
            self._articles.update((doc, found.get(doc, NO_ARTICLE)) for doc in docs)
            return
        self._articles.update(looked_up(self._rows("articles", "article", docs)))

    def _all_articles(self) -> dict[str, ArticleInfo]:
        """Every article of the store (:func:`graph.queries.articles.all_articles`)."""
        return all_articles(
            self.values, self.index.actors, self._day, concurrent=self.concurrent, digests=self.use_digests
        )

    def _articles_from_digests(self) -> dict[str, ArticleInfo] | None:
        """Every article from the article digests, or None (:func:`graph.queries.articles.articles_from_digests`)."""
        return articles_from_digests(self.values, self.index.actors, self._day) if self.use_digests else None

    def events(self, iris: Collection[str] | None, *, evidence: bool = True) -> list[Relation]:
        """The events (all of them for ``None``) with facts, modalities, sources and evidence, each
        merged event (:mod:`graph.queries.merged`) read once, from all its reports."""
        if iris is not None and self.merges:
            iris = self.merges.expand(iris)
        return self.merges.fold(self.reports(iris, evidence=evidence))

    def reports(self, iris: Collection[str] | None, *, evidence: bool = True) -> list[Relation]:
        """The events as the sources report them, before the reports of one event are merged.

        From :data:`graph.queries.graph_digests.FEWEST` events on: from the digests of the graphs that
        state them (:meth:`_from_graph_digests`), in IRI order, and any the digests cannot give from
        the triples (:meth:`_from_triples`). Fewer events, from the triples; every event (or past BULK
        events the digests cannot give), the whole-store read (:mod:`graph.queries.digests`, else
        :mod:`graph.queries.table`).
        """
        if iris is not None and not iris:
            return []
        if iris is not None and self.use_digests and len(iris) >= graph_digests.FEWEST:
            read, rest = self._from_graph_digests(iris, evidence=evidence)
            if len(rest) <= BULK:  # else (a store mostly without digests) the whole-store read below
                if rest:
                    read += self._from_triples(rest, evidence=evidence)
                    read.sort(key=_event_of)
                return read
        if iris is None or len(iris) > BULK:
            if not evidence:
                return self._table(iris)
            parts, by_event = self._parts_and_cited(iris, edge_dicts=False)
            with gc_paused():
                return [Relation.of_parts(p, tuple(Evidence(*v) for v in by_event.get(p[0], ()))) for p in parts]
        return self._from_triples(iris, evidence=evidence)

    def _from_graph_digests(self, iris: Collection[str], *, evidence: bool) -> tuple[list[Relation], set[str]]:
        """The events (in IRI order) from the digests of the graphs that state them
        (:mod:`graph.queries.graph_digests`), merged by the rules of the whole-store digest read; and
        the events to read from the triples: those some graph without digests states, those with a
        date that is not a plain ``xsd:date``, and any that no digest describes (no such event, or
        one written after a check of the digests)."""
        cite = self._cite_all if evidence else None
        found = graph_digests.read_graph_digests(
            self.values, iris, cite=cite, concurrent=self.concurrent, count=self._graph_count
        )
        with gc_paused():
            table = DigestTable(self._code, self.types.kind, self._ref, self._day)
            parts = table.parts(Digests(found.events, self._run_documents))
            rest = found.rest | table.unreadable | (set(iris) - {p[0] for p in parts})
            if table.unreadable:
                parts = [p for p in parts if p[0] not in table.unreadable]
            if not evidence:
                return list(map(Relation.of_parts, parts)), rest
            cited = found.cited
            return [Relation.of_parts(p, tuple(Evidence(*v) for v in cited.get(p[0], ()))) for p in parts], rest

    def _cite_all(self, records: list[str]) -> dict[str, list[Cited]]:
        """The evidence of every event the claim digest ``records`` are about (:data:`Cited` tuples by
        event), the articles they show read first (graph.queries.graph_digests calls this)."""
        with gc_paused():
            digests = Digests(records, self._run_documents)
            claims = claim_records(digests)
            about = {expand(n) for f in claims for n in f[1].split(" ")}
            self._load_articles(cited_articles(claims, digests.run_document, about) - self._articles.keys())
            return self._cited_records(claims, digests.run_document, about, edge_dicts=False)

    def _run_documents(self) -> dict[str, set[str]]:
        if self._documents is None:
            self._documents = run_documents(self.values)
        return self._documents

    def _from_triples(self, iris: Collection[str], *, evidence: bool) -> list[Relation]:
        """The events from their triples: with evidence, ``lookup/event_facts``, ``lookup/claims`` and
        the sentences; without, the one query ``lookup/event_summary``."""
        found: dict[str, dict[str, list[str]]] = {}
        if evidence and self.concurrent:  # the claims read in a second thread meanwhile (no GIL held)
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplograph-claims") as pool:
                reading = pool.submit(self.claims, set(iris))
                result = self._rows("event_facts", "event", iris)
                every = reading.result()
        else:
            result = self._rows("event_facts" if evidence else "event_summary", "event", iris)
            every = None
        for e, packed in result.rows:
            if e is None or packed is None or e.value not in iris:
                continue
            f: dict[str, list[str]] = {}
            for item in packed.value.split(" "):
                key, _, value = item.partition("=")
                f.setdefault(key, []).append(value)
            found[e.value] = f
        if not evidence:
            return [self._relation(e, f, summary_of(f), [], {}) for e, f in found.items()]
        # the claims of the events found (each node's claims are read alike whatever else is asked)
        claims = self.claims(set(found)) if every is None else {e: every[e] for e in every if e in found}
        cited = self.evidence(c for cs in claims.values() for c in cs)
        return [
            self._relation(e, f, summary_of(f, claims.get(e, [])), claims.get(e, []), cited) for e, f in found.items()
        ]

    def parts_with_edge_evidence(
        self, iris: Collection[str] | None, *, ordered: bool = True
    ) -> tuple[list[EventParts], dict[str, list[dict[str, Any]]]]:
        """Every event (of ``iris`` when given) as :data:`EventParts` (in IRI order when ``ordered``),
        and the evidence of each as the dicts network edges carry
        (:meth:`graph.queries.records.Evidence.edge_dict`), by event, in the order the per-event
        lookups give: the whole-store read behind ``to_networkx``."""
        if iris is not None and self.merges:
            iris = self.merges.expand(iris)
        parts, cited = self._parts_and_cited(iris, edge_dicts=True, ordered=ordered)
        return self.merges.fold_parts(parts, cited)

    def _parts_and_cited(
        self, iris: Collection[str] | None, *, edge_dicts: bool, ordered: bool = True
    ) -> tuple[list[EventParts], Any]:
        """The events, and their evidence as :data:`Cited` tuples or edge dicts. The claims and the
        articles are read in a second thread while this one assembles the events (the store works
        without the GIL); the evidence comes from the claim digests when the store has them all, else
        from the triples."""
        if self.concurrent:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplograph-claims") as pool:
                reading = pool.submit(self._claims_and_articles)
                parts = self._event_parts(iris, ordered=ordered)
                digests, articles = reading.result()
        else:
            parts = self._event_parts(iris, ordered=ordered)
            digests, articles = self._claims_and_articles()
        self._articles.update(articles)
        events = {p[0] for p in parts}
        with gc_paused():
            if digests is not None:
                return parts, self._cited(digests, events, edge_dicts=edge_dicts)
            claims = claims_from_triples(self.values, events, concurrent=self.concurrent)
            found = self.evidence(c for cs in claims.values() for c in cs)
            pick = Evidence.edge_dict if edge_dicts else Evidence.values
            return parts, {node: [pick(found[c.claim]) for c in cs if c.claim in found] for node, cs in claims.items()}

    def _cited(self, digests: Digests, events: Collection[str], *, edge_dicts: bool) -> dict[str, Any]:
        """The evidence of ``events`` from the claim digests (:func:`graph.queries.cited.cited_from_digests`),
        articles from the session's cache, filled beforehand."""
        return self._cited_records(claim_records(digests), digests.run_document, events, edge_dicts=edge_dicts)

    def _cited_records(
        self,
        claims: list[list[str]],
        run_document: Callable[[str], str | None],
        events: Collection[str],
        *,
        edge_dicts: bool,
    ) -> dict[str, Any]:
        label, articles = self.index.label, self._articles
        return cited_from_digests(
            claims, run_document, events, label=label, articles=articles, look_up=self.evidence, edge_dicts=edge_dicts
        )

    def _claims_and_articles(self) -> tuple[Digests | None, dict[str, ArticleInfo]]:
        with gc_paused():
            # articles first: their short read and their Python work fill the time the caller's thread
            # waits for the event read, and the long claim read then overlaps the events' Python work
            articles = self._all_articles()
            return self._digests("claim_digests"), articles

    def _table(self, iris: Collection[str] | None) -> list[Relation]:
        return list(map(Relation.of_parts, self._event_parts(iris)))

    def event_parts(self, iris: Collection[str] | None, *, ordered: bool = True) -> list[EventParts]:
        """Every event (of ``iris`` when given) without evidence, as :data:`EventParts`, from the
        whole-store read; in IRI order when ``ordered`` (as the other lookups return events); each
        merged event read once."""
        if iris is not None and self.merges:
            iris = self.merges.expand(iris)
        return self.merges.fold_parts(self._event_parts(iris, ordered=ordered))[0]

    def _event_parts(self, iris: Collection[str] | None, *, ordered: bool = True) -> list[EventParts]:
        parts, unreadable = self._whole_store(ordered)
        if iris is not None:
            parts = [p for p in parts if p[0] in iris]
        if not unreadable:
            return parts
        # dates that are not plain xsd:date values: read those events with the per-event lookup
        names = sorted(unreadable)
        again: dict[str, EventParts] = {}
        for start in range(0, len(names), BULK):
            again.update((r.event, r.parts()) for r in self._from_triples(names[start : start + BULK], evidence=False))
        return [again.get(p[0], p) for p in parts]

    def _whole_store(self, ordered: bool) -> tuple[list[EventParts], set[str]]:
        """Every event without evidence, and the events whose dates need a second read: from the
        digests when every source graph has them, else from the ``lookup/table_*`` queries."""
        with gc_paused():
            digests = self._digests("digests")
            if digests is not None:
                from_digests = DigestTable(self._code, self.types.kind, self._ref, self._day)
                return from_digests.parts(digests, ordered=ordered), from_digests.unreadable
            table = EventTable(self.types.kind, self._ref, self._day)
            rows = table.relations(read_tables(self.values, concurrent=self.concurrent))
            return [r.parts() for r in rows], table.unreadable

    def _code(self, type_iri: str) -> str:
        """A type's CAMEO code, or its IRI when it has none (what lookup/table_types returns)."""
        return self.types.get(type_iri).code or type_iri

    def _day(self, text: str) -> dt.date | None:
        """``to_date`` with a cache: a large graph has many events on few thousand distinct days."""
        try:
            return self._days[text]
        except KeyError:
            value = self._days[text] = to_date(text)
            return value

    def _relation(
        self, e: str, f: dict[str, list[str]], summary: Summary, claims: list[ClaimInfo], cited: dict[str, Evidence]
    ) -> Relation:
        return relation_of(e, f, summary, claims, cited, table=self.types, day=self._day, ref=self._ref)

    def _ref(self, iri: str) -> ActorRef:
        ref = self._refs.get(iri)
        if ref is None:
            ref = self._refs[iri] = self.index.ref(iri)
        return ref


def _event_of(r: Relation) -> str:
    return r.event
