"""Shared fixtures: paths to the shipped example and tmp stores on every backend."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from graph.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
SEED_TRIG = REPO / "ontology" / "examples" / "seed.trig"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BACKENDS = ["memory", "oxigraph"]


def load_script(relative: str, name: str | None = None) -> ModuleType:
    """A script of the repository (``scripts/...``, not a package) imported as a module, for its tests."""
    path = REPO / relative
    spec = importlib.util.spec_from_file_location(name or path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def seed_trig() -> Path:
    return SEED_TRIG


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend."""
    location = "memory:" if request.param == "memory" else str(tmp_path / "kg")
    s = open_store(location, create=True)
    yield s
    s.close()


def quad_lines(store: Store) -> list[str]:
    return sorted(q.nq() for q in store.quads())
