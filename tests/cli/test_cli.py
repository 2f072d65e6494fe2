"""The command line: exit codes, stdout for data, stderr for messages, every format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import FIXTURES, SEED_TRIG

SELECT_STATES = "SELECT ?s ?name WHERE { ?s a dip:State ; skos:prefLabel ?name } ORDER BY ?name"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded(tmp_path: Path) -> str:
    location = str(tmp_path / "kg")
    code, out, err = run("--store", location, "ingest", str(SEED_TRIG))
    assert code == 0, err
    assert out == ""  # data only on stdout: ingest prints its summary on stderr
    assert "ingested 1 source(s)" in err
    return location


def test_query_table_is_the_default_and_compacts_iris(seeded: str) -> None:
    code, out, _ = run("--store", seeded, "query", SELECT_STATES)
    assert code == 0
    assert "dipd:COL" in out and "Colombia" in out and "(3 rows)" in out


def test_query_json_follows_the_w3c_shape(seeded: str) -> None:
    _code, out, _ = run("--store", seeded, "query", "-f", "json", SELECT_STATES)
    data = json.loads(out)
    assert data["head"]["vars"] == ["s", "name"]
    first = data["results"]["bindings"][0]
    assert first["s"] == {"type": "uri", "value": "https://w3id.org/diplograph/id/COL"}
    assert first["name"] == {"type": "literal", "value": "Colombia", "xml:lang": "en"}


def test_query_csv_and_tsv_follow_the_w3c_shapes(seeded: str) -> None:
    _, out, _ = run("--store", seeded, "query", "-f", "csv", SELECT_STATES)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["s", "name"] and rows[1] == ["https://w3id.org/diplograph/id/COL", "Colombia"]
    _, out, _ = run("--store", seeded, "query", "-f", "tsv", SELECT_STATES)
    lines = out.splitlines()
    assert lines[0] == "?s\t?name"
    assert lines[1] == '<https://w3id.org/diplograph/id/COL>\t"Colombia"@en'


def test_query_from_file_and_stdin(seeded: str, tmp_path: Path) -> None:
    qf = tmp_path / "q.rq"
    qf.write_text("ASK { dipd:COL a dip:State }")
    assert run("--store", seeded, "query", "--file", str(qf))[1] == "true\n"
    assert (
        run("--store", seeded, "query", "-f", "json", "-", input="ASK { dipd:XXX a dip:State }")[1]
        == '{"head": {}, "boolean": false}\n'
    )


def test_construct_as_turtle_nt_and_jsonld(seeded: str) -> None:
    q = "CONSTRUCT { ?s a dip:State } WHERE { ?s a dip:State }"
    _, out, _ = run("--store", seeded, "query", q)
    assert "dip:State" in out
    _, out, _ = run("--store", seeded, "query", "-f", "nt", q)
    assert "<https://w3id.org/diplograph/id/USA> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in out
    _, out, _ = run("--store", seeded, "query", "-f", "jsonld", q)
    assert isinstance(json.loads(out), list | dict)


def test_sparql_syntax_error_exits_2_with_one_paragraph_and_no_traceback(seeded: str) -> None:
    code, out, err = run("--store", seeded, "query", "SELEC ?x WHERE { ?x }")
    assert code == 2 and out == ""
    assert err.startswith("error: query: SPARQL syntax error")
    assert "Traceback" not in err


def test_empty_results_exit_0(seeded: str) -> None:
    code, out, _ = run("--store", seeded, "query", "SELECT ?x WHERE { ?x a dip:Nothing }")
    assert code == 0 and "(0 rows)" in out


def test_querying_a_missing_store_exits_1_and_says_what_to_do(tmp_path: Path) -> None:
    code, _, err = run("--store", str(tmp_path / "none"), "query", SELECT_STATES)
    assert code == 1 and "no diplograph store here" in err and "Ingest something first" in err


def test_store_from_the_environment(seeded: str) -> None:
    result = CliRunner(env={"DIPLOGRAPH_STORE": seeded}).invoke(main, ["query", "ASK { dipd:COL ?p ?o }"])
    assert result.stdout == "true\n"


def test_ingest_of_a_malformed_file_exits_1_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("articles: [\n")
    code, _, err = run("--store", str(tmp_path / "kg"), "ingest", str(bad))
    assert code == 1 and str(bad) in err and "not valid YAML" in err


def test_strict_ingest_exits_3_and_writes_the_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("articles: [{id: a}]\nevents: [{type: '130'}]\n")
    report = tmp_path / "report.json"
    code, _, err = run(
        "--store",
        str(tmp_path / "kg"),
        "ingest",
        "--strict",
        "--report",
        str(report),
        str(FIXTURES / "curated" / "minimal.yaml"),
        str(bad),
    )
    assert code == 3 and "nothing was written" in err
    assert json.loads(report.read_text())["skipped"][0]["input"] == str(bad)


def test_validate_exits_0_on_the_seed_and_3_on_an_invalid_fixture(seeded: str, tmp_path: Path) -> None:
    code, out, _ = run("--store", seeded, "validate")
    assert code == 0 and out.startswith("0 violation(s)")
    broken = str(tmp_path / "broken")
    run("--store", broken, "ingest", str(FIXTURES / "invalid" / "claim-bad-modality.trig"))
    code, out, err = run("--store", broken, "validate")
    assert code == 3
    assert "dip:ClaimShape" in out and "modality" in out
    assert "did not pass validation" in err
    code, out, _ = run("--store", broken, "validate", "-f", "json")
    assert json.loads(out)["conforms"] is False


def test_stats_counts_classes_event_types_and_graphs(seeded: str) -> None:
    _code, out, _ = run("--store", seeded, "stats", "-f", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert ["class", "dip:State", "3"] in rows
    assert any(r[0] == "event type" and r[1].startswith("041 ") for r in rows)
    assert any(r[0] == "source graph" and r[1] == "dipg:reference" for r in rows)


def test_export_round_trips_through_ingest(seeded: str, tmp_path: Path) -> None:
    dump = tmp_path / "dump.nq"
    code, _, _ = run("--store", seeded, "export", "-f", "nq", "-o", str(dump))
    assert code == 0 and dump.stat().st_size > 0
    code, out, _ = run("--store", seeded, "export", "-f", "trig")
    assert code == 0 and "dipg:reference" in out
    code, _, err = run("--store", seeded, "export", "-f", "turtle")
    assert code == 2 and "--graph" in err
    code, out, _ = run("--store", seeded, "export", "-f", "turtle", "--graph", "dipg:reference")
    assert code == 0 and "Colombia" in out


def test_graphs_lists_and_drops_a_source(seeded: str) -> None:
    _, out, _ = run("--store", seeded, "graphs", "-f", "csv")
    hand = next(line.split(",")[0] for line in out.splitlines() if line.split(",")[0].endswith(".hand"))
    code, _, err = run("--store", seeded, "graphs", "--drop", hand)
    assert code == 0 and "dropped" in err
    assert hand not in run("--store", seeded, "graphs")[1]
    _, out, _ = run("--store", seeded, "query", "-f", "csv", "SELECT ?s WHERE { GRAPH dipg:meta { ?s ?p ?o } }")
    assert hand not in out  # its graph record went with it
    code, _, err = run("--store", seeded, "graphs", "--drop", hand)
    assert code == 2 and "there is no graph" in err


def test_reindex_writes_the_digests_of_graphs_written_by_other_tools(seeded: str) -> None:
    from graph.store import open_store
    from graph.store.base import Quad, Term, WriteBatch

    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g dip:digestFormat ?f } }"
    before = int(run("--store", seeded, "query", "-f", "csv", count)[1].split()[-1])
    assert before >= 1  # ingest wrote them
    store = open_store(seeded)
    g, e = Term.uri("https://w3id.org/diplograph/graph/by-hand"), Term.uri("https://w3id.org/diplograph/id/ev-by-hand")
    store.apply(WriteBatch(insert=[Quad(e, Term.uri("https://w3id.org/diplograph/ontology#actor"), e, g)]))
    store.close()
    code, _, err = run("--store", seeded, "reindex")
    assert code == 0 and "indexed 1 graph(s) and 0 article(s)" in err
    assert int(run("--store", seeded, "query", "-f", "csv", count)[1].split()[-1]) == before + 1
    found = "ASK { GRAPH ?g { ?g dip:eventDigest ?d FILTER (CONTAINS(?d, '~ev-by-hand')) } }"
    assert run("--store", seeded, "query", "-f", "csv", found)[1].strip().endswith("true")
    code, _, err = run("--store", seeded, "reindex")
    assert code == 0 and "indexed 0 graph(s)" in err


def test_queries_lists_packaged_queries() -> None:
    code, out, _ = run("queries")
    assert code == 0 and "sample/events_by_date" in out


def test_query_imports_no_heavy_dependency(seeded: str) -> None:
    code = (
        "import sys, runpy; sys.argv=['diplograph','--store',sys.argv[1],'query','ASK { ?s ?p ?o }'];\n"
        "from graph.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'spacy', 'pyvis', 'pyshacl', 'networkx'} & set(sys.modules)\n"
        "print('HEAVY', sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code, seeded], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr


def test_a_store_path_that_is_a_file_exits_1(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    code, _, err = run("--store", str(not_a_dir), "ingest", str(SEED_TRIG))
    assert code == 1 and "is a file, not a directory" in err and "Traceback" not in err


def test_a_locked_store_exits_1_naming_the_other_process(seeded: str) -> None:
    from graph.store import open_store

    holder = open_store(seeded)
    try:
        out = subprocess.run(
            [sys.executable, "-m", "graph", "--store", seeded, "query", "ASK { ?s ?p ?o }"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.close()
    assert out.returncode == 1 and out.stdout == ""
    assert "in use by another process" in out.stderr and "Traceback" not in out.stderr
