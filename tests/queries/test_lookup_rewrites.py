"""Lookups whose query shape was rewritten for speed (issue 17) return what the old shape returned.

The old query texts are kept in ``tests/queries/reference/`` as the reference: each is run beside
the lookup or named query that replaced it, on the seed example (with a few sanctions by agencies
and sub-agencies added), and on small generated corpora (scripts/bench/corpus.py). The old shapes
take minutes on larger stores, so the corpora stay small here; the guard test
(test_lookup_guard.py) times the new ones on a larger corpus.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.namespaces import sparql_prologue
from graph.ontology import ontology_dir
from graph.queries import read_query
from graph.queries.api import KnowledgeGraph
from graph.queries.facts import FactLookups, Fields
from graph.queries.params import bind
from graph.store.base import SelectResult, Store, Term
from graph.store.oxigraph import OxigraphStore

REFERENCE = Path(__file__).resolve().parent / "reference"
OLD_SANCTIONS = (REFERENCE / "sanctions_before_issue17.rq").read_text(encoding="utf-8")
SANCTIONS_CORPUS = 10_000
EVENTS_CORPUS = 3_000  # the old events_by_date takes half a minute at 10k quads
# Sanctions by a sub-agency (two levels below its state), by an agency together with another state,
# on two targets, with every fact the lookup reads; and an agency that belongs to no state.
EXTRA_TRIG = """
@prefix dip: <https://w3id.org/diplograph/ontology#> .
@prefix dipd: <https://w3id.org/diplograph/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/diplograph/graph/test-sanctions> {
  dipd:agency-treasury a dip:GovernmentAgency ; skos:prefLabel "Treasury"@en ; dip:agencyOf dipd:USA .
  dipd:agency-ofac a dip:GovernmentAgency ; skos:prefLabel "OFAC"@en ; org:subOrganizationOf dipd:agency-treasury .
  dipd:agency-loose a dip:GovernmentAgency ; skos:prefLabel "Loose agency"@en .
  dipd:test-sanction-1 a dip:Sanction ; dip:imposedBy dipd:agency-ofac ; dip:sanctionTarget dipd:VEN ;
    dip:program "VENEZUELA-EO13850" ; dip:legalBasis "EO 13850" ; dip:startDate "2025-11-03"^^xsd:date ;
    dip:endDate "2026-11-03"^^xsd:date ; dip:statedReason dipd:test-reason-1 .
  dipd:test-reason-1 a dip:Proposition ; rdfs:label "corruption"@en .
  dipd:test-sanction-2 a dip:Sanction ; dip:imposedBy dipd:agency-treasury, dipd:COL ;
    dip:sanctionTarget dipd:VEN, dipd:person-gustavo-petro ; dip:startDate "2025-12"^^xsd:gYearMonth .
  dipd:test-sanction-3 a dip:Sanction ; dip:imposedBy dipd:agency-loose ; dip:sanctionTarget dipd:COL .
  dipd:test-sanction-4 a dip:Sanction ; dip:imposedBy dipd:USA .
}
"""


def old_sanction_fields(store: Store, target: str | None, authority: str | None) -> Fields:
    """What ``lookup/sanctions`` returned before issue 17, read as FactLookups read it."""
    params = {k: Term.uri(v) for k, v in (("target", target), ("authority", authority)) if v is not None}
    result = store.query(sparql_prologue() + bind(OLD_SANCTIONS, params))
    assert isinstance(result, SelectResult)
    out: Fields = {}
    for node, field, value in result.rows:
        if node is not None and field is not None and value is not None:
            out.setdefault(node.value, {}).setdefault(field.value, []).append(value)
    return out


def as_sets(fields: Fields) -> dict[str, dict[str, set[Term]]]:
    return {node: {k: set(v) for k, v in f.items()} for node, f in fields.items()}


@pytest.fixture(params=["seed-memory", "seed-oxigraph", "corpus"])
def kg(request: pytest.FixtureRequest, tmp_path: Path, open_corpus: Callable[[int], Store]) -> Iterator[KnowledgeGraph]:
    if request.param == "corpus":
        yield KnowledgeGraph(open_corpus(SANCTIONS_CORPUS))
        return
    extra = tmp_path / "extra.trig"
    extra.write_text(EXTRA_TRIG, encoding="utf-8")
    location = "memory:" if request.param == "seed-memory" else str(tmp_path / "kg")
    with KnowledgeGraph.open(location, create=True) as opened:
        opened.ingest([str(ontology_dir() / "examples" / "seed.trig"), str(extra)])
        yield opened


def sanction_cases(kg: KnowledgeGraph) -> list[tuple[str | None, str | None]]:
    """Every target and every imposer (and each imposer's state) alone, and a few pairs."""
    rows = kg.query("SELECT DISTINCT ?s ?t ?i WHERE { ?s dip:sanctionTarget ?t ; dip:imposedBy ?i }")
    targets = sorted({r["t"] for r in rows})[:8]
    imposers = sorted({r["i"] for r in rows})
    states = sorted({r["st"] for r in kg.query("SELECT DISTINCT ?st WHERE { ?s dip:imposedBy ?st . ?st a dip:State }")})
    authorities = sorted({*imposers, *states})[:12]
    pairs = list(itertools.islice(((t, a) for t in targets for a in authorities), 10))
    return [(None, None), *((t, None) for t in targets), *((None, a) for a in authorities), *pairs]


def test_sanction_fields_are_those_of_the_old_query(kg: KnowledgeGraph) -> None:
    facts = kg._facts
    cases = sanction_cases(kg)
    assert len(cases) > 5
    found_any = False
    for target, authority in cases:
        old = as_sets(old_sanction_fields(kg.store, target, authority))
        assert as_sets(facts.sanction_fields(target, authority)) == old, (target, authority)
        found_any = found_any or bool(old)
    assert found_any


def test_sanctions_are_those_of_the_old_query(kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = [(None, None), *[(t, a) for t, a in sanction_cases(kg) if (t is None) != (a is None)][:6]]
    new = [kg.sanctions(target=t, imposed_by=a, include_planned=True) for t, a in cases]
    monkeypatch.setattr(FactLookups, "sanction_fields", lambda self, t, a: old_sanction_fields(kg.store, t, a))
    old = [kg.sanctions(target=t, imposed_by=a, include_planned=True) for t, a in cases]
    assert new == old
    assert any(new)


def test_the_sanctions_of_agencies_roll_up_to_their_state(tmp_path: Path) -> None:
    extra = tmp_path / "extra.trig"
    extra.write_text(EXTRA_TRIG, encoding="utf-8")
    with KnowledgeGraph.open(str(tmp_path / "kg"), create=True) as kg:
        kg.ingest([str(ontology_dir() / "examples" / "seed.trig"), str(extra)])
        by_usa = {s.sanction.rsplit("/", 1)[-1]: s for s in kg.sanctions(imposed_by="USA")}
        assert {"test-sanction-1", "test-sanction-2"} <= set(by_usa)
        assert [a.iri.rsplit("/", 1)[-1] for a in by_usa["test-sanction-2"].authority_states] == ["COL", "USA"]
        assert "test-sanction-3" not in by_usa


# -- named sample queries -----------------------------------------------------------------------------
def rows(store: Store, text: str) -> list[tuple[str | None, ...]]:
    """Rows as N-Triples terms; a GROUP_CONCAT's parts sorted (SPARQL leaves their order open)."""
    result = store.query(sparql_prologue() + text)
    assert isinstance(result, SelectResult)
    out = []
    for row in result.rows:
        cells: list[str | None] = []
        for name, term in zip(result.variables, row, strict=True):
            if term is not None and name in ("with", "modality", "reasonDeniedBy"):
                separator = "|" if name == "modality" else ", "
                cells.append(separator.join(sorted(term.value.split(separator))))
            else:
                cells.append(term.nt() if term is not None else None)
        out.append(tuple(cells))
    return out


@pytest.mark.parametrize(
    ("name", "corpus", "keys"),
    [
        ("roles_held", SANCTIONS_CORPUS, (0, 3)),
        ("events_by_date", EVENTS_CORPUS, (0, 1)),
        ("who_sanctioned_whom", EVENTS_CORPUS, (4, 2)),
    ],
)
def test_sample_queries_give_the_rows_of_the_old_text(
    name: str, corpus: int, keys: tuple[int, ...], tmp_path: Path, open_corpus: Callable[[int], Store]
) -> None:
    old_text = (REFERENCE / f"{name}_before_issue17.rq").read_text(encoding="utf-8")
    new_text = read_query(f"sample/{name}")
    assert new_text != old_text
    seed = OxigraphStore(str(tmp_path / "kg"))
    KnowledgeGraph(seed).ingest([str(ontology_dir() / "examples" / "seed.trig")])
    for store in (seed, open_corpus(corpus)):
        old, new = rows(store, old_text), rows(store, new_text)
        assert old, name
        assert sorted(new, key=repr) == sorted(old, key=repr)
        # the same order wherever ORDER BY decides it (its keys are the columns ``keys``)
        assert [[r[i] for i in keys] for r in new] == [[r[i] for i in keys] for r in old]
    seed.close()


def test_source_contradictions_give_the_rows_of_the_old_text(tmp_path: Path) -> None:
    """The claims' nodes are looked up per row: the old text joined every claim with every claim first."""
    from tests.test_coreference import STORY, _files

    old_text = (REFERENCE / "source_contradictions_before_issue17.rq").read_text(encoding="utf-8")
    new_text = read_query("lookup/source_contradictions")
    assert new_text != old_text
    with KnowledgeGraph.open(str(tmp_path / "kg"), create=True) as kg:
        kg.ingest(_files(tmp_path, list(STORY)))
        old, new = rows(kg.store, old_text), rows(kg.store, new_text)
    assert old  # the story disagrees on a date: the comparison is not of two empty lists
    assert sorted(new, key=repr) == sorted(old, key=repr)


# -- named analyst queries ----------------------------------------------------------------------------
ANALYST_CORPUS = 10_000
ANALYST_PARAMS: dict[str, dict[str, object]] = {
    # the corpus's dates spread over years: a wide period, so that heads of state did meet in it
    "heads_of_state_met": {"from": "2015-01-01", "to": "2030-12-31"},
    "monthly_balance": {},
}


@pytest.mark.parametrize("name", sorted(ANALYST_PARAMS))
def test_analyst_queries_give_the_rows_of_the_old_text(
    name: str, tmp_path: Path, open_corpus: Callable[[int], Store]
) -> None:
    """Analyst queries rewritten for speed, beside their old text: on the seed with the default
    parameters and on a generated corpus with parameters that give rows; in the same order."""
    old_text = (REFERENCE / f"{name}_before_issue17.rq").read_text(encoding="utf-8")
    new_text = read_query(f"analyst/{name}")
    assert new_text != old_text
    seed = OxigraphStore(str(tmp_path / "kg"))
    KnowledgeGraph(seed).ingest([str(ontology_dir() / "examples" / "seed.trig")])
    for store, params in ((seed, {}), (open_corpus(ANALYST_CORPUS), ANALYST_PARAMS[name])):
        old, new = rows(store, bind(old_text, params)), rows(store, bind(new_text, params))
        assert old, name
        assert new == old
    seed.close()


# -- lookups of the contradictions ----------------------------------------------------------------------
def test_all_contradictions_are_the_rows_of_the_old_text(tmp_path: Path, open_corpus: Callable[[int], Store]) -> None:
    """lookup/all_contradictions (the whole store) gives the rows lookup/contradictions gives with no node."""
    old_text = read_query("lookup/contradictions")
    seed = OxigraphStore(str(tmp_path / "kg"))
    KnowledgeGraph(seed).ingest([str(ontology_dir() / "examples" / "seed.trig")])
    for store in (seed, open_corpus(SANCTIONS_CORPUS)):
        old, new = rows(store, old_text), rows(store, read_query("lookup/all_contradictions"))
        assert old
        assert sorted(new) == sorted(old)
    seed.close()


def test_content_nodes_are_those_of_the_old_text(tmp_path: Path, open_corpus: Callable[[int], Store]) -> None:
    """lookup/content_nodes for a list of nodes (every node a claim is about, and a node that is none)."""
    old_text = (REFERENCE / "content_nodes_before_issue17.rq").read_text(encoding="utf-8")
    new_text = read_query("lookup/content_nodes")
    assert new_text != old_text
    seed = OxigraphStore(str(tmp_path / "kg"))
    KnowledgeGraph(seed).ingest([str(ontology_dir() / "examples" / "seed.trig")])
    for store in (seed, open_corpus(SANCTIONS_CORPUS)):
        about = rows(store, "SELECT DISTINCT ?n WHERE { ?c dip:about ?n }")
        nodes = [Term.uri(r[0][1:-1]) for r in about if r[0] and r[0].startswith("<")]
        nodes.append(Term.uri("https://w3id.org/diplograph/id/USA"))
        params = {"node": nodes}
        old, new = rows(store, bind(old_text, params)), rows(store, bind(new_text, params))
        assert len(old) > 10
        assert sorted(new, key=repr) == sorted(old, key=repr)
        every_new, every_old = rows(store, new_text), rows(store, old_text)  # every content node (the default)
        assert sorted(every_new, key=repr) == sorted(every_old, key=repr)
    seed.close()


def test_contradictions_are_those_of_the_old_lookups(kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    """kg.contradictions() as before issue 17: the one-group lookup/contradictions for the whole store,
    the old lookup/content_nodes, and the claims' nodes described apart from the events."""
    new = kg.contradictions()
    assert new
    old_nodes = (REFERENCE / "content_nodes_before_issue17.rq").read_text(encoding="utf-8")
    run, claim_rows = kg._run, FactLookups._claim_rows

    def old_run(name: str, params: dict[str, object]) -> SelectResult:
        if name == "content_nodes":
            result = kg.store.query(sparql_prologue() + bind(old_nodes, params))
            assert isinstance(result, SelectResult)
            return result
        return run("contradictions" if name == "all_contradictions" else name, params)

    monkeypatch.setattr(kg, "_run", old_run)
    monkeypatch.setattr(
        FactLookups, "_claim_rows", lambda self, claims, nodes, described=None: claim_rows(self, claims, nodes)
    )
    assert kg.contradictions() == new


def test_events_with_evidence_read_their_claims_alike_in_a_second_thread(kg: KnowledgeGraph) -> None:
    """The per-event read with evidence reads the claims beside the facts when the store allows
    concurrent readers: the same relations as one after the other."""
    fetch = kg._fetch
    if not kg.store.concurrent_reads:  # rdflib's store: one reader at a time, never the second thread
        assert not fetch.concurrent
        return
    events = sorted({r["e"] for r in kg.query("SELECT DISTINCT ?e WHERE { ?e dip:eventType ?t }")})
    iris = [*events[:200], "https://w3id.org/diplograph/id/no-such-event"]
    fetch.concurrent = True
    together = fetch.reports(iris)
    fetch.concurrent = False
    apart = fetch.reports(iris)
    assert len(together) > 5
    assert sum(len(r.evidence) for r in together) > len(together)
    assert together == apart


# -- the events of an actor and of a dyad ------------------------------------------------------------------
@pytest.mark.parametrize("name", ["dyad_events", "actor_events"])
def test_event_lookups_give_the_events_of_the_old_text(
    name: str, tmp_path: Path, open_corpus: Callable[[int], Store]
) -> None:
    """The period tests as EXISTS instead of OPTIONAL date joins: the same events, with and without
    a period, for the busiest pair of states and each of its two states."""
    old_text = (REFERENCE / f"{name}_before_issue17.rq").read_text(encoding="utf-8")
    new_text = read_query(f"lookup/{name}")
    assert new_text != old_text
    seed = OxigraphStore(str(tmp_path / "kg"))
    KnowledgeGraph(seed).ingest([str(ontology_dir() / "examples" / "seed.trig")])
    periods: list[dict[str, object]] = [
        {},
        {"since": "2026-01-06"},
        {"until": "2026-01-31"},
        {"since": "2019-01-01", "until": "2022-06-30"},
        {"since": "2030-01-01"},
    ]
    for store in (seed, open_corpus(SANCTIONS_CORPUS)):
        busiest = rows(
            store,
            """SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dip:involvesState ?a , ?b .
               FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b ORDER BY DESC(?n) ?a ?b LIMIT 1""",
        )[0]
        a, b = (Term.uri(t[1:-1]) for t in busiest[:2] if t)
        sides = [{"a": a, "b": b}] if name == "dyad_events" else [{"a": a}, {"a": b}]
        found_any = False
        for side in sides:
            for period in periods:
                params = {**side, **period}
                old, new = rows(store, bind(old_text, params)), rows(store, bind(new_text, params))
                assert sorted(new) == sorted(old), params
                found_any = found_any or bool(old)
        assert found_any
    seed.close()
