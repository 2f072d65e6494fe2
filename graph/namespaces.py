"""Namespaces: the closed ``dip:`` namespace and the prefixes every output binds.

:class:`DIP` lists exactly the terms that ``ontology/diplograph.ttl`` defines (a test checks
both directions), so a typo such as ``DIP.acter`` fails at once instead of minting a new IRI.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

from graph import ids


class DIP(DefinedNamespace):
    """The diplograph ontology (``dip:``)."""

    _NS = Namespace(ids.ONTOLOGY)
    _fail = True

    # classes
    Actor: object
    Person: object
    Organization: object
    State: object
    GovernmentAgency: object
    InternationalOrganization: object
    MediaOutlet: object
    Group: object
    Post: object
    Site: object
    Programme: object
    Tenure: object
    Kinship: object
    Association: object
    Sanction: object
    Event: object
    Interaction: object
    Participation: object
    Proposition: object
    Claim: object
    Article: object
    TextSpan: object
    Sentence: object
    ExtractionRun: object
    Extractor: object
    SourceGraph: object
    Dataset: object
    DatasetFile: object
    DatasetRecord: object
    ImportRun: object
    # schemes
    cameoScheme: object
    ploverScheme: object
    modalityScheme: object
    roleScheme: object
    kinshipScheme: object
    # structure and identity
    agencyOf: object
    officialOf: object
    headOfState: object
    headOfGovernment: object
    diplomaticRelationWith: object
    party: object
    wikidataId: object
    iso3166Alpha2: object
    iso3166Alpha3: object
    cameoActorCode: object
    # tenures, kinship, associations, sanctions
    holder: object
    post: object
    startDate: object
    endDate: object
    startPrecision: object
    endPrecision: object
    datePrecision: object
    person: object
    relative: object
    kinshipType: object
    relativeOf: object
    spouseOf: object
    siblingOf: object
    parentOf: object
    childOf: object
    associate: object
    relationship: object
    associateOf: object
    imposedBy: object
    sanctionTarget: object
    program: object
    programId: object
    legalBasis: object
    authorityId: object
    measure: object
    statedReason: object
    listingDate: object
    establishedBy: object
    # events
    eventType: object
    participant: object
    actor: object
    target: object
    hasParticipation: object
    participantAgent: object
    participantRole: object
    onBehalfOf: object
    inCapacity: object
    actorState: object
    targetState: object
    involvesState: object
    date: object
    dateEarliest: object
    dateLatest: object
    place: object
    topic: object
    respondsTo: object
    concerns: object
    propositionType: object
    # claims and provenance
    about: object
    modality: object
    claimant: object
    confidence: object
    contradicts: object
    corroborates: object
    kindConfidence: object
    # identity across sources (graph.identity)
    identityRule: object
    identityAlias: object
    # one event across sources (graph.coreference)
    sameEventAs: object
    mergeRule: object
    mergeScore: object
    sourceCount: object
    independentSourceCount: object
    heldAs: object
    postponedTo: object
    wireOrigin: object
    SourceContradiction: object
    contradictionKind: object
    disputedEvent: object
    firstClaim: object
    secondClaim: object
    fromDocument: object
    sentenceIndex: object
    contentSha256: object
    modelName: object
    # imported datasets (graph.importers)
    inDataset: object
    fromFile: object
    lineNumber: object
    numMentions: object
    numSources: object
    numArticles: object
    matchRule: object
    matchEvidence: object
    matchedActor: object
    # read index (graph.digests)
    eventDigest: object
    claimDigest: object
    articleDigest: object
    digestFormat: object
    # scheme annotations
    goldstein: object
    quadClass: object
    ploverMode: object
    polarity: object
    certainty: object
    temporality: object
    shortcut: object


DIPD = Namespace(ids.ID)
DIPG = Namespace(ids.GRAPH)
CAMEO = Namespace(ids.SCHEME + "cameo/")
PLOVER = Namespace(ids.SCHEME + "plover/")
MOD = Namespace(ids.SCHEME + "modality/")
ROLE = Namespace(ids.SCHEME + "role/")
KIN = Namespace(ids.SCHEME + "kinship/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")

# The prefixes live in graph.prefixes (no rdflib import, for fast start-up); re-exported here.
from graph.prefixes import PREFIXES, sparql_prologue  # noqa: E402

__all__ = [
    "CAMEO",
    "DIP",
    "DIPD",
    "DIPG",
    "KIN",
    "MOD",
    "OA",
    "ORG",
    "PLOVER",
    "PREFIXES",
    "PROV",
    "ROLE",
    "SCHEMA",
    "TIME",
    "WD",
    "sparql_prologue",
]
