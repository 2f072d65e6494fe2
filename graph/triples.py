"""Model objects -> quads: the only module that builds triples (``graph.digests`` adds an index of them).

:func:`source_batch` turns the extractions of one source (an extracted article, or a curated
file citing several articles) into one :class:`~graph.store.base.WriteBatch` that replaces the
source's named graph and its records in ``graph/meta``. Every event, tenure, kinship, sanction
and proposition gets a ``dip:Claim`` with its modality, confidence, sentence and run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache

from graph import ids
from graph import namespaces as ns
from graph.errors import MappingError
from graph.model import (
    Actor,
    ActorKind,
    Article,
    DateRange,
    Event,
    Evidence,
    Extraction,
    Extractor,
    Fact,
    FactKind,
    Modality,
    Precision,
    Proposition,
    Sanction,
)
from graph.store.base import Quad, Term, WriteBatch


class _Terms:
    """The IRI terms of a namespace, each made once: ``DIP.actor`` is ``Term.uri(str(ns.DIP.actor))``.

    After its first use a name is a plain attribute of this object: looking it up in rdflib's closed
    ``dip:`` namespace (which validates the IRI) cost a fifth of the mapping, repeated for every triple.
    Other namespaces are plain prefixes (``CAMEO["042"]``, ``ORG.postIn``).
    """

    def __init__(self, namespace: object) -> None:
        self._closed = None if isinstance(namespace, str) else namespace  # rdflib's Namespace is a str
        self._prefix = str(namespace)
        self._items: dict[str, Term] = {}

    def __getattr__(self, name: str) -> Term:
        if name.startswith("_"):
            raise AttributeError(name)
        iri = self._prefix + name if self._closed is None else str(getattr(self._closed, name))
        term = Term.uri(iri)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> Term:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = Term.uri(self._prefix + name)
        return term


DIP, CAMEO, KIN, MOD, OA = _Terms(ns.DIP), _Terms(ns.CAMEO), _Terms(ns.KIN), _Terms(ns.MOD), _Terms(ns.OA)
ORG, PROV, ROLE, SCHEMA = _Terms(ns.ORG), _Terms(ns.PROV), _Terms(ns.ROLE), _Terms(ns.SCHEMA)
TIME, WD = _Terms(ns.TIME), _Terms(ns.WD)
SKOS, DCT = _Terms("http://www.w3.org/2004/02/skos/core#"), _Terms("http://purl.org/dc/terms/")
XSD = "http://www.w3.org/2001/XMLSchema#"
_BOOLEAN, _INTEGER, _DECIMAL, _DATE = XSD + "boolean", XSD + "integer", XSD + "decimal", XSD + "date"
RDF_TYPE = Term.uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = Term.uri("http://www.w3.org/2000/01/rdf-schema#label")

ACTOR_CLASS: dict[ActorKind, Term] = {
    ActorKind.PERSON: DIP.Person,
    ActorKind.STATE: DIP.State,
    ActorKind.AGENCY: DIP.GovernmentAgency,
    ActorKind.IGO: DIP.InternationalOrganization,
    ActorKind.ORGANIZATION: DIP.Organization,
    ActorKind.MEDIA: DIP.MediaOutlet,
    ActorKind.GROUP: DIP.Group,
    ActorKind.SITE: DIP.Site,
}
PRECISION_UNIT = {Precision.DAY: TIME.unitDay, Precision.MONTH: TIME.unitMonth, Precision.YEAR: TIME.unitYear}
KINSHIP_SHORTCUT = {
    "spouse": DIP.spouseOf,
    "child": DIP.parentOf,
    "parent": DIP.childOf,
    "sibling": DIP.siblingOf,
    "relative": DIP.relativeOf,
}

CONTENT_FACTS = (FactKind.HOLDS_POST, FactKind.KINSHIP, FactKind.ASSOCIATE)
"""Facts that are content nodes (claims are about them); the others are plain statements."""


@lru_cache(maxsize=8192)
def node(key: str) -> Term:
    """The IRI term of a key (terms are immutable, so the common ones are made once)."""
    return Term.uri(ids.iri(key))


def text(value: str, lang: str | None = "en") -> Term:
    return Term.literal(value, lang=lang)


def typed(value: object) -> Term:
    """A typed literal: bool, int, float (as xsd:decimal), date, or string."""
    if isinstance(value, bool):
        return Term.literal("true" if value else "false", _BOOLEAN)
    if isinstance(value, int):
        return Term.literal(str(value), _INTEGER)
    if isinstance(value, float):
        lexical = f"{value:.4f}".rstrip("0").rstrip(".")
        return Term.literal(lexical if lexical not in ("", "-0") else "0", _DECIMAL)
    if isinstance(value, date):
        return Term.literal(value.isoformat(), _DATE)
    return Term.literal(str(value))


class _Writer:
    """Collects the triples of one graph."""

    def __init__(self, graph: str) -> None:
        self.graph = Term.uri(graph)
        self.quads: list[Quad] = []

    def add(self, s: Term, p: Term, o: Term | None) -> None:
        if o is not None:
            self.quads.append(Quad(s, p, o, self.graph))


def source_batch(extractions: Sequence[Extraction], graph: str) -> WriteBatch:
    """The write that replaces ``graph`` with what ``extractions`` say.

    Args:
        extractions: one per cited article, all from the same source.
        graph: IRI of the source's named graph (:func:`graph.ids.document_graph` or
            :func:`graph.ids.source_graph`).

    Raises:
        MappingError: an object refers to an undefined actor or content node, or uses an
            unknown CAMEO code.
    """
    data = _Writer(graph)
    meta = _Writer(ids.META_GRAPH)
    meta_subjects: set[str] = {graph}
    for ex in extractions:
        meta_subjects |= _meta(meta, ex, graph)
        _content(data, ex, graph)
    return WriteBatch(
        drop_graphs={graph},
        delete_subjects={ids.META_GRAPH: meta_subjects},
        insert=_dedupe(data.quads + meta.quads),
    )


def _dedupe(quads: Iterable[Quad]) -> list[Quad]:
    return list(dict.fromkeys(quads))


# -- meta: article, outlet, extractor, run, graph record -------------------------------------
def _meta(w: _Writer, ex: Extraction, graph: str) -> set[str]:
    art = ex.article
    article = node(art.key)
    run_key = ids.run_key(art.key, ex.extractor.name, ex.extractor.version)
    run = node(run_key)
    extractor = node(ids.extractor_key(ex.extractor.name, ex.extractor.version))
    outlet = node(outlet_key(art))

    w.add(article, RDF_TYPE, DIP.Article)
    w.add(article, DCT.title, text(art.title) if art.title else None)
    w.add(article, DCT.identifier, typed(art.id) if art.id else None)
    w.add(article, DCT.publisher, outlet)
    w.add(article, DIP.wireOrigin, typed(ex.wire) if ex.wire else None)
    if art.published:
        w.add(article, DCT.issued, Term.literal(f"{art.published.isoformat()}T00:00:00Z", XSD + "dateTime"))
    w.add(article, DCT.language, typed(art.language))
    if art.url:
        w.add(article, SCHEMA.url, Term.literal(art.url, XSD + "anyURI"))
    if art.text:
        w.add(article, DIP.contentSha256, typed(art.sha256))
    w.add(outlet, RDF_TYPE, DIP.MediaOutlet)
    named = art.outlet if art.outlet and not ids.is_blank(art.outlet) else None
    w.add(outlet, SKOS.prefLabel, text(named, ids.label_language(named)) if named else text("Unknown outlet"))
    _extractor(w, extractor, ex.extractor)
    w.add(run, RDF_TYPE, DIP.ExtractionRun)
    w.add(run, PROV.used, article)
    w.add(run, PROV.wasAssociatedWith, extractor)
    g = Term.uri(graph)
    w.add(g, RDF_TYPE, DIP.SourceGraph)
    w.add(g, DIP.fromDocument, article)
    w.add(g, PROV.wasGeneratedBy, run)
    return {ids.iri(art.key), ids.iri(run_key)}


def outlet_key(article: Article) -> str:
    """The publisher's node: the named outlet, or one "unknown outlet" node."""
    named = article.outlet if article.outlet and not ids.is_blank(article.outlet) else None
    return ids.actor_key(ActorKind.MEDIA, named or "unknown outlet")


