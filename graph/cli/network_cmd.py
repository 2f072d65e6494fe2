"""Network commands over the analyst API: ``path``, ``ego`` and ``export-graph``
(registered through graph.cli.analyst_cmd)."""

from __future__ import annotations

from typing import Any

import click

from graph.cli import store_option
from graph.cli.analyst_options import emit, event_filters, event_options, period_options, session, table_options
from graph.cli.output import compact


@click.command()
@click.argument("a")
@click.argument("b")
@period_options
@click.option("--include-planned", is_flag=True, help="Also through planned and hypothetical events.")
@table_options
@click.pass_context
def path(
    ctx: click.Context,
    a: str,
    b: str,
    since: str | None,
    until: str | None,
    include_planned: bool,
    fmt: str,
    limit: int | None,
    store_here: str | None,
) -> None:
    """Shortest chain of events between two actors (direction ignored), one row per hop."""
    with session(ctx, store_here) as kg:
        steps = kg.path(a, b, since=since, until=until, include_planned=include_planned)
        if not steps:
            click.echo(f"no path between {a!r} and {b!r}", err=True)
        emit(
            ["hop", "from", "to", "events"],
            [[i, s.source.label, s.target.label, "; ".join(s.labels)] for i, s in enumerate(steps, 1)],
            fmt,
            limit,
        )


@click.command()
@click.argument("a")
@click.option("--depth", type=click.IntRange(min=1, max=4), default=1, show_default=True, help="Hops from A.")
@period_options
@click.option("--include-planned", is_flag=True, help="Also planned and hypothetical events.")
@table_options
@click.pass_context
def ego(
    ctx: click.Context,
    a: str,
    depth: int,
    since: str | None,
    until: str | None,
    include_planned: bool,
    fmt: str,
    limit: int | None,
    store_here: str | None,
) -> None:
    """An actor's neighbourhood to a depth: one row per event edge."""
    with session(ctx, store_here) as kg:
        nxg = kg.ego(a, depth=depth, since=since, until=until, include_planned=include_planned)
        label = nxg.nodes
        rows = sorted(
            [
                [
                    d.get("date") or d.get("earliest"),
                    label[u]["label"],
                    label[v]["label"],
                    d.get("cameo"),
                    d.get("label"),
                    d.get("modality"),
                    compact(k),
                ]
                for u, v, k, d in nxg.edges(keys=True, data=True)
            ],
            key=lambda r: tuple(str(c) for c in r),
        )
        click.echo(f"{nxg.number_of_nodes()} actors, {nxg.number_of_edges()} event edges", err=True)
        emit(["when", "from", "to", "cameo", "type", "modality", "event"], rows, fmt, limit)


@click.command("export-graph")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["gexf", "graphml", "json", "csv"]),
    default="gexf",
    show_default=True,
    help="GEXF/GraphML (Gephi, Cytoscape), node-link JSON or a CSV edge list.",
)
@click.option("-o", "--output", default="-", show_default=True, help="File to write ('-' for stdout).")
@click.option("--actor", "a", metavar="REF", help="Only the events of this actor.")
@click.option("--with", "b", metavar="REF", help="... with this other actor.")
@period_options
@event_options
@click.option("--collapse", is_flag=True, help="One weighted edge per dyad instead of one per event.")
@click.option("--undirected", is_flag=True, help="With --collapse: one edge per pair, direction ignored.")
@click.option("--no-evidence", is_flag=True, help="Leave out the sentences and articles behind each event.")
@store_option
@click.pass_context
def export_graph(
    ctx: click.Context,
    fmt: str,
    output: str,
    a: str | None,
    b: str | None,
    collapse: bool,
    undirected: bool,
    no_evidence: bool,
    store_here: str | None,
    **kwargs: Any,
) -> None:
    """Export the actor-event network (GEXF, GraphML, JSON, CSV)."""
    from graph.errors import QueryError
    from graph.views.export import write

    with session(ctx, store_here) as kg:
        if b and not a:
            raise QueryError("--with needs --actor", hint="give --actor A --with B")
        nxg = kg.to_networkx(
            a, b, collapse=collapse, directed=not undirected, evidence=not no_evidence, **event_filters(kwargs)
        )
        with click.open_file(output, "wb") as target:
            write(nxg, target, fmt)
        click.echo(f"{nxg.number_of_nodes()} actors, {nxg.number_of_edges()} edges ({fmt})", err=True)
