"""The analyst API (graph.open / KnowledgeGraph) on the seed and on small hand-written fixtures.

Every lookup runs on both backends (rdflib in memory, Oxigraph on disk). ``seed`` holds the seed
annotation only; ``two`` adds tests/fixtures/analyst2: a second outlet (a second "Petro", a child,
a spouse, an ended tenure, a month-precision accord, a hypothetical sanction, an OFAC sanction)
and a third source denying the seed's threat.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import graph
from graph.queries.api import KnowledgeGraph
from graph.queries.errors import AmbiguousReference, UnknownActor

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "ontology" / "examples" / "seed.trig"
FIX = ROOT / "tests" / "fixtures" / "analyst2"
ID = "https://w3id.org/diplograph/id/"
BACKENDS = ["memory", "oxigraph"]


def _open(backend: str, tmp: Path, files: list[Path]) -> KnowledgeGraph:
    kg = graph.open("memory:" if backend == "memory" else str(tmp / "kg"), create=True)
    report = kg.ingest([str(f) for f in files])
    assert report.ok, report.summary()
    return kg


@pytest.fixture(scope="module", params=BACKENDS)
def seed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    kg = _open(request.param, tmp_path_factory.mktemp(f"seed-{request.param}"), [SEED])
    yield kg
    kg.close()


@pytest.fixture(scope="module", params=BACKENDS)
def two(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    files = [SEED, FIX / "second-outlet.yaml", FIX / "denial.trig"]
    kg = _open(request.param, tmp_path_factory.mktemp(f"two-{request.param}"), files)
    yield kg
    kg.close()


def local(iri: str) -> str:
    return iri.removeprefix(ID)


def codes(rows: list[graph.Relation]) -> list[str | None]:
    return [r.cameo for r in rows]


# -- opening ---------------------------------------------------------------------------------------
def test_open_uses_the_default_store_of_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    location = tmp_path / "kg"
    from graph.store import open_store

    open_store(str(location), create=True).close()
    monkeypatch.setenv("DIPLOGRAPH_STORE", str(location))
    with graph.open() as kg:
        assert kg.store.location == str(location)
        assert kg.actors() == []


def test_open_a_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(graph.StoreError):
        graph.open(str(tmp_path / "nothing-here"))


# -- name resolution -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ref", "iri"),
    [
        ("Petro", "person-gustavo-petro"),
        ("petro", "person-gustavo-petro"),
        ("Gustavo Petro", "person-gustavo-petro"),
        ("  GUSTAVO   petro ", "person-gustavo-petro"),
        ("Gustavo Francisco Petro Urrego", "person-gustavo-petro"),
        ("COL", "COL"),
        ("CO", "COL"),
        ("col", "COL"),
        ("U.S.", "USA"),
        ("america", "USA"),
        ("dipd:COL", "COL"),
        (ID + "USA", "USA"),
        (f"<{ID}USA>", "USA"),
        ("DEA", "agency-usa-drug-enforcement-administration"),
        ("enforcement", "agency-usa-drug-enforcement-administration"),
    ],
)
def test_actor_resolves_names_aliases_codes_and_iris(seed: KnowledgeGraph, ref: str, iri: str) -> None:
    assert local(seed.actor(ref).iri) == iri


def test_accents_and_partial_names(two: KnowledgeGraph) -> None:
    assert two.actor("Veronica Alcocer").label == "Verónica Alcocer"
    assert two.actor("alcocer").label == "Verónica Alcocer"
    assert two.actor("nicolas petro burgos").label == "Nicolás Petro"


def test_an_ambiguous_name_lists_the_candidates(two: KnowledgeGraph) -> None:
    with pytest.raises(AmbiguousReference) as info:
        two.actor("Petro")
    assert [label for _, label, _ in info.value.candidates] == ["Gustavo Petro", "Nicolás Petro"]
    assert "Gustavo Petro (person, dipd:person-gustavo-petro)" in str(info.value)
    assert isinstance(info.value, graph.QueryError)
    assert two.actor("Gustavo Petro").label == "Gustavo Petro"


def test_a_partial_name_that_fits_several_is_ambiguous_too(seed: KnowledgeGraph) -> None:
    with pytest.raises(AmbiguousReference) as info:
        seed.actor("department")
    assert {c[1] for c in info.value.candidates} == {"U.S. Department of Justice", "U.S. Department of State"}


@pytest.mark.parametrize("ref", ["Atlantis", "dipd:nobody", "", "dipd:seed-ev-call"])
def test_unknown_actors(seed: KnowledgeGraph, ref: str) -> None:
    with pytest.raises(UnknownActor):
        seed.actor(ref)


def test_unknown_actor_suggests_close_names(seed: KnowledgeGraph) -> None:
    with pytest.raises(UnknownActor) as info:
        seed.actor("Colombai")
    assert [label for _, label, _ in info.value.suggestions] == ["Colombia"]
    assert "Perhaps you mean: Colombia (state, dipd:COL)" in str(info.value)


def test_actor_fields(seed: KnowledgeGraph) -> None:
    usa = seed.actor("USA")
    assert (usa.kind, usa.iso2, usa.iso3, usa.wikidata) == ("state", "US", "USA", "Q30")
    assert "United States of America" in usa.aliases
    petro = seed.actor("Petro")
    assert petro.nationality == ID + "COL" and petro.kind == "person"
    assert local(seed.actor("DEA").part_of or "") == "agency-usa-department-of-justice"


def test_actors_by_kind_and_name(seed: KnowledgeGraph) -> None:
    assert [a.label for a in seed.actors(kind="state")] == ["Colombia", "United States", "Venezuela"]
    assert [a.label for a in seed.actors(kind="GovernmentAgency", name="dep")] == [
        "U.S. Department of Justice",
        "U.S. Department of State",
    ]
    assert [a.label for a in seed.actors(name="PETRO")] == ["Gustavo Petro", "relatives of Gustavo Petro"]
    assert seed.actors(name="zzz") == []
    with pytest.raises(graph.QueryError):
        seed.actors(kind="planet")


# -- relations and timelines -----------------------------------------------------------------------
def test_relations_of_one_actor_in_date_order(seed: KnowledgeGraph) -> None:
    rows = seed.relations("Petro")
    assert codes(rows) == ["016", "120", "130", "036", "041", "051", "010"]
    assert [r.earliest for r in rows] == sorted(r.earliest for r in rows if r.earliest)


def test_relation_fields(seed: KnowledgeGraph) -> None:
    (call,) = seed.relations("Petro", "Trump", types=["041"])
    assert call.symmetric and not call.actors and not call.targets
    assert {p.label for p in call.participants} == {"Donald Trump", "Gustavo Petro"}
    assert (call.cameo, call.root, call.quad_class, call.goldstein) == ("041", "04", 1, 1.0)
    assert (call.date, call.earliest, call.latest, call.precision) == (dt.date(2026, 1, 7),) * 3 + ("day",)
    assert call.modalities == ("asserted",) and call.modality == "asserted" and call.happened
    assert call.sources == 1 and call.confidence == pytest.approx(0.93)
    assert len(call.evidence) == 2
    ev = call.evidence[0]
    assert ev.outlet == "Unknown outlet (seed sample)" and ev.published == dt.date(2026, 1, 15)
    assert ev.title and ev.title.startswith("Colombian president confirms")
    assert ev.sentence and ev.start is not None and ev.end == ev.start + len(ev.sentence)


def test_both_directions_and_type_filters(seed: KnowledgeGraph) -> None:
    assert codes(seed.relations("Petro", "Trump", types=["12", "13"])) == ["120", "130"]
    assert codes(seed.relations("Trump", "Petro", types="cameo:05")) == ["051"]
    assert seed.relations("Petro", "Trump", types=["19"]) == []


def test_planned_events_are_left_out_unless_asked(seed: KnowledgeGraph) -> None:
    assert "043" not in codes(seed.relations("Trump", "Petro"))
    assert "043" in codes(seed.relations("Trump", "Petro", include_planned=True))
    (meeting,) = seed.relations("Trump", "Petro", modality="planned")
    assert meeting.modality == "planned" and not meeting.happened


def test_hypothetical_events_are_left_out_unless_asked(two: KnowledgeGraph) -> None:
    assert "172" not in codes(two.relations("USA", "COL"))
    assert codes(two.relations("USA", "COL", modality=["hypothetical"])) == ["172"]


def test_modality_filter(two: KnowledgeGraph) -> None:
    denied = two.relations("Trump", "Colombia", modality="denied")
    assert codes(denied) == ["138"]
    assert denied[0].modalities == ("asserted", "denied") and denied[0].sources == 2
    assert two.relations("Trump", "Colombia", modality="mod:alleged") == []


def test_a_state_stands_for_its_officials_unless_rollup_is_off(seed: KnowledgeGraph) -> None:
    assert "041" in codes(seed.relations("USA", "COL"))
    assert seed.relations("USA", "COL", rollup=False) == []
    assert codes(seed.relations("COL", rollup=False)) == ["138"]


def test_date_filters_at_day_month_and_year_precision(seed: KnowledgeGraph) -> None:
    assert codes(seed.relations("Petro", since="2026-01-06")) == ["036", "041", "051", "010"]
    assert codes(seed.relations("Petro", until="2026-01-05")) == ["120", "130"]
    assert codes(seed.relations("Petro", since="2026-01", until="2026-01")) == [
        "120",
        "130",
        "036",
        "041",
        "051",
        "010",
    ]
    assert codes(seed.relations("Petro", since=dt.date(2026, 1, 14))) == ["010"]
    assert codes(seed.relations("Petro", since="2025", until="2025")) == []


def test_month_precision_events_count_in_their_month_only(seed: KnowledgeGraph) -> None:
    assert codes(seed.relations("USA", "relatives of Gustavo Petro", until="2025-10")) == ["1121", "163"]
    assert codes(seed.relations("USA", "relatives of Gustavo Petro", since="2025-10-15")) == []
    assert codes(seed.relations("USA", "relatives of Gustavo Petro", since="2025-10", until="2025")) == ["1121", "163"]
    (designation,) = seed.relations("USA", "relatives of Gustavo Petro", types="163")
    assert (designation.date, designation.precision) == (None, "month")


def test_month_precision_from_a_curated_file(two: KnowledgeGraph) -> None:
    (accord,) = two.relations("Colombia", "Venezuela")
    assert (accord.cameo, accord.precision, accord.earliest, accord.latest) == (
        "057",
        "month",
        dt.date(2025, 11, 1),
        dt.date(2025, 11, 30),
    )
    assert accord.symmetric


@pytest.mark.parametrize("bad", ["2026-13", "yesterday", "2026-02-30"])
def test_bad_dates_are_query_errors(seed: KnowledgeGraph, bad: str) -> None:
    with pytest.raises(graph.QueryError):
        seed.relations("Petro", since=bad)


def test_empty_results_are_empty_lists(seed: KnowledgeGraph) -> None:
    assert seed.relations("Venezuela") == []
    assert seed.timeline("Venezuela", "Colombia") == []
    assert seed.balance("Venezuela", "Colombia") == []


def test_timeline_both_directions_with_modality_and_sources(seed: KnowledgeGraph) -> None:
    rows = seed.timeline("USA", "COL", include_planned=True)
    assert codes(rows) == ["016", "138", "120", "130", "036", "041", "051", "010", "043"]
    assert rows[-1].modality == "planned"
    assert {r.sources for r in rows} == {1}
    assert codes(seed.timeline("USA", "COL", since="2026-02")) == []


def test_sources_of_an_event(seed: KnowledgeGraph) -> None:
    found = seed.sources("dipd:seed-ev-call")
    assert [e.start for e in found] == [461, 1023]
    assert all(e.modality == "asserted" and e.article == ID + "doc-1ee4f129e20e75c5" for e in found)
    assert seed.sources("dipd:nothing") == []
    with pytest.raises(graph.QueryError):
        seed.sources("not an iri")


# -- facts -----------------------------------------------------------------------------------------
def test_sanctions(seed: KnowledgeGraph) -> None:
    (s,) = seed.sanctions()
    assert s.target.label == "relatives of Gustavo Petro"
    assert [a.label for a in s.imposed_by] == ["United States"] == [a.label for a in s.authority_states]
    assert s.start == dt.date(2025, 10, 1) and s.reason == "Petro's relatives have ties to drug trafficking"
    assert [a.label for a in s.reason_alleged_by] == ["United States"]
    assert [a.label for a in s.reason_denied_by] == ["Gustavo Petro"]
    assert s.sources == 1 and local(s.event or "") == "seed-ev-designation"


def test_sanctions_filters(two: KnowledgeGraph) -> None:
    assert [s.target.label for s in two.sanctions()] == ["relatives of Gustavo Petro", "Nicolás Petro"]
    by_usa = two.sanctions(imposed_by="United States")  # a state includes its agencies (OFAC)
    assert [s.target.label for s in by_usa] == ["relatives of Gustavo Petro", "Nicolás Petro"]
    assert [s.target.label for s in two.sanctions(imposed_by="OFAC")] == ["Nicolás Petro"]
    (nicolas,) = two.sanctions(target="Nicolás Petro")
    assert nicolas.program == "ILLICIT-DRUGS-EO14059" and [a.label for a in nicolas.authority_states] == [
        "United States"
    ]
    assert [s.target.label for s in two.sanctions(on="2025-10-10")] == ["relatives of Gustavo Petro"]
    assert len(two.sanctions(on="2025-10")) == 2
    assert two.sanctions(on="2025-09-30") == []
    assert two.sanctions(target="Venezuela") == []


def test_roles(two: KnowledgeGraph) -> None:
    (president,) = two.roles("Gustavo Petro")
    assert (president.post, president.organization and president.organization.label) == (
        "President of Colombia",
        "Colombia",
    )
    assert president.roles == ("head of government", "head of state") and president.start == dt.date(2022, 8, 7)
    assert two.roles("Gustavo Petro", on="2021") == []
    assert [r.person.label for r in two.roles("Colombia")] == ["Gustavo Petro", "Luis Gilberto Murillo"]
    assert [r.person.label for r in two.roles("Colombia", on="2025-08")] == ["Gustavo Petro"]
    assert [r.person.label for r in two.roles("Colombia", on="2025-07")] == ["Gustavo Petro", "Luis Gilberto Murillo"]
    assert two.roles("Nicolás Petro") == []


def test_family_from_both_sides(seed: KnowledgeGraph, two: KnowledgeGraph) -> None:
    assert [(k.relative.label, k.type) for k in seed.family("Gustavo Petro")] == [
        ("relatives of Gustavo Petro", "relative")
    ]
    assert [(k.relative.label, k.type) for k in two.family("Gustavo Petro")] == [
        ("Nicolás Petro", "child"),
        ("relatives of Gustavo Petro", "relative"),
        ("Verónica Alcocer", "spouse"),
    ]
    assert [(k.relative.label, k.type) for k in two.family("Nicolás Petro")] == [("Gustavo Petro", "parent")]
    assert two.family("Donald Trump") == []


def test_claims_about_a_node_and_about_an_actor(seed: KnowledgeGraph) -> None:
    rows = seed.claims("dipd:seed-prop-drug-ties")
    assert sorted(c.modality for c in rows) == ["alleged", "alleged", "denied", "denied"]
    assert {c.claimant.label for c in rows if c.claimant} == {"United States", "Gustavo Petro"}
    assert {c.about_kind for c in rows} == {"proposition"}
    assert all(c.evidence and c.evidence.sentence for c in rows)
    about_petro = seed.claims("Petro")
    assert {c.about_kind for c in about_petro} == {"event", "tenure", "kinship"}
    assert all(c.about_label for c in about_petro)
    threat = list(seed.claims("dipd:seed-ev-threat"))
    assert (
        len(threat) == 3
        and threat[0].about_label == "Threaten with military force (Donald Trump → Colombia, 2026-01-04)"
    )


def test_contradictions_within_and_across_sources(seed: KnowledgeGraph, two: KnowledgeGraph) -> None:
    within = seed.contradictions()
    assert len(within) == 4 and {(c.first.modality, c.second.modality) for c in within} == {("alleged", "denied")}
    assert not any(c.across_sources for c in within)
    assert seed.contradictions(across_sources=True) == []
    across = two.contradictions(across_sources=True, kinds=["polarity"])
    assert {local(c.about) for c in across} == {"seed-ev-threat"}
    (pair,) = {frozenset((c.first.source, c.second.source)) for c in across}
    assert pair == {"Unknown outlet (seed sample)", "Example Gazette"}
    assert {c.first.modality for c in across} | {c.second.modality for c in across} == {"asserted", "denied"}
    assert len(two.contradictions("dipd:seed-ev-threat")) == 3
    # the second outlet names another target of the US sanctions of October 2025: the sources disagree
    (targets,) = two.contradictions(across_sources=True, kinds=["participants"])
    assert (local(targets.about), targets.detail) == (
        "seed-ev-designation",
        "targets: relatives of Gustavo Petro vs Nicolás Petro",
    )


# -- balance, networks, paths ----------------------------------------------------------------------
def test_balance_by_month_and_year(seed: KnowledgeGraph) -> None:
    (jan,) = seed.balance("USA", "COL")
    assert (jan.period, jan.events, jan.cooperative, jan.conflictual, jan.neutral) == ("2026-01", 7, 3, 3, 1)
    assert (jan.goldstein_sum, jan.goldstein_mean, jan.verbal_conflict) == (-7.0, -1.0, 3)
    assert [r.period for r in seed.balance("USA", "COL", by="year")] == ["2026"]
    assert seed.balance("USA", "COL", since="2026-02") == []
    with pytest.raises(graph.QueryError):
        seed.balance("USA", "COL", by="decade")


def test_to_networkx_and_filters(seed: KnowledgeGraph) -> None:
    nxg = seed.to_networkx()
    assert (nxg.number_of_nodes(), nxg.number_of_edges()) == (5, 10)
    assert nxg.number_of_edges() + 1 == seed.to_networkx(include_planned=True).number_of_edges()
    petro = seed.to_networkx("Petro", since="2026-01-06")
    assert sorted(k for *_, k in petro.edges(keys=True)) == sorted(
        ID + e for e in ["seed-ev-invitation", "seed-ev-call", "seed-ev-praise", "seed-ev-announcement"]
    )
    dyads = seed.to_networkx(collapse=True, directed=False)
    assert dyads.edges[ID + "person-gustavo-petro", ID + "person-donald-trump"]["count"] == 6


def test_the_whole_store_table_reads_every_event_as_the_per_event_lookups_do(two: KnowledgeGraph) -> None:
    fetch = two._fetch
    table = fetch.events(None, evidence=False)  # lookup/table_*: every event at once
    assert len(table) > 10
    one_by_one = fetch.events({r.event for r in table}, evidence=False)  # lookup/event_summary
    assert sorted(table, key=lambda r: r.event) == sorted(one_by_one, key=lambda r: r.event)
    with_evidence = {r.event: r for r in fetch.events(None, evidence=True)}  # flat claim and sentence scans
    assert {r.event for r in table} == set(with_evidence)
    per_event = {r.event: r for r in fetch.events(set(with_evidence), evidence=True)}  # packed lookups
    assert with_evidence == per_event
    assert sum(len(r.evidence) for r in with_evidence.values()) > len(with_evidence)
    for r in table:
        full = with_evidence[r.event]
        assert (r.date, r.earliest, r.latest, r.precision, r.modalities) == (
            full.date,
            full.earliest,
            full.latest,
            full.precision,
            full.modalities,
        )
        assert (r.sources, r.confidence, r.cameo, r.goldstein) == (
            full.sources,
            full.confidence,
            full.cameo,
            full.goldstein,
        )
    assert {"planned", "hypothetical", "denied"} <= {m for r in table for m in r.modalities}
    assert {"day", "month"} <= {r.precision for r in table}


def test_ego_and_path(seed: KnowledgeGraph) -> None:
    ego = seed.ego("Petro's relatives")
    assert {local(n) for n in ego} == {"USA", "group-relatives-of-gustavo-petro"}
    wider = seed.ego("Petro's relatives", depth=2)
    assert {local(n) for n in wider} >= {"USA", "person-gustavo-petro"}
    steps = seed.path("Colombia", "Petro")
    assert [(s.source.label, s.target.label) for s in steps] == [
        ("Colombia", "Donald Trump"),
        ("Donald Trump", "Gustavo Petro"),
    ]
    assert steps[0].events == (ID + "seed-ev-threat",)
    assert seed.path("Venezuela", "Petro") == []


# -- SPARQL ----------------------------------------------------------------------------------------
def test_query_gives_plain_values_and_binds_parameters_safely(seed: KnowledgeGraph) -> None:
    text = "SELECT ?n ?c WHERE { ?s skos:prefLabel ?n ; dip:iso3166Alpha2 ?c }"
    assert seed.query(text, {"s": "dipd:COL"}) == [{"n": "Colombia", "c": "CO"}]
    assert seed.query(text, {"s": seed.actor("Colombia")}) == [{"n": "Colombia", "c": "CO"}]
    assert seed.query(text, {"s": "Colombia"}) == []  # an undeclared parameter: plain text is a literal
    assert seed.query("ASK { dipd:COL a dip:State }") is True
    counted = seed.query("SELECT (COUNT(*) AS ?n) WHERE { ?e dip:eventType ?t }")
    assert isinstance(counted[0]["n"], int)
    attack = 'Colombia"@en } ?s ?p ?o . { "x'
    assert seed.query("SELECT ?s WHERE { ?s skos:prefLabel ?n }", {"n": attack}) == []
    triples = seed.query("CONSTRUCT { dipd:COL ?p ?o } WHERE { dipd:COL ?p ?o }")
    assert triples and all(len(t) == 3 for t in triples)


def test_named_queries_with_parameters(seed: KnowledgeGraph) -> None:
    rows = seed.named("analyst/dyad_timeline", a="United States", b="COL")
    assert rows[0]["type"] == "Deny responsibility" and isinstance(rows[0]["sources"], int)
    met = seed.named("analyst/heads_of_state_met", **{"from": "2026-01", "to": "2026-01"})
    assert [(r["leader1"], r["leader2"]) for r in met] == [("Donald Trump", "Gustavo Petro")]
    assert seed.named("analyst/heads_of_state_met", **{"from": "2026-02", "to": "2026-12"}) == []
    with pytest.raises(graph.QueryError):
        seed.named("analyst/dyad_timeline", c="COL")


# -- result lists ----------------------------------------------------------------------------------
def test_records_convert_to_json_and_flat_rows(seed: KnowledgeGraph) -> None:
    rows = seed.relations("Petro", "Trump", evidence=True)
    json.dumps(rows.to_dicts())
    flat = rows.to_records()[0]
    assert flat["modality"] == "asserted" and isinstance(flat["evidence"], int)
    assert all(isinstance(v, str | int | float | bool | type(None)) for v in flat.values())


def test_to_dataframe_uses_pandas_when_installed(seed: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = seed.sanctions()
    fake = types.ModuleType("pandas")
    fake.DataFrame = lambda records: ("frame", records)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pandas", fake)
    kind, records = rows.to_dataframe()
    assert kind == "frame" and records[0]["target"] == "relatives of Gustavo Petro"
    assert records[0]["start"] == dt.date(2025, 10, 1)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        rows.to_dataframe()
