"""Fuzzed curated files and texts through the public ingest path: only the project's errors may escape.

    .venv/bin/python scripts/bench/fuzz_inputs.py                                  # small: 200 + 20
    .venv/bin/python scripts/bench/fuzz_inputs.py --curated 10000 --texts 2000     # the large run

Writes ``--curated`` curated YAML/JSON files and ``--texts`` article files into a temporary directory,
generated deterministically from ``--seed``:

* curated files: actors named in every script of the running Unicode (letters grouped by the first
  word of their names: Cyrillic, CJK, Arabic, Hebrew, Devanagari, Greek, Hangul, Thai, Ethiopic, …),
  in punctuation, symbols, emoji, combining marks, invisible characters, very long names; odd
  structures (a list where a name goes, mappings as references, undefined actors, duplicate ids, bad
  dates, codes, modalities, confidences and terms, unknown sections, deep nesting, YAML tags, anchors
  and alias bombs, lone surrogate escapes), broken syntax, truncation, other encodings (UTF-16/32
  with a byte-order mark, invalid UTF-8, NUL bytes), JSON as well as YAML;
* texts: news-like sentences with such names, noise, front matter (valid, broken, an alias bomb),
  the same encodings, HTML, JSONL, files without a known suffix. Runs of one character stay short
  (issue 18 part 3 measures long ones).

Each file goes alone through ``graph.pipeline.ingest([file], store, strict=True)`` (what
``diplograph ingest --strict FILE`` calls) into one on-disk Oxigraph store in the temporary
directory; a :class:`graph.errors.GraphError` is an expected refusal, anything else is counted as
uncaught, with its file kept under ``--keep`` (default ``scripts/bench/results/fuzz-failures/``).
``--cli N`` also runs the real command line on the first N files of each kind (exit 0, 1 or 3, no
traceback). Prints a summary and writes JSON to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "scripts" / "bench" / "results"

KINDS = ["person", "state", "agency", "igo", "organization", "media", "group", "site"]
CAMEO = ["010", "036", "042", "043", "044", "051", "057", "111", "130", "138", "163", "172", "190"]
PUNCT = "!?.,;:-—–_()[]{}«»\"'/\\|@#$%^&*~`+=<>…·•†‡§¶"
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2060", "\ufeff", "\u00ad"]
EMOJI = [chr(c) for c in range(0x1F300, 0x1F64F)] + ["👨\u200d👩\u200d👧", "🇺🇦", "🏳️\u200d🌈"]


@lru_cache(maxsize=1)
def pools() -> dict[str, list[str]]:
    """Letters of every script (by the first word of their Unicode names) and pools of other characters."""
    scripts: dict[str, list[str]] = {}
    marks, symbols, digits = [], [], []
    for cp in range(0x20, sys.maxunicode + 1):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat[0] == "L":
            scripts.setdefault(unicodedata.name(ch, "UNNAMED").split(" ", 1)[0], []).append(ch)
        elif cat[0] == "M":
            marks.append(ch)
        elif cat[0] == "S":
            symbols.append(ch)
        elif cat == "Nd" and not ch.isascii():
            digits.append(ch)
    return {**{f"script:{k}": v for k, v in scripts.items()}, "marks": marks, "symbols": symbols, "digits": digits}


def script_names() -> list[str]:
    return sorted(k for k in pools() if k.startswith("script:"))


def word(rng: random.Random, script: str) -> str:
    letters = pools()[script]
    return "".join(rng.choice(letters) for _ in range(rng.randint(1, 8)))


def name(rng: random.Random, odd: float = 0.01) -> Any:
    """A name: mostly a string in some script; with probability ``odd``, something that is not a name."""
    if rng.random() < odd:
        return rng.choice([None, "", 0, 1.5, True, [], {}, ["a", "b"], {"a": 1}, -7, 10**30, " ", "\u200b", "\t\u2060"])
    mode = rng.random()
    scripts = script_names()
    if mode < 0.45:
        script = rng.choice(scripts)
        return " ".join(word(rng, script) for _ in range(rng.randint(1, 4)))
    if mode < 0.55:
        return " ".join(word(rng, rng.choice(scripts)) for _ in range(rng.randint(2, 4)))  # mixed scripts
    if mode < 0.62:
        return "".join(rng.choice(PUNCT) for _ in range(rng.randint(1, 8)))  # "!!!", "----"
    if mode < 0.66:
        return rng.choice(["!!!", "----", "...", "?", "—", "(())", "«»", "' '", "-"])
    if mode < 0.70:
        return "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 4)))
    if mode < 0.73:
        return "".join(rng.choice(pools()["symbols"]) for _ in range(rng.randint(1, 5)))
    if mode < 0.76:
        base = word(rng, rng.choice(scripts))
        return base + "".join(rng.choice(pools()["marks"]) for _ in range(rng.randint(1, 6)))
    if mode < 0.78:
        return "".join(rng.choice(pools()["marks"]) for _ in range(rng.randint(1, 4)))  # marks alone
    if mode < 0.82:
        return "".join(rng.choice(pools()["digits"]) for _ in range(rng.randint(1, 6)))
    if mode < 0.84:
        return word(rng, rng.choice(scripts)) * rng.randint(20, 200)  # very long
    if mode < 0.86:
        return rng.choice(INVISIBLE) + word(rng, rng.choice(scripts)) + rng.choice(INVISIBLE)
    return rng.choice(["Gustavo Petro", "Nicolás Maduro", "Łukasz Kamiński", "O'Brien", "Jean-Luc", "AT&T"])


def odd_value(rng: random.Random) -> Any:
    return rng.choice(
        [
            None,
            "",
            0,
            -1,
            3.5,
            float("inf"),
            True,
            [],
            {},
            [[[[1]]]],
            {"a": {"b": [1, {"c": None}]}},
            "x" * 300,
            ["col", {"id": "col"}],
            "2026-13-45",
            "9999-99",
            {"earliest": "2026-02-01", "latest": "2026-01-01"},
            {"earliest": "2026-01-01"},
            "nan",
            "1e400",
            10**40,
            name(rng),
        ]
    )


def curated_doc(rng: random.Random, workdir: Path, stem: str) -> dict[str, Any]:
    """A curated document with names in any script: well formed about half the time, else with odd
    values, missing or undefined references, bad dates, codes and numbers here and there."""
    hostile = rng.random() < 0.5

    def pick(good: list[Any], bad: list[Any]) -> Any:
        return rng.choice(bad) if hostile and rng.random() < 0.15 else rng.choice(good)

    def nm() -> Any:
        return name(rng, odd=0.03 if hostile else 0.0)

    def quote() -> str:
        text = str(nm())
        return text if text.strip() else "quote"

    n_articles = rng.choice([1, 1, 1, 2])
    articles: list[dict[str, Any]] = []
    bodies: dict[str, str] = {}
    for i in range(n_articles):
        art: dict[str, Any] = {"id": f"a{i}", "title": nm(), "outlet": nm(), "published": pick(["2026-01-15"], ["x"])}
        if rng.random() < 0.1:
            body = " ".join(quote() for _ in range(5)) + " met."
            (workdir / f"{stem}-{i}.txt").write_text(body, encoding="utf-8", errors="surrogatepass")
            art["text_file"] = pick([f"{stem}-{i}.txt"], ["missing.txt", ".", "/", "a\x00b"])
            bodies[f"a{i}"] = body
        articles.append(art)
    actors: list[dict[str, Any]] = [{"id": "col", "kind": "state", "name": nm(), "iso3": "COL", "iso2": "CO"}]
    for i in range(rng.randint(1, 7)):
        kind = pick(KINDS, ["", "country", None, 3])
        actor: dict[str, Any] = {"id": f"x{i}", "kind": kind, "name": nm()}
        if kind == "state":
            actor["iso3"] = pick(["UKR", "CHN", "ISR", "IND", "GRC", "ukr"], ["xx", "", "中国", "U K R"])
            actor["iso2"] = pick(["UA", "CN", "IL", "IN", "GR"], ["x", ""])
        if kind == "agency" and rng.random() < 0.9:
            actor["of"] = pick(["col", f"x{rng.randint(0, i)}"], [f"x{i + 5}", ["col"], {"id": "col"}])
        if rng.random() < 0.6:
            actor["aliases"] = pick([[nm() for _ in range(rng.randint(0, 4))]], ["one", {"a": 1}, [[["nested"]]]])
        if rng.random() < 0.2:
            actor["nationality"] = pick(["col"], [f"x{i + 5}", ["col"], {"id": "col"}])
        if rng.random() < 0.1:
            actor["wikidata"] = pick(["Q739", "Q1"], ["q1", "", "Q 1", str(nm())])
        actors.append(actor)
    ids_ = [a["id"] for a in actors]
    sources = [a["id"] for a in articles]

    def evidence(rec: dict[str, Any]) -> dict[str, Any]:
        source = rng.choice(sources)
        if n_articles > 1 or rng.random() < 0.2:
            rec["source"] = pick([source], ["nope", 5, None])
        body = bodies.get(source)
        rec["evidence"] = body[: rng.randint(1, len(body))] if body else quote()
        return rec

    events = []
    for _ in range(rng.randint(0, 5)):
        ev: dict[str, Any] = {"type": pick(CAMEO, ["999", "", "abc", 42]), "date": pick(DATES, BAD_DATES)}
        if rng.random() < 0.5:
            ev["actor"], ev["target"] = rng.choice(ids_), rng.choice(ids_)
        else:
            ev["participants"] = rng.sample(ids_, k=min(len(ids_), 2))
        if rng.random() < 0.2:
            ev["modality"] = pick(["planned", "alleged", "denied", "ASSERTED", "hypothetical"], ["maybe", 1])
            ev["claimant"] = rng.choice(ids_)
        if rng.random() < 0.1:
            ev["place"] = rng.choice(ids_)
        if rng.random() < 0.1:
            ev["confidence"] = pick([0.5, 1, 0], [2, -1, "high", float("nan")])
        events.append(evidence(ev))
    doc: dict[str, Any] = {"source": nm() if rng.random() < 0.3 else stem, "articles": articles, "actors": actors}
    if events:
        doc["events"] = events
    persons = [a["id"] for a in actors if a["kind"] == "person"] or ids_
    if rng.random() < 0.3:
        role = {
            "person": rng.choice(persons),
            "of": rng.choice(ids_),
            "title": nm() or "President",
            "roles": pick([["headOfState"], ["foreignMinister"], []], ["headOfState", [str(nm())]]),
            "start": pick(DATES, BAD_DATES),
            "term": pick([None, 2, "2"], ["second", 0, 10**9, 2.5]),
        }
        doc["roles"] = [evidence(role)]
    if rng.random() < 0.2:
        kin = {
            "person": rng.choice(persons),
            "relative": rng.choice(ids_),
            "type": pick(["spouse", "child", "parent", "sibling", "relative"], ["cousin"]),
        }
        doc["family"] = [evidence(kin)]
    if rng.random() < 0.2:
        sanction = {
            "imposed_by": rng.choice(ids_),
            "target": pick([rng.choice(ids_), ids_[:2]], [[]]),
            "date": pick(["2025-10", "2025", "2025-10-03"], ["bad"]),
            "reason": nm() if rng.random() < 0.7 else None,
            "reason_denied_by": rng.choice([None, rng.choice(ids_)]),
        }
        doc["sanctions"] = [evidence(sanction)]
    if hostile:  # structural mutations: a field gets an odd value, a required one goes, an unknown one comes
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            section = rng.choice([k for k, v in doc.items() if isinstance(v, list) and v])
            rec = rng.choice(doc[section])
            if isinstance(rec, dict) and rec:
                key = rng.choice(list(rec))
                action = rng.random()
                if action < 0.6:
                    rec[key] = odd_value(rng)
                elif action < 0.8:
                    del rec[key]
                else:
                    rec[rng.choice(["extra", "id", "kind", "evidence", "aliases"])] = odd_value(rng)
            if rng.random() < 0.1:
                doc[rng.choice(["agencies", "notes", "events", "actors"])] = odd_value(rng)
    return doc


DATES = ["2026-01-04", "2026-01", "2026", {"earliest": "2026-01-01", "latest": "2026-01-31"}]
BAD_DATES = ["2026-13-45", "9999-99", "yesterday", {"earliest": "2026-02-01", "latest": "2026-01-01"}, [1], 20260104]


def _yaml(doc: Any) -> str:
    import yaml

    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=rng_width(doc))


def rng_width(doc: Any) -> int:
    return 80 if len(str(doc)) % 2 else 10_000


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    rows = ["    - &a0 [" + ", ".join(["lol"] * width) + "]"]
    rows += [f"    - &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return (
        "articles: [{id: a1, title: T}]\nactors:\n  - id: x\n    kind: person\n    name: X\n    aliases:\n"
        + "\n".join(rows)
    )


def encode(rng: random.Random, text: str) -> bytes:
    """UTF-8 mostly; sometimes another Unicode encoding with or without its mark, or broken bytes."""
    roll = rng.random()
    if roll < 0.80:
        return text.encode("utf-8", "surrogatepass")
    if roll < 0.84:
        return text.encode("utf-16", "surrogatepass")
    if roll < 0.86:
        return text.encode("utf-32", "surrogatepass")
    if roll < 0.88:
        return text.encode("utf-16-le", "surrogatepass")  # no mark: looks binary
    if roll < 0.90:
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    raw = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 4)):
        raw.insert(rng.randint(0, len(raw)), rng.choice([0x00, 0xFF, 0xC3, 0x80, 0xED, 0xFE]))
    return bytes(raw)


def mutate_text(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.06 and text:
        return text[: rng.randint(0, len(text))]  # truncated
    if roll < 0.10 and text:
        i = rng.randint(0, len(text))
        return (
            text[:i]
            + rng.choice(["\t", ":", "- ", "[", "{", "&a ", "*a", "!!python/object:os.system ", "%"])
            + text[i:]
        )
    if roll < 0.12:
        lines = text.splitlines()
        rng.shuffle(lines)
        return "\n".join(lines)
    if roll < 0.14:
        return rng.choice(["", "   ", "[]", "- a\n- b", "just text", "null", "42", "!!binary aGk=", "---\n---\n"])
    if roll < 0.16:
        return "articles: " + "[" * rng.randint(50, 3000) + "]" * rng.randint(0, 3000)
    if roll < 0.17:
        return alias_bomb(levels=rng.randint(3, 10), width=rng.randint(3, 12))
    if roll < 0.18:
        return text + "\nevents: &e [*e]\n"
    if roll < 0.20:
        return text.replace("name: ", 'name: "\\ud800', 1).replace("\n", '"\n', 1) if "name: " in text else text
    if roll < 0.22:
        return text + "\nanchored: &x {a: 1}\nroles: [*x, *x, {<<: *x, person: x0}]\n"
    if roll < 0.23:
        return text + "\nactors: [{id: t, kind: person, name: !!timestamp 2026-01-01, aliases: !!set {a, b}}]\n"
    return text


def curated_file(rng: random.Random, workdir: Path, i: int) -> tuple[str, bytes]:
    stem = f"c{i:05d}"
    doc = curated_doc(rng, workdir, stem)
    if rng.random() < 0.2:
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.5, default=str)
        if rng.random() < 0.1:
            text = text.replace('"name": "', '"name": "\\udc80', 1)
        if rng.random() < 0.05:
            text = '{"articles": ' + "[" * rng.randint(100, 200_000) + "]" * rng.randint(0, 200_000) + "}"
        suffix = ".json"
    else:
        text = mutate_text(rng, _yaml(doc))
        suffix = rng.choice([".yaml", ".yaml", ".yml"])
    return stem + suffix, encode(rng, text)


def sentence(rng: random.Random) -> str:
    a, b = (str(name(rng)) for _ in range(2))
    verb = rng.choice(["met", "criticised", "threatened", "praised", "sanctioned", "called", "visited", "denied"])
    when = rng.choice(["on Tuesday", "last month", "on January 4", "in 2025", "", "yesterday"])
    return f"{a} {verb} {b} {when}.".replace("  ", " ")


def noise(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(PUNCT) * rng.randint(1, 200)
    if roll < 0.5:
        return "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 50)))
    if roll < 0.7:
        base = word(rng, rng.choice(script_names()))
        return base + "".join(rng.choice(pools()["marks"]) for _ in range(rng.randint(1, 40)))
    return "".join(chr(rng.randint(0x20, 0x2FFFF)) for _ in range(rng.randint(1, 200)))


def text_file(rng: random.Random, i: int) -> tuple[str, bytes]:
    stem = f"t{i:05d}"
    body = " ".join(sentence(rng) if rng.random() < 0.7 else noise(rng) for _ in range(rng.randint(1, 8)))
    body = body.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    roll = rng.random()
    if roll < 0.45:
        suffix, text = ".txt", body
    elif roll < 0.55:
        front = rng.choice(
            [
                "title: Talks\npublished: 2026-01-15\n",
                f"title: {json.dumps(str(name(rng)), ensure_ascii=False)}\npublished: 2026-99-99\n",
                "title: [unclosed\n",
                alias_bomb(levels=8, width=8).replace("articles: [{id: a1, title: T}]\nactors:\n", "x:\n"),
                "published: !!timestamp 2026-01-15\nid: 42\n",
                "- a list\n",
            ]
        )
        suffix, text = ".txt", f"---\n{front}---\n{body}"
    elif roll < 0.65:
        suffix = ".html"
        text = f"<html><head><title>{name(rng)}</title></head><body><article><p>{body}</p></article></body></html>"
    elif roll < 0.78:
        recs = [
            {"id": f"r{j}", "title": str(name(rng)), "published": "2026-01-15", "text": sentence(rng)}
            for j in range(rng.randint(1, 3))
        ]
        if rng.random() < 0.3:
            recs.append(rng.choice([{"text": ""}, {"text": 5}, {"title": "no text"}, {"text": "x", "published": "?"}]))
        lines = [json.dumps(r, ensure_ascii=rng.random() < 0.5) for r in recs]
        if rng.random() < 0.2:
            lines.insert(1, rng.choice(["{broken", "[]", "null", '"s"']))
        suffix, text = ".jsonl", "\n".join(lines)
    elif roll < 0.85:
        suffix, text = rng.choice([".dat", "", ".csv"]), body
    elif roll < 0.9:
        suffix, text = ".md", "# " + body
    else:
        suffix, text = ".txt", rng.choice(["", " ", "\n\n", "\x00\x01", body[:1]])
    return stem + suffix, encode(rng, text)


def run_one(path: Path, store: Any, **options: Any) -> tuple[str, str | None]:
    """``ok``, ``graph-error`` (with its class) or ``uncaught`` (with the traceback)."""
    from graph.errors import GraphError
    from graph.pipeline import ingest

    try:
        report = ingest([str(path)], store, strict=True, derive=False, **options)
    except GraphError as exc:
        cause = exc.__cause__ if isinstance(exc.__cause__, GraphError) else exc  # strict wraps the reason
        return "graph-error", type(cause).__name__ + ": " + exc.describe()[:300]
    except Exception:  # what this script counts
        return "uncaught", traceback.format_exc(limit=-6)
    return ("ok", None) if report.sources else ("graph-error", "nothing ingested")


def run_cli(paths: list[Path], store: Path) -> list[dict[str, Any]]:
    """The real command line on a few files: exit 0, 1 or 3 and no traceback, or a failure."""
    failures = []
    exe = Path(sys.executable).with_name("diplograph")
    for p in paths:
        cmd = [str(exe), "--store", str(store), "ingest", "--strict", str(p)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, errors="replace")
        if proc.returncode not in (0, 1, 3) or "Traceback" in proc.stderr:
            failures.append({"file": p.name, "exit": proc.returncode, "stderr": proc.stderr[-2000:]})
    return failures


def fuzz(
    n_curated: int, n_texts: int, *, seed: int = 18, cli: int = 0, keep: Path | None = None, verbose: bool = False
) -> dict[str, Any]:
    """Generate and ingest the files; return the counts (``uncaught`` must be 0)."""
    from graph.pipeline import ArticleOptions
    from graph.store import open_store

    rng = random.Random(seed)
    started = time.perf_counter()
    out: dict[str, Any] = {"seed": seed, "curated": n_curated, "texts": n_texts}
    with tempfile.TemporaryDirectory(prefix="fuzz-inputs-") as tmp:
        work = Path(tmp)
        inputs = work / "in"
        inputs.mkdir()
        store = open_store(str(work / "kg"), create=True)
        try:
            for kind, count in (("curated", n_curated), ("texts", n_texts)):
                outcomes: Counter[str] = Counter()
                errors: Counter[str] = Counter()
                uncaught: list[dict[str, str]] = []
                slowest: list[tuple[float, str]] = []
                files: list[Path] = []
                t0 = time.perf_counter()
                for i in range(count):
                    fname, raw = curated_file(rng, inputs, i) if kind == "curated" else text_file(rng, i)
                    path = inputs / fname
                    path.write_bytes(raw)
                    files.append(path)
                    t = time.perf_counter()
                    options = {"articles": ArticleOptions(published="2026-01-15")} if kind == "texts" else {}
                    outcome, detail = run_one(path, store, **options)
                    slowest = sorted([*slowest, (time.perf_counter() - t, fname)], reverse=True)[:5]
                    outcomes[outcome] += 1
                    if outcome == "graph-error" and detail:
                        errors[detail.split(":", 1)[0]] += 1
                    if outcome == "uncaught":
                        uncaught.append({"file": fname, "traceback": detail or ""})
                        if keep is not None:
                            keep.mkdir(parents=True, exist_ok=True)
                            shutil.copy(path, keep / fname)
                        if verbose:
                            print(f"UNCAUGHT {fname}\n{detail}", file=sys.stderr)
                    if verbose and (i + 1) % 500 == 0:
                        print(f"{kind}: {i + 1}/{count} {dict(outcomes)}", file=sys.stderr)
                out[kind] = {
                    "files": count,
                    "ok": outcomes["ok"],
                    "graph_errors": outcomes["graph-error"],
                    "uncaught": outcomes["uncaught"],
                    "graph_errors_by_class": dict(errors),
                    "uncaught_examples": uncaught[:20],
                    "seconds": round(time.perf_counter() - t0, 2),
                    "slowest": [[round(s, 3), f] for s, f in slowest],
                }
                if cli:
                    out[kind]["cli_failures"] = run_cli(files[:cli], work / "kg-cli")
        finally:
            store.close()
    out["uncaught"] = out["curated"]["uncaught"] + out["texts"]["uncaught"]
    out["seconds"] = round(time.perf_counter() - started, 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--curated", type=int, default=200, help="fuzzed curated files (large run: 10000)")
    ap.add_argument("--texts", type=int, default=20, help="fuzzed article files (large run: 2000)")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--cli", type=int, default=3, help="also run `diplograph ingest --strict` on the first N of each")
    ap.add_argument("--keep", type=Path, default=RESULTS / "fuzz-failures", help="where files that failed are copied")
    ap.add_argument("--out", type=Path, default=RESULTS / "fuzz_inputs.json")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    result = fuzz(args.curated, args.texts, seed=args.seed, cli=args.cli, keep=args.keep, verbose=args.verbose)
    result["machine"] = {"python": platform.python_version(), "platform": platform.platform()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    for kind in ("curated", "texts"):
        r = result[kind]
        cli_failures = len(r.get("cli_failures", []))
        print(
            f"{kind}: {r['files']} files, {r['ok']} ingested, {r['graph_errors']} refused with a GraphError, "
            f"{r['uncaught']} uncaught, {cli_failures} CLI failures, {r['seconds']} s "
            f"(slowest {r['slowest'][:1]})"
        )
    print(f"uncaught exceptions: {result['uncaught']} (written to {args.out})")
    sys.exit(1 if result["uncaught"] else 0)


if __name__ == "__main__":
    main()
