"""scripts/generate_agents.py: the PETRARCH-2 agents dictionary becomes noun -> CAMEO sector, with plurals and
substitution sets expanded (on a dictionary written here in the same format)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]

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
    spec = importlib.util.spec_from_file_location("generate_agents", ROOT / "scripts" / "generate_agents.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_nouns_their_plurals_and_substitutions_get_their_sector(tmp_path: Path) -> None:
    source = tmp_path / "Phoenix.agents.txt"
    source.write_text(AGENTS, encoding="latin-1")
    agents, skipped = load().convert(source)
    assert agents["rebel"] == agents["rebels"] == "REB"
    assert agents["cattleman"] == agents["cattlemen"] == agents["cattlewoman"] == "AGR"
    assert agents["armed forces"] == "MIL" and agents["police"] == "COP"
    assert "peacekeeping troops" not in agents  # the organisation's own code, not a state's sector
    assert skipped["no code"] == 1
