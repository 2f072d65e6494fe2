"""``diplograph import``: licence and summary on stderr, bad rows as file:line, exit codes, stdin."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graph.cli import main
from tests.importers.conftest import gdelt_rows, write


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_prints_licence_bad_rows_and_summary_on_stderr(tmp_path: Path) -> None:
    path = write(tmp_path / "day.export.CSV", gdelt_rows())
    code, out, err = run("--store", str(tmp_path / "kg"), "import", "gdelt", str(path), "--no-rules")
    assert code == 0 and out == ""
    assert "licence GDELT terms of use" in err
    assert "day.export.CSV:24: 3 tab-separated columns" in err
    assert "imported 22 record(s) of 28 row(s) from 1 gdelt file(s)" in err and "5 bad row(s) skipped" in err


def test_strict_import_exits_3_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "day.export.CSV", gdelt_rows())
    store = str(tmp_path / "kg")
    code, _, err = run("--store", store, "import", "gdelt", str(path), "--strict")
    assert code == 3
    assert "day.export.CSV:23: SQLDATE '2026011x' is not a date YYYYMMDD" in err
    code, out, _ = run("--store", store, "query", "ASK { ?s ?p ?o }", "-f", "json")
    assert code == 0 and "false" in out


def test_stdin_and_missing_files(tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    code, _, err = run("--store", store, "import", "gdelt", "-", "--no-rules", input="\n".join(gdelt_rows()[:3]))
    assert code == 0 and "imported 3 record(s)" in err
    code, _, err = run("--store", store, "import", "gdelt", str(tmp_path / "nope.csv"))
    assert code == 1 and "nope.csv" in err


def test_unknown_dataset_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("--store", str(tmp_path / "kg"), "import", "acled", "x.csv")
    assert code == 2 and "acled" in err