def _extractor(w: _Writer, subject: Term, extractor: Extractor) -> None:
    w.add(subject, RDF_TYPE, DIP.Extractor)
    w.add(subject, RDFS_LABEL, text(extractor.name))
    w.add(subject, SCHEMA.softwareVersion, typed(extractor.version))
    w.add(subject, DIP.modelName, typed(extractor.model) if extractor.model else None)


# -- content ----------------------------------------------------------------------------------
class _Context:
    def __init__(self, w: _Writer, ex: Extraction, graph: str) -> None:
        self.w = w
        self.ex = ex
        self.graph = graph
        self.article = node(ex.article.key)
        self.run = node(ids.run_key(ex.article.key, ex.extractor.name, ex.extractor.version))
        self.actors = {a.key: a for a in ex.actors}
        self.outlet = node(outlet_key(ex.article))
        self.content: set[str] = set()
        self.claimed: set[str] = set()

    def actor(self, key: str, where: str) -> Term:
        if key not in self.actors:
            raise MappingError(
                f"{where} refers to the undefined actor {key!r}",
                where=self.ex.article.origin or self.ex.article.key,
                hint="define the actor in the same source (its actors list) or fix the reference",
            )
        return node(key)

    def claim(
        self,
        about: str,
        modality: Modality,
        claimant: str | None,
        confidence: float,
        evidence: Evidence | None,
        where: str,
    ) -> None:
        if about not in self.content:
            raise MappingError(
                f"{where} is about the undefined node {about!r}",
                where=self.ex.article.origin or self.ex.article.key,
                hint="a claim must be about an event, fact, sanction or proposition of the same source",
            )
        if not 0.0 <= confidence <= 1.0:
            raise MappingError(
                f"{where} has confidence {confidence}, outside [0, 1]",
                where=self.ex.article.origin or self.ex.article.key,
            )
        span = self.sentence(evidence)
        key = ids.claim_key(self.graph, about, modality.value, claimant, span.value if span else None)
        if key in self.claimed:
            return  # the same stance on the same node from the same sentence: one claim, written once
        self.claimed.add(key)
        c = node(key)
        w = self.w
        w.add(c, RDF_TYPE, DIP.Claim)
        w.add(c, DIP.about, node(about))
        w.add(c, DIP.modality, MOD[modality.value])
        if claimant:
            w.add(c, DIP.claimant, self.actor(claimant, f"the claimant of {where}"))
        elif modality in (Modality.ALLEGED, Modality.DENIED):
            # Someone must hold an allegation or denial; when the text names nobody, it is the
            # publisher who presents the content as alleged (or denied).
            w.add(c, DIP.claimant, self.outlet)
        w.add(c, DIP.confidence, typed(float(confidence)))
        w.add(c, PROV.wasDerivedFrom, span)
        w.add(c, PROV.wasGeneratedBy, self.run)

    def sentence(self, evidence: Evidence | None) -> Term | None:
        if evidence is None:
            return None
        art = self.ex.article
        if evidence.start is not None and evidence.end is not None:
            key = ids.sentence_key(art.key, evidence.start, evidence.end)
        else:
            key = f"{art.key}-q{ids.digest(evidence.sentence)}"
        s = node(key)
        w = self.w
        w.add(s, RDF_TYPE, DIP.Sentence)
        w.add(s, DCT.isPartOf, self.article)
        if evidence.sentence_index is not None:
            w.add(s, DIP.sentenceIndex, typed(evidence.sentence_index))
        if evidence.start is not None and evidence.end is not None:
            w.add(s, OA.start, typed(evidence.start))
            w.add(s, OA.end, typed(evidence.end))
        w.add(s, OA.exact, typed(evidence.sentence))
        return s


