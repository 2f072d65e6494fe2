"""ingest(): the only place that knows the order of the stages.

read (sources) -> [extract] -> triples -> store, then the derivation rules. Each source is
written as one all-or-nothing batch that replaces its named graph, so re-ingesting converges
and a crash leaves every source graph either complete or absent. Large RDF files go to an on-disk
store through its bulk loader instead, all-or-nothing too (:mod:`graph.ingest_rdf`).
"""

from __future__ import annotations

import glob
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph import ids
from graph.errors import GraphError, StoreError, ValidationFailed
from graph.store.base import Quad, Store, Term, WriteBatch

if TYPE_CHECKING:
    from graph.coreference_incremental import Snapshot

CURATED_SUFFIXES = {".yaml", ".yml", ".json"}
RDF_SUFFIXES = {".trig", ".nq", ".ttl", ".nt"}
ONTOLOGY_RECORD = ids.ONTOLOGY_GRAPH


@dataclass
class Skipped:
    """An input left out, and why."""

    input: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest did; ``to_dict()`` is the JSON of ``--report``."""

    store: str
    inputs: int = 0
    sources: int = 0
    graphs: list[str] = field(default_factory=list)
    quads_written: int = 0
    articles: int = 0
    actors: int = 0
    events: int = 0
    facts: int = 0
    sanctions: int = 0
    derived_triples: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def summary(self) -> str:
        text = (
            f"ingested {self.sources} source(s) into {len(self.graphs)} graph(s): {self.articles} article(s), "
            f"{self.actors} actor(s), {self.events} event(s), {self.facts} fact(s), {self.sanctions} sanction(s); "
            f"{self.quads_written} quads written, {self.derived_triples} derived, in {self.seconds:.2f} s"
        )
        if self.skipped:
            text += f"; skipped {len(self.skipped)}: " + "; ".join(f"{s.input} ({s.reason})" for s in self.skipped)
        return text


@dataclass
class _Prepared:
    name: str
    batch: WriteBatch
    counts: dict[str, int]

    @classmethod
    def indexed(cls, name: str, batch: WriteBatch, counts: dict[str, int]) -> _Prepared:
        """The prepared write of one source, with the digests of the graphs it replaces (graph.digests)."""
        from graph.digests import with_digests

        return cls(name, with_digests(batch), counts)


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files named directly, every file under a directory (sorted), and glob matches; ``-`` passes."""
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        if item == "-":
            out.append(item)
        elif p.is_dir():
            out.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file() and not f.name.startswith("."))
        elif any(ch in item for ch in "*?[") and not p.exists():
            out.extend(sorted(glob.glob(item, recursive=True)))
        else:
            out.append(item)
    return out


def is_sidecar(path: str) -> bool:
    """Metadata beside an article (``a.meta.json``, ``a.txt.meta.yaml``): read with the article,
    not ingested as curated facts."""
    p = Path(path)
    return p.suffix.lower() in CURATED_SUFFIXES and p.name.lower().rsplit(".", 2)[-2:-1] == ["meta"]


def is_article_input(path: str) -> bool:
    """Articles (text, HTML, JSONL, stdin) go through extraction; curated and RDF files do not."""
    suffix = Path(path).suffix.lower()
    return path == "-" or suffix not in CURATED_SUFFIXES | RDF_SUFFIXES


def prepare(path: str) -> _Prepared:
    """Read one input file and map it to the batch that replaces its graph(s)."""
    from graph.sources.rdf import is_rdf_file

    if is_rdf_file(path):
        return _prepare_rdf(path)
    if Path(path).suffix.lower() in CURATED_SUFFIXES:
        return _prepare_curated(path)
    from graph.errors import SourceError

    raise SourceError(
        "unsupported input type",
        where=path,
        hint="ingest curated facts (.yaml, .yml, .json) or RDF (.trig, .nq, .ttl, .nt)",
    )


def _bulk_load(store: Store, path: str, report: IngestReport) -> None:
    """One large RDF file through the bulk loader (:mod:`graph.ingest_rdf`), counted in the report."""
    from graph.ingest_rdf import load_rdf_file

    result = load_rdf_file(store, path)
    report.sources += 1
    report.graphs.extend(result.graphs)
    report.quads_written += result.quads
    for key, value in result.counts.items():
        setattr(report, key, getattr(report, key) + value)


