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


@lru_cache(maxsize=1)
def cameo_types() -> dict[str, EventType]:
    """Every CAMEO code of ``schemes/cameo.ttl``, by code (``"041"``)."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import SKOS

    from graph.namespaces import CAMEO, DIP

    g = Graph()
    try:
        g.parse(ontology_file("schemes/cameo.ttl"), format="turtle")
    except OntologyError:
        raise
    except Exception as exc:
        raise OntologyError(f"cannot read the CAMEO scheme: {exc}", where="schemes/cameo.ttl") from exc
    out: dict[str, EventType] = {}
    for concept in g.subjects(SKOS.inScheme, URIRef(str(DIP.cameoScheme))):
        code = str(g.value(concept, SKOS.notation))
        gs = g.value(concept, URIRef(str(DIP.goldstein)))
        qc = g.value(concept, URIRef(str(DIP.quadClass)))
        broader = g.value(concept, SKOS.broader)
        out[code] = EventType(
            code=code,
            label=str(g.value(concept, SKOS.prefLabel) or code),
            goldstein=float(str(gs)) if gs is not None else None,
            quad_class=int(str(qc)) if qc is not None else None,
            broader=str(broader).removeprefix(str(CAMEO)) if broader is not None else None,
        )
    if not out:
        raise OntologyError("the CAMEO scheme holds no codes", where="schemes/cameo.ttl")
    return out
