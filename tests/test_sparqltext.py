"""The lexical checks the server and the remote store rely on (SERVICE in read-only mode, query form)."""

from __future__ import annotations

import pytest

from graph.sparqltext import calls_service, looks_like_update, query_form

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
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_service_is_found_wherever_the_parser_would_see_it(query: str, expected: bool) -> None:
    assert calls_service(query) is expected


def test_query_form_and_update_detection_ignore_strings_iris_and_comments() -> None:
    assert query_form("PREFIX a: <urn:SELECT> # ASK\nCONSTRUCT {} WHERE {}") == "CONSTRUCT"
    assert query_form("describe <urn:x>") == "DESCRIBE"
    assert looks_like_update("PREFIX x: <urn:a> INSERT DATA { <a:b> <a:c> 'SELECT' }")
    assert not looks_like_update("SELECT * WHERE { ?s <urn:INSERT> ?o }")
