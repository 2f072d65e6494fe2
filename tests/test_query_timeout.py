"""`diplograph query --timeout` on the embedded store: a runaway query is stopped, a small one answers.

Real processes (the timeout ends the process: it cannot run inside CliRunner).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_server import seeded_store

RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_store(tmp_path_factory.mktemp("timeout") / "kg")


def run(store: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "graph", "--store", str(store), "query", *args],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    return out, time.monotonic() - started


def test_a_runaway_query_is_stopped_at_its_timeout(store: Path) -> None:
    out, seconds = run(store, "--timeout", "1.5", RUNAWAY)
    assert out.returncode == 1 and out.stdout == ""
    assert "longer than 1.5 s (--timeout)" in out.stderr
    assert seconds < 15  # the interpreter's start-up and the store's opening included


def test_a_small_query_answers_within_its_timeout(store: Path) -> None:
    out, _ = run(store, "--timeout", "60", "-f", "csv", "ASK { ?s ?p ?o }")
    assert out.returncode == 0 and out.stdout.strip().lower().endswith("true"), (out.stdout, out.stderr)
