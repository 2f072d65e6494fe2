"""``diplograph extract`` on the sample article: its JSON and JSONL follow the extraction schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "graph" / "extract" / "schema" / "extraction.schema.json"
SAMPLE = ROOT / "samples" / "petro-trump-2026-01.txt"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_extract_command_output_follows_the_schema(fmt: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "-f", fmt], catch_exceptions=False)
    assert result.exit_code == 0
    docs = [json.loads(result.stdout)] if fmt == "json" else [json.loads(x) for x in result.stdout.splitlines()]
    for doc in docs:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
        assert not errors, errors[:5]
    article = docs[0]["articles"][0] if fmt == "json" else docs[0]
    assert article["events"] and article["actors"]
    for ev in article["events"]:
        ev_text = ev["evidence"]
        assert SAMPLE.read_text(encoding="utf-8")[ev_text["start"] : ev_text["end"]] == ev_text["sentence"]


def test_extract_table_reads_only_keys_the_json_has() -> None:
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "-f", "table"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "cameo" in result.stdout and "person-gustavo-petro" in result.stdout
