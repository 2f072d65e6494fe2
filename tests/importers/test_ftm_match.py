"""An FtM person and a person of the articles: one actor by Wikidata QID, else by name, nationality
and role (the list's ``position`` texts and occupancies against the store's tenures), the merge
explained on the record; a role that conflicts keeps them apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.importers import import_files
from graph.importers.base import Match, Problem, Record
from graph.importers.ftm import FtmReader, StoreActors
from graph.importers.ftm_match import Posts
from graph.queries.api import KnowledgeGraph
from graph.store import Store
from tests.conftest import SEED_TRIG, quad_lines
from tests.importers.conftest import ftm, write

pytest.importorskip("followthemoney")

ID = "https://w3id.org/diplograph/id/"


def _store_minister() -> StoreActors:
    """The store knows Ana Rojas, Venezuelan, as Minister of Defence of Venezuela."""
    return StoreActors(
        nationality={"person-ana-rojas": {"VEN"}},
        posts={"person-ana-rojas": Posts.of([("Minister of Defence of Venezuela", ("minister",))])},
    )


def _records(rows: list[str], known: StoreActors) -> dict[str, Record]:
    out = FtmReader(known).read(iter(enumerate(rows, 1)), "entities.ftm.json")
    return {r.id: r for r in out if not isinstance(r, Problem)}


def test_a_person_whose_position_is_the_same_post_is_merged_with_the_role_named() -> None:
    rows = [ftm("NK-ana", "Person", name="Ana Rojas", country="ve", position="Minister of Defence")]
    (match,) = _records(rows, _store_minister())["NK-ana"].matches
    assert match == Match(
        "person-ana-rojas",
        "name-country-role",
        ("name: Ana Rojas", "nationality: VEN", "role: Minister of Defence of Venezuela (the same post)"),
    )


def test_a_post_held_by_occupancy_is_role_evidence_even_when_it_comes_after_the_person() -> None:
    rows = [
        ftm("NK-ana", "Person", name="Ana Rojas", country="ve"),
        ftm("NK-occ", "Occupancy", holder="NK-ana", post="NK-pos", startDate="2024-01"),
        ftm("NK-pos", "Position", name="Foreign Minister of Venezuela", country="ve"),
    ]
    records = _records(rows, _store_minister())
    (match,) = records["NK-ana"].matches  # another post, the same role concept (minister)
    assert match.rule == "name-country-role"
    assert match.evidence[-1] == "role: minister (Foreign Minister of Venezuela)"
    (tenure,) = records["NK-occ"].facts  # the occupancy is written for the merged person
    assert tenure.subject == "person-ana-rojas" and tenure.title == "Foreign Minister"


def test_a_person_whose_role_conflicts_is_kept_apart() -> None:
    rows = [
        ftm("NK-ana", "Person", name="Ana Rojas", country="ve", position="Senator"),
        ftm("NK-sanc", "Sanction", entity="NK-ana", country="us", program="SDN"),
    ]
    records = _records(rows, _store_minister())
    ana = records["NK-ana"]
    assert ana.matches == () and ana.actors[0].key == "person-ana-rojas-nk-ana"
    assert records["NK-sanc"].sanctions[0].target == "person-ana-rojas-nk-ana"


def test_without_a_post_on_one_side_the_role_is_not_compared() -> None:
    rows = [ftm("NK-ana", "Person", name="Ana Rojas", country="ve")]
    (match,) = _records(rows, _store_minister())["NK-ana"].matches
    assert match.rule == "name-country"
    assert match.evidence == ("name: Ana Rojas", "nationality: VEN", "role: not compared (the list gives no post)")
    title_only = [ftm("NK-ana", "Person", name="Ana Rojas", country="ve", position="Special envoy for trade")]
    (match,) = _records(title_only, _store_minister())["NK-ana"].matches  # no role concept for this title
    assert match.rule == "name-country" and match.evidence[-1].startswith("role: not compared (the posts share")


def test_the_store_side_is_read_from_the_articles_not_from_earlier_imports(tmp_path: Path, store: Store) -> None:
    kg = KnowledgeGraph(store)
    kg.ingest([str(SEED_TRIG)])
    known = StoreActors.read(store)
    petro = known.posts["person-gustavo-petro"]
    assert "President of Colombia" in petro.labels and "headOfState" in petro.roles
    rows = [
        ftm("NK-petro", "Person", name="Gustavo Petro", nationality="co"),
        ftm("NK-pos", "Position", name="President of Colombia", country="co"),
        ftm("NK-occ", "Occupancy", holder="NK-petro", post="NK-pos", startDate="2022-08-07"),
        ftm("NK-other", "Person", name="Donald Trump", country="us", position="Senator"),
    ]
    path = write(tmp_path / "pep.ftm.json", rows)
    import_files("ftm", [str(path)], store)
    found = kg.query(
        "SELECT ?who ?rule ?why WHERE { ?r dip:matchedActor ?who ; dip:matchRule ?rule ; dip:matchEvidence ?why }"
    )
    assert sorted((r["who"], r["rule"], r["why"]) for r in found) == [
        (f"{ID}person-gustavo-petro", "name-country-role", "name: Gustavo Petro"),
        (f"{ID}person-gustavo-petro", "name-country-role", "nationality: COL"),
        (f"{ID}person-gustavo-petro", "name-country-role", "role: President of Colombia (the same post)"),
    ]
    # a senator named Donald Trump is not the president of the articles: kept apart
    assert kg.query(f"ASK {{ <{ID}person-donald-trump-nk-other> a dip:Person }}")
    before = quad_lines(store)
    import_files("ftm", [str(path)], store)  # the list's own tenure does not change the decision
    assert quad_lines(store) == before
