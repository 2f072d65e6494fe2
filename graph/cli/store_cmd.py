"""``diplograph validate``, ``stats``, ``export``, ``graphs`` and ``reindex``: commands over the whole store."""

from __future__ import annotations

import json

import click

from graph.cli import quiet as is_quiet
from graph.cli import settings_from, store_option
from graph.cli import verbose as is_verbose
from graph.cli.exits import DATA, reported
from graph.cli.output import TABLE_FORMATS
from graph.errors import ConfigError


@click.command()
@click.option("--graph", "graph_name", metavar="IRI", help="Validate one named graph only.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@store_option
@click.pass_context
def validate(ctx: click.Context, graph_name: str | None, fmt: str, store_here: str | None) -> None:
    """Check the store against the SHACL shapes; exit 3 when there are violations.

    Warnings (e.g. an asserted claim about an event after the article's date) are reported
    but do not fail.
    """
    from graph.store import open_store
    from graph.validate import validate_store

    with reported(is_verbose(ctx)):
        store = open_store(settings_from(ctx, store_here).store, mode="read")
        try:
            report = validate_store(store, graph=_graph_iri(graph_name))
        finally:
            store.close()
        if fmt == "json":
            click.echo(json.dumps(report.to_dict(), indent=1))
        else:
            click.echo(report.describe())
        if not report.conforms:
            if not is_quiet(ctx):
                click.echo(f"error: the data did not pass validation ({len(report.violations)} violation(s))", err=True)
            ctx.exit(DATA)


def _graph_iri(name: str | None) -> str | None:
    from graph import ids

    if name is None:
        return None
    return name if "://" in name else ids.GRAPH + name.removeprefix("dipg:")


STATS_QUERIES = {
    "class": """SELECT ?key (COUNT(DISTINCT ?s) AS ?n) WHERE {
        GRAPH ?g { ?s a ?key } FILTER(?g != <https://w3id.org/diplograph/graph/ontology>)
        FILTER(STRSTARTS(STR(?key), "https://w3id.org/diplograph/ontology#")) } GROUP BY ?key ORDER BY DESC(?n) ?key""",
    "event type": """SELECT ?key (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e dip:eventType ?t . ?t skos:notation ?code . OPTIONAL { ?t skos:prefLabel ?label }
        BIND(CONCAT(?code, " ", COALESCE(?label, "")) AS ?key) } GROUP BY ?key ORDER BY DESC(?n) ?key""",
    "source graph": """SELECT ?key (COUNT(*) AS ?n) WHERE { GRAPH ?key { ?s ?p ?o } } GROUP BY ?key ORDER BY ?key""",
}


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table")
@store_option
@click.pass_context
def stats(ctx: click.Context, fmt: str, store_here: str | None) -> None:
    """Counts by class, by event type and by source graph."""
    from graph.cli.output import compact, format_rows
    from graph.prefixes import sparql_prologue
    from graph.store import SelectResult, open_store

    with reported(is_verbose(ctx)):
        store = open_store(settings_from(ctx, store_here).store, mode="read")
        rows: list[tuple[str, str, str]] = []
        try:
            rows.append(("total", "quads", str(len(store))))
            for kind, q in STATS_QUERIES.items():
                result = store.query(sparql_prologue() + q)
                assert isinstance(result, SelectResult)
                for key, n in result.rows:
                    if key is not None and n is not None:
                        rows.append((kind, compact(key.value) if key.kind == "uri" else key.value, n.value))
        finally:
            store.close()
        click.echo(format_rows(["count of", "key", "n"], rows, fmt), nl=False)


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["trig", "nq", "turtle", "jsonld"]), default="trig")
@click.option("--graph", "graph_name", metavar="IRI", help="Export one named graph only.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-",
    help="Output file ('-' for stdout).",
)
@store_option
@click.pass_context
def export(ctx: click.Context, fmt: str, graph_name: str | None, output: str, store_here: str | None) -> None:
    """Write all graphs (or one) as TriG, N-Quads, Turtle (one graph's triples) or JSON-LD."""
    from graph.cli.output import format_quads
    from graph.store import open_store

    with reported(is_verbose(ctx)):
        if fmt == "turtle" and graph_name is None:
            raise ConfigError(
                "Turtle has no named graphs",
                where="--format turtle",
                hint="add --graph IRI, or use trig or nq for all graphs",
            )
        store = open_store(settings_from(ctx, store_here).store, mode="read")
        try:
            text = format_quads(store.quads(_graph_iri(graph_name)), fmt)
        finally:
            store.close()
        with click.open_file(output, "w", encoding="utf-8") as fh:
            fh.write(text)


@click.command()
@click.option("--drop", "drop", metavar="IRI", help="Remove this named graph (a source) from the store.")
@click.option("-f", "--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table")
@store_option
@click.pass_context
def graphs(ctx: click.Context, drop: str | None, fmt: str, store_here: str | None) -> None:
    """List the named graphs (sources) with their sizes, or drop one with --drop."""
    from graph.cli.output import format_rows
    from graph.errors import ConfigError as Missing
    from graph.pipeline import drop_source
    from graph.store import open_store

    with reported(is_verbose(ctx)):
        store = open_store(settings_from(ctx, store_here).store, mode="write" if drop else "read")
        try:
            if drop:
                iri = _graph_iri(drop)
                assert iri is not None
                if not drop_source(store, iri):
                    raise Missing(
                        f"there is no graph {iri}", where="--drop", hint="run `diplograph graphs` to list them"
                    )
                if not is_quiet(ctx):
                    click.echo(f"dropped {iri}", err=True)
                return
            rows = [(g.name, g.triples) for g in store.graphs()]
        finally:
            store.close()
        click.echo(format_rows(["graph", "triples"], rows, fmt), nl=False)


@click.command()
@store_option
@click.pass_context
def reindex(ctx: click.Context, store_here: str | None) -> None:
    """Write the digests of source graphs and articles that lack them or have stale ones (stores made
    before digests existed or changed, or data written by other tools), so that whole-store reads such
    as export-graph are fast again."""
    from graph.pipeline import add_digests
    from graph.store import open_store

    with reported(is_verbose(ctx)):
        store = open_store(settings_from(ctx, store_here).store)
        try:
            done = add_digests(store)
        finally:
            store.close()
        if not is_quiet(ctx):
            click.echo(f"indexed {done.graphs} graph(s) and {done.articles} article(s)", err=True)
