"""SHACL validation: the seed conforms; each invalid fixture fails on the shape it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.pipeline import ingest
from graph.store import open_store
from graph.validate import validate_store
from tests.conftest import FIXTURES, SEED_TRIG

INVALID = sorted((FIXTURES / "invalid").glob("*.trig"))


def _validate(*paths: Path):  # type: ignore[no-untyped-def]
    store = open_store("memory:")
    report = ingest([str(p) for p in paths], store, derive=False)
    assert report.ok, report.skipped
    return validate_store(store)


def test_seed_example_and_valid_fixture_conform_without_warnings() -> None:
    report = _validate(SEED_TRIG, FIXTURES / "valid" / "minimal.trig")
    assert report.conforms, report.describe()
    assert report.warnings == []
    assert report.graphs_checked == 2


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_fails_on_its_expected_shape(fixture: Path) -> None:
    expected = re.search(r"# expect: (\w+)", fixture.read_text()).group(1)  # type: ignore[union-attr]
    report = _validate(fixture)
    assert not report.conforms
    shapes = {f.shape.rsplit("#", 1)[-1] for f in report.violations}
    assert expected in shapes, report.describe()
    assert all(f.message for f in report.violations)


def test_a_tense_mistake_is_a_warning_not_a_violation(tmp_path: Path) -> None:
    text = SEED_TRIG.read_text(encoding="utf-8")
    # the planned 3 February meeting, claimed as having happened in an article of 15 January
    flipped = text.replace("dip:modality mod:planned", "dip:modality mod:asserted", 1)
    assert flipped != text
    p = tmp_path / "flipped.trig"
    p.write_text(flipped, encoding="utf-8")
    report = _validate(p)
    assert report.conforms
    assert any("ClaimTenseShape" in f.shape for f in report.warnings)
