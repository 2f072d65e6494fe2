"""FollowTheMoney ``Associate`` -> ``dip:Association`` (a tie other than family), answered by
``kg.associates`` and ``diplograph associates``, never by ``family``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.importers import import_files
from graph.importers.base import Problem, Record
from graph.importers.ftm import FtmReader, StoreActors
from graph.model import FactKind
from graph.queries.api import KnowledgeGraph
from graph.store import Store
from tests.importers.conftest import ftm, write

pytest.importorskip("followthemoney")

ROWS = [
    ftm("A-1", "Person", name="Ana Rojas", country="ve"),
    # the relation before its second end: waits for it
    ftm("A-assoc-1", "Associate", person="A-1", associate="A-2", relationship="business partner"),
    ftm("A-2", "Person", name="Bruno Diaz", country="ve", sourceUrl="https://list.example.org/a-2"),
    ftm("A-3", "Person", name="Carla Mendez", country="co"),
    ftm("A-assoc-2", "Associate", person="A-3", associate="A-1"),  # no relationship named
    ftm("A-co", "Company", name="Acme Shipping Ltd", jurisdiction="pa"),
    ftm("A-assoc-3", "Associate", person="A-1", associate="A-co", relationship="owner"),  # not a person
    ftm("A-assoc-4", "Associate", person="A-1", associate="A-9"),  # A-9 never comes
    ftm("A-fam", "Family", person="A-1", relative="A-3", relationship="sister"),
]


def _read() -> list[Record | Problem]:
    return list(FtmReader(StoreActors()).read(iter(enumerate(ROWS, 1)), "associates.ftm.json"))


def test_associate_entities_become_association_facts() -> None:
    out = _read()
    facts = {r.id: r.facts[0] for r in out if isinstance(r, Record) and r.facts}
    first = facts["A-assoc-1"]
    assert first.kind is FactKind.ASSOCIATE and first.title == "business partner"
    assert (first.subject, first.object) == ("person-ana-rojas", "person-bruno-diaz")
    assert facts["A-assoc-2"].title is None and facts["A-fam"].kind is FactKind.KINSHIP
    problems = {p.line: (p.bad, p.reason) for p in out if isinstance(p, Problem)}
    assert problems[7] == (False, "Associate A-assoc-3 links an entity that is not a person")
    assert problems[8][0] and "not in the file" in problems[8][1]


@pytest.fixture
def kg(tmp_path: Path, store: Store) -> KnowledgeGraph:
    import_files("ftm", [str(write(tmp_path / "associates.ftm.json", ROWS))], store)
    return KnowledgeGraph(store)


def test_associates_are_answered_from_either_side_and_kept_out_of_family(kg: KnowledgeGraph) -> None:
    ana = [(a.person.label, a.associate.label, a.relationship, a.sources) for a in kg.associates("Ana Rojas")]
    assert ana == [
        ("Ana Rojas", "Bruno Diaz", "business partner", 1),
        ("Carla Mendez", "Ana Rojas", None, 1),  # read from Carla's side: Ana is her associate
    ]
    (bruno,) = kg.associates("Bruno Diaz")
    assert bruno.association is not None and bruno.association.startswith("https://w3id.org/diplograph/id/assoc-")
    assert [(k.relative.label, k.type) for k in kg.family("Ana Rojas")] == [("Carla Mendez", "sibling")]
    assert kg.associates("Ana Rojas", datasets="ftm") == kg.associates("Ana Rojas")
    assert kg.associates("Ana Rojas", datasets="articles") == []
    (claim,) = kg.claims(bruno.association)
    assert claim.modality == "asserted" and claim.about_kind == "association"


def test_associations_validate_and_use_the_shortcut(kg: KnowledgeGraph) -> None:
    from graph.validate import validate_store

    report = validate_store(kg.store)
    assert report.conforms, [f.message for f in report.findings][:5]
    assert kg.query("ASK { dipd:person-ana-rojas dip:associateOf dipd:person-bruno-diaz }")
    assert kg.query("ASK { ?a a dip:Association ; dip:relationship 'business partner' }")


def test_the_associates_command(tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    path = write(tmp_path / "associates.ftm.json", ROWS)
    runner = CliRunner()
    done = runner.invoke(main, ["--store", store, "import", "ftm", str(path), "--no-rules"], catch_exceptions=False)
    assert done.exit_code == 0, done.stderr
    found = runner.invoke(main, ["--store", store, "associates", "Bruno Diaz", "-f", "json"], catch_exceptions=False)
    assert found.exit_code == 0
    assert json.loads(found.stdout) == [
        {"person": "Ana Rojas", "associate": "Bruno Diaz", "relationship": "business partner", "sources": "1"}
    ]
