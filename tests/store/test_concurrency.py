"""Many readers or one writer on an on-disk store, with real processes (graph.store.locking).

Readers (CLI read commands, graph.open in scripts) run side by side; a reader during a write
fails at once with a message naming the store and --wait, or waits with --wait and then sees
what the writer committed; a writer waits for readers the same way.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.errors import StoreError, StoreLockedError
from graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CURATED = sorted((ROOT / "tests" / "fixtures" / "curated").glob("*.yaml"))
EX = "http://example.org/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
MARKER = f"ASK {{ <{EX}s> <{EX}p> <{EX}written> }}"


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "graph", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


HOLD_WRITER = f"""
import sys, time
from graph.store import open_store, Quad, Term, WriteBatch
s = open_store(sys.argv[1], mode="write")
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
q = Quad(Term.uri("{EX}s"), Term.uri("{EX}p"), Term.uri("{EX}written"), Term.uri("{EX}g"))
s.apply(WriteBatch(insert=[q]))
s.close()
"""

HOLD_READER = """
import sys, time, graph
kg = graph.open(sys.argv[1])
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
kg.close()
"""


@contextmanager
def holding(code: str, location: str, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """A process that opens the store, says so, holds it ``seconds``, then lets go."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code, location, str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "ready", line + (proc.stderr.read() if proc.stderr else "")
        yield proc
    finally:
        proc.wait(timeout=120)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("concurrency") / "kg")
    out = cli("--store", location, "ingest", *map(str, CURATED))
    assert out.returncode == 0, out.stderr
    return location


@pytest.fixture
def store_copy(seeded: str, tmp_path: Path) -> str:
    """A fresh copy of the seeded store, for tests that write."""
    import shutil

    target = tmp_path / "kg"
    shutil.copytree(seeded, target, ignore=shutil.ignore_patterns("LOCK", "diplograph.lock"))
    return str(target)


@pytest.mark.parametrize("readers", [2, 8])
def test_concurrent_cli_readers_all_succeed(seeded: str, readers: int) -> None:
    commands = [
        ("query", COUNT, "-f", "csv"),
        ("actors", "--format", "csv"),
        ("stats", "-f", "csv"),
        ("export", "-f", "nq"),
    ]
    procs = [start_cli("--store", seeded, *commands[i % len(commands)]) for i in range(readers)]
    results = [(p.args, *p.communicate(timeout=180), p.returncode) for p in procs]
    failures = [r for r in results if r[3] != 0]
    assert failures == [], failures
    assert all(r[1] for r in results)  # each printed its data


def test_readers_in_scripts_and_the_cli_at_once(seeded: str) -> None:
    with holding(HOLD_READER, seeded, 3):
        out = cli("--store", seeded, "query", COUNT, "-f", "csv")
        assert out.returncode == 0, out.stderr
        s = open_store(seeded, mode="read")  # and one in this process too
        try:
            assert len(s) > 0
        finally:
            s.close()


def test_a_reader_during_a_write_fails_at_once_naming_the_store_and_wait(store_copy: str) -> None:
    with holding(HOLD_WRITER, store_copy, 4):
        started = time.monotonic()
        out = cli("--store", store_copy, "query", MARKER)
        took = time.monotonic() - started
    assert out.returncode == 1 and out.stdout == ""
    assert store_copy in out.stderr and "--wait" in out.stderr and "is writing it" in out.stderr
    assert "in use by another process" in out.stderr and "Traceback" not in out.stderr
    assert took < 4  # did not wait for the writer


def test_a_reader_with_wait_sees_what_the_writer_committed(store_copy: str) -> None:
    with holding(HOLD_WRITER, store_copy, 2):
        readers = [start_cli("--store", store_copy, "query", "--wait", "60", MARKER, "-f", "csv") for _ in range(3)]
        results = [(*p.communicate(timeout=120), p.returncode) for p in readers]
    assert [r[2] for r in results] == [0, 0, 0], results
    assert all("true" in r[0] for r in results), results  # never the state before the write ended


def test_readers_with_wait_during_a_real_ingest(store_copy: str, tmp_path: Path) -> None:
    ingest = start_cli("--store", store_copy, "ingest", *map(str, CURATED))
    time.sleep(0.3)
    readers = [start_cli("--store", store_copy, "--wait", "120", "query", COUNT, "-f", "csv") for _ in range(4)]
    results = [(*p.communicate(timeout=180), p.returncode) for p in readers]
    _, err = ingest.communicate(timeout=180)
    assert ingest.returncode == 0, err
    assert [r[2] for r in results] == [0, 0, 0, 0], results


def test_a_writer_while_readers_are_open_refuses_or_waits(store_copy: str) -> None:
    before = cli("--store", store_copy, "query", COUNT, "-f", "csv").stdout
    with holding(HOLD_READER, store_copy, 4):
        refused = cli("--store", store_copy, "graphs", "--drop", "reference")
        assert refused.returncode == 1
        assert "open for reading" in refused.stderr and "--wait" in refused.stderr and store_copy in refused.stderr
        assert cli("--store", store_copy, "query", COUNT, "-f", "csv").stdout == before  # nothing was written
        waited = cli("--store", store_copy, "ingest", "--wait", "60", *map(str, CURATED))
    assert waited.returncode == 0, waited.stderr


def test_read_only_stores_refuse_writes_and_auto_ones_become_the_writer(store_copy: str) -> None:
    from graph.store import WriteBatch

    s = open_store(store_copy, mode="read")
    try:
        with pytest.raises(StoreError, match="read-only"):
            s.apply(WriteBatch(drop_graphs={f"{EX}g"}))
        other = open_store(store_copy, mode="read")  # readers share
        other.close()
    finally:
        s.close()
    import graph

    with graph.open(store_copy) as kg:
        with pytest.raises(StoreLockedError, match="open for reading"):
            open_store(store_copy, mode="write")  # a reader holds it: no writer
        kg.store.apply(WriteBatch(drop_graphs={f"{EX}g"}))  # the first write makes it the writer
        assert kg.store.mode == "write"  # type: ignore[attr-defined]
        with pytest.raises(StoreLockedError, match="is writing it"):
            open_store(store_copy, mode="read")
    open_store(store_copy, mode="read").close()  # closed: readers are let in again


def test_validate_reads_beside_other_readers(seeded: str) -> None:
    with holding(HOLD_READER, seeded, 2):
        out = cli("--store", seeded, "validate", "-f", "json")
    assert out.returncode in (0, 3), out.stderr  # 3: violations, still a completed run
    assert "in use by another process" not in out.stderr and '"graphs_checked"' in out.stdout
