"""scripts/generate_agents.py: the PETRARCH-2 agents dictionary becomes noun -> CAMEO sector, with plurals and
substitution sets expanded (on a dictionary written here in the same format)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tests.conftest import load_script

AGENTS = """\
# comment
!PERSON! = MAN, WOMAN
REBEL [~REB]
CATTLE!PERSON! [~AGR]
POLICE {} [~COP]
PEACEKEEPING_TROOPS {} [IGO~]
ARMED_FORCE {ARMED_FORCES} [~MIL]
DUTY
"""


def load() -> ModuleType:
    return load_script("scripts/generate_agents.py")


def test_nouns_their_plurals_and_substitutions_get_their_sector(tmp_path: Path) -> None:
    source = tmp_path / "Phoenix.agents.txt"
    source.write_text(AGENTS, encoding="latin-1")
    agents, skipped = load().convert(source)
    assert agents["rebel"] == agents["rebels"] == "REB"
    assert agents["cattleman"] == agents["cattlemen"] == agents["cattlewoman"] == "AGR"
    assert agents["armed forces"] == "MIL" and agents["police"] == "COP"
    assert "peacekeeping troops" not in agents  # the organisation's own code, not a state's sector
    assert skipped["no code"] == 1
