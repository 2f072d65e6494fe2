"""scripts/bench/fuzz_inputs.py at CI size: 200 fuzzed curated files and 20 fuzzed texts through the
strict ingest path, and one of each through the real command line; nothing but GraphErrors escapes.
The large run (--curated 10000 --texts 2000) is the script's own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_script

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "bench" / "fuzz_inputs.py"


def load() -> ModuleType:
    return load_script("scripts/bench/fuzz_inputs.py")


def test_fuzzed_inputs_raise_nothing_but_graph_errors(tmp_path: Path) -> None:
    fuzz = load()
    result = fuzz.fuzz(200, 20, seed=18, cli=1, keep=tmp_path / "failures")
    assert result["uncaught"] == 0, json.dumps(
        [result[k]["uncaught_examples"] for k in ("curated", "texts")], indent=1, ensure_ascii=False
    )
    for kind, files in (("curated", 200), ("texts", 20)):
        r = result[kind]
        assert r["files"] == files and r["ok"] + r["graph_errors"] == files
        assert r["ok"] > files // 5, r  # the fuzz reaches past the reader, into mapping and the store
        assert r["cli_failures"] == [], r["cli_failures"]
    assert result["curated"]["graph_errors_by_class"].get("SourceError", 0) > 20


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    import random

    fuzz = load()
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    first = [fuzz.curated_file(random.Random(5), a, i) for i in range(3)]
    second = [fuzz.curated_file(random.Random(5), b, i) for i in range(3)]
    assert first == second
    rng1, rng2 = random.Random(7), random.Random(7)
    assert [fuzz.text_file(rng1, i) for i in range(5)] == [fuzz.text_file(rng2, i) for i in range(5)]


@pytest.mark.slow
def test_the_script_runs_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "fuzz.json"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--curated", "20", "--texts", "2", "--cli", "0", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "uncaught exceptions: 0" in proc.stdout and json.loads(out.read_text())["uncaught"] == 0
