"""The checks the server and the remote store rely on: SERVICE (parsed, and lexically), query form."""

from __future__ import annotations

import pytest

from graph.sparqltext import looks_like_update, query_form, service_in_parse

CASES = [
    ('SELECT * WHERE { ?s ?p "SERVICE" }', False),
    ("SELECT * WHERE { ?s ?p '''multi\nSERVICE''' }", False),
    ('SELECT * WHERE { ?s ?p """a " SERVICE "" b""" }', False),
    ("SELECT * # SERVICE <x>\n WHERE { ?s ?p ?o }", False),
    ('SELECT * WHERE { ?s <urn:SERVICE> ?service . ?s ex:service "x"@service . _:service ?p $service }', False),
    ('SELECT * WHERE { ?s ?p "esc \\" SERVICE" }', False),
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("select * where { service silent <http://x/> {} }", True),
    ("SELECT * WHERE { ?o.SERVICE <http://x/> { ?s ?p ?o } }", True),
    ('SELECT * WHERE { ?s ?p "unterminated \n SERVICE <http://x/> {} }', True),
    ("SELECT * WHERE { FILTER(?a < ?b && ?c > ?d) SERVICE <x:y> {} }", True),
    ("SELECT * WHERE { \\u0053ERVICE <http://x/> {} }", True),
    ("SELECT * WHERE { SERVICE\n<http://x/> {} }", True),
    ("SELECT * WHERE { #c\rSERVICE <http://x/> {} }", True),
    ("SELECT * WHERE { #c\r\nSERVICE <http://x/> {} }", True),
    ("SELECT * WHERE { ?s ?p 'a\rSERVICE <http://x/> {} }", True),
]
# (not the two that are not SPARQL: rdflib cannot parse them, see the last test)
PARSED = [c for c in CASES if "?o.SERVICE" not in c[0] and "unterminated" not in c[0]] + [
    ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <urn:x> { ?s ?p ?o } } } }", True),
    ("SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE SILENT <urn:x> { ?s ?p ?o } } }", True),
    ("SELECT * WHERE { { ?a ?b ?c } UNION { SERVICE ?x { ?s ?p ?o } } }", True),
    ("SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE <urn:x> { ?s ?p ?o } } }", True),
    ("PREFIX e: <http://x/> SELECT * WHERE { SeRvIcE e:sparql { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s <urn:p> ?o } # SERVICE <http://x/> {}", False),
    ("SELECT * WHERE { ?s <urn:p> ?o } #\r", False),
    ("SELECT * WHERE { ?a ?b ?c FILTER(?a<?b)SERVICE<x:y>{} }", True),
    ("SELECT * WHERE { ?a <urn:service> ?c FILTER(?a<?b&&?c>?d) }", False),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_service_is_found_wherever_the_parser_would_see_it(query: str, expected: bool) -> None:
    # a query with SERVICE is never judged free of it: found, or unreadable (refused, or run sandboxed)
    verdict = service_in_parse(query)
    assert (verdict is not False) if expected else (verdict is False)


@pytest.mark.parametrize(("query", "expected"), [c for c in PARSED if "'a\r" not in c[0]])
def test_service_is_found_in_the_parse(query: str, expected: bool) -> None:
    assert service_in_parse(query) is expected


def test_what_rdflib_cannot_parse_is_undecided() -> None:
    assert service_in_parse("SELEC nonsense service") is None
    assert service_in_parse("SELEC nonsense") is False  # no SERVICE keyword can be in it
    assert service_in_parse("SELECT * WHERE { ?o.SERVICE <http://x/> { ?s ?p ?o } }") is None
    assert service_in_parse('VERSION "1.2" SELECT * WHERE { SERVICE <urn:x> { ?s ?p ?o } }') is None


def test_query_form_and_update_detection_ignore_strings_iris_and_comments() -> None:
    assert query_form("PREFIX a: <urn:SELECT> # ASK\nCONSTRUCT {} WHERE {}") == "CONSTRUCT"
    assert query_form("describe <urn:x>") == "DESCRIBE"
    assert looks_like_update("PREFIX x: <urn:a> INSERT DATA { <a:b> <a:c> 'SELECT' }")
    assert not looks_like_update("SELECT * WHERE { ?s <urn:INSERT> ?o }")
