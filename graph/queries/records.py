"""What the lookups return: frozen dataclasses of plain values, and lists of them.

No rdflib or pyoxigraph object ever appears here: IRIs are strings, dates are
:class:`datetime.date`, numbers are ``int``/``float``. Every record has ``to_dict()`` (JSON-ready,
nested) and ``to_record()`` (flat: one value per column, for CSV and data frames), and a
:class:`ResultList` adds ``to_dataframe()`` when pandas is installed.

Example:
    >>> rows = ResultList([ActorRef("https://w3id.org/diplograph/id/COL", "Colombia")])
    >>> rows.to_records()
    [{'iri': 'https://w3id.org/diplograph/id/COL', 'label': 'Colombia'}]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from graph.queries.conversions import Record
from graph.queries.conversions import ResultList as ResultList  # public here too: what the lookups return
from graph.queries.modalities import happened, leading_modality


@dataclass(frozen=True)
class ActorRef(Record):
    """An actor named in a result: its IRI and label."""

    iri: str
    label: str

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Actor(Record):
    """An actor: person, state, agency, international or other organisation, outlet or group.

    Attributes:
        kind: ``person``, ``state``, ``agency``, ``igo``, ``organization``, ``media`` or ``group``.
        nationality: the IRI of a person's state; ``part_of``: an agency's state or parent.
    """

    iri: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    iso2: str | None = None
    iso3: str | None = None
    wikidata: str | None = None
    nationality: str | None = None
    part_of: str | None = None

    @property
    def ref(self) -> ActorRef:
        return ActorRef(self.iri, self.label)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Evidence(Record):
    """One claim's source: the sentence, its offsets and article, and the stance it takes."""

    claim: str
    modality: str
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    article: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    claimant: str | None = None
    confidence: float | None = None
    origin: str | None = None
    """The news agency whose copy the article runs ("Reuters" for a Reuters story on Dunya News),
    given by :meth:`graph.queries.api.KnowledgeGraph.sources`; not part of :meth:`values`."""

    def __str__(self) -> str:
        return self.sentence or self.claim

    def values(self) -> Cited:
        """The fields in order: ``Evidence(*e.values()) == e``."""
        return (
            self.claim,
            self.modality,
            self.sentence,
            self.start,
            self.end,
            self.article,
            self.title,
            self.outlet,
            self.url,
            self.published,
            self.claimant,
            self.confidence,
        )

    def edge_dict(self) -> dict[str, Any]:
        """The dict stored in a network edge's ``evidence`` list (written out: it runs once per cited
        claim of the whole graph; ``graph.queries.cited.cited_from_digests`` writes the same layout).

        Example:
            >>> Evidence("u:c", "denied", "No.", 0, 3, published=dt.date(2026, 1, 5)).edge_dict()["published"]
            '2026-01-05'
        """
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "article": self.article,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "modality": self.modality,
            "claimant": self.claimant,
            "confidence": self.confidence,
        }


Cited = tuple[
    str, str, str | None, int | None, int | None, str | None, str | None, str | None, str | None, dt.date | None,
    str | None, float | None,
]  # fmt: skip
"""The fields of an :class:`Evidence` record, in order: what whole-store reads build per cited claim
(a tuple costs a fraction of a record, and a network edge needs only its dict)."""


