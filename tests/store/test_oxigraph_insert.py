"""Oxigraph's first-insert path writes N-Quads text: it must store exactly what the term objects would."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import StoreError
from graph.store.base import Quad, Term, WriteBatch
from graph.store.oxigraph import OxigraphStore, _Converter, _nquads

G = Term.uri("https://w3id.org/diplograph/graph/doc-1")
S = Term.uri("https://w3id.org/diplograph/id/a")
P = Term.uri("https://w3id.org/diplograph/ontology#p")
AWKWARD = [
    Term.literal('quote " backslash \\ and \\u0041 not an escape'),
    Term.literal("tab\t, return\r, newline\n, bell \x07, nul \x00, é, 🙂, \ufeff"),
    Term.literal("Bogotá", lang="es-CO"),
    Term.literal("0.80", "http://www.w3.org/2001/XMLSchema#decimal"),
    Term.literal("2026-01-05T00:00:00Z", "http://www.w3.org/2001/XMLSchema#dateTime"),
    Term.literal("x", "https://example.org/type#custom"),
    Term.uri("https://example.org/é?q=1&r=%20#frag"),
]


def _stored(store: OxigraphStore) -> list[str]:
    return sorted(q.nq() for q in store.quads())


def test_text_insert_stores_what_term_objects_store(tmp_path: Path) -> None:
    quads = [Quad(S, P, o, G) for o in AWKWARD] + [Quad(S, P, AWKWARD[0], None)]
    assert _nquads(quads) is not None  # the text way is taken
    by_text = OxigraphStore(str(tmp_path / "text"))
    by_text.apply(WriteBatch(drop_graphs={G.value}, insert=quads))
    by_objects = OxigraphStore(str(tmp_path / "objects"))
    by_objects._store.extend([_Converter().quad(q) for q in quads])
    assert _stored(by_text) == _stored(by_objects)
    assert len(by_text) == len(quads)


@pytest.mark.parametrize(
    "bad",
    [
        "https://example.org/a\\u0041",  # a parser would decode this; NamedNode refuses it
        'https://example.org/a> <https://example.org/b> "x" <https://example.org/g> .\n<https://example.org/c',
        "not an iri",
    ],
)
def test_an_iri_n_quads_cannot_hold_is_refused_and_nothing_is_written(tmp_path: Path, bad: str) -> None:
    store = OxigraphStore(str(tmp_path / "kg"))
    with pytest.raises(StoreError):
        store.apply(WriteBatch(insert=[Quad(S, P, Term.literal("ok"), G), Quad(Term.uri(bad), P, S, G)]))
    assert len(store) == 0


def test_blank_nodes_keep_their_labels(tmp_path: Path) -> None:
    store = OxigraphStore(str(tmp_path / "kg"))
    quads = [Quad(Term.bnode("b1"), P, Term.literal("x"), G), Quad(S, P, Term.literal("y"), G)]
    assert _nquads(quads) is None  # the object way is taken
    store.apply(WriteBatch(insert=quads))
    assert _stored(store) == sorted(q.nq() for q in quads)
