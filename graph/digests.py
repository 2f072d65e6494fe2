"""Digests: each source graph's events and claims packed into a few texts, written beside its triples.

Reading every event of a large store costs per term read out of it (Oxigraph decodes each stored term
one by one), and an event is spread over a dozen triples. So each source graph also holds, about
itself, ``dip:eventDigest`` texts that pack one record per event it describes (and per node its claims
are about): types, roles, dates, precision, status and claims; and ``dip:claimDigest`` texts with one
record per claim: the evidence an edge carries (:data:`CLAIM_FIELDS`). Records are joined by
:data:`RECORD_SEPARATOR` into texts of up to about :data:`CHUNK` characters. The whole-store readers
(:mod:`graph.queries.digests`, :mod:`graph.queries.fetch`) read a few terms per graph and merge the
sources in Python.

A graph whose digests are complete says so with ``<graph> dip:digestFormat FORMAT`` inside itself.
Digests are an index, not facts: they are computed here from the graph's own quads whenever
:func:`with_digests` prepares a write (every ingest path does), replaced with the graph, and a store
whose source graphs lack the marker is read the slower way, from the triples themselves.

An event record is tab-separated fields (:data:`FIELDS`); a field holding several values separates them
by spaces (IRIs and dates hold neither tabs nor spaces). diplograph's own IRIs are shortened
(:func:`compact`). The claims about the node are summed up: their sources (the documents their
extraction runs used, or ``run*2``, a run and its number of claims, when the write did not say which
document the run used: readers look it up), the claims with no run (each its own source), the highest
confidence and the modalities' local names (``asserted``).

Example:
    >>> from graph.store.base import Quad, Term
    >>> g, e = "https://example.org/g", Term.uri("https://example.org/e")
    >>> dip = "https://w3id.org/diplograph/ontology#"
    >>> quads = [Quad(e, Term.uri(dip + "actor"), Term.uri("https://example.org/a"), Term.uri(g))]
    >>> [r.split("\\t") for q in digest_quads(g, quads) if q.predicate.value == DIGEST for r in records(q.object.value)]
    [['https://example.org/e', '', 'https://example.org/a', '', '', '', '', '', '', '', '']]
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from graph import ids
from graph.store.base import Quad, Term, WriteBatch

FORMAT = "2"
"""The digest layout; a reader ignores graphs marked with another one (they are read the slow way)."""

DIGEST = ids.ONTOLOGY + "eventDigest"
CLAIM_DIGEST = ids.ONTOLOGY + "claimDigest"
DIGEST_FORMAT = ids.ONTOLOGY + "digestFormat"
FIELDS = (
    "event",
    "types",
    "actors",
    "targets",
    "participants",
    "window",
    "scheduled",
    "sources",
    "unrun_claims",
    "confidence",
    "modalities",
)
WINDOW_PARTS = ("dates", "earliest", "latest", "units")
"""The ``window`` field: these four, joined by ``|`` (one text, so that readers can key on it)."""
_SLOTS = 10  # the fields from the graph's own triples as collected, the four window parts apart
CLAIM_FIELDS = (
    "claim",
    "about",
    "modality",
    "claimant",
    "confidence",
    "run",
    "document",
    "sentence",
    "article",
    "start",
    "end",
    "text",
)
"""The layout of a claim digest: one per claim and source graph, the evidence a cited edge carries.
Single values are the lowest the graph gives (as the whole-store claim read takes them); the sentence's
article, offsets and text are there when the graph describes the sentence; ``text`` is last, with its
commas, quotes, tabs and line breaks swapped for stand-ins (:func:`unescape` restores them)."""
RECORD_SEPARATOR = "\ue005"
"""Joins the records of one digest text: a private-use code point, so the text stays one CSV field that
needs no quoting."""
CHUNK = 32_000
"""About the most characters of one digest text: a graph's records are packed into as few texts as
that allows, because a store's cost to read a term does not grow much with its length (reading a
graph's records as one term is about 3.5 times faster than one term per record)."""
NOT_A_DATE = "?"
"""Stands for a date value that is not a plain ``xsd:date``: readers re-read such events one by one."""
MISSING = "-"
UNITS = {"unitDay": "3", "unitMonth": "2", "unitYear": "1"}  # the precision order of lookup/table_dates