@dataclass(frozen=True)
class Relation(Record):
    """An event between actors, with its type, date window, modalities, evidence and source counts.

    Directed events have ``actors`` and ``targets``; symmetric ones (a phone call) have
    ``participants`` only. ``modalities`` are the distinct stances of its claims.
    """

    event: str
    cameo: str | None
    label: str | None
    root: str | None
    quad_class: int | None
    goldstein: float | None
    actors: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    participants: tuple[ActorRef, ...]
    date: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str | None
    modalities: tuple[str, ...]
    sources: int
    confidence: float | None
    evidence: tuple[Evidence, ...] = ()
    independent_sources: int | None = None
    """Sources that are not copies of one another (syndicated copies of one wire story count once,
    :mod:`graph.coreference`); ``sources`` when nothing was counted."""

    def __post_init__(self) -> None:
        if self.independent_sources is None:
            object.__setattr__(self, "independent_sources", self.sources)

    @classmethod
    def of(cls, *values: Any) -> Relation:
        """``Relation(*values)`` (every field up to the evidence, then optionally the independent source
        count) without the dataclass ``__init__``, which sets each field through
        ``object.__setattr__``: three times faster, for the whole-store reads that build one per
        event of the store.

        Example:
            >>> values = ("u:e", None, None, None, None, None, (), (), (), None, None, None, None, (), 0, None, ())
            >>> Relation.of(*values) == Relation(*values)
            True
        """
        new = object.__new__(cls)
        fields_ = new.__dict__
        fields_.update(zip(_RELATION_FIELDS, values, strict=False))  # independent_sources may be left out
        if len(values) < len(_RELATION_FIELDS) - 1 or len(values) > len(_RELATION_FIELDS):
            raise TypeError(f"Relation.of takes {len(_RELATION_FIELDS) - 1} or {len(_RELATION_FIELDS)} values")
        if fields_.get("independent_sources") is None:
            fields_["independent_sources"] = fields_["sources"]
        return new

    @classmethod
    def of_parts(cls, parts: EventParts, evidence: tuple[Evidence, ...] = ()) -> Relation:
        """The relation of an event's :data:`EventParts` and its ``evidence``.

        Example:
            >>> r = Relation("u:e", "138", None, "13", 3, -7.0, (), (), (), None, None, None, None, (), 1, None)
            >>> Relation.of_parts(r.parts()) == r
            True
        """
        event, kind, actors, targets, participants, window, modalities, sources, confidence = parts
        return cls.of(event, *kind, actors, targets, participants, *window, modalities, sources, confidence, evidence)

    def parts(self) -> EventParts:
        """This relation's fields (but the evidence) grouped as :data:`EventParts`."""
        return (
            self.event,
            (self.cameo, self.label, self.root, self.quad_class, self.goldstein),
            self.actors,
            self.targets,
            self.participants,
            (self.date, self.earliest, self.latest, self.precision),
            self.modalities,
            self.sources,
            self.confidence,
        )

    @property
    def symmetric(self) -> bool:
        return not self.actors and not self.targets

    @property
    def modality(self) -> str | None:
        """The event's stance by precedence (asserted > alleged > denied > planned > hypothetical)."""
        return leading_modality(self.modalities)

    @property
    def happened(self) -> bool:
        """False when every claim about it is planned or hypothetical."""
        return happened(self.modalities)

    def to_record(self) -> dict[str, Any]:
        rec = super().to_record()
        rec["evidence"] = len(self.evidence)
        rec["modality"] = self.modality
        return rec


_RELATION_FIELDS = tuple(f.name for f in fields(Relation))

Kind = tuple[str | None, str | None, str | None, int | None, float | None]
"""An event type's (CAMEO code, label, root code, quad class, Goldstein value)."""
Window = tuple[dt.date | None, dt.date | None, dt.date | None, str | None]
"""An event's (date, earliest, latest, precision)."""
EventParts = tuple[
    str, Kind, tuple[ActorRef, ...], tuple[ActorRef, ...], tuple[ActorRef, ...], Window, tuple[str, ...], int,
    float | None,
]  # fmt: skip
"""A :class:`Relation` without evidence, its fields grouped as the whole-store reads share them:
(event, kind, actors, targets, participants, window, modalities, sources, confidence). A large store
has few thousand distinct kinds, windows and actor lists, so events share those tuples, and whatever
is derived from one (ISO dates, a filter's verdict) is worked out once per distinct value."""


