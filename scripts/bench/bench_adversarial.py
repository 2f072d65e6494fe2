"""Seconds per KB of adversarial text beside ordinary news, through ``diplograph extract`` (issue 18, part 3).

    .venv/bin/python scripts/bench/bench_adversarial.py [--shapes punct8k,emoji200k] [--timeout 600]
        [--news DIR] [--in-process]

Each shape is one article: a real news sentence, then the hostile part. Shapes: long runs of one
punctuation mark (8 KB, 16 KB, 200 KB), the same mark spaced out (200 KB), emoji with no spaces and with
spaces (200 KB), combining marks mixed with letters and emoji (8 KB, 200 KB), one 1 MB token (just under
the 1,000,000-character extraction limit), 10,000 short lines, and deeply repeated names (10,000 names
in one sentence; 3,000 short sentences of names on one line). Ordinary news: the ``news_dev`` texts
(``.cache/news_dev/d*.txt``, else ``--news DIR``), else the seed article.

By default each shape runs in its own ``diplograph extract --format jsonl`` process (and the news texts
in one), with a budget no article reaches (``DIPLOGRAPH_ARTICLE_SECONDS=86400``); its time is the
process's wall time minus the start-up of a process over a one-line article, so the model load is not
counted and the parse of one shape is never billed to another (``extract`` parses in spaCy batches).
``--in-process`` times ``graph.extract.extract`` instead. A process that does not end within
``--timeout`` seconds is recorded as a timeout. Results go to ``scripts/bench/results/adversarial.json``
and a Markdown table to stdout. The machine may be shared: quote ratios, and rerun before trusting one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "bench"))

from bench_extract import load_average, machine  # noqa: E402

from graph.extract.nlp import MAX_CHARS  # noqa: E402  (a longer text is not extracted at all)

RESULTS = ROOT / "scripts" / "bench" / "results"
LEAD = "Colombian President Gustavo Petro met U.S. President Donald Trump in Washington on Tuesday.\n"
NAMES = ["Gustavo Petro", "Donald Trump", "Nicolas Maduro", "Emmanuel Macron", "Xi Jinping"]
BUDGET = 86400  # a time budget no article reaches: none is cut


def _emoji(size: int, rnd: random.Random) -> str:
    pool = [chr(c) for c in range(0x1F600, 0x1F650)]
    pool += [
        "\u2764\ufe0f",
        "\U0001f1fa\U0001f1f8",
        "\U0001f44d\U0001f3fd",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    ]
    out: list[str] = []
    n = 0
    while n < size:
        c = rnd.choice(pool)
        out.append(c)
        n += len(c.encode())
    return "".join(out)


def _combining(size: int, rnd: random.Random) -> str:
    marks = [chr(c) for c in range(0x300, 0x370)]
    out: list[str] = []
    n = 0
    while n < size:
        r = rnd.random()
        c = rnd.choice(marks) if r < 0.9 else rnd.choice("aeiouxyz") if r < 0.97 else _emoji(4, rnd)
        out.append(c)
        n += len(c.encode())
    return "".join(out)


def shapes(seed: int = 18) -> dict[str, str]:
    """The adversarial articles, by name (deterministic)."""
    rnd = random.Random(seed)
    verbs = ["met", "called", "praised", "threatened"]
    return {
        "punct-run-8k": LEAD + "!" * 8192 + "\n",
        "punct-run-16k": LEAD + "!" * 16384 + "\n",
        "punct-run-200k": LEAD + "!" * 204800 + "\n",
        "punct-spaced-200k": LEAD + ". " * 102400 + "\n",
        "emoji-200k": LEAD + _emoji(204800, rnd) + "\n",
        "emoji-spaced-200k": LEAD + " ".join(_emoji(16, rnd) for _ in range(204800 // 17)) + "\n",
        "combining-8k": LEAD + _combining(8192, rnd) + "\n",
        "combining-200k": LEAD + _combining(204800, rnd) + "\n",
        "token-1m": LEAD + "x" * (MAX_CHARS - 1000 - len(LEAD)) + "\n",
        "short-lines-10k": "".join(
            f"{rnd.choice(NAMES)} {rnd.choice(verbs)} {rnd.choice(NAMES)}.\n" if i % 3 == 0 else f"Item {i}\n"
            for i in range(10000)
        ),
        "names-one-sentence": LEAD + " ".join(rnd.choice(NAMES) for _ in range(10000)) + ".\n",
        "names-sentences": LEAD
        + "".join(f"President {rnd.choice(NAMES)} met {rnd.choice(NAMES)}. " for _ in range(3000))
        + "\n",
    }


def news_files(news: Path | None) -> list[Path]:
    for folder in [news, ROOT / ".cache" / "news_dev"]:
        if folder is not None and folder.is_dir():
            found = sorted(folder.glob("d*.txt")) or sorted(folder.glob("*.txt"))
            if found:
                return found
    return [ROOT.parent / "shared" / "seed" / "article.txt"]


def _extract_seconds(files: list[Path], timeout: float) -> float | None:
    """Wall time of one ``diplograph extract --format jsonl`` over ``files`` (every line well-formed), or
    None when it does not end within ``timeout``."""
    exe = Path(sys.executable).with_name("diplograph")
    cmd = [str(exe) if exe.exists() else "diplograph", "extract", *map(str, files), "--format", "jsonl"]
    env = {**os.environ, "DIPLOGRAPH_ARTICLE_SECONDS": str(BUDGET)}
    started = time.perf_counter()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    for line in out.stdout.splitlines():
        json.loads(line)  # well-formed
    return time.perf_counter() - started


def run_cli(texts: dict[str, str], news: list[Path], timeout: float) -> tuple[list[dict[str, object]], float]:
    """``diplograph extract`` as a user runs it: one process over the news texts, one per shape, each
    minus the start-up (model load) of a process over a one-line article (the least of two runs)."""
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "0-warm-up.txt"
        tiny.write_text(LEAD, encoding="utf-8")
        starts = [t for t in (_extract_seconds([tiny], timeout) for _ in range(2)) if t is not None]
        startup = min(starts) if starts else 0.0
        kb = sum(f.stat().st_size for f in news) / 1024
        t = _extract_seconds(news, timeout)
        rows = [_row("news", kb, None if t is None else max(0.0, t - startup), "" if t is not None else "timeout")]
        for name, text in texts.items():
            path = Path(tmp) / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            t = _extract_seconds([path], timeout)
            seconds = None if t is None else max(0.0, t - startup)
            rows.append(_row(name, path.stat().st_size / 1024, seconds, "" if t is not None else "timeout"))
            print(f"  {name}: {seconds if seconds is None else round(seconds, 2)} s", file=sys.stderr, flush=True)
    return rows, startup


def run_in_process(texts: dict[str, str], news: list[Path]) -> list[dict[str, object]]:
    from graph.extract import extract
    from graph.extract.jsonout import extraction_to_dict
    from graph.model import Article

    news_texts = [f.read_text(encoding="utf-8") for f in news]
    extract(Article(text=news_texts[0]), budget=BUDGET)  # load the model and warm up
    started = time.perf_counter()
    for t in news_texts:
        json.dumps(extraction_to_dict(extract(Article(text=t), budget=BUDGET)))
    rows = [_row("news", sum(len(t.encode()) for t in news_texts) / 1024, time.perf_counter() - started, "")]
    for name, text in texts.items():
        started = time.perf_counter()
        json.dumps(extraction_to_dict(extract(Article(text=text, id=name), budget=BUDGET)))
        rows.append(_row(name, len(text.encode()) / 1024, time.perf_counter() - started, ""))
        print(f"  {name}: {rows[-1]['seconds']}", file=sys.stderr, flush=True)
    return rows


def _row(shape: str, kb: float, seconds: float | None, error: str) -> dict[str, object]:
    return {
        "shape": shape,
        "kb": round(kb, 1),
        "seconds": None if seconds is None else round(seconds, 2),
        "s_per_kb": None if seconds is None else round(seconds / kb, 4),
        "error": error,
    }


def table(rows: list[dict[str, object]]) -> str:
    base = rows[0]["s_per_kb"]
    lines = ["| shape | KB | s | s/KB | ratio to news |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        spk = r["s_per_kb"]
        ratio = "" if spk is None or not base else f"{float(spk) / float(base):.2f}"  # type: ignore[arg-type]
        secs = "timeout" if r["seconds"] is None else r["seconds"]
        lines.append(f"| {r['shape']} | {r['kb']} | {secs} | {'' if spk is None else spk} | {ratio} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shapes", help="comma-separated subset of: " + ", ".join(shapes()))
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a run counts as not ending")
    ap.add_argument("--news", type=Path, help="folder of ordinary news .txt files")
    ap.add_argument("--in-process", action="store_true", help="time graph.extract.extract with the model loaded")
    args = ap.parse_args()
    texts = shapes()
    if args.shapes:
        wanted = args.shapes.split(",")
        texts = {k: v for k, v in texts.items() if k in wanted}
    news = news_files(args.news)
    startup = None
    if args.in_process:
        rows = run_in_process(texts, news)
    else:
        rows, startup = run_cli(texts, news, args.timeout)
    out = {
        "mode": "in-process" if args.in_process else "cli",
        "startup_seconds": startup,
        "news_files": len(news),
        "machine": machine() | {"load": load_average()},
        "rows": rows,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "adversarial.json").write_text(json.dumps(out, indent=1))
    print(table(rows))


if __name__ == "__main__":
    main()