_DIP = ids.ONTOLOGY
_CAMEO = ids.SCHEME + "cameo/"
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_SCHEDULED = "https://schema.org/EventScheduled"
_FIELD_OF = {
    _DIP + "eventType": 1,
    _DIP + "actor": 2,
    _DIP + "target": 3,
    _DIP + "participant": 4,
    _DIP + "date": 5,
    _DIP + "dateEarliest": 6,
    _DIP + "dateLatest": 7,
    _DIP + "datePrecision": 8,
    "https://schema.org/eventStatus": 9,
}
_DATE_FIELDS = {5, 6, 7}
_CLAIM_PARTS = {
    "http://www.w3.org/ns/prov#wasGeneratedBy": 0,
    _DIP + "confidence": 1,
    _DIP + "modality": 2,
}
_ABOUT = _DIP + "about"
_USED = "http://www.w3.org/ns/prov#used"
_EVIDENCE_OF = {  # what a claim digest takes from the claim and from the sentence it cites
    _DIP + "claimant": "claimant",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "sentence",
    "http://purl.org/dc/terms/isPartOf": "article",
    "http://www.w3.org/ns/oa#start": "start",
    "http://www.w3.org/ns/oa#end": "end",
    "http://www.w3.org/ns/oa#exact": "text",
}
ARTICLE_DIGEST = ids.ONTOLOGY + "articleDigest"
ARTICLE_FIELDS = ("article", "title", "publisher", "url", "issued", "statements")
"""The layout of an article digest: one per article described in ``graph/meta``, beside its record
there. Single values are the lowest the record gives; ``title`` and ``url`` are escaped as a claim's
``text`` is (:func:`unescape`); ``issued`` keeps only its day when it starts with one. ``statements``
counts the statements summed up: readers check the digests' total against a count of the store's
(``lookup/article_coverage``), which costs milliseconds where counting distinct articles costs half
a second on a large store."""
_ARTICLE_OF = {
    "http://purl.org/dc/terms/title": 1,
    "http://purl.org/dc/terms/publisher": 2,
    "https://schema.org/url": 3,
    "http://purl.org/dc/terms/issued": 4,
}
ARTICLE_PREDICATES = frozenset(_ARTICLE_OF)
INDEX_PREDICATES = frozenset({DIGEST, CLAIM_DIGEST, DIGEST_FORMAT, ARTICLE_DIGEST})
"""Every property of the index: what a rewrite drops before computing it again."""
INPUT_PREDICATES = frozenset({*_FIELD_OF, _ABOUT, *_CLAIM_PARTS, *_EVIDENCE_OF, _USED, *_ARTICLE_OF})
"""Every property digests are computed from: a writer that streams a file keeps just these quads."""
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def digest_quads(
    graph: str, quads: Iterable[Quad], documents: Mapping[str, Collection[str]] | None = None
) -> list[Quad]:
    """The digests and the format marker of one source graph, from its quads (others are ignored).

    Args:
        graph: the source graph's IRI.
        quads: what the graph holds (any existing digest quads are ignored).
        documents: the documents each extraction run used (``prov:used``), where known: a claim's
            source is its run's document; a run not listed here is left for readers to look up.
    """
    fields: dict[str, list[set[str]]] = {}
    claims: dict[str, tuple[set[str], set[str], set[str]]] = {}
    about: dict[str, set[str]] = {}
    evidence: dict[str, dict[str, set[str]]] = {}
    for q in quads:
        if q.graph is None or q.graph.value != graph:
            continue
        if q.subject.kind != "uri":  # blank nodes cannot be named again from a digest
            continue
        p = q.predicate.value
        slot = _FIELD_OF.get(p)
        if slot is not None:
            value = _value(slot, q.object)
            if value:
                fields.setdefault(q.subject.value, [set() for _ in range(_SLOTS)])[slot].add(value)
        elif p == _ABOUT and q.object.kind == "uri":
            about.setdefault(q.subject.value, set()).add(q.object.value)
        elif (part := _CLAIM_PARTS.get(p)) is not None:
            claims.setdefault(q.subject.value, (set(), set(), set()))[part].add(_claim_part(part, q.object))
        elif (key := _EVIDENCE_OF.get(p)) is not None:
            evidence.setdefault(q.subject.value, {}).setdefault(key, set()).add(q.object.value)
    claimed: dict[str, list[str]] = {}
    for claim, nodes in about.items():
        for node in nodes:
            claimed.setdefault(node, []).append(claim)
    events: list[str] = []
    for node in sorted(fields.keys() | claimed.keys()):
        slots = [" ".join(sorted(values)) for values in fields.get(node) or [set() for _ in range(_SLOTS)]]
        window = "|".join(slots[5:9]) if any(slots[5:9]) else ""
        packed = [
            compact(node),
            *slots[1:5],
            window,
            slots[9],
            *_claim_fields(claimed.get(node, []), claims, documents or {}),
        ]
        events.append("\t".join(packed))
    cited = [
        _claim_digest(claim, about[claim], claims.get(claim), evidence, documents or {}) for claim in sorted(about)
    ]
    g = Term.uri(graph)
    return [
        Quad(g, Term.uri(DIGEST_FORMAT), Term.literal(FORMAT), g),
        *(Quad(g, Term.uri(DIGEST), Term.literal(chunk), g) for chunk in _chunks(events)),
        *(Quad(g, Term.uri(CLAIM_DIGEST), Term.literal(chunk), g) for chunk in _chunks(cited)),
    ]


