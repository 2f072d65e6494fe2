"""Generate graph/extract/data/agents.json: generic agent nouns and the CAMEO sector each names.

Run from the repository root (needs ../shared/vocab):

    .venv/bin/python scripts/generate_agents.py [--vocab ../shared/vocab] [--out graph/extract/data/agents.json]

Source: the PETRARCH-2 agents dictionary (``petrarch2/Phoenix.agents.txt``; Open Event Data Alliance, MIT):
lines ``NOUN_PHRASE {PLURALS} [~SECTOR]`` with ``!PERSON!``-style substitution sets. Kept: every noun phrase
with a sector that follows a country code (``[~REB]``: "Syrian rebels" are SYRREB), in lower case with its
regular plural (the dictionary leaves regular plurals out) and the irregular ones it lists. Left out, by
reason: sectors that precede the code (``[IGO~]``: the agent is the organisation, not a state's sector),
lines without a code, and stems written with a trailing space (the coder's prefix matching, which a
lookup by whole words cannot do). The product reads only the generated JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling module below, however this file is loaded
from petrarch2_notice import MIT_TERMS  # noqa: E402

OUT = ROOT / "graph" / "extract" / "data" / "agents.json"
NOTICE = (
    "Agent nouns and their CAMEO sectors derived from the PETRARCH-2 agents dictionary (Phoenix.agents.txt, "
    "openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf). Copyright (c) 2014 Open Event "
    "Data Alliance. MIT licence: " + MIT_TERMS
)
SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
LINE = re.compile(r"^(?P<noun>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")


def plural(noun: str) -> str:
    """The regular plural of a noun phrase's last word ("rebel" -> "rebels", "militia" -> "militias")."""
    head, _, last = noun.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return f"{head} {last}".strip()


def convert(path: Path) -> tuple[dict[str, str], Counter[str]]:
    """Agent noun (lower case, singular and plural) -> sector code, and the lines skipped by reason."""
    sets: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    skipped: Counter[str] = Counter()
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if m := SUBSTITUTION.match(line):
            sets[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        m = LINE.match(line)
        if m is None:
            skipped["no code"] += 1
            continue
        code = m["code"].strip()
        if not code.startswith("~") or len(code) < 4:
            skipped["sector before the code (an organisation)"] += 1
            continue
        noun = m["noun"]
        if noun.endswith(" ") and "_" not in noun.strip():
            skipped["stem"] += 1
            continue
        for form in _expand(noun.strip(), sets):
            phrase = " ".join(form.replace("_", " ").lower().split())
            if not phrase:
                continue
            out.setdefault(phrase, code[1:])
            out.setdefault(plural(phrase), code[1:])
        for extra in (m["plurals"] or "").split():
            out.setdefault(" ".join(extra.replace("_", " ").lower().split()), code[1:])
    return dict(sorted(out.items())), skipped


def _expand(noun: str, sets: dict[str, list[str]]) -> list[str]:
    """ "CATTLE!PERSON!" -> CATTLEMAN, CATTLEMEN, CATTLEWOMAN, ... (a set's words glued in place)."""
    m = re.search(r"!(\w+)!", noun)
    if m is None or m[1] not in sets:
        return [noun.replace(f"!{m[1]}!", "")] if m else [noun]
    return [x for word in sets[m[1]] for x in _expand(noun[: m.start()] + word + noun[m.end() :], sets)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--vocab", type=Path, default=ROOT.parent / "shared" / "vocab")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    source = args.vocab / "petrarch2" / "Phoenix.agents.txt"
    if not source.is_file():
        print(f"error: {source} not found; pass --vocab DIR holding petrarch2/", file=sys.stderr)
        return 2
    agents, skipped = convert(source)
    data = {"attribution": NOTICE, "agents": agents}
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"kept {len(agents)} agent nouns (singular and plural) -> {args.out}", file=sys.stderr)
    for reason, n in skipped.most_common():
        print(f"  skipped {n}: {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