def _content(w: _Writer, ex: Extraction, graph: str) -> None:
    ctx = _Context(w, ex, graph)
    for actor in ex.actors:
        _actor(ctx, actor)
    ctx.content |= {e.key for e in ex.events} | {p.key for p in ex.propositions}
    ctx.content |= {s.key for s in ex.sanctions}
    ctx.content |= {f.key for f in ex.facts if f.kind in CONTENT_FACTS}
    for p in ex.propositions:
        _proposition(ctx, p)
    for e in ex.events:
        _event(ctx, e)
    for f in ex.facts:
        _fact(ctx, f)
    for s in ex.sanctions:
        _sanction(ctx, s)
    for c in ex.claims:
        ctx.claim(c.about, c.modality, c.claimant, c.confidence, c.evidence, f"a claim about {c.about}")


def _actor(ctx: _Context, a: Actor) -> None:
    w, s = ctx.w, node(a.key)
    w.add(s, RDF_TYPE, ACTOR_CLASS[a.kind])
    w.add(s, SKOS.prefLabel, text(a.name, ids.label_language(a.name)))  # a name in any script, as written
    for alias in a.aliases:
        if alias != a.name:
            w.add(s, SKOS.altLabel, text(alias, ids.label_language(alias)))
    if a.iso2:
        w.add(s, DIP.iso3166Alpha2, typed(a.iso2.upper()))
    if a.iso3:
        w.add(s, DIP.iso3166Alpha3, typed(a.iso3.upper()))
    if a.cameo_code:
        w.add(s, DIP.cameoActorCode, typed(a.cameo_code))
    if a.wikidata:
        w.add(s, DIP.wikidataId, typed(a.wikidata))
        w.add(s, SCHEMA.sameAs, WD[a.wikidata])
    if a.kind_confidence < 1.0:  # only the NER says what kind of actor this is
        w.add(s, DIP.kindConfidence, typed(round(float(a.kind_confidence), 2)))
    if a.nationality:
        w.add(s, SCHEMA.nationality, ctx.actor(a.nationality, f"the nationality of {a.key}"))
    if a.part_of:
        parent = ctx.actor(a.part_of, f"the parent of {a.key}")
        is_state = ctx.actors[a.part_of].kind is ActorKind.STATE
        w.add(s, DIP.agencyOf if is_state and a.kind is ActorKind.AGENCY else ORG.subOrganizationOf, parent)


