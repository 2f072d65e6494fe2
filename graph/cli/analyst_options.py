"""Options, output and session handling shared by the analyst commands (graph.cli.analyst_cmd)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

from graph.cli import settings_from, store_option
from graph.cli import verbose as is_verbose
from graph.cli.exits import reported
from graph.cli.output import TABLE_FORMATS, compact, format_rows

Rows = Sequence[Sequence[object]]


def table_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--format`` and ``--limit`` (and the subcommand's ``--store``)."""
    fn = click.option("--limit", type=click.IntRange(min=1), default=None, help="Print at most N rows.")(fn)
    fn = click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(TABLE_FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(fn)
    return store_option(fn)  # type: ignore[no-any-return]


def period_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--since`` and ``--until``: a day, a month or a year (2026-01-07, 2026-01, 2026)."""
    fn = click.option("--until", metavar="DATE", help="Last day, month or year (events ending by then).")(fn)
    return click.option("--since", metavar="DATE", help="First day, month or year (events starting then).")(fn)


def datasets_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--datasets``: keep what some datasets say (graph.queries.datasets)."""
    return click.option(
        "--datasets",
        metavar="LIST",
        help="Keep what these datasets say, comma-separated: articles, gdelt, icews, polecat, ftm. [default: all]",
    )(fn)


def event_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Filters of event lookups: types, modality, planned events, state roll-up."""
    fn = click.option("--no-rollup", is_flag=True, help="A state stands only for itself, not its officials.")(fn)
    fn = click.option("--include-planned", is_flag=True, help="Also planned and hypothetical events.")(fn)
    fn = click.option(
        "--modality",
        "modality",
        multiple=True,
        metavar="M",
        help="Only events with a claim of this modality (asserted, alleged, denied, ...).",
    )(fn)
    return click.option(
        "--type",
        "types",
        multiple=True,
        metavar="CODE",
        help="CAMEO code; keeps its sub-codes (04 = consultations). Repeatable.",
    )(fn)


@contextmanager
def session(ctx: click.Context, store_here: str | None) -> Iterator[Any]:
    """Open the knowledge graph of the chosen store; library errors become messages and exit codes."""
    with reported(is_verbose(ctx)):
        from graph.queries.api import KnowledgeGraph
        from graph.store import open_store

        kg = KnowledgeGraph(open_store(settings_from(ctx, store_here).store, mode="read"), owns_store=True)
        try:
            yield kg
        finally:
            kg.close()


def emit(headers: Sequence[str], rows: Rows, fmt: str, limit: int | None = None) -> None:
    rows = list(rows)[:limit] if limit else list(rows)
    click.echo(format_rows(headers, rows, fmt), nl=False)


def names(refs: Sequence[Any]) -> str:
    return "; ".join(r.label for r in refs)


EVENT_HEADERS = ["when", "until", "cameo", "type", "from", "to", "with", "modality", "sources", "independent", "event"]


def event_rows(relations: Sequence[Any]) -> list[list[object]]:
    return [
        [
            r.date or r.earliest,
            r.latest,
            r.cameo,
            r.label,
            names(r.actors),
            names(r.targets),
            names(r.participants),
            "|".join(r.modalities),
            r.sources,
            r.independent_sources,
            compact(r.event),
        ]
        for r in relations
    ]


def event_filters(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        "since": kwargs["since"],
        "until": kwargs["until"],
        "types": list(kwargs["types"]) or None,
        "modality": list(kwargs["modality"]) or None,
        "include_planned": kwargs["include_planned"],
        "rollup": not kwargs["no_rollup"],
    }
