"""The store contract: every backend behaves the same (run on memory and Oxigraph on disk)."""

from __future__ import annotations

import pytest

from graph.errors import QueryError, StoreError
from graph.store import AskResult, GraphResult, Quad, SelectResult, Store, Term, WriteBatch

G1 = "https://w3id.org/diplograph/graph/doc-1"
G2 = "https://w3id.org/diplograph/graph/doc-2"
META = "https://w3id.org/diplograph/graph/meta"
EX = "https://w3id.org/diplograph/id/"
LABEL = Term.uri("http://www.w3.org/2004/02/skos/core#prefLabel")


def q(s: str, o: str, g: str, lang: str | None = "en") -> Quad:
    return Quad(Term.uri(EX + s), LABEL, Term.literal(o, lang=lang), Term.uri(g))


def lines(store: Store) -> list[str]:
    return sorted(x.nq() for x in store.quads())


def test_insert_then_read_back_every_term_kind(store: Store) -> None:
    quads = [
        q("a", "Colombia", G1),
        Quad(
            Term.uri(EX + "a"),
            Term.uri(EX + "n"),
            Term.literal("42", "http://www.w3.org/2001/XMLSchema#integer"),
            Term.uri(G1),
        ),
        Quad(Term.uri(EX + "a"), Term.uri(EX + "s"), Term.literal('quote " and\nnewline \\ é'), Term.uri(G1)),
    ]
    store.apply(WriteBatch(insert=quads))
    assert lines(store) == sorted(x.nq() for x in quads)
    assert len(store) == 3


def test_replacing_a_graph_drops_its_old_content_only(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "old", G1), q("b", "other", G2)]))
    store.apply(WriteBatch(drop_graphs={G1}, insert=[q("a", "new", G1)]))
    assert lines(store) == sorted([q("a", "new", G1).nq(), q("b", "other", G2).nq()])


def test_delete_subjects_touches_only_the_named_subjects_in_that_graph(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "x", META), q("b", "y", META), q("a", "z", G1)]))
    store.apply(WriteBatch(delete_subjects={META: {EX + "a"}}))
    assert lines(store) == sorted([q("b", "y", META).nq(), q("a", "z", G1).nq()])


def test_queries_see_the_union_and_each_graph(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "Colombia", G1), q("b", "Peru", G2)]))
    result = store.query("SELECT ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?l")
    assert isinstance(result, SelectResult)
    assert [r[0].value for r in result.rows if r[0]] == ["Colombia", "Peru"]
    result = store.query(f"SELECT ?l WHERE {{ GRAPH <{G2}> {{ ?s ?p ?l }} }}")
    assert isinstance(result, SelectResult) and [r[0].value for r in result.rows if r[0]] == ["Peru"]


def test_ask_and_construct(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "Colombia", G1)]))
    ask = store.query("ASK { ?s ?p 'Colombia'@en }")
    assert isinstance(ask, AskResult) and ask.value is True
    built = store.query("CONSTRUCT { ?s <urn:x> ?l } WHERE { ?s ?p ?l }")
    assert isinstance(built, GraphResult)
    assert [(s.value, o.value) for s, _, o in built.triples] == [(EX + "a", "Colombia")]


def test_unbound_variables_come_back_as_none(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "Colombia", G1)]))
    result = store.query("SELECT ?s ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <urn:nope> ?missing } }")
    assert isinstance(result, SelectResult)
    assert result.rows[0][1] is None


def test_select_values_gives_plain_lexical_values_with_empty_for_unbound(store: Store) -> None:
    odd = 'quote ", comma, tab\t and\nnewline é'
    store.apply(WriteBatch(insert=[q("a", "Colombia", G1), q("b", odd, G2, lang=None)]))
    rows = store.select_values(
        "SELECT ?s ?l ?missing WHERE { ?s ?p ?l OPTIONAL { ?s <urn:nope> ?missing } } ORDER BY ?s"
    )
    assert rows.variables == ["s", "l", "missing"]
    assert rows.rows == [(EX + "a", "Colombia", ""), (EX + "b", odd, "")]
    assert store.select_values("SELECT ?s WHERE { ?s <urn:nope> ?o }").rows == []
    assert isinstance(store.concurrent_reads, bool)


def test_syntax_error_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError):
        store.query("SELEC ?x WHERE { ?x ?y }")
    with pytest.raises(QueryError):
        store.select_values("SELEC ?x WHERE { ?x ?y }")
    with pytest.raises(QueryError):
        store.select_values("ASK { ?s ?p ?o }")


def test_graphs_lists_named_graphs_with_sizes_and_drop_reports_absence(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "x", G1), q("b", "y", G1), q("c", "z", G2)]))
    assert [(g.name, g.triples) for g in store.graphs()] == [(G1, 2), (G2, 1)]
    assert store.drop_graph(G1) is True
    assert store.drop_graph(G1) is False
    assert [g.name for g in store.graphs()] == [G2]


def test_the_quads_of_one_graph_are_that_graph_s_only(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "x", G1), q("a", "x", G2), q("b", "y", G2)]))  # one triple in both
    assert sorted(x.nq() for x in store.quads(G1)) == [q("a", "x", G1).nq()]
    assert len(list(store.quads(G2))) == 2 and len(list(store.quads())) == 3


def test_graph_names_lists_the_named_graphs_with_quads_without_counting(store: Store) -> None:
    assert store.graph_names() == []
    store.apply(WriteBatch(insert=[q("c", "z", G2), q("a", "x", G1)]))
    assert store.graph_names() == [G1, G2]
    store.apply(WriteBatch(drop_graphs={G1}))
    assert store.graph_names() == [G2]


def test_a_failing_batch_changes_nothing(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "keep", G1)]))
    before = lines(store)
    bad = Quad(Term.uri("not a valid iri"), LABEL, Term.literal("x"), Term.uri(G1))
    with pytest.raises(StoreError):
        store.apply(WriteBatch(drop_graphs={G1}, insert=[q("a", "new", G1), bad]))
    assert lines(store) == before


def test_a_failing_batch_into_new_graphs_changes_nothing(store: Store) -> None:
    store.apply(WriteBatch(insert=[q("a", "keep", G1)]))
    before = lines(store)
    bad = Quad(Term.uri("not a valid iri"), LABEL, Term.literal("x"), Term.uri(G2))
    with pytest.raises(StoreError):  # nothing to replace: the plain-insert path must be atomic too
        store.apply(WriteBatch(drop_graphs={G2}, insert=[q("b", "new", G2), bad]))
    assert lines(store) == before


def test_bulk_load_adds_quads(store: Store) -> None:
    store.bulk_load([q(f"s{i}", f"label {i}", G1) for i in range(100)])
    assert len(store) == 100
