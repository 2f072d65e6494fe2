"""Generate the SKOS concept schemes in ``ontology/schemes/``.

Reads the shared vocabulary files (``cameo_event_codes.csv``, ``cameo_to_plover.csv``,
``plover_event_types.json``) and the small tables written below, and writes five Turtle
files: ``cameo.ttl``, ``plover.ttl``, ``modality.ttl``, ``role.ttl`` and ``kinship.ttl``.

Only facts are carried over from the sources (codes, names, hierarchy, scores, mappings).
The prose of the CAMEO codebook (descriptions, usage notes) and of the PLOVER manual
(definitions) is not copied. The output is deterministic: running the script twice gives
byte-identical files.

Usage:
    python scripts/generate_schemes.py [--vocab DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS, XSD
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VOCAB = REPO_ROOT.parent / "shared" / "vocab"
DEFAULT_OUT = REPO_ROOT / "ontology" / "schemes"
GENERATOR = "scripts/generate_schemes.py"

DIP = Namespace("https://w3id.org/diplograph/ontology#")
CAMEO = Namespace("https://w3id.org/diplograph/scheme/cameo/")
PLOVER = Namespace("https://w3id.org/diplograph/scheme/plover/")
MOD = Namespace("https://w3id.org/diplograph/scheme/modality/")
ROLE = Namespace("https://w3id.org/diplograph/scheme/role/")
KIN = Namespace("https://w3id.org/diplograph/scheme/kinship/")
GRASPF = Namespace("http://groundedannotationframework.org/grasp/factuality#")

MIT = URIRef("http://spdx.org/licenses/MIT")
CC_BY_SA_4 = URIRef("https://creativecommons.org/licenses/by-sa/4.0/")

CAMEO_FILE = "cameo_event_codes.csv"
CROSSWALK_FILE = "cameo_to_plover.csv"
PLOVER_FILE = "plover_event_types.json"

ICEWS_SOURCE = "ICEWS CAMEO codebook (andybega/icews data-raw/cameo-codes.csv)"
ICEWS_COMMIT = "3746c729551f5fcb5a49f643f82638011a5fcfec"
GDELT_SOURCE = (
    "GDELT CAMEO lookup tables CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt"
    " (as copied in mpiccirilli/UNDP-BCPR-Project)"
)
GDELT_COMMIT = "e009a802f0e801526a6ff9a70d452b5cecd7ccb6"
PLOVER_SOURCE = "openeventdata/PLOVER CAMEO2PLOVER-2021.txt / PLOVER manual draft 0.8"
PLOVER_COMMIT = "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f"
PLOVER_RIGHTS_HOLDER = "Open Event Data Alliance"

# ---------------------------------------------------------------- data tables

#: Repairs of broken GDELT names (encoding damage, typos): code -> (name as read after
#: whitespace normalisation, repaired name). A repair applies only to the exact name.
GDELT_NAME_FIXES: dict[str, tuple[str, str]] = {
    "033": (
        "Express intent to provide matyerial aid, not specified below",
        "Express intent to provide material aid, not specified below",
    ),
    "044": ("Meet at a ÒhirdÓlocation", "Meet at a 'third' location"),
    "2041": (
        "Use chemical, biological, or radiologicalweapons",
        "Use chemical, biological, or radiological weapons",
    ),
}

#: Codes whose GDELT name belongs to another CAMEO code (GDELT's table is out of step
#: with the codebook and with PLOVER for these DEMAND codes: "105 Demand mediation" is
#: 108 in the codebook, and the children of 101/105 do not fit the GDELT names).
#: These GDELT names are not used as altLabels.
GDELT_NAME_MISALIGNED: frozenset[str] = frozenset({"101", "105", "106", "107", "108"})

PLOVER_QUAD_CLASS: dict[str, int] = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}


@dataclass(frozen=True)
class Modality:
    """One concept of the modality scheme with its GRaSP factuality values."""

    name: str
    definition: str
    certainty: str
    polarity: str
    temporality: str | None


MODALITIES: tuple[Modality, ...] = (
    Modality(
        "asserted",
        "The claimant presents the content as a fact.",
        "CERTAIN",
        "POSITIVE",
        "NONFUTURE",
    ),
    Modality(
        "alleged",
        "The content is an accusation or an unverified statement made by the claimant.",
        "PROBABLE",
        "POSITIVE",
        "NONFUTURE",
    ),
    Modality(
        "denied",
        "The claimant says that the content is false.",
        "CERTAIN",
        "NEGATIVE",
        "NONFUTURE",
    ),
    Modality(
        "planned",
        "The content is a future event that has been announced or scheduled.",
        "PROBABLE",
        "POSITIVE",
        "FUTURE",
    ),
    Modality(
        "hypothetical",
        "The content is put forward as conditional or speculative (could, would, if).",
        "POSSIBLE",
        "POSITIVE",
        None,
    ),
)


@dataclass(frozen=True)
class RoleConcept:
    """One concept of the role scheme."""

    name: str
    label: str
    alt_labels: tuple[str, ...]
    definition: str
    role_property: str | None = None


ROLES: tuple[RoleConcept, ...] = (
    RoleConcept(
        "headOfState",
        "head of state",
        ("chief of state", "monarch", "king", "queen"),
        "Holds the highest office of a state and represents it, whatever the title.",
        "headOfState",
    ),
    RoleConcept(
        "headOfGovernment",
        "head of government",
        ("chief of government", "government leader"),
        "Leads the executive (the government or cabinet) of a state, whatever the title.",
        "headOfGovernment",
    ),
    RoleConcept(
        "president",
        "president",
        ("president of the republic", "state president"),
        "Holds an office titled president, of a state or of an organisation.",
    ),
    RoleConcept(
        "primeMinister",
        "prime minister",
        ("premier", "PM", "first minister", "chancellor", "federal chancellor"),
        "Holds an office titled prime minister, premier or chancellor that heads a government.",
    ),
    RoleConcept(
        "vicePresident",
        "vice president",
        ("vice-president", "VP", "deputy president"),
        "Holds an office titled vice president, deputy to a president.",
    ),
    RoleConcept(
        "foreignMinister",
        "foreign minister",
        (
            "foreign secretary",
            "minister of foreign affairs",
            "minister for foreign affairs",
            "foreign affairs minister",
            "minister of external affairs",
            "external affairs minister",
        ),
        "Member of a government in charge of its foreign affairs, whatever the title.",
    ),
    RoleConcept(
        "minister",
        "minister",
        ("cabinet minister", "government minister", "cabinet secretary"),
        "Member of a government in charge of a ministry or portfolio.",
    ),
    RoleConcept(
        "secretaryOfState",
        "secretary of state",
        ("US secretary of state", "U.S. secretary of state"),
        "Holds an office titled secretary of state (in the United States, the foreign minister).",
    ),
    RoleConcept(
        "ambassador",
        "ambassador",
        (
            "ambassador extraordinary and plenipotentiary",
            "permanent representative",
            "high commissioner",
            "head of mission",
        ),
        "Heads a state's diplomatic mission to another state or to an international organisation.",
    ),
    RoleConcept(
        "envoy",
        "envoy",
        ("special envoy", "special representative", "emissary", "presidential envoy"),
        "Diplomatic agent sent on a particular mission, other than a resident ambassador.",
    ),
    RoleConcept(
        "spokesperson",
        "spokesperson",
        ("spokesman", "spokeswoman", "press secretary", "official spokesperson"),
        "Speaks in public on behalf of a person, government or organisation.",
    ),
    RoleConcept(
        "senator",
        "senator",
        ("member of the senate", "US senator", "state senator"),
        "Member of a senate, the upper chamber of a legislature.",
    ),
    RoleConcept(
        "governor",
        "governor",
        (
            "state governor",
            "provincial governor",
            "regional governor",
            "departmental governor",
        ),
        "Heads the executive of a sub-national unit (state, province, department, region).",
    ),
    RoleConcept(
        "mayor",
        "mayor",
        ("lord mayor", "city mayor"),
        "Heads the government of a city or municipality.",
    ),
    RoleConcept(
        "militaryCommander",
        "military commander",
        (
            "commander",
            "army commander",
            "armed forces commander",
            "chief of defence",
            "chief of defense",
        ),
        "Commands armed forces or a military unit.",
    ),
    RoleConcept(
        "director",
        "director",
        (
            "director general",
            "director-general",
            "agency director",
            "head of agency",
            "administrator",
            "executive director",
        ),
        "Heads a government agency or another organisation below the level of a minister.",
    ),
    RoleConcept(
        "member",
        "member",
        ("delegate", "affiliate"),
        "Belongs to an organisation, body, delegation or group without leading it.",
    ),
    RoleConcept(
        "leader",
        "leader",
        (
            "head",
            "chief",
            "chair",
            "chairperson",
            "chairman",
            "chairwoman",
            "party leader",
            "secretary general",
            "secretary-general",
        ),
        "Heads an organisation, party, group or movement when no more specific role applies.",
    ),
    RoleConcept(
        "host",
        "host",
        ("hosting party", "host country", "host government"),
        "Participant that receives the others at a visit, meeting or summit.",
    ),
    RoleConcept(
        "guest",
        "guest",
        ("visitor", "visiting party", "visiting delegation", "invitee"),
        "Participant that visits, or is received by, the host.",
    ),
)


@dataclass(frozen=True)
class KinshipConcept:
    """One concept of the kinship scheme ("the relative is the <type> of the person")."""

    name: str
    label: str
    alt_labels: tuple[str, ...]
    definition: str
    shortcut: str


KINSHIP: tuple[KinshipConcept, ...] = (
    KinshipConcept(
        "spouse",
        "spouse",
        ("wife", "husband"),
        "The relative is married to the person.",
        "spouseOf",
    ),
    KinshipConcept(
        "child",
        "child",
        ("son", "daughter", "offspring"),
        "The relative is the person's child, so the person is the relative's parent.",
        "parentOf",
    ),
    KinshipConcept(
        "parent",
        "parent",
        ("father", "mother"),
        "The relative is the person's parent, so the person is the relative's child.",
        "childOf",
    ),
    KinshipConcept(
        "sibling",
        "sibling",
        ("brother", "sister"),
        "The relative is the person's brother or sister.",
        "siblingOf",
    ),
    KinshipConcept(
        "relative",
        "relative",
        ("relatives", "family", "family member", "kin"),
        "The relative belongs to the person's family; the exact relationship is not stated.",
        "relativeOf",
    ),
)

#: The generic kinship concept; the others are skos:broader it, as dip:spouseOf etc.
#: are sub-properties of dip:relativeOf.
KINSHIP_GENERIC = "relative"

# ---------------------------------------------------------------- reading the sources


class VocabError(ValueError):
    """A source file is missing or does not have the expected content."""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code as written to cameo.ttl."""

    code: str
    parent: str | None
    quad_class: int
    label: str
    alt_label: str | None
    goldstein: Decimal
    #: Set when GDELT and ICEWS disagree, or GDELT has no value.
    goldstein_note: str | None


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type."""

    name: str
    quad_class: int
    legacy_names: tuple[str, ...]


@dataclass(frozen=True)
class CrosswalkRow:
    """One CAMEO -> PLOVER mapping."""

    cameo_code: str
    plover_type: str
    mode: str | None


def clean_label(name: str) -> str:
    """Normalise whitespace and turn an ALL-CAPS name into sentence case.

    >>> clean_label("MAKE PUBLIC  STATEMENT")
    'Make public statement'
    """
    name = re.sub(r"\s+", " ", name).strip()
    if name.isupper():
        name = name[0] + name[1:].lower()
    return name


def parse_decimal(text: str, where: str) -> Decimal:
    """Parse a Goldstein value such as ``-2.0``."""
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise VocabError(f"{where}: not a number: {text!r}") from exc
    if not value.is_finite():
        raise VocabError(f"{where}: not a finite number: {text!r}")
    return value


def cameo_labels(code: str, name_icews: str, name_gdelt: str) -> tuple[str, str | None]:
    """The prefLabel (ICEWS name, else GDELT name) and altLabel (the other, if different)."""
    icews = clean_label(name_icews)
    gdelt = clean_label(name_gdelt)
    broken, repaired = GDELT_NAME_FIXES.get(code, ("", ""))
    if gdelt == broken:
        gdelt = repaired
    if code in GDELT_NAME_MISALIGNED:
        gdelt = ""
    label = icews or gdelt
    if not label:
        raise VocabError(f"{CAMEO_FILE} code {code}: no name")
    other = gdelt if icews else ""
    if other and other.casefold() != label.casefold():
        return label, other
    return label, None


def cameo_goldstein(code: str, gdelt: str, icews: str) -> tuple[Decimal, str | None]:
    """The Goldstein value (GDELT's, else ICEWS's) and a note when the sources differ."""
    where = f"{CAMEO_FILE} code {code}"
    if not gdelt:
        if not icews:
            raise VocabError(f"{where}: no Goldstein value")
        return parse_decimal(icews, where), f"{code}: no GDELT value, ICEWS {icews} used"
    value = parse_decimal(gdelt, where)
    if icews and parse_decimal(icews, where) != value:
        return value, f"{code}: GDELT {gdelt} used, ICEWS {icews}"
    return value, None


def read_cameo(path: Path) -> list[CameoCode]:
    """Read cameo_event_codes.csv into CameoCode records, sorted by code."""
    codes: list[CameoCode] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["code"].strip()
            where = f"{path.name} code {code}"
            if not re.fullmatch(r"[0-9]{2,4}", code):
                raise VocabError(f"{where}: malformed code")
            quad_class = row["quad_class"].strip()
            if quad_class not in ("1", "2", "3", "4"):
                raise VocabError(f"{where}: quad class {quad_class!r} is not 1-4")
            parent = row["parent"].strip() or None
            if (parent is None) != (row["level"].strip() == "0"):
                raise VocabError(f"{where}: level and parent disagree")
            label, alt_label = cameo_labels(code, row["name_icews"], row["name_gdelt"])
            goldstein, note = cameo_goldstein(code, row["goldstein_gdelt"].strip(), row["goldstein_icews"].strip())
            codes.append(
                CameoCode(
                    code=code,
                    parent=parent,
                    quad_class=int(quad_class),
                    label=label,
                    alt_label=alt_label,
                    goldstein=goldstein,
                    goldstein_note=note,
                )
            )
    known = {c.code for c in codes}
    if len(known) != len(codes):
        raise VocabError(f"{path.name}: duplicate codes")
    for c in codes:
        if c.parent is not None and c.parent not in known:
            raise VocabError(f"{path.name} code {c.code}: parent {c.parent} is not a code")
    return sorted(codes, key=lambda c: c.code)


def read_plover_types(path: Path) -> list[PloverType]:
    """Read the PLOVER event types from plover_event_types.json, sorted by name."""
    data = json.loads(path.read_text(encoding="utf-8"))
    types: list[PloverType] = []
    for entry in data["event_types"]:
        name = entry["type"]
        category = entry["quad_category"]
        if category not in PLOVER_QUAD_CLASS:
            raise VocabError(f"{path.name} type {name}: unknown quad category {category!r}")
        types.append(
            PloverType(
                name=name,
                quad_class=PLOVER_QUAD_CLASS[category],
                legacy_names=tuple(sorted(entry.get("legacy_names_v0_5") or ())),
            )
        )
    return sorted(types, key=lambda t: t.name)


def read_crosswalk(path: Path) -> list[CrosswalkRow]:
    """Read cameo_to_plover.csv, sorted by CAMEO code."""
    rows: list[CrosswalkRow] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append(
                CrosswalkRow(
                    cameo_code=row["cameo_code"].strip(),
                    plover_type=row["plover_type"].strip(),
                    mode=row["plover_mode"].strip() or None,
                )
            )
    return sorted(rows, key=lambda r: r.cameo_code)


# ---------------------------------------------------------------- building the graphs


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound (and no others)."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in (
        ("dip", DIP),
        ("cameo", CAMEO),
        ("plover", PLOVER),
        ("mod", MOD),
        ("role", ROLE),
        ("kin", KIN),
        ("graspf", GRASPF),
        ("skos", SKOS),
        ("dct", DCTERMS),
        ("org", ORG),
        ("rdf", RDF),
        ("xsd", XSD),
    ):
        graph.bind(prefix, namespace)
    return graph


def add_scheme(graph: Graph, scheme: URIRef, label: str, licence: URIRef) -> None:
    """Add the ConceptScheme node with its label and licence."""
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, SKOS.prefLabel, Literal(label, lang="en")))
    graph.add((scheme, DCTERMS.license, licence))


def add_labels(graph: Graph, concept: URIRef, label: str, alt_labels: Iterable[str]) -> None:
    """Add the prefLabel and altLabels (English), refusing duplicates."""
    graph.add((concept, SKOS.prefLabel, Literal(label, lang="en")))
    seen = {label.casefold()}
    for alt in alt_labels:
        if alt.casefold() in seen:
            raise VocabError(f"{concept}: label {alt!r} given twice")
        seen.add(alt.casefold())
        graph.add((concept, SKOS.altLabel, Literal(alt, lang="en")))


def decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal literal with at least one digit after the point (``-2.0``)."""
    text = format(value, "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def build_cameo(codes: Sequence[CameoCode]) -> Graph:
    """The CAMEO scheme: every code with hierarchy, labels, Goldstein value and quad class."""
    graph = new_graph()
    scheme = DIP.cameoScheme
    add_scheme(graph, scheme, "CAMEO event codes", MIT)
    graph.add((scheme, DCTERMS.source, Literal(f"{ICEWS_SOURCE} @ {ICEWS_COMMIT}")))
    graph.add((scheme, DCTERMS.source, Literal(f"{GDELT_SOURCE} @ {GDELT_COMMIT}")))
    graph.add(
        (
            scheme,
            DCTERMS.rights,
            Literal(
                "Codes, names, hierarchy and scores from the ICEWS CAMEO codebook (MIT) and"
                " GDELT's published CAMEO lookup tables (open use with citation)."
            ),
        )
    )
    for c in codes:
        concept = CAMEO[c.code]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.notation, Literal(c.code)))
        add_labels(graph, concept, c.label, [c.alt_label] if c.alt_label else [])
        if c.parent is None:
            graph.add((concept, SKOS.topConceptOf, scheme))
        else:
            graph.add((concept, SKOS.broader, CAMEO[c.parent]))
        graph.add((concept, DIP.goldstein, decimal_literal(c.goldstein)))
        graph.add((concept, DIP.quadClass, Literal(c.quad_class)))
    return graph


