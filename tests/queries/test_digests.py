"""The whole-store read from event digests (graph.queries.digests): the same records as the triples give."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

import graph
from graph.digests import records
from graph.queries.api import KnowledgeGraph
from graph.queries.digests import MAX_UNMARKED_CHECKS, read_digests
from graph.queries.records import Relation
from graph.store.base import Quad, Term, ValueRows, WriteBatch

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "ontology" / "examples" / "seed.trig"
FIX = ROOT / "tests" / "fixtures" / "analyst2"
ID = "https://w3id.org/diplograph/id/"
DIP = "https://w3id.org/diplograph/ontology#"
BACKENDS = ["memory", "oxigraph"]

PREFIXES = """@prefix dip: <https://w3id.org/diplograph/ontology#> .
@prefix dipd: <https://w3id.org/diplograph/id/> .
@prefix dipg: <https://w3id.org/diplograph/graph/> .
@prefix mod: <https://w3id.org/diplograph/scheme/modality/> .
@prefix cameo: <https://w3id.org/diplograph/scheme/cameo/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix dct: <http://purl.org/dc/terms/> .
"""


def source(name: str, body: str) -> str:
    """A TriG source graph ``doc-{name}.hand`` whose run read document ``doc-{name}``."""
    return (
        PREFIXES
        + f"dipg:meta {{ dipd:run-{name} a dip:ExtractionRun ; prov:used dipd:doc-{name} . }}\n"
        + f"dipg:doc-{name}.hand {{\n{body}\n}}\n"
    )


# One visit told by two sources with different windows, types and stances; a call whose date is a
# dateTime (read again one by one); a claim about the visit from a third source with no run.
FIRST = source(
    "first",
    """dipd:dg-visit a dip:Interaction ; dip:eventType cameo:042 ; dip:actor dipd:USA ; dip:target dipd:COL ;
      dip:dateEarliest "2026-01-01"^^xsd:date ; dip:dateLatest "2026-01-31"^^xsd:date ;
      dip:datePrecision time:unitMonth .
  dipd:dg-c1 a dip:Claim ; dip:about dipd:dg-visit ; dip:modality mod:asserted ; dip:confidence 0.8 ;
      prov:wasGeneratedBy dipd:run-first .
  dipd:dg-call a dip:Interaction ; dip:eventType cameo:040 ; dip:participant dipd:USA , dipd:VEN ;
      dip:date "2026-02-02T10:00:00"^^xsd:dateTime .
  dipd:doc-first-s1 oa:exact "The envoy, it was said, \\"visited\\" Bogota." ; dct:isPartOf dipd:doc-first ;
      oa:start 0 ; oa:end 43 .""",
)
SECOND = source(
    "second",
    """dipd:dg-visit a dip:Interaction ; dip:eventType cameo:036 ; dip:actor dipd:USA , dipd:VEN ;
      dip:dateEarliest "2026-01-10"^^xsd:date ; dip:dateLatest "2026-01-20"^^xsd:date ;
      dip:datePrecision time:unitMonth .
  dipd:dg-c2 a dip:Claim ; dip:about dipd:dg-visit ; dip:modality mod:alleged ; dip:confidence 0.9 ;
      prov:wasGeneratedBy dipd:run-second .
  dipd:dg-c3 a dip:Claim ; dip:about dipd:dg-visit ; dip:modality mod:alleged .""",
)

# A restatement whose run is described only in another file: its digest names the run, and the
# reader looks up the run's document (doc-first, already counted); it cites a sentence that another
# graph describes, which the reader looks up too.
THIRD = (
    PREFIXES
    + """dipg:doc-third.hand {
  dipd:dg-c4 a dip:Claim ; dip:about dipd:dg-visit ; dip:modality mod:asserted ; prov:wasGeneratedBy dipd:run-first ;
      prov:wasDerivedFrom dipd:doc-first-s1 .
}
"""
)


def _open(backend: str, tmp: Path, files: list[Path]) -> KnowledgeGraph:
    kg = graph.open("memory:" if backend == "memory" else str(tmp / "kg"), create=True)
    report = kg.ingest([str(f) for f in files])
    assert report.ok, report.summary()
    return kg


@pytest.fixture(params=BACKENDS)
def kg(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeGraph]:
    (tmp_path / "first.trig").write_text(FIRST)
    (tmp_path / "second.trig").write_text(SECOND)
    (tmp_path / "third.trig").write_text(THIRD)
    files = [SEED, FIX / "second-outlet.yaml", FIX / "denial.trig"]
    files += [tmp_path / "first.trig", tmp_path / "second.trig", tmp_path / "third.trig"]
    kg = _open(request.param, tmp_path, files)
    yield kg
    kg.close()


def by_event(rows: list[Relation]) -> dict[str, Relation]:
    return {r.event: r for r in rows}


def uses_digests(kg: KnowledgeGraph) -> bool:
    fetch = kg._fetch
    assert fetch.graph_names is not None and fetch.without_content is not None
    return read_digests(fetch.values, fetch.graph_names, fetch.without_content, concurrent=False) is not None


def test_every_ingested_source_has_digests_and_they_read_as_the_triples_do(kg: KnowledgeGraph) -> None:
    assert uses_digests(kg)
    fetch = kg._fetch
    digested = by_event(fetch.events(None, evidence=False))
    fetch.use_digests = False
    tables = by_event(fetch.events(None, evidence=False))
    one_by_one = by_event(fetch.events(set(tables), evidence=False))
    assert len(digested) > 10
    assert digested == tables == one_by_one


def test_claims_and_their_evidence_read_from_digests_equal_those_from_the_triples(kg: KnowledgeGraph) -> None:
    fetch = kg._fetch
    digested = by_event(fetch.events(None, evidence=True))
    claims = fetch._all_claims(None)
    assert sum(len(cs) for cs in claims.values()) > 10
    fetch.use_digests = False
    assert fetch._all_claims(None) == claims
    from_triples = by_event(fetch.events(None, evidence=True))
    assert digested == from_triples
    assert sum(len(r.evidence) for r in digested.values()) > len(digested)
    per_event = by_event(fetch.events(set(from_triples), evidence=True))
    assert digested == per_event


def test_bulk_reads_of_articles_and_sentences_equal_the_lookups(
    kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph.queries import fetch as fetch_module

    expected = by_event(kg._fetch.events(None, evidence=True))  # few articles: lookup/articles
    monkeypatch.setattr(fetch_module, "BULK", 1)  # every read past the bulk threshold
    kg.refresh()
    assert by_event(kg._fetch.events(None, evidence=True)) == expected  # articles from flat scans
    kg.refresh()
    kg._fetch.use_digests = False
    assert by_event(kg._fetch.events(None, evidence=True)) == expected  # and sentences too


def test_sources_of_one_event_are_merged_by_the_rules_of_the_lookups(kg: KnowledgeGraph) -> None:
    visit = by_event(kg._fetch.events(None, evidence=False))[ID + "dg-visit"]
    assert visit.cameo == "036"  # restated with several types: the lowest code
    assert [a.iri for a in visit.actors] == [ID + "USA", ID + "VEN"] and [t.iri for t in visit.targets] == [ID + "COL"]
    assert (visit.earliest, visit.latest, visit.precision) == (dt.date(2026, 1, 10), dt.date(2026, 1, 20), "month")
    assert visit.modalities == ("asserted", "alleged")
    # two documents (doc-first also through the third graph's claim), and a claim without one
    assert (visit.sources, visit.confidence) == (3, 0.9)
    texts = [record for row in kg._values("digests", {}).rows for record in records(row[0])]
    digest = next(t for t in texts if t.startswith("~dg-visit\t") and "*" in t)
    assert "~run-first*1" in digest  # the third graph did not say which document run-first used


def test_a_date_that_is_not_a_plain_date_is_read_again_one_by_one(kg: KnowledgeGraph) -> None:
    call = by_event(kg._fetch.events(None, evidence=False))[ID + "dg-call"]
    assert call == kg._fetch.events({ID + "dg-call"}, evidence=False)[0]
    assert [p.iri for p in call.participants] == [ID + "USA", ID + "VEN"]


def test_a_graph_written_without_digests_sends_the_read_back_to_the_triples(kg: KnowledgeGraph) -> None:
    g = Term.uri("https://w3id.org/diplograph/graph/doc-by-hand.other-tool")
    event = Term.uri(ID + "dg-by-hand")
    kg.store.apply(
        WriteBatch(
            insert=[
                Quad(event, Term.uri(DIP + "eventType"), Term.uri("https://w3id.org/diplograph/scheme/cameo/042"), g),
                Quad(event, Term.uri(DIP + "actor"), Term.uri(ID + "USA"), g),
            ]
        )
    )
    kg.refresh()
    assert not uses_digests(kg)
    rows = by_event(kg._fetch.events(None, evidence=False))
    assert rows[ID + "dg-by-hand"].cameo == "042" and ID + "dg-visit" in rows


def test_a_graph_of_other_data_written_without_digests_keeps_the_digest_read(kg: KnowledgeGraph) -> None:
    g = Term.uri("http://example.org/another-tools-graph")  # e.g. a server's own system graph
    label = Term.uri("http://www.w3.org/2000/01/rdf-schema#label")
    kg.store.apply(WriteBatch(insert=[Quad(Term.uri("http://example.org/x"), label, Term.literal("x"), g)]))
    kg.refresh()
    assert uses_digests(kg)


def test_dropping_a_source_keeps_the_digest_read(kg: KnowledgeGraph) -> None:
    assert kg.store.drop_graph("https://w3id.org/diplograph/graph/doc-second.hand")
    kg.refresh()
    assert uses_digests(kg)
    visit = by_event(kg._fetch.events(None, evidence=False))[ID + "dg-visit"]
    assert (visit.cameo, visit.modalities, visit.sources) == ("042", ("asserted",), 1)


def test_articles_read_from_digests_equal_those_from_the_triples_and_gaps_send_the_read_back(
    kg: KnowledgeGraph,
) -> None:
    fetch = kg._fetch
    digested = fetch._articles_from_digests()
    assert digested is not None and len(digested) >= 3
    fetch.use_digests = False
    scanned = fetch._all_articles()
    assert {a: scanned[a] for a in digested} == digested
    assert set(scanned) - set(digested) == {"https://w3id.org/diplograph/ontology"}  # its title: no article
    fetch.use_digests = True
    # a title stated outside graph/meta, where no digest covers it: the triples are read instead
    article = Term.uri(min(digested))
    title = Quad(article, Term.uri("http://purl.org/dc/terms/title"), Term.literal("A"), Term.uri(DIP + "g"))
    kg.store.apply(WriteBatch(insert=[title]))
    assert fetch._articles_from_digests() is None
    assert fetch._all_articles()[article.value].title == "A"  # the lowest title, as the scans take it


def test_an_article_digest_of_another_layout_sends_the_read_back_to_the_triples(kg: KnowledgeGraph) -> None:
    from graph import ids
    from graph.digests import ARTICLE_DIGEST

    fetch = kg._fetch
    expected = fetch._articles_from_digests()
    assert expected is not None
    digest = next(q for q in kg.store.quads(ids.META_GRAPH) if q.predicate.value == ARTICLE_DIGEST)
    record = [q for q in kg.store.quads(ids.META_GRAPH) if q.subject == digest.subject and q != digest]
    older = Quad(digest.subject, digest.predicate, Term.literal(digest.object.value.rsplit("\t", 1)[0]), digest.graph)
    kg.store.apply(WriteBatch(delete_subjects={ids.META_GRAPH: {digest.subject.value}}, insert=[*record, older]))
    assert fetch._articles_from_digests() is None
    assert {a: fetch._all_articles()[a] for a in expected} == expected


def runner(tables: Mapping[str, list[tuple[str, ...]]]) -> object:
    def run(name: str, params: Mapping[str, object]) -> ValueRows:
        return ValueRows([], tables[name])

    return run


def test_unmarked_graphs_are_tolerated_only_when_empty() -> None:
    tables = {
        "digest_coverage": [("1", "2")],  # fewer markers than graphs: the graphs are looked at one by one
        "digest_graphs": [("g1", "1"), ("g-old", "0")],
        "run_documents": [("r", "d")],
        "digests": [("text",)],
    }
    run = runner(tables)
    empty = read_digests(run, lambda: ["g1", "g-empty"], lambda g: True, concurrent=True)  # type: ignore[arg-type]
    assert empty is not None and empty.texts == ["text"] and empty.documents() == {"r": {"d"}}
    assert read_digests(run, lambda: ["g1", "g-old"], lambda g: g != "g-old", concurrent=False) is None  # type: ignore[arg-type]
    many = [f"g{i}" for i in range(2, MAX_UNMARKED_CHECKS + 3)]
    assert read_digests(run, lambda: ["g1", *many], lambda g: True, concurrent=True) is None  # type: ignore[arg-type]


def test_a_marker_on_every_source_graph_needs_no_closer_look() -> None:
    tables = {"digest_coverage": [("2", "2")], "digests": [("text",)]}

    def unused(name: str, params: Mapping[str, object]) -> ValueRows:
        if name == "digest_graphs":
            raise AssertionError("the graphs should not be looked at one by one")
        return ValueRows([], tables[name])

    def unnamed() -> list[str]:
        raise AssertionError("the counts agree: the graphs need not be listed")

    found = read_digests(unused, unnamed, lambda g: False, concurrent=True)
    assert found is not None and found.texts == ["text"]
    # a store that counts graphs another way (none, here): the names are compared with the markers
    tables["digest_coverage"] = [("2", "0")]
    names = ["https://w3id.org/diplograph/graph/meta", "g1", "g2"]  # the shared meta graph has none
    found = read_digests(unused, lambda: names, lambda g: False, concurrent=True)
    assert found is not None and found.texts == ["text"]


def test_the_coverage_count_leaves_out_every_shared_graph() -> None:
    from graph import ids
    from graph.queries import read_query

    text = read_query("lookup/digest_coverage")
    assert all(f"dipg:{g.removeprefix(ids.GRAPH)}" in text for g in ids.SHARED_GRAPHS)


def test_the_network_with_evidence_is_the_same_from_digests_from_triples_and_from_records(kg: KnowledgeGraph) -> None:
    from graph.queries.filters import by_date
    from graph.views import network

    def edges(nxg: object) -> list[tuple[object, ...]]:
        return sorted((u, v, k, repr(d)) for u, v, k, d in nxg.edges(keys=True, data=True))  # type: ignore[attr-defined]

    fast = kg.to_networkx(include_planned=True)
    from_records = network.build(sorted(kg._fetch.events(None, evidence=True), key=by_date), kg.index.actors)
    kg._fetch.use_digests = False
    from_triples = kg.to_networkx(include_planned=True)
    assert edges(fast) == edges(from_records) == edges(from_triples)
    # and in the same order: by date window, code and event (the whole-store read comes unordered)
    assert list(fast.edges(keys=True)) == list(from_records.edges(keys=True)) == list(from_triples.edges(keys=True))
    assert dict(fast.nodes(data=True)) == dict(from_records.nodes(data=True))
    cited = [e for _, _, d in fast.edges(data=True) for e in d["evidence"]]
    assert len(cited) > 10 and sum(1 for e in cited if e["sentence"] and e["title"]) > 5
    # dg-c4's graph cites a sentence it does not describe: its digest has no text, and it is looked up
    texts = [record for row in kg._values("claim_digests", {}).rows for record in records(row[0])]
    assert next(t for t in texts if t.startswith("~dg-c4\t")).endswith("\t~doc-first-s1\t\t\t\t")
    envoy = [e for e in cited if "envoy" in (e["sentence"] or "")]
    assert envoy and envoy[0]["start"] == 0 and envoy[0]["article"] == ID + "doc-first"


def test_parts_in_digest_order_are_the_parts_in_iri_order(kg: KnowledgeGraph) -> None:
    from graph.queries.digests import DigestTable

    fetch = kg._fetch
    digests = fetch._digests("digests")
    assert digests is not None

    def table() -> DigestTable:
        return DigestTable(fetch._code, fetch.types.kind, fetch._ref, fetch._day)

    reader = table()
    ordered = reader.parts(digests)
    assert [p[0] for p in ordered] == sorted(p[0] for p in ordered)
    assert sorted(table().parts(digests, ordered=False)) == ordered
    # the records the lookups get, but for the events whose dates are read again one by one
    again = reader.unreadable
    assert again == {ID + "dg-call"}
    records = [Relation.of_parts(p) for p in ordered if p[0] not in again]
    assert records == [r for r in fetch._table(None) if r.event not in again]


def test_two_digests_of_one_event_pool_each_field_as_a_set_of_values() -> None:
    from graph.digests import FIELDS
    from graph.queries.digests import _pool

    one = ["~e", "^042", "~USA", "~COL", "", "2026-01-02|||", "", "~doc-a", "", "0.8", "asserted"]
    two = ["~e", "^042", "~USA ~VEN", "~COL", "", "|2026-01-01|2026-01-31|2", "", "~doc-b", "", "0.8", "alleged"]
    assert len(one) == len(two) == len(FIELDS)
    pooled = dict(zip(FIELDS, _pool(one, two), strict=True))
    assert pooled["types"] == "^042" and pooled["confidence"] == "0.8"  # alike: kept once
    assert pooled["actors"] == "~USA ~USA ~VEN" and pooled["sources"] == "~doc-a ~doc-b"
    assert pooled["modalities"] == "asserted alleged" and pooled["targets"] == "~COL"
    assert pooled["window"] == "2026-01-02|2026-01-01|2026-01-31|2"  # each part pooled apart
    assert _pool(one, one) == one
