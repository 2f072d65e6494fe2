"""Plain data passed between the stages: articles in, extractions out.

Frozen dataclasses and enums from the standard library only, so every stage (sources,
extraction, the curated loader, triples) shares one vocabulary without importing RDF or NLP.
Actors, events and facts refer to each other by *key* (the local name of their IRI, made by
:mod:`graph.ids`), so an extraction is a self-contained value that can be printed as JSON.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ActorKind(StrEnum):
    """What sort of actor a node is; each maps to one ontology class."""

    PERSON = "person"
    STATE = "state"
    AGENCY = "agency"
    IGO = "igo"
    ORGANIZATION = "organization"
    MEDIA = "media"
    GROUP = "group"
    SITE = "site"


class Modality(StrEnum):
    """A source's stance on a content node (the ``mod:`` scheme)."""

    ASSERTED = "asserted"
    ALLEGED = "alleged"
    DENIED = "denied"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"


class Precision(StrEnum):
    """How precisely a source dates something."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class FactKind(StrEnum):
    """Kinds of non-event facts an extraction can state."""

    HOLDS_POST = "holds_post"  # person holds a post (title) in a state/organisation -> dip:Tenure
    KINSHIP = "kinship"  # relative is the <type> of person -> dip:Kinship
    ASSOCIATE = "associate"  # object is the <title> (relationship) of subject, not family -> dip:Association
    AGENCY_OF = "agency_of"  # agency belongs to a state -> dip:agencyOf
    PART_OF = "part_of"  # organisation inside another -> org:subOrganizationOf
    NATIONALITY = "nationality"  # person -> state -> schema:nationality
    MEMBER_OF = "member_of"  # state/organisation member of an organisation -> org:memberOf


@dataclass(frozen=True)
class DateRange:
    """A date known to some precision, stored as inclusive bounds.

    Example:
        >>> d = DateRange.month(2025, 10)
        >>> (d.earliest.isoformat(), d.latest.isoformat(), d.precision.value)
        ('2025-10-01', '2025-10-31', 'month')
    """

    earliest: date
    latest: date
    precision: Precision

    def __post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValueError(f"date range ends before it starts: {self.earliest} > {self.latest}")

    @classmethod
    def day(cls, d: date) -> DateRange:
        return cls(d, d, Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> DateRange:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> DateRange:
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    @classmethod
    def between(cls, earliest: date, latest: date) -> DateRange:
        """A window known only by its bounds (e.g. 'after the sanctions, before the article')."""
        return cls(earliest, latest, Precision.UNKNOWN)

    @property
    def exact(self) -> date | None:
        """The day, when the range is one known day."""
        return self.earliest if self.precision is Precision.DAY else None

    def iso(self) -> str:
        """Shortest ISO form: ``2026-01-04``, ``2025-10``, ``2025`` or ``2025-10-01/2026-01-15``."""
        if self.precision is Precision.DAY:
            return self.earliest.isoformat()
        if self.precision is Precision.MONTH:
            return self.earliest.isoformat()[:7]
        if self.precision is Precision.YEAR:
            return str(self.earliest.year)
        return f"{self.earliest.isoformat()}/{self.latest.isoformat()}"


@dataclass(frozen=True)
class Evidence:
    """Where in an article a claim comes from, and which rule produced it.

    ``start``/``end`` are code-point offsets into :attr:`Article.text` (end exclusive), so
    ``article.text[start:end] == sentence``; they are ``None`` when only a quote is known
    (curated facts about an article whose text is not at hand).
    """

    sentence: str
    start: int | None = None
    end: int | None = None
    sentence_index: int | None = None
    rule: str = ""


@dataclass(frozen=True)
class Article:
    """A source document as read by :mod:`graph.sources`."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str = "en"
    origin: str | None = None  # file path or record locator, for messages

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def key(self) -> str:
        """Local name of the article's IRI: ``doc-`` + 16 hex digits of its text's SHA-256.

        An article known only by reference (no text, as in curated files) is keyed by its id.
        """
        if self.text or not self.id:
            return "doc-" + self.sha256[:16]
        return "doc-" + hashlib.sha256(("id:" + self.id).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Actor:
    """An actor as one source describes it.

    ``part_of`` is the parent organisation or state of an agency (``dip:agencyOf`` when the
    parent is a state, ``org:subOrganizationOf`` otherwise). ``kind_confidence`` says how sure the
    source is of the kind: 1 for a known state, agency, organisation or office holder, or a name a
    title or the dictionary vouches for; lower for the NER's guesses ("Says" as a person, "Energy" as
    an organisation).
    """

    key: str
    kind: ActorKind
    name: str
    aliases: tuple[str, ...] = ()
    iso2: str | None = None
    iso3: str | None = None
    cameo_code: str | None = None
    wikidata: str | None = None
    nationality: str | None = None
    part_of: str | None = None
    kind_confidence: float = 1.0


@dataclass(frozen=True)
class Mention:
    """One place in the text where an actor is named."""

    actor: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """Something that happened or is said to be going to happen.

    Directed events have ``actors`` (sources) and ``targets``; symmetric ones (a phone call,
    a summit without a host) have ``participants`` only. The inline modality, claimant,
    confidence and evidence form the event's claim.
    """

    key: str
    cameo: str
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    date: DateRange | None = None
    place: str | None = None
    modality: Modality = Modality.ASSERTED
    claimant: str | None = None
    confidence: float = 1.0
    evidence: Evidence | None = None
    topic: str | None = None
    responds_to: str | None = None

    @property
    def directed(self) -> bool:
        return bool(self.actors)

    @property
    def everyone(self) -> tuple[str, ...]:
        return self.actors + self.targets + self.participants


@dataclass(frozen=True)
class Fact:
    """A statement that is not an event: a post held, a family tie, an agency's state.

    For ``HOLDS_POST`` the subject is the person, the object the state or organisation,
    ``title`` the post's title ("President") and ``roles`` role concepts ("headOfState").
    For ``KINSHIP`` the subject is the person, the object the relative, ``title`` the kinship
    type (``spouse``, ``child``, ``parent``, ``sibling``, ``relative``): "object is subject's <title>".
    For ``ASSOCIATE`` (a tie other than family) the subject is the person, the object the associate,
    ``title`` the relationship in the source's words ("business partner"), or None.
    """

    key: str
    kind: FactKind
    subject: str
    object: str
    title: str | None = None
    roles: tuple[str, ...] = ()
    start: DateRange | None = None
    end: DateRange | None = None
    modality: Modality = Modality.ASSERTED
    claimant: str | None = None
    confidence: float = 1.0
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Proposition:
    """The content of an allegation or denial that is not an event ("relatives have drug ties")."""

    key: str
    label: str
    concerns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sanction:
    """One designation of one target by one or more authorities."""

    key: str
    imposers: tuple[str, ...]
    target: str
    start: DateRange | None = None
    program: str | None = None
    legal_basis: str | None = None
    reason: str | None = None  # key of a Proposition
    event: str | None = None  # key of the designation Event
    modality: Modality = Modality.ASSERTED
    claimant: str | None = None
    confidence: float = 1.0
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Claim:
    """A further stance on a content node (an event, fact, sanction or proposition)."""

    about: str
    modality: Modality
    claimant: str | None = None
    confidence: float = 1.0
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Extractor:
    """The software (or person) that produced an extraction."""

    name: str
    version: str
    model: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything one extractor says about one article."""

    article: Article
    extractor: Extractor
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    sanctions: tuple[Sanction, ...] = ()
    propositions: tuple[Proposition, ...] = ()
    claims: tuple[Claim, ...] = ()
    mentions: tuple[Mention, ...] = ()
    notes: tuple[str, ...] = field(default=())
    wire: str | None = None
    """The news agency the article credits as its origin (graph.extract.wire), when it runs one's copy."""