def build_plover(
    types: Sequence[PloverType],
    crosswalk: Sequence[CrosswalkRow],
    cameo_codes: set[str],
) -> tuple[Graph, list[str]]:
    """The PLOVER scheme plus the CAMEO -> PLOVER crosswalk triples.

    Returns the graph and a list of warnings (crosswalk rows that were skipped).
    """
    graph = new_graph()
    scheme = DIP.ploverScheme
    add_scheme(graph, scheme, "PLOVER event types", CC_BY_SA_4)
    graph.add((scheme, DCTERMS.rightsHolder, Literal(PLOVER_RIGHTS_HOLDER)))
    graph.add((scheme, DCTERMS.source, Literal(PLOVER_SOURCE)))
    for t in types:
        concept = PLOVER[t.name]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.topConceptOf, scheme))
        graph.add((concept, SKOS.notation, Literal(t.name)))
        graph.add((concept, SKOS.prefLabel, Literal(clean_label(t.name), lang="en")))
        for legacy in t.legacy_names:
            graph.add((concept, SKOS.hiddenLabel, Literal(clean_label(legacy), lang="en")))
        graph.add((concept, DIP.quadClass, Literal(t.quad_class)))
    known_types = {t.name for t in types}
    warnings: list[str] = []
    for row in crosswalk:
        if row.plover_type not in known_types:
            raise VocabError(f"{CROSSWALK_FILE}: unknown PLOVER type {row.plover_type!r}")
        if row.cameo_code not in cameo_codes:
            warnings.append(
                f"{CROSSWALK_FILE}: CAMEO code {row.cameo_code} ({row.plover_type}) is not in"
                f" {CAMEO_FILE}; mapping skipped"
            )
            continue
        concept = CAMEO[row.cameo_code]
        graph.add((concept, SKOS.broadMatch, PLOVER[row.plover_type]))
        if row.mode:
            graph.add((concept, DIP.ploverMode, Literal(row.mode)))
    return graph, warnings


