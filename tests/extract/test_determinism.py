"""The extraction does not depend on Python's per-process string hashing: the same articles give the
same JSON, byte for byte, whatever PYTHONHASHSEED is (set and dict orders must never leak out)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
# every article fixture and the seed sample, in one batch per seed
ARTICLES = sorted(
    [p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html", ".jsonl")]
    + sorted((ROOT / "samples").glob("*.txt"))
)


def extract_json(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [sys.executable, "-m", "graph", "-q", "extract", *map(str, ARTICLES), "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return done.stdout


def test_every_fixture_and_the_sample_give_the_same_json_under_any_hash_seed() -> None:
    # leaders named by surname only once came out in the iteration order of a set; two name forms
    # starting at the same word ("Hassan Sheikh", "Hassan Sheikh Mohamud") once tied in a sort
    outputs = {seed: extract_json(seed) for seed in ("1", "2", "3")}
    assert '"Putin"' in outputs["1"]
    assert len(set(outputs.values())) == 1
