"""``diplograph query`` and ``diplograph queries``."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import click

from graph.cli import settings_from, store_option
from graph.cli import verbose as is_verbose
from graph.cli.exits import reported
from graph.cli.output import RDF_FORMATS, TABLE_FORMATS
from graph.errors import QueryError, SourceError


def _read_sparql(sparql: str | None, file: str | None, name: str | None) -> str:
    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        raise QueryError(
            "give exactly one query: as an argument, with --file FILE (or -), or with --name NAME",
            hint="see diplograph query --help",
        )
    if name:
        from graph.queries import read_query

        return read_query(name)
    if file == "-" or sparql == "-":
        return sys.stdin.read()
    if file:
        try:
            return Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(f"cannot read the query file: {exc}", where=file) from exc
    assert sparql is not None
    return sparql


@click.command()
@click.argument("sparql", required=False)
@click.option("--file", "file", metavar="FILE", help="Read the query from FILE ('-' for stdin).")
@click.option("--name", "name", metavar="NAME", help="Run a packaged named query (see `diplograph queries`).")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Bind a parameter (repeatable; repeat a key for several values). Values become typed RDF terms: "
    "IRIs are checked (CURIEs like dipd:COL and actor names are accepted), dates must be dates, text is escaped.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(TABLE_FORMATS + RDF_FORMATS),
    default=None,
    help="table (default for SELECT/ASK), json, jsonl, csv, tsv; turtle (default for CONSTRUCT), nt, nq, jsonld.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop the query (exit 1, nothing on stdout) if running and formatting it takes longer.",
)
@store_option
@click.pass_context
def query(
    ctx: click.Context,
    sparql: str | None,
    file: str | None,
    name: str | None,
    params: tuple[str, ...],
    fmt: str | None,
    timeout: float | None,
    store_here: str | None,
) -> None:
    """Run SPARQL over the union of all graphs (GRAPH ?g reaches each source).

    \b
    Example:
      diplograph query 'SELECT ?a ?name WHERE { ?a a dip:State ; skos:prefLabel ?name }'
      diplograph query --name analyst/dyad_timeline --param a=USA --param b=Colombia
    Common prefixes (dip:, dipd:, skos:, org:, prov:, ...) are predeclared.
    """
    from graph.cli.output import format_result
    from graph.prefixes import sparql_prologue
    from graph.store import GraphResult, open_store

    with reported(is_verbose(ctx)):
        text = _read_sparql(sparql, file, name)
        settings = settings_from(ctx, store_here)
        store = open_store(settings.store, mode="read")
        watchdog = _watchdog(timeout)  # after the open: time waiting for a writer (--wait) is not the query's
        try:
            if params:
                text = _bind(text, params, store)
            result = store.query(sparql_prologue() + text)
        finally:
            store.close()
        chosen = fmt or ("turtle" if isinstance(result, GraphResult) else "table")
        try:
            out = format_result(result, chosen)
        except ValueError as exc:
            raise QueryError(str(exc)) from exc
        if watchdog is not None:
            watchdog.cancel()
        click.echo(out, nl=False)


def _watchdog(seconds: float | None) -> threading.Timer | None:
    """Past ``seconds``, end the process with a message (exit 1): the embedded engine cannot cancel
    a query, and it releases the GIL while it evaluates, so this timer thread gets to run."""
    if seconds is None:
        return None

    def expire() -> None:
        sys.stderr.write(
            f"error: the query ran longer than {seconds:g} s (--timeout) and was stopped; "
            "add a LIMIT, narrow the patterns or raise --timeout\n"
        )
        sys.stderr.flush()
        os._exit(1)  # the only way to stop a query the engine will not cancel

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def _bind(text: str, pairs: tuple[str, ...], store: object) -> str:
    """Bind ``--param`` values safely; a value of an IRI parameter may be an actor's name."""
    from graph.queries.api import KnowledgeGraph
    from graph.queries.params import bind, parse_assignments

    kg = KnowledgeGraph(store)  # type: ignore[arg-type]
    values = {k: v[0] if len(v) == 1 else v for k, v in parse_assignments(pairs).items()}
    return bind(text, values, resolve=lambda ref: kg.actor(ref).iri)


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", help="Output format.")
def queries(fmt: str) -> None:
    """List the packaged named queries, what each answers and its parameters (--param NAME=VALUE)."""
    from graph.cli.output import format_rows
    from graph.queries import list_queries

    rows = [(q.name, q.summary, ", ".join(p.name for p in q.params)) for q in list_queries()]
    click.echo(format_rows(["name", "answers", "parameters"], rows, fmt), nl=False)