def build_modality() -> Graph:
    """The modality scheme with GRaSP certainty, polarity and temporality."""
    graph = new_graph()
    scheme = DIP.modalityScheme
    add_scheme(graph, scheme, "Claim modalities", MIT)
    for m in MODALITIES:
        concept = MOD[m.name]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.topConceptOf, scheme))
        graph.add((concept, SKOS.prefLabel, Literal(m.name, lang="en")))
        graph.add((concept, SKOS.definition, Literal(m.definition, lang="en")))
        graph.add((concept, DIP.certainty, GRASPF[m.certainty]))
        graph.add((concept, DIP.polarity, GRASPF[m.polarity]))
        if m.temporality is not None:
            graph.add((concept, DIP.temporality, GRASPF[m.temporality]))
    return graph


def check_unique_labels(concepts: Iterable[tuple[str, str, tuple[str, ...]]]) -> None:
    """Refuse a label (pref or alt, case-insensitive) used by two concepts of one scheme."""
    owner: dict[str, str] = {}
    for name, label, alt_labels in concepts:
        for text in (label, *alt_labels):
            key = text.casefold()
            if key in owner and owner[key] != name:
                raise VocabError(f"label {text!r} used by both {owner[key]} and {name}")
            owner[key] = name


def build_roles() -> Graph:
    """The role scheme: org:Role concepts, two of them with org:roleProperty."""
    check_unique_labels((r.name, r.label, r.alt_labels) for r in ROLES)
    graph = new_graph()
    scheme = DIP.roleScheme
    add_scheme(graph, scheme, "Roles of people in organisations and events", MIT)
    for r in ROLES:
        concept = ROLE[r.name]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, RDF.type, ORG.Role))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.topConceptOf, scheme))
        add_labels(graph, concept, r.label, r.alt_labels)
        graph.add((concept, SKOS.definition, Literal(r.definition, lang="en")))
        if r.role_property is not None:
            graph.add((concept, ORG.roleProperty, DIP[r.role_property]))
    return graph


