"""The ontology files: found installed or in a checkout, parseable, and matching namespaces.py."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph import ids
from graph.namespaces import DIP
from graph.ontology import cameo_types, ontology_file, reference_files, scheme_files


def _tbox() -> Graph:
    return Graph().parse(ontology_file("diplograph.ttl"), format="turtle")


def test_closed_namespace_matches_the_ontology_exactly() -> None:
    g = _tbox()
    defined = {
        str(s)[len(ids.ONTOLOGY) :] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(ids.ONTOLOGY)
    }
    assert defined == set(DIP.__annotations__)


def test_every_term_has_an_english_label_and_comment() -> None:
    g = _tbox()
    for term in DIP.__annotations__:
        iri = URIRef(ids.ONTOLOGY + term)
        if (iri, RDF.type, SKOS.ConceptScheme) in g:
            continue
        assert g.value(iri, RDFS.label) is not None, term
        assert g.value(iri, RDFS.comment) is not None, term


def test_alignment_is_one_way_only() -> None:
    g = _tbox()
    assert not list(g.triples((None, OWL.equivalentClass, None)))
    assert not list(g.triples((None, OWL.sameAs, None)))
    assert (URIRef(str(DIP.Person)), RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Person")) in g


def test_all_ontology_files_parse() -> None:
    assert len(scheme_files()) == 5
    for f in reference_files():
        assert len(Graph().parse(f, format="turtle")) > 0, f


def test_cameo_scheme_has_every_code_with_goldstein_and_quad_class() -> None:
    codes = cameo_types()
    assert len(codes) == 312
    assert codes["041"].label == "Discuss by telephone"
    assert codes["163"].goldstein == -8.0 and codes["163"].quad_class == 4
    assert codes["041"].broader == "04"
    assert all(t.quad_class in (1, 2, 3, 4) for t in codes.values())


def test_plover_scheme_keeps_its_cc_by_sa_attribution() -> None:
    text = ontology_file("schemes/plover.ttl").read_text(encoding="utf-8")
    assert "creativecommons.org/licenses/by-sa/4.0" in text
    assert "Open Event Data Alliance" in text
