"""scripts/generate_lexicon.py: PETRARCH-2 verb blocks and patterns become lexicon entries (on a dictionary
written here in the same format, so the test needs nothing outside the repository)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from tests.conftest import load_script

DICTIONARY = """\
# comment line
&CEASEFIRE
+TRUCE
+CEASE_FIRE

&SAYING_
+STATEMENT

####### VERB PATTERNS #######

---  SCOLD   [111]  ---
SCOLD
UPBRAID {UPBRAIDS UPBRAIDED UPBRAIDING }
- * &CEASEFIRE                                        [1246]        # SCOLD
- * (FOR LEAK)                                        [112]         # UPBRAID
- * (OVER)                                            [112]
- * COMPANY                                           [---]         # SCOLD
- ARMY * (TO BORDER)                                  [154]         # SCOLD
- * {NEW STRATEGY}                                    [030]         # SCOLD
- * (TO)
- * TO                                                [030]         # SCOLD

---  MUMBLE   [010]  ---
MUMBLE
+MUMBLE_OUT [014]
WIRE_+TAP
- * OUT STATEMENT                                     [018]         # MUMBLE
- * FORECAST                                          [999]         # MUMBLE
"""


def load() -> ModuleType:
    return load_script("scripts/generate_lexicon.py")


def test_blocks_and_patterns_become_entries(tmp_path: Path) -> None:
    source = tmp_path / "CAMEO.txt"
    source.write_text(DICTIONARY, encoding="latin-1")
    entries, extra = load().convert(source)
    as_set = {json.dumps(e, sort_keys=True) for e in entries}

    def has(**fields: object) -> bool:
        return json.dumps(fields, sort_keys=True) in as_set

    # every verb of a block gets the block's default code; a verb's own code wins; particles are kept
    assert has(lemma="scold", code="111") and has(lemma="upbraid", code="111")
    assert has(lemma="mumble", code="010") and has(lemma="mumble", prt="out", code="014")
    # a synonym set is expanded with plurals, a set whose label ends in "_" without them
    assert has(lemma="scold", code="1246", obj=["truce", "truces"])  # "cease fire" is two words: left out
    # a pattern is kept to the verb its comment names; one without a comment applies to the whole block
    assert has(lemma="upbraid", code="112", prep=["for"], pobj=["leak", "leaks"])
    assert not any(e["lemma"] == "scold" and e.get("pobj") == ["leak", "leaks"] for e in entries)
    assert has(lemma="scold", code="112", prep=["over"]) and has(lemma="upbraid", code="112", prep=["over"])
    # "---" blocks the verb with that object; a particle before the object is a particle
    assert has(lemma="scold", code="", obj=["company", "companies"])
    assert has(lemma="mumble", code="018", prt="out", obj=["statement", "statements"])
    irregular = extra["forms"]["upbraid"]
    assert "upbraided" in irregular
    stats = extra["stats"]
    skipped = stats["patterns_skipped"]
    assert skipped["words before the verb (subject patterns)"] == 1
    assert skipped["multi-word object phrase"] == 1
    assert skipped["code not in the CAMEO scheme"] == 1
    assert skipped["no code"] == 1
    assert skipped["a bare preposition in the object position"] == 1
    assert stats["verbs_skipped"] == {"words before the verb": 1}