def _dates(w: _Writer, s: Term, d: DateRange | None) -> None:
    if d is None:
        return
    if d.exact:
        w.add(s, DIP.date, typed(d.exact))
    w.add(s, DIP.dateEarliest, typed(d.earliest))
    w.add(s, DIP.dateLatest, typed(d.latest))
    if d.precision in PRECISION_UNIT:
        w.add(s, DIP.datePrecision, PRECISION_UNIT[d.precision])


def _start(w: _Writer, s: Term, d: DateRange | None, prop: Term, precision_prop: Term) -> None:
    if d is None:
        return
    w.add(s, prop, typed(d.earliest))
    if d.precision in (Precision.MONTH, Precision.YEAR):
        w.add(s, precision_prop, PRECISION_UNIT[d.precision])


def cameo_concept(code: str, where: str) -> Term:
    from graph.ontology import cameo_types

    if code not in cameo_types():
        raise MappingError(
            f"{where} has the unknown CAMEO event code {code!r}",
            hint="use a code of ontology/schemes/cameo.ttl (e.g. 041 for a phone call)",
        )
    return CAMEO[code]


def _event(ctx: _Context, e: Event) -> None:
    w, s = ctx.w, node(e.key)
    where = f"event {e.key}"
    if not e.everyone:
        raise MappingError(f"{where} has no actor, target or participant", where=ctx.ex.article.origin)
    w.add(s, RDF_TYPE, DIP.Interaction if e.directed else DIP.Event)
    w.add(s, DIP.eventType, cameo_concept(e.cameo, where))
    for a in e.actors:
        w.add(s, DIP.actor, ctx.actor(a, where))
    for t in e.targets:
        w.add(s, DIP.target, ctx.actor(t, where))
    for p in e.participants:
        w.add(s, DIP.participant, ctx.actor(p, where))
    _dates(w, s, e.date)
    if e.place:
        w.add(s, DIP.place, ctx.actor(e.place, f"the place of {where}"))
    if e.topic:
        w.add(s, DIP.topic, node(e.topic))
    if e.responds_to:
        w.add(s, DIP.respondsTo, node(e.responds_to))
    if e.modality is Modality.PLANNED:
        w.add(s, SCHEMA.eventStatus, SCHEMA.EventScheduled)
    ctx.claim(e.key, e.modality, e.claimant, e.confidence, e.evidence, where)