def _chunks(records: Sequence[str]) -> list[str]:
    """Records joined by :data:`RECORD_SEPARATOR` into texts of about :data:`CHUNK` characters at most
    (a record longer than that is a text of its own)."""
    out: list[str] = []
    start, size = 0, 0
    for i, record in enumerate(records):
        if size and size + len(record) > CHUNK:
            out.append(RECORD_SEPARATOR.join(records[start:i]))
            start, size = i, 0
        size += len(record) + 1
    if start < len(records):
        out.append(RECORD_SEPARATOR.join(records[start:]))
    return out


def records(text: str) -> list[str]:
    """The records packed into one digest text (see :data:`RECORD_SEPARATOR`)."""
    return text.split(RECORD_SEPARATOR)


def compact(iri: str) -> str:
    """An IRI as digests write it: diplograph's own names and CAMEO codes shortened to ``~local`` and
    ``^code`` (no absolute IRI starts with either), which halves what a whole-store read moves.

    Example:
        >>> compact("https://w3id.org/diplograph/id/COL"), compact("https://example.org/x")
        ('~COL', 'https://example.org/x')
        >>> expand(compact("https://w3id.org/diplograph/scheme/cameo/042"))
        'https://w3id.org/diplograph/scheme/cameo/042'
    """
    if iri.startswith(ids.ID):
        return "~" + iri[len(ids.ID) :]
    if iri.startswith(_CAMEO):
        return "^" + iri[len(_CAMEO) :]
    return iri


def expand(text: str) -> str:
    """The IRI a compacted name stands for (see :func:`compact`)."""
    first = text[:1]
    if first == "~":
        return ids.ID + text[1:]
    if first == "^":
        return _CAMEO + text[1:]
    return text


