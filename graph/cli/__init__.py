"""The ``diplograph`` command: a click group whose subcommands are imported only when run.

Exit codes: 0 ok (also empty results), 1 failed, 2 usage, 3 data did not pass (validation,
strict ingest). stdout carries data only; messages, progress and summaries go to stderr.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

# name -> (module, function, one-line help); modules are imported on first use only.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "ingest": ("graph.cli.ingest_cmd", "ingest", "Read curated facts or RDF and store them, one graph per source."),
    "import": (
        "graph.cli.import_cmd",
        "import_",
        "Import GDELT, ICEWS, POLECAT or OpenSanctions (FtM) files, one graph per file.",
    ),
    "compare": (
        "graph.cli.import_cmd",
        "compare",
        "Events the article extraction and an imported dataset agree on, and those only one has.",
    ),
    "query": ("graph.cli.query_cmd", "query", "Run a SPARQL query over all graphs."),
    "queries": ("graph.cli.query_cmd", "queries", "List the packaged named queries."),
    "validate": ("graph.cli.store_cmd", "validate", "Check the store against the SHACL shapes (exit 3 on violations)."),
    "stats": ("graph.cli.store_cmd", "stats", "Counts by class, event type and source graph."),
    "export": ("graph.cli.store_cmd", "export", "Write all graphs, or one, as TriG, N-Quads, Turtle or JSON-LD."),
    "graphs": ("graph.cli.store_cmd", "graphs", "List source graphs, or drop one."),
    "reindex": ("graph.cli.store_cmd", "reindex", "Write the event digests that fast whole-store reads need."),
    # article extraction
    "extract": ("graph.cli.extract_cmd", "extract", "Print what the extractor finds in articles (no store)."),
    # analyst lookups
    "actors": ("graph.cli.analyst_cmd", "actors", "List actors, by kind or name."),
    "actor": ("graph.cli.analyst_cmd", "actor", "Show one actor: labels, ids, roles, counts."),
    "relations": ("graph.cli.analyst_cmd", "relations", "Events between an actor and others (or one other)."),
    "timeline": ("graph.cli.analyst_cmd", "timeline", "Both directions between two actors, in date order."),
    "sanctions": ("graph.cli.analyst_cmd", "sanctions", "Who sanctioned whom, with sources and denials."),
    "roles": ("graph.cli.analyst_cmd", "roles", "Posts a person held, with dates."),
    "family": ("graph.cli.analyst_cmd", "family", "Family ties of a person."),
    "associates": ("graph.cli.analyst_cmd", "associates", "Associates of a person: ties other than family."),
    "path": ("graph.cli.analyst_cmd", "path", "Shortest path between two actors."),
    "ego": ("graph.cli.analyst_cmd", "ego", "An actor's neighbourhood to a depth."),
    "balance": ("graph.cli.analyst_cmd", "balance", "Cooperation-conflict balance of a dyad per month or year."),
    "contradictions": (
        "graph.cli.analyst_cmd",
        "contradictions",
        "Claims that disagree: polarity, and across sources date, initiator, status, participants.",
    ),
    "reports": ("graph.cli.analyst_cmd", "reports", "The reports one event was read from, with why they merged."),
    "export-graph": (
        "graph.cli.analyst_cmd",
        "export_graph",
        "Export the actor-event network (GEXF, GraphML, JSON, CSV).",
    ),
    # views and serving
    "view": ("graph.cli.view_cmd", "view", "Write the interactive HTML graph (works offline)."),
    "serve": ("graph.cli.serve_cmd", "serve", "Serve the store over the SPARQL 1.1 Protocol."),
}

EPILOG = """\b
Exit codes: 0 ok (also empty results) · 1 failed · 2 usage · 3 data did not pass
(validation, strict ingest).
Store: --store DIR, or DIPLOGRAPH_STORE; default ./.diplograph-store (Oxigraph on disk);
'memory:' keeps nothing.
"""


def _available(module: str) -> bool:
    """Whether a command's module exists (checked without importing it)."""
    from importlib.util import find_spec

    return find_spec(module) is not None


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that subcommand runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if _available(COMMANDS[name][0]))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _available(COMMANDS[cmd_name][0]):
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


WAIT_HELP = (
    "Wait up to SECONDS for another process using the store: readers wait for an ingest to finish, "
    "an ingest waits for readers to close. [default 0: fail at once]"
)


def _wait_callback(ctx: click.Context, _param: click.Parameter, seconds: float | None) -> None:
    """Make opens of the store in this command wait (graph.store.locking.waiting), until it ends."""
    if seconds is not None:
        from graph.store.locking import waiting

        ctx.with_resource(waiting(seconds))


def wait_option(fn: Any) -> Any:
    """``--wait SECONDS``: how long opening the on-disk store waits for other processes."""
    return click.option(
        "--wait",
        type=click.FloatRange(min=0),
        default=None,
        metavar="SECONDS",
        expose_value=False,
        is_eager=True,
        callback=_wait_callback,
        help=WAIT_HELP,
    )(fn)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    envvar="DIPLOGRAPH_STORE",
    default=None,
    metavar="LOCATION",
    help="Store directory, memory:, or sparql+http://host:port/path. "
    "[env DIPLOGRAPH_STORE; default ./.diplograph-store]",
)
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and more detail on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Print no summaries on stderr.")
@wait_option
@click.version_option(package_name="diplograph", prog_name="diplograph")
@click.pass_context
def main(ctx: click.Context, store: str | None, verbose: bool, quiet: bool) -> None:
    """diplograph: a knowledge graph of diplomatic actors and relations."""
    ctx.obj = {"store": store, "verbose": verbose, "quiet": quiet}


def store_option(fn: Any) -> Any:
    """``--store`` (overrides the group's) and ``--wait`` on a subcommand."""
    fn = wait_option(fn)
    return click.option(
        "--store", "store_here", default=None, metavar="LOCATION", help="Store location (overrides the global --store)."
    )(fn)


def settings_from(ctx: click.Context, store_here: str | None = None) -> Any:
    from graph.settings import load_settings

    obj = ctx.find_root().obj or {}
    return load_settings({"store": store_here or obj.get("store")})


def verbose(ctx: click.Context) -> bool:
    return bool((ctx.find_root().obj or {}).get("verbose"))


def quiet(ctx: click.Context) -> bool:
    return bool((ctx.find_root().obj or {}).get("quiet"))
