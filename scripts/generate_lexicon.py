"""Generate the trigger lexicon from the PETRARCH-2 CAMEO verb dictionary.

    .venv/bin/python scripts/generate_lexicon.py [--source ../shared/vocab/petrarch2/CAMEO.2.0.txt]

Writes ``graph/extract/data/triggers_petrarch.json``: one entry per verb of a verb block (its default
code) and one per pattern that fits the lexicon's entry fields (object noun, particle, preposition,
preposition + noun, synonym sets expanded), each with its CAMEO code. A pattern coded ``---`` becomes a
*blocking* entry (``code: ""``): that verb with that object names no event. The hand lexicon
(``triggers.yaml``) is read beside it and wins (``graph/extract/lexicon.py``).

Derived from the PETRARCH-2 dictionaries, Open Event Data Alliance, MIT licence (the copyright and
permission notice travel in the generated file). Prints how many patterns became entries and how many
were skipped, by reason.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling module below, however this file is loaded
from petrarch2_notice import MIT_TERMS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "vocab" / "petrarch2" / "CAMEO.2.0.txt"
OUT = ROOT / "graph" / "extract" / "data" / "triggers_petrarch.json"
CAMEO_SCHEME = ROOT / "ontology" / "schemes" / "cameo.ttl"

# words the dictionary writes after the verb that spaCy parses as particles ("throw OUT charges")
PARTICLES = {"out", "up", "off", "down", "back", "away", "in", "on", "over", "forward", "aside", "along", "through"}
# synonym sets of function words: they describe PETRARCH's own parsing, not events
# marks of source, target and skipped words in a pattern: nothing to match
MARKERS = {"$", "+", "%", "^"}
BARE_PREPOSITIONS = {"to", "for", "with", "of", "at", "by", "from", "into", "about", "against", "toward"}
SKIP_SYNSETS = {"AUXVERB1", "AUXVERB2", "AUXVERB3", "TOBEVERB", "PREPOSIT1"}
NOTICE = (
    "Derived from the PETRARCH-2 CAMEO verb dictionary (CAMEO.2.0.txt, openeventdata/petrarch2 commit "
    "676801cd9cb2924bbbad09f86d15c9323e7097bf). Copyright (c) 2015 Open Event Data Alliance. MIT licence: " + MIT_TERMS
)


def known_codes() -> set[str]:
    return set(re.findall(r'skos:notation "(\d+)"', CAMEO_SCHEME.read_text(encoding="utf-8")))


def plural(word: str) -> list[str]:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word, word[:-1] + "ies"]
    if word.endswith(("ss", "sh", "ch", "x")):
        return [word, word + "es"]
    return [word, word + "s"] if not word.endswith("s") else [word]


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` followed by ``+WORD`` lines; plurals unless the label or the phrase ends with ``_``."""
    sets: dict[str, list[str]] = {}
    name: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("---"):
            break
        if line.startswith("&"):
            name = line[1:]
            sets[name.rstrip("_")] = []
        elif line.startswith("+") and name is not None:
            phrase = line[1:].strip()
            no_plural = name.endswith("_") or phrase.endswith("_")
            words = phrase.rstrip("_").replace("_", " ").lower()
            sets[name.rstrip("_")] += [words] if no_plural or " " in words else plural(words)
    return sets