def with_digests(
    batch: WriteBatch,
    graphs: Sequence[str] | None = None,
    documents: Mapping[str, Collection[str]] | None = None,
) -> WriteBatch:
    """The batch with fresh digests for each source graph it replaces (shared graphs get none), and
    for each article whose record in ``graph/meta`` it writes.

    Digest quads already in the batch (an exported dump read back) are dropped first, so the digests
    always describe what is written. ``graphs`` defaults to the graphs the batch drops; the documents
    runs used come from the batch's own ``prov:used`` quads and ``documents``.
    """
    targets = set(graphs if graphs is not None else batch.drop_graphs) - ids.SHARED_GRAPHS
    articles = any(q.predicate.value in ARTICLE_PREDICATES for q in batch.insert)
    if not targets and not articles:
        return batch
    kept = [q for q in batch.insert if q.predicate.value not in INDEX_PREDICATES]
    by_graph: dict[str, list[Quad]] = {g: [] for g in targets}
    used: dict[str, set[str]] = {run: set(docs) for run, docs in (documents or {}).items()}
    for q in kept:
        if q.graph is not None and q.graph.value in by_graph:
            by_graph[q.graph.value].append(q)
        if q.predicate.value == _USED:  # the batch's own run records (graph/meta): who read what
            used.setdefault(q.subject.value, set()).add(q.object.value)
    added = [d for g in sorted(by_graph) for d in digest_quads(g, by_graph[g], used)]
    added += article_digest_quads(kept) if articles else []
    return WriteBatch(
        drop_graphs=set(batch.drop_graphs),
        delete_subjects={g: set(s) for g, s in batch.delete_subjects.items()},
        insert=kept + added,
    )


def article_digest_quads(quads: Iterable[Quad]) -> list[Quad]:
    """The article digests (:data:`ARTICLE_FIELDS`) of the articles ``quads`` describe in
    ``graph/meta``, in that graph. A batch that writes an article's record there replaces the record
    whole (it deletes the article's triples first), so the digest is replaced with it.

    An article whose title or URL holds a stand-in character gets none: readers notice the gap and
    read the articles' triples instead.

    Example:
        >>> meta, a = Term.uri(ids.META_GRAPH), Term.uri(ids.ID + "doc-1")
        >>> title = Quad(a, Term.uri("http://purl.org/dc/terms/title"), Term.literal('Petro, "no"'), meta)
        >>> [unescape(q.object.value).split("\\t") for q in article_digest_quads([title])]
        [['~doc-1', 'Petro, "no"', '', '', '', '1']]
    """
    found: dict[str, list[set[str]]] = {}
    for q in quads:
        slot = _ARTICLE_OF.get(q.predicate.value)
        if slot is None or q.graph is None or q.graph.value != ids.META_GRAPH or q.subject.kind != "uri":
            continue
        found.setdefault(q.subject.value, [set() for _ in range(5)])[slot].add(q.object.value)
    meta, predicate = Term.uri(ids.META_GRAPH), Term.uri(ARTICLE_DIGEST)
    out = []
    for article in sorted(found):
        _, title, publisher, url, issued = (min(values, default="") for values in found[article])
        escaped = _escape(title), _escape(url)
        if (title and not escaped[0]) or (url and not escaped[1]):
            continue
        # only the day is read, and stores rewrite a dateTime's time zone ("Z" -> "+00:00"): keep it stable
        day = issued[:10] if _DAY.match(issued) else issued
        statements = sum(len(values) for values in found[article])
        text = "\t".join((compact(article), escaped[0], compact(publisher), escaped[1], day, str(statements)))
        out.append(Quad(Term.uri(article), predicate, Term.literal(text), meta))
    return out


def _value(slot: int, term: Term) -> str:
    value = term.value
    if slot in _DATE_FIELDS:
        return value if term.kind == "literal" and term.datatype == _XSD_DATE else NOT_A_DATE
    if slot == 8:
        return UNITS.get(value.rsplit("#", 1)[-1], "")
    if slot == 9:
        return "1" if value == _SCHEDULED else ""
    return compact(value) if term.kind == "uri" else ""


def _claim_part(part: int, term: Term) -> str:
    value = term.value
    if part == 1:  # a number (anything else would not sort); compared as numbers, whatever the lexical form
        return value if _NUMBER.fullmatch(value) else MISSING
    return value if term.kind == "uri" else MISSING


