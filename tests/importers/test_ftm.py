"""OpenSanctions / FollowTheMoney entities: actors, sanctions, tenures, kinships, one actor with the
articles (and the merge explained), bad lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.importers import import_files
from graph.importers.base import Problem, Record
from graph.importers.ftm import FtmReader, StoreActors
from graph.queries.api import KnowledgeGraph
from graph.store import Store
from tests.conftest import SEED_TRIG, quad_lines
from tests.importers.conftest import ftm_rows, write

DIP = "https://w3id.org/diplograph/ontology#"


def _read(rows: list[str], known: StoreActors | None = None) -> list[Record | Problem]:
    return list(FtmReader(known or StoreActors()).read(iter(enumerate(rows, 1)), "entities.ftm.json"))


def test_entities_map_to_actors_sanctions_tenures_and_kinships() -> None:
    out = _read(ftm_rows())
    records = {r.id: r for r in out if isinstance(r, Record)}
    petro = next(a for a in records["NK-petro"].actors if a.key == "person-gustavo-petro")
    assert petro.nationality == "COL" and petro.aliases == ("Gustavo Francisco Petro Urrego",)
    (sanction,) = records["NK-sanc-1"].sanctions
    assert sanction.imposers == ("agency-usa-office-of-foreign-assets-control",)
    assert sanction.target == "person-gustavo-petro" and sanction.program == "ILLICIT-DRUGS-EO14059"
    assert sanction.start is not None and str(sanction.start.earliest) == "2025-10-24"
    assert records["NK-sanc-1"].events[0].cameo == "163"  # the designation act
    assert dict((p, v) for _, p, v in records["NK-sanc-1"].extra)["authorityId"] == "54321"
    assert records["NK-sanc-1"].url == "https://ofac.example.gov/recent-actions/20251024"
    assert records["NK-sanc-2"].sanctions[0].imposers == ("USA",)  # no authority named: the country
    (tenure,) = records["NK-occ-1"].facts
    assert tenure.key == "tenure-gustavo-petro-col-president"  # the key extraction gives the same presidency
    assert tenure.title == "President" and "headOfState" in tenure.roles
    kin = {r.facts[0].object: r.facts[0].title for k, r in records.items() if k.startswith("NK-fam")}
    assert kin == {"person-nicolas-petro-burgos": "child", "person-veronica-alcocer": "spouse"}


def test_bad_and_left_out_lines() -> None:
    problems = [p for p in _read(ftm_rows()) if isinstance(p, Problem)]
    bad = {p.line: p.reason for p in problems if p.bad}
    assert sorted(bad) == [39, 40, 41, 42, 43]
    assert "not a FollowTheMoney entity" in bad[39] and "not a FollowTheMoney entity" in bad[40]
    assert "has no name" in bad[43] and "not in the file" in bad[41] and "not YYYY" in bad[42]
    left_out = sorted(p.reason.split(" ")[1] for p in problems if not p.bad)
    assert left_out == ["position"]  # an Associate is imported (test_ftm_associates.py)


def test_persons_already_in_the_store_are_one_actor() -> None:
    known = StoreActors(
        by_qid={"Q22686": "person-donald-trump"},
        nationality={"person-gustavo-petro": {"COL"}, "person-veronica-alcocer": {"MEX"}},
    )
    records = {r.id: r for r in _read(ftm_rows(), known) if isinstance(r, Record)}
    assert records["NK-trump"].matches == (("person-donald-trump", "wikidata", ("wikidata: Q22686",)),)  # by QID
    (petro,) = records["NK-petro"].matches  # the store knows no post of Petro here: the role is not compared
    assert petro.actor == "person-gustavo-petro" and petro.rule == "name-country"
    assert petro.evidence == (
        "name: Gustavo Petro",
        "nationality: COL",
        "role: not compared (the store knows no post of this person)",
    )
    wife = records["NK-wife"]  # the same name with another nationality: kept apart, not merged
    assert wife.matches == () and wife.actors[0].key == "person-veronica-alcocer-col"


@pytest.fixture
def mixed(tmp_path: Path, store: Store) -> Iterator[KnowledgeGraph]:
    kg = KnowledgeGraph(store)
    kg.ingest([str(SEED_TRIG)])
    import_files("ftm", [str(write(tmp_path / "entities.ftm.json", ftm_rows()))], store)
    kg.refresh()
    yield kg


def test_sanctions_roles_family_from_the_list_and_the_news(mixed: KnowledgeGraph) -> None:
    kg = mixed
    official = kg.sanctions(imposed_by="USA", datasets="ftm")
    news = kg.sanctions(imposed_by="USA", datasets="articles")
    both = kg.sanctions(imposed_by="USA")
    assert len(official) == 15 and len(news) == 1 and len(both) == 16
    petro = next(s for s in official if s.target.label == "Gustavo Petro")
    assert petro.program == "ILLICIT-DRUGS-EO14059" and petro.reason == "Ties to drug trafficking"
    assert [a.label for a in petro.authority_states] == ["United States"]
    (role,) = kg.roles("Petro")
    assert role.tenure.endswith("tenure-gustavo-petro-col-president") and role.sources == 2
    assert kg.roles("Petro", datasets="ftm") == kg.roles("Petro", datasets="articles") == [role]
    family = {(k.relative.label, k.type) for k in kg.family("Petro", datasets="ftm")}
    assert family == {("Nicolas Petro Burgos", "child"), ("Veronica Alcocer", "spouse")}
    assert {k.type for k in kg.family("Petro", datasets="articles")} == {"relative"}


def test_the_merge_is_explained_on_the_record(mixed: KnowledgeGraph) -> None:
    rows = mixed.query("SELECT ?rule ?who WHERE { ?r dip:matchRule ?rule ; dip:matchedActor ?who } ORDER BY ?rule ?who")
    assert [(r["rule"], r["who"]) for r in rows] == [
        ("name-country-role", "https://w3id.org/diplograph/id/person-gustavo-petro"),
        ("wikidata", "https://w3id.org/diplograph/id/person-donald-trump"),
    ]


def test_validate_and_reimport(tmp_path: Path, mixed: KnowledgeGraph) -> None:
    from graph.validate import validate_store

    report = validate_store(mixed.store)
    assert report.conforms, [f.message for f in report.findings][:5]
    before = quad_lines(mixed.store)
    import_files("ftm", [str(tmp_path / "entities.ftm.json")], mixed.store)
    assert quad_lines(mixed.store) == before
