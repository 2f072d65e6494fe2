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
    "query": ("graph.cli.query_cmd", "query", "Run a SPARQL query over all graphs."),
    "queries": ("graph.cli.query_cmd", "queries", "List the packaged named queries."),
    "validate": ("graph.cli.store_cmd", "validate", "Check the store against the SHACL shapes (exit 3 on violations)."),
    "stats": ("graph.cli.store_cmd", "stats", "Counts by class, event type and source graph."),
    "export": ("graph.cli.store_cmd", "export", "Write all graphs, or one, as TriG, N-Quads, Turtle or JSON-LD."),
    "graphs": ("graph.cli.store_cmd", "graphs", "List source graphs, or drop one."),
}

EPILOG = """\b
Exit codes: 0 ok (also empty results) · 1 failed · 2 usage · 3 data did not pass
(validation, strict ingest).
Store: --store DIR, or DIPLOGRAPH_STORE; default ./.diplograph-store (Oxigraph on disk);
'memory:' keeps nothing.
"""


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that subcommand runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    envvar="DIPLOGRAPH_STORE",
    default=None,
    metavar="LOCATION",
    help="Store directory, or memory:. [env DIPLOGRAPH_STORE; default ./.diplograph-store]",
)
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and more detail on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Print no summaries on stderr.")
@click.version_option(package_name="diplograph", prog_name="diplograph")
@click.pass_context
def main(ctx: click.Context, store: str | None, verbose: bool, quiet: bool) -> None:
    """diplograph: a knowledge graph of diplomatic actors and relations."""
    ctx.obj = {"store": store, "verbose": verbose, "quiet": quiet}


def store_option(fn: Any) -> Any:
    """``--store`` on a subcommand too (overrides the group's)."""
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