def _fact(ctx: _Context, f: Fact) -> None:
    w = ctx.w
    where = f"fact {f.key}"
    subject = ctx.actor(f.subject, where)
    obj = ctx.actor(f.object, where)
    if f.kind is FactKind.HOLDS_POST:
        org_actor = ctx.actors[f.object]
        title = f.title or "official"
        post_key = ids.post_key(org_actor.iso3 or org_actor.key, title)
        post = node(post_key)
        w.add(post, RDF_TYPE, DIP.Post)
        w.add(post, SKOS.prefLabel, text(f"{title[:1].upper()}{title[1:]} of {org_actor.name}"))
        w.add(post, ORG.postIn, obj)
        t = node(f.key)
        w.add(t, RDF_TYPE, DIP.Tenure)
        w.add(t, DIP.holder, subject)
        w.add(t, DIP.post, post)
        w.add(t, ORG.organization, obj)
        for role in f.roles:
            w.add(post, ORG.role, ROLE[role])
            w.add(t, ORG.role, ROLE[role])
        _start(w, t, f.start, DIP.startDate, DIP.startPrecision)
        if f.end is not None:
            w.add(t, DIP.endDate, typed(f.end.latest))
        ctx.claim(f.key, f.modality, f.claimant, f.confidence, f.evidence, where)
    elif f.kind is FactKind.KINSHIP:
        kind = f.title or "relative"
        if kind not in KINSHIP_SHORTCUT:
            raise MappingError(
                f"{where} has the unknown kinship type {kind!r}",
                hint="use one of " + ", ".join(sorted(KINSHIP_SHORTCUT)),
            )
        k = node(f.key)
        w.add(k, RDF_TYPE, DIP.Kinship)
        w.add(k, DIP.person, subject)
        w.add(k, DIP.relative, obj)
        w.add(k, DIP.kinshipType, KIN[kind])
        w.add(subject, KINSHIP_SHORTCUT[kind], obj)
        ctx.claim(f.key, f.modality, f.claimant, f.confidence, f.evidence, where)
    elif f.kind is FactKind.ASSOCIATE:
        a = node(f.key)
        w.add(a, RDF_TYPE, DIP.Association)
        w.add(a, DIP.person, subject)
        w.add(a, DIP.associate, obj)
        if f.title:
            w.add(a, DIP.relationship, typed(f.title))
        w.add(subject, DIP.associateOf, obj)
        ctx.claim(f.key, f.modality, f.claimant, f.confidence, f.evidence, where)
    elif f.kind is FactKind.AGENCY_OF:
        w.add(subject, DIP.agencyOf, obj)
    elif f.kind is FactKind.PART_OF:
        w.add(subject, ORG.subOrganizationOf, obj)
    elif f.kind is FactKind.NATIONALITY:
        w.add(subject, SCHEMA.nationality, obj)
    elif f.kind is FactKind.MEMBER_OF:
        w.add(subject, ORG.memberOf, obj)


def _sanction(ctx: _Context, sa: Sanction) -> None:
    w, s = ctx.w, node(sa.key)
    where = f"sanction {sa.key}"
    if not sa.imposers:
        raise MappingError(f"{where} names no imposing authority", where=ctx.ex.article.origin)
    w.add(s, RDF_TYPE, DIP.Sanction)
    for imposer in sa.imposers:
        w.add(s, DIP.imposedBy, ctx.actor(imposer, where))
    w.add(s, DIP.sanctionTarget, ctx.actor(sa.target, where))
    _start(w, s, sa.start, DIP.startDate, DIP.startPrecision)
    w.add(s, DIP.program, typed(sa.program) if sa.program else None)
    w.add(s, DIP.legalBasis, typed(sa.legal_basis) if sa.legal_basis else None)
    if sa.reason:
        w.add(s, DIP.statedReason, node(sa.reason))
    if sa.event:
        w.add(s, DIP.establishedBy, node(sa.event))
    ctx.claim(sa.key, sa.modality, sa.claimant, sa.confidence, sa.evidence, where)


def _proposition(ctx: _Context, p: Proposition) -> None:
    w, s = ctx.w, node(p.key)
    w.add(s, RDF_TYPE, DIP.Proposition)
    w.add(s, RDFS_LABEL, text(p.label))
    for c in p.concerns:
        w.add(s, DIP.concerns, ctx.actor(c, f"proposition {p.key}"))
