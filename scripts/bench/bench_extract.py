"""Speed of article ingest end to end, beside spaCy's own ``nlp.pipe``, in one run.

    .venv/bin/python scripts/bench/bench_extract.py [--rounds 3] [--articles 200] [--words 600]

Corpus: ``--articles`` news-length articles (about ``--words`` words each) assembled deterministically
from the real sentences of ``../shared/benchmarks/events_dev.jsonl`` and the seed article (a seeded
shuffle, sentences grouped into paragraphs), written to ``scripts/bench/results/corpus-<n>.jsonl``.

``--corpus seed`` uses the seed article ``--articles`` times instead: one real article's mix of
event and background sentences, where the prefilter has something to skip.

Configurations, each with the model already loaded, interleaved in each round so that every ingest run sits
beside the spaCy run of the same ``n_process`` it is compared with (paired ratios); the order rotates per
round and the 1-minute load average before each run is recorded (the machine may be shared):

* ``spacy``: ``spacy.load(model).pipe(texts)`` with the full small pipeline, ``n_process`` 1 and 2;
* ``ingest``: ``graph.pipeline.ingest`` of the JSONL file into a new on-disk Oxigraph store in a
  temporary directory: read -> extract (``extract_many``) -> ``triples.source_batch`` -> store,
  ``n_process`` 1 and 2 (with 2, forked workers parse *and* extract; this process maps and stores);
* ``ingest+prefilter``: the same with ``DIPLOGRAPH_PREFILTER=1`` (the parser runs only on sentences
  with a trigger word and an entity or personal pronoun).

Also times the start-up of ``diplograph --help`` and ``diplograph query`` (a fresh process each, after
one warm-up) and checks that neither imports spaCy. Medians go to ``scripts/bench/results/extract.json``
and a Markdown table to stdout. The machine may be shared: quote medians and ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "scripts" / "bench" / "results"


def build_corpus(shared: Path, n_articles: int, words: int, seed: int = 7) -> Path:
    """Deterministic JSONL corpus of real news sentences grouped into articles."""
    sentences: list[str] = []
    seen: set[str] = set()
    for line in (shared / "benchmarks" / "events_dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = " ".join(json.loads(line)["text"].split()).strip("{} ")
            if text not in seen:
                seen.add(text)
                sentences.append(text)
    seed_text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", seed_text) if len(s.split()) >= 6]
    rng = random.Random(seed)
    out = RESULTS / f"corpus-{n_articles}.jsonl"
    RESULTS.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n_articles):
            picked: list[str] = []
            count = 0
            while count < words:
                s = rng.choice(sentences)
                picked.append(s)
                count += len(s.split())
            paras = [" ".join(picked[k : k + 4]) for k in range(0, len(picked), 4)]
            day = 1 + i % 28
            fh.write(
                json.dumps(
                    {
                        "id": f"bench-{i:04d}",
                        "title": f"Bench article {i}",
                        "outlet": "bench",
                        "published": f"2026-01-{day:02d}",
                        "text": "\n\n".join(paras),
                    }
                )
                + "\n"
            )
    return out


def build_seed_corpus(shared: Path, n_articles: int) -> Path:
    """The seed article ``n_articles`` times (distinct ids and dates): a real article's mix of event and
    background sentences (28 of its 60 sentences pass the prefilter; the event corpus is nearly all events)."""
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    out = RESULTS / f"corpus-seed-{n_articles}.jsonl"
    RESULTS.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n_articles):
            record = {
                "id": f"bench-seed-{i:04d}",
                "title": f"Seed copy {i}",
                "outlet": "bench",
                "published": f"2026-01-{1 + i % 28:02d}",
                "text": text,
            }
            fh.write(json.dumps(record) + "\n")
    return out


def load_texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_spacy(nlp: Any, texts: list[str], n_process: int) -> float:
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=16, n_process=n_process):
        pass
    return time.perf_counter() - t0


def run_ingest(corpus: Path, n_process: int, prefilter: bool) -> tuple[float, dict[str, Any]]:
    from graph.pipeline import ArticleOptions, ingest
    from graph.store import open_store

    os.environ["DIPLOGRAPH_PREFILTER"] = "1" if prefilter else "0"
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        store = open_store(str(Path(tmp) / "store"), create=True)
        t0 = time.perf_counter()
        report = ingest([str(corpus)], store, articles=ArticleOptions(n_process=n_process), batch_size=16, derive=False)
        elapsed = time.perf_counter() - t0
        close = getattr(store, "close", None)
        if callable(close):
            close()
    info = {"sources": report.sources, "quads": report.quads_written, "skipped": len(report.skipped)}
    return elapsed, info


def startup(cmd: list[str], runs: int) -> dict[str, Any]:
    env = {**os.environ, "DIPLOGRAPH_STORE": "memory:"}
    subprocess.run(cmd, capture_output=True, env=env, check=False)  # warm-up (page cache)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - t0)
    probe = (
        "import sys, runpy; sys.argv = " + repr(["diplograph", *cmd[1:]]) + "\n"
        "try:\n    runpy.run_module('graph.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('SPACY_LOADED' if 'spacy' in sys.modules else 'NO_SPACY', file=sys.stderr)"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=env, text=True, check=False)
    return {
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "max_s": round(max(times), 3),
        "runs": runs,
        "imports_spacy": "SPACY_LOADED" in r.stderr,
    }


def load_average() -> float:
    """The 1-minute load average (as ``uptime`` shows it): other jobs on a shared machine."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return -1.0


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import spacy

    mem_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": mem_gib,
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "shared_machine": True,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument(
        "--corpus",
        choices=("events", "seed"),
        default="events",
        help="events: articles assembled from the dev event sentences (default); seed: the seed article repeated",
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--startup-runs", type=int, default=10)
    ap.add_argument("--only", nargs="*", help="run only these configurations")
    ap.add_argument("--out", type=Path, default=None, help="default: results/extract[-seed].json")
    args = ap.parse_args()
    if args.out is None:
        args.out = RESULTS / ("extract.json" if args.corpus == "events" else f"extract-{args.corpus}.json")

    if args.corpus == "seed":
        corpus = build_seed_corpus(args.shared, args.articles)
    else:
        corpus = build_corpus(args.shared, args.articles, args.words)
    texts = load_texts(corpus)
    n_words = sum(len(t.split()) for t in texts)
    import spacy

    from graph.extract.nlp import MODEL_CANDIDATES, load_pipeline
    from graph.extract.pipeline import _pipeline

    model = next(m for m in MODEL_CANDIDATES if spacy.util.is_package(m))
    plain = spacy.load(model)
    load_pipeline()
    for pf in (False, True):  # load and warm the extractor's pipelines before timing
        _pipeline(None, pf)
    configs: dict[str, Any] = {
        "spacy nlp.pipe, n_process=1": lambda: (run_spacy(plain, texts, 1), {}),
        "spacy nlp.pipe, n_process=2": lambda: (run_spacy(plain, texts, 2), {}),
        "ingest end to end, n_process=1": lambda: run_ingest(corpus, 1, False),
        "ingest end to end, n_process=2": lambda: run_ingest(corpus, 2, False),
        "ingest + prefilter, n_process=1": lambda: run_ingest(corpus, 1, True),
        "ingest + prefilter, n_process=2": lambda: run_ingest(corpus, 2, True),
    }
    if args.only:
        configs = {k: v for k, v in configs.items() if any(o in k for o in args.only)}
    names = list(configs)
    seconds: dict[str, list[float]] = {k: [] for k in names}
    info: dict[str, Any] = {}
    loads: dict[str, list[float]] = {k: [] for k in names}
    load_start = load_average()
    for r in range(args.rounds):
        # each configuration runs right beside the spaCy run it is compared with (same n_process), so that
        # the paired ratios see the same load; the groups and the order inside them rotate every round
        groups = [[k for k in names if k.endswith(f"n_process={n}")] for n in (1, 2)]
        groups = [g for g in groups if g]
        groups = groups[r % len(groups) :] + groups[: r % len(groups)] if groups else [names]
        order = [k for g in groups for k in (g[r % len(g) :] + g[: r % len(g)])]
        for name in order:
            before = load_average()
            elapsed, extra = configs[name]()
            seconds[name].append(elapsed)
            loads[name].append(before)
            info[name] = extra
            print(
                f"round {r + 1}: {name}: {elapsed:.1f} s ({n_words / elapsed:,.0f} words/s), load before {before}",
                file=sys.stderr,
            )
    load_end = load_average()
    results: dict[str, Any] = {}
    for name in names:
        med = statistics.median(seconds[name])
        results[name] = {
            "seconds": [round(x, 2) for x in seconds[name]],
            "median_s": round(med, 2),
            "words_per_s": round(n_words / med),
            "articles_per_s": round(len(texts) / med, 2),
            "load_1min_before_each_run": loads[name],
            **info.get(name, {}),
        }
    cli = ROOT / ".venv" / "bin" / "diplograph"
    exe = [str(cli)] if cli.exists() else [sys.executable, "-m", "graph"]
    start = {
        "diplograph --help": startup([*exe, "--help"], args.startup_runs),
        "diplograph query": startup([*exe, "query", "SELECT (1 AS ?x) WHERE {}"], args.startup_runs),
    }
    out = {
        "machine": machine(),
        "corpus": {"file": str(corpus.relative_to(ROOT)), "articles": len(texts), "words": n_words, "model": model},
        "rounds": args.rounds,
        "load_1min": {"start": load_start, "end": load_end},
        "throughput": results,
        "startup": start,
    }
    m = out["machine"]
    print(
        f"Machine: {m['nproc']} vCPU, {m['cpu']}, {m['ram_gib']} GiB RAM, {m['os']}, Python {m['python']}, "
        f"spaCy {m['spacy']} (shared with other jobs; 1-min load {load_start} at start, {load_end} at end; "
        f"medians of {args.rounds} rounds). Corpus: {len(texts)} articles, {n_words:,} words.\n"
    )
    print("| configuration | median s | words/s | articles/s | vs spaCy same n_process (paired) |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        res = results[name]
        n = name.rsplit("=", 1)[-1]
        base = f"spacy nlp.pipe, n_process={n}"
        ratio = "-"
        if base in seconds and not name.startswith("spacy"):
            pairs = [b / x for b, x in zip(seconds[base], seconds[name], strict=True)]
            ratio = f"{statistics.median(pairs):.2f} ({min(pairs):.2f}-{max(pairs):.2f})"
            res["vs_spacy_paired_median"] = round(statistics.median(pairs), 3)
        print(f"| {name} | {res['median_s']} | {res['words_per_s']:,} | {res['articles_per_s']} | {ratio} |")
    print("\n| command | median s (min-max) | imports spaCy |")
    print("|---|---:|---|")
    for name, st in start.items():
        print(f"| `{name}` | {st['median_s']} ({st['min_s']}-{st['max_s']}) | {st['imports_spacy']} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
