"""From query rows to events with their claims and evidence: the shared, heavy part of the lookups.

Every fetch is one of the ``lookup/*.rq`` queries, bound with :mod:`graph.queries.params`. Events
and claims come back packed one row per node (see ``lookup/event_summary``), because the cost of a
lookup on a large store is the number of result terms, not the matching. Sets of nodes are passed
as a ``VALUES`` list up to :data:`BULK` items. Past that, everything is read at once in flat form
(the ``lookup/table_*`` queries and ``lookup/property_values`` scans, as plain values, two at a time;
see :mod:`graph.queries.table`), joined here, and filtered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, NamedTuple

from graph.digests import ARTICLE_FIELDS, expand, unescape
from graph.ids import ID
from graph.prefixes import PREFIXES
from graph.queries.dates import to_date
from graph.queries.digests import Digests, DigestTable, read_digests
from graph.queries.merged import EventMerges
from graph.queries.records import ActorRef, EventParts, Evidence, Relation, modality_rank
from graph.queries.resolve import ActorIndex
from graph.queries.table import EventTable, ValuesRunner, confidence_of, gc_paused, read_properties, read_tables
from graph.store.base import SelectResult, Term

Runner = Callable[[str, Mapping[str, object]], SelectResult]
Summary = tuple[int, float | None, list[str]]
"""Number of source documents, highest confidence and modalities of the claims about an event."""
"""Runs a named lookup (``event_facts``) with parameters and returns its rows."""
BULK = 5000
PRECISION = {"unitDay": "day", "unitMonth": "month", "unitYear": "year"}
SCHEDULED = "https://schema.org/EventScheduled"
_DIP, _PROV = PREFIXES["dip"], PREFIXES["prov"]
CLAIM_PROPERTIES = {
    "about": _DIP + "about",
    "modality": _DIP + "modality",
    "claimant": _DIP + "claimant",
    "confidence": _DIP + "confidence",
    "sentence": _PROV + "wasDerivedFrom",
    "run": _PROV + "wasGeneratedBy",
    "used": _PROV + "used",
}
ARTICLE_PROPERTIES = {
    "title": PREFIXES["dct"] + "title",
    "publisher": PREFIXES["dct"] + "publisher",
    "url": PREFIXES["schema"] + "url",
    "issued": PREFIXES["dct"] + "issued",
}
SENTENCE_PROPERTIES = {
    "text": PREFIXES["oa"] + "exact",
    "article": PREFIXES["dct"] + "isPartOf",
    "start": PREFIXES["oa"] + "start",
    "end": PREFIXES["oa"] + "end",
}


@dataclass(frozen=True)
class EventType:
    """An event-type concept: CAMEO code, label, root code, Goldstein value, quad class."""

    iri: str
    code: str | None
    label: str | None
    root: str | None
    goldstein: float | None
    quad_class: int | None


class TypeTable:
    """The event-type concepts of the store, by IRI (read once per session)."""

    def __init__(self, rows: Iterable[dict[str, Term]]) -> None:
        raw: dict[str, dict[str, str]] = {}
        for row in rows:
            entry = raw.setdefault(row["type"].value, {})
            for key in ("code", "label", "broader", "goldstein", "quadClass"):
                if key in row and key not in entry:
                    entry[key] = row[key].value
        self.types: dict[str, EventType] = {}
        for iri, e in raw.items():
            root = iri
            seen = {iri}
            while (up := raw.get(root, {}).get("broader")) and up not in seen:
                root, seen = up, seen | {up}
            self.types[iri] = EventType(
                iri,
                e.get("code"),
                e.get("label"),
                raw.get(root, {}).get("code") or (e.get("code") or "")[:2] or None,
                float(e["goldstein"]) if "goldstein" in e else None,
                int(float(e["quadClass"])) if "quadClass" in e else None,
            )

        self.codes = {t.code: t for t in sorted(self.types.values(), key=lambda t: t.iri, reverse=True) if t.code}

    def get(self, iri: str) -> EventType:
        return self.types.get(iri) or EventType(iri, None, iri.rsplit("/", 1)[-1], None, None, None)

    def kind(self, code_or_iri: str) -> tuple[str | None, str | None, str | None, int | None, float | None]:
        """(code, label, root, quad class, Goldstein) of a type given by its code or, lacking one, its IRI."""
        t = self.codes.get(code_or_iri) or self.get(code_or_iri)
        return t.code, t.label, t.root, t.quad_class, t.goldstein


@dataclass(frozen=True)
class ClaimInfo:
    """One claim as ``lookup/claims`` packs it; ``source`` is its document (or the claim itself when the
    document is unknown), what "number of sources" counts."""

    claim: str
    about: str
    document: str | None
    modality: str
    claimant: str | None
    confidence: float | None
    sentence: str | None

    @property
    def source(self) -> str:
        return self.document or self.claim


class ArticleInfo(NamedTuple):
    """An article's title, outlet (a label), URL and date (a named tuple: whole-store reads build one
    per article of the store, five times faster than a frozen dataclass)."""

    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None


NO_ARTICLE = ArticleInfo(None, None, None, None)


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
                    ClaimInfo(c, node.value, doc or None, m.rsplit("/", 1)[-1], who or None, _float(conf), s or None)
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
                return _claims_from_digests(digests, about)
        return self._claims_from_triples(about)

    def _digests(self, lookup: str) -> Digests | None:
        """The store's event (``digests``) or claim (``claim_digests``) digests, or None when they
        are switched off or some graph lacks them (read the triples then)."""
        if not self.use_digests or self.graph_names is None or self.without_content is None:
            return None
        return read_digests(
            self.values, self.graph_names, self.without_content, concurrent=self.concurrent, lookup=lookup
        )

    def _claims_from_triples(self, about: Collection[str] | None) -> dict[str, list[ClaimInfo]]:
        """Every claim (about ``about`` when given), from flat property scans joined here: on a large
        store the packed ``lookup/claims`` spends its time building strings."""
        with gc_paused():
            p = read_properties(self.values, CLAIM_PROPERTIES, concurrent=self.concurrent)
            first = {key: _lowest(pairs) for key, pairs in p.items() if key != "about"}
            runs = first["run"]
            used = first["used"]
            out: dict[str, list[ClaimInfo]] = {}
            modality = first["modality"]
            for claim, node in p["about"]:
                if (about is not None and node not in about) or claim not in modality:
                    continue
                doc = used.get(runs.get(claim, ""))
                out.setdefault(node, []).append(
                    ClaimInfo(
                        claim,
                        node,
                        doc,
                        modality[claim].rsplit("/", 1)[-1],
                        first["claimant"].get(claim),
                        _float(first["confidence"].get(claim, "")),
                        first["sentence"].get(claim),
                    )
                )
            for items in out.values():
                items.sort(key=lambda c: (c.source, c.sentence or "", c.claim))
        return out

    def _all_sentences(self) -> dict[str, tuple[str, ...]]:
        """Every sentence as (article, start, end, text), from flat property scans."""
        with gc_paused():
            p = read_properties(self.values, SENTENCE_PROPERTIES, concurrent=self.concurrent)
            article, start, end, text = (_lowest(p[k]) for k in ("article", "start", "end", "text"))
            return {s: (article.get(s, ""), start.get(s, ""), end.get(s, ""), t) for s, t in text.items()}

    def evidence(self, claims: Iterable[ClaimInfo]) -> dict[str, Evidence]:
        """Evidence (sentence, offsets, article, outlet) for each claim, by claim IRI."""
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
        out = {}
        for c in claims:
            doc, start, end, text = sentences.get(c.sentence or "", (c.document or "", "", "", ""))
            doc = doc or c.document or ""
            art = self._articles.get(doc, ArticleInfo(None, None, None, None))
            claimant = self.index.label(c.claimant) if c.claimant else None
            out[c.claim] = Evidence(
                c.claim,
                c.modality,
                text or None,
                _int(start),
                _int(end),
                doc or None,
                art.title,
                art.outlet,
                art.url,
                art.published,
                claimant,
                c.confidence,
            )
        return out

    def _all_articles(self) -> dict[str, ArticleInfo]:
        """Every article's title, outlet, URL and date: from the article digests when they cover every
        article, else flat property scans joined here (on a large store, lookup/articles spends seconds
        grouping). An outlet is named by its label in the actor index, or by its IRI when it is not an
        actor."""
        with gc_paused():
            digested = self._articles_from_digests()
            if digested is not None:
                return digested
            p = read_properties(self.values, ARTICLE_PROPERTIES, concurrent=self.concurrent)
            title, publisher, url, issued = (_lowest(p[k]) for k in ("title", "publisher", "url", "issued"))
            actors = self.index.actors  # outlets are actors (dip:MediaOutlet): their labels are at hand
            label = {o: actors[o].label for o in set(publisher.values()) if o in actors}
            out = {}
            for doc in title.keys() | publisher.keys() | url.keys() | issued.keys():
                outlet, published = publisher.get(doc), issued.get(doc)
                out[doc] = ArticleInfo(
                    title.get(doc),
                    label.get(outlet, outlet) if outlet else None,
                    url.get(doc),
                    to_date(published) if published else None,
                )
            return out

    def _articles_from_digests(self) -> dict[str, ArticleInfo] | None:
        """Every article from its digest (graph.digests.ARTICLE_FIELDS), merged by the rules of the
        flat scans (the lowest value of each field); None when the digests do not sum up every article
        statement of the store (an article without one, or described outside ``graph/meta``)."""
        if not self.use_digests:
            return None
        fields: dict[str, list[str]] = {}
        covered = 0
        for (text,) in self.values("article_digests", {}).rows:
            parts = text.split("\t")
            if len(parts) != len(ARTICLE_FIELDS) or not parts[-1].isdigit():
                return None  # another layout (older or newer diplograph): read the triples
            name, title, publisher, url, issued, statements = parts
            covered += int(statements)
            f = [name, unescape(title), expand(publisher), unescape(url), issued]
            seen = fields.get(name)  # described twice: compared as the triples are, unescaped and whole
            fields[name] = f if seen is None else [name, *map(_lower, seen[1:], f[1:])]
        counted = self.values("article_coverage", {}).rows
        if not counted or counted[0][0] != str(covered):  # some statement has no digest (or a stale one)
            return None
        actors = self.index.actors
        outlets: dict[str, str | None] = {"": None}
        out = {}
        for name, (_, title, publisher, url, issued) in fields.items():
            outlet = outlets.get(publisher)
            if outlet is None and publisher not in outlets:
                outlet = outlets[publisher] = actors[publisher].label if publisher in actors else publisher
            out[expand(name)] = ArticleInfo(title or None, outlet, url or None, self._day(issued) if issued else None)
        return out

    def _load_articles(self, docs: set[str]) -> None:
        if not docs:
            return
        if len(docs) > BULK:
            found = self._all_articles()
            self._articles.update((doc, found.get(doc, NO_ARTICLE)) for doc in docs)
            return
        for row in self._rows("articles", "article", docs).dicts():
            self._articles[row["article"].value] = ArticleInfo(
                row["title"].value if "title" in row else None,
                row["outlet"].value if "outlet" in row else None,
                row["url"].value if "url" in row else None,
                to_date(row["published"].value) if "published" in row else None,
            )

    def events(self, iris: Collection[str] | None, *, evidence: bool = True) -> list[Relation]:
        """The events (all of them for ``None``) with facts, modalities, sources and evidence, each
        merged event (:mod:`graph.queries.merged`) read once, from all its reports."""
        if iris is not None and self.merges:
            iris = self.merges.expand(iris)
        return self.merges.fold(self.reports(iris, evidence=evidence))

    def reports(self, iris: Collection[str] | None, *, evidence: bool = True) -> list[Relation]:
        """The events as the sources report them, before the reports of one event are merged.

        With evidence: ``lookup/event_facts``, ``lookup/claims`` and the sentences; without, the one
        query ``lookup/event_summary``, or the whole-store table (:mod:`graph.queries.table`) for every
        event or past BULK events.
        """
        if iris is not None and not iris:
            return []
        if iris is None or len(iris) > BULK:
            if not evidence:
                return self._table(iris)
            parts, by_event = self._parts_and_cited(iris, edge_dicts=False)
            with gc_paused():
                return [Relation.of_parts(p, tuple(Evidence(*v) for v in by_event.get(p[0], ()))) for p in parts]
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
            if e is None or packed is None or (iris is not None and e.value not in iris):
                continue
            f: dict[str, list[str]] = {}
            for item in packed.value.split(" "):
                key, _, value = item.partition("=")
                f.setdefault(key, []).append(value)
            found[e.value] = f
        if not evidence:
            return [self._relation(e, f, _summary(f), [], {}) for e, f in found.items()]
        # the claims of the events found (each node's claims are read alike whatever else is asked)
        claims = self.claims(set(found)) if every is None else {e: every[e] for e in every if e in found}
        cited = self.evidence(c for cs in claims.values() for c in cs)
        return [
            self._relation(e, f, _summary(f, claims.get(e, [])), claims.get(e, []), cited) for e, f in found.items()
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
                return parts, self._cited_from_digests(digests, events, edge_dicts=edge_dicts)
            claims = self._claims_from_triples(events)
            found = self.evidence(c for cs in claims.values() for c in cs)
            pick = Evidence.edge_dict if edge_dicts else Evidence.values
            return parts, {node: [pick(found[c.claim]) for c in cs if c.claim in found] for node, cs in claims.items()}

    def _claims_and_articles(self) -> tuple[Digests | None, dict[str, ArticleInfo]]:
        with gc_paused():
            # articles first: their short read and their Python work fill the time the caller's thread
            # waits for the event read, and the long claim read then overlaps the events' Python work
            articles = self._all_articles()
            return self._digests("claim_digests"), articles

    def _cited_from_digests(self, digests: Digests, events: Collection[str], *, edge_dicts: bool) -> dict[str, Any]:
        """The evidence of the claims about ``events``, from the claim digests, sorted as
        :meth:`claims` sorts claims (by source, sentence and claim): :data:`Cited` tuples, or edge
        dicts. Articles come from the session's cache, filled beforehand; a sentence that no digest
        describes is looked up."""
        label = self.index.label
        names: dict[str, str | None] = {"": None}  # compacted name -> IRI: documents and articles repeat
        claimants: dict[str, str | None] = {"": None}
        confidences: dict[str, float | None] = {"": None}
        articles = self._articles
        shown: dict[str | None, tuple[ArticleInfo, str | None]] = {}  # an article and its ISO date
        keyed: dict[str, list[Any]] = {}  # node -> (source, sentence, claim, evidence) entries, then evidence
        unread: list[tuple[str, ClaimInfo]] = []
        # local names, plain dict lookups and no helper call per claim: this loop runs once per claim
        # of the store, and most of what it looks up repeats (documents, articles, claimants)
        for name, about, modality, who, conf, run, doc, sent, art_name, start_text, end_text, text in _claim_records(
            digests
        ):
            if not modality:
                continue  # no modality: not read as a claim (the rule of the flat scans)
            if " " in about:  # about several nodes
                nodes = [n for n in map(expand, about.split(" ")) if n in events]
                if not nodes:
                    continue
                node = nodes[0]
            else:  # the usual single node, expanded in line
                node = ID + about[1:] if about[:1] == "~" else expand(about)
                if node not in events:
                    continue
                nodes = None
            document = names.get(doc)
            if document is None and doc:
                document = names[doc] = expand(doc)
            elif document is None and run:  # the write did not say which document the run used
                document = digests.run_document(run)
            if who in claimants:
                claimant = claimants[who]
            else:
                claimant = claimants[who] = label(expand(who))
            if conf in confidences:
                confidence = confidences[conf]
            else:
                confidence = confidences[conf] = _float(conf)
            if sent and not text:  # the graph cites a sentence it does not describe: look it up below
                claimed = ClaimInfo(
                    expand(name), "", document, modality, expand(who) if who else None, confidence, expand(sent)
                )
                unread.extend((n, claimed) for n in nodes or [node])
                continue
            if art_name:
                article = names.get(art_name)
                if article is None:
                    article = names[art_name] = expand(art_name)
            else:
                article = document
            known = shown.get(article)
            if known is None:
                art = articles.get(article or "", NO_ARTICLE)
                known = shown[article] = (art, art.published.isoformat() if art.published else None)
            art, published = known
            start = int(start_text) if start_text.isdigit() else _int(start_text)
            end = int(end_text) if end_text.isdigit() else _int(end_text)
            if edge_dicts:  # the layout of Evidence.edge_dict, written out: no call per claim
                cited: Any = {
                    "sentence": unescape(text) or None,
                    "start": start,
                    "end": end,
                    "article": article,
                    "title": art.title,
                    "outlet": art.outlet,
                    "url": art.url,
                    "published": published,
                    "modality": modality,
                    "claimant": claimant,
                    "confidence": confidence,
                }
            else:
                cited = (
                    expand(name),
                    modality,
                    unescape(text) or None,
                    start,
                    end,
                    article,
                    art.title,
                    art.outlet,
                    art.url,
                    art.published,
                    claimant,
                    confidence,
                )
            entry = (document, sent, name, cited)  # sentence and claim as compacted: expanded to sort only
            held = keyed.get(node)
            if held is None:
                keyed[node] = [entry]
            else:
                held.append(entry)
            for other in nodes[1:] if nodes else ():  # a claim about several events: each list owns its dicts
                keyed.setdefault(other, []).append((document, sent, name, dict(cited) if edge_dicts else cited))
        if unread:
            found = self.evidence(claimed for _, claimed in unread)
            pick = Evidence.edge_dict if edge_dicts else Evidence.values
            for node, claimed in unread:
                keyed.setdefault(node, []).append(
                    (claimed.document, claimed.sentence, claimed.claim, pick(found[claimed.claim]))
                )
        for entries in keyed.values():  # each list of entries becomes the list of their evidence, in place
            if len(entries) == 1:
                entries[0] = entries[0][3]
            else:
                entries.sort(key=_claim_order)
                entries[:] = [entry[3] for entry in entries]
        return keyed

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
            again.update((r.event, r.parts()) for r in self.reports(names[start : start + BULK], evidence=False))
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

    def _ref(self, iri: str) -> ActorRef:
        ref = self._refs.get(iri)
        if ref is None:
            ref = self._refs[iri] = self.index.ref(iri)
        return ref

    def _relation(
        self, e: str, f: dict[str, list[str]], summary: Summary, claims: list[ClaimInfo], cited: dict[str, Evidence]
    ) -> Relation:
        types = [self.types.get(t) for t in f.get("type", ())]
        t = min(types, key=lambda t: (t.code or "~", t.iri)) if types else None
        day = self._day
        lows = [d for d in map(day, f.get("earliest", ())) if d]
        highs = [d for d in map(day, f.get("latest", ())) if d]
        earliest, latest = (max(lows) if lows else None), (min(highs) if highs else None)
        if earliest and latest and earliest > latest:  # the sources' windows do not meet: keep their span
            earliest, latest = min(lows), max(highs)
        days = {d for d in map(day, f.get("date", ())) if d}
        date = earliest if earliest and earliest == latest else (next(iter(days)) if len(days) == 1 else None)
        units = {PRECISION[u] for p in f.get("precision", ()) if (u := p.rsplit("#", 1)[-1]) in PRECISION}
        precision = "day" if date else (units.pop() if len(units) == 1 else None)
        sources, confidence, modalities = summary
        if not modalities and SCHEDULED in f.get("status", ()):
            modalities = ["planned"]

        def refs(key: str) -> tuple[ActorRef, ...]:
            values = f.get(key)
            if not values:
                return ()
            # dict.fromkeys: a person and the other name it is read as (graph.identity) are one side
            return tuple(dict.fromkeys(self._ref(i) for i in (values if len(values) == 1 else sorted(set(values)))))

        return Relation(
            event=e,
            cameo=t.code if t else None,
            label=t.label if t else None,
            root=t.root if t else None,
            quad_class=t.quad_class if t else None,
            goldstein=t.goldstein if t else None,
            actors=refs("actor"),
            targets=refs("target"),
            participants=refs("participant"),
            date=date,
            earliest=earliest,
            latest=latest,
            precision=precision,
            modalities=tuple(sorted(set(modalities), key=modality_rank)),
            sources=sources,
            confidence=confidence,
            evidence=tuple(cited[c.claim] for c in claims if c.claim in cited),
        )


def _claims_from_digests(digests: Digests, about: Collection[str] | None) -> dict[str, list[ClaimInfo]]:
    """Claims by node, from claim digests (graph.digests.CLAIM_FIELDS), by the rules of the flat
    scans: the lowest value of each field, claims without a modality left out."""
    out: dict[str, list[ClaimInfo]] = {}
    for f in _claim_records(digests):
        name = f[0]
        if not f[2]:
            continue
        claim = expand(name)
        document = expand(f[6]) if f[6] else None
        if document is None and f[5]:  # the write did not say which document the run used
            document = digests.run_document(f[5])
        sentence = expand(f[7]) if f[7] else None
        claimant = expand(f[3]) if f[3] else None
        confidence = _float(f[4])
        for node in map(expand, f[1].split(" ")):
            if about is None or node in about:
                out.setdefault(node, []).append(ClaimInfo(claim, node, document, f[2], claimant, confidence, sentence))
    for items in out.values():
        items.sort(key=lambda c: (c.source, c.sentence or "", c.claim))
    return out


def _claim_records(digests: Digests) -> list[list[str]]:
    """The fields of each claim digest (graph.digests.CLAIM_FIELDS); a claim that two graphs state is
    merged: the union of what it is about, the lowest of the rest."""
    rows = [text.split("\t", 11) for text in digests.texts]
    if len({f[0] for f in rows}) == len(rows):  # the usual case: each claim stated by one graph
        return rows
    by_claim: dict[str, list[str]] = {}
    for f in rows:
        seen = by_claim.get(f[0])
        if seen is None:
            by_claim[f[0]] = f
        else:
            merged = [seen[0], " ".join(sorted(set(f"{seen[1]} {f[1]}".split()))), *map(_lower, seen[2:7], f[2:7])]
            merged += f[7:] if f[7] and (not seen[7] or f[7] < seen[7]) else seen[7:]
            by_claim[f[0]] = merged
    return list(by_claim.values())


def _claim_order(entry: tuple[str | None, str | None, str, object]) -> tuple[str, str, str]:
    """Sorts (document, sentence, claim, evidence) entries, names compacted or not, as
    :meth:`Fetcher.claims` sorts claims: by source (the document, else the claim), sentence and claim."""
    document, sentence, name, _ = entry
    claim = expand(name)
    return (document or claim, expand(sentence) if sentence else "", claim)


def _lower(a: str, b: str) -> str:
    return min(a, b) if a and b else a or b


def _summary(f: dict[str, list[str]], claims: list[ClaimInfo] | None = None) -> Summary:
    """Sources (documents), highest confidence and modalities: from the claims, or from the packed summary."""
    if claims is not None:
        confidences = [c.confidence for c in claims if c.confidence is not None]
        return len({c.source for c in claims}), max(confidences) if confidences else None, [c.modality for c in claims]
    sources = f.get("sources", ["0"])[0]
    return int(sources) if sources.isdigit() else 0, confidence_of(f.get("confidence", [""])[0]), f.get("modality", [])


def _lowest(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One value per subject, the lowest when a subject has several (so the choice never depends on
    the order a set happens to iterate in)."""
    out: dict[str, str] = {}
    for subject, value in pairs:
        have = out.get(subject)
        if have is None or value < have:
            out[subject] = value
    return out


def _float(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _int(text: str) -> int | None:
    return int(text) if text and text.lstrip("-").isdigit() else None