def _prepare_curated(path: str) -> _Prepared:
    from graph import triples
    from graph.sources.curated import read_curated

    src = read_curated(path)
    batch = triples.source_batch(src.extractions, src.graph)
    counts = {
        "articles": len(src.extractions),
        "actors": len({a.key for ex in src.extractions for a in ex.actors}),
        "events": sum(len(ex.events) for ex in src.extractions),
        "facts": sum(len(ex.facts) for ex in src.extractions),
        "sanctions": sum(len(ex.sanctions) for ex in src.extractions),
    }
    return _Prepared.indexed(src.graph, batch, counts)


def _prepare_rdf(path: str) -> _Prepared:
    from graph.sources.rdf import read_rdf

    src = read_rdf(path)
    batch = WriteBatch(insert=list(src.quads))
    meta_subjects = {q.subject.value for q in src.quads if q.graph and q.graph.value == ids.META_GRAPH}
    batch.drop_graphs = src.graphs - {ids.META_GRAPH}
    if meta_subjects:
        batch.delete_subjects[ids.META_GRAPH] = meta_subjects
    counts = _count_classes(src.quads)
    return _Prepared.indexed(path, batch, counts)


def _count_classes(quads: Sequence[Quad]) -> dict[str, int]:
    dip = ids.ONTOLOGY
    by_class: dict[str, set[str]] = {}
    for q in quads:
        if q.predicate.value.endswith("#type") and q.object.value.startswith(dip):
            by_class.setdefault(q.object.value[len(dip) :], set()).add(q.subject.value)

    def n(*names: str) -> int:
        return len(set().union(*(by_class.get(x, set()) for x in names)))

    return {
        "articles": n("Article"),
        "actors": n("Person", "State", "GovernmentAgency", "InternationalOrganization", "Organization", "Group"),
        "events": n("Event", "Interaction"),
        "facts": n("Tenure", "Kinship", "Association"),
        "sanctions": n("Sanction"),
    }


