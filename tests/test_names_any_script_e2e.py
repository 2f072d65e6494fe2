"""End to end: a curated file with names in Cyrillic, CJK, Arabic, Hebrew, Devanagari, Greek and
punctuation is ingested (CLI, --strict) and every actor is found by its name, an alias and its
transliteration, in the Python API and with `diplograph actor`."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph import ids
from graph.cli import main
from graph.model import ActorKind

ID = "https://w3id.org/diplograph/id/"

CURATED = textwrap.dedent(
    """\
    source: names-in-any-script
    articles:
      - {id: a1, title: Names in any script, outlet: Example Wire, published: 2026-01-15}
    actors:
      - {id: ua, kind: state, name: Україна, iso3: UKR, iso2: UA}
      - {id: poroshenko, kind: person, name: Петр Порошенко, aliases: [Петро Порошенко], nationality: ua}
      - {id: zg, kind: organization, name: 中国}
      - {id: li, kind: person, name: 李强}
      - {id: bibi, kind: person, name: بنيامين نتنياهو, aliases: [בנימין נתניהו]}
      - {id: modi, kind: person, name: नरेंद्र मोदी}
      - {id: eu, kind: igo, name: Ευρωπαϊκή Ένωση}
      - {id: bang, kind: group, name: "!!!"}
      - {id: dash, kind: organization, name: "----"}
      - {id: mfa, kind: agency, name: Міністерство закордонних справ, of: ua}
    events:
      - {type: "042", actor: poroshenko, target: li, date: 2026-01-10, evidence: "Порошенко посетил 李强."}
      - {type: "051", actor: modi, target: bibi, date: 2026-01-11, evidence: "मोदी ने नेतन्याहू की प्रशंसा की।"}
      - {type: "043", participants: [eu, zg], date: 2026-01-12, evidence: "Η ΕΕ συναντήθηκε με την Κίνα."}
      - {type: "111", actor: bang, target: dash, date: 2026-01-13, evidence: "!!! criticised ----."}
    """
)

# reference → the name of the actor it must find
LOOKUPS = {
    "Петр Порошенко": "Петр Порошенко",
    "петр порошенко": "Петр Порошенко",
    "Петро Порошенко": "Петр Порошенко",  # alias
    "Petr Poroshenko": "Петр Порошенко",  # transliteration
    "Poroshenko": "Петр Порошенко",
    "中国": "中国",
    "Zhongguo": "中国",
    "Zhong Guo": "中国",
    "李强": "李强",
    "Li Qiang": "李强",
    "بنيامين نتنياهو": "بنيامين نتنياهو",
    "בנימין נתניהו": "بنيامين نتنياهو",  # alias in Hebrew
    "bnymyn ntnyhw": "بنيامين نتنياهو",  # transliteration (a consonant skeleton: Arabic writes no vowels)
    "नरेंद्र मोदी": "नरेंद्र मोदी",
    "Ευρωπαϊκή Ένωση": "Ευρωπαϊκή Ένωση",
    "ευρωπαικη ενωση": "Ευρωπαϊκή Ένωση",
    "Eyropaiki Enosi": "Ευρωπαϊκή Ένωση",  # letter for letter (anyascii), not ELOT 743 (Evropaiki)
    "!!!": "!!!",
    "----": "----",
    "Україна": "Україна",
    "Ukraina": "Україна",
    "UKR": "Україна",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("scripts")
    facts = tmp / "names.yaml"
    facts.write_text(CURATED, encoding="utf-8")
    location = str(tmp / "kg")
    code, _, err = run("--store", location, "ingest", "--strict", str(facts))
    assert code == 0, err
    assert "10 actor(s)" in err and "4 event(s)" in err
    yield location


@pytest.mark.parametrize(("ref", "name"), sorted(LOOKUPS.items()))
def test_every_actor_is_found_by_name_alias_and_transliteration(store: str, ref: str, name: str) -> None:
    with graph.open(store) as kg:
        assert kg.actor(ref).label == name


def test_iris_are_the_stable_ones(store: str) -> None:
    with graph.open(store) as kg:
        assert kg.actor("Петр Порошенко").iri == ID + "person-petr-poroshenko"
        assert kg.actor("中国").iri == ID + ids.actor_key(ActorKind.ORGANIZATION, "中国")
        assert kg.actor("!!!").iri == ID + "group--e84c538e7fe25073"
        assert kg.actor("Міністерство закордонних справ").iri == ID + "agency-ukr-ministerstvo-zakordonnikh-sprav"
        assert kg.actor("UKR").iri == ID + "UKR"
        poroshenko = kg.actor("Poroshenko")
        assert [r.cameo for r in kg.relations(poroshenko, "Li Qiang")] == ["042"]


def test_labels_keep_the_name_as_written_with_a_tag_only_where_the_script_settles_it(store: str) -> None:
    with graph.open(store) as kg:
        rows = kg.query(
            "SELECT ?l (LANG(?l) AS ?lang) WHERE { ?a skos:prefLabel ?l . FILTER(STRSTARTS(STR(?a), STR(dipd:))) }"
        )
    langs = {str(r["l"]): r["lang"] for r in rows}
    assert langs["Ευρωπαϊκή Ένωση"] == "el"
    assert langs["Петр Порошенко"] == "" and langs["中国"] == "" and langs["بنيامين نتنياهو"] == ""
    assert langs["!!!"] == "en"


def test_the_cli_finds_them_too(store: str) -> None:
    for ref in ("中国", "Zhongguo", "Petr Poroshenko", "!!!", "בנימין נתניהו"):
        code, out, err = run("--store", store, "actor", ref, "-f", "json")
        assert code == 0, err
        fields = {row["field"]: row["value"] for row in json.loads(out)}
        assert fields["label"] == LOOKUPS[ref]


def test_reingesting_converges(store: str, tmp_path: Path) -> None:
    facts = tmp_path / "names.yaml"
    facts.write_text(CURATED, encoding="utf-8")
    code, dump1, _ = run("--store", store, "export", "-f", "nq")
    assert code == 0
    code, _, err = run("--store", store, "ingest", "--strict", str(facts))
    assert code == 0, err
    _, dump2, _ = run("--store", store, "export", "-f", "nq")
    assert sorted(dump1.splitlines()) == sorted(dump2.splitlines())


def test_the_memory_store_reads_them_alike() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "names.yaml"
        facts.write_text(CURATED, encoding="utf-8")
        kg = graph.open("memory:", create=True)
        report = kg.ingest([str(facts)], strict=True)
        assert report.ok and report.actors == 10
        for ref, name in LOOKUPS.items():
            assert kg.actor(ref).label == name, ref
        kg.close()