def build_kinship() -> Graph:
    """The kinship scheme, read as "the relative is the <type> of the person"."""
    check_unique_labels((k.name, k.label, k.alt_labels) for k in KINSHIP)
    graph = new_graph()
    scheme = DIP.kinshipScheme
    add_scheme(graph, scheme, "Kinship types", MIT)
    graph.add(
        (
            scheme,
            SKOS.definition,
            Literal(
                "Kinship types of a dip:Kinship node, read as 'the relative is the <type>"
                " of the person' (the FollowTheMoney Family convention).",
                lang="en",
            ),
        )
    )
    for k in KINSHIP:
        concept = KIN[k.name]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        if k.name == KINSHIP_GENERIC:
            graph.add((concept, SKOS.topConceptOf, scheme))
        else:
            graph.add((concept, SKOS.broader, KIN[KINSHIP_GENERIC]))
        add_labels(graph, concept, k.label, k.alt_labels)
        graph.add((concept, SKOS.definition, Literal(k.definition, lang="en")))
        graph.add((concept, DIP.shortcut, DIP[k.shortcut]))
    return graph


# ---------------------------------------------------------------- writing


class SortedTurtleSerializer(TurtleSerializer):
    """Turtle with subjects in a stable, readable order.

    rdflib's own order puts less-referenced subjects first (leaves before roots). Here:
    concept schemes first, then typed subjects, then untyped ones, each group by IRI.
    """

    def orderSubjects(self) -> list[Node]:  # overrides rdflib's (camelCase) method
        def key(subject: Node) -> tuple[int, str]:
            if (subject, RDF.type, SKOS.ConceptScheme) in self.store:
                group = 0
            elif (subject, RDF.type, None) in self.store:
                group = 1
            else:
                group = 2
            return group, str(subject)

        return sorted(self._subjects, key=key)