def _claim_digest(
    claim: str,
    nodes: set[str],
    parts: tuple[set[str], set[str], set[str]] | None,
    evidence: Mapping[str, Mapping[str, set[str]]],
    documents: Mapping[str, Collection[str]],
) -> str:
    """One claim's digest (:data:`CLAIM_FIELDS`)."""
    runs, confidences, modalities = ({v for v in p if v != MISSING} for p in parts or (set(), set(), set()))
    own = evidence.get(claim, {})
    sentence = min(own.get("sentence", ()), default="")
    cited = evidence.get(sentence, {})
    run = min(runs, default="")
    values = [
        compact(claim),
        " ".join(sorted(map(compact, nodes))),
        min(modalities, default="").rsplit("/", 1)[-1],
        compact(min(own.get("claimant", ()), default="")),
        repr(float(min(confidences))) if confidences else "",  # as stores write it back ("0.80" -> "0.8")
        compact(run),
        compact(min(documents.get(run, ()), default="")),
        compact(sentence),
        compact(min(cited.get("article", ()), default="")),
        min(cited.get("start", ()), default=""),
        min(cited.get("end", ()), default=""),
    ]
    text = min(cited.get("text", ()), default="")
    return "\t".join(values) + "\t" + _escape(text)


_STAND_INS = "\ue000\ue001\ue002\ue003\ue004"  # private-use code points, not found in news text
_ENCODE = str.maketrans(',"\t\n\r', _STAND_INS)
_DECODE = tuple(zip(_STAND_INS, ',"\t\n\r', strict=True))


def _escape(text: str) -> str:
    """The sentence with its commas, quotes, tabs and line breaks swapped for private-use stand-ins:
    the digest stays one CSV field that needs no quoting (the fast read); "" (read the sentence the
    slow way) in the unlikely case that the text holds a stand-in itself."""
    if any(c in text for c in _STAND_INS + RECORD_SEPARATOR):
        return ""
    return text.translate(_ENCODE)


def unescape(text: str) -> str:
    """A claim digest's ``text`` as the sentence reads (see :data:`CLAIM_FIELDS`).

    Example:
        >>> unescape(_escape('He said: "no, never."\\tThen\\nleft.'))
        'He said: "no, never."\\tThen\\nleft.'
    """
    for stand_in, character in _DECODE:  # str.replace is several times faster than str.translate here
        if stand_in in text:
            text = text.replace(stand_in, character)
    return text


def _claim_fields(
    node_claims: list[str],
    parts: dict[str, tuple[set[str], set[str], set[str]]],
    documents: Mapping[str, Collection[str]],
) -> list[str]:
    """The sources, the claims with no run, the highest confidence and the modalities' local names of
    the claims about one node: what the number of sources, the confidence and the stance of an event
    are computed from. A source is a run's document, or ``run*claims`` when the document is not known."""
    sources: set[str] = set()
    runs: dict[str, int] = {}
    unrun: list[str] = []
    confidences: list[float] = []
    modalities: set[str] = set()
    for claim in node_claims:
        generated_by, confidence, modality = parts.get(claim, (set(), set(), set()))
        for run in generated_by - {MISSING}:
            docs = documents.get(run)
            if docs:
                sources.update(docs)
            else:
                runs[run] = runs.get(run, 0) + 1
        if not generated_by - {MISSING}:
            unrun.append(claim)
        confidences.extend(float(c) for c in confidence - {MISSING})
        modalities.update(m.rsplit("/", 1)[-1] for m in modality - {MISSING})
    return [
        " ".join([*sorted(map(compact, sources)), *(f"{compact(run)}*{n}" for run, n in sorted(runs.items()))]),
        " ".join(sorted(map(compact, unrun))),
        repr(max(confidences)) if confidences else "",
        " ".join(sorted(modalities)),
    ]