@dataclass(frozen=True)
class ArticleOptions:
    """Metadata given on the command line for articles, and extraction settings."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    max_bytes: int = 5_000_000
    n_process: int = 1
    prefilter: bool | None = None  # parse only sentences that can hold an event (None: DIPLOGRAPH_PREFILTER)
    budget: float | None = None  # seconds per article before it is skipped (None: DIPLOGRAPH_ARTICLE_SECONDS)


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    strict: bool = False,
    batch_size: int = 50,
    derive: bool = True,
    progress: Callable[[int, int], None] | None = None,
    articles: ArticleOptions | None = None,
) -> IngestReport:
    """Read inputs, map them to quads and write each source as one replacing batch.

    Args:
        inputs: files, directories or globs.
        store: the store to write into.
        strict: fail on the first bad input and write nothing at all (raises ValidationFailed).
        batch_size: sources per store transaction.
        derive: rerun the derivation rules (state roll-up, contradictions) afterwards.
        progress: called with (done, total) after each input.

    Returns:
        The report; bad inputs are listed in ``skipped`` with the reason.

    Raises:
        ValidationFailed: ``strict`` and an input was bad (nothing written).
        StoreError: the store refused a write (that batch left no trace).
    """
    started = time.perf_counter()
    report = IngestReport(store=store.location)
    expanded = [p for p in expand_inputs(inputs) if not is_sidecar(p)]
    article_inputs = [p for p in expanded if is_article_input(p)]
    paths = [p for p in expanded if not is_article_input(p)]
    report.inputs = len(paths)
    prepared: list[_Prepared] = []
    from graph.ingest_rdf import check_syntax, goes_in_bulk

    bulk = {p for p in paths if goes_in_bulk(store, p)}
    # what the coreference of events needs to re-plan only what this ingest changes (graph.coreference),
    # taken only when the incremental pass can follow (see the end)
    before = _snapshot(store) if derive and not bulk and _small_part(store, expanded) else None
    writer = _Writer(store, report, before)
    try:
        for n, prep in enumerate(
            _prepare_articles(article_inputs, articles or ArticleOptions(), batch_size, report, strict), 1
        ):
            prepared.append(prep)
            if progress:
                progress(n, 0)
            if not strict and len(prepared) >= batch_size:
                writer.submit(prepared)
                prepared = []
        for i, path in enumerate(paths, 1):
            try:
                if path in bulk and strict:
                    check_syntax(path)  # loaded once every input has been read and written (below)
                elif path in bulk:
                    if prepared:  # in order: what came before is written first
                        writer.submit(prepared)
                        prepared = []
                    writer.wait()
                    _bulk_load(store, path, report)
                else:
                    prepared.append(prepare(path))
            except StoreError:
                raise  # the store refused a write (left as it was): not a bad input
            except GraphError as exc:
                if strict:
                    report.skipped.append(Skipped(path, exc.describe()))
                    raise ValidationFailed(
                        f"strict ingest stopped at a bad input, nothing was written: {exc.describe()}",
                        report=report,
                        where=path,
                    ) from exc
                report.skipped.append(Skipped(path, exc.describe()))
            if not strict and len(prepared) >= batch_size:
                writer.submit(prepared)
                prepared = []
            if progress:
                progress(i, len(paths))
        if prepared:
            writer.submit(prepared)
        if strict and bulk:
            writer.wait()
            for path in [p for p in paths if p in bulk]:
                _bulk_load(store, path, report)
    finally:
        writer.close()
    if report.sources:
        reloaded = ensure_ontology(store)
        if derive:
            # a new ontology may recode every event, and a bulk-loaded file's graphs were not read
            # before it replaced them: both need the full pass, as does a batch that is a large part of
            # the store (re-reading most groups one by one costs more than reading everything once)
            partial = before is not None and not reloaded and _small_part(store, report.graphs)
            report.derived_triples = run_rules(
                store, set(report.graphs) if partial else None, before if partial else None
            )
    report.seconds = time.perf_counter() - started
    return report


def _prepare_articles(
    inputs: list[str], options: ArticleOptions, batch_size: int, report: IngestReport, strict: bool
) -> Iterator[_Prepared]:
    """Read, extract and map articles, yielding one prepared batch per article."""
    if not inputs:
        return
    from graph import triples
    from graph.errors import SourceError
    from graph.extract import extract_many
    from graph.sources.articles import read_articles

    def fail(where: str, exc: GraphError) -> None:
        report.skipped.append(Skipped(where, exc.describe()))
        if strict:
            raise ValidationFailed(
                f"strict ingest stopped at a bad input, nothing was written: {exc.describe()}",
                report=report,
                where=where,
            ) from exc

    def good_articles() -> Iterator[Any]:
        for item in read_articles(
            inputs, published=options.published, outlet=options.outlet, url=options.url, max_bytes=options.max_bytes
        ):
            report.inputs += 1
            if isinstance(item, SourceError):
                fail(item.where or "input", item)
            else:
                yield item

    def extraction_failed(article: Any, exc: GraphError) -> None:
        fail(article.origin or article.key, exc)

    for ex in extract_many(
        good_articles(),
        n_process=options.n_process,
        prefilter=options.prefilter,
        on_error=extraction_failed,
        budget=options.budget,
    ):
        where = ex.article.origin or ex.article.key
        try:
            graph_iri = ids.document_graph(ex.article.key, ex.extractor.name)
            batch = triples.source_batch([ex], graph_iri)
        except GraphError as exc:
            fail(where, exc)
            continue
        counts = {
            "articles": 1,
            "actors": len(ex.actors),
            "events": len(ex.events),
            "facts": len(ex.facts),
            "sanctions": len(ex.sanctions),
        }
        yield _Prepared.indexed(graph_iri, batch, counts)


class _Writer:
    """Writes batches in order from one background thread while the next ones are being read and
    extracted (Oxigraph and HTTP writes release the GIL). At most one batch waits; a failed write
    raises at the next submit or at close, and nothing after it is written."""

    def __init__(self, store: Store, report: IngestReport, before: Snapshot | None = None) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.store = store
        self.report = report
        self.before = before
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplograph-writer")
        self.pending: Any = None

    def submit(self, prepared: list[_Prepared]) -> None:
        self.wait()
        self.pending = self.pool.submit(_write, self.store, prepared, self.report, self.before)

    def wait(self) -> None:
        pending, self.pending = self.pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        try:
            self.wait()
        finally:
            self.pool.shutdown(wait=True)


def _write(store: Store, prepared: list[_Prepared], report: IngestReport, before: Snapshot | None = None) -> None:
    batch = WriteBatch()
    for p in prepared:
        batch.merge(p.batch)
    if before is not None:  # the reports of the graphs this batch replaces, read while they are there
        before.add_graphs(store, {g for p in prepared for g in (p.batch.drop_graphs or {p.name})})
    store.apply(batch)
    for p in prepared:
        report.sources += 1
        report.graphs.extend(sorted(p.batch.drop_graphs or {p.name}))
        report.quads_written += len(p.batch.insert)
        for key, value in p.counts.items():
            setattr(report, key, getattr(report, key) + value)


def _ontology_digest() -> str:
    from graph.ontology import reference_files

    h = hashlib.sha256()
    for f in reference_files():
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _ontology_quads(digest: str) -> tuple[Quad, ...]:
    """The reference files as quads of ``graph/ontology``, read once per process for each version of
    them (``digest``): parsing them costs about 0.15 s, in every ingest into a new store."""
    from graph.ontology import reference_files
    from graph.sources.rdf import read_rdf

    graph_term = Term.uri(ids.ONTOLOGY_GRAPH)
    return tuple(
        Quad(q.subject, q.predicate, q.object, graph_term) for f in reference_files() for q in read_rdf(f).quads
    )


def ensure_ontology(store: Store) -> bool:
    """Load the TBox and SKOS schemes into ``graph/ontology`` when missing or out of date."""
    digest = _ontology_digest()
    sha = ids.ONTOLOGY + "contentSha256"
    probe = store.query(f'ASK {{ GRAPH <{ids.META_GRAPH}> {{ <{ONTOLOGY_RECORD}> <{sha}> "{digest}" }} }}')
    if getattr(probe, "value", False):
        return False
    quads = list(_ontology_quads(digest))
    record = Term.uri(ONTOLOGY_RECORD)
    meta = Term.uri(ids.META_GRAPH)
    quads.append(Quad(record, Term.uri(sha), Term.literal(digest), meta))
    quads.append(
        Quad(
            record,
            Term.uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            Term.uri(ids.ONTOLOGY + "SourceGraph"),
            meta,
        )
    )
    store.apply(
        WriteBatch(drop_graphs={ids.ONTOLOGY_GRAPH}, delete_subjects={ids.META_GRAPH: {ONTOLOGY_RECORD}}, insert=quads)
    )
    return True


def run_rules(store: Store, touched: Iterable[str] | None = None, before: Snapshot | None = None) -> int:
    """Recompute ``graph/identity`` (:mod:`graph.identity`) and ``graph/events`` (:mod:`graph.coreference`:
    only the groups of events the ``touched`` source graphs change when given with the ``before``
    snapshot taken ahead of the writes), then ``graph/derived`` from the union (rules R1 to R3); returns
    the size of ``graph/derived``."""
    from graph.coreference import resolve_events
    from graph.identity import resolve_identities
    from graph.queries import read_query, rule_names
    from graph.store.base import GraphResult

    resolve_identities(store)
    resolve_events(store, touched, before)

    derived = Term.uri(ids.DERIVED_GRAPH)
    out: dict[Quad, None] = {}
    for name in rule_names():
        result = store.query(read_query(name))
        if not isinstance(result, GraphResult):
            raise StoreError(f"rule {name} is not a CONSTRUCT query")
        for s, p, o in result.triples:
            out[Quad(s, p, o, derived)] = None
    store.apply(WriteBatch(drop_graphs={ids.DERIVED_GRAPH}, insert=list(out)))
    return len(out)


class Reindexed(NamedTuple):
    """What :func:`add_digests` wrote digests for."""

    graphs: int
    articles: int


def add_digests(store: Store, *, graphs_per_batch: int = 200) -> Reindexed:
    """Write the digests (graph.digests) that are missing or stale: of every source graph that lacks
    them or has another format, and of every article in ``graph/meta`` whose digest does not match its
    record (stores written before digests existed, or by other tools).

    A graph with no digest yet only gains quads. One whose digests are all stated about the graph
    itself (the current layout) has just those replaced; any other is rewritten whole. An article's
    record is rewritten with its new digest. Each batch is one transaction, so an interrupted run
    leaves whole graphs and records, and can be rerun.
    """
    from graph.digests import FORMAT, INDEX_PREDICATES, digest_quads, with_digests
    from graph.prefixes import sparql_prologue
    from graph.queries import read_query
    from graph.store.base import SelectResult

    def rows(name: str) -> list[tuple[str, str]]:
        found = store.query(sparql_prologue() + read_query(f"lookup/{name}"))
        pairs = found.rows if isinstance(found, SelectResult) else []
        return [(a.value, b.value) for a, b in pairs if a is not None and b is not None]

    formats = dict(rows("digest_graphs"))
    used: dict[str, set[str]] = {}
    for run, document in rows("run_documents"):
        used.setdefault(run, set()).add(document)
    todo = [g for g in store.graph_names() if g not in ids.SHARED_GRAPHS and formats.get(g) != FORMAT]
    for start in range(0, len(todo), graphs_per_batch):
        batch = WriteBatch()
        for graph in todo[start : start + graphs_per_batch]:
            quads = list(store.quads(graph))
            index = [q for q in quads if q.predicate.value in INDEX_PREDICATES]
            if not index:
                batch.insert.extend(digest_quads(graph, quads, used) if quads else [])
            elif all(q.subject.value == graph for q in index) and not any(
                q.subject.value == graph and q.predicate.value not in INDEX_PREDICATES for q in quads
            ):  # only the graph's own index entries are about the graph: replace just those
                batch.delete_subjects.setdefault(graph, set()).add(graph)
                batch.insert.extend(digest_quads(graph, quads, used))
            else:
                batch.merge(with_digests(WriteBatch(drop_graphs={graph}, insert=quads), documents=used))
        store.apply(batch)
    return Reindexed(len(todo), _add_article_digests(store, graphs_per_batch * 50))


def _add_article_digests(store: Store, per_batch: int) -> int:
    """Rewrite the ``graph/meta`` record of each article whose digest is missing or stale."""
    from graph.digests import ARTICLE_DIGEST, ARTICLE_PREDICATES, article_digest_quads
    from graph.store.base import SelectResult

    # only the statements digests are made of: reading all of graph/meta costs 12 s at 4M quads
    wanted = " ".join(f"<{p}>" for p in sorted({*ARTICLE_PREDICATES, ARTICLE_DIGEST}))
    found = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ids.META_GRAPH}> {{ VALUES ?p {{ {wanted} }} ?s ?p ?o }} }}")
    meta_graph = Term.uri(ids.META_GRAPH)
    statements = [
        Quad(s, p, o, meta_graph)
        for s, p, o in (found.rows if isinstance(found, SelectResult) else [])
        if s is not None and p is not None and o is not None
    ]
    fresh = {q.subject.value: q.object.value for q in article_digest_quads(statements)}
    have: dict[str, set[str]] = {}
    for q in statements:
        if q.predicate.value == ARTICLE_DIGEST:
            have.setdefault(q.subject.value, set()).add(q.object.value)
    stale = sorted(a for a in fresh.keys() | have.keys() if have.get(a, set()) != ({fresh[a]} if a in fresh else set()))
    if not stale:
        return 0
    rewritten = set(stale)
    by_subject: dict[str, list[Quad]] = {}
    for q in store.quads(ids.META_GRAPH):  # the whole records of the articles to rewrite
        if q.subject.value in rewritten:
            by_subject.setdefault(q.subject.value, []).append(q)
    for start in range(0, len(stale), per_batch):
        chunk = stale[start : start + per_batch]
        record = [q for a in chunk for q in by_subject.get(a, ()) if q.predicate.value != ARTICLE_DIGEST]
        store.apply(
            WriteBatch(
                delete_subjects={ids.META_GRAPH: set(chunk)},
                insert=record + article_digest_quads(record),
            )
        )
    return len(stale)


def drop_source(store: Store, graph: str) -> bool:
    """Remove a source graph with its graph record and runs in ``graph/meta``, then rerun the rules.

    Returns False when there was no such graph. Article records stay: other sources may cite them.
    """
    from graph.store.base import SelectResult

    if graph not in {g.name for g in store.graphs()}:
        return False
    generated_by = "http://www.w3.org/ns/prov#wasGeneratedBy"
    runs = store.query(f"SELECT ?run WHERE {{ GRAPH <{ids.META_GRAPH}> {{ <{graph}> <{generated_by}> ?run }} }}")
    subjects = {graph} | {r[0].value for r in runs.rows if r[0]} if isinstance(runs, SelectResult) else {graph}
    before = _snapshot(store, {graph})
    store.apply(WriteBatch(drop_graphs={graph}, delete_subjects={ids.META_GRAPH: subjects}))
    run_rules(store, {graph}, before)
    return True


INCREMENTAL_SHARE = 0.25
"""Up to this share of the store's graphs written, the event coreference re-plans only what they touch."""


def _small_part(store: Store, written: Sequence[str]) -> bool:
    return len(written) <= INCREMENTAL_SHARE * sum(1 for _ in store.graphs())


def _snapshot(store: Store, graphs: Iterable[str] = ()) -> Snapshot:
    from graph.coreference_incremental import Snapshot

    return Snapshot.take(store, graphs)
