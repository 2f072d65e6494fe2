"""Finds and reads the ontology files shipped with the package (TBox, shapes, SKOS schemes).

Installed from a wheel, the files sit in ``graph/_ontology`` (force-included by the build);
in a source checkout or an editable install they are read from ``ontology/`` at the repo root.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import OntologyError

TBOX = "diplograph.ttl"
SHAPES = "shapes.ttl"
SHAPES_PER_SOURCE = "shapes-per-source.ttl"
SEED_EXAMPLE = "examples/seed.trig"


def ontology_dir() -> Path:
    """The directory holding ``diplograph.ttl``, installed or in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_ontology", here.parent / "ontology"):
        if (candidate / TBOX).is_file():
            return candidate
    raise OntologyError(
        "the ontology files are missing",
        where=str(here),
        hint="reinstall diplograph (pip install --force-reinstall diplograph) or run from a full checkout",
    )


def ontology_file(name: str) -> Path:
    """Path of one file under the ontology directory (e.g. ``schemes/cameo.ttl``)."""
    path = ontology_dir() / name
    if not path.is_file():
        raise OntologyError(
            f"ontology file {name} is missing",
            where=str(path),
            hint="reinstall diplograph or restore the file from the repository",
        )
    return path


def scheme_files() -> list[Path]:
    """The SKOS scheme files, sorted."""
    return sorted((ontology_dir() / "schemes").glob("*.ttl"))


def reference_files() -> list[Path]:
    """Every file that makes up the ontology graph: TBox then schemes."""
    return [ontology_file(TBOX), *scheme_files()]


@dataclass(frozen=True)
class EventType:
    """One CAMEO code as the scheme describes it."""

    code: str
    label: str
    goldstein: float | None
    quad_class: int | None
    broader: str | None


def scheme_statements(name: str) -> list[tuple[str, str, str]]:
    """(subject, predicate, object) of every statement about a named node in ``ontology/<name>``, read with
    Oxigraph's Turtle parser (a tenth of rdflib's time): the scheme tables are built from these."""
    import pyoxigraph as ox

    try:
        return [
            (t.subject.value, t.predicate.value, t.object.value)
            for t in ox.parse(path=str(ontology_file(name)), format=ox.RdfFormat.TURTLE)
            if isinstance(t.subject, ox.NamedNode)
        ]
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"cannot read {name}: {exc}", where=name) from exc


@lru_cache(maxsize=1)
def cameo_types() -> dict[str, EventType]:
    """Every CAMEO code of ``schemes/cameo.ttl``, by code (``"041"``).

    Read with Oxigraph's Turtle parser: a tenth of rdflib's time, and every ingest needs the table.
    """
    from graph.prefixes import PREFIXES

    dip, cameo = PREFIXES["dip"], PREFIXES["cameo"]
    skos = "http://www.w3.org/2004/02/skos/core#"
    wanted = {
        skos + "inScheme": "scheme",
        skos + "notation": "code",
        skos + "prefLabel": "label",
        skos + "broader": "broader",
        dip + "goldstein": "goldstein",
        dip + "quadClass": "quad_class",
    }
    concepts: dict[str, dict[str, str]] = {}
    for subject, predicate, value in scheme_statements("schemes/cameo.ttl"):
        key = wanted.get(predicate)
        if key is not None:
            concepts.setdefault(subject, {}).setdefault(key, value)
    out: dict[str, EventType] = {}
    for c in concepts.values():
        if c.get("scheme") != dip + "cameoScheme" or "code" not in c:
            continue
        code = c["code"]
        out[code] = EventType(
            code=code,
            label=c.get("label", code),
            goldstein=float(c["goldstein"]) if "goldstein" in c else None,
            quad_class=int(c["quad_class"]) if "quad_class" in c else None,
            broader=c["broader"].removeprefix(cameo) if "broader" in c else None,
        )
    if not out:
        raise OntologyError("the CAMEO scheme holds no codes", where="schemes/cameo.ttl")
    return out
