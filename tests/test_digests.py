"""Digests (graph.digests): each source graph's events and claims packed into a few texts, computed from its quads."""

from __future__ import annotations

from graph import ids
from graph.digests import (
    CHUNK,
    CLAIM_DIGEST,
    CLAIM_FIELDS,
    DIGEST,
    DIGEST_FORMAT,
    FIELDS,
    FORMAT,
    INDEX_PREDICATES,
    RECORD_SEPARATOR,
    digest_quads,
    expand,
    records,
    unescape,
    with_digests,
)
from graph.store.base import Quad, Term, WriteBatch

DIP = ids.ONTOLOGY
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
MOD = ids.SCHEME + "modality/"
G = ids.GRAPH + "doc-test.hand"
OTHER = ids.GRAPH + "doc-other.hand"


def u(local: str) -> Term:
    return Term.uri(ids.ID + local)


def quad(s: Term, p: str, o: Term, g: str = G) -> Quad:
    return Quad(s, Term.uri(p), o, Term.uri(g))


def day(text: str) -> Term:
    return Term.literal(text, XSD + "date")


def unpacked(quads: list[Quad], predicate: str, layout: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The records of the digest texts of one kind, by the IRI each describes."""
    out = {}
    for q in quads:
        if q.predicate.value == predicate:
            assert q.subject == q.graph  # a graph's digests are stated about the graph, inside it
            for record in records(q.object.value):
                named = dict(zip(layout, record.split("\t"), strict=True))
                out[expand(named[layout[0]])] = named
    return out


def fields(quads: list[Quad]) -> dict[str, dict[str, str]]:
    return unpacked(quads, DIGEST, FIELDS)


EVENT = [
    quad(u("ev"), DIP + "eventType", Term.uri(ids.SCHEME + "cameo/042")),
    quad(u("ev"), DIP + "actor", u("USA")),
    quad(u("ev"), DIP + "target", u("COL")),
    quad(u("ev"), DIP + "target", u("VEN")),
    quad(u("ev"), DIP + "dateEarliest", day("2026-01-01")),
    quad(u("ev"), DIP + "dateLatest", day("2026-01-31")),
    quad(u("ev"), DIP + "datePrecision", Term.uri("http://www.w3.org/2006/time#unitMonth")),
    quad(u("c1"), DIP + "about", u("ev")),
    quad(u("c1"), DIP + "modality", Term.uri(MOD + "alleged")),
    quad(u("c1"), DIP + "confidence", Term.literal("0.80", XSD + "decimal")),
    quad(u("c1"), PROV + "wasGeneratedBy", u("run-1")),
    quad(u("c2"), DIP + "about", u("ev")),  # a claim with no modality, confidence or run
    quad(u("ev"), DIP + "actor", u("ELSEWHERE"), OTHER),  # another graph: not this digest's business
]


def test_a_digest_packs_what_one_graph_says_about_an_event() -> None:
    out = digest_quads(G, EVENT)
    assert out[0] == quad(Term.uri(G), DIGEST_FORMAT, Term.literal(FORMAT))
    assert all(q.graph == Term.uri(G) for q in out)
    ev = fields(out)[ids.ID + "ev"]
    # diplograph's own IRIs and CAMEO codes are shortened (graph.digests.compact)
    assert ev["event"] == "~ev"
    assert ev["types"] == "^042"
    assert ev["actors"] == "~USA"
    assert ev["targets"] == "~COL ~VEN"
    assert ev["window"] == "|2026-01-01|2026-01-31|2"  # dates | earliest | latest | precision (2: month)
    assert ev["scheduled"] == ""
    # c1 came from run-1, whose document the write did not include; c2 has no run: a source of its own
    assert (ev["sources"], ev["unrun_claims"]) == ("~run-1*1", "~c2")
    assert (ev["confidence"], ev["modalities"]) == ("0.8", "alleged")


def test_a_run_whose_document_is_known_is_written_as_that_document() -> None:
    out = digest_quads(G, EVENT, {ids.ID + "run-1": {ids.ID + "doc-1"}})
    assert fields(out)[ids.ID + "ev"]["sources"] == "~doc-1"
    used = Quad(u("run-1"), Term.uri(PROV + "used"), u("doc-2"), Term.uri(ids.META_GRAPH))
    batch = with_digests(WriteBatch(drop_graphs={G}, insert=[*EVENT, used]))  # the batch's own run record
    assert fields(batch.insert)[ids.ID + "ev"]["sources"] == "~doc-2"


def test_dates_that_are_not_plain_dates_and_scheduled_status_are_marked() -> None:
    stamp = Term.literal("2026-01-07T10:00:00", XSD + "dateTime")
    out = digest_quads(
        G,
        [
            quad(u("ev"), DIP + "date", stamp),
            quad(u("ev"), "https://schema.org/eventStatus", Term.uri("https://schema.org/EventScheduled")),
        ],
    )
    ev = fields(out)[ids.ID + "ev"]
    assert (ev["window"], ev["scheduled"]) == ("?|||", "1")


def test_nodes_only_claimed_about_get_a_digest_and_blank_nodes_none() -> None:
    blank = Term.bnode("b0")
    out = digest_quads(
        G,
        [
            quad(u("c"), DIP + "about", u("tenure")),
            quad(u("c"), DIP + "modality", Term.uri(MOD + "asserted")),
            quad(blank, DIP + "actor", u("USA")),
        ],
    )
    assert set(fields(out)) == {ids.ID + "tenure"}
    tenure = fields(out)[ids.ID + "tenure"]
    assert (tenure["unrun_claims"], tenure["modalities"], tenure["types"]) == ("~c", "asserted", "")


def test_iris_outside_diplograph_names_are_kept_whole() -> None:
    other = Term.uri("https://example.org/ev")
    out = digest_quads(G, [quad(other, DIP + "actor", Term.uri("https://example.org/a"))])
    ev = fields(out)["https://example.org/ev"]
    assert (ev["event"], ev["actors"]) == ("https://example.org/ev", "https://example.org/a")


def test_digests_do_not_depend_on_the_order_of_the_quads() -> None:
    assert digest_quads(G, EVENT) == digest_quads(G, list(reversed(EVENT)))


def test_with_digests_replaces_stale_digests_and_leaves_shared_graphs_alone() -> None:
    stale = quad(Term.uri(G), DIGEST, Term.literal("stale"))
    meta = Quad(u("run-1"), Term.uri(PROV + "used"), u("doc"), Term.uri(ids.META_GRAPH))
    batch = WriteBatch(
        drop_graphs={G, ids.DERIVED_GRAPH},
        delete_subjects={ids.META_GRAPH: {ids.ID + "run-1"}},
        insert=[*EVENT, stale, meta],
    )
    out = with_digests(batch)
    assert stale not in out.insert and meta in out.insert
    assert out.drop_graphs == batch.drop_graphs and out.delete_subjects == batch.delete_subjects
    digests = [q for q in out.insert if q.predicate.value in INDEX_PREDICATES]
    assert {q.graph.value for q in digests if q.graph} == {G}  # none for graph/derived
    assert digests == digest_quads(G, EVENT, {ids.ID + "run-1": {ids.ID + "doc"}})


def test_a_batch_that_replaces_no_graph_is_left_as_it_is() -> None:
    batch = WriteBatch(insert=EVENT)
    assert with_digests(batch) is batch


def claim_fields(quads: list[Quad]) -> dict[str, dict[str, str]]:
    return unpacked(quads, CLAIM_DIGEST, CLAIM_FIELDS)


def test_a_claim_digest_carries_the_evidence_of_one_claim() -> None:
    sentence = u("doc-1-s3")
    text = 'Trump said, "Petro is a thug"\tand left.'
    cited = [
        quad(u("c1"), DIP + "claimant", u("USA")),
        quad(u("c1"), PROV + "wasDerivedFrom", sentence),
        quad(sentence, "http://purl.org/dc/terms/isPartOf", u("doc-1")),
        quad(sentence, "http://www.w3.org/ns/oa#start", Term.literal("10", XSD + "integer")),
        quad(sentence, "http://www.w3.org/ns/oa#end", Term.literal("49", XSD + "integer")),
        quad(sentence, "http://www.w3.org/ns/oa#exact", Term.literal(text)),
    ]
    out = digest_quads(G, [*EVENT, *cited], {ids.ID + "run-1": {ids.ID + "doc-1"}})
    c1, c2 = (claim_fields(out)[ids.ID + c] for c in ("c1", "c2"))
    assert (c1["claim"], c1["about"], c1["modality"], c1["claimant"]) == ("~c1", "~ev", "alleged", "~USA")
    assert (c1["confidence"], c1["run"], c1["document"]) == ("0.8", "~run-1", "~doc-1")
    assert (c1["sentence"], c1["article"], c1["start"], c1["end"]) == ("~doc-1-s3", "~doc-1", "10", "49")
    assert "," not in c1["text"] and '"' not in c1["text"]  # one CSV field that needs no quoting
    assert unescape(c1["text"]) == text
    assert (c2["modality"], c2["run"], c2["sentence"], c2["text"]) == ("", "", "", "")


def test_a_large_graph_packs_its_records_into_texts_of_bounded_size() -> None:
    many = [quad(u(f"ev{i:05d}"), DIP + "actor", u(f"actor-with-a-long-name-{i:05d}")) for i in range(3000)]
    texts = [q.object.value for q in digest_quads(G, many) if q.predicate.value == DIGEST]
    assert len(texts) > 1 and all(len(t) <= CHUNK for t in texts)
    assert sorted(fields(digest_quads(G, many))) == sorted(q.subject.value for q in many)  # none lost or split


def test_a_sentence_holding_the_record_separator_is_left_for_the_slow_read() -> None:
    sentence = u("doc-1-s1")
    cited = [
        quad(u("c1"), PROV + "wasDerivedFrom", sentence),
        quad(sentence, "http://www.w3.org/ns/oa#exact", Term.literal(f"odd {RECORD_SEPARATOR} text")),
    ]
    c1 = claim_fields(digest_quads(G, [*EVENT, *cited]))[ids.ID + "c1"]
    assert (c1["sentence"], c1["text"]) == ("~doc-1-s1", "")
