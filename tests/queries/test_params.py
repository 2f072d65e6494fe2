"""graph.queries.params: values bound into named queries as typed terms, never as SPARQL text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.errors import QueryError
from graph.queries import list_queries, read_query
from graph.queries.params import bind, declared_params, mask, parse_assignments, to_term
from graph.store.base import Term

ID = "https://w3id.org/diplograph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
Q = "SELECT ?n WHERE { VALUES ?s { dipd:USA } ?s skos:prefLabel ?n }"


def test_every_packaged_query_declares_parameters_it_has() -> None:
    for q in list_queries():
        masked = mask(q.text)
        for p in q.params:
            assert f"?{p.name}" in masked, (q.name, p.name)


def test_declared_params_read_the_header() -> None:
    params = declared_params(read_query("analyst/heads_of_state_met"))
    assert [(p.name, p.default) for p in params] == [("from", "2026-01-01"), ("to", "2026-03-31")]
    assert declared_params("SELECT * WHERE {}") == []


def test_iri_values_are_checked_and_expanded() -> None:
    assert bind(Q, {"s": "dipd:COL"}) == Q.replace("dipd:USA", f"<{ID}COL>")
    assert f"<{ID}COL>" in bind(Q, {"s": f"<{ID}COL>"})
    assert f"<{ID}COL>" in bind(Q, {"s": ID + "COL"})
    assert f"<{ID}COL>" in bind(Q, {"s": "Colombia"}, resolve=lambda name: ID + "COL")
    for bad in ["Colombia", "x> } ?s ?p ?o . { <y", "http://a b", "unknown:thing"]:
        with pytest.raises(QueryError, match="is not an IRI"):
            bind(Q, {"s": bad})


def test_several_values_make_several_rows() -> None:
    bound = bind(Q, {"s": ["dipd:COL", "dipd:VEN"]})
    assert f"VALUES ?s {{ <{ID}COL> <{ID}VEN> }}" in bound


def test_multi_variable_values_keep_the_other_columns() -> None:
    text = 'SELECT * WHERE { VALUES (?from ?to) { ("2026-01-01"^^xsd:date "2026-03-31"^^xsd:date) } }'
    bound = bind(text, {"to": "2026-02"})
    assert f'("2026-01-01"^^xsd:date "2026-02-28"^^<{XSD}date>)' in bound
    with pytest.raises(QueryError, match="takes one value"):
        bind(text, {"to": ["2026-02", "2026-03"]})


def test_dates_numbers_and_text_are_typed() -> None:
    assert to_term("2026-01", '"2026-01-01"^^xsd:date', name="from").value == "2026-01-01"
    assert to_term("2026-01", '"2026-01-01"^^xsd:date', name="until").value == "2026-01-31"
    assert to_term(dt.date(2026, 1, 7)).nt() == f'"2026-01-07"^^<{XSD}date>'
    assert to_term("7", "3").nt() == f'"7"^^<{XSD}integer>'
    assert to_term(2.5).datatype == XSD + "double"
    assert to_term(True).nt() == f'"true"^^<{XSD}boolean>'
    assert to_term("Colombia", '"x"@en').nt() == '"Colombia"@en'
    with pytest.raises(QueryError, match="not a date"):
        to_term("soon", '"2026-01-01"^^xsd:date', name="from")
    with pytest.raises(QueryError, match="not a number"):
        to_term("seven", "3")


def test_a_parameter_without_values_clause_is_injected() -> None:
    text = "SELECT ?n WHERE { ?s skos:prefLabel ?n }"
    bound = bind(text, {"s": "dipd:COL"})
    assert bound.startswith(f"SELECT ?n WHERE {{ VALUES ?s {{ <{ID}COL> }}")
    assert '"Petro"' in bind(text, {"n": "Petro"})


def test_unknown_parameters_and_bad_assignments() -> None:
    with pytest.raises(QueryError, match="unknown parameter 'x'"):
        bind(read_query("analyst/dyad_timeline"), {"x": "dipd:COL"})
    with pytest.raises(QueryError, match="no variable"):
        bind(Q, {"zzz": "1"})
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_assignments(["novalue"])
    assert parse_assignments(["a=b=c", "?a=d"]) == {"a": ["b=c", "d"]}


def test_comments_strings_and_iris_are_not_searched() -> None:
    text = '# VALUES ?s { <x> }\nSELECT * WHERE { ?o ?p "VALUES ?s { 1 }" . VALUES ?s { dipd:USA } }'
    masked = mask(text)
    assert masked.count("VALUES") == 1 and len(masked) == len(text)
    assert bind(text, {"s": "dipd:COL"}).endswith(f"VALUES ?s {{ <{ID}COL> }} }}")


@given(st.text(max_size=40))
def test_any_text_stays_one_literal(value: str) -> None:
    bound = bind('SELECT ?s WHERE { VALUES ?n { "x"@en } ?s skos:prefLabel ?n }', {"n": value})
    assert Term.literal(value, lang="en").nt() in bound
    assert bound.count("VALUES") == 1 and bound.endswith("?s skos:prefLabel ?n }")
