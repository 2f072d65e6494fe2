"""Packaging: a light import, and a wheel that carries the ontology and works when installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_TRIG


def test_importing_graph_loads_no_heavy_dependency() -> None:
    code = "import graph, sys; print(sorted({'spacy','pyvis','pyoxigraph','pyshacl'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_loads_the_ontology_and_runs(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is needed to build from a clean tree")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = dist.glob("diplograph-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    # Dependencies come from this environment's site-packages (added as a plain path, so its .pth
    # files, including the editable install of this checkout, are not processed); the package
    # itself comes only from the wheel.
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DIPLOGRAPH_STORE")}
    where = subprocess.run(
        [str(py), "-c", "import graph.ontology as o; print(o.ontology_dir())"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.endswith("graph/_ontology") and str(REPO) not in where
    cli = venv / "bin" / "diplograph"
    subprocess.run(
        [str(cli), "ingest", str(SEED_TRIG)], cwd=work, env=env, check=True, capture_output=True, timeout=300
    )
    out = subprocess.run(
        [str(cli), "query", "-f", "csv", "SELECT ?n WHERE { dipd:COL skos:prefLabel ?n }"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.stdout.splitlines() == ["n", "Colombia"]
