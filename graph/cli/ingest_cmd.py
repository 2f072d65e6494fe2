"""``diplograph ingest``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph.cli import quiet as is_quiet
from graph.cli import settings_from, store_option
from graph.cli import verbose as is_verbose
from graph.cli.exits import FAILED, reported


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Any bad input is fatal (exit 3) and nothing is written.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the ingest report as JSON to this file.",
)
@click.option("--no-rules", is_flag=True, help="Do not recompute derived triples (state roll-up, contradictions).")
@store_option
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    strict: bool,
    report_path: str | None,
    no_rules: bool,
    store_here: str | None,
) -> None:
    """Ingest INPUTS (files, directories or globs): curated YAML/JSON or RDF (TriG, N-Quads, Turtle).

    Each source replaces its own named graph, so ingesting the same input twice gives the same
    store. Bad inputs are skipped and listed (exit 3 with --strict, nothing written).
    """
    from graph.pipeline import ingest as run_ingest
    from graph.store import open_store

    with reported(is_verbose(ctx)):
        settings = settings_from(ctx, store_here)
        store = open_store(settings.store, create=True)
        show = sys.stderr.isatty() and not is_quiet(ctx)

        def progress(done: int, total: int) -> None:
            if show and total > 1:
                click.echo(f"\r{done}/{total} inputs", nl=done == total, err=True)

        try:
            report = run_ingest(
                inputs, store, strict=strict, batch_size=settings.batch_size, derive=not no_rules, progress=progress
            )
        except Exception as exc:
            failed = getattr(exc, "report", None)
            if report_path and failed is not None:
                Path(report_path).write_text(json.dumps(failed.to_dict(), indent=1, default=str))
            raise
        finally:
            store.close()
        if report_path:
            Path(report_path).write_text(json.dumps(report.to_dict(), indent=1, default=str))
        for skipped in report.skipped:
            click.echo(f"error: skipped {skipped.reason}", err=True)
        if not is_quiet(ctx):
            click.echo(report.summary(), err=True)
        if report.skipped and not report.sources:
            ctx.exit(FAILED)