@dataclass(frozen=True)
class Sanction(Record):
    """One designation of one target, with who imposed it, why, and who denies the reason;
    ``reports`` lists the sanction nodes of the sources it was read from when several reports of
    one designation were merged (:func:`graph.queries.facts.designations`)."""

    sanction: str
    target: ActorRef
    imposed_by: tuple[ActorRef, ...]
    authority_states: tuple[ActorRef, ...]
    program: str | None
    legal_basis: str | None
    start: dt.date | None
    end: dt.date | None
    reason: str | None
    reason_alleged_by: tuple[ActorRef, ...]
    reason_denied_by: tuple[ActorRef, ...]
    event: str | None
    sources: int
    reports: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role(Record):
    """A tenure: who held which post in which organisation, when."""

    tenure: str
    person: ActorRef
    post: str | None
    organization: ActorRef | None
    roles: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    sources: int


@dataclass(frozen=True)
class Kinship(Record):
    """A family tie, read as "``relative`` is the ``type`` of ``person``"."""

    kinship: str | None
    person: ActorRef
    relative: ActorRef
    type: str
    start: dt.date | None
    end: dt.date | None
    sources: int


@dataclass(frozen=True)
class Association(Record):
    """A tie other than family (FollowTheMoney's Associate), read as "``associate`` is the
    ``relationship`` of ``person``"; ``relationship`` is the source's own words, or None."""

    association: str | None
    person: ActorRef
    associate: ActorRef
    relationship: str | None
    sources: int


@dataclass(frozen=True)
class ClaimRow(Record):
    """One source's stance on one content node (event, sanction, proposition, tenure, kinship)."""

    claim: str
    about: str
    about_label: str | None
    about_kind: str | None
    modality: str
    claimant: ActorRef | None
    confidence: float | None
    source: str | None
    evidence: Evidence | None

    def __str__(self) -> str:
        who = self.claimant.label if self.claimant else (self.source or "the source")
        return f"{self.modality} by {who}"


@dataclass(frozen=True)
class Contradiction(Record):
    """Two claims that disagree, neither taken as fact.

    ``kind`` is ``polarity`` (one denies what the other asserts or alleges), or, across the reports
    of one event (:mod:`graph.coreference`), ``date`` (different days), ``initiator`` (who called
    whom), ``status`` (still planned after another source reported it held) or ``participants``;
    ``detail`` says what differs.
    """

    about: str
    about_label: str | None
    first: ClaimRow
    second: ClaimRow
    across_sources: bool
    kind: str = "polarity"
    detail: str | None = None

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "about": self.about, "about_label": self.about_label}
        for side, c in (("first", self.first), ("second", self.second)):
            out[f"{side}_modality"] = c.modality
            out[f"{side}_claimant"] = c.claimant.label if c.claimant else None
            out[f"{side}_source"] = c.source
            out[f"{side}_sentence"] = c.evidence.sentence if c.evidence else None
        out["across_sources"] = self.across_sources
        out["detail"] = self.detail
        return out


@dataclass(frozen=True)
class Merge(Record):
    """One report read as an event of several reports (:mod:`graph.coreference`): the rule that merged
    it and its score; the event's own (canonical) report has rule ``canonical`` and score 1."""

    event: str
    report: str
    rule: str
    score: float
    relation: Relation
    """The report as its source gives it (type, actors, date, modality, evidence)."""

    def to_record(self) -> dict[str, Any]:
        r = self.relation
        sides = " -> ".join(", ".join(a.label for a in side) for side in (r.actors, r.targets) if side)
        return {
            "event": self.event,
            "report": self.report,
            "rule": self.rule,
            "score": self.score,
            "date": r.date or r.earliest,
            "cameo": r.cameo,
            "who": sides or ", ".join(a.label for a in r.participants),
            "modality": r.modality,
            "outlets": ", ".join(sorted({e.outlet for e in r.evidence if e.outlet})),
        }


@dataclass(frozen=True)
class BalanceRow(Record):
    """Cooperation and conflict of a dyad in one period (GDELT quad classes and Goldstein scale)."""

    period: str
    events: int
    cooperative: int
    conflictual: int
    neutral: int
    goldstein_sum: float
    goldstein_mean: float | None
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int


@dataclass(frozen=True)
class PathStep(Record):
    """One hop of a path between actors, with the events that link the two ends."""

    source: ActorRef
    target: ActorRef
    events: tuple[str, ...]
    labels: tuple[str, ...]
