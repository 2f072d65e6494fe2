"""Identity across a news cluster: the news_dev same-story excerpts ingested in two orders.

    .venv/bin/python scripts/bench/cluster_identity.py [--texts .cache/news_dev] [--shared ../shared]

Ingests d01-d10 (the Canada-India and DRC-Rwanda clusters; texts rebuilt as the news_dev README says)
one file at a time into a new store, in text order and in a shuffled order, and prints whether the two
stores are the same (sorted N-Quads hash), which actor each key name resolves to, and every person.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.errors import GraphError  # noqa: E402
from graph.pipeline import ingest  # noqa: E402
from graph.queries.api import KnowledgeGraph  # noqa: E402
from graph.store import open_store  # noqa: E402
from graph.store.base import Store  # noqa: E402

NAMES = ["India", "Canada", "Trudeau", "Joly", "Verma", "Wheeler", "MEA", "Kagame", "Tshisekedi", "Rubio", "Boulos"]


def build(order: list[str], meta: dict[str, dict[str, str]], texts: Path, work: Path) -> Store:
    store = open_store(str(work / "store"), create=True)
    for key in order:
        record = {"text": (texts / f"{key}.txt").read_text(encoding="utf-8"), "url": meta[key]["url"]}
        record |= {k: meta[key][k] for k in ("outlet", "published") if meta[key].get(k)}
        path = work / f"{key}.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        ingest([str(path)], store)
    return store


def digest(store: Store) -> str:
    return hashlib.sha256("\n".join(sorted(q.nq() for q in store.quads())).encode()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--texts", type=Path, default=ROOT / ".cache" / "news_dev")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    lines = (args.shared / "benchmarks" / "news_dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    meta = {m["id"]: m for m in map(json.loads, filter(None, lines))}
    keys = [f"d{i:02d}" for i in range(1, 11)]
    shuffled = keys[:]
    random.Random(3).shuffle(shuffled)
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        first = build(keys, meta, args.texts, Path(a))
        second = build(shuffled, meta, args.texts, Path(b))
        print(f"orders {keys} and {shuffled}: same store {digest(first) == digest(second)}")
        kg = KnowledgeGraph.open(first)
        for name in NAMES:
            try:
                actor = kg.actor(name)
                print(f"  {name:12} -> {actor.label} ({actor.kind}, part of {actor.part_of or '-'})")
            except GraphError as exc:
                print(f"  {name:12} !! {exc}")
        print("persons:", ", ".join(sorted(x.label for x in kg.actors() if x.kind == "person")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
