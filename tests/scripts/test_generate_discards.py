"""scripts/generate_discards.py: the PETRARCH-2 discard list becomes sentence-level phrases, with years,
history, disasters, politics and lower-case idiom left out (on a list written here in the same format)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_script

DISCARDS = """\
# Story-level discards are indicated with a '+'.
1914
MONTHS LATER
TENNIS
+WORLD CUP   # pas 26-Feb-2014
GROUP A_
MARATHON
TSUNAMI   # disaster aid is diplomacy
NOBEL PRIZE
SEMI-FINAL
"""


def load() -> ModuleType:
    return load_script("scripts/generate_discards.py")


def test_sports_phrases_are_kept_and_the_rest_skipped_by_reason(tmp_path: Path) -> None:
    source = tmp_path / "Phoenix.discards.txt"
    source.write_text(DISCARDS, encoding="utf-8")
    kept, skipped = load().phrases(source)
    assert kept == ["semi-final", "tennis", "world cup"]
    assert skipped["years and relative times"] == 2
    assert skipped["common idiom in lower case"] == 2
    assert skipped["history, disasters, epidemics"] == 1
    assert skipped["politics, public figures, other"] == 1


def test_the_generated_file_carries_the_attribution_and_both_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vocab = tmp_path / "vocab" / "petrarch2"
    vocab.mkdir(parents=True)
    (vocab / "Phoenix.discards.txt").write_text(DISCARDS, encoding="utf-8")
    out = tmp_path / "discards.json"
    module = load()
    monkeypatch.setattr(sys, "argv", ["generate_discards.py", "--vocab", str(tmp_path / "vocab"), "--out", str(out)])
    assert module.main() == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "Open Event Data Alliance" in data["attribution"] and "MIT" in data["attribution"]
    assert data["phrases"] == ["semi-final", "tennis", "world cup"]
    assert "box office" in data["own_phrases"]
