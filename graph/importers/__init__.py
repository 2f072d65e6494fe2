"""Importers of the event and sanctions datasets analysts already use: GDELT, ICEWS, POLECAT and
OpenSanctions (FollowTheMoney entities), mapped into the same ontology as what is read from articles.

One module per format turns lines into :class:`~graph.importers.base.Record` values (model actors,
events, facts and sanctions plus the row's own identifiers and counts); :mod:`graph.importers.quads`
writes them with the conventions of :mod:`graph.triples`, every record a claim whose source is the
dataset, file and line; :mod:`graph.importers.load` streams them into the store, one named graph per
input file, replaced on re-import. ``docs/importers.md`` documents every mapping.
"""

from __future__ import annotations

from typing import Any

from graph.importers.base import DATASETS, Dataset, ImportReport, Problem, Record

__all__ = ["DATASETS", "Dataset", "ImportReport", "Problem", "Record", "import_files"]


def __getattr__(name: str) -> Any:
    # the loader (and with it rdflib and the store) only when an import runs: the dataset names are read
    # by the CLI and the lookups, which must stay light
    if name == "import_files":
        from graph.importers.load import import_files

        return import_files
    raise AttributeError(name)