def render(graph: Graph, header: Sequence[str]) -> str:
    """Serialise a graph as Turtle, preceded by a comment header."""
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        raise VocabError("blank nodes would make the output order unstable")
    stream = io.BytesIO()
    SortedTurtleSerializer(graph).serialize(stream, encoding="utf-8")
    body = stream.getvalue().decode("utf-8")
    lines = [f"# {line}".rstrip() for line in header]
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"


def generated_line(*sources: str) -> str:
    """The "do not edit" line naming the source files."""
    return f"Generated by {GENERATOR} from {', '.join(sources)} — do not edit by hand."


def cameo_header(codes: Sequence[CameoCode]) -> list[str]:
    """Header comment of cameo.ttl."""
    notes = [c.goldstein_note for c in codes if c.goldstein_note]
    return [
        f"cameo.ttl: CAMEO event codes as a SKOS concept scheme ({len(codes)} concepts).",
        generated_line(CAMEO_FILE + " (shared vocab)"),
        "",
        "Sources:",
        f"  {ICEWS_SOURCE}",
        f"    @ {ICEWS_COMMIT}, MIT:",
        "    codes, hierarchy, names (skos:prefLabel), quad classes.",
        f"  {GDELT_SOURCE}",
        f"    @ {GDELT_COMMIT}:",
        "    GDELT names (skos:altLabel where they differ), Goldstein values.",
        "Licence: MIT (ICEWS codebook; this file, diplograph). GDELT's lookup tables are",
        "  offered for open use with citation. Only facts are carried over: the codebook's",
        "  descriptions, usage notes and examples are deliberately not copied.",
        "",
        "Labels: ICEWS name, else GDELT name; ALL-CAPS names put in sentence case; GDELT",
        "  names whitespace-normalised, encoding/spelling repaired for " + ", ".join(sorted(GDELT_NAME_FIXES)) + ";",
        "  GDELT names of " + ", ".join(sorted(GDELT_NAME_MISALIGNED)) + " left out (in GDELT's table they name",
        "  other codes).",
        "Goldstein (dip:goldstein): one value per code, GDELT's CAMEO.goldsteinscale.txt,",
        "  falling back to the ICEWS codebook when GDELT has none. The sources differ on:",
        *[f"  {note}" for note in notes],
        "Quad class (dip:quadClass): GDELT's grouping by root code (1 verbal cooperation 01-05,",
        "  2 material cooperation 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20).",
    ]


