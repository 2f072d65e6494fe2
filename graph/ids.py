"""Deterministic identifiers: every IRI diplograph mints is made here.

The same input always gives the same IRI, in every article and every run, so re-ingesting
converges and a second article about the same actors adds to the same nodes:

* states by ISO 3166 alpha-3 (``COL``), persons by normalised name (``person-gustavo-petro``),
  agencies by their state and name (``agency-usa-drug-enforcement-administration``);
* content nodes (events, tenures, sanctions, claims) by a short hash of their normalised key,
  prefixed by their type (``ev-``, ``tenure-``, ``sanction-``, ``c-``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from graph.model import ActorKind

ONTOLOGY = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
GRAPH = "https://w3id.org/diplograph/graph/"
SCHEME = "https://w3id.org/diplograph/scheme/"

META_GRAPH = GRAPH + "meta"
REFERENCE_GRAPH = GRAPH + "reference"
DERIVED_GRAPH = GRAPH + "derived"
ONTOLOGY_GRAPH = GRAPH + "ontology"
IDENTITY_GRAPH = GRAPH + "identity"  # which persons of different sources are one (graph.identity)
EVENTS_GRAPH = GRAPH + "events"  # which reports of different sources are one event (graph.coreference)
SHARED_GRAPHS = frozenset({META_GRAPH, REFERENCE_GRAPH, DERIVED_GRAPH, ONTOLOGY_GRAPH, IDENTITY_GRAPH, EVENTS_GRAPH})

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_HASH_LEN = 16


def slug(text: str) -> str:
    """ASCII, lower-case, dash-separated form of a name.

    Example:
        >>> slug("Nicolás  Petro-Burgos")
        'nicolas-petro-burgos'
        >>> slug("U.S. Department of State")
        'u-s-department-of-state'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", folded.lower()).strip("-")


def digest(*parts: object) -> str:
    """Short stable hash of normalised parts (order matters; pass sorted sets)."""
    joined = "\x1f".join("" if p is None else " ".join(str(p).split()) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:_HASH_LEN]


def actor_key(kind: ActorKind, name: str, *, iso3: str | None = None, state: str | None = None) -> str:
    """Local name of an actor's IRI.

    Args:
        kind: the actor's kind.
        name: its canonical name (for states, ignored when ``iso3`` is given).
        iso3: ISO 3166 alpha-3 code of a state.
        state: ISO alpha-3 of the state an agency belongs to.

    Example:
        >>> actor_key(ActorKind.STATE, "Colombia", iso3="col")
        'COL'
        >>> actor_key(ActorKind.AGENCY, "Drug Enforcement Administration", state="USA")
        'agency-usa-drug-enforcement-administration'
        >>> actor_key(ActorKind.PERSON, "Gustavo Petro")
        'person-gustavo-petro'
    """
    if kind is ActorKind.STATE and iso3:
        return iso3.upper()
    base = slug(name)
    if not base:
        raise ValueError(f"cannot make an identifier from the name {name!r}")
    prefix = {
        ActorKind.PERSON: "person",
        ActorKind.STATE: "state",
        ActorKind.AGENCY: "agency",
        ActorKind.IGO: "igo",
        ActorKind.ORGANIZATION: "org",
        ActorKind.MEDIA: "org",
        ActorKind.GROUP: "group",
        ActorKind.SITE: "site",
    }[kind]
    if kind is ActorKind.AGENCY and state:
        return f"{prefix}-{state.lower()}-{base}"
    return f"{prefix}-{base}"


def post_key(organization: str, title: str) -> str:
    """Local name of a post: ``post-{organisation}-{title}`` (``post-col-president``)."""
    return f"post-{slug(organization)}-{slug(title)}"


def event_key(
    cameo: str, participants: Iterable[str], earliest: str | None, latest: str | None, *, targets: Iterable[str] = ()
) -> str:
    """Events are keyed on CAMEO root + the unordered set of participants + the date window; a directed
    event gives its ``targets`` apart (``participants`` are then its sources), so "A expelled B's
    envoys" and "B expelled A's envoys" on one day are two events."""
    aimed = sorted(set(targets))
    return "ev-" + digest(cameo[:2], *sorted(set(participants)), *(["->", *aimed] if aimed else []), earliest, latest)


def mention_key(article_key: str, key: str) -> str:
    """An event as one article reports it: the article's own node (``ev-`` + hash), never shared with
    another article's report; which reports are one event is decided store-wide (graph.coreference)."""
    return "ev-" + digest(article_key, key)


def tenure_key(holder: str, post: str, term: int | None = None) -> str:
    """A person's holding of a post: ``tenure-gustavo-petro-col-president``.

    Sources that mention the same presidency meet on one node whatever start date each
    gives; ``term`` (2 for a second, non-consecutive term) keeps separate terms apart.

    Example:
        >>> tenure_key("person-donald-trump", "post-usa-president", term=2)
        'tenure-donald-trump-usa-president-2'
    """
    base = f"tenure-{holder.removeprefix('person-')}-{post.removeprefix('post-')}"
    return f"{base}-{term}" if term else base


def kinship_key(person: str, relative: str, kind: str) -> str:
    return "kin-" + digest(person, relative, kind)


def sanction_key(imposers: Iterable[str], target: str, start: str | None) -> str:
    return "sanction-" + digest(*sorted(imposers), target, start)


def proposition_key(label: str, concerns: Iterable[str]) -> str:
    return "prop-" + digest(label.lower(), *sorted(concerns))


def claim_key(graph: str, about: str, modality: str, claimant: str | None, sentence: str | None) -> str:
    return "c-" + digest(graph, about, modality, claimant, sentence)


def sentence_key(article_key: str, start: int, end: int) -> str:
    return f"{article_key}-s{start}-{end}"


def extractor_key(name: str, version: str) -> str:
    return f"extractor-{slug(name)}-{slug(version)}"


def run_key(article_key: str, extractor_name: str, extractor_version: str) -> str:
    """Runs are keyed on what they read and what did it, never on the clock (re-ingest converges)."""
    return "run-" + digest(article_key, extractor_name, extractor_version)


def document_graph(article_key: str, extractor_name: str) -> str:
    """IRI of the named graph that holds what one extractor says about one article."""
    return f"{GRAPH}{article_key}.{slug(extractor_name)}"


def source_graph(name: str) -> str:
    """IRI of the named graph of a curated source file (``curated-{name}``)."""
    return f"{GRAPH}curated-{slug(name)}"


def iri(key: str) -> str:
    """Full instance IRI for a local name (an IRI passes through)."""
    return key if "://" in key else ID + key
