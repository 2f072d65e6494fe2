"""The analyst scripts (scripts/analyst/*.py) run on the seed and print what they promise."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import graph
from tests.conftest import REPO, load_script

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts" / "analyst"
SEED = ROOT / "ontology" / "examples" / "seed.trig"
SECOND = ROOT / "tests" / "fixtures" / "analyst2" / "second-outlet.yaml"


def load(name: str) -> ModuleType:
    return load_script(str((SCRIPTS / f"{name}.py").relative_to(REPO)), f"analyst_{name}")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("scripts") / "kg")
    with graph.open(location, create=True) as kg:
        assert kg.ingest([str(SEED), str(SECOND)]).ok
    return location


def test_every_script_has_a_docstring_and_a_store_option() -> None:
    scripts = sorted(SCRIPTS.glob("*.py"))
    assert len(scripts) >= 3
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        assert text.startswith('"""') and "--store" in text
        assert "graph.store" not in text and "graph.queries" not in text  # the public API only


def test_who_sanctioned_whom(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    script = load("who_sanctioned_whom")
    assert script.main(["--store", store]) == 0
    out = capsys.readouterr().out
    assert "Office of Foreign Assets Control (United States) -> Nicolás Petro  since 2025-10-24" in out
    assert "- Example Wire, 2025-12-02: OFAC listed Nicolás Petro" in out
    assert script.main(["--store", store, "--by", "OFAC", "--format", "json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["target"] == "Nicolás Petro" and record["denied_by"] == "Gustavo Petro"
    assert script.main(["--store", store, "--format", "csv", "--on", "2025-10-10"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["target"] for r in rows} == {"relatives of Gustavo Petro"} and len(rows) == 2


def test_dyad_timeline_to_csv(store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = load("dyad_timeline_csv")
    out = tmp_path / "usa-col.csv"
    assert script.main(["United States", "COL", "--store", store, "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["period"] for r in rows] == ["2025-10", "2025-11", "2025-12", "2026-01"]
    assert rows[1]["events"] == "0"
    assert (rows[3]["events"], rows[3]["cooperative"], rows[3]["conflictual"]) == ("7", "3", "3")
    assert "Discuss by telephone" in rows[3]["types"]
    assert "4 month(s) written" in capsys.readouterr().err
    assert script.main(["USA", "COL", "--store", store, "--by", "year"]) == 0
    assert [r["period"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))] == ["2025", "2026"]


def test_central_actors_and_paths(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    script = load("central_actors")
    assert script.main(["--store", store, "--top", "3", "--between", "Colombia", "Gustavo Petro"]) == 0
    out = capsys.readouterr().out
    assert "degree centrality:" in out and "betweenness centrality:" in out and "communities:" in out
    assert "path from Colombia to Gustavo Petro: 2 hop(s)" in out
    assert "1. Colombia -- Donald Trump: Threaten with military force (2026-01-04)" in out


def test_scripts_run_as_programs_and_report_unknown_actors(store: str) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "central_actors.py"), "--store", store, "--between", "Atlantis", "Petro"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "no actor is called 'Atlantis'" in done.stderr