def split_groups(text: str) -> list[str]:
    """Pattern words, keeping ``{...}`` phrases and ``(...)`` prepositional phrases whole."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text)


class Converter:
    def __init__(self, synsets: dict[str, list[str]], codes: set[str]) -> None:
        self.synsets = synsets
        self.codes = codes
        self.skipped: Counter[str] = Counter()
        self.made = 0
        self.patterns = 0

    def words(self, item: str) -> list[str] | None:
        """One pattern noun (or synonym set) as the words that can stand for it; None if it cannot be one word."""
        if item.startswith("&"):
            name = item[1:].rstrip("_")
            if name in SKIP_SYNSETS or name not in self.synsets:
                return None
            return [w for w in self.synsets[name] if " " not in w] or None
        if item.startswith("{"):
            return None
        if not re.fullmatch(r"[A-Za-z][A-Za-z\-']*", item):
            return None
        return plural(item.lower())

    def code(self, raw: str) -> str | None:
        code = raw.split(":", 1)[0].strip()
        if code == "---":
            return ""
        return code if code in self.codes else None

    def pattern(self, body: str, raw_code: str | None) -> dict[str, object] | None:
        """One ``- PRE * POST [CODE]`` line as entry fields, or None (the reason is counted)."""
        self.patterns += 1
        if raw_code is None:
            self.skipped["no code"] += 1
            return None
        code = self.code(raw_code)
        if code is None:
            self.skipped["code not in the CAMEO scheme"] += 1
            return None
        if "*" not in body:
            self.skipped["no verb position"] += 1
            return None
        pre, post = body.split("*", 1)
        if [w for w in split_groups(pre) if w not in MARKERS]:
            self.skipped["words before the verb (subject patterns)"] += 1
            return None
        items = [w for w in split_groups(post) if w not in MARKERS]
        fields: dict[str, object] = {"code": code}
        if items and items[0].lower() in PARTICLES and not items[0].startswith("("):
            fields["prt"] = items.pop(0).lower()
        nouns = [w for w in items if not w.startswith("(")]
        preps = [w for w in items if w.startswith("(")]
        if len(nouns) > 1 or len(preps) > 1:
            self.skipped["more than one object or prepositional phrase"] += 1
            return None
        if nouns and nouns[0].lower() in BARE_PREPOSITIONS:
            # "- * TO [030]": a preposition where the object goes; read as an object noun it matched
            # "heads to Beijing" as a statement of intent
            self.skipped["a bare preposition in the object position"] += 1
            return None
        if nouns:
            fields["obj"] = self.words(nouns[0])
        if preps:
            inner = split_groups(preps[0][1:-1])
            if not inner or not re.fullmatch(r"[A-Za-z]+", inner[0]):
                self.skipped["unreadable prepositional phrase"] += 1
                return None
            fields["prep"] = [inner[0].lower()]
            rest = [w for w in inner[1:] if w not in MARKERS]
            if rest:
                fields["pobj"] = self.words(rest[0]) if len(rest) == 1 else None
        if fields.get("obj", ()) is None or fields.get("pobj", ()) is None:
            self.skipped["multi-word object phrase"] += 1
            return None
        if len(fields) == 1:
            self.skipped["pattern with no condition (the block default)"] += 1
            return None
        self.made += 1
        return fields


VERB_LINE = re.compile(r"^(?P<verb>[A-Z+_\-']+)\s*(?P<forms>\{[^}]*\})?\s*(?:\[(?P<code>[^\]]*)\])?")
PATTERN_LINE = re.compile(r"^-\s+(?P<body>.*?)\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
HEADER = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]*)\]\s+---")


def verb_of(word: str) -> tuple[str, str | None] | None:
    """``ACCUSE`` -> (accuse, None); ``+CALL_OFF`` -> (call, off); ``WIRE_+TAP`` (words before the verb) -> None."""
    parts = word.split("_")
    if len(parts) == 1:
        return (word.lstrip("+").lower(), None)
    if not parts[0].startswith("+") or len(parts) > 2:
        return None
    return (parts[0][1:].lower(), parts[1].lower())


def convert(source: Path) -> tuple[list[dict[str, object]], dict[str, object]]:
    lines = source.read_text(encoding="latin-1").splitlines()
    conv = Converter(read_synsets(lines), known_codes())
    entries: list[dict[str, object]] = []
    forms: dict[str, list[str]] = {}
    verbs_seen = blocks = restricted = 0
    skipped_verbs: Counter[str] = Counter()
    start = next(i for i, line in enumerate(lines) if line.startswith("---"))
    block_verbs: list[tuple[str, str | None]] = []
    block_code = ""
    for raw in lines[start:]:
        line, _hash, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip() or line.startswith("~"):
            continue
        head = HEADER.match(line)
        if head:
            blocks += 1
            block_verbs = []
            block_code = conv.code(head["code"]) or ""
            continue
        if line.startswith("-"):
            m = PATTERN_LINE.match(line)
            fields = conv.pattern(m["body"], m["code"]) if m else None
            # the comment names the verb the pattern was written for; PETRARCH applies it to the whole
            # block, which gives "accuse an attack" the code of "back an attack": keep it to that verb
            origin = comment.split()[0].lower() if comment.split() else ""
            targets = [v for v in block_verbs if origin.startswith(v[0][:-1] if len(v[0]) > 4 else v[0])]
            if fields and origin and targets:
                restricted += 1
            for lemma, prt in (targets or block_verbs) if fields else ():
                if prt and "prt" in fields:  # type: ignore[operator]
                    continue
                entry = {"lemma": lemma, **fields}  # type: ignore[dict-item]
                if prt:
                    entry["prt"] = prt
                entries.append(entry)
            continue
        m = VERB_LINE.match(line.strip())
        if not m:
            continue
        verbs_seen += 1
        found = verb_of(m["verb"])
        if found is None:
            skipped_verbs["words before the verb"] += 1
            continue
        lemma, prt = found
        if not re.fullmatch(r"[a-z][a-z\-']*", lemma):
            skipped_verbs["not a word"] += 1
            continue
        block_verbs.append((lemma, prt))
        if m["forms"] and not prt:
            irregular = [f.lower() for f in m["forms"][1:-1].split() if re.fullmatch(r"[A-Za-z]+", f)]
            forms[lemma] = sorted(set(forms.get(lemma, [])) | set(irregular))
        own = conv.code(m["code"]) if m["code"] is not None else None
        code = own if own is not None else block_code
        if code:
            entry: dict[str, object] = {"lemma": lemma, "code": code}
            if prt:
                entry["prt"] = prt
            entries.append(entry)
    unique: dict[str, dict[str, object]] = {}
    for e in entries:
        unique.setdefault(json.dumps(e, sort_keys=True), e)
    stats = {
        "verb_blocks": blocks,
        "verbs": verbs_seen,
        "verbs_skipped": dict(skipped_verbs),
        "patterns": conv.patterns,
        "patterns_converted": conv.made,
        "patterns_kept_to_the_verb_their_comment_names": restricted,
        "patterns_skipped": dict(sorted(conv.skipped.items())),
        "entries": len(unique),
        "blocking_entries": sum(1 for e in unique.values() if e["code"] == ""),
    }
    return list(unique.values()), {"forms": dict(sorted(forms.items())), "stats": stats}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    entries, extra = convert(args.source)
    doc = {
        "attribution": NOTICE,
        "generated_by": "scripts/generate_lexicon.py",
        "stats": extra["stats"],
        "forms": extra["forms"],
        "verbs": sorted(entries, key=lambda e: (str(e["lemma"]), json.dumps(e, sort_keys=True))),
    }
    head = {k: v for k, v in doc.items() if k != "verbs"}
    lines = ",\n".join(json.dumps(e, ensure_ascii=False) for e in doc["verbs"])  # type: ignore[union-attr]
    text = json.dumps(head, indent=1, ensure_ascii=False)[:-2] + ',\n "verbs": [\n' + lines + "\n]}\n"
    args.out.write_text(text, encoding="utf-8")
    print(json.dumps(extra["stats"], indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
