"""The analyst commands: thin over the API, every table format, exit 2 for unknown or ambiguous actors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import FIXTURES, SEED_TRIG

ID = "https://w3id.org/diplograph/id/"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("cli") / "kg")
    assert run("--store", location, "ingest", str(SEED_TRIG))[0] == 0
    return location


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("cli2") / "kg")
    files = [
        str(SEED_TRIG),
        str(FIXTURES / "analyst2" / "second-outlet.yaml"),
        str(FIXTURES / "analyst2" / "denial.trig"),
    ]
    code, _, err = run("--store", location, "ingest", *files)
    assert code == 0, err
    return location


def test_actors_in_every_format(seeded: str) -> None:
    code, out, err = run("--store", seeded, "actors", "--kind", "state")
    assert code == 0 and err == ""
    assert "dipd:COL" in out and "Colombia" in out and "(3 rows)" in out
    data = json.loads(run("--store", seeded, "actors", "--kind", "state", "-f", "json")[1])
    assert [d["label"] for d in data] == ["Colombia", "United States", "Venezuela"]
    lines = run("--store", seeded, "actors", "--name", "petro", "-f", "jsonl")[1].splitlines()
    assert [json.loads(ln)["label"] for ln in lines] == ["Gustavo Petro", "relatives of Gustavo Petro"]
    rows = list(csv.reader(io.StringIO(run("--store", seeded, "actors", "-f", "csv", "--limit", "2")[1])))
    assert rows[0] == ["actor", "label", "kind", "aliases", "iso3", "wikidata"] and len(rows) == 3
    tsv = run("--store", seeded, "actors", "-f", "tsv", "--kind", "person")[1].splitlines()
    assert tsv[0].split("\t")[:2] == ["actor", "label"] and len(tsv) == 3


def test_actor_shows_one_actor(seeded: str) -> None:
    code, out, _ = run("--store", seeded, "actor", "petro", "-f", "json")
    fields = {d["field"]: d["value"] for d in json.loads(out)}
    assert code == 0 and fields["label"] == "Gustavo Petro" and fields["nationality"] == "Colombia"
    assert fields["roles"] == "President of Colombia (2022-08-07 to now)" and fields["events"] == "7"


def test_unknown_actor_exits_2_with_a_hint(seeded: str) -> None:
    code, out, err = run("--store", seeded, "actor", "Atlantis")
    assert code == 2 and out == ""
    assert "no actor is called 'Atlantis'" in err and "diplograph actors --name" in err
    code, _, err = run("--store", seeded, "relations", "Colombai")
    assert code == 2 and "Perhaps you mean: Colombia" in err


def test_ambiguous_actor_exits_2_with_the_candidates(two: str) -> None:
    code, out, err = run("--store", two, "timeline", "Petro", "USA")
    assert code == 2 and out == ""
    assert "Gustavo Petro (person, dipd:person-gustavo-petro)" in err and "Nicolás Petro" in err


def test_relations_with_filters(seeded: str) -> None:
    code, out, _ = run("--store", seeded, "relations", "Petro", "Trump", "--type", "12", "--type", "13", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["cameo"] for r in rows] == ["120", "130"]
    assert rows[0]["from"] == "Gustavo Petro" and rows[0]["to"] == "Donald Trump" and rows[0]["sources"] == "1"
    out = run("--store", seeded, "relations", "Petro", "--since", "2026-01-06", "-f", "jsonl")[1]
    assert [json.loads(ln)["cameo"] for ln in out.splitlines()] == ["036", "041", "051", "010"]
    out = run("--store", seeded, "relations", "Trump", "--modality", "planned", "-f", "json")[1]
    assert [r["cameo"] for r in json.loads(out)] == ["043"]
    assert run("--store", seeded, "relations", "USA", "COL", "--no-rollup")[1].endswith("(0 rows)\n")


def test_bad_date_is_a_usage_error(seeded: str) -> None:
    code, _, err = run("--store", seeded, "relations", "Petro", "--since", "2026-13")
    assert code == 2 and "not a calendar date" in err


def test_timeline_month_precision_and_planned(seeded: str) -> None:
    out = run("--store", seeded, "timeline", "USA", "COL", "--until", "2026-01-05", "-f", "json")[1]
    assert [r["cameo"] for r in json.loads(out)] == ["138", "120", "130"]
    out = run("--store", seeded, "timeline", "USA", "COL", "--include-planned", "--since", "2026-02", "-f", "json")[1]
    (meeting,) = json.loads(out)
    assert meeting["modality"] == "planned" and meeting["when"] == "2026-02-03"
    out = run("--store", seeded, "timeline", "USA", "relatives of Gustavo Petro", "--until", "2025-10", "-f", "json")[1]
    assert [r["cameo"] for r in json.loads(out)] == ["1121", "163"]


def test_sanctions_and_roles(two: str) -> None:
    data = json.loads(run("--store", two, "sanctions", "--by", "USA", "-f", "json")[1])
    assert [d["target"] for d in data] == ["relatives of Gustavo Petro", "Nicolás Petro"]
    assert data[1]["authority"] == "Office of Foreign Assets Control" and data[1]["state"] == "United States"
    assert data[1]["denied by"] == "Gustavo Petro"
    assert json.loads(run("--store", two, "sanctions", "--on", "2025-09", "-f", "json")[1]) == []
    data = json.loads(run("--store", two, "roles", "Colombia", "--on", "2025-08", "-f", "json")[1])
    assert [d["person"] for d in data] == ["Gustavo Petro"]


def test_path_ego_balance_contradictions(two: str) -> None:
    hops = json.loads(run("--store", two, "path", "Colombia", "Gustavo Petro", "-f", "json")[1])
    assert [(h["from"], h["to"]) for h in hops] == [("Colombia", "Donald Trump"), ("Donald Trump", "Gustavo Petro")]
    code, out, err = run("--store", two, "path", "Venezuela", "Nicolás Petro")
    assert code == 0 and "no path" in err and "(0 rows)" in out
    code, out, err = run("--store", two, "ego", "Nicolás Petro", "-f", "json")
    assert code == 0 and "actors" in err
    assert {(e["from"], e["to"]) for e in json.loads(out)} == {("Office of Foreign Assets Control", "Nicolás Petro")}
    balance = json.loads(run("--store", two, "balance", "USA", "COL", "--by", "quarter", "-f", "json")[1])
    assert [b["period"] for b in balance] == ["2025-Q4", "2026-Q1"]
    found = json.loads(run("--store", two, "contradictions", "--across-sources", "--kind", "polarity", "-f", "json")[1])
    assert {c["second source"] for c in found} | {c["first source"] for c in found} == {
        "Unknown outlet (seed sample)",
        "Example Gazette",
    }


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "csv"])
def test_export_graph_to_a_file(seeded: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"seed.{fmt}"
    code, stdout, err = run("--store", seeded, "export-graph", "-f", fmt, "-o", str(out))
    assert code == 0 and stdout == "" and "5 actors, 10 edges" in err
    if fmt == "gexf":
        assert nx.read_gexf(out).number_of_edges() == 10
    elif fmt == "graphml":
        assert nx.read_graphml(out, force_multigraph=True).number_of_edges() == 10
    elif fmt == "json":
        assert len(json.loads(out.read_text())["links"]) == 10
    else:
        assert len(out.read_text().splitlines()) == 11


def test_export_graph_to_stdout_with_filters(seeded: str) -> None:
    code, out, _ = run(
        "--store",
        seeded,
        "export-graph",
        "-f",
        "json",
        "--actor",
        "Petro",
        "--with",
        "Trump",
        "--since",
        "2026-01-06",
        "--no-evidence",
    )
    data = json.loads(out)
    assert code == 0 and len(data["links"]) == 4 and all(e["evidence"] == [] for e in data["links"])
    code, out, _ = run("--store", seeded, "export-graph", "-f", "graphml", "--collapse", "--undirected")
    back = nx.read_graphml(io.BytesIO(out.encode()))
    assert code == 0 and back.number_of_edges() == 4 and not back.is_multigraph()
    code, _, err = run("--store", seeded, "export-graph", "--with", "Trump")
    assert code == 2 and "--with needs --actor" in err


def test_query_params_and_the_list_of_queries(seeded: str) -> None:
    code, out, _ = run("queries")
    assert code == 0
    line = next(ln for ln in out.splitlines() if ln.startswith("analyst/dyad_timeline"))
    assert line.rstrip().endswith("a, b")
    listed = json.loads(run("queries", "-f", "json")[1])
    assert {q["name"]: q["parameters"] for q in listed}["lookup/dyad_events"] == "a, b, since, until"
    code, out, _ = run(
        "--store",
        seeded,
        "query",
        "--name",
        "analyst/dyad_timeline",
        "--param",
        "a=United States",
        "--param",
        "b=dipd:COL",
        "-f",
        "csv",
    )
    assert code == 0 and out.splitlines()[1].startswith("2025-10-01,2026-01-15,Deny responsibility")
    code, out, _ = run(
        "--store",
        seeded,
        "query",
        "--name",
        "analyst/heads_of_state_met",
        "--param",
        "from=2026-02",
        "--param",
        "to=2026-12",
    )
    assert code == 0 and "(0 rows)" in out
    code, _, err = run("--store", seeded, "query", "--name", "analyst/agencies_of_state", "--param", "nope=1")
    assert code == 2 and "unknown parameter 'nope'" in err and "state" in err
    code, _, err = run("--store", seeded, "query", "--name", "analyst/agencies_of_state", "--param", "state")
    assert code == 2 and "NAME=VALUE" in err
    code, _, err = run("--store", seeded, "query", "--name", "analyst/heads_of_state_met", "--param", "from=soon")
    assert code == 2 and "not a date" in err


def test_query_params_never_become_syntax(seeded: str) -> None:
    attack = "x> } ?s ?p ?o . { <y"
    code, _, err = run("--store", seeded, "query", "--name", "analyst/agencies_of_state", "--param", f"state={attack}")
    assert code == 2 and "no actor is called" in err
    text = "SELECT ?s WHERE { ?s skos:prefLabel ?n }"
    code, out, _ = run("--store", seeded, "query", text, "--param", 'n=Colombia"@en } ?s ?p ?o . { "x')
    assert code == 0 and "(0 rows)" in out
    code, out, _ = run("--store", seeded, "query", "SELECT ?s WHERE { ?s dip:iso3166Alpha3 ?c }", "--param", "c=COL")
    assert code == 0 and "dipd:COL" in out
