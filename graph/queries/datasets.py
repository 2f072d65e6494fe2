"""The ``datasets=`` filter of the analyst lookups: keep what the chosen datasets say.

Every claim comes either from an article (an extraction run: ``articles``, which also covers curated
files and RDF ingested as they are) or from an imported dataset (an import run: ``gdelt``, ``icews``,
``polecat``, ``ftm``). A row is kept when at least one claim about its node (for a merged event, about
any of its reports) comes from a chosen dataset; its other fields (source counts, evidence) are those
of the whole store.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

from graph.errors import QueryError
from graph.importers.base import DATASETS
from graph.queries.fetch import BULK, Runner
from graph.store.base import Term

ARTICLES = "articles"
KNOWN = (ARTICLES, *DATASETS)
T = TypeVar("T")


def chosen(datasets: Iterable[str] | str | None) -> frozenset[str] | None:
    """The datasets asked for (a comma-separated text or a list), or None for every one.

    Example:
        >>> sorted(chosen("gdelt, articles"))
        ['articles', 'gdelt']
    """
    if datasets is None:
        return None
    items = datasets.split(",") if isinstance(datasets, str) else list(datasets)
    names = frozenset(d.strip().lower() for d in items if d.strip())
    unknown = sorted(names - set(KNOWN))
    if unknown:
        raise QueryError(f"unknown dataset {', '.join(unknown)}", where="datasets", hint="use " + ", ".join(KNOWN))
    return names


def datasets_of(run: Runner, nodes: Collection[str]) -> dict[str, set[str]]:
    """The datasets each node has claims from (``lookup/content_datasets``)."""
    if not nodes:
        return {}
    params: dict[str, object] = {"about": [Term.uri(n) for n in sorted(nodes)]} if len(nodes) <= BULK else {}
    out: dict[str, set[str]] = {}
    for about, name in run("content_datasets", params).rows:
        if about is not None and name is not None and about.value in nodes:
            out.setdefault(about.value, set()).add(name.value)
    return out


def keep_datasets(
    run: Runner, rows: Sequence[T], nodes: Callable[[T], Iterable[str]], wanted: frozenset[str] | None
) -> list[T]:
    """The rows whose nodes have a claim from a ``wanted`` dataset (all rows for None)."""
    if wanted is None:
        return list(rows)
    by_row = [[n for n in nodes(r) if n] for r in rows]
    found = datasets_of(run, {n for ns in by_row for n in ns})
    return [r for r, ns in zip(rows, by_row, strict=True) if any(found.get(n, {ARTICLES}) & wanted for n in ns)]