def plover_header(types: Sequence[PloverType], links: int) -> list[str]:
    """Header comment of plover.ttl (carries the CC BY-SA 4.0 attribution)."""
    return [
        f"plover.ttl: PLOVER event types as a SKOS concept scheme ({len(types)} concepts,",
        f"  dip:ploverScheme) and the CAMEO -> PLOVER crosswalk ({links} cameo: concepts",
        "  with skos:broadMatch, plus dip:ploverMode where the crosswalk gives a mode).",
        generated_line(PLOVER_FILE, CROSSWALK_FILE + " (shared vocab)"),
        "",
        "Attribution: PLOVER (Political Language Ontology for Verifiable Event Records),",
        f"  by the {PLOVER_RIGHTS_HOLDER}, https://github.com/openeventdata/PLOVER",
        "  files CAMEO2PLOVER-2021.txt and PLOVER_MANUAL.tex",
        f"  @ {PLOVER_COMMIT}",
        "  (PLOVER manual draft 0.8, 2021). Its authors call the crosswalk a first",
        "  approximation.",
        "Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),",
        "  https://creativecommons.org/licenses/by-sa/4.0/ . This file is an adaptation",
        "  (type names, quad categories, CAMEO mappings and modes; the manual's definitions",
        "  are not copied) and is shared under the same licence. Keep this notice when",
        "  redistributing it or combining it with other data.",
        "",
        "skos:hiddenLabel holds the PLOVER 0.5 names merged into a type (DEMAND, DISAPPROVE,",
        "  INVESTIGATE, FIGHT). dip:quadClass maps PLOVER's quad category to 1-4 (this is",
        "  PLOVER's grouping, not GDELT's). CAMEO roots 01 and 02 have no PLOVER type.",
    ]


