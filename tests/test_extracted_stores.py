"""Stores the extractor builds are valid and stable: every article fixture and the seed sample ingested
into one on-disk store pass `validate` (no violations), and re-ingesting any of them leaves the store
identical, quad for quad."""

from __future__ import annotations

import hashlib
from pathlib import Path

from graph.pipeline import ingest
from graph.store import open_store
from graph.store.base import Store
from graph.validate import validate_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted(
    str(p)
    for p in [*(ROOT / "tests" / "fixtures" / "articles").iterdir(), *(ROOT / "samples").glob("*.txt")]
    if p.suffix in (".txt", ".html", ".jsonl")
)


def digest(store: Store) -> str:
    """The store's sorted N-Quads, hashed."""
    return hashlib.sha256("\n".join(sorted(q.nq() for q in store.quads())).encode()).hexdigest()


def test_every_fixture_ingested_gives_a_valid_store_that_reingesting_leaves_unchanged(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store"), create=True)
    report = ingest(ARTICLES, store)
    # the batch fixture holds bad lines on purpose (no text, an unreadable date); every other input is written
    assert report.skipped and all(
        s.input.startswith(str(ROOT / "tests" / "fixtures" / "articles" / "batch.jsonl:")) for s in report.skipped
    )
    assert report.events > 20
    validation = validate_store(store)
    assert validation.violations == [], validation.describe()
    before = digest(store)
    ingest(ARTICLES, store)
    assert digest(store) == before
    for one in ARTICLES:
        ingest([one], store)
        assert digest(store) == before, one
