"""The prefixes every output binds and every query may use; no RDF library needed.

Kept apart from :mod:`graph.namespaces` (which builds rdflib namespaces) so that ``diplograph
query`` starts without importing rdflib.
"""

from __future__ import annotations

from graph import ids

PREFIXES: dict[str, str] = {
    "dip": ids.ONTOLOGY,
    "dipd": ids.ID,
    "dipg": ids.GRAPH,
    "cameo": ids.SCHEME + "cameo/",
    "plover": ids.SCHEME + "plover/",
    "mod": ids.SCHEME + "modality/",
    "role": ids.SCHEME + "role/",
    "kin": ids.SCHEME + "kinship/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
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