def simple_header(name: str, what: str, *notes: str) -> list[str]:
    """Header comment of the schemes written from this script's own tables."""
    return [
        f"{name}: {what}",
        generated_line("the tables in the script itself"),
        "Source: diplograph (written for this project). Licence: MIT.",
        *notes,
    ]


def generate(vocab: Path) -> dict[str, str]:
    """Build all five schemes and return {file name: Turtle text}; prints warnings to stderr."""
    for name in (CAMEO_FILE, CROSSWALK_FILE, PLOVER_FILE):
        if not (vocab / name).is_file():
            raise VocabError(f"missing source file: {vocab / name}")
    codes = read_cameo(vocab / CAMEO_FILE)
    types = read_plover_types(vocab / PLOVER_FILE)
    crosswalk = read_crosswalk(vocab / CROSSWALK_FILE)
    plover_graph, warnings = build_plover(types, crosswalk, {c.code for c in codes})
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    links = len(set(plover_graph.subjects(SKOS.broadMatch, None)))
    return {
        "cameo.ttl": render(build_cameo(codes), cameo_header(codes)),
        "plover.ttl": render(plover_graph, plover_header(types, links)),
        "modality.ttl": render(
            build_modality(),
            simple_header(
                "modality.ttl",
                "claim modalities (dip:modalityScheme).",
                "dip:certainty, dip:polarity and dip:temporality take GRaSP factuality",
                "  values (graspf: = http://groundedannotationframework.org/grasp/factuality#);",
                "  mod:hypothetical has no temporality.",
            ),
        ),
        "role.ttl": render(
            build_roles(),
            simple_header(
                "role.ttl",
                "roles of people in posts and events (dip:roleScheme).",
                "Every role is an org:Role; role:headOfState and role:headOfGovernment carry",
                "  org:roleProperty (the property a dated snapshot asserts). role:host and",
                "  role:guest are roles in an event (dip:participantRole), not offices.",
            ),
        ),
        "kinship.ttl": render(
            build_kinship(),
            simple_header(
                "kinship.ttl",
                "kinship types (dip:kinshipScheme).",
                "Read as 'the relative is the <type> of the person' (FollowTheMoney's",
                "  Family). dip:shortcut names the person -> relative property: kin:child",
                "  gives dip:parentOf, kin:parent gives dip:childOf.",
            ),
        ),
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        description="Generate the SKOS schemes (CAMEO, PLOVER, modality, role, kinship) as Turtle.",
    )
    parser.add_argument(
        "--vocab",
        type=Path,
        default=DEFAULT_VOCAB,
        metavar="DIR",
        help="directory with the shared vocabulary files (default: ../shared/vocab relative to the repository root)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="DIR",
        help="output directory (default: ontology/schemes in the repository)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code (0 ok, 1 bad or missing source data)."""
    args = parse_args(argv)
    try:
        files = generate(args.vocab)
    except KeyError as exc:
        print(f"error: a source file lacks the field {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:  # VocabError and JSON errors are ValueErrors
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_bytes(text.encode("utf-8"))
        print(f"wrote {args.out / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
