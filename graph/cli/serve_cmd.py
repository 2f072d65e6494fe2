"""``diplograph serve``: the store over the SPARQL 1.1 Protocol (pyoxigraph in sandboxed worker processes)."""

from __future__ import annotations

import sys

import click

from graph.cli import quiet as is_quiet
from graph.cli import settings_from, store_option
from graph.cli import verbose as is_verbose
from graph.cli.exits import reported
from graph.errors import ConfigError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free).")
@click.option(
    "--timeout",
    default=30,
    show_default=True,
    type=click.IntRange(min=1),
    help="Seconds a query may take from its arrival to the end of its answer (streamed results included); "
    "then it is stopped, the client gets 503 (or a cut transfer once streaming began) and other queries go on.",
)
@click.option(
    "--max-result-mb",
    default=256,
    show_default=True,
    type=click.IntRange(min=0),
    help="Largest answer to one query, in MB of serialised results; a larger one is stopped (0: no limit).",
)
@click.option(
    "--workers",
    default=4,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Query worker processes (queries answered at once; more wait, within their --timeout). --writable uses one.",
)
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (browsers on other sites may query).")
@click.option(
    "--writable",
    is_flag=True,
    help="Accept SPARQL updates at /update and Graph Store writes at /store (one read-write worker). Off by default.",
)
@store_option
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    timeout: int,
    max_result_mb: int,
    workers: int,
    cors: bool,
    writable: bool,
    store_here: str | None,
) -> None:
    """Serve the store over the SPARQL 1.1 Protocol until Ctrl-C or SIGTERM.

    \b
    Endpoints (union of all graphs as the default graph; GRAPH ?g reaches each source):
      /query    SPARQL queries, GET or POST; results by content negotiation:
                JSON, XML, CSV, TSV; Turtle, N-Triples, JSON-LD for CONSTRUCT/DESCRIBE
      /update   SPARQL updates (only with --writable; refused with 403 otherwise)
      /store    Graph Store Protocol (reads; writes only with --writable)
      /         a query page with the packaged named queries (works offline)
    Prefixes are not predeclared over HTTP: the query page writes them into the editor.

    \b
    Read-only by default, and the store stays locked while serving: `diplograph ingest`
    on the same store fails at once with "in use by another process" (exit 1). Stop the
    server to ingest, or serve with --writable and write through the endpoint
    (--store sparql+http://127.0.0.1:7878). The endpoint URL is printed on stdout;
    messages go to stderr.

    \b
    Queries run in --workers processes that cannot open network sockets (Linux):
    SERVICE is refused (403) and could not reach anything anyway, and no port is
    opened but --port. Each query is bounded by --timeout and --max-result-mb; an
    overrunning one is stopped on its own worker, other clients' queries go on.
    --writable uses one worker, in the same sandbox, that opens the store read-write
    and answers queries, updates and Graph Store writes in turn (reads see every
    write at once; LOAD and SERVICE are refused); while it runs, serve is the store's
    writer and other commands on the store wait or are refused.
    """
    from graph.server import serve as run_server
    from graph.settings import resolve_store_location

    with reported(is_verbose(ctx)):
        location = resolve_store_location(settings_from(ctx, store_here).store)
        if location == "memory:" or "://" in location:
            raise ConfigError(
                f"serve needs a store directory, not {location}",
                where="--store",
                hint="a remote SPARQL store already has its own endpoint; serve the on-disk store",
            )
        directory = location.removeprefix("oxigraph:")
        if host not in LOOPBACK and not is_quiet(ctx):
            click.echo(f"warning: listening on {host}: other machines may reach this endpoint", err=True)

        def ready(url: str) -> None:
            click.echo(f"{url}/query")
            sys.stdout.flush()
            if not is_quiet(ctx):
                mode = "read-write" if writable else "read-only"
                click.echo(
                    f"serving {directory} ({mode}, union default graph, timeout {timeout} s"
                    f", {1 if writable else workers} worker{'' if writable else 's'}, results up to {max_result_mb} MB"
                    f"{', CORS on' if cors else ''}): SPARQL endpoint {url}/query, query page {url}/ "
                    "- Ctrl-C stops",
                    err=True,
                )

        code = run_server(
            directory, host=host, port=port, timeout=timeout, cors=cors, writable=writable,
            verbose=is_verbose(ctx), workers=workers, max_result_mb=max_result_mb, on_ready=ready,
        )  # fmt: skip
        if not is_quiet(ctx):
            click.echo("stopped" if code == 0 else "stopped after an error", err=True)
        ctx.exit(code)
