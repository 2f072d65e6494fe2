"""A generated corpus made into a store as ``diplograph ingest`` leaves one: for the lookup benchmark
(``bench_lookups.py``) and the lookup guard test (``tests/queries/test_lookup_guard.py``).

    python scripts/bench/lookup_store.py --triples 1000000 --work /tmp/h17b

The corpus of ``scripts/bench/corpus.py`` is written once to ``<work>/corpus-<n>.nq`` and bulk-loaded
into an Oxigraph store on disk (``<work>/kg-<n>``); then, as an ingest does, the ontology is added
(``graph.pipeline.ensure_ontology``), the rules run (``run_rules``: identities, event coreference,
graph/derived) and the digests written (``add_digests``). A store already prepared is reused.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
DONE = "prepared"
"""A marker file in the store directory, written once every step has run."""


def corpus_path(n: int, work: Path, seed: int = 42) -> Path:
    """The generated corpus of about ``n`` quads, written once into ``work``."""
    path = work / (f"corpus-{n}.nq" if seed == 42 else f"corpus-{n}-seed{seed}.nq")
    if not path.exists():
        work.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, str(HERE / "corpus.py"), "--triples", str(n), "--out", str(path), "--seed", str(seed)]
        subprocess.run(cmd, check=True)  # writes beside and renames: a corpus is whole or absent
    return path


def prepare(corpus: Path, location: Path) -> dict[str, float]:
    """Load ``corpus`` into a new Oxigraph store at ``location`` and add what ingest adds; the seconds
    each step took. Nothing is done (and ``{}`` returned) when the store was prepared before."""
    from graph.pipeline import add_digests, ensure_ontology, run_rules
    from graph.store.oxigraph import OxigraphStore

    if (location / DONE).exists():
        return {}
    times: dict[str, float] = {}
    store = OxigraphStore(str(location), create=True)
    try:
        for step, run in (
            ("load_s", lambda: store.load_file(str(corpus), "nq")),
            ("ontology_s", lambda: ensure_ontology(store)),
            ("rules_s", lambda: run_rules(store)),
            ("digests_s", lambda: add_digests(store)),
        ):
            started = time.perf_counter()
            run()
            times[step] = round(time.perf_counter() - started, 2)
        store.flush()
    finally:
        store.close()
    (location / DONE).write_text("ok\n", encoding="utf-8")
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--triples", type=int, required=True)
    parser.add_argument("--work", default="/tmp/h17b", help="where corpora and stores are kept")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    work = Path(args.work)
    path = corpus_path(args.triples, work, args.seed)
    print(prepare(path, work / f"kg-{path.stem.removeprefix('corpus-')}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
