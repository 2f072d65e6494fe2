"""`diplograph view`: writes the page, applies the selection, reports on stderr, exit 2 on a bad reference."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.views.conftest import SEED, have_projection

pytestmark = pytest.mark.skipif(not have_projection(), reason="graph.views.network is not in the tree yet")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("view") / "kg")
    code, _, err = run("--store", location, "ingest", str(SEED))
    assert code == 0, err
    return location


def data_of(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="dg-data">(.*?)</script>', text, re.DOTALL)
    assert block is not None
    result: dict = json.loads(block.group(1))
    return result


def test_view_writes_the_whole_store(seeded: str, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    code, stdout, err = run("--store", seeded, "view", "-o", str(out), "--include-planned")
    assert code == 0 and stdout == ""
    assert re.match(r"wrote .*graph\.html: \d+ actors, \d+ events", err)
    data = data_of(out)
    assert data["meta"]["store"] == seeded and data["nodes"] and data["edges"]
    assert data["meta"]["filters"] == "planned events: shown"


def test_selection_reaches_the_page(seeded: str, tmp_path: Path) -> None:
    everything, narrow = tmp_path / "all.html", tmp_path / "narrow.html"
    assert run("--store", seeded, "view", "-o", str(everything), "--include-planned")[0] == 0
    code, _, err = run("--store", seeded, "view", "Petro", "--depth", "1", "--types", "13,16", "-o", str(narrow))
    assert code == 0, err
    small, big = data_of(narrow), data_of(everything)
    assert 0 < len(small["edges"]) < len(big["edges"])
    assert {e["root"] for e in small["edges"]} <= {"13", "16"}
    assert small["meta"]["title"] == "Petro"
    assert small["meta"]["filters"] == "actors: Petro; depth: 1; types: 13, 16; planned events: left out"


def test_stdout_and_unknown_actor(seeded: str) -> None:
    code, stdout, _ = run("--store", seeded, "-q", "view", "-o", "-")
    assert code == 0 and stdout.startswith("<!DOCTYPE html>")
    code, _, err = run("--store", seeded, "view", "Atlantis", "-o", "-")
    assert code == 2 and "no actor matches 'Atlantis'" in err
