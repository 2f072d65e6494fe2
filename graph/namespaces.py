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
    # tenures, kinship, sanctions
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
    fromDocument: object
    sentenceIndex: object
    contentSha256: object
    modelName: object
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

PREFIXES: dict[str, str] = {
    "dip": ids.ONTOLOGY,
    "dipd": ids.ID,
    "dipg": ids.GRAPH,
    "cameo": str(CAMEO),
    "plover": str(PLOVER),
    "mod": str(MOD),
    "role": str(ROLE),
    "kin": str(KIN),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "oa": str(OA),
    "time": str(TIME),
    "wd": str(WD),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def sparql_prologue() -> str:
    """``PREFIX`` declarations for every bound prefix, on one line with no line break, so that
    the line numbers in a parser's error message still match the user's query."""
    return "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items())
