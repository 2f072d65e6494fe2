"""``diplograph view``: write the interactive HTML graph of the store (or of part of it)."""

from __future__ import annotations

import sys

import click

from graph.cli import quiet as is_quiet
from graph.cli import settings_from, store_option
from graph.cli import verbose as is_verbose
from graph.cli.exits import reported


@click.command()
@click.argument("actors", nargs=-1, metavar="[ACTOR]...")
@click.option("--depth", type=click.IntRange(0, 6), default=1, show_default=True, help="Hops around the ACTORs.")
@click.option("--since", metavar="DATE", help="Events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Events on or before DATE.")
@click.option(
    "--types", multiple=True, metavar="CODES", help="CAMEO code prefixes, e.g. 13,17 (threats, coercion); repeatable."
)
@click.option(
    "--kinds", multiple=True, metavar="KINDS", help="Actor kinds, e.g. person,state (also agency, igo, group, …)."
)
@click.option("--include-planned", is_flag=True, help="Also show planned and hypothetical events.")
@click.option(
    "--max-nodes",
    type=click.IntRange(10),
    default=2000,
    show_default=True,
    help="Above this many actors, keep the most connected and fold the rest by kind.",
)
@click.option("--title", default=None, help="Page title [default: the actors, or 'diplograph']")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="graph.html",
    show_default=True,
    help="HTML file to write ('-' for stdout).",
)
@store_option
@click.pass_context
def view(
    ctx: click.Context,
    actors: tuple[str, ...],
    depth: int,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
    kinds: tuple[str, ...],
    include_planned: bool,
    max_nodes: int,
    title: str | None,
    output: str,
    store_here: str | None,
) -> None:
    """Write the interactive HTML graph: one file that works offline.

    Actors are shapes (by kind), events are lines (coloured by quad class, dashed when planned or
    alleged). The page filters by event type, actor kind, modality and date, finds actors, and shows
    the evidence sentence and source articles of any event you click.

    \b
    Examples:
      diplograph view -o graph.html
      diplograph view Petro --depth 2 --since 2025-01 -o petro.html
      diplograph view --types 16,17 --kinds state,agency -o sanctions.html
    """
    from graph.queries.api import KnowledgeGraph
    from graph.store import open_store

    with reported(is_verbose(ctx)):
        location = settings_from(ctx, store_here).store
        with KnowledgeGraph(open_store(location, mode="read"), owns_store=True) as kg:
            page = kg.view(
                *actors,
                depth=depth,
                since=since,
                until=until,
                types=types,
                kinds=kinds,
                include_planned=include_planned,
                title=title,
                max_nodes=max_nodes,
            )
        if output == "-":
            sys.stdout.write(page.html)
        else:
            page.write(output)
        if not is_quiet(ctx):
            note = " (aggregated)" if page.aggregated else ""
            where = "stdout" if output == "-" else output
            click.echo(f"wrote {where}: {page.nodes} actors, {page.events} events{note}", err=True)
