"""``diplograph import`` and ``diplograph compare``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph.cli import quiet as is_quiet
from graph.cli import settings_from, store_option
from graph.cli import verbose as is_verbose
from graph.cli.analyst_options import emit, period_options, session, table_options
from graph.cli.exits import FAILED, reported
from graph.cli.output import compact
from graph.importers.base import DATASETS

DATASET_NAMES = tuple(DATASETS)


@click.command("import")
@click.argument("dataset", type=click.Choice(DATASET_NAMES))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="The first bad row is fatal (exit 3) and nothing is written.")
@click.option("--no-rules", is_flag=True, help="Do not recompute derived triples (state roll-up, coreference).")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the import report as JSON to this file.",
)
@store_option
@click.pass_context
def import_(
    ctx: click.Context,
    dataset: str,
    inputs: tuple[str, ...],
    strict: bool,
    no_rules: bool,
    report_path: str | None,
    store_here: str | None,
) -> None:
    """Import DATASET files (plain, .gz, .zip, globs, or - for stdin).

    \b
    gdelt    GDELT 1.0 / 2.0 event files (57, 58 or 61 tab-separated columns)
    icews    ICEWS coded event files (tab-separated, with their header)
    polecat  POLECAT weekly files (tab-separated, with their header)
    ftm      OpenSanctions / FollowTheMoney entities (entities.ftm.json, one entity per line)

    Each file becomes one named graph, replaced when the file is imported again; every row is a
    claim whose source is the dataset, file and line. Bad rows are reported as file:line: reason
    and skipped (with --strict: exit 3, nothing written). The dataset's licence is printed and
    recorded in graph/meta.
    """
    from graph.importers import import_files
    from graph.store import open_store

    with reported(is_verbose(ctx)):
        settings = settings_from(ctx, store_here)
        quiet = is_quiet(ctx)
        d = DATASETS[dataset]
        if not quiet:
            click.echo(f"{d.title}: licence {d.licence} <{d.licence_url}>", err=True)
        store = open_store(settings.store, create=True)
        show = sys.stderr.isatty() and not quiet

        def progress(name: str, rows: int) -> None:
            if show:
                click.echo(f"\r{name}: {rows} rows", nl=False, err=True)

        def bad(text: str) -> None:
            click.echo(f"{text}", err=True)

        try:
            report = import_files(
                dataset, inputs, store, strict=strict, derive=not no_rules, progress=progress, on_bad=bad
            )
        finally:
            store.close()
        if show:
            click.echo("", err=True)
        if report_path:
            Path(report_path).write_text(json.dumps(report.to_dict(), indent=1, default=str))
        if not quiet:
            click.echo(report.summary(), err=True)
        if report.bad and not report.records:
            ctx.exit(FAILED)


@click.command()
@click.argument("dataset", type=click.Choice(DATASET_NAMES))
@click.argument("a", required=False)
@click.argument("b", required=False)
@period_options
@table_options
@click.pass_context
def compare(
    ctx: click.Context,
    dataset: str,
    a: str | None,
    b: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
    limit: int | None,
    store_here: str | None,
) -> None:
    """Events the article extraction and DATASET agree on, per state dyad and month, and those only
    one of them has (status both, articles or dataset). A and B keep one dyad.

    \b
    Two reports agree when they involve the same two states (officials and agencies count for
    their state), share the CAMEO root and have overlapping dates; each is matched once.
    Example:
      diplograph compare gdelt USA COL --since 2026-01 --until 2026-03
    """
    if (a is None) != (b is None):
        raise click.UsageError("give both actors of the dyad, or neither")
    with session(ctx, store_here) as kg:
        found = kg.compare(dataset, a, b, since=since, until=until)
        label = kg.index.label
        emit(
            ["a", "b", "period", "status", "root", "article_event", "dataset_event", "earliest", "latest"],
            [
                [
                    label(r.dyad[0]),
                    label(r.dyad[1]),
                    r.period,
                    r.status,
                    r.root,
                    compact(r.article_event) if r.article_event else None,
                    compact(r.dataset_event) if r.dataset_event else None,
                    r.earliest,
                    r.latest,
                ]
                for r in found
            ],
            fmt,
            limit,
        )
        if not is_quiet(ctx):
            counts = {s: sum(1 for r in found if r.status == s) for s in ("both", "articles", "dataset")}
            click.echo(
                f"{counts['both']} agreed, {counts['articles']} only in the articles, "
                f"{counts['dataset']} only in {dataset}",
                err=True,
            )
